import { partnerAccessEndsAt, type CommandType } from '@cjg/domain';
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
      return principal.municipalities.includes(facts.municipalityCode);
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

/** The refusal when a partner's access to a closed case has ended. */
export const PARTNER_ACCESS_ENDED =
  'the case closed longer ago than partners keep access (PARTNER_ACCESS_AFTER_END)';

/**
 * Whether a partner's (provider, Veilig Thuis, GI) access to a case has ended: `after` (an ISO
 * duration) past its closing. Need-to-know: once its part is done, it has no more to read.
 */
export function accessEnded(
  closedAt: string | Date | null | undefined,
  after: string,
  now: Date = new Date(),
): boolean {
  const ends = partnerAccessEndsAt(closedAt, after);
  return ends !== undefined && now >= new Date(ends);
}
