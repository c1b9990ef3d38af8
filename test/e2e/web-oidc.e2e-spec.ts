import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { freePort, ManagedProcess, waitUntil } from '../../scripts/stack/process';
import { axeCheck, newPage, openBrowser, screenshot } from '../support/browser';
import { api, eventually, register, unique, type Caller } from '../support/e2e';

const CLIENT_ID = 'werkplek-e2e';
const AUDIENCE = 'cjg-toegang-api';

interface SessionInStorage {
  accessToken: string;
}

function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(
    Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8'),
  ) as Record<string, unknown>;
}

/**
 * The werkplek's real login: authorization code with PKCE (oidc-client-ts) at a real OpenID
 * provider (node-oidc-provider, test/support/oidc-provider.mjs), against a second API process
 * that trusts that provider only (its JWKS, issuer and audience) and has no dev login.
 */
describe('werkplek: login with OpenID Connect at a real provider (Chromium)', () => {
  const id = unique();
  const coordinator: Caller = {
    role: 'coordinator',
    sub: `coord-oidc-${id}`,
    municipalities: ['0957'],
  };
  const withoutRole = `zonder-rol-${id}`;
  const caseNumber = `CJG-OIDC-${id.toUpperCase()}`;
  let issuer: string;
  let base: string;
  let provider: ManagedProcess | undefined;
  let second: ManagedProcess | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const [providerPort, apiPort] = await Promise.all([freePort(), freePort()]);
    issuer = `http://127.0.0.1:${providerPort}`;
    base = `http://127.0.0.1:${apiPort}`;
    const logs = path.join(process.env.E2E_DATA_DIR!, 'logs');

    provider = new ManagedProcess({
      name: 'oidc-provider',
      command: process.execPath,
      args: [path.resolve(__dirname, '../support/oidc-provider.mjs')],
      env: {
        ...process.env,
        OIDC_TEST_PORT: String(providerPort),
        OIDC_TEST_CLIENT_ID: CLIENT_ID,
        OIDC_TEST_APP_ORIGIN: base,
        OIDC_TEST_AUDIENCE: AUDIENCE,
        // The provider's own records: who this user is and where they work.
        OIDC_TEST_ACCOUNTS: JSON.stringify({
          [coordinator.sub]: {
            name: 'Olga de Vries',
            role: 'coordinator',
            cjg_scope: ['municipality:0957'],
          },
          // Known to the provider, but with no role for the werkplek (a forgotten mapping).
          [withoutRole]: { name: 'Rik Zonderrol' },
        }),
      },
      logFile: path.join(logs, 'oidc-provider.log'),
    });
    await provider.waitForLine(/oidc provider on/, 30_000);

    // The stack's service settings, but tokens from the provider only: no dev key, no dev login.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...(JSON.parse(process.env.E2E_SERVICE_ENV!) as NodeJS.ProcessEnv),
      PORT: String(apiPort),
      RATE_LIMIT_PER_MINUTE: '0',
      AUTH_JWKS_URL: `${issuer}/jwks`,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: AUDIENCE,
      OIDC_AUTHORITY: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
    };
    for (const name of ['AUTH_PUBLIC_KEY', 'AUTH_PUBLIC_KEY_FILE', 'DEV_LOGIN_KEY_FILE'])
      delete env[name];
    second = new ManagedProcess({
      name: 'api-oidc',
      command: process.execPath,
      args: [path.resolve(__dirname, '../../dist/apps/api/src/main.js')],
      env,
      logFile: path.join(logs, 'api-oidc.log'),
    });
    await waitUntil(
      'the API that trusts the OpenID provider',
      async () => (await fetch(`${base}/health`).catch(() => undefined))?.status === 200,
      60_000,
      second,
    );

    // A case of this coordinator, set up through the stack's own API (same database).
    expect(
      (
        await register.coordinator(coordinator.sub, {
          name: 'Olga',
          email: `olga.${id}@cjg.example`,
        })
      ).status,
    ).toBe(200);
    const clientId = `client-oidc-${id}`;
    expect(
      (
        await api(
          'PUT',
          `/clients/${clientId}`,
          { name: 'Sem', email: `sem.${id}@example.org` },
          { as: coordinator },
        )
      ).status,
    ).toBe(200);
    const started = await api(
      'POST',
      '/trajectories',
      {
        caseNumber,
        municipalityCode: '0957',
        coordinatorId: coordinator.sub,
        clientId,
        familyId: `fam-oidc-${id}`,
      },
      { as: coordinator },
    );
    expect(started.status).toBe(201);
    // The werkbak lists from the read model: wait until the case is in it.
    await eventually(
      () =>
        api<{ items: Array<{ caseNumber: string }> }>(
          'GET',
          `/trajectories?coordinatorId=${coordinator.sub}`,
          undefined,
          { as: coordinator },
        ),
      (res) => res.status === 200 && res.body.items.some((item) => item.caseNumber === caseNumber),
    );

    browser = await openBrowser();
  }, 120_000);

  /** The provider's development login form (any password), then its consent screen. */
  async function logInAtProvider(page: Page, sub: string): Promise<void> {
    await page.waitForURL((url) => url.origin === issuer);
    await page.locator('input[name="login"]').fill(sub);
    await page.locator('input[name="password"]').fill('niet-gecontroleerd');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  afterAll(async () => {
    await browser?.close();
    await second?.stop();
    await provider?.stop();
  });

  it('offers the OpenID provider and no dev login: /auth/config, and 404 on POST /auth/dev-login', async () => {
    const config = await fetch(`${base}/auth/config`);
    expect(config.status).toBe(200);
    expect(await config.json()).toMatchObject({
      oidc: { authority: issuer, clientId: CLIENT_ID, scope: 'openid profile' },
      devLogin: false,
    });
    const devLogin = await fetch(`${base}/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'ops', sub: 'ops-zelfgemaakt' }),
    });
    expect(devLogin.status).toBe(404);
    // The app may reach the provider (discovery, token endpoint) and nothing else outside.
    const index = await fetch(`${base}/app/`, { headers: { Accept: 'text/html' } });
    expect(index.headers.get('content-security-policy')).toContain(`connect-src 'self' ${issuer}`);
  });

  it('logs a coordinator in at the provider (code + PKCE) and shows the werkbak the API filled', async () => {
    const page = await newPage(browser!);
    const authorizeRequests: URL[] = [];
    const tokenRequests: string[] = [];
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (url.origin !== issuer) return;
      if (url.pathname === '/auth') authorizeRequests.push(url);
      if (url.pathname === '/token') tokenRequests.push(request.postData() ?? '');
    });

    await page.goto(`${base}/app/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: 'Inloggen met uw organisatieaccount' })
      .waitFor();
    expect(await page.getByRole('heading', { name: /Ontwikkel-login/ }).count()).toBe(0);
    expect(await page.getByLabel('Rol').count()).toBe(0);
    expect((await axeCheck(page, 'inloggen (OIDC)')).violations).toEqual([]);
    await screenshot(page, 'inloggen-oidc');

    await page.getByRole('button', { name: 'Inloggen' }).click();
    await logInAtProvider(page, coordinator.sub);

    await page.waitForURL((url) => url.origin === base && url.pathname === '/app/');
    await page.getByRole('heading', { level: 1, name: 'Werkbak' }).waitFor();
    // The list came from the API, which took the provider's access token.
    await page.getByRole('link', { name: caseNumber }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('banner').innerText()).toContain(
      `Coördinator · ${coordinator.sub}`,
    );
    // The code and state are gone from the address.
    expect(page.url()).toBe(`${base}/app/`);

    expect(authorizeRequests).toHaveLength(1);
    const authorize = authorizeRequests[0]!.searchParams;
    expect(authorize.get('response_type')).toBe('code');
    expect(authorize.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.get('redirect_uri')).toBe(`${base}/app/inloggen/terug`);
    expect(authorize.get('code_challenge_method')).toBe('S256');
    expect(authorize.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenRequests).toHaveLength(1);
    expect(new URLSearchParams(tokenRequests[0]).get('code_verifier')).toMatch(
      /^[A-Za-z0-9._~-]{43,128}$/,
    );

    // The session holds the provider's access token (not its ID token): at+jwt for the API.
    const stored = await page.evaluate(() => sessionStorage.getItem('cjg-werkplek-sessie'));
    const { accessToken } = JSON.parse(stored ?? '{}') as SessionInStorage;
    expect(decodePart(accessToken, 0)).toMatchObject({ typ: 'at+jwt', alg: 'RS256' });
    expect(decodePart(accessToken, 1)).toMatchObject({
      iss: issuer,
      aud: AUDIENCE,
      sub: coordinator.sub,
      client_id: CLIENT_ID,
      role: 'coordinator',
      cjg_scope: ['municipality:0957'],
    });
    // This API takes it; the stack's API, which trusts only its dev key, does not.
    expect(
      (
        await api('GET', `/trajectories/${caseNumber}`, undefined, {
          token: accessToken,
          baseUrl: base,
        })
      ).status,
    ).toBe(200);
    expect(
      (await api('GET', `/trajectories/${caseNumber}`, undefined, { token: accessToken })).status,
    ).toBe(401);
    expect((await axeCheck(page, 'werkbak (OIDC)')).violations).toEqual([]);

    // Uitloggen ends the session at the provider too: the next one at this computer logs in anew.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((url) => url.origin === issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((url) => url.origin === base);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('cjg-werkplek-sessie'))).toBeNull();
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((url) => url.origin === issuer);
    await page.locator('input[name="login"]').waitFor();
  }, 60_000);

  it('comes back to the page that was asked for (a link to a case) after the login', async () => {
    const page = await newPage(browser!);
    await page.goto(`${base}/app/zaken/${encodeURIComponent(caseNumber)}`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await logInAtProvider(page, coordinator.sub);
    await page.getByRole('heading', { level: 1, name: `Zaak ${caseNumber}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/zaken/${encodeURIComponent(caseNumber)}`);
  }, 60_000);

  it('says so, and starts no session, when the provider gives the account no werkplek role', async () => {
    const page = await newPage(browser!);
    await page.goto(`${base}/app/`);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await logInAtProvider(page, withoutRole);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('geen rol');
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('cjg-werkplek-sessie'))).toBeNull();
    expect((await axeCheck(page, 'inloggen mislukt (geen rol)')).violations).toEqual([]);
  }, 60_000);

  it('says the login failed when it is cancelled at the provider', async () => {
    const page = await newPage(browser!);
    await page.goto(`${base}/app/`);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((url) => url.origin === issuer);
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await page.waitForURL((url) => url.origin === base);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Inloggen is niet gelukt.');
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
  }, 60_000);

  // Last: it stops the provider.
  it('says so on the login page when the identity provider cannot be reached', async () => {
    await provider!.stop();
    const page = await newPage(browser!);
    await page.goto(`${base}/app/`);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('De inlogdienst is niet bereikbaar.');
    expect(new URL(page.url()).origin).toBe(base);
    expect((await axeCheck(page, 'inloggen (inlogdienst onbereikbaar)')).violations).toEqual([]);
  }, 60_000);
});
