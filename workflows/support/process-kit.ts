import type { UpdateDefinition } from '@temporalio/common';
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  log,
  setHandler,
} from '@temporalio/workflow';
import { COMMAND_REFUSED } from '../trajectory.definitions';

/**
 * The pieces every process workflow (trajectory, Veilig Thuis, Schakeloverleg, VTO) shares. All of
 * it is deterministic workflow code: it only registers handlers, chains promises and awaits
 * conditions, and issues no Temporal command of its own.
 */

/** The failure a command validator throws; the command then never enters the history. */
export function refuseCommand(problems: string[], byState: boolean): ApplicationFailure {
  // The second detail tells the API whether the state (409) or the data (422) refused it.
  return ApplicationFailure.create({
    type: COMMAND_REFUSED,
    message: problems.join('; '),
    details: [problems, byState ? 'state' : 'data'],
    nonRetryable: true,
  });
}

/**
 * Registers one update handler per command type, each with a validator. The handler and the
 * validator get the command, its `type` taken from the update's name.
 */
export function setCommandHandlers<C extends { type: string }, R>(
  types: readonly C['type'][],
  updates: { [T in C['type']]: UpdateDefinition<R, [object]> },
  handler: (command: C) => R | Promise<R>,
  validator: (command: C) => void,
): void {
  for (const type of types) {
    // One handler per command; the union of their argument types is too wide to name here.
    const update: UpdateDefinition<R, [object]> = updates[type];
    setHandler(update, (args: object) => handler({ ...args, type } as C), {
      validator: (args: object) => validator({ ...args, type } as C),
    });
  }
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

/**
 * Sends letters: each gets the next `letterSequence` of the state (the activity's idempotency
 * key), and the recipients it could not reach are handed to `undelivered` once it is done.
 */
export function letterRunner<L extends { kind: string }, F>(options: {
  state: { letterSequence: number };
  inflight: Pick<Inflight, 'track'>;
  send: (letter: L, sequence: number) => Promise<{ failures?: F[] }>;
  undelivered: (letter: L, sequence: number, failures: F[]) => void;
}): (letter: L) => void {
  const { state, inflight, send, undelivered } = options;
  return (letter) => {
    state.letterSequence += 1;
    const sequence = state.letterSequence;
    const sent = send(letter, sequence).then((outcome) => {
      undelivered(letter, sequence, outcome.failures ?? []);
    });
    inflight.track(sent, `letter ${letter.kind}`);
  };
}

/** Calls `publish` when the state's revision has changed since the last time it ran. */
export function revisionPublisher(
  state: { revision: number },
  publish: () => void,
): { publish(): void; readonly current: boolean } {
  let publishedRevision = 0;
  return {
    publish() {
      if (state.revision === publishedRevision) return;
      publishedRevision = state.revision;
      publish();
    },
    get current() {
      return state.revision === publishedRevision;
    },
  };
}
