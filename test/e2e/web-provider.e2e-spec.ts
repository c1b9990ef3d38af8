import type { Browser, Page } from 'playwright-core';
import { addToDate, addWorkingDays, amsterdamDate } from '@cjg/domain';
import { appUrl, axeCheck, logIn, newPage, openBrowser, screenshot } from '../support/browser';
import {
  api,
  callers,
  commandPath,
  eventually,
  ownMunicipality,
  planSignOff,
  register,
  unique,
  type Caller,
} from '../support/e2e';

jest.setTimeout(90_000);

interface ProviderRow {
  caseNumber: string;
  nextDueAt: string | null;
  nextDueKind: string | null;
  overdue: boolean;
}

interface ProviderView {
  view: string;
  phase: string;
  intake?: { activities: string[]; expectedDurationWeeks: number };
  care: { startedOn?: string; stoppedOn?: string; stopReason?: string };
  pendingDeadlines: Array<{ kind: string; at: string; overdue: boolean }>;
  evaluations: Array<{ kind: string; outcomes: Array<{ resultId: string; outcome: string }> }>;
}

/**
 * The werkplek for a provider, in Chromium against the real stack: its referrals and cases with
 * what it is asked for and by when, its part of a case, and its commands as forms (intake, start
 * and stop zorg); the coordinator's steps in between go through the API.
 */
describe('werkplek: a provider’s referrals and its part of a case (Chromium)', () => {
  const id = unique();
  const ID = id.toUpperCase();
  const gemeente = ownMunicipality('0307', 'Amersfoort', `wp-${id}`);
  const coordinator = gemeente.coordinator;
  const agb = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const otherAgb = String(10_000_000 + ((Number(agb) + 7_654_321) % 89_999_999));
  const provider = callers.provider(agb);
  /** The case the provider works in; another referral of it; a case of another provider. */
  const cases = { main: `CJG-WEBP-${ID}-1`, later: `CJG-WEBP-${ID}-2`, other: `CJG-WEBP-${ID}-3` };
  const plan = {
    results: [
      { id: 'school', description: 'Noor gaat weer naar school', measure: 'vier van vijf dagen' },
      { id: 'rust', description: 'Rust in huis', measure: 'ouders geven een 7 of hoger' },
    ],
    inzet: { productCategory: '45', omvang: { volume: 4, unit: '04', frequency: '2' } },
  };
  const today = amsterdamDate(new Date());
  const beschikking = {
    number: `B-WEBP-${ID}`,
    kind: 'zin',
    startDate: addToDate(today, 0, -1),
    endDate: addToDate(today, 6),
    toewijzingen: [
      {
        agbCode: agb,
        toewijzingnummer: 'T1',
        productCategory: '45',
        omvang: { volume: 4, unit: '04', frequency: '2' },
      },
    ],
  };

  let browser: Browser;
  let page: Page;

  const give = async (caseNumber: string, command: string, body: object, as: Caller) => {
    const res = await api('POST', commandPath(caseNumber, command), body, { as });
    expect({ command, status: res.status }).toEqual({ command, status: 200 });
  };
  const providerRows = async () =>
    (
      await api<{ items: ProviderRow[] }>(
        'GET',
        '/trajectories?sort=nextDueAt&limit=100',
        undefined,
        { as: provider },
      )
    ).body.items ?? [];
  const providerView = async (caseNumber: string) =>
    (await api<ProviderView>('GET', `/trajectories/${caseNumber}`, undefined, { as: provider }))
      .body;
  /** A date as the page formats it, by the browser's own Intl (Dutch, Amsterdam). */
  const shownDate = (instant: string) =>
    page.evaluate(
      (value) =>
        new Intl.DateTimeFormat('nl-NL', {
          dateStyle: 'medium',
          timeZone: 'Europe/Amsterdam',
        }).format(new Date(value)),
      instant,
    );
  const rowOf = (caseNumber: string) =>
    page.getByRole('row').filter({ has: page.getByRole('link', { name: caseNumber }) });

  beforeAll(async () => {
    await gemeente.register('Fatima el Amrani');
    for (const [code, name] of [
      [agb, 'Jeugdhulp De Eem'],
      [otherAgb, 'Gezinshuis Leusden'],
    ] as const) {
      expect((await register.provider(code, { name, email: `${code}@zorg.example` })).status).toBe(
        200,
      );
    }
    for (const [i, caseNumber] of Object.values(cases).entries()) {
      await gemeente.start(caseNumber, {
        id: `client-wp-${id}-${i}`,
        name: `Noor Visser ${i}`,
        email: `ouders.${id}.${i}@gezin.example`,
      });
      await give(caseNumber, 'agreeResults', { plan }, coordinator);
    }
    await give(cases.main, 'referToProvider', { agbCode: agb }, coordinator);
    await give(cases.later, 'referToProvider', { agbCode: agb }, coordinator);
    await give(cases.other, 'referToProvider', { agbCode: otherAgb }, coordinator);
    // The read model has the referrals (the projection follows each change).
    await eventually(providerRows, (rows) => rows.length === 2);
    browser = await openBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the provider its referrals on its start page, with the day its intake is due', async () => {
    const rows = await providerRows();
    expect(rows.map((r) => r.caseNumber).sort()).toEqual([cases.main, cases.later]);
    const main = rows.find((r) => r.caseNumber === cases.main)!;
    // Its own due item, not the CJG's Awb clock: the intake, 10 working days after the referral.
    expect(main).toMatchObject({ nextDueKind: 'provider-intake', overdue: false });
    expect(amsterdamDate(new Date(main.nextDueAt!))).toBe(addWorkingDays(today, 10));

    await logIn(page, provider);
    await page.getByRole('heading', { level: 1, name: 'Verwijzingen en zaken' }).waitFor();
    await rowOf(cases.main).waitFor();
    const cells = await rowOf(cases.main).getByRole('cell').allInnerTexts();
    expect(cells).toEqual([
      'Intake vastleggen (plan deel 2)',
      await shownDate(main.nextDueAt!),
      'Op tijd',
      'Resultaten afgesproken',
      '0307',
    ]);
    // Only its own cases: not the other provider's.
    expect(await page.getByRole('link', { name: cases.other }).count()).toBe(0);
    expect((await axeCheck(page, 'aanbieder-start')).violations).toEqual([]);
    await screenshot(page, 'aanbieder-start');
  });

  it('opens the case and records the intake (plan deel 2) in the app', async () => {
    await page.getByRole('link', { name: cases.main }).click();
    await page.getByRole('heading', { level: 1, name: `Zaak ${cases.main}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Plan deel 1' }).waitFor();
    expect(await page.getByRole('table', { name: 'De resultaten' }).innerText()).toContain(
      'Noor gaat weer naar school',
    );
    const asked = page.getByRole('table', { name: 'Wat u moet doen, en uiterlijk wanneer' });
    expect(await asked.innerText()).toContain('Intake vastleggen (plan deel 2)');
    expect((await axeCheck(page, 'aanbieder-zaak-intake')).violations).toEqual([]);

    await page
      .getByLabel('Wat gaat u doen?')
      .fill('Wekelijkse gezinsbegeleiding thuis\nOverleg met de mentor over school');
    await page.getByLabel('Verwachte duur in weken').fill('26');
    await page.getByRole('button', { name: 'Intake vastleggen' }).click();
    await page.getByText('Uw intake (plan deel 2) is vastgelegd.').waitFor();
    // The view is read again: the intake shows, and its form is gone.
    await page.getByText('Overleg met de mentor over school').waitFor();
    expect(await page.getByRole('button', { name: 'Intake vastleggen' }).count()).toBe(0);
    const view = await providerView(cases.main);
    expect(view).toMatchObject({
      phase: 'provider-intake',
      intake: {
        activities: ['Wekelijkse gezinsbegeleiding thuis', 'Overleg met de mentor over school'],
        expectedDurationWeeks: 26,
      },
      pendingDeadlines: [],
    });
  });

  it('starts zorg after the beschikking, showing the API’s refusal in Dutch first', async () => {
    await give(cases.main, 'signOffPlan', await planSignOff(), coordinator);
    await give(cases.main, 'issueBeschikking', { beschikking }, coordinator);
    await page.reload();
    const start = page.getByRole('form', { name: 'Start zorg doorgeven' });
    await start.waitFor();
    expect(await page.getByRole('table', { name: 'Uw toewijzingen' }).innerText()).toContain(
      beschikking.number,
    );

    // Before the beschikking's period: the workflow refuses, nothing changes.
    await start.getByLabel('Eerste dag van de zorg').fill(addToDate(today, 0, -10));
    await start.getByRole('button', { name: 'Start zorg doorgeven' }).click();
    const refusal = start.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Dit kan niet worden verwerkt.');
    expect((await providerView(cases.main)).care).toEqual({});

    await start.getByLabel('Eerste dag van de zorg').fill(today);
    await start.getByRole('button', { name: 'Start zorg doorgeven' }).click();
    await page.getByText('De start van de zorg is doorgegeven.').waitFor();
    await page.getByRole('form', { name: 'Stop zorg doorgeven' }).waitFor();
    expect(await page.getByRole('form', { name: 'Start zorg doorgeven' }).count()).toBe(0);
    expect((await providerView(cases.main)).care).toEqual({ startedOn: today });
    expect((await axeCheck(page, 'aanbieder-zaak')).violations).toEqual([]);
    await screenshot(page, 'aanbieder-zaak');
  });

  it('stops zorg by keyboard alone; the end evaluation is then asked of it', async () => {
    const stop = page.getByRole('form', { name: 'Stop zorg doorgeven' });
    /** What has the focus, as `TAG:name` (or `TAG:text` for a button). */
    const focused = async () =>
      String(
        await page.evaluate(`(() => {
          const element = document.activeElement;
          return (element?.tagName ?? '') + ':' +
            (element?.getAttribute('name') || element?.textContent || '');
        })()`),
      );
    /** Tab until the element named `target` has the focus (a date field has three stops). */
    const tabTo = async (target: string) => {
      for (let i = 0; i < 8 && (await focused()) !== target; i += 1) {
        await page.keyboard.press('Tab');
      }
      expect(await focused()).toBe(target);
    };
    // The date field keeps its default (today); from it on, keys only.
    await stop.getByLabel('Laatste dag van de zorg').focus();
    await tabTo('SELECT:reason');
    await page.keyboard.type('Levering is v');
    expect(await stop.getByLabel('Reden van beëindiging').inputValue()).toBe('02');
    await tabTo('BUTTON:Stop zorg doorgeven');
    await page.keyboard.press('Enter');
    await page.getByText('Het einde van de zorg is doorgegeven.').waitFor();

    const view = await providerView(cases.main);
    expect(view).toMatchObject({
      phase: 'end-evaluation',
      care: { startedOn: today, stoppedOn: today, stopReason: '02' },
      pendingDeadlines: [{ kind: 'end-evaluation', overdue: false }],
    });
    const asked = page.getByRole('table', { name: 'Wat u moet doen, en uiterlijk wanneer' });
    expect(await asked.innerText()).toContain('Eindevaluatie aanleveren');
    await page.getByRole('form', { name: 'Evaluatie aanleveren' }).waitFor();
  });

  it('lists the case whose item is due first on top', async () => {
    // The end evaluation (due within the minute on this stack) before the other intake.
    await eventually(providerRows, (rows) => rows[0]?.nextDueKind === 'end-evaluation');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Verwijzingen en zaken' }).waitFor();
    const caseLinks = page.getByRole('table').getByRole('link');
    await caseLinks.first().waitFor();
    expect(await caseLinks.allInnerTexts()).toEqual([cases.main, cases.later]);
    expect(await rowOf(cases.main).getByRole('cell').first().innerText()).toBe(
      'Eindevaluatie aanleveren',
    );
  });

  it('reports its end evaluation in the app; then nothing is asked of it', async () => {
    await page.getByRole('link', { name: cases.main }).click();
    const form = page.getByRole('form', { name: 'Evaluatie aanleveren' });
    await form.waitFor();
    expect(await form.getByLabel('Soort evaluatie').inputValue()).toBe('end');
    await form.getByLabel('Noor gaat weer naar school').selectOption('reached');
    await form.getByLabel('Rust in huis').selectOption('partly');
    await form.getByRole('button', { name: 'Evaluatie aanleveren' }).click();
    await page.getByText('Uw eindevaluatie is aangeleverd.').waitFor();
    await page.getByText('Er staat nu niets voor u open met een termijn.').waitFor();
    expect(await page.getByRole('table', { name: 'Uw evaluaties' }).innerText()).toContain(
      'Noor gaat weer naar school: bereikt; Rust in huis: deels bereikt',
    );
    expect(await providerView(cases.main)).toMatchObject({
      pendingDeadlines: [],
      evaluations: [
        {
          kind: 'end',
          outcomes: [
            { resultId: 'school', outcome: 'reached' },
            { resultId: 'rust', outcome: 'partly' },
          ],
        },
      ],
    });
  });

  it('does not open a case of another provider', async () => {
    await page.goto(appUrl(`/zaken/${cases.other}`));
    await page.getByRole('heading', { level: 1, name: `Zaak ${cases.other}` }).waitFor();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    // The API answers 403 (this provider has no part in the case); nothing of the case shows.
    expect(await refusal.innerText()).toContain('U mag dit niet doen of zien met uw rol.');
    expect(await page.getByRole('heading', { name: 'Plan deel 1' }).count()).toBe(0);
  });
});
