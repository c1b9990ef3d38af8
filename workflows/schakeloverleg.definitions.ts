/**
 * The contract of the Schakeloverleg transfer workflow (000) shared by the API (client) and the
 * worker: name, workflow id, the `state` query and one update per command. Import from here,
 * never from the implementation.
 */
import {
  TRANSFER_COMMAND_FIELDS,
  type TransferCommand,
  type TransferCommandType,
  type TransferView,
} from '@cjg/domain';
import { processContract, type CommandArgsOf } from './command-updates';

export { transferWorkflowId } from '@cjg/domain';
export type { TransferInput, TransferView } from '@cjg/domain';
/** `ApplicationFailure.type` of a refused command; details are `[problems, 'state' | 'data']`. */
export { COMMAND_REFUSED } from './trajectory.definitions';

export const SCHAKELOVERLEG_WORKFLOW_TYPE = 'schakeloverlegTransferWorkflow';

/** The value of the `CaseKind` search attribute of a transfer. */
export const SCHAKELOVERLEG_CASE_KIND = 'schakeloverleg-transfer';

/**
 * The `state` query, the commands in the order of TRANSFER_COMMAND_FIELDS, and one update per
 * command named after it (`plan`, `recordOutcome`…): see processContract. A transfer keeps no
 * read-model row, so its commands answer the view itself.
 */
export const {
  stateQuery: transferStateQuery,
  commandTypes: TRANSFER_COMMAND_TYPES,
  updates: transferCommandUpdates,
} = processContract<TransferCommand, TransferView, TransferView>(TRANSFER_COMMAND_FIELDS);

export type TransferCommandArgs<T extends TransferCommandType> = CommandArgsOf<TransferCommand, T>;
