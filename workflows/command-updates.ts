/**
 * How every process's contract names its commands: one update per command, named after it (so
 * the Temporal UI shows `recordReview`, not a generic name), each with a validator in the
 * workflow, so a refused command never enters the history. Update names are in every history:
 * never rename one.
 */
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';

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

/** One update per command; each answers `Result` (the view right after the command). */
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
 * load took seconds: docs/performance.md). The view carries ids and codes only; its size per
 * update in the history is measured by `npm run bench:history`.
 */
export function processContract<C extends { type: string }, View>(
  fields: Record<C['type'], readonly string[]>,
): {
  stateQuery: QueryDefinition<View>;
  commandTypes: readonly C['type'][];
  updates: { [T in C['type']]: UpdateDefinition<View, [CommandArgsOf<C, T>]> };
} {
  const commandTypes = commandTypesOf<C>(fields);
  return {
    stateQuery: defineQuery<View>('state'),
    commandTypes,
    updates: defineCommandUpdates<C, View>(commandTypes),
  };
}
