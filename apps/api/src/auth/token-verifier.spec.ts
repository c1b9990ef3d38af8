import { UnauthorizedException } from '@nestjs/common';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { ApiConfig } from '../config';
import { authConfigFromEnv } from './auth.config';
import { TokenVerifier } from './token-verifier';

describe(TokenVerifier.name, () => {
  let signing: CryptoKey;
  let other: CryptoKey;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    signing = pair.privateKey;
    other = (await generateKeyPair('ES256')).privateKey;
    const auth = authConfigFromEnv({
      AUTH_PUBLIC_KEY: JSON.stringify(await exportJWK(pair.publicKey)),
    });
    verifier = new TokenVerifier({ auth } as ApiConfig);
  });

  const token = (
    overrides: { aud?: string; iss?: string; exp?: number; key?: CryptoKey } = {},
    claims: Record<string, unknown> = { role: 'ops' },
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('ops-c')
      .setIssuer(overrides.iss ?? 'cjg-toegang-dev')
      .setAudience(overrides.aud ?? 'cjg-toegang-api')
      .setExpirationTime(overrides.exp ?? Math.floor(Date.now() / 1000) + 600)
      .sign(overrides.key ?? signing);

  it('accepts a valid token and reads its principal', async () => {
    await expect(verifier.verify(await token())).resolves.toEqual({
      sub: 'ops-c',
      role: 'ops',
      municipalities: [],
    });
  });

  it.each([
    ['expired', () => token({ exp: Math.floor(Date.now() / 1000) - 120 }), /expired/],
    ['for another audience', () => token({ aud: 'another-api' }), /aud claim/],
    ['from another issuer', () => token({ iss: 'evil' }), /iss claim/],
    ['wrongly signed', () => token({ key: other }), /signature/],
    [
      'unsigned (alg none)',
      async () => {
        const [, payload] = (await token()).split('.');
        const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
        return `${header}.${payload}.`;
      },
      /RS256 or ES256|well-formed/,
    ],
    ['garbage', async () => 'not-a-jwt', /well-formed/],
  ])('refuses a token %s with 401', async (_, make, reason) => {
    const attempt = verifier.verify(await make());
    await expect(attempt).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(attempt).rejects.toThrow(reason);
  });

  it('takes a PEM public key too', async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(pair.publicKey);
    const rsa = new TokenVerifier({
      auth: authConfigFromEnv({ AUTH_PUBLIC_KEY: pem, AUTH_ALGORITHMS: 'RS256' }),
    } as ApiConfig);
    const jwt = await new SignJWT({ role: 'ops' })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('ops-c')
      .setIssuer('cjg-toegang-dev')
      .setAudience('cjg-toegang-api')
      .setExpirationTime('5m')
      .sign(pair.privateKey);
    await expect(rsa.verify(jwt)).resolves.toMatchObject({ role: 'ops' });
  });
});

describe('authConfigFromEnv', () => {
  it('needs exactly one key source and an issuer for a JWKS', () => {
    expect(() => authConfigFromEnv({})).toThrow(/exactly one/);
    expect(() =>
      authConfigFromEnv({ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_PUBLIC_KEY: '{}' }),
    ).toThrow(/exactly one/);
    expect(() => authConfigFromEnv({ AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(
      /AUTH_ISSUER/,
    );
    expect(() =>
      authConfigFromEnv({
        AUTH_JWKS_URL: 'http://idp.example/jwks',
        AUTH_ISSUER: 'https://idp.example',
        NODE_ENV: 'production',
      }),
    ).toThrow(/https/);
    expect(() => authConfigFromEnv({ AUTH_PUBLIC_KEY: '{}', AUTH_ALGORITHMS: 'HS256' })).toThrow(
      /RS256 and ES256/,
    );
  });
});
