/**
 * The rules the processes share (the kit): policies resolved from overrides, the history bound,
 * a command's unknown fields, and how long a partner may read a closed case. A rule that one
 * process alone has lives in its own folder.
 */
import { addDuration, isDuration } from '../time';
import type { ProcessDeadline, ProcessView } from './process';

/** The history bound of a process whose policy from before the bound has none. */
export const DEFAULT_MAX_HISTORY_EVENTS = 600;

/** Every reason a history bound cannot be used; empty when it can. */
export function historyBoundProblems(value: unknown, path = 'maxHistoryEvents'): string[] {
  return Number.isInteger(value) && (value as number) >= 200 && (value as number) <= 10_000
    ? []
    : [`${path} must be a whole number from 200 to 10000`];
}

/**
 * The rollover of a case whose policy, from before the rollover (issue 19), has none. Never
 * change it: a running case from before replays by it. A new default for new cases goes into
 * their process's default policy, which each case records when it starts.
 */
export const DEFAULT_ROLLOVER = { fromEvents: 60, after: 'P1D' } as const;

/**
 * Every reason a rollover cannot be used; empty when it can (or when it is not set). A run must
 * be able to grow past the events before its history bound, and wait at least a minute.
 */
export function rolloverProblems(
  fromEvents: unknown,
  after: unknown,
  maxHistoryEvents: unknown,
): string[] {
  const problems: string[] = [];
  const bound =
    typeof maxHistoryEvents === 'number' ? maxHistoryEvents : DEFAULT_MAX_HISTORY_EVENTS;
  if (
    fromEvents !== undefined &&
    !(
      Number.isInteger(fromEvents) &&
      (fromEvents as number) >= 40 &&
      (fromEvents as number) < bound
    )
  ) {
    problems.push('rolloverFromEvents must be a whole number from 40 to below maxHistoryEvents');
  }
  if (after !== undefined) {
    const ref = new Date(Date.UTC(2026, 0, 1));
    const ms = isDuration(after) ? addDuration(ref, after).getTime() - ref.getTime() : NaN;
    if (!(ms >= 60_000)) {
      problems.push('rolloverAfter must be an ISO 8601 duration of at least a minute (e.g. P1D)');
    }
  }
  return problems;
}

/**
 * A policy from overrides on its defaults (nested objects merged by the caller into `merged`);
 * throws naming every problem, unknown settings first.
 */
export function resolveOverrides<P extends object>(
  defaults: P,
  overrides: object,
  merged: P,
  problems: (policy: P) => string[],
  words: { unknown: string; invalid: string },
): P {
  const unknown = Object.keys(overrides).filter((key) => !(key in defaults));
  const all = [...unknown.map((key) => `${words.unknown} ${key}`), ...problems(merged)];
  if (all.length > 0) throw new RangeError(`${words.invalid}: ${all.join('; ')}`);
  return merged;
}

/**
 * Whether a case runs by the process's rule set `level` (1 is its first change of rules, the
 * index in `ruleSets` plus one). A case from before a change keeps the rules it started with.
 */
export function followsRules(state: { rules?: number }, level: number): boolean {
  return (state.rules ?? 0) >= level;
}

/** Whom a coordinator's case is for: its number, municipality, coordinator, client and family. */
export interface CaseParties {
  caseNumber: string;
  municipalityCode: string;
  coordinatorId: string;
  clientId: string;
  familyId: string;
}

/** The parties a new case's state starts with, taken from its input (in this order). */
export function casePartiesOf(input: CaseParties): CaseParties {
  return {
    caseNumber: input.caseNumber,
    municipalityCode: input.municipalityCode,
    coordinatorId: input.coordinatorId,
    clientId: input.clientId,
    familyId: input.familyId,
  };
}

/** Fields of a command's body that it does not take (`type` aside). */
export function unknownFields(allowed: readonly string[], body: object): string[] {
  return Object.keys(body).filter((key) => key !== 'type' && !allowed.includes(key));
}

/**
 * When a partner's access to a case it handed over or proposed ends: `after` (ISO duration)
 * after the case closed; undefined while it is open.
 */
export function partnerAccessEndsAt(
  closedAt: string | Date | null | undefined,
  after: string,
): string | undefined {
  if (!closedAt) return undefined;
  return addDuration(new Date(closedAt), after).toISOString();
}

/** The deadlines a process waits for, as they are gathered; one without a moment is left out. */
export function deadlineList<Kind extends string>(): {
  add(kind: Kind, at: Date | string | undefined): void;
  /** Every deadline gathered, earliest first. */
  earliestFirst(): ProcessDeadline<Kind>[];
} {
  const list: ProcessDeadline<Kind>[] = [];
  return {
    add(kind, at) {
      if (at !== undefined) list.push({ kind, at: typeof at === 'string' ? at : at.toISOString() });
    },
    earliestFirst: () => list.sort((a, b) => a.at.localeCompare(b.at)),
  };
}

/** What a process's `state` query answers: its state, then what may happen next. */
export function processView<State extends object, CommandType extends string, Kind extends string>(
  state: State,
  allowedCommands: CommandType[],
  pendingDeadlines: ProcessDeadline<Kind>[],
  overdue: boolean,
): State & ProcessView<CommandType, Kind> {
  return { ...state, allowedCommands, pendingDeadlines, overdue };
}
