import { ApplicationFailure, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  condition,
  continueAsNew,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  allowedHandoverCommands,
  applyHandoverCommand,
  applyHandoverDeadline,
  handoverCommandProblems,
  handoverInputProblems,
  handoverNextDue,
  handoverProjectionOf,
  handoverRefusedByState,
  handoverSummary,
  initialHandoverState,
  handoverReceivedLetters,
  isHandoverOverdue,
  isOpenHandover,
  pendingHandoverDeadlines,
  recordHandoverDeliveryFailures,
  trajectoryWorkflowId,
  type HandoverCommand,
  type HandoverInput,
  type HandoverLetter,
  type HandoverState,
  type TrajectoryInput,
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
  TrajectoryPhaseKey,
} from '@cjg/temporal';
import type { VeiligThuisActivities } from '../activities/veilig-thuis.activities';
import { LETTER_OPTIONS, PROJECTION_OPTIONS } from './activity-options';
import {
  createInflight,
  letterRunner,
  refuseCommand,
  revisionPublisher,
  setCommandHandlers,
} from './support/process-kit';
import { TRAJECTORY_WORKFLOW_TYPE } from './trajectory.definitions';
import {
  HANDOVER_COMMAND_TYPES,
  handoverStateQuery,
  handoverUpdates,
  VEILIG_THUIS_CASE_KIND,
  type HandoverCommandResult,
  type HandoverView,
} from './veilig-thuis.definitions';

const letters = proxyActivities<VeiligThuisActivities>(LETTER_OPTIONS);
const projection = proxyActivities<VeiligThuisActivities>(PROJECTION_OPTIONS);

/**
 * One Veilig Thuis warm handover (002 §3.6, §5.6), from Veilig Thuis handing the case over to its
 * outcome: a linked toegang trajectory, basic support, a refusal back to Veilig Thuis, or Veilig
 * Thuis withdrawing it. The rules are pure functions in libs/domain/src/processes/veilig-thuis.ts;
 * this workflow decides *when*: it runs each accepted command, wakes at the earliest deadline
 * (acceptance, meeting reminder and deadline, feedback, all in working days), and hands letters
 * and the read-model projection to activities.
 *
 * Its id is `veilig-thuis-handover-<handoverId>`; its history carries ids, codes, dates and the
 * ids of texts kept in PostgreSQL, never the texts. `startTrajectory` starts the trajectory as a
 * child workflow (`trajectory-<caseNumber>`) that outlives the handover (ParentClosePolicy
 * ABANDON); the trajectory records the handover id as its previous case number.
 */
export async function veiligThuisHandoverWorkflow(
  input: HandoverInput,
  resumed?: HandoverState,
): Promise<HandoverView> {
  if (!resumed) {
    const problems = handoverInputProblems(input);
    if (problems.length > 0) {
      throw ApplicationFailure.nonRetryable(problems.join('; '), 'InvalidHandoverInput');
    }
  }
  const state: HandoverState = resumed ?? initialHandoverState(input, new Date());
  const workflowId = workflowInfo().workflowId;
  const effects: HandoverLetter[] = resumed ? [] : handoverReceivedLetters(state);
  const inflight = createInflight();
  /** A trajectory is being started: every other command waits for the answer. */
  let starting = false;

  const view = (): HandoverView => ({
    ...state,
    allowedCommands: starting ? [] : allowedHandoverCommands(state),
    pendingDeadlines: pendingHandoverDeadlines(state),
    overdue: isHandoverOverdue(state),
  });
  setHandler(handoverStateQuery, view);

  /** Starts the linked toegang trajectory; a case number in use refuses the command. */
  const startTrajectory = async (
    command: Extract<HandoverCommand, { type: 'startTrajectory' }>,
  ) => {
    const trajectory: TrajectoryInput = {
      caseNumber: command.caseNumber,
      municipalityCode: state.municipalityCode,
      coordinatorId: state.coordinatorId!,
      clientId: state.clientId!,
      familyId: state.familyId!,
      previousCaseNumber: state.handoverId,
      ...(command.policy ? { policy: command.policy } : {}),
    };
    try {
      await startChild(TRAJECTORY_WORKFLOW_TYPE, {
        workflowId: trajectoryWorkflowId(command.caseNumber),
        args: [trajectory],
        // The trajectory runs for months or years after the handover has ended.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        // A case number names one trajectory forever, also after it has closed.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: CaseKindKey, value: 'trajectory' },
          { key: CaseNumberKey, value: trajectory.caseNumber },
          { key: MunicipalityCodeKey, value: trajectory.municipalityCode },
          { key: CoordinatorIdKey, value: trajectory.coordinatorId },
          { key: FamilyIdKey, value: trajectory.familyId },
          { key: TrajectoryPhaseKey, value: 'intake' },
        ],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw refuseCommand(
          [`a trajectory with case number ${command.caseNumber} already exists`],
          true,
        );
      }
      throw error;
    }
  };

  setCommandHandlers<HandoverCommand, HandoverCommandResult>(
    HANDOVER_COMMAND_TYPES,
    handoverUpdates,
    async (command) => {
      if (command.type === 'startTrajectory') {
        starting = true;
        try {
          await startTrajectory(command);
        } finally {
          starting = false;
        }
      }
      effects.push(...applyHandoverCommand(state, command, new Date()));
      return view();
    },
    (command) => {
      if (starting) throw refuseCommand(['a trajectory is being started for this handover'], true);
      const problems = handoverCommandProblems(state, command, new Date());
      if (problems.length > 0) {
        throw refuseCommand(problems, handoverRefusedByState(state, command));
      }
    },
  );

  const sendLetter = letterRunner({
    state,
    inflight,
    send: (letter: HandoverLetter, sequence: number) =>
      letters.sendHandoverLetter({
        handoverId: state.handoverId,
        workflowId,
        sequence,
        kind: letter.kind,
        to: letter.to,
        facts: letter.facts,
      }),
    undelivered: (letter, sequence, failures) => {
      effects.push(
        ...recordHandoverDeliveryFailures(state, letter.kind, sequence, failures, new Date()),
      );
    },
  });

  /** Starts the letters, in order, without waiting for them. */
  const runEffects = () => {
    for (const letter of effects.splice(0)) {
      if (letter.to.length > 0) sendLetter(letter);
    }
  };

  /** Search attributes, memo and read model follow every change. */
  const publisher = revisionPublisher(state, () => {
    const next = handoverNextDue(state);
    upsertSearchAttributes([
      { key: CaseKindKey, value: VEILIG_THUIS_CASE_KIND },
      { key: OrganisationIdKey, value: state.organisationId },
      { key: MunicipalityCodeKey, value: state.municipalityCode },
      { key: ProcessStatusKey, value: state.status },
      ...(state.coordinatorId ? [{ key: CoordinatorIdKey, value: state.coordinatorId }] : []),
      ...(state.familyId ? [{ key: FamilyIdKey, value: state.familyId }] : []),
      // Ops searching the trajectory's case number find the handover it came from too.
      ...(state.outcome?.caseNumber
        ? [{ key: CaseNumberKey, value: state.outcome.caseNumber }]
        : []),
      { key: OverdueKey, value: isHandoverOverdue(state) },
      { key: NextDueAtKey, value: next ? new Date(next.at) : null },
    ]);
    upsertMemo({ summary: handoverSummary(state) });
    inflight.track(
      projection.projectHandover(handoverProjectionOf(state, workflowId)),
      'projection',
    );
  });
  const { publish } = publisher;

  while (isOpenHandover(state.status)) {
    runEffects();
    publish();
    const [next] = pendingHandoverDeadlines(state);
    const now = Date.now();
    if (next && Date.parse(next.at) <= now) {
      effects.push(...applyHandoverDeadline(state, next.kind, new Date()));
      continue;
    }
    if (workflowInfo().continueAsNewSuggested) {
      // Let running handlers and activities finish, so nothing is cut off mid-way.
      await inflight.settle();
      if (effects.length === 0 && isOpenHandover(state.status)) {
        return await continueAsNew<typeof veiligThuisHandoverWorkflow>(input, state);
      }
      continue;
    }
    const seen = state.revision;
    await condition(
      () => state.revision !== seen || effects.length > 0,
      next ? Date.parse(next.at) - now : undefined,
    );
  }

  // Ended: the last letters and the final projection go out before the end, and so does a
  // notice about a last letter that could not be delivered.
  runEffects();
  publish();
  await inflight.settle();
  while (effects.length > 0 || !publisher.current) {
    runEffects();
    publish();
    await inflight.drain();
  }
  return view();
}
