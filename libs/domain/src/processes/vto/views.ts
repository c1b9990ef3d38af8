/**
 * What a VTO shows: the `state` query's view, whether it is overdue, the memo's summary and the
 * read model's projection (the agenda run selects the waiting requests from it).
 */
import type { CalendarDate } from '../../time';
import { processView } from '../kit';
import type { ProcessView } from '../process';
import type { VtoGround, VtoNotSentReason } from './codes';
import { allowedVtoCommands, type VtoCommandType } from './commands';
import { pendingVtoDeadlines, type VtoDeadlineKind } from './deadlines';
import type { VtoState, VtoStatus } from './state';

/** What the `state` query answers: the state plus what may happen next. */
export interface VtoView extends VtoState, ProcessView<VtoCommandType, VtoDeadlineKind> {}

export function vtoView(state: VtoState): VtoView {
  return processView(
    state,
    allowedVtoCommands(state),
    pendingVtoDeadlines(state),
    isVtoOverdue(state),
  );
}

/** Whether the step the VTO waits for is past its deadline. */
export function isVtoOverdue(state: VtoState): boolean {
  switch (state.status) {
    case 'parents-to-inform':
      return state.parents.reminded;
    case 'on-agenda':
      return state.agenda?.reminded ?? false;
    case 'sent-to-raad':
      return state.raad?.reminded ?? false;
    default:
      return false;
  }
}

/** A one-line summary without personal data, for the Temporal UI memo. */
export function vtoSummary(state: VtoState): string {
  const parts = [`VTO ${state.status}`];
  if (state.trajectoryCaseNumber) parts.push(`traject ${state.trajectoryCaseNumber}`);
  if (state.agenda) parts.push(`beschermingsplein ${state.agenda.meetingDate}`);
  if (state.postponements.length > 0) parts.push(`${state.postponements.length}x aangehouden`);
  if (state.decision?.decision === 'not-send')
    parts.push(`niet verzonden (${state.decision.reason})`);
  if (state.raad?.raadReference) parts.push(`Raad ${state.raad.raadReference}`);
  if (isVtoOverdue(state)) parts.push('TE LAAT');
  return parts.join('; ');
}

/**
 * What a VTO writes to the read model (table `vto`) at every change: ids, codes and dates only.
 * The agenda run selects the requests waiting for the agenda from it.
 */
export interface VtoProjection {
  workflowId: string;
  revision: number;
  caseNumber: string;
  municipalityCode: string;
  coordinatorId: string;
  clientId: string;
  familyId: string;
  trajectoryCaseNumber: string | null;
  grounds: VtoGround[];
  status: VtoStatus;
  proposedAt: string;
  parentsInformedOn: CalendarDate | null;
  meetingDate: CalendarDate | null;
  decision: 'send' | 'not-send' | null;
  notSentReason: VtoNotSentReason | null;
  investigationStarted: boolean | null;
  nextDueAt: string | null;
  nextDueKind: VtoDeadlineKind | null;
  overdue: boolean;
  closedAt: string | null;
}

export function vtoProjectionOf(state: VtoState, workflowId: string): VtoProjection {
  const next = pendingVtoDeadlines(state)[0];
  return {
    workflowId,
    revision: state.revision,
    caseNumber: state.caseNumber,
    municipalityCode: state.municipalityCode,
    coordinatorId: state.coordinatorId,
    clientId: state.clientId,
    familyId: state.familyId,
    trajectoryCaseNumber: state.trajectoryCaseNumber ?? null,
    grounds: state.grounds,
    status: state.status,
    proposedAt: state.proposedAt,
    parentsInformedOn: state.parents.informedOn ?? null,
    meetingDate: state.agenda?.meetingDate ?? state.decision?.meetingDate ?? null,
    decision: state.decision?.decision ?? null,
    notSentReason: state.decision?.reason ?? null,
    investigationStarted: state.raad?.investigationStarted ?? null,
    nextDueAt: next?.at ?? null,
    nextDueKind: next?.kind ?? null,
    overdue: isVtoOverdue(state),
    closedAt: state.closedAt ?? null,
  };
}
