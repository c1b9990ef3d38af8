import type { CommandType } from '@cjg/domain';
import type { Principal, Role } from '../auth/principal';
import { inMunicipalities, mayGive, type ProcessAccess } from '../processes/process-access';

/**
 * Who may give which trajectory command. Coordinators give every case command, also the
 * provider's ones on a provider's behalf (a phone call); providers only their own four; the team
 * lead only reassigns. Ops give none. The re-assessment request comes from the ops batch only.
 */
export const COMMAND_ROLES: Readonly<Record<CommandType, readonly Role[]>> = {
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
  closeWithAdvice: ['coordinator'],
  rejectRequest: ['coordinator'],
  markDrang: ['coordinator'],
  signOffPlan: ['coordinator'],
};

/** What decides whether a principal may see or act on one trajectory. */
export interface TrajectoryAccessFacts {
  municipalityCode: string;
  /** Providers with a part in the case: referred, intake recorded or granted care. */
  providerAgbCodes: string[];
  /**
   * For a provider: when its access ends, a while after the case closed and its care ended
   * (PARTNER_ACCESS_AFTER_END); absent while the case is open.
   */
  accessEndsAt?: string;
}

/** Whether the principal may read this trajectory at all. */
export function canSeeTrajectory(
  principal: Principal,
  facts: TrajectoryAccessFacts,
  now: Date = new Date(),
): boolean {
  switch (principal.role) {
    case 'ops':
      return true;
    case 'coordinator':
    case 'team-lead':
      return inMunicipalities(principal, facts.municipalityCode);
    case 'provider':
      return (
        principal.agbCode !== undefined &&
        facts.providerAgbCodes.includes(principal.agbCode) &&
        (facts.accessEndsAt === undefined || now < new Date(facts.accessEndsAt))
      );
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
  if (!mayGive(TRAJECTORY_ACCESS, principal, type)) {
    return `the ${principal.role} role may not give ${type}`;
  }
  if (!canSeeTrajectory(principal, facts)) return TRAJECTORY_ACCESS.outOfScope(principal);
  if (principal.role === 'provider' && agbCode !== principal.agbCode) {
    return 'a provider gives commands for its own AGB code only';
  }
  return undefined;
}

/** The trajectory's access table (processes/process-access.ts). */
export const TRAJECTORY_ACCESS: ProcessAccess<CommandType, TrajectoryAccessFacts> = {
  commandRoles: COMMAND_ROLES,
  canSee: canSeeTrajectory,
  outOfScope: (principal) =>
    principal.role === 'provider'
      ? 'this provider has no part in the trajectory'
      : 'the trajectory belongs to a municipality outside the token scope',
};
