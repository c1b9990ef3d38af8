import type { PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { historyPayloads } from '@cjg/temporal/connection';

/**
 * What one workflow run's history says about the work it took: events by type, bytes, the
 * commands the workflow gave (activities, timers, search-attribute and memo upserts, markers),
 * what came in (updates, signals), the workflow tasks it took and what woke each of them, where
 * the bytes are, and an estimate of the actions Temporal Cloud would bill. Pure functions over a
 * fetched history (bench/lifecycle.ts); nothing here talks to a server.
 */

type History = temporal.api.history.v1.IHistory;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payload = temporal.api.common.v1.IPayload;

const { EventType } = temporal.api.enums.v1;

/** `EVENT_TYPE_ACTIVITY_TASK_SCHEDULED` → `ActivityTaskScheduled`, as the Web UI names events. */
export function eventTypeName(event: HistoryEvent): string {
  const name = EventType[event.eventType ?? 0] ?? `EventType${event.eventType}`;
  return name
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

/** Events a workflow task's commands write (after its WorkflowTaskCompleted). */
const COMMAND_EVENTS = new Set([
  'ActivityTaskScheduled',
  'ActivityTaskCancelRequested',
  'TimerStarted',
  'TimerCanceled',
  'UpsertWorkflowSearchAttributes',
  'WorkflowPropertiesModified',
  'MarkerRecorded',
  'StartChildWorkflowExecutionInitiated',
  'SignalExternalWorkflowExecutionInitiated',
  'RequestCancelExternalWorkflowExecutionInitiated',
  'WorkflowExecutionUpdateAccepted',
  'WorkflowExecutionUpdateRejected',
  'WorkflowExecutionUpdateCompleted',
  'WorkflowExecutionCompleted',
  'WorkflowExecutionFailed',
  'WorkflowExecutionCanceled',
  'WorkflowExecutionContinuedAsNew',
]);

const WORKFLOW_TASK_EVENTS = new Set([
  'WorkflowTaskScheduled',
  'WorkflowTaskStarted',
  'WorkflowTaskCompleted',
  'WorkflowTaskFailed',
  'WorkflowTaskTimedOut',
]);

/** The marker a TypeScript (core) SDK writes for a local activity; `core_patch` is `patched()`'s. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/** Names the history gives by id: activity types by their scheduled event, updates by acceptance. */
function namesOf(events: HistoryEvent[]) {
  const activityType = new Map<string, string>();
  const updateName = new Map<string, string>();
  for (const e of events) {
    const id = String(e.eventId);
    const scheduled = e.activityTaskScheduledEventAttributes;
    if (scheduled) activityType.set(id, scheduled.activityType?.name ?? '?');
    const accepted = e.workflowExecutionUpdateAcceptedEventAttributes;
    if (accepted) updateName.set(id, accepted.acceptedRequest?.input?.name ?? '?');
  }
  return {
    activity: (scheduledEventId: unknown) => activityType.get(String(scheduledEventId)) ?? '?',
    update: (acceptedEventId: unknown) => updateName.get(String(acceptedEventId)) ?? '?',
  };
}

// ─────────────────────────────── Temporal Cloud actions

/**
 * The actions Temporal Cloud would bill for a run, estimated from its history by the published
 * rules (https://docs.temporal.io/cloud/actions, "Temporal Cloud Actions", read 2026-12-06; the
 * page says a history gives an estimate, and that event types do not always map 1:1 to actions):
 *
 * - workflow started: 1 per run (client start, continue-as-new: the new run's start counts, not
 *   the ContinuedAsNew event); a signal-with-start is 1 in all, its signal included; a run started
 *   by a Schedule adds 2 for the schedule;
 * - child workflow: 2 per StartChildWorkflowExecutionInitiated ("one for durably storing the
 *   intent, one for the attempt"), so the child's own start is not counted again (UNCLEAR: the
 *   page also lists "Child Workflow start" under workflow started);
 * - activity: 1 per ActivityTaskScheduled, and 1 per retry (ActivityTaskStarted.attempt − 1);
 * - markers: 1 per workflow task that recorded any ("Temporal Cloud counts all RecordMarkers from
 *   each Workflow Task as one action"), plus `meteringMetadata.nonfirstLocalActivityExecutionAttempts`
 *   of WorkflowTaskCompleted (local activities retried). The page says this under local
 *   activities; UNCLEAR whether `patched()`'s markers are meant too. They are counted here, as the
 *   dev server's own meter does (`command_BatchMarkers`);
 * - timer: 1 per TimerStarted (the runner's `condition(…, timeout)` starts one too);
 * - signal: 1 per WorkflowExecutionSignaled (an external signal is billed in the signalled
 *   history, not the sender's);
 * - update: 1 per update accepted, and 1 per update rejected by its validator (never in the
 *   history: the benchmark counts none on its paths);
 * - search attributes: 1 per UpsertWorkflowSearchAttributes, however many attributes it sets;
 *   those given at the start are free;
 * - workflow options updated: 1 per WorkflowExecutionOptionsUpdated.
 *
 * Not billed by the page's list: workflow tasks, activity starts and completions, timers fired
 * or cancelled, memo upserts (WorkflowPropertiesModified; UNCLEAR: the dev server's meter counts
 * them, `command_ModifyWorkflowProperties`), and upserts of `TemporalChangeVersion` alone (what
 * `patched()` writes; exempt by the page, counted by the dev server's meter). Not in a history:
 * queries (1 each, received by a worker; the API asks some, bench/lifecycle.ts reads them from
 * the dev server's meter) and activity heartbeats (none here).
 */
export function cloudActions(events: HistoryEvent[]): Record<string, number> {
  const actions: Record<string, number> = {};
  const add = (rule: string, n = 1) => {
    if (n > 0) actions[rule] = (actions[rule] ?? 0) + n;
  };
  const markerTasks = new Set<string>();
  for (const [i, e] of events.entries()) {
    const started = e.workflowExecutionStartedEventAttributes;
    if (started) {
      if (!started.parentWorkflowExecution) add('workflow started');
      if (started.searchAttributes?.indexedFields?.TemporalScheduledById) add('schedule', 2);
    }
    // A signal-with-start writes Started, then Signaled, before the first workflow task.
    if (e.workflowExecutionSignaledEventAttributes)
      add('signal', i === 1 && events[0]?.workflowExecutionStartedEventAttributes ? 0 : 1);
    if (e.startChildWorkflowExecutionInitiatedEventAttributes) add('child workflow started', 2);
    if (e.activityTaskScheduledEventAttributes) add('activity');
    const attempt = e.activityTaskStartedEventAttributes?.attempt ?? 1;
    add('activity retried', attempt - 1);
    const marker = e.markerRecordedEventAttributes;
    if (marker) markerTasks.add(String(marker.workflowTaskCompletedEventId));
    add(
      'local activity retried',
      e.workflowTaskCompletedEventAttributes?.meteringMetadata
        ?.nonfirstLocalActivityExecutionAttempts ?? 0,
    );
    if (e.timerStartedEventAttributes) add('timer');
    if (e.workflowExecutionUpdateAcceptedEventAttributes) add('update');
    const upsert = e.upsertWorkflowSearchAttributesEventAttributes;
    if (upsert) {
      const keys = Object.keys(upsert.searchAttributes?.indexedFields ?? {});
      add('search attributes', keys.every((k) => k === 'TemporalChangeVersion') ? 0 : 1);
    }
    if (e.workflowExecutionOptionsUpdatedEventAttributes) add('workflow options updated');
  }
  add('markers', markerTasks.size);
  return actions;
}

export const sum = (counts: Record<string, number>) =>
  Object.values(counts).reduce((a, b) => a + b, 0);

// ─────────────────────────────── workflow tasks and what woke them

/** What one workflow task (a "turn" of the workflow) was woken by and what it wrote. */
export interface Turn {
  /** An accepted update names the turn; else what came in before it (`activity done: …`). */
  trigger: string;
  /** Every event of the turn: what woke it, its workflow-task events, its commands' events. */
  events: number;
  byType: Record<string, number>;
}

/** What woke a workflow task, from an event that came in (not a command's, not a task's own). */
function wakeOf(e: HistoryEvent, names: ReturnType<typeof namesOf>): string | undefined {
  if (e.workflowExecutionStartedEventAttributes) return 'start';
  if (e.timerFiredEventAttributes) return 'timer fired';
  const signal = e.workflowExecutionSignaledEventAttributes;
  if (signal) return `signal ${signal.signalName}`;
  for (const done of [
    e.activityTaskCompletedEventAttributes,
    e.activityTaskFailedEventAttributes,
    e.activityTaskTimedOutEventAttributes,
    e.activityTaskCanceledEventAttributes,
  ])
    if (done) return `activity done: ${names.activity(done.scheduledEventId)}`;
  if (e.childWorkflowExecutionStartedEventAttributes) return 'child started';
  if (e.startChildWorkflowExecutionFailedEventAttributes) return 'child start failed';
  if (e.externalWorkflowExecutionSignaledEventAttributes) return 'external signal delivered';
  if (e.workflowTaskFailedEventAttributes || e.workflowTaskTimedOutEventAttributes)
    return 'workflow task retried';
  const name = eventTypeName(e);
  return name.startsWith('ChildWorkflowExecution') ? 'child closed' : undefined;
}

/**
 * The run cut into its workflow tasks. A task begins at WorkflowTaskScheduled and takes the
 * events that came in before it (they woke it: an activity's Started and Completed, a timer
 * fired, a signal); its commands' events follow its WorkflowTaskCompleted (activities scheduled,
 * upserts, an update accepted and completed). An update needs no event to wake a task: the
 * server delivers it with one, and it shows as the UpdateAccepted after that task.
 */
export function turnsOf(events: HistoryEvent[]): Turn[] {
  const names = namesOf(events);
  const turns: Array<Turn & { wakes: string[]; updates: string[] }> = [];
  let incoming: HistoryEvent[] = [];
  const count = (turn: Turn, e: HistoryEvent) => {
    const type = eventTypeName(e);
    turn.events += 1;
    turn.byType[type] = (turn.byType[type] ?? 0) + 1;
  };
  for (const e of events) {
    const type = eventTypeName(e);
    if (type === 'WorkflowTaskScheduled') {
      const turn = { trigger: '', events: 0, byType: {}, wakes: [] as string[], updates: [] };
      for (const before of incoming) {
        count(turn, before);
        const wake = wakeOf(before, names);
        if (wake && !turn.wakes.includes(wake)) turn.wakes.push(wake);
      }
      incoming = [];
      count(turn, e);
      turns.push(turn);
      continue;
    }
    const current = turns.at(-1);
    if (current && (WORKFLOW_TASK_EVENTS.has(type) || COMMAND_EVENTS.has(type))) {
      count(current, e);
      const accepted = e.workflowExecutionUpdateAcceptedEventAttributes;
      if (accepted) current.updates.push(accepted.acceptedRequest?.input?.name ?? '?');
    } else incoming.push(e);
  }
  return turns.map(({ wakes, updates, ...turn }) => ({
    ...turn,
    trigger:
      updates.length > 0
        ? `update ${updates.join(' + ')}`
        : wakes.length > 0
          ? wakes.sort().join(' + ')
          : '(nothing in the history)',
  }));
}

/** The turns summed by what woke them: how many, and the events they took, by type. */
export function turnsByTrigger(
  turns: Turn[],
): Array<{ trigger: string; turns: number; events: number; byType: Record<string, number> }> {
  const byTrigger = new Map<
    string,
    { trigger: string; turns: number; events: number; byType: Record<string, number> }
  >();
  for (const turn of turns) {
    const entry = byTrigger.get(turn.trigger) ?? {
      trigger: turn.trigger,
      turns: 0,
      events: 0,
      byType: {},
    };
    entry.turns += 1;
    entry.events += turn.events;
    for (const [type, n] of Object.entries(turn.byType))
      entry.byType[type] = (entry.byType[type] ?? 0) + n;
    byTrigger.set(turn.trigger, entry);
  }
  return [...byTrigger.values()].sort((a, b) => b.events - a.events);
}

// ─────────────────────────────── bytes

/** One payload of the history: what it is, its size as stored, and decoded (the plain JSON). */
export interface PayloadSize {
  eventId: number;
  what: string;
  bytes: number;
  plainBytes: number;
}

const payloadBytes = (p: Payload) => temporal.api.common.v1.Payload.encode(p).finish().length;

/** What a payload of an event is: `update result: agreeResults`, `activity input: sendLetter`… */
function payloadLabel(e: HistoryEvent, path: string, names: ReturnType<typeof namesOf>): string {
  const part = /searchAttributes/.test(path)
    ? 'search attributes'
    : /memo/i.test(path)
      ? 'memo'
      : /header/.test(path)
        ? 'header'
        : undefined;
  const scheduled = e.activityTaskScheduledEventAttributes;
  if (scheduled) return `activity input: ${scheduled.activityType?.name}`;
  const completed = e.activityTaskCompletedEventAttributes;
  if (completed) return `activity result: ${names.activity(completed.scheduledEventId)}`;
  const accepted = e.workflowExecutionUpdateAcceptedEventAttributes;
  if (accepted) return `update input: ${accepted.acceptedRequest?.input?.name}`;
  const done = e.workflowExecutionUpdateCompletedEventAttributes;
  if (done) return `update result: ${names.update(done.acceptedEventId)}`;
  const signal = e.workflowExecutionSignaledEventAttributes;
  if (signal) return `signal input: ${signal.signalName}`;
  const marker = e.markerRecordedEventAttributes;
  if (marker) return `marker: ${marker.markerName}`;
  const sent = e.signalExternalWorkflowExecutionInitiatedEventAttributes;
  if (sent) return `signal sent: ${sent.signalName}`;
  const type = eventTypeName(e);
  const what: Record<string, string> = {
    WorkflowExecutionStarted: 'workflow input',
    WorkflowExecutionCompleted: 'workflow result',
    WorkflowExecutionContinuedAsNew: 'continue-as-new input',
    UpsertWorkflowSearchAttributes: 'search attributes upserted',
    WorkflowPropertiesModified: 'memo upserted',
    StartChildWorkflowExecutionInitiated: 'child input',
  };
  const base = what[type] ?? type;
  return part && !base.includes(part) ? `${base} (${part})` : base;
}

/**
 * Every payload of the run with its size as stored (encrypted, as the history holds it) and
 * decoded by `codec` (the JSON a reader sees); the protobuf size of a payload, metadata included.
 */
export async function payloadSizes(
  events: HistoryEvent[],
  codec: PayloadCodec | undefined,
): Promise<PayloadSize[]> {
  const names = namesOf(events);
  const sizes: PayloadSize[] = [];
  for (const e of events) {
    for (const { path, payload } of historyPayloads({ events: [e] })) {
      const [plain] = codec ? await codec.decode([payload as never]) : [payload];
      sizes.push({
        eventId: Number(e.eventId),
        what: payloadLabel(e, path, names),
        bytes: payloadBytes(payload),
        plainBytes: payloadBytes(plain as Payload),
      });
    }
  }
  return sizes;
}

/** Payload sizes summed by what they are, largest first. */
export function payloadsByKind(
  sizes: PayloadSize[],
): Array<{ what: string; count: number; bytes: number; plainBytes: number }> {
  const byKind = new Map<
    string,
    { what: string; count: number; bytes: number; plainBytes: number }
  >();
  for (const s of sizes) {
    const entry = byKind.get(s.what) ?? { what: s.what, count: 0, bytes: 0, plainBytes: 0 };
    entry.count += 1;
    entry.bytes += s.bytes;
    entry.plainBytes += s.plainBytes;
    byKind.set(s.what, entry);
  }
  return [...byKind.values()].sort((a, b) => b.bytes - a.bytes);
}

// ─────────────────────────────── one run

/** The figures of one run (what bench/lifecycle.ts prints and keeps as JSON). */
export interface RunFigures {
  workflowId: string;
  runId: string;
  workflowType: string;
  status: string;
  events: number;
  /** The history as fetched, protobuf-encoded (payloads encrypted, as stored). */
  historyBytes: number;
  /** Its payloads alone (inputs, results, search attributes, memos, markers). */
  payloadBytes: number;
  workflowTasks: number;
  activities: number;
  localActivities: number;
  timers: number;
  updates: number;
  signals: number;
  searchAttributeUpserts: number;
  memoUpserts: number;
  patchMarkers: number;
  childWorkflows: number;
  /** `workflowExecutionInfo.stateTransitionCount` of DescribeWorkflowExecution; null: none given. */
  stateTransitions: number | null;
  cloudActions: Record<string, number>;
  eventTypes: Record<string, number>;
  /** Encoded bytes of the events, by type. */
  eventTypeBytes: Record<string, number>;
  turns: ReturnType<typeof turnsByTrigger>;
  payloads: ReturnType<typeof payloadsByKind>;
  largestPayloads: PayloadSize[];
}

export async function runFigures(
  run: {
    workflowId: string;
    runId: string;
    workflowType: string;
    status: string;
    stateTransitions: number | null;
  },
  history: History,
  codec: PayloadCodec | undefined,
): Promise<RunFigures> {
  const events = history.events ?? [];
  const eventTypes: Record<string, number> = {};
  const eventTypeBytes: Record<string, number> = {};
  for (const e of events) {
    const type = eventTypeName(e);
    eventTypes[type] = (eventTypes[type] ?? 0) + 1;
    eventTypeBytes[type] =
      (eventTypeBytes[type] ?? 0) + temporal.api.history.v1.HistoryEvent.encode(e).finish().length;
  }
  const n = (type: string) => eventTypes[type] ?? 0;
  const markers = events.map((e) => e.markerRecordedEventAttributes?.markerName);
  const sizes = await payloadSizes(events, codec);
  return {
    ...run,
    events: events.length,
    historyBytes: temporal.api.history.v1.History.encode(history).finish().length,
    payloadBytes: sizes.reduce((total, s) => total + s.bytes, 0),
    workflowTasks: n('WorkflowTaskCompleted'),
    activities: n('ActivityTaskScheduled'),
    localActivities: markers.filter((m) => m === LOCAL_ACTIVITY_MARKER).length,
    timers: n('TimerStarted'),
    updates: n('WorkflowExecutionUpdateAccepted'),
    signals: n('WorkflowExecutionSignaled'),
    searchAttributeUpserts: n('UpsertWorkflowSearchAttributes'),
    memoUpserts: n('WorkflowPropertiesModified'),
    patchMarkers: markers.filter((m) => m === 'core_patch').length,
    childWorkflows: n('StartChildWorkflowExecutionInitiated'),
    cloudActions: cloudActions(events),
    eventTypes,
    eventTypeBytes,
    turns: turnsByTrigger(turnsOf(events)),
    payloads: payloadsByKind(sizes),
    largestPayloads: [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 10),
  };
}
