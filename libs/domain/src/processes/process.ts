/**
 * What a process is: one case that runs from its input to an end, moved on by commands (given
 * through the API) and deadlines (kept as data in its state), and answering each step with
 * effects (letters, and the few things of its own, such as starting a linked trajectory).
 *
 * Every process implements this interface in its own folder, `processes/<name>/`; one workflow
 * runner (workflows/support/process-runner.ts) runs any of them, and one API pattern serves them.
 * All of it is pure and deterministic, so a workflow may call it; `now` is always passed in.
 */
import type { DeliveryFailure, Letter, LetterKind } from '../letters';
import type { Problem } from '../problems';

/** A moment the process waits for, kept in its state so continue-as-new carries it. */
export interface ProcessDeadline<Kind extends string = string> {
  kind: Kind;
  /** ISO instant. */
  at: string;
}

/** What every process's state has. */
export interface ProcessState {
  /** CBS gemeentecode of the municipality the case is for. */
  municipalityCode: string;
  /** The CJG coordinator of the case, once there is one. */
  coordinatorId?: string;
  /** 1Gezin1Plan: the family, once it is linked. */
  familyId?: string;
  /** Bumped at every change; projections keep the highest, and the runner publishes on it. */
  revision: number;
  /** Numbering of letters, unique within the case (the letter ledger's key). */
  letterSequence: number;
  /**
   * How many of the process's `ruleSets` the case runs by (absent: none, a case from before
   * them). Set once at its start and carried through continue-as-new; see `followsRules`.
   */
  rules?: number;
}

/** What the `state` query answers, besides the state: what may happen next. */
export interface ProcessView<CommandType extends string, DeadlineKind extends string> {
  allowedCommands: CommandType[];
  pendingDeadlines: ProcessDeadline<DeadlineKind>[];
  overdue: boolean;
}

/** The types a process is made of. */
export interface ProcessTypes {
  input: unknown;
  state: ProcessState;
  command: { type: string };
  deadlineKind: string;
  /** Its effects: letters, and any of its own (the trajectory's family report, …). */
  effect: { type: string };
  /** What its `state` query answers. */
  view: ProcessView<string, string>;
}

/** A process, made of the types `T`. */
export interface Process<T extends ProcessTypes> {
  /** The fields each command takes besides its type; its keys are the commands, in order. */
  readonly commandFields: { readonly [K in T['command']['type']]: readonly string[] };
  /** The letters it sends. */
  readonly letterKinds: readonly LetterKind[];
  /**
   * The changes of its rules since its first cases, oldest first, each named by the `patched()`
   * id that marks the cases started under it (never rename or remove one). A new case runs by
   * all of them (`initialState` sets `rules` to their number); a case that started before one
   * keeps the rules it started with, to its end: the runner asks `patched()` at the start.
   */
  readonly ruleSets?: readonly string[];

  /** Every reason the input cannot start a case at `now`; empty when it can. */
  inputProblems(input: T['input'], now: Date): Problem[];
  initialState(input: T['input'], now: Date): T['state'];
  /** What a new case does first (its first letters). */
  openingEffects(state: T['state']): T['effect'][];
  /** Whether the case still waits for commands or deadlines. */
  isOpen(state: T['state']): boolean;

  /** Reasons the state refuses a command of this type, whatever its data (the API answers 409). */
  commandStateProblems(state: T['state'], type: T['command']['type'], now: Date): Problem[];
  /** Every reason the command is refused; empty when accepted (otherwise the API answers 422). */
  commandProblems(state: T['state'], command: T['command'], now: Date): Problem[];
  /** Applies an accepted command (mutating the state) and returns its effects. */
  applyCommand(state: T['state'], command: T['command'], now: Date): T['effect'][];

  /** Every deadline it waits for, earliest first. */
  pendingDeadlines(state: T['state']): ProcessDeadline<T['deadlineKind']>[];
  /** Handles a deadline that has come (mutating the state) and returns its effects. */
  applyDeadline(state: T['state'], kind: T['deadlineKind'], now: Date): T['effect'][];

  /** A letter went out: what the state keeps of that; true when the state changed. */
  letterSent?(state: T['state'], kind: LetterKind): boolean;
  /** Records recipients a letter did not reach, and returns the notices to send. */
  recordDeliveryFailures(
    state: T['state'],
    letter: LetterKind,
    sequence: number,
    failures: readonly DeliveryFailure[],
    now: Date,
  ): T['effect'][];

  /** When the step it waits for is due (lists, search); may differ from the earliest deadline. */
  nextDue(state: T['state']): ProcessDeadline<T['deadlineKind']> | undefined;
  isOverdue(state: T['state']): boolean;
  view(state: T['state'], now: Date): T['view'];
  /** A one-line summary without personal data, for the Temporal UI memo. */
  summary(state: T['state']): string;
  /** Continue-as-new once a run's history reaches this many events. */
  maxHistoryEvents(state: T['state']): number;
  /**
   * Continue-as-new `after` (an ISO 8601 duration) once a run's history passed `fromEvents`, so a
   * deadline months away replays a short history when it falls (the runner's rollover, issue 19).
   * A process without it only continues as new at its bound.
   */
  rollover?(state: T['state']): { fromEvents: number; after: string };
}

/** A process, its types taken from its functions (so a process need not spell them out). */
export function defineProcess<
  Input,
  State extends ProcessState,
  Command extends { type: string },
  DeadlineKind extends string,
  Effect extends { type: string },
  View extends ProcessView<Command['type'], DeadlineKind>,
>(
  process: Process<{
    input: Input;
    state: State;
    command: Command;
    deadlineKind: DeadlineKind;
    effect: Effect;
    view: View;
  }>,
): typeof process {
  return process;
}

/** A process's effects besides letters. */
export type OwnEffect<T extends ProcessTypes> = Exclude<T['effect'], Letter>;
