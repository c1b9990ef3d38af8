import { addDuration, isDuration } from '../../time';
import { historyBoundProblems, resolveOverrides, rolloverProblems } from '../kit';

/**
 * Every duration of the process, as ISO 8601 durations. The defaults are the seeds' values; a
 * municipality can set its own, and a test stack can shrink them to seconds. A trajectory
 * records the policy it started with, so a later change does not move its deadlines.
 */
export interface TrajectoryPolicy {
  /** Awb 4:13: the beschikking is due this long after the request. */
  awbDecisionPeriod: string;
  /** Warn the coordinator this long after the request when no beschikking is issued yet. */
  awbWarningAfter: string;
  /** Review interval when the coordination decision names none. */
  defaultReviewInterval: string;
  /** "At least half-yearly" (001): a longer per-case interval is refused. */
  maxReviewInterval: string;
  /** The coordinator is reminded this long before a review is due. */
  reviewReminderLead: string;
  /** 004: the client is asked about the care this long after the toewijzing starts. */
  threeMonthCheckAfter: string;
  /** How long a client has to answer the 3-month check or a questionnaire. */
  clientResponseWindow: string;
  /** Reminder interval while the end evaluation is outstanding. */
  endEvaluationReminderInterval: string;
  /** 004: a family with this many providers active at once is a samenloop family. */
  samenloopThreshold: number;
  /** Continue-as-new once a run's history reaches this many events. */
  maxHistoryEvents: number;
  /**
   * A run whose history passed `rolloverFromEvents` continues as new `rolloverAfter` later
   * (issue 19), so a deadline that falls months later replays a short history. Absent in the
   * policy of a case started before them: the defaults apply.
   */
  rolloverFromEvents?: number;
  rolloverAfter?: string;
  /** Hour of day (Amsterdam) at which a deadline on a calendar date falls due. */
  dueHour: number;
  /** A referred provider records its intake within this many working days (rules of 2026-12). */
  providerIntakeWorkingDays: number;
  /** The provider is reminded this many working days before its intake is due. */
  providerIntakeReminderWorkingDays: number;
  /** The coordination decision (001) is due this long after the beschikking is issued. */
  coordinationDecisionWithin: string;
  /** The coordinator is reminded this long before the coordination decision is due. */
  coordinationDecisionReminderLead: string;
}

export const DEFAULT_POLICY: TrajectoryPolicy = {
  awbDecisionPeriod: 'P8W',
  awbWarningAfter: 'P6W',
  defaultReviewInterval: 'P6M',
  maxReviewInterval: 'P6M',
  reviewReminderLead: 'P2W',
  threeMonthCheckAfter: 'P3M',
  clientResponseWindow: 'P4W',
  endEvaluationReminderInterval: 'P2W',
  samenloopThreshold: 3,
  maxHistoryEvents: 600,
  rolloverFromEvents: 60,
  rolloverAfter: 'P1D',
  dueHour: 8,
  providerIntakeWorkingDays: 10,
  providerIntakeReminderWorkingDays: 2,
  coordinationDecisionWithin: 'P2W',
  coordinationDecisionReminderLead: 'P3D',
};

const DURATION_KEYS = [
  'awbDecisionPeriod',
  'awbWarningAfter',
  'defaultReviewInterval',
  'maxReviewInterval',
  'reviewReminderLead',
  'threeMonthCheckAfter',
  'clientResponseWindow',
  'endEvaluationReminderInterval',
  'coordinationDecisionWithin',
  'coordinationDecisionReminderLead',
] as const;

/** Every reason the policy cannot be used; empty when it can. */
export function policyProblems(policy: TrajectoryPolicy): string[] {
  const problems: string[] = [];
  for (const key of DURATION_KEYS) {
    if (!isDuration(policy[key]))
      problems.push(`${key} must be an ISO 8601 duration (e.g. P6M, P2W, PT30S)`);
  }
  if (!Number.isInteger(policy.samenloopThreshold) || policy.samenloopThreshold < 2) {
    problems.push('samenloopThreshold must be a whole number of at least 2');
  }
  problems.push(...historyBoundProblems(policy.maxHistoryEvents));
  problems.push(
    ...rolloverProblems(policy.rolloverFromEvents, policy.rolloverAfter, policy.maxHistoryEvents),
  );
  if (!Number.isInteger(policy.dueHour) || policy.dueHour < 0 || policy.dueHour > 23) {
    problems.push('dueHour must be an hour from 0 to 23');
  }
  const days = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 60;
  if (!days(policy.providerIntakeWorkingDays) || policy.providerIntakeWorkingDays < 1)
    problems.push('providerIntakeWorkingDays must be a whole number of working days from 1 to 60');
  else if (
    !days(policy.providerIntakeReminderWorkingDays) ||
    policy.providerIntakeReminderWorkingDays >= policy.providerIntakeWorkingDays
  )
    problems.push(
      'providerIntakeReminderWorkingDays must be a whole number of working days below providerIntakeWorkingDays',
    );
  if (problems.length > 0) return problems;
  const ref = new Date(Date.UTC(2026, 0, 1));
  const after = (d: string) => addDuration(ref, d).getTime();
  if (after(policy.awbWarningAfter) >= after(policy.awbDecisionPeriod)) {
    problems.push('awbWarningAfter must be shorter than awbDecisionPeriod');
  }
  if (after(policy.defaultReviewInterval) > after(policy.maxReviewInterval)) {
    problems.push('defaultReviewInterval must not be longer than maxReviewInterval');
  }
  if (after(policy.maxReviewInterval) > after('P6M')) {
    problems.push('maxReviewInterval may not exceed P6M: reviews are at least half-yearly (001)');
  }
  if (after(policy.coordinationDecisionReminderLead) >= after(policy.coordinationDecisionWithin)) {
    problems.push(
      'coordinationDecisionReminderLead must be shorter than coordinationDecisionWithin',
    );
  }
  if (after(policy.reviewReminderLead) >= after(policy.defaultReviewInterval)) {
    problems.push('reviewReminderLead must be shorter than defaultReviewInterval');
  }
  return problems;
}

/** The policy from a JSON object of overrides on the defaults; throws naming every problem. */
export function resolvePolicy(overrides: Partial<TrajectoryPolicy> = {}): TrajectoryPolicy {
  return resolveOverrides(
    DEFAULT_POLICY,
    overrides,
    { ...DEFAULT_POLICY, ...overrides },
    policyProblems,
    {
      unknown: 'unknown policy setting',
      invalid: 'Invalid trajectory policy',
    },
  );
}
