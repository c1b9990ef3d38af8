import type { VtoCommandType } from '@cjg/domain';
import type { Principal, Role } from '../auth/principal';
import { inMunicipalities, type ProcessAccess } from '../processes/process-access';

/**
 * Who may give which VTO command (docs/api-access.md, "Verzoek tot onderzoek"). The coordinator
 * runs the VTO; the beschermingsplein's decision may also be recorded by a team lead, who often
 * sits at that table. Ops read but give no commands; partner liaisons and providers have no part.
 */
export const VTO_COMMAND_ROLES: Readonly<Record<VtoCommandType, readonly Role[]>> = {
  recordParentsInformed: ['coordinator'],
  recordDecision: ['coordinator', 'team-lead'],
  recordRaadOutcome: ['coordinator'],
  withdraw: ['coordinator'],
};

/** What decides access to one VTO: its municipality. */
export interface VtoAccessFacts {
  municipalityCode: string;
}

/** Whether the principal may read (and, with the role, act on) a VTO of this municipality. */
export function canSeeVto(principal: Principal, facts: VtoAccessFacts): boolean {
  return principal.role === 'ops' || inMunicipalities(principal, facts.municipalityCode);
}

/** The VTO's access table (processes/process-access.ts). */
export const VTO_ACCESS: ProcessAccess<VtoCommandType, VtoAccessFacts> = {
  commandRoles: VTO_COMMAND_ROLES,
  canSee: canSeeVto,
  outOfScope: () => 'the VTO belongs to a municipality outside the token scope',
};

/** The coordinator's explanation names people: only the CJG's own staff of the case read it. */
export function mayReadExplanation(principal: Principal): boolean {
  return principal.role === 'coordinator' || principal.role === 'team-lead';
}
