// A real OpenID provider for the werkplek's login test (test/e2e/web-oidc.e2e-spec.ts):
// node-oidc-provider, run with plain Node (it ships ES modules only) on the port the test gives.
// It issues what an operator's identity provider must issue for the werkplek: authorization code
// with PKCE for one public client, and access tokens as JWT (typ at+jwt) for the API's audience,
// carrying the user's `role` and `cjg_scope`. Its development login form takes any user name
// without a password check; only the accounts below get tokens. Never for anything but tests.
//
// Environment:
//   OIDC_TEST_PORT          port on 127.0.0.1; the issuer is http://127.0.0.1:<port>
//   OIDC_TEST_CLIENT_ID     the werkplek's client id
//   OIDC_TEST_APP_ORIGIN    the API's origin (serves the app): redirect URI and CORS
//   OIDC_TEST_AUDIENCE      the access token's audience (the API's AUTH_AUDIENCE)
//   OIDC_TEST_ACCOUNTS      JSON { "<sub>": { "name": "...", "role": "...", "cjg_scope": ["..."] } }
// Prints "oidc provider on <issuer>" when it listens.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { URL } from 'node:url';
import Provider, { errors } from 'oidc-provider';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const port = Number(required('OIDC_TEST_PORT'));
const clientId = required('OIDC_TEST_CLIENT_ID');
const appOrigin = new URL(required('OIDC_TEST_APP_ORIGIN')).origin;
const audience = required('OIDC_TEST_AUDIENCE');
const accounts = JSON.parse(required('OIDC_TEST_ACCOUNTS'));
const issuer = `http://127.0.0.1:${port}`;
// A resource indicator must be an absolute URI; the audience in the token is the API's own name.
const resource = `urn:${audience}`;

const signingKey = {
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  kid: randomBytes(8).toString('hex'),
  alg: 'RS256',
  use: 'sig',
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [`${appOrigin}/app/inloggen/terug`],
      post_logout_redirect_uris: [`${appOrigin}/app/`],
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name'] },
  clientBasedCORS: (_ctx, origin, client) => client.clientId === clientId && origin === appOrigin,
  async findAccount(_ctx, sub) {
    if (!Object.hasOwn(accounts, sub)) return undefined;
    return { accountId: sub, claims: () => ({ sub, name: accounts[sub].name }) };
  },
  // The API reads who may do what from the access token: role and data scope, set by the
  // identity provider from its own records (never from what the client asks for).
  async extraTokenClaims(_ctx, token) {
    if (token.kind !== 'AccessToken' || !Object.hasOwn(accounts, token.accountId)) return undefined;
    const { role, cjg_scope: scope } = accounts[token.accountId];
    return { role, cjg_scope: scope };
  },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // The werkplek asks for no resource: every token of its client is for the API.
      defaultResource: () => resource,
      // At the token endpoint too, also with `openid` asked for (else: a userinfo token).
      useGrantedResource: () => true,
      getResourceServerInfo(_ctx, indicator) {
        if (indicator !== resource) throw new errors.InvalidTarget();
        return {
          audience,
          scope: '',
          accessTokenFormat: 'jwt',
          accessTokenTTL: 3600,
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc provider on ${issuer}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
