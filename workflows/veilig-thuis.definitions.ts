/**
 * The contract of the Veilig Thuis warm handover workflow (002 §3.6, §5.6) shared by the API
 * (client) and the worker: name, workflow id, the `state` query and one update per command.
 * Import from here, never from the implementation.
 */
import { defineQuery } from '@temporalio/workflow';
import { HANDOVER_COMMAND_FIELDS } from '@cjg/domain';
import type { HandoverCommand, HandoverCommandType, HandoverView } from '@cjg/domain';
import { commandTypesOf, defineCommandUpdates, type CommandArgsOf } from './command-updates';

export { handoverWorkflowId } from '@cjg/domain';

export const VEILIG_THUIS_HANDOVER_WORKFLOW_TYPE = 'veiligThuisHandoverWorkflow';

/** The `CaseKind` search attribute of a handover. */
export const VEILIG_THUIS_CASE_KIND = 'veilig-thuis-handover';

/** What the `state` query answers: the state plus what may happen next (libs/domain). */
export type { HandoverView };

export const handoverStateQuery = defineQuery<HandoverView>('state');

/**
 * What an accepted command answers: the view right after the command, so the API can answer the
 * caller without a second query (a query waits behind the workflow's next task, which under load
 * took seconds: docs/performance.md). It carries ids and codes only; its size per update in the
 * history is measured by `npm run bench:history`.
 */
export type HandoverCommandResult = HandoverView;

/** Every command, in the order of the domain's HANDOVER_COMMAND_FIELDS. */
export const HANDOVER_COMMAND_TYPES = commandTypesOf<HandoverCommand>(HANDOVER_COMMAND_FIELDS);

export type HandoverCommandArgs<T extends HandoverCommandType> = CommandArgsOf<HandoverCommand, T>;

/** One update per command, named after it (`accept`, `planMeeting`…), each with a validator. */
export const handoverUpdates = defineCommandUpdates<HandoverCommand, HandoverCommandResult>(
  HANDOVER_COMMAND_TYPES,
);

/**
 * `ApplicationFailure.type` of a refused command; its details are `[problems, 'state' | 'data']`
 * (the same as the trajectory's, so the API maps both alike: 409 and 422).
 */
export const HANDOVER_COMMAND_REFUSED = 'CommandRefused';
