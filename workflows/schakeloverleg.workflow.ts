import {
  WorkflowExecutionAlreadyStartedError,
  type SearchAttributeUpdatePair,
} from '@temporalio/common';
import {
  ApplicationFailure,
  allHandlersFinished,
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
  applyTransferCommand,
  applyTransferDeadline,
  carriedCareSummary,
  initialTransferState,
  isOpenTransfer,
  isTransferOverdue,
  linkedTrajectoryInput,
  pendingTransferDeadlines,
  recordTrajectoryStarted,
  recordTransferDeliveryFailures,
  transferCommandProblems,
  transferCommandStateProblems,
  transferInputProblems,
  transferProposedEffects,
  transferSummary,
  transferView,
  trajectoryWorkflowId,
  type TransferCommand,
  type TransferEffect,
  type TransferInput,
  type TransferState,
  type TransferView,
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
import type { TrajectoryActivities } from '../activities';
import { LETTER_OPTIONS } from './activity-options';
import {
  SCHAKELOVERLEG_CASE_KIND,
  TRANSFER_COMMAND_TYPES,
  transferCommandUpdates,
  transferStateQuery,
  type TransferCommandResult,
} from './schakeloverleg.definitions';
import {
  createInflight,
  letterRunner,
  refuseCommand,
  revisionPublisher,
  setCommandHandlers,
} from './support/process-kit';
import { TRAJECTORY_WORKFLOW_TYPE } from './trajectory.definitions';
import type { trajectoryWorkflow } from './trajectory.workflow';

const letters = proxyActivities<TrajectoryActivities>(LETTER_OPTIONS);

/**
 * One Schakeloverleg transfer (000), from the GI's proposal to the start of the voluntary toegang
 * trajectory, or its withdrawal or lapse. The rules are pure functions in
 * libs/domain/src/processes/schakeloverleg.ts; this workflow decides *when*: it runs each accepted
 * command, wakes at the earliest deadline (planning reminder and escalation, the outcome reminder,
 * the revisit date, the measure's end date) and hands letters to the `sendLetter` activity.
 *
 * When agreed, it waits (a durable timer) until the measure's end date and then starts the
 * trajectory `trajectory-<caseNumber>` as a child that outlives it (ParentClosePolicy.ABANDON).
 *
 * Its id is `schakeloverleg-<organisationId>.<reference>`; its history holds ids, codes and dates.
 */
export async function schakeloverlegTransferWorkflow(
  input: TransferInput,
  resumed?: TransferState,
): Promise<TransferView> {
  if (!resumed) {
    const problems = transferInputProblems(input);
    if (problems.length > 0) {
      throw ApplicationFailure.nonRetryable(problems.join('; '), 'InvalidTransferInput');
    }
  }
  const state: TransferState = resumed ?? initialTransferState(input, new Date());
  const workflowId = workflowInfo().workflowId;
  const effects: TransferEffect[] = resumed ? [] : transferProposedEffects(state);
  const inflight = createInflight();

  setHandler(transferStateQuery, () => transferView(state, new Date()));
  setCommandHandlers<TransferCommand, TransferCommandResult>(
    TRANSFER_COMMAND_TYPES,
    transferCommandUpdates,
    (command) => {
      effects.push(...applyTransferCommand(state, command, new Date()));
      return transferView(state, new Date());
    },
    (command) => {
      const now = new Date();
      const problems = transferCommandProblems(state, command, now);
      if (problems.length > 0) {
        const byState = transferCommandStateProblems(state, command.type, now).length > 0;
        throw refuseCommand(problems, byState);
      }
    },
  );

  /** Starts the linked toegang trajectory; a case number already in use is linked, not started. */
  const startTrajectory = async () => {
    const trajectory = linkedTrajectoryInput(state);
    let alreadyExisted = false;
    try {
      await startChild<typeof trajectoryWorkflow>(TRAJECTORY_WORKFLOW_TYPE, {
        workflowId: trajectoryWorkflowId(trajectory.caseNumber),
        args: [trajectory],
        // The trajectory runs for months or years after this transfer has ended.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: CaseKindKey, value: 'trajectory' },
          { key: CaseNumberKey, value: trajectory.caseNumber },
          { key: MunicipalityCodeKey, value: trajectory.municipalityCode },
          { key: CoordinatorIdKey, value: trajectory.coordinatorId },
          { key: FamilyIdKey, value: trajectory.familyId },
          { key: TrajectoryPhaseKey, value: 'intake' },
        ],
        // Where the case came from and the care carried over, for ops in the Temporal UI (the
        // trajectory keeps its own `summary` memo beside these).
        memo: { transferId: state.transferId, carriedOverCare: carriedCareSummary(state) },
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      alreadyExisted = true;
    }
    effects.push(...recordTrajectoryStarted(state, alreadyExisted, new Date()));
  };

  const sendLetter = letterRunner({
    state,
    inflight,
    send: (effect: Extract<TransferEffect, { type: 'letter' }>, sequence: number) =>
      letters.sendLetter({
        workflowId,
        sequence,
        kind: effect.kind,
        to: effect.to,
        facts: effect.facts,
      }),
    undelivered: (effect, sequence, failures) => {
      effects.push(
        ...recordTransferDeliveryFailures(state, effect.kind, sequence, failures, new Date()),
      );
    },
  });

  /** Starts the activities for the letters, in order, without waiting for them. */
  const runEffects = async () => {
    for (const effect of effects.splice(0)) {
      if (effect.type === 'start-trajectory') {
        await startTrajectory();
        continue;
      }
      sendLetter(effect);
    }
  };

  /** Search attributes and memo follow every change, so ops find the transfer in the Web UI. */
  const { publish } = revisionPublisher(state, () => {
    const next = pendingTransferDeadlines(state)[0];
    const attributes: SearchAttributeUpdatePair[] = [
      { key: CaseKindKey, value: SCHAKELOVERLEG_CASE_KIND },
      { key: ProcessStatusKey, value: state.status },
      { key: OrganisationIdKey, value: state.organisationId },
      { key: MunicipalityCodeKey, value: state.municipalityCode },
      { key: FamilyIdKey, value: state.familyId },
      { key: OverdueKey, value: isTransferOverdue(state) },
      { key: NextDueAtKey, value: next ? new Date(next.at) : null },
    ];
    if (state.coordinatorId) attributes.push({ key: CoordinatorIdKey, value: state.coordinatorId });
    // The toegang case it leads to: `CaseNumber = "…"` finds the trajectory and its transfer.
    if (state.agreement) attributes.push({ key: CaseNumberKey, value: state.agreement.caseNumber });
    upsertSearchAttributes(attributes);
    upsertMemo({ summary: transferSummary(state) });
  });

  while (isOpenTransfer(state.status)) {
    await runEffects();
    publish();
    if (!isOpenTransfer(state.status)) break;
    const [next] = pendingTransferDeadlines(state);
    const now = Date.now();
    if (next && Date.parse(next.at) <= now) {
      effects.push(...applyTransferDeadline(state, next.kind, new Date()));
      continue;
    }
    const info = workflowInfo();
    if (info.historyLength >= state.policy.maxHistoryEvents || info.continueAsNewSuggested) {
      // Let running handlers and letters finish, so nothing is cut off mid-way.
      await inflight.settle();
      if (effects.length === 0) {
        return await continueAsNew<typeof schakeloverlegTransferWorkflow>(input, state);
      }
      continue;
    }
    const seen = state.revision;
    await condition(
      () => state.revision !== seen || effects.length > 0,
      next ? Date.parse(next.at) - now : undefined,
    );
  }

  // Started, withdrawn or lapsed: the last letters go out before the end, and so does a notice
  // about a last letter that could not be delivered.
  await condition(allHandlersFinished);
  while (effects.length > 0 || inflight.size > 0) {
    await runEffects();
    publish();
    await inflight.drain();
  }
  publish();
  return transferView(state, new Date());
}
