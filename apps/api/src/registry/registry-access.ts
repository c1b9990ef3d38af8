import type { Principal } from '../auth/principal';

/**
 * Need-to-know in the registry (docs/api-access.md, "The registry"). The personal data of a
 * client or a coordinator is read and changed only by those who work with that person; any
 * other id answers 404, so the API does not tell whether it exists.
 */

/** What decides whether a principal reaches an existing client. */
export interface ClientFacts {
  /** Municipalities of the client's trajectories, handovers and VTOs, open or closed. */
  caseMunicipalities: string[];
  /** The municipalities of the coordinator that registered it (null: registered before this was kept). */
  registeredMunicipalities: string[] | null;
}

/**
 * Ops reach every client; a coordinator a client that has, or had, a case in one of its
 * municipalities, or, as long as no case names the client at all, one a coordinator of its
 * municipalities registered (so the intake can start). A Schakeloverleg transfer is checked
 * apart (it lives in Temporal): see RegistryService.
 */
export function reachesClient(principal: Principal, facts: ClientFacts): boolean {
  const mine = (code: string) => principal.municipalities.includes(code);
  return reachesClientBy(principal, {
    caseHere: facts.caseMunicipalities.some(mine),
    anyCase: facts.caseMunicipalities.length > 0,
    registeredMunicipalities: facts.registeredMunicipalities,
  });
}

/**
 * The same rule from what the database can answer without listing every case of the client
 * (RegistryService.reaches, on every start): whether one is in the principal's municipalities,
 * and whether there is any.
 */
export function reachesClientBy(
  principal: Principal,
  facts: { caseHere: boolean; anyCase: boolean; registeredMunicipalities: string[] | null },
): boolean {
  if (principal.role === 'ops') return true;
  if (principal.role !== 'coordinator') return false;
  if (facts.caseHere) return true;
  const mine = (code: string) => principal.municipalities.includes(code);
  return !facts.anyCase && (facts.registeredMunicipalities ?? []).some(mine);
}

/** What decides whether a principal reaches an existing coordinator. */
export interface CoordinatorFacts {
  id: string;
  /** The municipality of the coordinator's team (none without a team). */
  teamMunicipality: string | null;
  /** Municipalities where it runs or ran a case, or is the handover lead. */
  caseMunicipalities: string[];
}

/**
 * Reading a coordinator's name and e-mail address: ops; a coordinator or team lead for itself,
 * for a coordinator of a team of its municipalities, and for one on a case of its
 * municipalities (whom it works with).
 */
export function readsCoordinator(principal: Principal, facts: CoordinatorFacts): boolean {
  if (principal.role === 'ops') return true;
  if (principal.role !== 'coordinator' && principal.role !== 'team-lead') return false;
  if (facts.id === principal.sub) return true;
  return [facts.teamMunicipality, ...facts.caseMunicipalities].some(
    (code) => code !== null && principal.municipalities.includes(code),
  );
}

/**
 * Changing a coordinator (its e-mail address is where case letters go): ops; a team lead only
 * a coordinator in a team of its municipalities. A case elsewhere gives no right to change it:
 * that was how a lead of 0363 could redirect a 0957 coordinator's letters.
 */
export function managesCoordinator(principal: Principal, facts: CoordinatorFacts): boolean {
  if (principal.role === 'ops') return true;
  return (
    principal.role === 'team-lead' &&
    facts.teamMunicipality !== null &&
    principal.municipalities.includes(facts.teamMunicipality)
  );
}

/** Registering or changing a team: ops; a team lead the teams of its own municipalities. */
export function managesTeamIn(principal: Principal, municipalityCode: string | null): boolean {
  if (principal.role === 'ops') return true;
  return (
    principal.role === 'team-lead' &&
    municipalityCode !== null &&
    principal.municipalities.includes(municipalityCode)
  );
}
