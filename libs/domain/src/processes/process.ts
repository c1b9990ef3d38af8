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

/** A moment the process waits for, kept in its state so continue-as-new carries it. */
export interface ProcessDeadline<Kind extends string = string> {
  kind: Kind;
  /** ISO instant. */
  at: string;
}

/** What every process's state has. */
export interface ProcessState {
  /** Bumped at every change; projections keep the highest, and the runner publishes on it. */
  revision: number;
  /** Numbering of letters, unique within the case (the letter ledger's key). */
  letterSequence: number;
}

/** What the `state` query answers, besides the state: what may happen next. */
export interface ProcessView<CommandType extends string, DeadlineKind extends string> {
  allowedCommands: CommandType[];
  pendingDeadlines: ProcessDeadline<DeadlineKind>[];
  overdue: boolean;
}

/**
 * A process. `Own` is the effects it has besides letters (none for most); `View` what its
 * `state` query answers.
 */
export interface Process<
  Input,
  State extends ProcessState,
  Command extends { type: string },
  DeadlineKind extends string,
  Own extends { type: string },
  View extends ProcessView<Command['type'], DeadlineKind>,
> {
  /** The fields each command takes besides its type; its keys are the commands, in order. */
  readonly commandFields: { readonly [T in Command['type']]: readonly string[] };
  /** The letters it sends. */
  readonly letterKinds: readonly LetterKind[];

  /** Every reason the input cannot start a case; empty when it can. */
  inputProblems(input: Input): string[];
  initialState(input: Input, now: Date): State;
  /** What a new case does first (its first letters). */
  openingEffects(state: State): Array<Letter | Own>;
  /** Whether the case still waits for commands or deadlines. */
  isOpen(state: State): boolean;

  /** Reasons the state refuses a command of this type, whatever its data (the API answers 409). */
  commandStateProblems(state: State, type: Command['type'], now: Date): string[];
  /** Every reason the command is refused; empty when accepted (otherwise the API answers 422). */
  commandProblems(state: State, command: Command, now: Date): string[];
  /** Applies an accepted command (mutating the state) and returns its effects. */
  applyCommand(state: State, command: Command, now: Date): Array<Letter | Own>;

  /** Every deadline it waits for, earliest first. */
  pendingDeadlines(state: State): ProcessDeadline<DeadlineKind>[];
  /** Handles a deadline that has come (mutating the state) and returns its effects. */
  applyDeadline(state: State, kind: DeadlineKind, now: Date): Array<Letter | Own>;

  /** A letter went out: what the state keeps of that; true when the state changed. */
  letterSent?(state: State, kind: LetterKind): boolean;
  /** Records recipients a letter did not reach, and returns the notices to send. */
  recordDeliveryFailures(
    state: State,
    letter: LetterKind,
    sequence: number,
    failures: readonly DeliveryFailure[],
    now: Date,
  ): Array<Letter | Own>;

  /** When the step it waits for is due (for lists and search); may differ from the earliest deadline. */
  nextDue(state: State): ProcessDeadline<DeadlineKind> | undefined;
  isOverdue(state: State): boolean;
  view(state: State, now: Date): View;
  /** A one-line summary without personal data, for the Temporal UI memo. */
  summary(state: State): string;
  /** Continue-as-new once a run's history reaches this many events. */
  maxHistoryEvents(state: State): number;
}
