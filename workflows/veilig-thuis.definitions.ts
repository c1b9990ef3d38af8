/**
 * The contract of the Veilig Thuis warm handover workflow (002 §3.6, §5.6) shared by the API
 * (client) and the worker: name, workflow id, the `state` query and one update per command.
 * Import from here, never from the implementation.
 */
import { HANDOVER_COMMAND_FIELDS } from '@cjg/domain';
import type { HandoverCommand, HandoverCommandType, HandoverView } from '@cjg/domain';
import { processContract, type CommandArgsOf } from './command-updates';

export { handoverWorkflowId } from '@cjg/domain';

export const VEILIG_THUIS_HANDOVER_WORKFLOW_TYPE = 'veiligThuisHandoverWorkflow';

/** The `CaseKind` search attribute of a handover. */
export const VEILIG_THUIS_CASE_KIND = 'veilig-thuis-handover';

/** What the `state` query answers: the state plus what may happen next (libs/domain). */
export type { HandoverView };

/**
 * The `state` query, the commands in the order of HANDOVER_COMMAND_FIELDS, and one update per
 * command named after it (`accept`, `planMeeting`…): see processContract.
 */
export const {
  stateQuery: handoverStateQuery,
  commandTypes: HANDOVER_COMMAND_TYPES,
  updates: handoverUpdates,
} = processContract<HandoverCommand, HandoverView>(HANDOVER_COMMAND_FIELDS);

export type HandoverCommandArgs<T extends HandoverCommandType> = CommandArgsOf<HandoverCommand, T>;

/**
 * `ApplicationFailure.type` of a refused command; its details are `[problems, 'state' | 'data']`
 * (the same as the trajectory's, so the API maps both alike: 409 and 422).
 */
export const HANDOVER_COMMAND_REFUSED = 'CommandRefused';
