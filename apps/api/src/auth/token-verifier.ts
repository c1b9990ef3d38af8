import { setTimeout as sleep } from 'node:timers/promises';
import {
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import {
  createRemoteJWKSet,
  errors,
  importJWK,
  importSPKI,
  jwtVerify,
  type JWTHeaderParameters,
  type JWTPayload,
  type JWTVerifyGetKey,
  type CryptoKey,
  type KeyObject,
} from 'jose';
import { API_CONFIG, type ApiConfig } from '../config';
import type { AuthConfig } from './auth.config';
import { principalFromClaims, type Principal } from './principal';

type VerificationKey = JWTVerifyGetKey | CryptoKey | KeyObject | Uint8Array;

/** How long to wait before the one retry of a failed JWKS fetch, within the same request. */
export const JWKS_RETRY_DELAY_MS = 250;

/** The identity provider's key set could not be fetched: not the token's fault (503). */
class KeySetUnavailable extends Error {}

/** Verifies bearer JWTs (RS256/ES256) against the configured key and reads the principal. */
@Injectable()
export class TokenVerifier {
  private key?: Promise<VerificationKey>;
  private readonly auth: AuthConfig;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.auth = config.auth;
  }

  /**
   * The principal of a valid access token; 401 with the reason otherwise, 503 when the identity
   * provider's keys cannot be fetched (the token may well be good: the client should retry).
   */
  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    let protectedHeader: JWTHeaderParameters;
    try {
      ({ payload, protectedHeader } = await jwtVerify(
        token,
        (await this.verificationKey()) as JWTVerifyGetKey,
        {
          issuer: this.auth.issuer,
          audience: this.auth.audience,
          algorithms: this.auth.algorithms,
          clockTolerance: this.auth.clockToleranceSeconds,
          requiredClaims: ['exp', 'sub'],
        },
      ));
    } catch (error) {
      if (error instanceof KeySetUnavailable) {
        throw new ServiceUnavailableException(
          "The identity provider's signing keys cannot be fetched; try again shortly",
        );
      }
      throw new UnauthorizedException(`The bearer token is not accepted: ${reason(error)}`);
    }
    const refusal = notAnAccessToken(protectedHeader, payload, this.auth.acceptedAzp);
    if (refusal) throw new UnauthorizedException(`The bearer token is not accepted: ${refusal}`);
    return principalFromClaims(payload, this.auth.scopeClaim);
  }

  private verificationKey(): Promise<VerificationKey> {
    // A key that failed to load is not kept: the next request tries again.
    this.key ??= loadKey(this.auth).catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }
}

const ACCESS_TOKEN_TYPES = new Set(['at+jwt', 'application/at+jwt']);

/**
 * Why a verified token is not an access token for this API, or undefined when it is. RFC 9068:
 * an access token says so with `typ: at+jwt`. Identity providers that do not type their access
 * tokens are taken by their client id (`azp`, AUTH_ACCEPTED_AZP), but never an ID token (one
 * with a `nonce` or `at_hash`, or Keycloak's `typ: ID` claim): an ID token says who signed in to
 * some client, not what that client may do here.
 */
export function notAnAccessToken(
  header: JWTHeaderParameters,
  payload: JWTPayload,
  acceptedAzp: readonly string[],
): string | undefined {
  if (typeof header.typ === 'string' && ACCESS_TOKEN_TYPES.has(header.typ.toLowerCase())) {
    return undefined;
  }
  const idToken =
    payload.nonce !== undefined ||
    payload.at_hash !== undefined ||
    (typeof payload.typ === 'string' && payload.typ.toLowerCase() === 'id');
  if (!idToken && typeof payload.azp === 'string' && acceptedAzp.includes(payload.azp)) {
    return undefined;
  }
  return idToken
    ? 'it is an ID token, not an access token'
    : 'it is not an access token (typ at+jwt)';
}

async function loadKey(auth: AuthConfig): Promise<VerificationKey> {
  if (auth.jwksUrl) return remoteKeySet(new URL(auth.jwksUrl));
  const text = (auth.publicKey ?? '').trim();
  if (text.startsWith('{')) {
    const jwk = JSON.parse(text) as { alg?: string; kty?: string; crv?: string };
    const alg = jwk.alg ?? (jwk.kty === 'EC' ? 'ES256' : 'RS256');
    return importJWK(jwk, alg);
  }
  return importSPKI(text, auth.algorithms[0] ?? 'RS256');
}

/**
 * The identity provider's JWKS, cached by jose and fetched again for an unknown `kid`. A failed
 * fetch is never kept (jose fetches anew on the next call); within a request it is tried once
 * more after a short pause, so one dropped connection does not turn a good token away, and when
 * that fails too the request is answered 503 rather than 401.
 */
function remoteKeySet(url: URL): JWTVerifyGetKey {
  const keySet = createRemoteJWKSet(url, { cooldownDuration: 30_000 });
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      if (isAboutTheToken(error)) throw error;
    }
    await sleep(JWKS_RETRY_DELAY_MS);
    try {
      return await keySet(header, token);
    } catch (error) {
      if (isAboutTheToken(error)) throw error;
      throw new KeySetUnavailable('the JWKS cannot be fetched', { cause: error });
    }
  };
}

/** The key set was there, but no (single) key of it fits the token. */
function isAboutTheToken(error: unknown): boolean {
  return (
    error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys
  );
}

/** A reason a caller can act on, without echoing the token. */
function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `its ${error.claim} claim is not accepted`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature is not valid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'it is not signed with RS256 or ES256';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the issuer matches it';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return 'it is not a well-formed signed JWT';
  }
  return 'it cannot be verified';
}
