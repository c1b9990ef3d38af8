import {
  ApplicationFailure,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { compareDates, isCalendarDate, isValidMunicipalityCode } from '@cjg/domain';
import type { ReassessmentActivities } from '../activities/reassessment.activities';
import { REASSESSMENT_REQUEST_OPTIONS, REASSESSMENT_SELECTION_OPTIONS } from './activity-options';
import {
  BATCH_ID_PATTERN,
  initialReassessmentProgress,
  reassessmentProgressQuery,
  type ReassessmentBatchInput,
  type ReassessmentBatchProgress,
} from './reassessment-batch.definitions';

const selection = proxyActivities<ReassessmentActivities>(REASSESSMENT_SELECTION_OPTIONS);
const requests = proxyActivities<ReassessmentActivities>(REASSESSMENT_REQUEST_OPTIONS);

/** Trajectories asked at once: enough to be quick, few enough not to flood Temporal or the worker. */
export const REASSESSMENT_CONCURRENCY = 8;

/**
 * Trajectories one run asks before it continues as new. Each costs about three events (activity
 * scheduled, started, completed) plus its share of workflow tasks, so a run stays well below the
 * few thousand events at which Temporal suggests continuing as new.
 */
export const CASES_PER_RUN = 500;

/** What a batch carries into its next run. */
export interface ReassessmentBatchCarry {
  progress: ReassessmentBatchProgress;
  /** Case numbers still to ask, in order. */
  remaining: string[];
}

export function reassessmentBatchInputProblems(input: ReassessmentBatchInput): string[] {
  const problems: string[] = [];
  if (!BATCH_ID_PATTERN.test(input.batchId ?? ''))
    problems.push('batchId must be 1-64 characters A-Z, a-z, 0-9, -');
  for (const field of ['decideBy', 'beschikkingEndFrom', 'beschikkingEndTo'] as const) {
    if (!isCalendarDate(input[field])) problems.push(`${field} must be a calendar date`);
  }
  if (
    isCalendarDate(input.beschikkingEndFrom) &&
    isCalendarDate(input.beschikkingEndTo) &&
    compareDates(input.beschikkingEndFrom, input.beschikkingEndTo) > 0
  )
    problems.push('beschikkingEndFrom must not be after beschikkingEndTo');
  if (input.municipalityCode != null && !isValidMunicipalityCode(input.municipalityCode))
    problems.push('municipalityCode must be a four-digit CBS gemeentecode');
  if (typeof input.requestedBy !== 'string' || input.requestedBy.length === 0)
    problems.push('requestedBy is required');
  return problems;
}

/**
 * 001: asks every running trajectory in monitoring whose beschikking ends in a window to
 * re-assess whether follow-up is still needed. Id `reassessment-batch-<batchId>`, so a batch runs
 * once; its `progress` query tells ops how far it is, and it returns the final progress.
 *
 * The selection is made once, at the start, from the read model; then each trajectory is asked
 * by an activity, a few at a time. A trajectory's refusal (one already pending, ended meanwhile)
 * is counted with its reasons; Temporal or a worker being away is retried until it returns.
 *
 * History stays bounded by chunks: a run asks at most CASES_PER_RUN trajectories (fewer when
 * Temporal suggests continuing as new), lets the ones under way answer, and continues as new with
 * the progress and the case numbers still to ask. Simpler than sizing a run by its events, and
 * the carried list is small: case numbers only (thousands fit easily in one payload).
 */
export async function reassessmentBatchWorkflow(
  input: ReassessmentBatchInput,
  carried?: ReassessmentBatchCarry,
): Promise<ReassessmentBatchProgress> {
  const progress =
    carried?.progress ?? initialReassessmentProgress(input.batchId, new Date().toISOString());
  setHandler(reassessmentProgressQuery, () => progress);

  let remaining: string[];
  if (carried) {
    remaining = [...carried.remaining];
  } else {
    const problems = reassessmentBatchInputProblems(input);
    if (problems.length > 0) {
      throw ApplicationFailure.nonRetryable(problems.join('; '), 'InvalidReassessmentBatch');
    }
    const { beschikkingEndFrom, beschikkingEndTo, municipalityCode } = input;
    remaining = await selection.selectReassessmentCases({
      beschikkingEndFrom,
      beschikkingEndTo,
      municipalityCode,
    });
    progress.matched = remaining.length;
    progress.pending = remaining.length;
    progress.status = 'running';
  }

  let askedThisRun = 0;
  // Every lane asks at least once per run, so a run that starts with Temporal already suggesting
  // to continue as new still makes progress.
  const chunkFull = () =>
    askedThisRun >= CASES_PER_RUN ||
    (askedThisRun >= REASSESSMENT_CONCURRENCY && workflowInfo().continueAsNewSuggested);

  const lane = async () => {
    while (remaining.length > 0 && !chunkFull()) {
      const caseNumber = remaining.shift() as string;
      askedThisRun += 1;
      const answer = await requests.requestCaseReassessment({
        caseNumber,
        batchId: input.batchId,
        decideBy: input.decideBy,
      });
      progress.pending -= 1;
      if (answer.outcome === 'requested') progress.requested += 1;
      else progress.refused.push({ caseNumber, reasons: answer.reasons });
    }
  };
  await Promise.all(Array.from({ length: REASSESSMENT_CONCURRENCY }, lane));

  if (remaining.length > 0) {
    return await continueAsNew<typeof reassessmentBatchWorkflow>(input, { progress, remaining });
  }
  progress.refused.sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : 1));
  progress.status = 'done';
  progress.finishedAt = new Date().toISOString();
  return progress;
}
