import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import { CaseKindKey, MunicipalityCodeKey } from '@cjg/temporal';
import type { reassessmentBatchWorkflow } from '@cjg/workflows';
import {
  initialReassessmentProgress,
  REASSESSMENT_BATCH_WORKFLOW_TYPE,
  reassessmentBatchWorkflowId,
  reassessmentProgressQuery,
  type ReassessmentBatchInput,
  type ReassessmentBatchProgress,
} from '@cjg/workflows/reassessment-batch.definitions';
import { API_CONFIG, type ApiConfig } from '../config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { QUERY_DEADLINE_MS } from '../temporal/workflow-commands';

/** A batch as the list shows it (ReassessmentBatchSummaryDto). */
export interface BatchSummary {
  batchId: string;
  workflowId: string;
  state: 'running' | 'done' | 'stopped';
  municipalityCode: string | null;
  startedAt: string;
  closedAt: string | null;
}

const BATCH_WORKFLOW_PREFIX = reassessmentBatchWorkflowId('');

export interface BatchStartOutcome {
  created: boolean;
  workflowId: string;
  progress: ReassessmentBatchProgress;
}

/** Re-assessment batches (001): each one a workflow, `reassessment-batch-<batchId>`. */
@Injectable()
export class ReassessmentsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Starts the batch once. A second start with the same batch id starts nothing and answers the
   * existing batch's progress, also after it has finished.
   */
  async start(input: ReassessmentBatchInput): Promise<BatchStartOutcome> {
    const workflowId = reassessmentBatchWorkflowId(input.batchId);
    try {
      await this.client.workflow.start<typeof reassessmentBatchWorkflow>(
        REASSESSMENT_BATCH_WORKFLOW_TYPE,
        {
          workflowId,
          taskQueue: this.config.temporal.taskQueue,
          args: [input],
          // A batch id names one batch forever: asking the same trajectories twice is never meant.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: [
            { key: CaseKindKey, value: 'reassessment-batch' },
            ...(input.municipalityCode
              ? [{ key: MunicipalityCodeKey, value: input.municipalityCode }]
              : []),
          ],
        },
      );
      // The workflow selects the cases by itself; nothing to wait for here.
      const progress = initialReassessmentProgress(input.batchId, new Date().toISOString());
      return { created: true, workflowId, progress };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return { created: false, workflowId, progress: await this.progress(input.batchId) };
  }

  /**
   * The batches from Temporal's visibility store (every batch carries CaseKind
   * `reassessment-batch`): ids, state and times only; `progress` tells how far one is. The store
   * answers the running ones first, then those that ended most recently (SQL visibility has no
   * ORDER BY); the page is then put newest first.
   */
  async list(limit: number): Promise<BatchSummary[]> {
    const items: BatchSummary[] = [];
    for await (const execution of this.client.workflow.list({
      query: `CaseKind = 'reassessment-batch'`,
      pageSize: limit,
    })) {
      if (!execution.workflowId.startsWith(BATCH_WORKFLOW_PREFIX)) continue;
      const status = execution.status.name;
      items.push({
        batchId: execution.workflowId.slice(BATCH_WORKFLOW_PREFIX.length),
        workflowId: execution.workflowId,
        state: status === 'RUNNING' ? 'running' : status === 'COMPLETED' ? 'done' : 'stopped',
        municipalityCode: execution.typedSearchAttributes.get(MunicipalityCodeKey) ?? null,
        startedAt: execution.startTime.toISOString(),
        closedAt: execution.closeTime?.toISOString() ?? null,
      });
      if (items.length >= limit) break;
    }
    return items.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  /**
   * How far the batch is. A running batch answers its `progress` query; a finished one its result,
   * read from the history (no worker needed).
   */
  async progress(batchId: string): Promise<ReassessmentBatchProgress> {
    const handle = this.client.workflow.getHandle<typeof reassessmentBatchWorkflow>(
      reassessmentBatchWorkflowId(batchId),
    );
    try {
      const { status } = await handle.describe();
      if (status.name === 'COMPLETED') return await handle.result();
      if (status.name !== 'RUNNING') {
        throw new ConflictException(
          `The batch ${batchId} stopped before it was done (${status.name}); see workflow ${handle.workflowId} in the Temporal Web UI`,
        );
      }
      return await this.client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () =>
        handle.query(reassessmentProgressQuery),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        throw new NotFoundException(`No re-assessment batch ${batchId}`);
      }
      throw error;
    }
  }
}
