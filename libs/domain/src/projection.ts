import {
  activeProviders,
  involvedProviders,
  isOverdue,
  pendingDeadlines,
  type TrajectoryState,
} from './trajectory';

/** The row of the read model a trajectory writes at every change (ids and codes only). */
export function projectionOf(state: TrajectoryState, workflowId: string) {
  const next = pendingDeadlines(state)[0];
  return {
    workflowId,
    revision: state.revision,
    caseNumber: state.caseNumber,
    municipalityCode: state.municipalityCode,
    coordinatorId: state.coordinatorId,
    clientId: state.clientId,
    familyId: state.familyId,
    phase: state.phase,
    startedAt: state.startedAt,
    coordinated: state.coordination ? state.coordination.coordinate : null,
    beschikkingNumber: state.beschikking?.number ?? null,
    beschikkingStart: state.beschikking?.startDate ?? null,
    beschikkingEnd: state.beschikking?.endDate ?? null,
    // Every provider with a part in the case (referred, intake, granted): what a provider may see.
    providerAgbCodes: involvedProviders(state),
    activeProviderAgbCodes: activeProviders(state),
    nextDueAt: next?.at ?? null,
    nextDueKind: next?.kind ?? null,
    overdue: isOverdue(state),
    closedAt: state.closedAt ?? null,
  };
}

export type TrajectoryProjection = ReturnType<typeof projectionOf>;
