/**
 * The contract of the Schakeloverleg transfer workflow (000) shared by the API (client) and the
 * worker: name, workflow id, the `state` query and one update per command. Import from here,
 * never from the implementation.
 */
import { defineQuery } from '@temporalio/workflow';
import {
  TRANSFER_COMMAND_FIELDS,
  type TransferCommand,
  type TransferCommandType,
  type TransferView,
} from '@cjg/domain';
import { commandTypesOf, defineCommandUpdates, type CommandArgsOf } from './command-updates';

export { transferWorkflowId } from '@cjg/domain';
export type { TransferInput, TransferView } from '@cjg/domain';
/** `ApplicationFailure.type` of a refused command; details are `[problems, 'state' | 'data']`. */
export { COMMAND_REFUSED } from './trajectory.definitions';

export const SCHAKELOVERLEG_WORKFLOW_TYPE = 'schakeloverlegTransferWorkflow';

/** The value of the `CaseKind` search attribute of a transfer. */
export const SCHAKELOVERLEG_CASE_KIND = 'schakeloverleg-transfer';

export const transferStateQuery = defineQuery<TransferView>('state');

/**
 * What an accepted command answers: the view right after the command, so the API can answer the
 * caller without a second query (a query waits behind the workflow's next task, which under load
 * took seconds: docs/performance.md). It carries ids and codes only; its size per update in the
 * history is measured by `npm run bench:history`.
 */
export type TransferCommandResult = TransferView;

/** Every command, in the order of the domain's TRANSFER_COMMAND_FIELDS. */
export const TRANSFER_COMMAND_TYPES = commandTypesOf<TransferCommand>(TRANSFER_COMMAND_FIELDS);

export type TransferCommandArgs<T extends TransferCommandType> = CommandArgsOf<TransferCommand, T>;

/** One update per command, named after it (`plan`, `recordOutcome`…), each with a validator. */
export const transferCommandUpdates = defineCommandUpdates<TransferCommand, TransferCommandResult>(
  TRANSFER_COMMAND_TYPES,
);
