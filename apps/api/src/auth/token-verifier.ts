import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import {
  createRemoteJWKSet,
  errors,
  importJWK,
  importSPKI,
  jwtVerify,
  type JWTVerifyGetKey,
  type CryptoKey,
  type KeyObject,
} from 'jose';
import { API_CONFIG, type ApiConfig } from '../config';
import type { AuthConfig } from './auth.config';
import { principalFromClaims, type Principal } from './principal';

type VerificationKey = JWTVerifyGetKey | CryptoKey | KeyObject | Uint8Array;

/** Verifies bearer JWTs (RS256/ES256) against the configured key and reads the principal. */
@Injectable()
export class TokenVerifier {
  private key?: Promise<VerificationKey>;
  private readonly auth: AuthConfig;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.auth = config.auth;
  }

  /** The principal of a valid token; 401 with the reason otherwise. */
  async verify(token: string): Promise<Principal> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, (await this.verificationKey()) as JWTVerifyGetKey, {
        issuer: this.auth.issuer,
        audience: this.auth.audience,
        algorithms: this.auth.algorithms,
        clockTolerance: this.auth.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw new UnauthorizedException(`The bearer token is not accepted: ${reason(error)}`);
    }
    return principalFromClaims(payload);
  }

  private verificationKey(): Promise<VerificationKey> {
    this.key ??= loadKey(this.auth);
    return this.key;
  }
}

async function loadKey(auth: AuthConfig): Promise<VerificationKey> {
  if (auth.jwksUrl) {
    return createRemoteJWKSet(new URL(auth.jwksUrl), { cooldownDuration: 30_000 });
  }
  const text = (auth.publicKey ?? '').trim();
  if (text.startsWith('{')) {
    const jwk = JSON.parse(text) as { alg?: string; kty?: string; crv?: string };
    const alg = jwk.alg ?? (jwk.kty === 'EC' ? 'ES256' : 'RS256');
    return importJWK(jwk, alg);
  }
  return importSPKI(text, auth.algorithms[0] ?? 'RS256');
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
  if (error instanceof errors.JWKSTimeout) return 'the key set could not be fetched in time';
  return 'it cannot be verified';
}
