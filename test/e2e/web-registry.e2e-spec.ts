import type { Browser, Page } from 'playwright-core';
import { axeCheck, logIn, newPage, openBrowser, screenshot } from '../support/browser';
import { api, callers, unique } from '../support/e2e';

/**
 * The registers in the werkplek: what must exist before a first case (municipality, team,
 * coordinator, provider, professional, partner organisation), so that a new stack can be set up
 * in the app itself.
 */
describe('werkplek: the registers (Chromium)', () => {
  const id = unique();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser();
    page = await newPage(browser);
    await logIn(page, callers.ops);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Registers' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Registers' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks for the id before it sends anything, then registers a municipality', async () => {
    const form = page.getByRole('form', { name: 'Gemeente' });
    await form.getByLabel('Naam', { exact: true }).fill('Lindenveld');
    await form.getByRole('button', { name: 'Gemeente opslaan' }).click();
    await form.getByText('Vul dit in.').waitFor();

    await form.getByLabel('CBS-gemeentecode').fill('0996');
    await form.getByLabel('Ondertekenaar (naam)').fill('Petra Smeets');
    await form.getByRole('button', { name: 'Gemeente opslaan' }).click();
    await page.getByText('Gemeente 0996 is opgeslagen.').waitFor();
    expect(await form.getByText('Vul dit in.').count()).toBe(0);
    expect((await axeCheck(page, 'registers')).violations).toEqual([]);
    await screenshot(page, 'registers');
  });

  it('registers a coordinator whom the API then knows', async () => {
    const coordinatorId = `coord-reg-${id}`;
    const form = page.getByRole('form', { name: 'Coördinator' });
    await form.getByLabel('Id van de coördinator').fill(coordinatorId);
    await form.getByLabel('Naam', { exact: true }).fill('Ruud Register');
    await form.getByLabel('E-mailadres').fill(`ruud.${id}@cjg.example`);
    await form.getByRole('button', { name: 'Coördinator opslaan' }).click();
    await page.getByText(`Coördinator ${coordinatorId} is opgeslagen.`).waitFor();
    const stored = await api<{ name: string }>('GET', `/coordinators/${coordinatorId}`, undefined, {
      as: callers.ops,
    });
    expect(stored.status).toBe(200);
    expect(stored.body.name).toBe('Ruud Register');
  });

  it('shows the API refusal in Dutch, then takes the corrected form', async () => {
    const professionalId = `gw-reg-${id}`;
    const form = page.getByRole('form', { name: 'Professional' });
    await form.getByLabel('Id van de professional').fill(professionalId);
    await form.getByLabel('Naam', { exact: true }).fill('Gerda Gedrag');
    await form.getByLabel('Registratienummer').fill('12');
    await form.getByRole('button', { name: 'Professional opslaan' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Niet alle velden zijn goed ingevuld.');
    expect(await alert.innerText()).toContain('Registratienummer:');
    expect(await alert.innerText()).not.toMatch(/must|registrationNumber/);
    expect((await axeCheck(page, 'registers (geweigerd)')).violations).toEqual([]);

    // Corrected, the same form goes through (a new Idempotency-Key after the refusal).
    await form.getByLabel('Registratienummer').fill('100012345');
    await form.getByRole('button', { name: 'Professional opslaan' }).click();
    await page.getByText(`Professional ${professionalId} is opgeslagen.`).waitFor();
  });
});
