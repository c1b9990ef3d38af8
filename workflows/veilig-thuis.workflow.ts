import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import { handoverProjectionOf, VEILIG_THUIS_PROCESS, type TrajectoryInput } from '@cjg/domain';
import type { VeiligThuisActivities } from '../activities/veilig-thuis.activities';
import { LETTER_OPTIONS, LOCAL_PROJECTION_OPTIONS, PROJECTION_OPTIONS } from './activity-options';
import { processWorkflow, refuseInHandler } from './support/process-runner';
import { startLinkedTrajectory } from './support/linked-trajectory';
import {
  handoverStateQuery,
  handoverUpdates,
  VEILIG_THUIS_CASE_KIND,
} from './veilig-thuis.definitions';

const letters = proxyActivities<VeiligThuisActivities>(LETTER_OPTIONS);
const projection = proxyActivities<VeiligThuisActivities>(PROJECTION_OPTIONS);
const localProjection = proxyLocalActivities<VeiligThuisActivities>(LOCAL_PROJECTION_OPTIONS);

/**
 * One Veilig Thuis warm handover (002 §3.6, §5.6), from Veilig Thuis handing the case over to its
 * outcome: the process of libs/domain/src/processes/veilig-thuis, run by the process runner. Its
 * id is `veilig-thuis-handover-<handoverId>`; its history carries ids, codes, dates and the ids of
 * texts kept in PostgreSQL, never the texts.
 *
 * `startTrajectory` first starts the linked trajectory (`trajectory-<caseNumber>`, which records
 * the handover id as its previous case number) and applies only once it runs; meanwhile every
 * other command waits, and a case number already in use refuses the command.
 */
export const veiligThuisHandoverWorkflow = processWorkflow({
  process: VEILIG_THUIS_PROCESS,
  invalidInput: 'InvalidHandoverInput',
  stateQuery: handoverStateQuery,
  updates: handoverUpdates,
  search: (state) => ({
    caseKind: VEILIG_THUIS_CASE_KIND,
    organisationId: state.organisationId,
    status: state.status,
    // Ops searching the trajectory's case number find the handover it came from too.
    caseNumber: state.outcome?.caseNumber,
  }),
  sendLetter: (letter, sequence, { state, workflowId }) =>
    letters.sendHandoverLetter({
      handoverId: state.handoverId,
      workflowId,
      sequence,
      kind: letter.kind,
      to: letter.to,
      facts: letter.facts,
    }),
  project: (state, workflowId, _causes, kept) =>
    kept
      ? localProjection.projectHandover({ ...handoverProjectionOf(state, workflowId), ...kept })
      : projection.projectHandover(handoverProjectionOf(state, workflowId)),
  prepare: {
    startTrajectory: {
      busy: 'a trajectory is being started for this handover',
      async run(command, { state }) {
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
          await startLinkedTrajectory(trajectory);
        } catch (error) {
          if (error instanceof WorkflowExecutionAlreadyStartedError) {
            throw refuseInHandler(
              [`a trajectory with case number ${command.caseNumber} already exists`],
              true,
            );
          }
          throw error;
        }
      },
    },
  },
  legacy: { continuedAtHistoryBound: false, continuedWhenEnded: false, closing: 'one-way' },
});
