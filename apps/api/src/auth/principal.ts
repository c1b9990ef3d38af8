import { isValidAgbCode, isValidMunicipalityCode, isValidPersonId } from '@cjg/domain';
import { DEFAULT_SCOPE_CLAIM } from './auth.config';

/**
 * Who may use the API. Coordinators run cases in their own municipalities; team leads read and
 * reassign there; providers see and report on the cases they are part of; ops read everything
 * and run batches but give no case commands.
 */
export const ROLES = ['coordinator', 'team-lead', 'provider', 'ops', 'veilig-thuis', 'gi'] as const;
export type Role = (typeof ROLES)[number];

/** The caller, as its verified token says. Ids and codes only. */
export interface Principal {
  /** The token's subject: for a coordinator its coordinator id. */
  sub: string;
  role: Role;
  /** CBS gemeentecodes a coordinator or team lead works for (`municipality:0957` scopes). */
  municipalities: string[];
  /** The provider's AGB code (`agb:12345678` scope). */
  agbCode?: string;
  /** The partner organisation of a Veilig Thuis or GI liaison (`org:<id>` scope). */
  organisationId?: string;
}

/** Why a verified token still gives no access (answered with 403). */
export class PrincipalError extends Error {}

/**
 * The data scope entries of a token: its scope claim as an array of strings or as one
 * space-separated string (identity providers map a multi-valued user attribute either way).
 */
function scopeEntries(value: unknown): string[] {
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
  if (Array.isArray(value))
    return value.filter((entry): entry is string => typeof entry === 'string');
  return [];
}

/**
 * Reads the role and data scope from verified claims. `role` is one of ROLES; the scope claim
 * (AUTH_SCOPE_CLAIM, default `cjg_scope`) holds `municipality:<code>` entries, one `agb:<code>`
 * or one `org:<id>`. The OAuth `scope` gives no data scope: a client may ask for any scope it
 * likes, while the scope claim is set by the identity provider from who the user is.
 */
export function principalFromClaims(
  claims: Record<string, unknown>,
  scopeClaim: string = DEFAULT_SCOPE_CLAIM,
): Principal {
  const sub = claims.sub;
  if (typeof sub !== 'string' || !isValidPersonId(sub)) {
    throw new PrincipalError('the token has no usable subject (sub)');
  }
  const role = claims.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new PrincipalError(`the token's role must be one of ${ROLES.join(', ')}`);
  }
  const scopes = scopeEntries(claims[scopeClaim]);
  const municipalities: string[] = [];
  const agbCodes: string[] = [];
  const organisations: string[] = [];
  for (const scope of scopes) {
    const [kind, value = ''] = scope.split(':', 2);
    if (kind === 'municipality' && isValidMunicipalityCode(value)) municipalities.push(value);
    else if (kind === 'agb' && isValidAgbCode(value)) agbCodes.push(value);
    else if (kind === 'org' && isValidPersonId(value)) organisations.push(value);
  }
  const principal: Principal = { sub, role: role as Role, municipalities };
  if (role === 'coordinator' || role === 'team-lead') {
    if (municipalities.length === 0) {
      throw new PrincipalError(`a ${role} token needs a municipality:<code> scope`);
    }
  }
  if (role === 'provider') {
    if (agbCodes.length !== 1)
      throw new PrincipalError('a provider token needs one agb:<code> scope');
    principal.agbCode = agbCodes[0];
  }
  if (role === 'veilig-thuis' || role === 'gi') {
    if (organisations.length !== 1) {
      throw new PrincipalError(`a ${role} token needs one org:<organisation id> scope`);
    }
    principal.organisationId = organisations[0];
  }
  return principal;
}
