import { readFileSync } from 'node:fs';

/** How the API checks bearer tokens. Exactly one key source: a JWKS URL or a local public key. */
export interface AuthConfig {
  /** The identity provider's JWKS endpoint (OIDC `jwks_uri`), fetched and cached by kid. */
  jwksUrl?: string;
  /** A public key as JWK JSON or PEM (SPKI): the local stack's dev key, or a pinned key. */
  publicKey?: string;
  /** Expected `iss`. */
  issuer: string;
  /** Expected `aud`. */
  audience: string;
  algorithms: string[];
  clockToleranceSeconds: number;
  /**
   * The claim that carries the data scope (`municipality:<code>`, `agb:<code>`, `org:<id>`): one
   * the identity provider sets from its own records, never the OAuth `scope` a client asks for.
   */
  scopeClaim: string;
  /**
   * Client ids (`azp`) whose tokens count as access tokens without `typ: at+jwt`, for identity
   * providers that do not type their access tokens. Empty: only `at+jwt` is taken.
   */
  acceptedAzp: string[];
}

export const DEV_ISSUER = 'cjg-toegang-dev';
export const DEFAULT_AUDIENCE = 'cjg-toegang-api';
export const DEFAULT_SCOPE_CLAIM = 'cjg_scope';
const ALGORITHMS = ['RS256', 'ES256'];
/**
 * Claims that cannot carry the data scope: the OAuth scope a client chooses itself (`scope`,
 * `scp`), and the registered claims that mean something else.
 */
const NOT_A_SCOPE_CLAIM = new Set([
  'scope',
  'scp',
  'sub',
  'iss',
  'aud',
  'exp',
  'nbf',
  'iat',
  'jti',
  'azp',
  'client_id',
  'role',
]);
const CLAIM_NAME = /^[A-Za-z][A-Za-z0-9_.:/-]{0,99}$/;

/** Read at boot; without a key source the API refuses to start rather than run open. */
export function authConfigFromEnv(env: NodeJS.ProcessEnv): AuthConfig {
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  let publicKey = env.AUTH_PUBLIC_KEY || undefined;
  if (env.AUTH_PUBLIC_KEY_FILE) {
    try {
      publicKey = readFileSync(env.AUTH_PUBLIC_KEY_FILE, 'utf8');
    } catch (error) {
      throw new Error(
        `AUTH_PUBLIC_KEY_FILE ${env.AUTH_PUBLIC_KEY_FILE} cannot be read: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  if (!jwksUrl === !publicKey) {
    throw new Error(
      'Set exactly one of AUTH_JWKS_URL (your identity provider) or AUTH_PUBLIC_KEY(_FILE); ' +
        '`npm start` sets a dev key for the local stack.',
    );
  }
  if (jwksUrl) {
    let url: URL;
    try {
      url = new URL(jwksUrl);
    } catch {
      throw new Error(`AUTH_JWKS_URL is not a URL: ${jwksUrl}`);
    }
    if (url.protocol !== 'https:' && env.NODE_ENV === 'production') {
      throw new Error('AUTH_JWKS_URL must use https in production');
    }
    if (!env.AUTH_ISSUER) throw new Error('AUTH_ISSUER is required with AUTH_JWKS_URL');
  }
  // In production the issuer is never the dev default: a token is taken only from the one
  // identity provider the operator names.
  if (!env.AUTH_ISSUER && env.NODE_ENV === 'production') {
    throw new Error(
      "AUTH_ISSUER is required when NODE_ENV=production: set it to your identity provider's issuer (its OIDC discovery's `issuer`)",
    );
  }
  const algorithms = (env.AUTH_ALGORITHMS || ALGORITHMS.join(','))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const unsupported = algorithms.filter((a) => !ALGORITHMS.includes(a));
  if (algorithms.length === 0 || unsupported.length > 0) {
    throw new Error(`AUTH_ALGORITHMS may list ${ALGORITHMS.join(' and ')} only`);
  }
  const tolerance = Number(env.AUTH_CLOCK_TOLERANCE_SECONDS ?? 30);
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 300) {
    throw new Error('AUTH_CLOCK_TOLERANCE_SECONDS must be a whole number from 0 to 300');
  }
  const scopeClaim = env.AUTH_SCOPE_CLAIM?.trim() || DEFAULT_SCOPE_CLAIM;
  if (!CLAIM_NAME.test(scopeClaim) || NOT_A_SCOPE_CLAIM.has(scopeClaim.toLowerCase())) {
    throw new Error(
      `AUTH_SCOPE_CLAIM must name a claim of its own that the identity provider sets (default ${DEFAULT_SCOPE_CLAIM}), not the OAuth scope or a registered claim, got ${JSON.stringify(env.AUTH_SCOPE_CLAIM)}`,
    );
  }
  const acceptedAzp = (env.AUTH_ACCEPTED_AZP ?? '')
    .split(',')
    .map((azp) => azp.trim())
    .filter(Boolean);
  return {
    ...(jwksUrl ? { jwksUrl } : {}),
    ...(publicKey ? { publicKey } : {}),
    issuer: env.AUTH_ISSUER || DEV_ISSUER,
    audience: env.AUTH_AUDIENCE || DEFAULT_AUDIENCE,
    algorithms,
    clockToleranceSeconds: tolerance,
    scopeClaim,
    acceptedAzp,
  };
}
