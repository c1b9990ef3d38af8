import type { TransferCommandType } from '@cjg/domain';
import type { Role } from '../auth/principal';
import {
  partnerProcessScope,
  type PartnerProcessFacts,
  type ProcessAccess,
} from '../processes/process-access';

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

/** Whether the principal may read this transfer: its GI, the CJG of its municipality, ops. */
export const canSeeTransfer = partnerProcessScope('gi');

/** The transfer's access table (processes/process-access.ts). */
export const TRANSFER_ACCESS: ProcessAccess<TransferCommandType, PartnerProcessFacts> = {
  commandRoles: TRANSFER_COMMAND_ROLES,
  canSee: canSeeTransfer,
  outOfScope: (principal) =>
    principal.role === 'gi'
      ? 'this transfer was proposed by another organisation'
      : 'the transfer belongs to a municipality outside the token scope',
};
