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
import { CaseKindKey } from './search-attributes';

/** The Temporal Schedule that runs the retention sweep (Jeugdwet 7.3.8) every night. */
export const RETENTION_SCHEDULE_ID = 'retention-sweep';

/** The workflow the schedule runs; a destruction on request (7.3.9) runs it for one case. */
export const RETENTION_SWEEP_WORKFLOW_TYPE = 'retentionSweepWorkflow';

/** Daily at 02:00 Amsterdam time, out of office hours. */
export const RETENTION_SCHEDULE_TIMEZONE = 'Europe/Amsterdam';
export const RETENTION_SCHEDULE_HOUR = 2;

/**
 * After an outage of Temporal the night's missed sweep is still run when it returns within a
 * day; older misses are not replayed one by one (the next sweep covers them anyway).
 */
const CATCHUP_WINDOW_MS = 24 * 60 * 60 * 1000;

export type RetentionScheduleOutcome = ScheduleOutcome;

/** What the schedule should be: spec, action and policies (no state: ops may pause it). */
export function retentionScheduleOptions(taskQueue: string) {
  return {
    scheduleId: RETENTION_SCHEDULE_ID,
    spec: {
      calendars: [
        {
          hour: RETENTION_SCHEDULE_HOUR,
          minute: 0,
          second: 0,
          comment: 'retention sweep, Jeugdwet 7.3.8 (docs/retention.md)',
        },
      ],
      timezone: RETENTION_SCHEDULE_TIMEZONE,
    },
    action: {
      type: 'startWorkflow',
      workflowType: RETENTION_SWEEP_WORKFLOW_TYPE,
      // Temporal appends the scheduled time: `retention-sweep-2026-04-02T00:00:00Z`.
      workflowId: RETENTION_SCHEDULE_ID,
      taskQueue,
      // No asOf: each run sweeps as of its own Amsterdam date.
      args: [{}],
      typedSearchAttributes: [{ key: CaseKindKey, value: 'retention' }],
    },
    policies: { overlap: 'SKIP', catchupWindow: CATCHUP_WINDOW_MS, pauseOnFailure: false },
  } satisfies ScheduleOptions;
}

/** Whether an existing schedule already is what {@link retentionScheduleOptions} describes. */
export function isRetentionScheduleCurrent(
  description: ScheduleDescription,
  taskQueue: string,
): boolean {
  const calendar = singleCalendarOf(description, {
    timezone: RETENTION_SCHEDULE_TIMEZONE,
    workflowType: RETENTION_SWEEP_WORKFLOW_TYPE,
    taskQueue,
    catchupWindow: CATCHUP_WINDOW_MS,
  });
  return (
    !!calendar &&
    rangeIsOnly(calendar.hour, RETENTION_SCHEDULE_HOUR) &&
    rangeIsOnly(calendar.minute, 0) &&
    rangeIsOnly(calendar.second, 0) &&
    rangeIsEvery(calendar.dayOfMonth, 1, 31) &&
    rangeIsEvery(calendar.month, 'JANUARY', 'DECEMBER') &&
    rangeIsEvery(calendar.dayOfWeek, 'SUNDAY', 'SATURDAY')
  );
}

/**
 * Makes sure the retention schedule exists as described above; safe to call at every worker
 * start, by several workers at once (see {@link ensureSchedule}). Answers what it did.
 */
export function ensureRetentionSchedule(
  client: Pick<Client, 'schedule'>,
  taskQueue: string,
): Promise<RetentionScheduleOutcome> {
  return ensureSchedule(client, {
    options: retentionScheduleOptions(taskQueue),
    matches: (description) => isRetentionScheduleCurrent(description, taskQueue),
  });
}
