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
}

export const DEV_ISSUER = 'cjg-toegang-dev';
export const DEFAULT_AUDIENCE = 'cjg-toegang-api';
const ALGORITHMS = ['RS256', 'ES256'];

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
  return {
    ...(jwksUrl ? { jwksUrl } : {}),
    ...(publicKey ? { publicKey } : {}),
    issuer: env.AUTH_ISSUER || DEV_ISSUER,
    audience: env.AUTH_AUDIENCE || DEFAULT_AUDIENCE,
    algorithms,
    clockToleranceSeconds: tolerance,
  };
}
