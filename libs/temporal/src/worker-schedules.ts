// Client-side wiring only: type imports, so the workflow bundle (which imports this library for
// its search attributes) never pulls in the Temporal client.
import type { Client } from '@temporalio/client';
import { ensureCalendarSchedule, type CalendarSchedule, type ScheduleOutcome } from './schedules';
import { CaseKindKey } from './search-attributes';

// The Temporal Schedules the worker keeps (it makes sure of each at its start, see
// ensureCalendarSchedule): the nightly retention sweep and the weekly beschermingsplein agenda.

// ─────────────────────────────── retention (Jeugdwet 7.3.8; docs/retention.md)

/** The Temporal Schedule that runs the retention sweep (Jeugdwet 7.3.8) every night. */
export const RETENTION_SCHEDULE_ID = 'retention-sweep';

/** The workflow the schedule runs; a destruction on request (7.3.9) runs it for one case. */
export const RETENTION_SWEEP_WORKFLOW_TYPE = 'retentionSweepWorkflow';

/**
 * The nightly sweep, daily at 02:00 Amsterdam time (out of office hours); each run sweeps as of its own Amsterdam date, its workflow id
 * `retention-sweep-<scheduled time>`. After an outage of Temporal the night's missed sweep is
 * still run when it returns within a day; older misses are not replayed one by one (the next
 * sweep covers them anyway).
 */
export const RETENTION_SCHEDULE: CalendarSchedule = {
  scheduleId: RETENTION_SCHEDULE_ID,
  workflowType: RETENTION_SWEEP_WORKFLOW_TYPE,
  timezone: 'Europe/Amsterdam',
  hour: 2,
  comment: 'retention sweep, Jeugdwet 7.3.8 (docs/retention.md)',
  catchupWindowMs: 24 * 60 * 60 * 1000,
  typedSearchAttributes: [{ key: CaseKindKey, value: 'retention' }],
};

/** Makes sure the retention schedule exists as RETENTION_SCHEDULE describes it. */
export const ensureRetentionSchedule = (
  client: Pick<Client, 'schedule'>,
  taskQueue: string,
): Promise<ScheduleOutcome> => ensureCalendarSchedule(client, RETENTION_SCHEDULE, taskQueue);

// ─────────────────────────────── the beschermingsplein agenda (002 §3.6; docs/vto.md)

/**
 * The Temporal Schedule that assembles the agenda of the weekly beschermingsplein from the
 * verzoeken tot onderzoek waiting for it, and sends it (002 §3.6; docs/vto.md).
 */
export const BESCHERMINGSPLEIN_SCHEDULE_ID = 'beschermingsplein-agenda';

/** The workflow the schedule runs. */
export const BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE = 'beschermingspleinAgendaWorkflow';

/**
 * Every Tuesday at 09:00 Amsterdam time: the agenda of Thursday's meeting goes out two days
 * ahead, so the parents can be there and the partners can prepare. Each run takes the next
 * meeting from its date and the registered partners; its workflow id is
 * `beschermingsplein-agenda-<scheduled time>`. After an outage of Temporal the week's run is
 * still made when Temporal returns the same day; later than that the agenda would come too late
 * for the meeting, and the next week's run picks the waiting requests up anyway.
 */
export const BESCHERMINGSPLEIN_SCHEDULE: CalendarSchedule = {
  scheduleId: BESCHERMINGSPLEIN_SCHEDULE_ID,
  workflowType: BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
  timezone: 'Europe/Amsterdam',
  dayOfWeek: 'TUESDAY',
  hour: 9,
  comment: 'agenda of the beschermingsplein, VTO 002 §3.6 (docs/vto.md)',
  catchupWindowMs: 12 * 60 * 60 * 1000,
};

/** Makes sure the agenda's schedule exists as BESCHERMINGSPLEIN_SCHEDULE describes it. */
export const ensureBeschermingspleinSchedule = (
  client: Pick<Client, 'schedule'>,
  taskQueue: string,
): Promise<ScheduleOutcome> =>
  ensureCalendarSchedule(client, BESCHERMINGSPLEIN_SCHEDULE, taskQueue);
