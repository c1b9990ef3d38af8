import {
  ApplicationFailure,
  continueAsNew,
  patched,
  proxyActivities,
  workflowInfo,
} from '@temporalio/workflow';
import { amsterdamDate, isCalendarDate, isValidCaseNumber } from '@cjg/domain';
import type { RetentionActivities } from '../activities/retention.activities';
import { RETENTION_DESTRUCTION_OPTIONS, RETENTION_SELECTION_OPTIONS } from './activity-options';
import {
  REQUEST_REFERENCE_MAX_LENGTH,
  REQUEST_REFERENCE_PATTERN,
  type DestructionOutcome,
  type RetentionSweepInput,
  type RetentionSweepResult,
} from './retention.definitions';

const selection = proxyActivities<RetentionActivities>(RETENTION_SELECTION_OPTIONS);
const destruction = proxyActivities<RetentionActivities>(RETENTION_DESTRUCTION_OPTIONS);

/** Since issue 15 a request's reference is a registration number, not words. */
const REFERENCE_IS_A_CODE = 'request-reference-is-a-code';

/** Clients one selection returns. */
export const RETENTION_BATCH_SIZE = 500;

/**
 * Clients one run handles before it continues as new. Each costs about three events (activity
 * scheduled, started, completed) plus its share of workflow tasks, so a run stays well below the
 * few thousand events at which Temporal suggests continuing as new.
 */
export const CLIENTS_PER_RUN = 1000;

/** Clients destroyed at once: each is one short transaction. */
export const RETENTION_CONCURRENCY = 4;

/** What a sweep carries into its next run. */
export interface RetentionSweepCarry {
  /** The last client id handled: the next selection starts after it. */
  after: string;
  result: RetentionSweepResult;
}

export function retentionInputProblems(
  input: RetentionSweepInput,
  /** Runs from before the reference became a code took any text (see REQUEST_REFERENCE_PATTERN). */
  referenceIsCode = true,
): string[] {
  const problems: string[] = [];
  if (input.asOf !== undefined && !isCalendarDate(input.asOf))
    problems.push('asOf must be a calendar date (YYYY-MM-DD)');
  if (input.caseNumber !== undefined) {
    if (typeof input.caseNumber !== 'string' || !isValidCaseNumber(input.caseNumber))
      problems.push('caseNumber is not a valid case number');
    if (
      typeof input.requestedBy !== 'string' ||
      input.requestedBy.length === 0 ||
      input.requestedBy.length > 64
    )
      problems.push('requestedBy (1-64 characters) is required for a request');
  }
  if (input.requestReference === undefined) return problems;
  if (referenceIsCode) {
    if (
      typeof input.requestReference !== 'string' ||
      !REQUEST_REFERENCE_PATTERN.test(input.requestReference)
    )
      problems.push(
        'requestReference must be a registration number: 1-64 characters A-Z, a-z, 0-9, . / : _ -',
      );
  } else if (
    typeof input.requestReference !== 'string' ||
    input.requestReference.length > REQUEST_REFERENCE_MAX_LENGTH
  ) {
    problems.push(`requestReference must be at most ${REQUEST_REFERENCE_MAX_LENGTH} characters`);
  }
  return problems;
}

/** A sweep's or request's result before it destroyed anything. */
function nothingDestroyedYet(
  kind: RetentionSweepResult['kind'],
  reason: RetentionSweepResult['reason'],
  asOf: string,
): RetentionSweepResult {
  return {
    kind,
    reason,
    asOf,
    clientsDestroyed: 0,
    casesDestroyed: 0,
    clientsAlreadyDestroyed: 0,
    clientsKept: 0,
    startedAt: new Date().toISOString(),
    finishedAt: '',
  };
}

function count(result: RetentionSweepResult, outcome: DestructionOutcome): void {
  switch (outcome.outcome) {
    case 'destroyed':
      result.clientsDestroyed += 1;
      result.casesDestroyed += outcome.caseNumbers.length;
      break;
    case 'already-destroyed':
      result.clientsAlreadyDestroyed += 1;
      break;
    case 'kept':
      result.clientsKept += 1;
      break;
  }
}

/**
 * Destroys personal data whose time has come (docs/retention.md).
 *
 * The sweep (Jeugdwet 7.3.8), run nightly by the `retention-sweep` schedule: pages through the
 * clients whose trajectories are all closed and past their archive action date, and destroys the
 * personal data of each, a few at a time. Each destruction is one idempotent transaction that
 * checks the rule again, so a retry, a repeat or a case reopened meanwhile does no harm. After
 * CLIENTS_PER_RUN clients (or sooner when Temporal suggests it) the sweep continues as new with
 * its date, its totals and where it was.
 *
 * A request (7.3.9), `caseNumber` given, started by the API as `destruction-<caseNumber>`:
 * destroys the personal data of that case's client, unless one of its trajectories is still open.
 *
 * The history holds ids, dates and counts only.
 */
export async function retentionSweepWorkflow(
  input: RetentionSweepInput = {},
  carried?: RetentionSweepCarry,
): Promise<RetentionSweepResult> {
  const problems = retentionInputProblems(
    input,
    input.requestReference === undefined || patched(REFERENCE_IS_A_CODE),
  );
  if (problems.length > 0) {
    throw ApplicationFailure.nonRetryable(problems.join('; '), 'InvalidRetentionInput');
  }
  const today = amsterdamDate(new Date());
  if (input.caseNumber !== undefined) return destroyOnRequest(input, input.caseNumber, today);

  const asOf = input.asOf ?? today;
  const result = carried?.result ?? nothingDestroyedYet('sweep', '7.3.8', asOf);
  const actor = workflowInfo().workflowId;
  let after = carried?.after;
  let handledThisRun = 0;
  for (;;) {
    const clientIds = await selection.findDueForDestruction({
      asOf,
      ...(after !== undefined ? { after } : {}),
      limit: RETENTION_BATCH_SIZE,
    });
    if (clientIds.length === 0) break;
    const queue = [...clientIds];
    const lane = async () => {
      while (queue.length > 0) {
        const clientId = queue.shift() as string;
        count(
          result,
          await destruction.destroyPersonalData({ clientId, reason: '7.3.8', actor, asOf }),
        );
      }
    };
    await Promise.all(Array.from({ length: RETENTION_CONCURRENCY }, lane));
    // Pages by client id, so a client kept (reopened meanwhile) is not selected again and again.
    after = clientIds[clientIds.length - 1];
    handledThisRun += clientIds.length;
    if (handledThisRun >= CLIENTS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      return await continueAsNew<typeof retentionSweepWorkflow>(
        { ...input, asOf },
        { after: after as string, result },
      );
    }
  }
  result.finishedAt = new Date().toISOString();
  return result;
}

async function destroyOnRequest(
  input: RetentionSweepInput,
  caseNumber: string,
  today: string,
): Promise<RetentionSweepResult> {
  const result = nothingDestroyedYet('request', '7.3.9', today);
  const clientId = await selection.findClientOfCase(caseNumber);
  if (clientId === null) {
    result.request = { caseNumber, outcome: 'unknown-case', caseNumbers: [] };
  } else {
    const outcome = await destruction.destroyPersonalData({
      clientId,
      reason: '7.3.9',
      actor: input.requestedBy as string,
      caseNumber,
      ...(input.requestReference !== undefined ? { requestReference: input.requestReference } : {}),
    });
    count(result, outcome);
    result.request = {
      caseNumber,
      clientId,
      outcome: outcome.outcome,
      caseNumbers: outcome.outcome === 'already-destroyed' ? [] : outcome.caseNumbers,
    };
  }
  result.finishedAt = new Date().toISOString();
  return result;
}
