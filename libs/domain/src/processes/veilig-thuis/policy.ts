/** The Veilig Thuis handover's policy: its deadlines, in working days. */
import { historyBoundProblems, resolveOverrides } from '../kit';
import { HANDOVER_URGENCIES, type HandoverUrgency } from './codes';

/**
 * The handover's deadlines, in working days (weekends and Dutch public holidays skipped, see
 * working-days.ts). None of them comes from the seeds: the samenwerkingsafspraken with Veilig
 * Thuis of March 2020 (002 §3.6) are not among them. The acceptance default of 5 working days is
 * the issue's; the others are this CJG's own policy. A handover records the policy it started
 * with, so a later change does not move its deadlines.
 */
export interface VeiligThuisPolicy {
  /** Accept (and assign a coordinator) within this many working days of receipt. */
  acceptWithinWorkingDays: Record<HandoverUrgency, number>;
  /** Hold the warm handover meeting within this many working days of acceptance. */
  meetingWithinWorkingDays: Record<HandoverUrgency, number>;
  /** Remind the coordinator this many working days before the meeting deadline. */
  meetingReminderWorkingDays: number;
  /** Decide the outcome (feedback to Veilig Thuis) within this many working days of the meeting. */
  feedbackWithinWorkingDays: number;
  /**
   * Remind the handover lead, at the due hour, this many working days before the last day to
   * accept (0: on that last day itself). Since the rules of 2026-12-waits; absent in older
   * policies, which take the default.
   */
  acceptReminderWorkingDays?: Record<HandoverUrgency, number>;
  /**
   * Remind the coordinator, at the due hour, this many working days before the outcome's last day
   * (0: on that day). Since the rules of 2026-12-waits; absent in older policies: the default.
   */
  feedbackReminderWorkingDays?: number;
  /** Hour of day (Amsterdam) at which a deadline on a working day falls due. */
  dueHour: number;
  /** Continue-as-new once a run's history reaches this many events (absent in older runs: 600). */
  maxHistoryEvents?: number;
}

export const DEFAULT_VEILIG_THUIS_POLICY: VeiligThuisPolicy = {
  acceptWithinWorkingDays: { regular: 5, urgent: 1 },
  meetingWithinWorkingDays: { regular: 10, urgent: 5 },
  meetingReminderWorkingDays: 2,
  feedbackWithinWorkingDays: 5,
  // A day's notice; an urgent handover (one working day) on the morning of its last day.
  acceptReminderWorkingDays: { regular: 1, urgent: 0 },
  feedbackReminderWorkingDays: 1,
  dueHour: 8,
  maxHistoryEvents: 600,
};

const workingDays = (value: unknown, min: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= 60;

/** Every reason the policy cannot be used; empty when it can. */
export function veiligThuisPolicyProblems(policy: VeiligThuisPolicy): string[] {
  const problems: string[] = [];
  for (const key of ['acceptWithinWorkingDays', 'meetingWithinWorkingDays'] as const) {
    const value = policy?.[key];
    for (const urgency of HANDOVER_URGENCIES) {
      if (!workingDays(value?.[urgency], 1))
        problems.push(`${key}.${urgency} must be a whole number of working days from 1 to 60`);
    }
    if (
      workingDays(value?.regular, 1) &&
      workingDays(value?.urgent, 1) &&
      value.urgent > value.regular
    )
      problems.push(`${key}.urgent must not be longer than ${key}.regular`);
  }
  if (!workingDays(policy?.meetingReminderWorkingDays, 0))
    problems.push('meetingReminderWorkingDays must be a whole number from 0 to 60');
  else if (
    workingDays(policy?.meetingWithinWorkingDays?.urgent, 1) &&
    policy.meetingReminderWorkingDays >= policy.meetingWithinWorkingDays.urgent
  )
    problems.push(
      'meetingReminderWorkingDays must be shorter than meetingWithinWorkingDays.urgent',
    );
  if (!workingDays(policy?.feedbackWithinWorkingDays, 1))
    problems.push('feedbackWithinWorkingDays must be a whole number from 1 to 60');
  // A reminder falls on a working day after the step began: before its last day, not before day 1.
  if (policy?.acceptReminderWorkingDays !== undefined) {
    for (const urgency of HANDOVER_URGENCIES) {
      const value = policy.acceptReminderWorkingDays?.[urgency];
      const within = policy.acceptWithinWorkingDays?.[urgency];
      if (!workingDays(value, 0))
        problems.push(`acceptReminderWorkingDays.${urgency} must be a whole number from 0 to 60`);
      else if (workingDays(within, 1) && value >= within)
        problems.push(
          `acceptReminderWorkingDays.${urgency} must be shorter than acceptWithinWorkingDays.${urgency}`,
        );
    }
  }
  if (policy?.feedbackReminderWorkingDays !== undefined) {
    const value = policy.feedbackReminderWorkingDays;
    if (!workingDays(value, 0))
      problems.push('feedbackReminderWorkingDays must be a whole number from 0 to 60');
    else if (
      workingDays(policy.feedbackWithinWorkingDays, 1) &&
      value >= policy.feedbackWithinWorkingDays
    )
      problems.push('feedbackReminderWorkingDays must be shorter than feedbackWithinWorkingDays');
  }
  if (!Number.isInteger(policy?.dueHour) || policy.dueHour < 0 || policy.dueHour > 23)
    problems.push('dueHour must be an hour from 0 to 23');
  if (policy?.maxHistoryEvents !== undefined)
    problems.push(...historyBoundProblems(policy.maxHistoryEvents));
  return problems;
}

/** The policy from a JSON object of overrides on the defaults; throws naming every problem. */
export function resolveVeiligThuisPolicy(
  overrides: Partial<VeiligThuisPolicy> = {},
): VeiligThuisPolicy {
  const d = DEFAULT_VEILIG_THUIS_POLICY;
  const policy: VeiligThuisPolicy = {
    ...d,
    ...overrides,
    acceptWithinWorkingDays: { ...d.acceptWithinWorkingDays, ...overrides.acceptWithinWorkingDays },
    meetingWithinWorkingDays: {
      ...d.meetingWithinWorkingDays,
      ...overrides.meetingWithinWorkingDays,
    },
    acceptReminderWorkingDays: {
      ...d.acceptReminderWorkingDays!,
      ...overrides.acceptReminderWorkingDays,
    },
  };
  return resolveOverrides(d, overrides, policy, veiligThuisPolicyProblems, {
    unknown: 'unknown policy setting',
    invalid: 'Invalid Veilig Thuis policy',
  });
}

/** The reminder lead times of a policy, the defaults where a policy from before them has none. */
export function reminderWorkingDays(policy: VeiligThuisPolicy): {
  accept: Record<HandoverUrgency, number>;
  feedback: number;
} {
  const d = DEFAULT_VEILIG_THUIS_POLICY;
  return {
    accept: policy.acceptReminderWorkingDays ?? d.acceptReminderWorkingDays!,
    feedback: policy.feedbackReminderWorkingDays ?? d.feedbackReminderWorkingDays!,
  };
}
