import { readFile } from 'node:fs/promises';
import { addToDate, amsterdamDate } from '@cjg/domain';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { appUrl, axeCheck, logIn, newPage, openBrowser, screenshot } from '../support/browser';
import {
  api,
  callers,
  commandPath,
  eventually,
  planSignOff,
  register,
  sql,
  unique,
  type Caller,
} from '../support/e2e';
import { load } from './reports.data-set';

jest.setTimeout(90_000);

/** The name of the focused element, as a person hears it: its label, aria-label or text. */
const FOCUSED_NAME = `(() => {
  const element = document.activeElement;
  if (!element || element === document.body) return '';
  const label = element.labels?.[0]?.textContent ?? element.getAttribute('aria-label');
  return (label ?? element.textContent ?? '').replace(/\\s+/g, ' ').trim();
})()`;

/**
 * The werkplek of the team lead and ops in Chromium, against the real stack: caseload and
 * reassignment (by keyboard only), the five reports as charts and tables with their CSV, and ops'
 * cases with their Temporal Web UI links, a re-assessment batch and a destruction on request.
 */
describe('werkplek: team lead and ops (Chromium)', () => {
  const id = unique();
  const upper = id.toUpperCase();
  // A municipality of this test's own, so that its reports count only what the test put there.
  const muni = '0878';
  const muniName = 'Lindendal';
  const teamId = `team-${id}`;
  const coordA = `coord-a-${id}`;
  const coordB = `coord-b-${id}`;
  const coordinator: Caller = { role: 'coordinator', sub: coordA, municipalities: [muni] };
  const teamLead: Caller = { role: 'team-lead', sub: `lead-${id}`, municipalities: [muni] };
  const cases = {
    moved: `CJG-WL-${upper}-1`,
    monitoring: `CJG-WL-${upper}-2`,
    ended: `CJG-WL-${upper}-3`,
  };
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const today = amsterdamDate(new Date());
  // A beschikking end of its own, so that the batch of this test matches its own case only.
  const endDate = addToDate(today, 40, Math.floor(Math.random() * 300));
  // The hand-worked data set of the reports (reports.data-set.ts), in this municipality.
  const prefix = `w${id}-`;
  const period = { from: '2026-01-01', to: '2026-06-30' };
  const asCoordinator = { as: coordinator };
  let browser: Browser;

  const command = async (caseNumber: string, name: string, body: object) => {
    const res = await api('POST', commandPath(caseNumber, name), body, asCoordinator);
    expect({ name, status: res.status, body: res.body }).toMatchObject({ name, status: 200 });
  };
  const startCase = async (caseNumber: string, clientId: string, coordinatorId: string) => {
    const res = await api(
      'POST',
      '/trajectories',
      { caseNumber, municipalityCode: muni, coordinatorId, clientId, familyId: `fam-${clientId}` },
      asCoordinator,
    );
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
  };
  const phaseOf = async (caseNumber: string) =>
    (
      await sql<{ phase: string; coordinator_id: string }>(
        'SELECT phase, coordinator_id FROM trajectory WHERE case_number = $1',
        [caseNumber],
      )
    )[0];

  beforeAll(async () => {
    const [opened] = await Promise.all([
      openBrowser(),
      (async () => {
        expect((await register.municipality(muni, muniName)).status).toBeLessThan(300);
        expect(
          (await register.team(teamId, { name: 'Team Lindendal', municipalityCode: muni })).status,
        ).toBeLessThan(300);
        for (const [coordinatorId, name] of [
          [coordA, 'Anna Smit'],
          [coordB, 'Bram Peters'],
        ] as const) {
          const res = await register.coordinator(coordinatorId, {
            name,
            email: `${coordinatorId}@cjg.example`,
            teamId,
          });
          expect(res.status).toBeLessThan(300);
        }
        // Registered by this municipality's coordinator: the registry scopes a client to it.
        for (const n of [1, 2, 3]) {
          const res = await api(
            'PUT',
            `/clients/client-${n}-${id}`,
            { name: `Cliënt ${n}`, email: `client-${n}.${id}@gezin.example` },
            asCoordinator,
          );
          expect(res.status).toBeLessThan(300);
        }
        await register.provider(agbCode, { name: 'Zorg Lindendal', email: `z.${id}@zorg.example` });
        await load((text, values) => sql(text, values), { prefix, muni, withLookups: false });
      })(),
    ]);
    browser = opened;

    const inzet = { productCategory: '45', omvang: { volume: 2, unit: '04', frequency: '2' } };
    await Promise.all([
      // 1: in intake with Anna (to be moved to Bram); 3: Bram's, withdrawn (to be destroyed).
      startCase(cases.moved, `client-1-${id}`, coordA),
      (async () => {
        await startCase(cases.ended, `client-3-${id}`, coordB);
        await command(cases.ended, 'withdraw', { reason: 'Het gezin trekt de aanvraag in' });
      })(),
      // 2: Anna's, coordinated and in monitoring with a beschikking that ends on endDate.
      (async () => {
        await startCase(cases.monitoring, `client-2-${id}`, coordA);
        await command(cases.monitoring, 'agreeResults', {
          plan: { results: [{ id: 'r1', description: 'Rust in huis', measure: 'cijfer' }], inzet },
        });
        await command(cases.monitoring, 'recordProviderIntake', {
          agbCode,
          activities: ['begeleiding'],
          expectedDurationWeeks: 20,
        });
        await command(cases.monitoring, 'signOffPlan', await planSignOff());
        await command(cases.monitoring, 'issueBeschikking', {
          beschikking: {
            number: `B-${upper}`,
            kind: 'zin',
            startDate: today,
            endDate,
            toewijzingen: [{ agbCode, toewijzingnummer: 'T1', ...inzet }],
          },
        });
        await command(cases.monitoring, 'decideCoordination', {
          coordinate: true,
          criteria: {
            typeOfCare: 'ambulant',
            numberOfProducts: 1,
            complexity: 'high',
            helpQuestion: 'clear',
            selfReliance: 'high',
          },
        });
      })(),
    ]);
    // The pages read the read model: wait until it has all three.
    await eventually(
      () => Promise.all(Object.values(cases).map(phaseOf)),
      (rows) =>
        rows[0]?.phase === 'intake' &&
        rows[1]?.phase === 'monitoring' &&
        rows[2]?.phase === 'withdrawn',
    );
  });

  afterAll(async () => {
    await browser?.close();
    // The data set's rows (not the cases with a workflow, which stay like every test's).
    const loaded = `SELECT case_number FROM trajectory WHERE case_number LIKE '${prefix.toUpperCase()}%'`;
    for (const table of [
      'client_answer',
      'trajectory_care',
      'trajectory_review',
      'trajectory_toewijzing',
      'trajectory_beschikking',
    ]) {
      await sql(`DELETE FROM ${table} WHERE case_number IN (${loaded})`);
    }
    await sql(`DELETE FROM trajectory WHERE case_number LIKE $1`, [`${prefix.toUpperCase()}%`]);
    await sql(`DELETE FROM client WHERE id LIKE $1`, [`${prefix}%`]);
    await sql(`DELETE FROM coordinator WHERE id LIKE $1`, [`${prefix}%`]);
  });

  /**
   * Presses Tab (Shift+Tab with `back`) until the focused element is named `name` (its label,
   * aria-label or text).
   */
  async function tabTo(page: Page, name: string, back = false, max = 60): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const focused = await page.evaluate<string>(FOCUSED_NAME);
      if (focused === name) return;
    }
    throw new Error(`"${name}" was not reached with Tab`);
  }

  /** Clicks the CSV button and answers the file's name and text. */
  async function downloadCsv(page: Page, button: Locator): Promise<{ name: string; text: string }> {
    const [download] = (await Promise.all([page.waitForEvent('download'), button.click()])) as [
      Download,
      unknown,
    ];
    const file = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
  }

  /** The report as the API gives it as CSV to the same person. */
  async function apiCsv(caller: Caller, report: string, query: string): Promise<string> {
    const res = await api<string>('GET', `/reports/${report}?${query}&format=csv`, undefined, {
      as: caller,
    });
    expect(res.status).toBe(200);
    return res.body;
  }

  const firstLine = (csv: string) => csv.split('\r\n')[0];

  /** The cells of a table row, by the text of its row header, once the row is there. */
  const rowCells = async (page: Page, caption: string, header: string) => {
    const row = page
      .getByRole('table', { name: caption })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: header, exact: true }) });
    await row.waitFor();
    return row.getByRole('cell').allInnerTexts();
  };

  it('shows a team lead the caseload with a chart, a table and its CSV, and each coordinator’s cases', async () => {
    const page = await newPage(browser);
    await logIn(page, teamLead);
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
    const caption = /^Zaken per coördinator/;
    await page.getByRole('table', { name: caption }).waitFor();
    // Anna: cases 1 and 2 open; Bram: case 3 registered and withdrawn today.
    const annaRow = page
      .getByRole('table', { name: caption })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: `Zaken van ${coordA}` }) });
    expect(await annaRow.getByRole('cell').allInnerTexts()).toEqual([
      'Team Lindendal',
      '2',
      '2',
      '2',
      '0',
    ]);
    const bramRow = page
      .getByRole('table', { name: caption })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: `Zaken van ${coordB}` }) });
    expect(await bramRow.getByRole('cell').allInnerTexts()).toEqual([
      'Team Lindendal',
      '0',
      '1',
      '1',
      '1',
    ]);
    const chart = page.getByRole('img', { name: /^Open zaken per coördinator/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain(`${coordA}: 2 zaken`);
    expect(await page.locator('figure figcaption').first().innerText()).toMatch(
      /^Open zaken per coördinator op /,
    );
    expect((await axeCheck(page, 'caseload')).violations).toEqual([]);
    await screenshot(page, 'caseload');

    const csv = await downloadCsv(
      page,
      page.getByRole('button', { name: 'CSV downloaden (caseload)' }),
    );
    expect(csv.name).toMatch(/^caseload-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(firstLine(csv.text)).toBe(
      'level,teamId,teamName,coordinatorId,coordinators,open,active,started,closed,openPerCoordinator',
    );
    expect(csv.text).toContain(`coordinator,${teamId},Team Lindendal,${coordA},,2,2,2,0,`);
    await page
      .getByRole('status')
      .filter({ hasText: `Gedownload: ${csv.name}` })
      .waitFor();

    // Anna's cases, and one of them opened.
    await page.getByRole('link', { name: `Zaken van ${coordA}` }).click();
    await page
      .getByRole('heading', { level: 1, name: `Zaken van Anna Smit (${coordA})` })
      .waitFor();
    await page.getByRole('link', { name: cases.monitoring, exact: true }).waitFor();
    expect((await axeCheck(page, 'zaken-van-coordinator')).violations).toEqual([]);
    await page.getByRole('link', { name: cases.moved, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(cases.moved) }).waitFor();
  });

  it('lets a team lead move a case to another coordinator by keyboard alone, and shows a refusal', async () => {
    const page = await newPage(browser);
    await logIn(page, teamLead);
    await page.getByRole('table', { name: /^Zaken per coördinator/ }).waitFor();
    // From the caseload to Anna's cases, to the form, and through it: Tab, type and Enter only.
    await tabTo(page, `Zaken van ${coordA}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Zaken van Anna Smit/ }).waitFor();
    await page.getByRole('link', { name: `Overdragen ${cases.moved}` }).waitFor();
    await tabTo(page, `Overdragen ${cases.moved}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Zaak ${cases.moved} overdragen` }).waitFor();
    await page.getByLabel('Nieuwe coördinator').waitFor();
    expect((await axeCheck(page, 'overdragen')).violations).toEqual([]);

    // A coordinator the registry does not know: the API refuses, and the page says why.
    await tabTo(page, 'Nieuwe coördinator');
    await page.keyboard.type(`coord-onbekend-${id}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Langdurig verlof van Anna');
    await tabTo(page, 'Zaak overdragen');
    await page.keyboard.press('Enter');
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    // The API's reason, in Dutch by its code (not-registered): the coordinator is not known.
    expect(await refusal.innerText()).toContain('Dit is niet (of nog niet) geregistreerd.');
    expect((await axeCheck(page, 'overdragen-geweigerd')).violations).toEqual([]);
    expect((await phaseOf(cases.moved))?.coordinator_id).toBe(coordA);

    await tabTo(page, 'Nieuwe coördinator', true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(coordB);
    await tabTo(page, 'Zaak overdragen');
    await page.keyboard.press('Enter');
    await page.getByText('De zaak is overgedragen').waitFor();
    expect(
      await page.getByRole('status').filter({ hasText: 'overgedragen' }).innerText(),
    ).toContain(`${cases.moved} is nu van ${coordB}`);
    const after = await api<{ coordinatorId: string }>(
      'GET',
      `/trajectories/${cases.moved}`,
      undefined,
      { as: teamLead },
    );
    expect(after.body.coordinatorId).toBe(coordB);
    await eventually(
      () => phaseOf(cases.moved),
      (row) => row?.coordinator_id === coordB,
    );
  });

  it('shows a team lead each report as charts and tables for a chosen period, with its CSV', async () => {
    const page = await newPage(browser);
    await logIn(page, teamLead, '/rapportages');
    await page.getByRole('heading', { level: 1, name: 'Rapportages' }).waitFor();
    expect((await axeCheck(page, 'rapportages')).violations).toEqual([]);

    // Waiting times: the period chosen in the form (the data set's first half of 2026).
    await page.getByRole('link', { name: 'Wachttijden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachttijden' }).waitFor();
    await page.getByRole('button', { name: /^CSV downloaden/ }).waitFor();
    await page.getByLabel('Van', { exact: true }).fill(period.from);
    await page.getByLabel('Tot en met', { exact: true }).fill(period.to);
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.getByText('Periode: 1 jan 2026 tot en met 30 jun 2026.').waitFor();
    expect(new URL(page.url()).search).toBe(`?van=${period.from}&tot=${period.to}`);
    // reports.e2e-spec.ts works these out: 7 trajectories, mean 37.4, median 30, p90 64, max 70.
    const caption = 'Wachttijd van aanvraag tot eerste beschikking, in dagen';
    expect(await rowCells(page, caption, 'Totaal')).toEqual(['7', '37,4', '30', '64', '70', '2']);
    expect(await rowCells(page, caption, muniName)).toEqual(['7', '37,4', '30', '64', '70', '2']);
    expect(
      await page.getByRole('img', { name: /^Mediaan van de wachttijd/ }).getAttribute('aria-label'),
    ).toBe('Mediaan van de wachttijd, in dagen. Lindendal: 30 dagen');
    expect((await axeCheck(page, 'rapportage-wachttijden')).violations).toEqual([]);
    await screenshot(page, 'rapportages');
    const query = `from=${period.from}&to=${period.to}`;
    const waiting = await downloadCsv(
      page,
      page.getByRole('button', { name: 'CSV downloaden (wachttijden)' }),
    );
    expect(waiting.name).toBe(`waiting-times-${period.from}-${period.to}.csv`);
    expect(firstLine(waiting.text)).toBe(
      'municipalityCode,municipalityName,trajectories,meanDays,medianDays,p90Days,maxDays,overEightWeeks',
    );
    expect(waiting.text).toBe(await apiCsv(teamLead, 'waiting-times', query));

    // The other four, opened by their address with the same period.
    const reports: Array<[string, string, string, string]> = [
      ['te-laat', 'Te laat', 'overdue', 'te laat'],
      ['verwijzingen', 'Verwijzingen', 'referrals', 'verwijzingen'],
      ['doelrealisatie', 'Doelrealisatie', 'goal-attainment', 'doelrealisatie'],
      ['clientoordeel', 'Oordeel van cliënten', 'client-ratings', 'cliëntoordeel'],
    ];
    for (const [slug, title, report, file] of reports) {
      await page.goto(appUrl(`/rapportages/${slug}?van=${period.from}&tot=${period.to}`));
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const button = page.getByRole('button', { name: `CSV downloaden (${file})` });
      await button.waitFor();
      const charts = page.getByRole('figure');
      expect(await charts.count()).toBeGreaterThanOrEqual(1);
      for (const chart of await charts.all()) {
        expect(await chart.locator('figcaption').innerText()).not.toBe('');
        expect(await chart.getByRole('img').count()).toBe(1);
      }
      expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(1);
      expect((await axeCheck(page, `rapportage-${slug}`)).violations).toEqual([]);
      const csv = await downloadCsv(page, button);
      expect(csv.name).toBe(`${report}-${period.from}-${period.to}.csv`);
      const expected = await apiCsv(teamLead, report, query);
      expect(firstLine(csv.text)).toBe(firstLine(expected));
      expect(csv.text.split('\r\n')).toHaveLength(expected.split('\r\n').length);
    }

    // Doelrealisatie of the data set: 4 end evaluations, 8 of 14 goals (57.1 %), 1 all reached.
    await page.goto(appUrl(`/rapportages/doelrealisatie?van=${period.from}&tot=${period.to}`));
    expect(
      await rowCells(page, 'Doelrealisatie per gemeente bij de eindevaluatie', 'Totaal'),
    ).toEqual(['4', '14', '8', '57,1%', '1', '25%']);
    // Verwijzingen: the table's total is the API's.
    const referrals = await api<{ total: { referrals: number; trajectories: number } }>(
      'GET',
      `/reports/referrals?${query}`,
      undefined,
      { as: teamLead },
    );
    await page.goto(appUrl(`/rapportages/verwijzingen?van=${period.from}&tot=${period.to}`));
    expect(await rowCells(page, 'Verwijzingen per periode en productcategorie', 'Totaal')).toEqual([
      '',
      String(referrals.body.total.referrals),
      String(referrals.body.total.trajectories),
    ]);
  });

  it('gives ops the cases with their Temporal link, a re-assessment batch and a destruction', async () => {
    const config = await api<{ temporalUi?: { url: string; namespace: string } }>(
      'GET',
      '/auth/config',
      undefined,
      { as: null },
    );
    const temporalUi = config.body.temporalUi!;
    expect(temporalUi.url).toMatch(/^https?:\/\//);
    const workflowUrl = (workflowId: string) =>
      `${temporalUi.url}/namespaces/${temporalUi.namespace}/workflows/${encodeURIComponent(workflowId)}`;

    const page = await newPage(browser);
    await logIn(page, callers.ops);
    await page.getByRole('heading', { level: 1, name: 'Zaken' }).waitFor();
    await page.getByLabel('Gemeente').fill(muni);
    await page.getByRole('button', { name: 'Toon' }).click();
    const link = page.getByRole('link', {
      name: new RegExp(`^Workflow van ${cases.moved} in Temporal`),
    });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(workflowUrl(`trajectory-${cases.moved}`));
    expect((await axeCheck(page, 'zaken-beheer')).violations).toEqual([]);

    // A re-assessment batch over this test's window, started in the app.
    const batchId = `b-${id}`;
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Herbeoordelingen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Herbeoordelingen' }).waitFor();
    await page.getByRole('button', { name: 'Ronde starten' }).waitFor();
    expect((await axeCheck(page, 'herbeoordelingen')).violations).toEqual([]);
    await page.getByLabel('Naam van de ronde').fill(batchId);
    await page.getByLabel('Beschikking eindigt op of na').fill(endDate);
    await page.getByLabel('Beschikking eindigt op of voor').fill(endDate);
    await page.getByLabel('Coördinatoren besluiten uiterlijk op').fill(addToDate(today, 0, 14));
    await page.getByLabel('Gemeente').fill(muni);
    await page.getByRole('button', { name: 'Ronde starten' }).click();
    await page.getByRole('heading', { level: 1, name: `Herbeoordeling ${batchId}` }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Stand: Klaar' }).waitFor();
    const facts = async () =>
      Object.fromEntries(
        await page
          .locator('.utrecht-data-list__item')
          .evaluateAll((items) =>
            items.map((item) => [
              item.querySelector('dt')?.textContent ?? '',
              item.querySelector('dd')?.textContent ?? '',
            ]),
          ),
      ) as Record<string, string>;
    expect(await facts()).toMatchObject({
      'Gevonden zaken': '1',
      'Vraag vastgelegd': '1',
      Geweigerd: '0',
      'Nog niet verwerkt': '0',
    });
    const batchLink = page.getByRole('link', {
      name: new RegExp(`^Workflow van ronde ${batchId}`),
    });
    expect(await batchLink.getAttribute('href')).toBe(workflowUrl(`reassessment-batch-${batchId}`));
    expect((await axeCheck(page, 'herbeoordeling')).violations).toEqual([]);
    await screenshot(page, 'herbeoordeling');

    // GET /reassessments lists it (ops only; from the visibility store, so it may lag a little).
    const listed = await eventually(
      () =>
        api<{ items: Array<{ batchId: string; workflowId: string; municipalityCode: string }> }>(
          'GET',
          '/reassessments',
          undefined,
          { as: callers.ops },
        ),
      (res) => res.status === 200 && res.body.items.some((item) => item.batchId === batchId),
    );
    expect(listed.body.items.find((item) => item.batchId === batchId)).toMatchObject({
      workflowId: `reassessment-batch-${batchId}`,
      municipalityCode: muni,
    });
    expect((await api('GET', '/reassessments', undefined, { as: teamLead })).status).toBe(403);
    expect((await api('GET', '/reassessments', undefined, { as: null })).status).toBe(401);
    const audited = await sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE request_id = $1`,
      [listed.headers.get('x-request-id')],
    );
    expect(audited).toEqual([{ action: 'read:reassessment-batches' }]);
    await page.getByRole('link', { name: 'Alle rondes' }).click();
    await page.getByRole('link', { name: batchId, exact: true }).waitFor();

    // A destruction on request, from the withdrawn case in the list; an open case is refused.
    await page.goto(appUrl(`/?gemeente=${muni}&fase=withdrawn`));
    await page.getByRole('link', { name: `Vernietigen ${cases.ended}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Vernietiging op verzoek' }).waitFor();
    expect(await page.getByLabel('Zaaknummer').inputValue()).toBe(cases.ended);
    expect((await axeCheck(page, 'vernietiging')).violations).toEqual([]);
    await page.getByLabel('Registratienummer van het verzoek').fill(`AVG-${upper}`);
    await page.getByRole('button', { name: 'Gegevens vernietigen' }).click();
    await page.getByText('Bevestig eerst dat het verzoek is beoordeeld.').waitFor();
    await page.getByLabel('Zaaknummer').fill(cases.monitoring);
    await page.getByLabel(/^Het verzoek is beoordeeld/).check();
    await page.getByRole('button', { name: 'Gegevens vernietigen' }).click();
    // Refused in Dutch by its code (case-still-open): the client still has an open trajectory.
    const refused = page
      .getByRole('alert')
      .filter({ hasText: 'De cliënt heeft nog een open traject' });
    await refused.waitFor();
    expect((await phaseOf(cases.monitoring))?.phase).toBe('monitoring');

    await page.getByLabel('Zaaknummer').fill(cases.ended);
    await page.getByRole('button', { name: 'Gegevens vernietigen' }).click();
    await page.getByText('De persoonsgegevens zijn vernietigd.').waitFor();
    expect(await facts()).toMatchObject({
      Zaak: cases.ended,
      Cliënt: `client-3-${id}`,
      'Vernietigd in de zaken': cases.ended,
    });
    const destructionLink = page.getByRole('link', {
      name: new RegExp(`^Workflow destruction-${cases.ended} in Temporal`),
    });
    expect(await destructionLink.getAttribute('href')).toBe(
      workflowUrl(`destruction-${cases.ended}`),
    );
    expect((await axeCheck(page, 'vernietiging-uitgevoerd')).violations).toEqual([]);
    const [client] = await sql<{ email: string | null }>('SELECT email FROM client WHERE id = $1', [
      `client-3-${id}`,
    ]);
    expect(client?.email).toBeNull();
  });
});
