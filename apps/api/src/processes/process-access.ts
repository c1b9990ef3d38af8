import { ForbiddenException } from '@nestjs/common';
import { partnerAccessEndsAt } from '@cjg/domain';
import type { Principal, Role } from '../auth/principal';
import { coded } from '../common/error-codes';

/**
 * The access table of one process, in the one shape every process has (docs/api-access.md):
 *
 * - `commandRoles`: who may give which command. The command routes' `@Roles` are made from it,
 *   the generic service checks it again, and it narrows the `allowedCommands` a caller sees;
 * - `canSee`: whether a principal may see (and, with the role, act on) one process, given the
 *   facts that decide it (its municipality, the partner whose part it is, when that access ends);
 * - `outOfScope`: the 403 message for one that may not.
 *
 * What a permitted caller then sees of the process is each service's `present()` (need-to-know).
 */
export interface ProcessAccess<Command extends string, Facts> {
  readonly commandRoles: Readonly<Record<Command, readonly Role[]>>;
  canSee(principal: Principal, facts: Facts, now?: Date): boolean;
  outOfScope(principal: Principal): string;
}

/** Whether the principal's role may give this command at all. */
export function mayGive<C extends string>(
  access: ProcessAccess<C, unknown>,
  principal: Principal,
  type: C,
): boolean {
  return access.commandRoles[type].includes(principal.role);
}

/** The commands of `allowed` this principal could give (what a client should offer its user). */
export function commandsFor<C extends string>(
  access: ProcessAccess<C, unknown>,
  principal: Principal,
  allowed: readonly C[],
): C[] {
  return allowed.filter((type) => mayGive(access, principal, type));
}

/** 403 unless the principal may see the process. */
export function assertMaySee<F>(
  access: ProcessAccess<string, F>,
  principal: Principal,
  facts: F,
): void {
  if (!access.canSee(principal, facts)) throw new ForbiddenException(access.outOfScope(principal));
}

/** 403 unless the principal's role may give this command. */
export function assertMayGive<C extends string>(
  access: ProcessAccess<C, unknown>,
  principal: Principal,
  type: C,
): void {
  if (!mayGive(access, principal, type)) {
    throw new ForbiddenException(`the ${principal.role} role may not give ${type}`);
  }
}

/**
 * 403 unless the municipality is one of the token's (a start, a filter, a registration in a
 * municipality; `undefined`, no municipality named, passes).
 */
export function assertInScope(principal: Principal, municipalityCode: string | undefined): void {
  if (municipalityCode !== undefined && !principal.municipalities.includes(municipalityCode)) {
    throw new ForbiddenException(`municipality ${municipalityCode} is outside the token scope`);
  }
}

/** Whether the CJG staff of these municipalities (coordinators, team leads) may see it. */
export function inMunicipalities(principal: Principal, municipalityCode: string): boolean {
  return (
    (principal.role === 'coordinator' || principal.role === 'team-lead') &&
    principal.municipalities.includes(municipalityCode)
  );
}

/** What decides access to a process a partner organisation started (a handover, a transfer). */
export interface PartnerProcessFacts {
  organisationId: string;
  municipalityCode: string;
}

/**
 * Who may see a process a partner organisation started: that organisation (its `partner` role),
 * the coordinators and team leads of its municipality, and ops.
 */
export const partnerProcessScope =
  (partner: Role) =>
  (principal: Principal, facts: PartnerProcessFacts): boolean =>
    principal.role === partner
      ? principal.organisationId === facts.organisationId
      : principal.role === 'ops' || inMunicipalities(principal, facts.municipalityCode);

/**
 * The access table of a process a partner organisation started: its `commandRoles`, seen as
 * {@link partnerProcessScope} says, and refused with `outOfScope.partner` to another organisation
 * of the partner's role, with `outOfScope.municipality` to anyone else.
 */
export function partnerProcessAccess<Command extends string>(
  partner: Role,
  commandRoles: Readonly<Record<Command, readonly Role[]>>,
  outOfScope: { partner: string; municipality: string },
): ProcessAccess<Command, PartnerProcessFacts> {
  return {
    commandRoles,
    canSee: partnerProcessScope(partner),
    outOfScope: (principal) =>
      principal.role === partner ? outOfScope.partner : outOfScope.municipality,
  };
}

/** The refusal when a partner's access to a closed case has ended. */
export const PARTNER_ACCESS_ENDED =
  'the case closed longer ago than partners keep access (PARTNER_ACCESS_AFTER_END)';

/**
 * The view of a process as its partner may see it: its own part (`part`, a rule of
 * libs/domain/src/partner-views.ts) until PARTNER_ACCESS_AFTER_END (`after`) past the close, then
 * 403; everyone else the whole process (`view: case`).
 */
export function partOrWhole<V extends { closedAt?: string | null }, P>(
  principal: Principal,
  partner: Role,
  view: V,
  after: string,
  part: (view: V, after: string) => P,
): P | (V & { view: 'case' }) {
  if (principal.role !== partner) return { view: 'case', ...view };
  if (accessEnded(view.closedAt, after))
    throw new ForbiddenException(coded('access-ended', PARTNER_ACCESS_ENDED));
  return part(view, after);
}

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
