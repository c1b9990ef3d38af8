import type { VtoCommandType } from '@cjg/domain';
import type { Principal, Role } from '../auth/principal';

/**
 * Who may give which VTO command (docs/api-access.md, "Verzoek tot onderzoek"). The coordinator
 * runs the VTO; the beschermingsplein's decision may also be recorded by a team lead, who often
 * sits at that table. Ops read but give no commands; partner liaisons and providers have no part.
 */
export const VTO_COMMAND_ROLES: Record<VtoCommandType, readonly Role[]> = {
  recordParentsInformed: ['coordinator'],
  recordDecision: ['coordinator', 'team-lead'],
  recordRaadOutcome: ['coordinator'],
  withdraw: ['coordinator'],
};

/** Whether the principal may read (and, with the role, act on) a VTO of this municipality. */
export function canSeeVto(principal: Principal, municipalityCode: string): boolean {
  switch (principal.role) {
    case 'ops':
      return true;
    case 'coordinator':
    case 'team-lead':
      return principal.municipalities.includes(municipalityCode);
    default:
      return false;
  }
}

/** The coordinator's explanation names people: only the CJG's own staff of the case read it. */
export function mayReadExplanation(principal: Principal): boolean {
  return principal.role === 'coordinator' || principal.role === 'team-lead';
}
