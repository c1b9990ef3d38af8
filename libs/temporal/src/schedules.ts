// Client-side wiring only: type imports, so the workflow bundle (which imports this library for
// its search attributes) never pulls in the Temporal client.
import type {
  Client,
  DayOfWeek,
  ScheduleDescription,
  ScheduleOptions,
  ScheduleUpdateOptions,
} from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';

/** What {@link ensureSchedule} did. */
export type ScheduleOutcome = 'created' | 'updated' | 'unchanged';

export interface EnsureScheduleOptions {
  /** What the schedule should be: id, spec, action and policies (no state: ops may pause it). */
  options: ScheduleOptions;
  /** Whether an existing schedule already is what `options` describes. */
  matches: (description: ScheduleDescription) => boolean;
}

/**
 * Makes sure a schedule exists as `options` describes it; safe to call at every worker start, by
 * several workers at once. Creates it when missing; when it exists with another spec, action or
 * policy (an older version, a hand edit), brings it back, keeping whether ops paused it. Answers
 * what it did.
 */
export async function ensureSchedule(
  client: Pick<Client, 'schedule'>,
  { options, matches }: EnsureScheduleOptions,
): Promise<ScheduleOutcome> {
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    // ScheduleAlreadyRunning, matched by name: this module imports the client's types only.
    if ((error as Error | undefined)?.name !== 'ScheduleAlreadyRunning') throw error;
  }
  const handle = client.schedule.getHandle(options.scheduleId);
  if (matches(await handle.describe())) return 'unchanged';
  await handle.update((previous): ScheduleUpdateOptions => ({
    spec: options.spec,
    action: options.action,
    policies: options.policies,
    state: {
      paused: previous.state.paused,
      ...(previous.state.note ? { note: previous.state.note } : {}),
      ...(previous.state.remainingActions !== undefined
        ? { remainingActions: previous.state.remainingActions }
        : {}),
    },
  }));
  return 'updated';
}

interface Range<T> {
  start: T;
  end: T;
  step: number;
}

/** Whether a described calendar field is exactly the one value `value`. */
export const rangeIsOnly = <T>(ranges: Range<T>[] | undefined, value: T) =>
  ranges?.length === 1 && ranges[0]!.start === value && ranges[0]!.end === value;

/** Whether a described calendar field is every value from `first` to `last` (a wildcard). */
export const rangeIsEvery = <T>(ranges: Range<T>[] | undefined, first: T, last: T) =>
  ranges?.length === 1 &&
  ranges[0]!.start === first &&
  ranges[0]!.end === last &&
  ranges[0]!.step === 1;

/** A described calendar spec entry, as {@link singleCalendarOf} answers it. */
export type DescribedCalendar = NonNullable<ScheduleDescription['spec']['calendars']>[number];

/**
 * The one calendar of a described schedule that starts `workflowType` on `taskQueue` in
 * `timezone` with `overlap: 'SKIP'` and the given catch-up window, no year, intervals or skips;
 * `undefined` when the schedule is anything else. The caller checks the calendar's fields.
 */
export function singleCalendarOf(
  description: ScheduleDescription,
  expected: { timezone: string; workflowType: string; taskQueue: string; catchupWindow: number },
): DescribedCalendar | undefined {
  const { spec, action, policies } = description;
  const calendars = spec.calendars ?? [];
  const calendar = calendars[0];
  const fits =
    spec.timezone === expected.timezone &&
    calendars.length === 1 &&
    !!calendar &&
    (calendar.year ?? []).length === 0 &&
    (spec.intervals ?? []).length === 0 &&
    (spec.skip ?? []).length === 0 &&
    action.type === 'startWorkflow' &&
    action.workflowType === expected.workflowType &&
    action.taskQueue === expected.taskQueue &&
    policies.overlap === 'SKIP' &&
    policies.catchupWindow === expected.catchupWindow;
  return fits ? calendar : undefined;
}

/**
 * A schedule that starts one workflow without input once a day, or once a week, at a whole hour
 * in its time zone; at most one run at a time (a run still busy skips the next).
 */
export interface CalendarSchedule {
  /** Also the workflow id's start: Temporal appends the scheduled time. */
  scheduleId: string;
  workflowType: string;
  timezone: string;
  /** Weekly on this day; every day when absent. */
  dayOfWeek?: DayOfWeek;
  hour: number;
  /** Shown in the Temporal Web UI: what the schedule is for, and where it is described. */
  comment: string;
  /** How long after an outage of Temporal a missed run is still made. */
  catchupWindowMs: number;
  typedSearchAttributes?: SearchAttributePair[];
}

/** What the schedule should be: spec, action and policies (no state: ops may pause it). */
export function calendarScheduleOptions(schedule: CalendarSchedule, taskQueue: string) {
  return {
    scheduleId: schedule.scheduleId,
    spec: {
      calendars: [
        {
          ...(schedule.dayOfWeek ? { dayOfWeek: schedule.dayOfWeek } : {}),
          hour: schedule.hour,
          minute: 0,
          second: 0,
          comment: schedule.comment,
        },
      ],
      timezone: schedule.timezone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: schedule.workflowType,
      workflowId: schedule.scheduleId,
      taskQueue,
      // No input: each run works from its own date and the registry.
      args: [{}],
      ...(schedule.typedSearchAttributes
        ? { typedSearchAttributes: schedule.typedSearchAttributes }
        : {}),
    },
    policies: { overlap: 'SKIP', catchupWindow: schedule.catchupWindowMs, pauseOnFailure: false },
  } satisfies ScheduleOptions;
}

/** Whether an existing schedule already is what {@link calendarScheduleOptions} describes. */
export function isCalendarScheduleCurrent(
  schedule: CalendarSchedule,
  description: ScheduleDescription,
  taskQueue: string,
): boolean {
  const calendar = singleCalendarOf(description, {
    timezone: schedule.timezone,
    workflowType: schedule.workflowType,
    taskQueue,
    catchupWindow: schedule.catchupWindowMs,
  });
  return (
    !!calendar &&
    (schedule.dayOfWeek
      ? rangeIsOnly(calendar.dayOfWeek, schedule.dayOfWeek)
      : rangeIsEvery(calendar.dayOfWeek, 'SUNDAY', 'SATURDAY')) &&
    rangeIsOnly(calendar.hour, schedule.hour) &&
    rangeIsOnly(calendar.minute, 0) &&
    rangeIsOnly(calendar.second, 0) &&
    rangeIsEvery(calendar.dayOfMonth, 1, 31) &&
    rangeIsEvery(calendar.month, 'JANUARY', 'DECEMBER')
  );
}

/**
 * Makes sure the schedule exists as described; safe to call at every worker start, by several
 * workers at once (see {@link ensureSchedule}). Answers what it did.
 */
export function ensureCalendarSchedule(
  client: Pick<Client, 'schedule'>,
  schedule: CalendarSchedule,
  taskQueue: string,
): Promise<ScheduleOutcome> {
  return ensureSchedule(client, {
    options: calendarScheduleOptions(schedule, taskQueue),
    matches: (description) => isCalendarScheduleCurrent(schedule, description, taskQueue),
  });
}
