/**
 * How every process's contract names its commands: one update per command, named after it (so
 * the Temporal UI shows `recordReview`, not a generic name), each with a validator in the
 * workflow, so a refused command never enters the history. Update names are in every history:
 * never rename one.
 */
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';

/**
 * What an accepted command answers when its process keeps its view next to its read-model row
 * (issue 19, the runner's LOCAL_PROJECTION): the revision it brought; the view at that revision
 * or a later one is in `process_view`. Runs from before, and processes that do not project,
 * answer the view itself.
 */
export interface CommandAnswer {
  revision: number;
  view: 'kept';
}

/** Whether a command's answer is a {@link CommandAnswer} (else it is the view). */
export function isCommandAnswer(result: unknown): result is CommandAnswer {
  return (
    typeof result === 'object' &&
    result !== null &&
    (result as { view?: unknown }).view === 'kept' &&
    typeof (result as { revision?: unknown }).revision === 'number'
  );
}

/** A command's data, without its `type` (the update's name says which command it is). */
export type CommandArgsOf<C extends { type: string }, T extends C['type']> = Omit<
  Extract<C, { type: T }>,
  'type'
>;

/** Every command of a process, in the order of the domain's table of their fields. */
export function commandTypesOf<C extends { type: string }>(
  fields: Record<C['type'], readonly string[]>,
): readonly C['type'][] {
  return Object.keys(fields) as C['type'][];
}

/**
 * One update per command; each answers `Result`: the view right after the command, or its
 * revision ({@link CommandAnswer}) when the view is kept in the read model.
 */
export function defineCommandUpdates<C extends { type: string }, Result>(
  types: readonly C['type'][],
): { [T in C['type']]: UpdateDefinition<Result, [CommandArgsOf<C, T>]> } {
  return Object.fromEntries(
    types.map((type) => [type, defineUpdate<Result, [object]>(type)]),
  ) as never;
}

/**
 * A process's Temporal contract from its domain's table of command fields: the `state` query
 * (its view: the state plus what may happen next), every command in the table's order, and one
 * update per command. An accepted command answers the view right after it, so the API can answer
 * the caller without a second query (a query waits behind the workflow's next task, which under
 * load took seconds: docs/performance.md); since issue 19 a process that keeps its view in the
 * read model answers only the revision ({@link CommandAnswer}), and the API reads the view there.
 * The view carries ids and codes only.
 */
export function processContract<
  C extends { type: string },
  View,
  Answer extends View | CommandAnswer = View | CommandAnswer,
>(
  fields: Record<C['type'], readonly string[]>,
): {
  stateQuery: QueryDefinition<View>;
  commandTypes: readonly C['type'][];
  updates: { [T in C['type']]: UpdateDefinition<Answer, [CommandArgsOf<C, T>]> };
} {
  const commandTypes = commandTypesOf<C>(fields);
  return {
    stateQuery: defineQuery<View>('state'),
    commandTypes,
    updates: defineCommandUpdates<C, Answer>(commandTypes),
  };
}
