import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import {
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  addDuration,
  codesOf,
  messagesOf,
  problem,
  type DeliveryFailure,
  type Letter,
  type OwnEffect,
  type Problem,
  type Process,
  type ProcessTypes,
} from '@cjg/domain';
import type { TrajectoryActivities } from '../../activities';
import { LETTER_OPTIONS } from '../activity-options';
import type { CommandAnswer } from '../command-updates';
import { COMMAND_REFUSED } from '../trajectory.definitions';
import { caseSearchAttributes, type CaseSearch } from './case-search';

/**
 * The one workflow runner of every process (trajectory, Veilig Thuis handover, Schakeloverleg
 * transfer, VTO): a process's workflow is a short declaration handed to `runProcess`. The rules
 * are the process's, in libs/domain/src/processes/<name>; the runner decides *when*:
 *
 * - each command is an update whose validator asks the domain, so a refused command never enters
 *   the history (the API answers 409 for the state, 422 for the data);
 * - the effects (letters, the projection, reports) start as activities without blocking the loop,
 *   and a letter that could not be delivered goes back to the domain;
 * - after every change the search attributes, the memo and the read model follow;
 * - it waits for the earliest pending deadline (kept in the state) or the next command;
 * - it continues as new, with its state, once the history reaches the process's bound or Temporal
 *   suggests it, whichever comes first, and (a process with a rollover) a while after its history
 *   grew long, so a deadline months later replays a short history; and at the end it lets running
 *   handlers and activities finish and publishes the last revision, so nothing is cut off.
 *
 * All of it is deterministic workflow code. The four processes each had their own loop before;
 * where those loops differed, a running case keeps its old way until the patch below says
 * otherwise (`legacy`, docs/operations.md "Changing workflow code safely").
 */

/** Continue-as-new by one rule for every process (history bound or Temporal's suggestion). */
export const ONE_CONTINUE_AS_NEW_RULE = 'process-runner-continue-as-new';
/** One drain at the end for every process: handlers, activities, and the last revision published. */
export const ONE_CLOSING_DRAIN = 'process-runner-closing-drain';
/**
 * The deadline timer keeps running while the earliest deadline (its time and kind) stays as it
 * is, and is started again only when that deadline moved or is gone (issue 19). Before, every
 * turn of the loop cancelled it and started it again.
 */
export const KEEP_DEADLINE_TIMER = 'process-runner-keep-deadline-timer';
/**
 * Search attributes are upserted only when their values changed since the last upsert of this
 * run (only the changed ones), the memo only when it changed (issue 19). Before, both were
 * upserted after every change of the state. The first upsert of a run sends them all, as before.
 */
export const UPSERT_WHEN_CHANGED = 'process-runner-upsert-when-changed';
/**
 * The projection (and the trajectory's report to its family) runs as a local activity, inside the
 * workflow task that made the change, and the projection keeps the view next to the row (table `process_view`); a command answers its revision, not its
 * view (issue 19). So the history holds one marker instead of an activity's three events, no
 * workflow task of its own when the projection finishes, no read-model row as input and no view
 * per command. The task, and with it a command's answer, completes only once the read model has
 * the revision; the API then reads the view from `process_view` (or, when the write took longer
 * than a task may wait and is still going on, asks the workflow). Asked only by a process that
 * projects: the others answer their view as before.
 */
export const LOCAL_PROJECTION = 'process-runner-local-projection';
/**
 * The rollover (issue 19): once a run's history passed the process's `rollover().fromEvents`, a
 * timer of `rollover().after` starts (one per run, kept while commands come and go); when it
 * fires, the run continues as new by the same path as at the history bound. So a case that waits
 * months for its next deadline replays a history of a dozen events when that deadline falls, not
 * of a hundred or more: a worker that no longer has the case in its cache (the usual case after
 * months) acts on it in a few milliseconds. Asked at each wait once the history passed the
 * bound, until the answer is yes: a run that never grows that long writes no marker, and a run
 * from before (which replays `no` up to there) takes it at its first wait after the change.
 */
export const ROLLOVER = 'process-runner-rollover';

/**
 * The failure a command validator throws; the command then never enters the history. Its details
 * are `[messages, 'state' | 'data', codes]`: the second tells the API whether the state (409) or
 * the data (422) refused it, the third the problems' codes (parallel to the messages).
 */
export function refuseCommand(problems: readonly Problem[], byState: boolean): ApplicationFailure {
  const messages = messagesOf(problems);
  return ApplicationFailure.create({
    type: COMMAND_REFUSED,
    message: messages.join('; '),
    details: [messages, byState ? 'state' : 'data', codesOf(problems)],
    nonRetryable: true,
  });
}

/**
 * The failure an update handler throws when the world refuses what its command needs (Veilig
 * Thuis: the linked trajectory exists already). Unlike a validator's refusal it is in the history,
 * as the update's outcome, so its details keep the shape they had before the codes:
 * `[messages, 'state' | 'data']` (the API gives such a problem the code of its status).
 */
export function refuseInHandler(messages: string[], byState: boolean): ApplicationFailure {
  return ApplicationFailure.create({
    type: COMMAND_REFUSED,
    message: messages.join('; '),
    details: [messages, byState ? 'state' : 'data'],
    nonRetryable: true,
  });
}

/** Activities started without waiting for them; a failure is logged, never thrown. */
export interface Inflight {
  /** Keeps `promise` until it settles; a failure is logged as `<what> failed`. */
  track(promise: Promise<unknown>, what: string): void;
  /** Resolves when every activity tracked so far has settled. */
  drain(): Promise<unknown>;
  /** Lets running handlers and activities finish, so nothing is cut off mid-way. */
  settle(): Promise<void>;
  /** How many tracked activities are still running. */
  readonly size: number;
}

export function createInflight(): Inflight {
  const inflight = new Set<Promise<unknown>>();
  const drain = () => Promise.all([...inflight]);
  return {
    track(promise, what) {
      const tracked = promise
        .catch((error: unknown) => log.warn(`${what} failed`, { error: String(error) }))
        .finally(() => inflight.delete(tracked));
      inflight.add(tracked);
    },
    drain,
    async settle() {
      await condition(allHandlersFinished);
      await drain();
    },
    get size() {
      return inflight.size;
    },
  };
}

/** What a declaration's own parts (effects, preparations, handlers) get of the running case. */
export interface RunningProcess<T extends ProcessTypes> {
  readonly state: T['state'];
  readonly workflowId: string;
  /** Queues effects; the loop runs them at its next turn. */
  queue(effects: readonly T['effect'][]): void;
  /** Starts an activity without waiting for it (a failure is logged). */
  track(promise: Promise<unknown>, what: string): void;
  /**
   * Whether this run's quick writes (the projection, the trajectory's family report) run as local
   * activities (LOCAL_PROJECTION); runs from before use activities.
   */
  readonly local: boolean;
}

/** What a letter activity answers: the recipients it could not reach (none in older runs). */
export interface LetterSent {
  failures?: DeliveryFailure[];
}

/**
 * A workflow of a process: the domain's process and what only the workflow knows (its Temporal
 * names, search attributes and activities).
 */
export interface ProcessWorkflow<T extends ProcessTypes> {
  process: Process<T>;
  /** `ApplicationFailure.type` when the input cannot start a case. */
  invalidInput: string;
  stateQuery: QueryDefinition<T['view']>;
  /** One update per command, named after it (the names are in every history: never rename). */
  updates: {
    [K in T['command']['type']]: UpdateDefinition<
      T['view'] | CommandAnswer,
      [Omit<Extract<T['command'], { type: K }>, 'type'>]
    >;
  };
  /**
   * What ops find the case by in the Web UI, besides what every case has (municipality,
   * coordinator, family, overdue and the next due date, which the runner adds).
   */
  search(state: T['state']): CaseSearch;
  /** Sends a letter (default: the `sendLetter` activity, exactly once by its ledger). */
  sendLetter?(letter: Letter, sequence: number, run: RunningProcess<T>): Promise<LetterSent>;
  /**
   * Writes the read model; `causes` says what changed since the last time. With `kept` (runs with
   * LOCAL_PROJECTION) as a local activity that keeps `kept.view` too; else as an activity (runs
   * from before).
   */
  project?(
    state: T['state'],
    workflowId: string,
    causes: string[],
    kept?: { view: T['view'] },
  ): Promise<unknown>;
  /** Runs the process's own effects. */
  own?: {
    [K in OwnEffect<T>['type']]: (
      effect: Extract<OwnEffect<T>, { type: K }>,
      run: RunningProcess<T>,
    ) => void | Promise<void>;
  };
  /**
   * Work a command needs done in the world before it applies (Veilig Thuis: starting the linked
   * trajectory). While it runs, every other command is refused with `busy` and none is allowed.
   */
  prepare?: {
    [K in T['command']['type']]?: {
      busy: string;
      run(command: Extract<T['command'], { type: K }>, run: RunningProcess<T>): Promise<void>;
    };
  };
  /** Handlers of its own (the VTO's agenda signal). */
  handlers?(run: RunningProcess<T>): void;
  /**
   * The process's effects take turns of their own (the Schakeloverleg's start of a trajectory waits
   * for the child), so the loop awaits them every time; the Schakeloverleg always did.
   */
  awaitEffects?: boolean;
  /**
   * When the opening letters are queued: before the handlers are set (default), after them
   * (the VTO), or after them and a first publish (the trajectory: its read-model row is written
   * before anything else). Kept per process: a command that arrives with the start replays in
   * the order it ran in.
   */
  opening?: 'before-handlers' | 'after-handlers' | 'after-handlers-and-publish';
  /**
   * How the process continued as new and ended before the runner, kept for the runs that started
   * then (the patches ONE_CONTINUE_AS_NEW_RULE and ONE_CLOSING_DRAIN mark the runs that take the
   * one way). A new process has none.
   */
  legacy?: {
    /** It continued as new at its history bound too (else only when Temporal suggested it). */
    continuedAtHistoryBound: boolean;
    /** It continued as new even when a command had just ended it (else only while open). */
    continuedWhenEnded: boolean;
    /**
     * Its drain at the end: as the runner's, but without publishing a revision that brought no
     * effect (the trajectory, the VTO); or waiting for the handlers first (the Schakeloverleg).
     */
    closing: 'one-way' | 'no-last-publish' | 'handlers-first';
  };
}

type Handler = (...args: never[]) => unknown;

/**
 * A new case's state, running by the rule sets its history says it started under: all of them
 * in a new run (each `patched()` writes its marker), and in a replay only those whose marker the
 * history has, so a case started before a change of rules keeps its rules to the end.
 */
function startState<T extends ProcessTypes>(process: Process<T>, input: T['input']): T['state'] {
  const state = process.initialState(input, new Date());
  const ruleSets = process.ruleSets ?? [];
  if (ruleSets.length === 0) return state;
  let adopted = 0;
  while (adopted < ruleSets.length && patched(ruleSets[adopted])) adopted += 1;
  if (adopted > 0) state.rules = adopted;
  else delete state.rules;
  return state;
}

const letters = proxyActivities<TrajectoryActivities>(LETTER_OPTIONS);

/** The workflow function of a process: a declaration run by `runProcess`. */
export function processWorkflow<T extends ProcessTypes>(
  workflow: ProcessWorkflow<T>,
): (input: T['input'], resumed?: T['state']) => Promise<T['view']> {
  return (input, resumed) => runProcess(workflow, input, resumed);
}

/** Runs one case of a process from its input (or the state a previous run handed over) to its end. */
export async function runProcess<T extends ProcessTypes>(
  workflow: ProcessWorkflow<T>,
  input: T['input'],
  resumed: T['state'] | undefined,
): Promise<T['view']> {
  type State = T['state'];
  type Command = T['command'];
  type View = T['view'];
  type Effect = T['effect'];
  const { process, legacy } = workflow;
  if (!resumed) {
    const problems = process.inputProblems(input, new Date());
    if (problems.length > 0) {
      throw ApplicationFailure.nonRetryable(messagesOf(problems).join('; '), workflow.invalidInput);
    }
  }
  const state: State = resumed ?? startState(process, input);
  // Asked once, at the start of every run: a run from before these changes (replayed without
  // their markers) keeps the old commands to its end; a new run, or one continued as new, takes
  // the new way from its first workflow task.
  const keepTimer = patched(KEEP_DEADLINE_TIMER);
  const upsertWhenChanged = patched(UPSERT_WHEN_CHANGED);
  const localProjection = workflow.project !== undefined && patched(LOCAL_PROJECTION);
  const workflowId = workflowInfo().workflowId;
  const effects: Effect[] = [];
  const inflight = createInflight();
  const run: RunningProcess<T> = {
    state,
    workflowId,
    queue: (more) => void effects.push(...more),
    track: inflight.track,
    local: localProjection,
  };
  /** What changed since the last projection, for the audit trail (`command:…`, `deadline:…`). */
  const causes: string[] = resumed ? [] : ['start'];
  /** Why no command is taken now (a preparation is running), if one is not. */
  let busy: string | undefined;

  const view = (): View => {
    const current = process.view(state, new Date());
    return busy ? { ...current, allowedCommands: [] } : current;
  };
  /** What an accepted command answers: its view, or its revision when the projection keeps it. */
  const answer = (): View | CommandAnswer =>
    localProjection ? { revision: state.revision, view: 'kept' } : view();

  const opening = workflow.opening ?? 'before-handlers';
  if (!resumed && opening === 'before-handlers') effects.push(...process.openingEffects(state));

  setHandler(workflow.stateQuery, view);
  const apply = (command: Command): View | CommandAnswer => {
    causes.push(`command:${command.type}`);
    effects.push(...process.applyCommand(state, command, new Date()));
    return answer();
  };
  const prepareThenApply = async (
    preparation: {
      busy: string;
      run(command: Command, run: RunningProcess<T>): Promise<void>;
    },
    command: Command,
  ): Promise<View | CommandAnswer> => {
    busy = preparation.busy;
    try {
      await preparation.run(command, run);
    } finally {
      busy = undefined;
    }
    return apply(command);
  };
  for (const type of Object.keys(process.commandFields) as Command['type'][]) {
    // One handler per command; the union of their argument types is too wide to name here.
    const update = workflow.updates[type] as unknown as UpdateDefinition<
      View | CommandAnswer,
      [object]
    >;
    const preparation = workflow.prepare?.[type] as
      Parameters<typeof prepareThenApply>[0] | undefined;
    setHandler(
      update,
      (args: object) => {
        const command = { ...args, type } as Command;
        return preparation ? prepareThenApply(preparation, command) : apply(command);
      },
      {
        validator: (args: object) => {
          if (busy) throw refuseCommand([problem('in-progress', busy)], true);
          const command = { ...args, type } as Command;
          const now = new Date();
          const problems = process.commandProblems(state, command, now);
          if (problems.length > 0) {
            throw refuseCommand(
              problems,
              process.commandStateProblems(state, type, now).length > 0,
            );
          }
        },
      },
    );
  }
  workflow.handlers?.(run);

  /** Starts a letter: the next `letterSequence` is its idempotency key in the letter ledger. */
  const sendLetter = (letter: Letter) => {
    state.letterSequence += 1;
    const sequence = state.letterSequence;
    const sending = workflow.sendLetter
      ? workflow.sendLetter(letter, sequence, run)
      : letters.sendLetter({
          workflowId,
          sequence,
          kind: letter.kind,
          to: letter.to,
          facts: letter.facts,
        });
    const sent = sending.then((outcome) => {
      if (process.letterSent?.(state, letter.kind)) causes.push(`letter:${letter.kind}`);
      // Older runs' results carry no failures; for them nothing changes here.
      const failures = outcome.failures ?? [];
      if (failures.length > 0) causes.push(`undelivered:${letter.kind}`);
      effects.push(
        ...process.recordDeliveryFailures(state, letter.kind, sequence, failures, new Date()),
      );
    });
    inflight.track(sent, `letter ${letter.kind}`);
  };

  /** Starts an effect's activity; the process's own effects may take a turn (a promise). */
  const startEffect = (effect: Effect): void | Promise<void> => {
    if (effect.type === 'letter') {
      const letter = effect as Letter;
      if (letter.to.length > 0) sendLetter(letter);
      return;
    }
    const handler = workflow.own?.[effect.type as OwnEffect<T>['type']] as Handler | undefined;
    if (!handler) throw new TypeError(`no handler for effect ${effect.type}`);
    return handler(effect as never, run as never) as void | Promise<void>;
  };
  /** Starts the effects' activities, in order, without waiting for them. */
  const runEffectsNow = (): void => {
    for (const effect of effects.splice(0)) void startEffect(effect);
  };
  /** The same, waiting for each of the process's own effects that takes a turn (`awaitEffects`). */
  const runEffectsInTurn = async (): Promise<void> => {
    for (const effect of effects.splice(0)) {
      const started = startEffect(effect);
      if (started) await started;
    }
  };
  /** A turn to await when the process's effects take turns; none otherwise (not even a microtask). */
  const runEffects = (): Promise<void> | void =>
    workflow.awaitEffects ? runEffectsInTurn() : runEffectsNow();

  let publishedRevision = 0;
  /** What this run last upserted, per search attribute (its value as JSON), and as the memo. */
  const upsertedSearch = new Map<string, string>();
  let upsertedSummary: string | undefined;
  /** Search attributes, memo and read model follow every change. */
  const publish = () => {
    if (state.revision === publishedRevision) return;
    publishedRevision = state.revision;
    const pairs = caseSearchAttributes({
      municipalityCode: state.municipalityCode,
      coordinatorId: state.coordinatorId,
      familyId: state.familyId,
      ...workflow.search(state),
      overdue: process.isOverdue(state),
      nextDue: process.nextDue(state),
    });
    const summary = process.summary(state);
    if (upsertWhenChanged) {
      const changed = pairs.filter(({ key, value }) => {
        const json = JSON.stringify(value);
        if (upsertedSearch.get(key.name) === json) return false;
        upsertedSearch.set(key.name, json);
        return true;
      });
      if (changed.length > 0) upsertSearchAttributes(changed);
      if (summary !== upsertedSummary) {
        upsertedSummary = summary;
        upsertMemo({ summary });
      }
    } else {
      upsertSearchAttributes(pairs);
      upsertMemo({ summary });
    }
    const recent = causes.splice(0);
    if (workflow.project) {
      const kept = localProjection ? { view: view() } : undefined;
      inflight.track(workflow.project(state, workflowId, recent, kept), 'projection');
    }
  };

  if (!resumed && opening !== 'before-handlers') {
    if (opening === 'after-handlers-and-publish') publish();
    effects.push(...process.openingEffects(state));
  }

  /**
   * The timer of the earliest pending deadline (KEEP_DEADLINE_TIMER): it wakes the loop when it
   * fires, and runs on while that deadline stays as it is.
   */
  interface DeadlineTimer {
    at: string;
    kind: string;
    fired: boolean;
    scope: CancellationScope;
  }
  let deadlineTimer: DeadlineTimer | undefined;
  /** The rollover timer of this run (ROLLOVER), once started; `fired` when its time came. */
  let rolloverTimer: { fired: boolean } | undefined;
  let rolloverAdopted = false;
  const rolledOver = () => rolloverTimer?.fired === true;
  /** Starts the rollover timer once the history passed the process's bound for it. */
  const startRolloverWhenDue = (historyLength: number) => {
    if (rolloverTimer || !process.rollover) return;
    const { fromEvents, after } = process.rollover(state);
    if (historyLength < fromEvents) return;
    // Asked again at every wait until adopted: a run from before the patch replays `false` up to
    // the task that first asked it live, and takes the rollover from there.
    if (!rolloverAdopted) rolloverAdopted = patched(ROLLOVER);
    if (!rolloverAdopted) return;
    const now = new Date();
    const timer = { fired: false };
    rolloverTimer = timer;
    // Never cancelled by the runner: it fires, or the run ends (or continues as new) with it
    // pending. Cancelling the workflow rejects it; that is not a failure.
    void sleep(addDuration(now, after).getTime() - now.getTime()).then(
      () => void (timer.fired = true),
      () => undefined,
    );
  };
  const startDeadlineTimer = (deadline: { at: string; kind: string }, ms: number) => {
    const scope = new CancellationScope();
    const timer: DeadlineTimer = { at: deadline.at, kind: deadline.kind, fired: false, scope };
    // A cancelled timer rejects; that is how it is stopped, not a failure.
    void scope
      .run(() => sleep(ms))
      .then(
        () => void (timer.fired = true),
        () => undefined,
      );
    deadlineTimer = timer;
    return timer;
  };
  /** Cancels the deadline timer, if one is running (a fired one needs nothing). */
  const stopDeadlineTimer = () => {
    if (deadlineTimer && !deadlineTimer.fired) deadlineTimer.scope.cancel();
    deadlineTimer = undefined;
  };

  while (process.isOpen(state)) {
    const turn = runEffects();
    if (turn) await turn;
    publish();
    // An effect of its own may end the case (the Schakeloverleg's trajectory has started).
    if (!process.isOpen(state)) break;
    const [next] = process.pendingDeadlines(state);
    const now = Date.now();
    if (next && Date.parse(next.at) <= now) {
      causes.push(`deadline:${next.kind}`);
      effects.push(...process.applyDeadline(state, next.kind, new Date()));
      continue;
    }
    const info = workflowInfo();
    if (
      info.historyLength >= process.maxHistoryEvents(state) ||
      info.continueAsNewSuggested ||
      rolledOver()
    ) {
      const oneRule = !legacy || patched(ONE_CONTINUE_AS_NEW_RULE);
      if (
        oneRule ||
        info.continueAsNewSuggested ||
        legacy.continuedAtHistoryBound ||
        rolledOver()
      ) {
        // Let running handlers and activities finish, so nothing is cut off mid-way.
        await inflight.settle();
        if (rolledOver()) await condition(allHandlersFinished);
        const mayContinue = process.isOpen(state) || (!oneRule && legacy.continuedWhenEnded);
        if (effects.length === 0 && mayContinue) {
          return await continueAsNew<(input: T['input'], resumed?: State) => Promise<View>>(
            input,
            state,
          );
        }
        continue;
      }
    }
    startRolloverWhenDue(info.historyLength);
    const seen = state.revision;
    /** What ends a wait besides its timer: a change, effects to run, or the rollover's time. */
    const woken = () => state.revision !== seen || effects.length > 0 || rolledOver();
    if (!keepTimer) {
      await condition(woken, next ? Date.parse(next.at) - now : undefined);
      continue;
    }
    const running = deadlineTimer;
    if (running && !running.fired && running.at === next?.at && running.kind === next.kind) {
      await condition(() => woken() || running.fired);
      continue;
    }
    stopDeadlineTimer();
    if (!next) {
      await condition(woken);
      continue;
    }
    const started = startDeadlineTimer(next, Date.parse(next.at) - now);
    await condition(() => woken() || started.fired);
  }
  stopDeadlineTimer();

  // Ended: the last letters and the final projection go out before the end, and so does a
  // notice about a last letter that could not be delivered.
  const closing = !legacy || patched(ONE_CLOSING_DRAIN) ? 'one-way' : legacy.closing;
  if (closing === 'handlers-first') {
    await condition(allHandlersFinished);
    while (effects.length > 0 || inflight.size > 0) {
      const turn = runEffects();
      if (turn) await turn;
      publish();
      await inflight.drain();
    }
    publish();
    return view();
  }
  const last = runEffects();
  if (last) await last;
  publish();
  await inflight.settle();
  while (effects.length > 0 || (closing === 'one-way' && state.revision !== publishedRevision)) {
    const turn = runEffects();
    if (turn) await turn;
    publish();
    await inflight.drain();
  }
  return view();
}
