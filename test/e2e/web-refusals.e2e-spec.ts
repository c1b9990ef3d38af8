import type { Browser, Page } from 'playwright-core';
import { addToDate, amsterdamDate } from '@cjg/domain';
import { axeCheck, logIn, newPage, openBrowser, screenshot } from '../support/browser';
import { api, callers, register, unique } from '../support/e2e';

/**
 * Issue 18 item 8: a refusal of the API reaches a person in Dutch, by the stable codes of the
 * error body (apps/web/src/texts/refusals.ts), never in the API's English: a field problem after
 * the field's label and under the field, a reason of the request as a whole in the list.
 */
describe('werkplek: the API’s refusals in Dutch, by their codes (Chromium)', () => {
  const id = unique();
  const caseNumber = `CJG-WEIG-${id.toUpperCase()}`;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser();
    const registered = await register.coordinator(callers.coordinator.sub, {
      name: 'Coördinator E2E',
      email: `coord-e2e.${id}@cjg.example`,
    });
    expect([200, 201]).toContain(registered.status);
    page = await newPage(browser);
    await logIn(page, callers.coordinator, '/trajecten/nieuw');
    await page.getByRole('heading', { level: 1, name: 'Nieuw traject' }).waitFor();
    // The client is taken from the register (the form can also register a new one first).
    await page.getByRole('radio', { name: 'De cliënt staat al in het register' }).check();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Fills the form of a new trajectory and sends it; answers the alert's text. */
  async function start(fields: { client: string; family: string; receivedOn?: string }) {
    await page.getByLabel('Zaaknummer').fill(caseNumber);
    await page.getByLabel('Cliëntnummer', { exact: true }).fill(fields.client);
    await page.getByLabel('Gezin', { exact: true }).fill(fields.family);
    await page.getByLabel('Hulpvraag ontvangen op').fill(fields.receivedOn ?? '');
    await page.getByRole('button', { name: 'Traject starten' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    return alert;
  }

  it('names each invalid field with its label and the Dutch text of its code (400)', async () => {
    const alert = await start({ client: 'Sam Jansen', family: 'fam e2e' });
    await expectText(alert, 'Niet alle velden zijn goed ingevuld.');
    const text = await alert.innerText();
    expect(text).toContain('Cliëntnummer: Dit is niet in de goede vorm ingevuld.');
    expect(text).toContain('Gezin: Dit is niet in de goede vorm ingevuld.');
    expect(text).not.toMatch(/must|is not|valid id/);
    // Under the field too, where a screen reader meets it with the field.
    expect(await page.getByText('Dit is niet in de goede vorm ingevuld.').count()).toBeGreaterThan(
      2,
    );
    expect((await axeCheck(page, 'nieuw traject (velden geweigerd)')).violations).toEqual([]);
    await screenshot(page, 'nieuw-traject-geweigerd');
  });

  it('gives the reasons of a refusal by the data in Dutch (422)', async () => {
    const future = addToDate(amsterdamDate(new Date()), 0, 2);
    const early = await start({
      client: `client-weig-${id}`,
      family: `fam-weig-${id}`,
      receivedOn: future,
    });
    await expectText(early, 'Deze datum ligt te laat.');
    expect(await early.innerText()).toContain('Dit kan niet worden verwerkt.');

    const unknown = await start({ client: `client-weig-${id}`, family: `fam-weig-${id}` });
    await expectText(unknown, 'Dit is niet (of nog niet) geregistreerd.');
    expect(await unknown.innerText()).toContain('Dit kan niet worden verwerkt.');
    expect(await unknown.innerText()).not.toMatch(/registered|client-weig/);
    expect((await axeCheck(page, 'nieuw traject (geweigerd)')).violations).toEqual([]);
  });

  it('answers the same refusals with their codes in the error body', async () => {
    const res = await api<{
      code: string;
      details: Array<{ field: string; problems: string[]; codes: string[] }>;
    }>('POST', '/trajectories', {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId: callers.coordinator.sub,
      clientId: `client-weig-${id}`,
      familyId: `fam-weig-${id}`,
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('refused');
    expect(res.body.details).toEqual([
      {
        field: '',
        problems: [`clientId client-weig-${id} is not a registered client`],
        codes: ['not-registered'],
      },
    ]);
  });
});

/** Waits until the alert says `text` (it replaces the one of the submit before). */
async function expectText(alert: ReturnType<Page['getByRole']>, text: string): Promise<void> {
  await alert.getByText(text, { exact: false }).first().waitFor();
}
