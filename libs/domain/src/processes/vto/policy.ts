/** The VTO's policy: its deadlines, in working days (weekends and Dutch public holidays skipped). */
import { historyBoundProblems } from '../kit';

/** The VTO's deadlines, in working days (weekends and Dutch public holidays skipped). */
export interface VtoPolicy {
  /** The coordinator records that the parents were informed within this many working days. */
  parentsInformedWithinWorkingDays: number;
  /** "Within a week" after the meeting the beschermingsplein's decision is recorded. */
  decisionWithinWorkingDays: number;
  /** The Raad's answer (an investigation or not) is expected this long after sending. */
  raadOutcomeWithinWorkingDays: number;
  /**
   * Whoever a step waits for (the coordinator, or the Raad for its answer) is reminded, at the due
   * hour, this many working days before the step's due date (0: on the due date itself). Since
   * the rules of 2026-12; absent in older policies, which take the default.
   */
  reminderWorkingDays?: number;
  /** Hour of day (Amsterdam) at which a deadline on a date falls due. */
  dueHour: number;
  /** Continue-as-new once a run's history reaches this many events (absent in older runs: 600). */
  maxHistoryEvents?: number;
}

export const DEFAULT_VTO_POLICY: VtoPolicy = {
  parentsInformedWithinWorkingDays: 5,
  decisionWithinWorkingDays: 5,
  raadOutcomeWithinWorkingDays: 10,
  reminderWorkingDays: 1,
  dueHour: 8,
  maxHistoryEvents: 600,
};

export function vtoPolicyProblems(policy: VtoPolicy): string[] {
  const problems: string[] = [];
  for (const key of [
    'parentsInformedWithinWorkingDays',
    'decisionWithinWorkingDays',
    'raadOutcomeWithinWorkingDays',
  ] as const) {
    const value = policy?.[key];
    if (!Number.isInteger(value) || value < 1 || value > 60)
      problems.push(`policy.${key} must be a whole number of working days from 1 to 60`);
  }
  // A reminder falls before the due date and after the step began (a step lasts at least a day).
  const reminder = policy?.reminderWorkingDays;
  if (reminder !== undefined) {
    const steps = [
      policy.parentsInformedWithinWorkingDays,
      policy.decisionWithinWorkingDays,
      policy.raadOutcomeWithinWorkingDays,
    ];
    if (!Number.isInteger(reminder) || reminder < 0 || reminder > 59)
      problems.push(
        'policy.reminderWorkingDays must be a whole number of working days from 0 to 59',
      );
    else if (
      steps.every((days) => Number.isInteger(days) && days >= 1) &&
      reminder >= Math.min(...steps)
    )
      problems.push(
        'policy.reminderWorkingDays must be fewer than each step takes (parentsInformedWithinWorkingDays, decisionWithinWorkingDays, raadOutcomeWithinWorkingDays)',
      );
  }
  if (!Number.isInteger(policy?.dueHour) || policy.dueHour < 0 || policy.dueHour > 23)
    problems.push('policy.dueHour must be an hour from 0 to 23');
  if (policy?.maxHistoryEvents !== undefined)
    problems.push(...historyBoundProblems(policy.maxHistoryEvents, 'policy.maxHistoryEvents'));
  return problems;
}

/** The reminder lead time of a policy, the default where a policy from before it has none. */
export function vtoReminderWorkingDays(policy: VtoPolicy): number {
  return policy.reminderWorkingDays ?? DEFAULT_VTO_POLICY.reminderWorkingDays!;
}
