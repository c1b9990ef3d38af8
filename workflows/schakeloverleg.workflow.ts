import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  carriedCareSummary,
  linkedTrajectoryInput,
  recordTrajectoryStarted,
  SCHAKELOVERLEG_PROCESS,
} from '@cjg/domain';
import {
  SCHAKELOVERLEG_CASE_KIND,
  transferCommandUpdates,
  transferStateQuery,
} from './schakeloverleg.definitions';
import { startLinkedTrajectory } from './support/linked-trajectory';
import { processWorkflow } from './support/process-runner';

/**
 * One Schakeloverleg transfer (000), from the GI's proposal to the start of the voluntary toegang
 * trajectory, or its withdrawal or lapse: the process of libs/domain/src/processes/schakeloverleg,
 * run by the process runner. It has no read model of its own: ops find it in the Web UI by its
 * search attributes. Its id is `schakeloverleg-<organisationId>.<reference>`; its history holds
 * ids, codes and dates.
 *
 * When agreed, it waits (a durable timer) until the measure's end date and then starts the
 * trajectory `trajectory-<caseNumber>` as a child that outlives it; a case number already in use
 * is linked, not started again.
 */
export const schakeloverlegTransferWorkflow = processWorkflow({
  process: SCHAKELOVERLEG_PROCESS,
  invalidInput: 'InvalidTransferInput',
  stateQuery: transferStateQuery,
  updates: transferCommandUpdates,
  search: (state) => ({
    caseKind: SCHAKELOVERLEG_CASE_KIND,
    status: state.status,
    organisationId: state.organisationId,
    // The toegang case it leads to: `CaseNumber = "…"` finds the trajectory and its transfer.
    caseNumber: state.agreement?.caseNumber,
  }),
  own: {
    'start-trajectory': async (_effect, { state, queue }) => {
      let alreadyExisted = false;
      try {
        // Where the case came from and the care carried over, for ops in the Temporal UI (the
        // trajectory keeps its own `summary` memo beside these).
        await startLinkedTrajectory(linkedTrajectoryInput(state), {
          transferId: state.transferId,
          carriedOverCare: carriedCareSummary(state),
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        alreadyExisted = true;
      }
      queue(recordTrajectoryStarted(state, alreadyExisted, new Date()));
    },
  },
  awaitEffects: true,
  legacy: {
    continuedAtHistoryBound: true,
    continuedWhenEnded: true,
    closing: 'handlers-first',
  },
});
