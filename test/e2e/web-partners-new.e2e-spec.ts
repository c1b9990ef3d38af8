import { addWorkingDays, amsterdamDate } from '@cjg/domain';
import type { Browser, Page } from 'playwright-core';
import { axeCheck, logIn, newPage, openBrowser, screenshot } from '../support/browser';
import { api, callers, register, unique, type Caller } from '../support/e2e';

jest.setTimeout(120_000);

/** The focused element's name attribute and text (run in the page). */
const FOCUSED = `(() => {
  const element = document.activeElement;
  return { name: element?.getAttribute('name') ?? null, text: (element?.textContent ?? '').trim() };
})()`;

/**
 * The werkplek's forms that start a partner process, in Chromium against the real stack: a Veilig
 * Thuis liaison registers a warm handover (after a refusal shown at the field), a GI liaison
 * proposes a Schakeloverleg transfer by keyboard only, a coordinator starts a VTO. Each lands on
 * the new item's page; the API holds what was filled in; every form passes axe (WCAG 2.1 AA).
 */
describe('werkplek: starting a partner process (Chromium)', () => {
  const id = unique();
  const ID = id.toUpperCase();
  // A municipality of this test alone.
  const code = '0971';
  const coordinatorId = `coord-wpn-${id}`;
  const coordinator: Caller = { role: 'coordinator', sub: coordinatorId, municipalities: [code] };
  const leadId = `lead-wpn-${id}`;
  const vt = callers.veiligThuis(`vt-wpn-${id}`);
  const gi = callers.gi(`gi-wpn-${id}`);
  const clientId = `client-wpn-${id}`;
  const familyId = `fam-wpn-${id}`;
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const today = amsterdamDate(new Date());
  let browser: Browser;

  const expectNoViolations = async (page: Page, name: string) =>
    expect((await axeCheck(page, name)).violations).toEqual([]);
  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name }).waitFor();
  /** The error text shown at a field: the element its aria-describedby names `…-fout`. */
  const errorAt = async (page: Page, label: string) => {
    const field = page.getByLabel(label, { exact: true });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await field.getAttribute('aria-describedby'))
      ?.split(' ')
      .find((ref) => ref.endsWith('-fout'));
    expect(errorId).toBeDefined();
    return page.locator(`[id="${errorId}"]`).innerText();
  };
  /** Tab (only the keyboard) until the focused element matches; fails when it never does. */
  const tabTo = async (page: Page, what: { name?: string; text?: string }, most = 20) => {
    const matches = async () => {
      const focused = await page.evaluate<{ name: string | null; text: string }>(FOCUSED);
      return what.name !== undefined ? focused.name === what.name : focused.text === what.text;
    };
    for (let tabs = 0; tabs < most && !(await matches()); tabs += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await matches()).toBe(true);
  };

  beforeAll(async () => {
    const ok = (res: { status: number }) => expect(res.status).toBeLessThan(300);
    const [openBrowserResult] = await Promise.all([
      openBrowser(),
      (async () => {
        ok(await register.municipality(code, 'Stein'));
        ok(
          await register.coordinator(coordinatorId, {
            name: 'Anna Wpn',
            email: `anna.${id}@cjg.example`,
          }),
        );
        ok(
          await register.coordinator(leadId, { name: 'Bram Wpn', email: `bram.${id}@cjg.example` }),
        );
        ok(
          await api(
            'PUT',
            `/handover-leads/${code}`,
            { coordinatorId: leadId },
            { as: callers.ops },
          ),
        );
        ok(
          await api(
            'PUT',
            `/clients/${clientId}`,
            { name: 'Familie Hendriks', email: `ouders.${id}@gezin.example` },
            { as: coordinator },
          ),
        );
      })(),
      register
        .organisation(vt.organisationId!, {
          kind: 'veilig-thuis',
          name: 'Veilig Thuis Zuid-Limburg',
          email: `overdracht.${id}@veiligthuis.example`,
        })
        .then(ok),
      register
        .organisation(gi.organisationId!, {
          kind: 'gi',
          name: 'GI Zuid-Limburg',
          email: `schakel.${id}@gi.example`,
        })
        .then(ok),
      register
        .provider(agbCode, { name: 'Jeugdhulp Maasland', email: `zorg.${id}@zorg.example` })
        .then(ok),
    ]);
    browser = openBrowserResult;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a Veilig Thuis liaison registers a handover: a bad kenmerk is refused at its field, then it opens', async () => {
    const page = await newPage(browser);
    await logIn(page, vt);
    await heading(page, 'Overdrachten van Veilig Thuis');
    // Veilig Thuis starts handovers; proposing a transfer is the GI's.
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Nieuwe overdracht' }).waitFor();
    expect(await menu.getByRole('link', { name: 'Nieuw voorstel' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Nieuwe overdracht registreren' }).click();
    await heading(page, 'Nieuwe overdracht aan het CJG');
    await expectNoViolations(page, 'overdracht-nieuw');
    await screenshot(page, 'overdracht-nieuw');

    const reference = `VT-WPN-${ID}`;
    await page.getByLabel('Kenmerk Veilig Thuis').fill(`VT--${ID}`);
    await page.getByLabel('Urgentie').selectOption('urgent');
    await page.getByLabel('Soort overdracht').selectOption('tijdens-onderzoek');
    await page.getByLabel('Gemeentecode').fill(code);
    await page
      .getByLabel('Veiligheidsvoorwaarden')
      .fill(`Vader woont tijdelijk elders (${id})\nGeen alcohol in huis`);
    await page.getByLabel('Afspraken over monitoring').fill('Veilig Thuis belt na 6 weken');
    await page.getByRole('button', { name: 'Overdracht registreren' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Niet alle velden zijn goed ingevuld.');
    expect(await refusal.innerText()).toContain('Kenmerk Veilig Thuis:');
    expect((await errorAt(page, 'Kenmerk Veilig Thuis')).length).toBeGreaterThan(0);
    await expectNoViolations(page, 'overdracht-nieuw (geweigerd)');
    // Nothing was handed over.
    const before = await api<{ total: number }>('GET', '/handovers', undefined, { as: vt });
    expect(before.body.total).toBe(0);

    await page.getByLabel('Kenmerk Veilig Thuis').fill(reference.toLowerCase());
    await page.getByRole('button', { name: 'Overdracht registreren' }).click();
    await heading(page, /^Overdracht VTH-\d{4}-\d{6}$/);
    const handoverId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(page.url()).toMatch(/\/app\/overdrachten\/VTH-\d{4}-\d{6}$/);
    await page.getByText(`Vader woont tijdelijk elders (${id})`).waitFor();
    const res = await api<Record<string, unknown>>('GET', `/handovers/${handoverId}`, undefined, {
      as: vt,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      handoverId,
      organisationId: vt.organisationId,
      reference,
      urgency: 'urgent',
      handoverType: 'tijdens-onderzoek',
      municipalityCode: code,
      status: 'received',
      texts: {
        safetyConditions: [`Vader woont tijdelijk elders (${id})`, 'Geen alcohol in huis'],
        monitoringAgreements: ['Veilig Thuis belt na 6 weken'],
      },
    });
    await page.context().close();
  });

  it('a GI liaison proposes a Schakeloverleg transfer by keyboard only', async () => {
    const reference = `JB-WPN-${ID}`;
    const transferId = `${gi.organisationId}.${reference}`;
    const measureEndDate = addWorkingDays(today, 40);
    const [year, month, day] = measureEndDate.split('-');
    const page = await newPage(browser);
    await logIn(page, gi);
    await heading(page, 'Schakeloverleg');

    // From the list's heading (focused when the page opens) to the form's link, Enter.
    await tabTo(page, { text: 'Nieuw voorstel voor het Schakeloverleg' });
    await page.keyboard.press('Enter');
    await heading(page, 'Nieuw voorstel voor het Schakeloverleg');
    await expectNoViolations(page, 'schakeloverleg-nieuw');

    await tabTo(page, { name: 'reference' });
    await page.keyboard.type(reference);
    await tabTo(page, { name: 'measure' });
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Maatregel', { exact: true }).inputValue()).toBe('ots');
    await tabTo(page, { name: 'measureEndDate' });
    // A date field in Dutch order, segment by segment.
    await page.keyboard.type(`${day}${month}${year}`);
    expect(await page.getByLabel('Einddatum van de maatregel').inputValue()).toBe(measureEndDate);
    await tabTo(page, { name: 'municipalityCode' });
    await page.keyboard.type(code);
    await tabTo(page, { name: 'clientId' });
    await page.keyboard.type(clientId);
    await tabTo(page, { name: 'familyId' });
    await page.keyboard.type(familyId);
    await tabTo(page, { text: 'Hulp toevoegen' });
    await page.keyboard.press('Enter');
    // The new row's first field has the focus.
    expect((await page.evaluate<{ name: string | null }>(FOCUSED)).name).toBe('care-0-agbCode');
    await page.keyboard.type(agbCode);
    await page.keyboard.press('Tab');
    // From "Kies de productcategorie" down to Jeugdhulp ambulant (45): 40, 41, … 45.
    for (let step = 0; step < 6; step += 1) await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Productcategorie', { exact: true }).inputValue()).toBe('45');
    await expectNoViolations(page, 'schakeloverleg-nieuw (ingevuld)');
    await screenshot(page, 'schakeloverleg-nieuw');
    await tabTo(page, { text: 'Voorstel indienen' });
    await page.keyboard.press('Enter');

    await heading(page, `Schakeloverleg ${transferId}`);
    const res = await api<Record<string, unknown>>('GET', `/transfers/${transferId}`, undefined, {
      as: gi,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      transferId,
      reference,
      municipalityCode: code,
      clientId,
      familyId,
      measure: 'ots',
      measureEndDate,
      care: [{ agbCode, productCategory: '45' }],
      status: 'proposed',
    });
    await page.context().close();
  });

  it('a coordinator starts a VTO and lands on its page', async () => {
    const caseNumber = `VTO-WPN-${ID}`;
    const page = await newPage(browser);
    await logIn(page, coordinator, '/vto');
    await heading(page, 'Verzoeken tot onderzoek');
    await page.getByRole('link', { name: 'Nieuw verzoek tot onderzoek' }).click();
    await heading(page, 'Nieuw verzoek tot onderzoek');
    expect(await page.getByLabel('Coördinator').inputValue()).toBe(coordinatorId);
    expect(await page.getByLabel('Gemeente', { exact: true }).inputValue()).toBe(code);
    // The ground every VTO has is ticked already.
    expect(
      await page
        .getByLabel('(Vermoedens van) een ernstige bedreiging van de ontwikkeling van het kind')
        .isChecked(),
    ).toBe(true);
    await expectNoViolations(page, 'vto-nieuw');
    await screenshot(page, 'vto-nieuw');

    await page.getByLabel('Zaaknummer van het verzoek').fill(caseNumber);
    await page.getByLabel('Cliënt', { exact: true }).fill(clientId);
    await page.getByLabel('Gezin', { exact: true }).fill(familyId);
    await page.getByLabel('Noodzakelijke hulp wordt geweigerd of afgebroken').check();
    await page
      .getByLabel('Toelichting')
      .fill(`Na drie gesprekken en een huisbezoek blijven de zorgen (${id}).`);
    await page.getByRole('button', { name: 'Verzoek indienen' }).click();

    await heading(page, `Verzoek tot onderzoek ${caseNumber}`);
    await page
      .getByText(`Na drie gesprekken en een huisbezoek blijven de zorgen (${id}).`)
      .waitFor();
    const res = await api<Record<string, unknown>>('GET', `/vtos/${caseNumber}`, undefined, {
      as: coordinator,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      caseNumber,
      municipalityCode: code,
      coordinatorId,
      clientId,
      familyId,
      grounds: ['ernstige-ontwikkelingsbedreiging', 'hulp-geweigerd'],
      status: 'parents-to-inform',
    });
    await page.context().close();
  });
});
