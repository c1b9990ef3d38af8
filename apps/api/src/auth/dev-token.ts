import { readFile } from 'node:fs/promises';
import { importJWK, SignJWT, type JWK } from 'jose';
import { DEFAULT_AUDIENCE, DEFAULT_SCOPE_CLAIM, DEV_ISSUER } from './auth.config';

/** The local stack's issuer, the API's audience and the claim that carries the data scope. */
export { DEV_ISSUER };
export const DEV_AUDIENCE = DEFAULT_AUDIENCE;
export const DEV_SCOPE_CLAIM = DEFAULT_SCOPE_CLAIM;

export interface DevTokenRequest {
  role: 'coordinator' | 'team-lead' | 'provider' | 'ops' | 'veilig-thuis' | 'gi';
  sub: string;
  /** municipality:<code>, agb:<code> and org:<id> entries: the data scope claim (`cjg_scope`). */
  dataScope?: string[];
  /** The OAuth `scope` (space-separated), as a client may ask for it; it gives no data scope. */
  oauthScope?: string;
  /** Lifetime in seconds; negative makes an already expired token (for tests). */
  ttlSeconds?: number;
  audience?: string;
  issuer?: string;
  /** The header's `typ`; `at+jwt` (an access token, RFC 9068) unless a test wants another. */
  typ?: string;
  /** More claims, for tests (an ID token's `nonce`, an `azp`). */
  claims?: Record<string, unknown>;
}

/**
 * An access token as the identity provider would issue it, signed with the dev key: `typ`
 * `at+jwt`, the role in `role` and the data scope in `cjg_scope`.
 */
export async function mintDevToken(
  privateKeyFile: string,
  request: DevTokenRequest,
): Promise<string> {
  const jwk = JSON.parse(await readFile(privateKeyFile, 'utf8')) as JWK;
  const key = await importJWK(jwk, 'ES256');
  const now = Math.floor(Date.now() / 1000);
  const ttl = request.ttlSeconds ?? 8 * 3600;
  return new SignJWT({
    ...request.claims,
    role: request.role,
    [DEV_SCOPE_CLAIM]: request.dataScope ?? [],
    ...(request.oauthScope !== undefined ? { scope: request.oauthScope } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid, typ: request.typ ?? 'at+jwt' })
    .setSubject(request.sub)
    .setIssuer(request.issuer ?? DEV_ISSUER)
    .setAudience(request.audience ?? DEV_AUDIENCE)
    .setIssuedAt(ttl < 0 ? now + ttl - 60 : now)
    .setExpirationTime(now + ttl)
    .sign(key);
}
