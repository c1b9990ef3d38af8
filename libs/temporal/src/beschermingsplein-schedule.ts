// Client-side wiring only: type imports, so the workflow bundle (which imports this library for
// its search attributes) never pulls in the Temporal client.
import type {
  Client,
  ScheduleDescription,
  ScheduleOptions,
  ScheduleUpdateOptions,
} from '@temporalio/client';

/**
 * The Temporal Schedule that assembles the agenda of the weekly beschermingsplein from the
 * verzoeken tot onderzoek waiting for it, and sends it (002 §3.6; docs/vto.md).
 */
export const BESCHERMINGSPLEIN_SCHEDULE_ID = 'beschermingsplein-agenda';

/** The workflow the schedule runs. */
export const BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE = 'beschermingspleinAgendaWorkflow';

/**
 * Every Tuesday at 09:00 Amsterdam time: the agenda of Thursday's meeting goes out two days
 * ahead, so the parents can be there and the partners can prepare.
 */
export const BESCHERMINGSPLEIN_SCHEDULE_TIMEZONE = 'Europe/Amsterdam';
export const BESCHERMINGSPLEIN_SCHEDULE_DAY = 'TUESDAY';
export const BESCHERMINGSPLEIN_SCHEDULE_HOUR = 9;

/**
 * After an outage of Temporal the week's run is still made when Temporal returns the same day;
 * later than that the agenda would come too late for the meeting, and the next week's run picks
 * the waiting requests up anyway.
 */
const CATCHUP_WINDOW_MS = 12 * 60 * 60 * 1000;

export type BeschermingspleinScheduleOutcome = 'created' | 'updated' | 'unchanged';

/** What the schedule should be: spec, action and policies (no state: ops may pause it). */
export function beschermingspleinScheduleOptions(taskQueue: string) {
  return {
    scheduleId: BESCHERMINGSPLEIN_SCHEDULE_ID,
    spec: {
      calendars: [
        {
          dayOfWeek: BESCHERMINGSPLEIN_SCHEDULE_DAY,
          hour: BESCHERMINGSPLEIN_SCHEDULE_HOUR,
          minute: 0,
          second: 0,
          comment: 'agenda of the beschermingsplein, VTO 002 §3.6 (docs/vto.md)',
        },
      ],
      timezone: BESCHERMINGSPLEIN_SCHEDULE_TIMEZONE,
    },
    action: {
      type: 'startWorkflow',
      workflowType: BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
      // Temporal appends the scheduled time: `beschermingsplein-agenda-2026-12-01T08:00:00Z`.
      workflowId: BESCHERMINGSPLEIN_SCHEDULE_ID,
      taskQueue,
      // No input: the next meeting from the run's date, the registered partners.
      args: [{}],
    },
    policies: { overlap: 'SKIP', catchupWindow: CATCHUP_WINDOW_MS, pauseOnFailure: false },
  } satisfies ScheduleOptions;
}

interface Range<T> {
  start: T;
  end: T;
  step: number;
}

const only = <T>(ranges: Range<T>[] | undefined, value: T) =>
  ranges?.length === 1 && ranges[0]!.start === value && ranges[0]!.end === value;

const every = <T>(ranges: Range<T>[] | undefined, first: T, last: T) =>
  ranges?.length === 1 &&
  ranges[0]!.start === first &&
  ranges[0]!.end === last &&
  ranges[0]!.step === 1;

/** Whether an existing schedule already is what {@link beschermingspleinScheduleOptions} describes. */
export function isBeschermingspleinScheduleCurrent(
  description: ScheduleDescription,
  taskQueue: string,
): boolean {
  const { spec, action, policies } = description;
  const calendars = spec.calendars ?? [];
  const calendar = calendars[0];
  return (
    spec.timezone === BESCHERMINGSPLEIN_SCHEDULE_TIMEZONE &&
    calendars.length === 1 &&
    !!calendar &&
    only(calendar.dayOfWeek, BESCHERMINGSPLEIN_SCHEDULE_DAY) &&
    only(calendar.hour, BESCHERMINGSPLEIN_SCHEDULE_HOUR) &&
    only(calendar.minute, 0) &&
    only(calendar.second, 0) &&
    every(calendar.dayOfMonth, 1, 31) &&
    every(calendar.month, 'JANUARY', 'DECEMBER') &&
    (calendar.year ?? []).length === 0 &&
    (spec.intervals ?? []).length === 0 &&
    (spec.skip ?? []).length === 0 &&
    action.type === 'startWorkflow' &&
    action.workflowType === BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE &&
    action.taskQueue === taskQueue &&
    policies.overlap === 'SKIP' &&
    policies.catchupWindow === CATCHUP_WINDOW_MS
  );
}

/**
 * Makes sure the beschermingsplein schedule exists as described above; safe to call at every
 * worker start, by several workers at once. Creates it when missing; when it exists with another
 * spec, action or policy (an older version, a hand edit), brings it back, keeping whether ops
 * paused it. Answers what it did.
 */
export async function ensureBeschermingspleinSchedule(
  client: Pick<Client, 'schedule'>,
  taskQueue: string,
): Promise<BeschermingspleinScheduleOutcome> {
  const options = beschermingspleinScheduleOptions(taskQueue);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    // ScheduleAlreadyRunning, matched by name: this module imports the client's types only.
    if ((error as Error | undefined)?.name !== 'ScheduleAlreadyRunning') throw error;
  }
  const handle = client.schedule.getHandle(BESCHERMINGSPLEIN_SCHEDULE_ID);
  if (isBeschermingspleinScheduleCurrent(await handle.describe(), taskQueue)) return 'unchanged';
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
