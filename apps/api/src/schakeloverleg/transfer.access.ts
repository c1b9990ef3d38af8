import type { TransferCommandType } from '@cjg/domain';
import type { Principal, Role } from '../auth/principal';
import { inMunicipalities, type ProcessAccess } from '../processes/process-access';

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

/** What decides access to one transfer. */
export interface TransferAccessFacts {
  municipalityCode: string;
  organisationId: string;
}

/** Whether the principal may read this transfer: its GI, the CJG of its municipality, ops. */
export function canSeeTransfer(principal: Principal, facts: TransferAccessFacts): boolean {
  if (principal.role === 'gi') return principal.organisationId === facts.organisationId;
  return principal.role === 'ops' || inMunicipalities(principal, facts.municipalityCode);
}

/** The transfer's access table (processes/process-access.ts). */
export const TRANSFER_ACCESS: ProcessAccess<TransferCommandType, TransferAccessFacts> = {
  commandRoles: TRANSFER_COMMAND_ROLES,
  canSee: canSeeTransfer,
  outOfScope: (principal) =>
    principal.role === 'gi'
      ? 'this transfer was proposed by another organisation'
      : 'the transfer belongs to a municipality outside the token scope',
};
