import type { CommandType } from '@cjg/domain';
import type { Principal, Role } from './principal';

/**
 * Who may give which trajectory command. Coordinators give every case command, also the
 * provider's ones on a provider's behalf (a phone call); providers only their own four; the team
 * lead only reassigns. Ops give none. The re-assessment request comes from the ops batch only.
 */
export const COMMAND_ROLES: Record<CommandType, readonly Role[]> = {
  agreeResults: ['coordinator'],
  referToProvider: ['coordinator'],
  recordProviderIntake: ['coordinator', 'provider'],
  decideDivergence: ['coordinator'],
  issueBeschikking: ['coordinator'],
  recordVerdaging: ['coordinator'],
  decideCoordination: ['coordinator'],
  recordReview: ['coordinator'],
  requestEndEvaluation: ['coordinator'],
  recordEndEvaluation: ['coordinator'],
  withdraw: ['coordinator'],
  reportEvaluation: ['coordinator', 'provider'],
  startZorg: ['coordinator', 'provider'],
  stopZorg: ['coordinator', 'provider'],
  answerThreeMonthCheck: ['coordinator'],
  answerQuestionnaire: ['coordinator'],
  requestReassessment: [],
  answerReassessment: ['coordinator'],
  reassignCoordinator: ['team-lead'],
};

/** What decides whether a principal may see or act on one trajectory. */
export interface TrajectoryAccessFacts {
  municipalityCode: string;
  /** Providers with a part in the case: referred, intake recorded or granted care. */
  providerAgbCodes: string[];
}

/** Whether the principal may read this trajectory at all. */
export function canSeeTrajectory(principal: Principal, facts: TrajectoryAccessFacts): boolean {
  switch (principal.role) {
    case 'ops':
      return true;
    case 'coordinator':
    case 'team-lead':
      return principal.municipalities.includes(facts.municipalityCode);
    case 'provider':
      return principal.agbCode !== undefined && facts.providerAgbCodes.includes(principal.agbCode);
    case 'veilig-thuis':
    case 'gi':
      // Partners see their own handovers and transfers, not the trajectories that follow.
      return false;
  }
}

/**
 * Why the principal may not give this command on this trajectory, or undefined when it may.
 * `agbCode` is the provider named in the command's body, if any: a provider acts for itself only.
 */
export function commandRefusal(
  principal: Principal,
  type: CommandType,
  facts: TrajectoryAccessFacts,
  agbCode?: unknown,
): string | undefined {
  if (!COMMAND_ROLES[type].includes(principal.role)) {
    return `the ${principal.role} role may not give ${type}`;
  }
  if (!canSeeTrajectory(principal, facts)) {
    return principal.role === 'provider'
      ? 'this provider has no part in the trajectory'
      : 'the trajectory belongs to a municipality outside the token scope';
  }
  if (principal.role === 'provider' && agbCode !== principal.agbCode) {
    return 'a provider gives commands for its own AGB code only';
  }
  return undefined;
}

/** The commands of `allowed` this principal could give (what a client should offer its user). */
export function commandsFor(principal: Principal, allowed: readonly CommandType[]): CommandType[] {
  return allowed.filter((type) => COMMAND_ROLES[type].includes(principal.role));
}
