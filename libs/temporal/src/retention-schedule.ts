// Client-side wiring only: type imports, so the workflow bundle (which imports this library for
// its search attributes) never pulls in the Temporal client.
import type {
  Client,
  ScheduleDescription,
  ScheduleOptions,
  ScheduleUpdateOptions,
} from '@temporalio/client';
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

export type RetentionScheduleOutcome = 'created' | 'updated' | 'unchanged';

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

/** Whether an existing schedule already is what {@link retentionScheduleOptions} describes. */
export function isRetentionScheduleCurrent(
  description: ScheduleDescription,
  taskQueue: string,
): boolean {
  const { spec, action, policies } = description;
  const calendars = spec.calendars ?? [];
  const calendar = calendars[0];
  return (
    spec.timezone === RETENTION_SCHEDULE_TIMEZONE &&
    calendars.length === 1 &&
    !!calendar &&
    only(calendar.hour, RETENTION_SCHEDULE_HOUR) &&
    only(calendar.minute, 0) &&
    only(calendar.second, 0) &&
    every(calendar.dayOfMonth, 1, 31) &&
    every(calendar.month, 'JANUARY', 'DECEMBER') &&
    every(calendar.dayOfWeek, 'SUNDAY', 'SATURDAY') &&
    (calendar.year ?? []).length === 0 &&
    (spec.intervals ?? []).length === 0 &&
    (spec.skip ?? []).length === 0 &&
    action.type === 'startWorkflow' &&
    action.workflowType === RETENTION_SWEEP_WORKFLOW_TYPE &&
    action.taskQueue === taskQueue &&
    policies.overlap === 'SKIP' &&
    policies.catchupWindow === CATCHUP_WINDOW_MS
  );
}

/**
 * Makes sure the retention schedule exists as described above; safe to call at every worker
 * start, by several workers at once. Creates it when missing; when it exists with another spec,
 * action or policy (an older version, a hand edit), brings it back, keeping whether ops paused
 * it. Answers what it did.
 */
export async function ensureRetentionSchedule(
  client: Pick<Client, 'schedule'>,
  taskQueue: string,
): Promise<RetentionScheduleOutcome> {
  const options = retentionScheduleOptions(taskQueue);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    // ScheduleAlreadyRunning, matched by name: this module imports the client's types only.
    if ((error as Error | undefined)?.name !== 'ScheduleAlreadyRunning') throw error;
  }
  const handle = client.schedule.getHandle(RETENTION_SCHEDULE_ID);
  if (isRetentionScheduleCurrent(await handle.describe(), taskQueue)) return 'unchanged';
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
