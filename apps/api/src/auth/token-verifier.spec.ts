import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import {
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTHeaderParameters,
} from 'jose';
import type { ApiConfig } from '../config';
import { authConfigFromEnv } from './auth.config';
import { PrincipalError } from './principal';
import { TokenVerifier } from './token-verifier';

type Header = Partial<JWTHeaderParameters>;

function sign(
  key: CryptoKey,
  claims: Record<string, unknown>,
  overrides: { aud?: string; iss?: string; exp?: number; header?: Header } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', ...overrides.header })
    .setSubject('ops-c')
    .setIssuer(overrides.iss ?? 'cjg-toegang-dev')
    .setAudience(overrides.aud ?? 'cjg-toegang-api')
    .setExpirationTime(overrides.exp ?? Math.floor(Date.now() / 1000) + 600)
    .sign(key);
}

describe(TokenVerifier.name, () => {
  let signing: CryptoKey;
  let other: CryptoKey;
  let publicJwk: string;
  let verifier: TokenVerifier;

  const verifierFor = (env: NodeJS.ProcessEnv = {}) =>
    new TokenVerifier({
      auth: authConfigFromEnv({ AUTH_PUBLIC_KEY: publicJwk, ...env }),
    } as ApiConfig);

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    signing = pair.privateKey;
    other = (await generateKeyPair('ES256')).privateKey;
    publicJwk = JSON.stringify(await exportJWK(pair.publicKey));
    verifier = verifierFor();
  });

  const token = (
    overrides: { aud?: string; iss?: string; exp?: number; key?: CryptoKey; header?: Header } = {},
    claims: Record<string, unknown> = { role: 'ops' },
  ) => sign(overrides.key ?? signing, claims, overrides);

  it('accepts a valid access token and reads its principal', async () => {
    await expect(verifier.verify(await token())).resolves.toEqual({
      sub: 'ops-c',
      role: 'ops',
      municipalities: [],
    });
    // RFC 9068 allows the media type's long form too.
    await expect(
      verifier.verify(await token({ header: { typ: 'application/at+jwt' } })),
    ).resolves.toMatchObject({ role: 'ops' });
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
    ['untyped (typ JWT)', () => token({ header: { typ: 'JWT' } }), /not an access token/],
    ['without typ', () => token({ header: { typ: undefined } }), /not an access token/],
    [
      'that is an ID token',
      () => token({ header: { typ: 'JWT' } }, { role: 'ops', nonce: 'n-1', azp: 'portal' }),
      /ID token/,
    ],
  ])('refuses a token %s with 401', async (_, make, reason) => {
    const attempt = verifier.verify(await make());
    await expect(attempt).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(attempt).rejects.toThrow(reason);
  });

  it('takes an untyped token from a client named in AUTH_ACCEPTED_AZP, never an ID token', async () => {
    const byAzp = verifierFor({ AUTH_ACCEPTED_AZP: 'portal, batch' });
    const untyped = (claims: Record<string, unknown>) =>
      token({ header: { typ: 'JWT' } }, { role: 'ops', ...claims });
    await expect(byAzp.verify(await untyped({ azp: 'portal' }))).resolves.toMatchObject({
      role: 'ops',
    });
    await expect(byAzp.verify(await untyped({ azp: 'batch' }))).resolves.toMatchObject({
      role: 'ops',
    });
    for (const claims of [
      { azp: 'another-client' },
      {},
      { azp: 'portal', nonce: 'n-1' },
      { azp: 'portal', at_hash: 'abc' },
      { azp: 'portal', typ: 'ID' },
    ]) {
      await expect(byAzp.verify(await untyped(claims))).rejects.toBeInstanceOf(
        UnauthorizedException,
      );
    }
  });

  it('reads the data scope from its own claim, never from the OAuth scope', async () => {
    const coordinator = (claims: Record<string, unknown>) =>
      token({}, { role: 'coordinator', ...claims });
    await expect(
      verifier.verify(await coordinator({ cjg_scope: ['municipality:0957', 'municipality:0983'] })),
    ).resolves.toMatchObject({ municipalities: ['0957', '0983'] });
    await expect(
      verifier.verify(await coordinator({ cjg_scope: 'municipality:0957' })),
    ).resolves.toMatchObject({ municipalities: ['0957'] });
    // What a client may ask for itself gives no municipality.
    await expect(
      verifier.verify(await coordinator({ scope: 'openid municipality:0957' })),
    ).rejects.toBeInstanceOf(PrincipalError);
    const named = verifierFor({ AUTH_SCOPE_CLAIM: 'https://cjg.example/scope' });
    await expect(
      named.verify(await coordinator({ 'https://cjg.example/scope': ['municipality:0957'] })),
    ).resolves.toMatchObject({ municipalities: ['0957'] });
    await expect(
      named.verify(await coordinator({ cjg_scope: ['municipality:0957'] })),
    ).rejects.toBeInstanceOf(PrincipalError);
  });

  it('takes a PEM public key too', async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(pair.publicKey);
    const rsa = new TokenVerifier({
      auth: authConfigFromEnv({ AUTH_PUBLIC_KEY: pem, AUTH_ALGORITHMS: 'RS256' }),
    } as ApiConfig);
    const jwt = await new SignJWT({ role: 'ops' })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' })
      .setSubject('ops-c')
      .setIssuer('cjg-toegang-dev')
      .setAudience('cjg-toegang-api')
      .setExpirationTime('5m')
      .sign(pair.privateKey);
    await expect(rsa.verify(jwt)).resolves.toMatchObject({ role: 'ops' });
  });
});

describe(`${TokenVerifier.name} with a JWKS`, () => {
  /** An identity provider's JWKS endpoint that fails (503) as often as it is told to. */
  let server: Server;
  let failures = 0;
  let fetches = 0;
  let jwks: string;
  let signing: CryptoKey;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    signing = pair.privateKey;
    jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }],
    });
    server = createServer((_req, res) => {
      fetches += 1;
      if (failures > 0) {
        failures -= 1;
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(() => {
    fetches = 0;
    failures = 0;
    // A fresh verifier each time: nothing fetched before.
    verifier = new TokenVerifier({
      auth: authConfigFromEnv({
        AUTH_JWKS_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
        AUTH_ISSUER: 'https://idp.example',
      }),
    } as ApiConfig);
  });

  const token = () =>
    sign(signing, { role: 'ops' }, { iss: 'https://idp.example', header: { kid: 'k1' } });

  it('tries a failed fetch once more, so a good token is not turned away', async () => {
    failures = 1;
    await expect(verifier.verify(await token())).resolves.toMatchObject({ role: 'ops' });
    expect(fetches).toBe(2);
  });

  it('answers 503 while the keys cannot be fetched, and does not keep the failure', async () => {
    failures = 2;
    await expect(verifier.verify(await token())).rejects.toBeInstanceOf(
      ServiceUnavailableException,
    );
    expect(fetches).toBe(2);
    // The identity provider is back: the next request fetches again and is let in.
    await expect(verifier.verify(await token())).resolves.toMatchObject({ role: 'ops' });
    expect(fetches).toBe(3);
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

  it('needs AUTH_ISSUER in production, whatever the key source', () => {
    expect(() => authConfigFromEnv({ AUTH_PUBLIC_KEY: '{}', NODE_ENV: 'production' })).toThrow(
      /AUTH_ISSUER is required when NODE_ENV=production/,
    );
    expect(
      authConfigFromEnv({
        AUTH_PUBLIC_KEY: '{}',
        AUTH_ISSUER: 'https://idp.example',
        NODE_ENV: 'production',
      }).issuer,
    ).toBe('https://idp.example');
    expect(authConfigFromEnv({ AUTH_PUBLIC_KEY: '{}' }).issuer).toBe('cjg-toegang-dev');
  });

  it('reads the scope claim and the accepted client ids', () => {
    expect(authConfigFromEnv({ AUTH_PUBLIC_KEY: '{}' })).toMatchObject({
      scopeClaim: 'cjg_scope',
      acceptedAzp: [],
    });
    expect(
      authConfigFromEnv({
        AUTH_PUBLIC_KEY: '{}',
        AUTH_SCOPE_CLAIM: 'cjg_toegang',
        AUTH_ACCEPTED_AZP: 'portal,, batch ',
      }),
    ).toMatchObject({ scopeClaim: 'cjg_toegang', acceptedAzp: ['portal', 'batch'] });
    for (const claim of ['scope', 'scp', 'sub', 'role', 'has space']) {
      expect(() => authConfigFromEnv({ AUTH_PUBLIC_KEY: '{}', AUTH_SCOPE_CLAIM: claim })).toThrow(
        /AUTH_SCOPE_CLAIM/,
      );
    }
  });
});
