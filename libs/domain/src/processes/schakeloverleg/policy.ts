/** The Schakeloverleg transfer's policy, and the dates that follow from a measure's end date. */
import type { CalendarDate } from '../../time';
import { workingDaysBefore } from '../../working-days';
import { historyBoundProblems, resolveOverrides } from '../kit';

/**
 * The deadlines of a transfer, in working days (Monday to Friday without the Algemene
 * termijnenwet holidays) counted back from the measure's end date. The seeds give no numbers;
 * these defaults are a proposal for the CJG to confirm: planned two months ahead, so a "not
 * agreed" still leaves the GI time to ask the court for an extension.
 */
export interface SchakeloverlegPolicy {
  /** The CJG contact and the GI are reminded when it is not planned this many working days before the end. */
  planningReminderWorkingDays: number;
  /** It must be planned this many working days before the end; after that it is escalated. */
  planByWorkingDays: number;
  /** The Schakeloverleg itself is held at least this many working days before the end. */
  meetingLeadWorkingDays: number;
  /** The coordinator is reminded when the outcome is not recorded this many working days after it. */
  outcomeWorkingDays: number;
  /**
   * The outcome is escalated (the transfer late, the team lead told) when it is not recorded this
   * many working days after the meeting. Since the rules of 2026-12-waits; absent in older
   * policies, which take the default.
   */
  outcomeOverdueWorkingDays?: number;
  /** Hour of day (Amsterdam) at which a deadline on a date falls due. */
  dueHour: number;
  /** Continue-as-new once a run's history reaches this many events. */
  maxHistoryEvents: number;
}

export const DEFAULT_SCHAKELOVERLEG_POLICY: SchakeloverlegPolicy = {
  planningReminderWorkingDays: 40,
  planByWorkingDays: 30,
  meetingLeadWorkingDays: 10,
  outcomeWorkingDays: 2,
  // A working week after the meeting: still before the measure ends (meetingLeadWorkingDays).
  outcomeOverdueWorkingDays: 5,
  dueHour: 8,
  maxHistoryEvents: 600,
};

const wholeIn = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Every reason the policy cannot be used; empty when it can. */
export function schakeloverlegPolicyProblems(policy: SchakeloverlegPolicy): string[] {
  const p: string[] = [];
  for (const key of [
    'planningReminderWorkingDays',
    'planByWorkingDays',
    'meetingLeadWorkingDays',
    'outcomeWorkingDays',
  ] as const) {
    if (!wholeIn(policy[key], 1, 260)) p.push(`${key} must be a whole number from 1 to 260`);
  }
  if (
    policy.outcomeOverdueWorkingDays !== undefined &&
    !wholeIn(policy.outcomeOverdueWorkingDays, 1, 260)
  )
    p.push('outcomeOverdueWorkingDays must be a whole number from 1 to 260');
  if (!wholeIn(policy.dueHour, 0, 23)) p.push('dueHour must be an hour from 0 to 23');
  p.push(...historyBoundProblems(policy.maxHistoryEvents));
  if (p.length > 0) return p;
  if (policy.planningReminderWorkingDays <= policy.planByWorkingDays)
    p.push('planningReminderWorkingDays must be more than planByWorkingDays');
  if (policy.planByWorkingDays <= policy.meetingLeadWorkingDays)
    p.push('planByWorkingDays must be more than meetingLeadWorkingDays');
  if (policy.outcomeWorkingDays >= policy.meetingLeadWorkingDays)
    p.push('outcomeWorkingDays must be fewer than meetingLeadWorkingDays');
  const overdue = policy.outcomeOverdueWorkingDays;
  if (overdue !== undefined && overdue <= policy.outcomeWorkingDays)
    p.push('outcomeOverdueWorkingDays must be more than outcomeWorkingDays');
  if (overdue !== undefined && overdue >= policy.meetingLeadWorkingDays)
    p.push('outcomeOverdueWorkingDays must be fewer than meetingLeadWorkingDays');
  return p;
}

/** The policy from overrides on the defaults; throws naming every problem. */
export function resolveSchakeloverlegPolicy(
  overrides: Partial<SchakeloverlegPolicy> = {},
): SchakeloverlegPolicy {
  const policy = { ...DEFAULT_SCHAKELOVERLEG_POLICY, ...overrides };
  return resolveOverrides(
    DEFAULT_SCHAKELOVERLEG_POLICY,
    overrides,
    policy,
    schakeloverlegPolicyProblems,
    {
      unknown: 'unknown Schakeloverleg policy setting',
      invalid: 'Invalid Schakeloverleg policy',
    },
  );
}

/** The dates that follow from a measure's end date under a policy. */
export interface TransferDates {
  /** Reminder when it is not planned by then. */
  planningReminder: CalendarDate;
  /** It must be planned by then; escalated after. */
  planBy: CalendarDate;
  /** The last day the Schakeloverleg may be held. */
  latestMeetingDate: CalendarDate;
}

export function transferDates(
  measureEndDate: CalendarDate,
  policy: SchakeloverlegPolicy,
): TransferDates {
  return {
    planningReminder: workingDaysBefore(measureEndDate, policy.planningReminderWorkingDays),
    planBy: workingDaysBefore(measureEndDate, policy.planByWorkingDays),
    latestMeetingDate: workingDaysBefore(measureEndDate, policy.meetingLeadWorkingDays),
  };
}

/** When the outcome is escalated, the default where a policy from before it has none. */
export function outcomeOverdueWorkingDays(policy: SchakeloverlegPolicy): number {
  return (
    policy.outcomeOverdueWorkingDays ?? DEFAULT_SCHAKELOVERLEG_POLICY.outcomeOverdueWorkingDays!
  );
}
