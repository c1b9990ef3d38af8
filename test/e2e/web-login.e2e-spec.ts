import type { Browser } from 'playwright-core';
import { axeCheck, logIn, newPage, openBrowser, screenshot, appUrl } from '../support/browser';
import { apiUrl, callers } from '../support/e2e';

describe('werkplek: login and the werkbak (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves the app at /app/ with its own content security policy, and deep links', async () => {
    const index = await fetch(`${apiUrl()}/app/zaken/CJG-2026-000001`, {
      headers: { Accept: 'text/html' },
    });
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const redirect = await fetch(`${apiUrl()}/app`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/app/');
  });

  it('logs a coordinator in through the dev login, shows the werkbak, and passes axe', async () => {
    const page = await newPage(browser);
    await page.goto(appUrl('/'));
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect((await axeCheck(page, 'inloggen')).violations).toEqual([]);
    await screenshot(page, 'inloggen');

    await logIn(page, callers.coordinator);
    await page.getByRole('heading', { level: 1, name: 'Werkbak' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    expect((await axeCheck(page, 'werkbak')).violations).toEqual([]);
  });

  it('shows the API refusal in Dutch when the dev login is asked for a role without its scope', async () => {
    const page = await newPage(browser);
    await page.goto(appUrl('/'));
    await page.getByLabel('Rol').selectOption('coordinator');
    await page.getByLabel('Gebruikersnaam').fill('coord-zonder-gemeente');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain(
      'Niet alle velden zijn goed ingevuld',
    );
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
  });
});
