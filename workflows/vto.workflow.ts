import {
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  allowedVtoCommands,
  applyVtoCommand,
  applyVtoDeadline,
  initialVtoState,
  isOpenVtoStatus,
  isVtoOverdue,
  pendingVtoDeadlines,
  placeOnAgenda,
  recordVtoDeliveryFailures,
  vtoCommandProblems,
  vtoCommandStateProblems,
  vtoInputProblems,
  vtoOpeningLetters,
  vtoProjectionOf,
  vtoSummary,
  type AgendaPlacement,
  type VtoCommand,
  type VtoInput,
  type VtoLetter,
  type VtoState,
} from '@cjg/domain';
import {
  CaseKindKey,
  CaseNumberKey,
  CoordinatorIdKey,
  FamilyIdKey,
  MunicipalityCodeKey,
  NextDueAtKey,
  OrganisationIdKey,
  OverdueKey,
  ProcessStatusKey,
} from '@cjg/temporal';
import type { TrajectoryActivities } from '../activities/trajectory.activities';
import type { VtoActivities } from '../activities/vto.activities';
import { LETTER_OPTIONS, PROJECTION_OPTIONS } from './activity-options';
import {
  createInflight,
  letterRunner,
  refuseCommand,
  revisionPublisher,
  setCommandHandlers,
} from './support/process-kit';
import {
  placedOnAgendaSignal,
  VTO_CASE_KIND,
  VTO_COMMAND_TYPES,
  vtoCommandUpdates,
  vtoStateQuery,
  type VtoCommandResult,
  type VtoView,
} from './vto.definitions';

const projection = proxyActivities<VtoActivities>(PROJECTION_OPTIONS);
const letters = proxyActivities<TrajectoryActivities>(LETTER_OPTIONS);

function view(state: VtoState): VtoView {
  return {
    ...state,
    allowedCommands: allowedVtoCommands(state),
    pendingDeadlines: pendingVtoDeadlines(state),
    overdue: isVtoOverdue(state),
  };
}

/**
 * One verzoek tot onderzoek at the Raad voor de Kinderbescherming (002 §3.6), from the
 * coordinator's proposal to the Raad's answer. The rules are pure functions in
 * libs/domain/src/processes/vto.ts; this workflow decides *when*.
 *
 * 1. The written request goes to the parents at once; the request goes no further until the
 *    coordinator records when and how the parents were informed (a reminder when that is late).
 * 2. It waits for the weekly beschermingsplein: the `beschermingsplein-agenda` schedule's run
 *    signals it onto a meeting's agenda (an agenda signal before step 1 is recorded is ignored).
 * 3. The meeting's decision is recorded (a reminder a week after the meeting): held over to the
 *    next agenda, not sent (the parents are told why), or sent to the Raad (the Raad and the
 *    parents are told).
 * 4. The Raad's answer is recorded (a reminder when it is late): an investigation or not.
 *
 * Its id is `vto-<caseNumber>`; its history carries ids, codes and dates only.
 */
export async function vtoWorkflow(input: VtoInput, resumed?: VtoState): Promise<VtoView> {
  if (!resumed) {
    const problems = vtoInputProblems(input);
    if (problems.length > 0) {
      throw ApplicationFailure.nonRetryable(problems.join('; '), 'InvalidVtoInput');
    }
  }
  const state: VtoState = resumed ?? initialVtoState(input, new Date());
  const workflowId = workflowInfo().workflowId;
  const effects: VtoLetter[] = [];
  const inflight = createInflight();

  setHandler(vtoStateQuery, () => view(state));
  setCommandHandlers<VtoCommand, VtoCommandResult>(
    VTO_COMMAND_TYPES,
    vtoCommandUpdates,
    (command) => {
      effects.push(...applyVtoCommand(state, command, new Date()));
      return view(state);
    },
    (command) => {
      const problems = vtoCommandProblems(state, command, new Date());
      if (problems.length > 0) {
        throw refuseCommand(problems, vtoCommandStateProblems(state, command.type).length > 0);
      }
    },
  );
  setHandler(placedOnAgendaSignal, (placement: AgendaPlacement) => {
    const placed = placeOnAgenda(state, placement, new Date());
    if (placed.length === 0) {
      log.info('agenda placement ignored', { status: state.status, agendaId: placement.agendaId });
    }
    effects.push(...placed);
  });

  const sendLetter = letterRunner({
    state,
    inflight,
    send: (effect: VtoLetter, sequence: number) =>
      letters.sendLetter({
        workflowId,
        sequence,
        kind: effect.kind,
        to: effect.to,
        facts: effect.facts,
      }),
    undelivered: (effect, sequence, failures) => {
      effects.push(
        ...recordVtoDeliveryFailures(state, effect.kind, sequence, failures, new Date()),
      );
    },
  });

  /** Starts the letters, in order, without waiting for them. */
  const runEffects = () => {
    for (const effect of effects.splice(0)) sendLetter(effect);
  };

  /** Search attributes, memo and read model follow every change. */
  const { publish } = revisionPublisher(state, () => {
    const next = pendingVtoDeadlines(state)[0];
    // The partner it waits for: the beschermingsplein while on its agenda, then the Raad.
    const organisationId = state.raad?.organisationId ?? state.agenda?.beschermingspleinId;
    upsertSearchAttributes([
      { key: CaseKindKey, value: VTO_CASE_KIND },
      { key: CaseNumberKey, value: state.caseNumber },
      { key: MunicipalityCodeKey, value: state.municipalityCode },
      { key: CoordinatorIdKey, value: state.coordinatorId },
      { key: FamilyIdKey, value: state.familyId },
      { key: ProcessStatusKey, value: state.status },
      { key: OrganisationIdKey, value: organisationId ?? null },
      { key: OverdueKey, value: isVtoOverdue(state) },
      { key: NextDueAtKey, value: next ? new Date(next.at) : null },
    ]);
    upsertMemo({ summary: vtoSummary(state) });
    inflight.track(projection.projectVto(vtoProjectionOf(state, workflowId)), 'projection');
  });

  if (!resumed) effects.push(...vtoOpeningLetters(state));

  while (isOpenVtoStatus(state.status)) {
    runEffects();
    publish();
    const [next] = pendingVtoDeadlines(state);
    const now = Date.now();
    if (next && Date.parse(next.at) <= now) {
      effects.push(...applyVtoDeadline(state, next.kind));
      continue;
    }
    if (workflowInfo().continueAsNewSuggested) {
      // Let running handlers and activities finish, so nothing is cut off mid-way.
      await inflight.settle();
      if (effects.length === 0) return await continueAsNew<typeof vtoWorkflow>(input, state);
      continue;
    }
    const seen = state.revision;
    await condition(
      () => state.revision !== seen || effects.length > 0,
      next ? Date.parse(next.at) - now : undefined,
    );
  }

  // Closed: the last letters and the final projection go out before the end, and so does a
  // notice about a last letter that could not be delivered.
  runEffects();
  publish();
  await inflight.settle();
  while (effects.length > 0) {
    runEffects();
    publish();
    await inflight.drain();
  }
  return view(state);
}
