import type { TransferCommandType } from '@cjg/domain';
import type { Role } from '../auth/principal';
import { partnerProcessAccess } from '../processes/process-access';

/**
 * Who gives which transfer command: the CJG (a coordinator or team lead of the municipality)
 * plans the Schakeloverleg and records its outcome; the GI that proposed it changes the measure's
 * end date or withdraws it. Ops read only.
 */
export const TRANSFER_COMMAND_ROLES: Readonly<Record<TransferCommandType, readonly Role[]>> = {
  plan: ['coordinator', 'team-lead'],
  recordOutcome: ['coordinator', 'team-lead'],
  changeMeasureEnd: ['gi'],
  withdraw: ['gi'],
};

/**
 * The transfer's access table (processes/process-access.ts): its GI, the CJG of its municipality
 * and ops may read it.
 */
export const TRANSFER_ACCESS = partnerProcessAccess('gi', TRANSFER_COMMAND_ROLES, {
  partner: 'this transfer was proposed by another organisation',
  municipality: 'the transfer belongs to a municipality outside the token scope',
});

/** Whether the principal may read this transfer. */
export const canSeeTransfer = TRANSFER_ACCESS.canSee;
