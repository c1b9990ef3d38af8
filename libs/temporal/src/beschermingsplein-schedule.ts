// Client-side wiring only: type imports, so the workflow bundle (which imports this library for
// its search attributes) never pulls in the Temporal client.
import type { Client, ScheduleDescription, ScheduleOptions } from '@temporalio/client';
import {
  ensureSchedule,
  rangeIsEvery,
  rangeIsOnly,
  singleCalendarOf,
  type ScheduleOutcome,
} from './schedules';

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

export type BeschermingspleinScheduleOutcome = ScheduleOutcome;

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

/** Whether an existing schedule already is what {@link beschermingspleinScheduleOptions} describes. */
export function isBeschermingspleinScheduleCurrent(
  description: ScheduleDescription,
  taskQueue: string,
): boolean {
  const calendar = singleCalendarOf(description, {
    timezone: BESCHERMINGSPLEIN_SCHEDULE_TIMEZONE,
    workflowType: BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
    taskQueue,
    catchupWindow: CATCHUP_WINDOW_MS,
  });
  return (
    !!calendar &&
    rangeIsOnly(calendar.dayOfWeek, BESCHERMINGSPLEIN_SCHEDULE_DAY) &&
    rangeIsOnly(calendar.hour, BESCHERMINGSPLEIN_SCHEDULE_HOUR) &&
    rangeIsOnly(calendar.minute, 0) &&
    rangeIsOnly(calendar.second, 0) &&
    rangeIsEvery(calendar.dayOfMonth, 1, 31) &&
    rangeIsEvery(calendar.month, 'JANUARY', 'DECEMBER')
  );
}

/**
 * Makes sure the beschermingsplein schedule exists as described above; safe to call at every worker
 * start, by several workers at once (see {@link ensureSchedule}). Answers what it did.
 */
export function ensureBeschermingspleinSchedule(
  client: Pick<Client, 'schedule'>,
  taskQueue: string,
): Promise<BeschermingspleinScheduleOutcome> {
  return ensureSchedule(client, {
    options: beschermingspleinScheduleOptions(taskQueue),
    matches: (description) => isBeschermingspleinScheduleCurrent(description, taskQueue),
  });
}
