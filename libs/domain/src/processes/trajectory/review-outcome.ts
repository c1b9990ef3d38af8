/**
 * What a review decides, in writing and in the schedule (001; rules of 2026-12, rules.ts). The
 * family and the providers get the outcome as a letter. Afschalen follows the care up less
 * often (the review interval given, else the policy's longest: half-yearly), opschalen more often
 * (the interval given, which must be shorter); the schedule then counts from this review.
 */
import { problem, type Problem } from '../../problems';
import { letter } from '../../letters';
import { intervalWithin } from '../../monitoring';
import { addDuration, isDuration } from '../../time';
import type { Effect } from './apply';
import { byRulesOf2026_12 } from './rules';
import { clientOf, providersOf, type ReviewDecision, type TrajectoryState } from './state';

/** The review interval the coordination runs by now. */
export const currentReviewInterval = (state: TrajectoryState): string =>
  state.coordination?.reviewInterval ?? state.policy.defaultReviewInterval;

/** Compares two intervals counted from `from`: negative when `a` is shorter. */
function compareIntervals(a: string, b: string, from: Date): number {
  return addDuration(from, a).getTime() - addDuration(from, b).getTime();
}

/** Every reason a review's `reviewInterval` cannot be used; empty when it can. */
export function reviewIntervalProblems(
  state: TrajectoryState,
  decision: ReviewDecision,
  interval: string | undefined,
  now: Date,
): Problem[] {
  const scaling = decision === 'afschalen' || decision === 'opschalen';
  if (interval === undefined) {
    return decision === 'opschalen' && byRulesOf2026_12(state)
      ? [
          problem(
            'required',
            'reviewInterval is required with opschalen: how often the CJG follows up from now on',
          ),
        ]
      : [];
  }
  if (!byRulesOf2026_12(state))
    return [problem('not-allowed', 'reviewInterval is not taken by this trajectory')];
  if (!scaling)
    return [problem('not-allowed', 'reviewInterval only applies with afschalen or opschalen')];
  if (!isDuration(interval))
    return [problem('invalid-format', 'reviewInterval must be an ISO 8601 duration such as P3M')];
  if (!intervalWithin(now, interval, state.policy.maxReviewInterval))
    return [
      problem(
        'out-of-range',
        `reviewInterval may not be longer than ${state.policy.maxReviewInterval}: reviews are at least half-yearly (001)`,
      ),
    ];
  const current = currentReviewInterval(state);
  const order = compareIntervals(interval, current, now);
  if (decision === 'afschalen' && order < 0)
    return [
      problem(
        'out-of-range',
        `afschalen follows up less often: reviewInterval may not be shorter than ${current}`,
      ),
    ];
  if (decision === 'opschalen' && order >= 0)
    return [
      problem(
        'out-of-range',
        `opschalen follows up more often: reviewInterval must be shorter than ${current}`,
      ),
    ];
  return [];
}

/**
 * Afschalen or opschalen under the rules of 2026-12: the coordination's interval changes and the
 * schedule counts from now. True when it changed (the caller schedules the next review from now).
 */
export function scaleCoordination(
  state: TrajectoryState,
  decision: ReviewDecision,
  interval: string | undefined,
  now: Date,
): boolean {
  if (!byRulesOf2026_12(state) || !state.coordination) return false;
  if (decision !== 'afschalen' && decision !== 'opschalen') return false;
  state.coordination.reviewInterval = interval ?? state.policy.maxReviewInterval;
  state.monitoring.anchorAt = now.toISOString();
  return true;
}

/** The review's outcome in writing, once the next review is known (absent when the care ends). */
export function reviewOutcomeLetter(state: TrajectoryState): Effect[] {
  if (!byRulesOf2026_12(state)) return [];
  const review = state.reviews.at(-1);
  if (!review) return [];
  const count = (outcome: string) => review.outcomes.filter((o) => o.outcome === outcome).length;
  return [
    letter('review-outcome', [clientOf(state), ...providersOf(state)], {
      caseNumber: state.caseNumber,
      coordinatorId: state.coordinatorId,
      decision: review.decision,
      reached: count('reached'),
      partly: count('partly'),
      total: review.outcomes.length,
      ...(review.decision === 'end' ? {} : { nextReviewDue: state.monitoring.nextReviewDue ?? '' }),
    }),
  ];
}
