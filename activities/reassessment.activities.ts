import { Context } from '@temporalio/activity';
import {
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { isValidCaseNumber, trajectoryWorkflowId } from '@cjg/domain';
import {
  reassessmentUpdateId,
  type CaseReassessmentOutcome,
  type CaseReassessmentRequest,
  type ReassessmentSelection,
} from '../workflows/reassessment-batch.definitions';
import {
  COMMAND_REFUSED,
  commandUpdates,
  trajectoryStateQuery,
} from '../workflows/trajectory.definitions';

/**
 * How long one attempt may wait for a trajectory to answer. Shorter than the activity's
 * start-to-close timeout, so an attempt ends by itself and the retry policy takes over.
 */
const ANSWER_DEADLINE_MS = 30_000;

/** What the re-assessment activities need: the read model and a client to the trajectories. */
export interface ReassessmentActivityDependencies {
  dataSource: Pick<DataSource, 'query'>;
  client: Pick<Client, 'workflow' | 'connection'>;
}

export function createReassessmentActivities({
  dataSource,
  client,
}: ReassessmentActivityDependencies) {
  return {
    /**
     * 001: the running trajectories in monitoring that the CJG coordinates ("casussen waar een
     * coördinatietraject lopende is") and whose beschikking ends in the window, from the read
     * model; a case without coordination has nothing to re-assess. Case numbers only, sorted, so
     * the history holds no personal data.
     */
    async selectReassessmentCases(selection: ReassessmentSelection): Promise<string[]> {
      const rows: Array<{ case_number: string }> = await dataSource.query(
        `SELECT case_number FROM trajectory
          WHERE phase = 'monitoring' AND coordinated AND beschikking_end BETWEEN $1 AND $2
            AND ($3::char(4) IS NULL OR municipality_code = $3)
          ORDER BY case_number`,
        [
          selection.beschikkingEndFrom,
          selection.beschikkingEndTo,
          selection.municipalityCode ?? null,
        ],
      );
      return rows.map((row) => row.case_number);
    },

    /**
     * Asks one trajectory to re-assess (the `requestReassessment` update). A refusal by the
     * trajectory, or a trajectory that is gone or ended, is an answer; anything else (Temporal or
     * a worker away) throws and is retried.
     *
     * Asked once, also when retried: the update id is the batch's, and Temporal answers an update
     * id it has seen in the run from the first time. Update ids are remembered within a run only,
     * so a retry first looks whether the trajectory (continued as new meanwhile) already has this
     * batch's request.
     */
    async requestCaseReassessment({
      caseNumber,
      batchId,
      decideBy,
    }: CaseReassessmentRequest): Promise<CaseReassessmentOutcome> {
      if (!isValidCaseNumber(caseNumber)) {
        return { outcome: 'refused', reasons: ['not a valid case number'] };
      }
      const handle = client.workflow.getHandle(trajectoryWorkflowId(caseNumber));
      const withDeadline = <T>(call: () => Promise<T>) =>
        client.connection.withDeadline(Date.now() + ANSWER_DEADLINE_MS, call);
      try {
        if (Context.current().info.attempt > 1) {
          const state = await withDeadline(() => handle.query(trajectoryStateQuery));
          if (state.reassessment?.batchId === batchId) return { outcome: 'requested' };
        }
        await withDeadline(() =>
          handle.executeUpdate(commandUpdates.requestReassessment, {
            args: [{ batchId, decideBy }],
            updateId: reassessmentUpdateId(batchId),
          }),
        );
        return { outcome: 'requested' };
      } catch (error) {
        if (
          error instanceof WorkflowUpdateFailedError &&
          error.cause instanceof ApplicationFailure &&
          error.cause.type === COMMAND_REFUSED
        ) {
          const [problems] = (error.cause.details ?? []) as [string[] | undefined];
          return {
            outcome: 'refused',
            reasons: problems?.length ? problems : [error.cause.message],
          };
        }
        if (isCompletedError(error)) {
          return {
            outcome: 'refused',
            reasons: ['the trajectory has ended; it takes no more commands'],
          };
        }
        if (error instanceof WorkflowNotFoundError) {
          return { outcome: 'refused', reasons: ['no trajectory with this case number'] };
        }
        throw error;
      }
    },
  };
}

export type ReassessmentActivities = ReturnType<typeof createReassessmentActivities>;

/** Temporal answers an update to a closed workflow with NOT_FOUND "workflow execution already completed". */
function isCompletedError(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ''} ${String((error as { cause?: unknown })?.cause ?? '')}`;
  return /already completed|already finished/i.test(text);
}
