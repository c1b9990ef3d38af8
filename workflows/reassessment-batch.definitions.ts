/**
 * The contract of the re-assessment batch (001) shared by the API (client) and the worker: name,
 * workflow id, input, progress and the `progress` query. Import from here, never from the
 * implementation.
 */
import { defineQuery } from '@temporalio/workflow';
import type { CalendarDate } from '@cjg/domain';

export const REASSESSMENT_BATCH_WORKFLOW_TYPE = 'reassessmentBatchWorkflow';

/** What names a batch: also the key that makes starting it twice start nothing. */
export const BATCH_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/** One batch is one workflow, `reassessment-batch-<batchId>`, the id ops search for. */
export function reassessmentBatchWorkflowId(batchId: string): string {
  return `reassessment-batch-${batchId}`;
}

/**
 * The update id the batch gives its request to each trajectory. Temporal runs an update with an
 * id it has seen in the run once, so a retried activity asks a trajectory once.
 */
export function reassessmentUpdateId(batchId: string): string {
  return `reassessment-${batchId}`;
}

/** Which running trajectories to ask (001). Dates, codes and ids only: it is in the history. */
export interface ReassessmentSelection {
  /** Beschikking ends on or after this date. */
  beschikkingEndFrom: CalendarDate;
  /** Beschikking ends on or before this date. */
  beschikkingEndTo: CalendarDate;
  municipalityCode?: string;
}

export interface ReassessmentBatchInput extends ReassessmentSelection {
  batchId: string;
  /** Coordinators decide by this date; recorded in every trajectory asked. */
  decideBy: CalendarDate;
  /** Who started the batch: an actor id, never a name or other personal data. */
  requestedBy: string;
}

export interface ReassessmentRefusal {
  caseNumber: string;
  reasons: string[];
}

export type ReassessmentBatchStatus = 'selecting' | 'running' | 'done';

/** What the `progress` query answers, and what the batch returns at the end. */
export interface ReassessmentBatchProgress {
  batchId: string;
  status: ReassessmentBatchStatus;
  /** Running trajectories in monitoring whose beschikking ends in the window. */
  matched: number;
  /** Trajectories that accepted the request. */
  requested: number;
  /** Trajectories that refused it (one already pending, ended meanwhile, …), with their reasons. */
  refused: ReassessmentRefusal[];
  /** Matched trajectories not yet answered. */
  pending: number;
  /** ISO 8601 instants. */
  startedAt: string;
  finishedAt?: string;
}

export const reassessmentProgressQuery = defineQuery<ReassessmentBatchProgress>('progress');

/** The progress of a batch that has only just started. */
export function initialReassessmentProgress(
  batchId: string,
  startedAt: string,
): ReassessmentBatchProgress {
  return {
    batchId,
    status: 'selecting',
    matched: 0,
    requested: 0,
    refused: [],
    pending: 0,
    startedAt,
  };
}

// ─────────────────────────────── activities

export interface CaseReassessmentRequest {
  caseNumber: string;
  batchId: string;
  decideBy: CalendarDate;
}

/** A trajectory's answer to the request; a refusal is an answer, not a failure. */
export type CaseReassessmentOutcome =
  { outcome: 'requested' } | { outcome: 'refused'; reasons: string[] };
