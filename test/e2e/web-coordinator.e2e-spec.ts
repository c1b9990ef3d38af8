import type { Browser, Locator, Page } from 'playwright-core';
import { amsterdamDate } from '@cjg/domain';
import { axeCheck, logIn, newPage, openBrowser, screenshot } from '../support/browser';
import {
  api,
  callers,
  commandPath,
  ownMunicipality,
  planSignOff,
  register,
  unique,
} from '../support/e2e';

jest.setTimeout(90_000);

/**
 * The coordinator's werkplek in Chromium against the real stack: a new client and trajectory in
 * one flow, then the case walked from intake to closed with the case page's forms. What is the
 * provider's to do (its intake, start and stop zorg, its end evaluation) the test does through
 * the API as the provider, as it would from its own werkplek.
 */
describe('werkplek: a coordinator walks a case from start to closed (Chromium)', () => {
  const id = unique();
  const caseNumber = `CJG-WEB-${id.toUpperCase()}`;
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const utrecht = ownMunicipality('0344', 'Utrecht', `web-${id}`);
  const coordinator = utrecht.coordinator;
  const provider = callers.provider(agbCode);
  const judged = (outcome: string) => [
    { resultId: 'r1', outcome },
    { resultId: 'r2', outcome },
  ];
  let browser: Browser;
  let page: Page;

  /** The provider's step, through the API with its own token. */
  const asProvider = async (command: string, body: object) => {
    const res = await api('POST', commandPath(caseNumber, command), body, { as: provider });
    expect({ command, status: res.status, body: res.body }).toMatchObject({ status: 200 });
  };

  /** The current phase on the phase line (aria-current="step"). */
  const currentPhase = () =>
    page.locator('nav[aria-label="Fasen van de zaak"] [aria-current="step"]');

  /** One command's form: its disclosure opened. */
  const openForm = async (command: string): Promise<Locator> => {
    const form = page.locator(`details[data-command="${command}"]`);
    await form.locator('summary').click();
    return form;
  };

  /** Submits a form and waits until the page says it was recorded and shows the new phase. */
  const submitAndExpect = async (form: Locator, button: string, done: string, phase: string) => {
    await form.getByRole('button', { name: button }).click();
    await page.getByRole('status').filter({ hasText: done }).waitFor();
    await currentPhase().filter({ hasText: phase }).waitFor();
  };

  /** Reads the case again until `text` shows (letters go out while the page is open). */
  const reloadUntil = async (locator: Locator) => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if ((await locator.count()) > 0) return;
      await page.getByRole('button', { name: 'Zaak opnieuw laden' }).click();
      await page.waitForTimeout(200);
    }
    await locator.first().waitFor({ timeout: 1 });
  };

  /** axe with every command form of the page open, then closed again. */
  const axeWithFormsOpen = async (name: string) => {
    const toggle = (open: boolean) =>
      page.evaluate(
        `document.querySelectorAll('details[data-command]').forEach((d) => { d.open = ${open}; })`,
      );
    await toggle(true);
    expect(await page.locator('details[data-command][open]').count()).toBeGreaterThan(1);
    expect((await axeCheck(page, name)).violations).toEqual([]);
    await toggle(false);
  };

  const table = (caption: string) =>
    page.locator('table').filter({ has: page.locator('caption', { hasText: caption }) });

  /** The row of a letter (its Dutch name) to a recipient, with exactly this delivery status. */
  const letter = (kind: string, recipient: string, status = 'Verstuurd') =>
    table('Brieven van deze zaak')
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: kind, exact: true }) })
      .filter({ has: page.getByRole('cell', { name: recipient }) })
      .filter({ has: page.getByText(status, { exact: true }) });

  beforeAll(async () => {
    await utrecht.register('Anna de Vries');
    expect(
      (
        await register.provider(agbCode, {
          name: 'Jeugdhulp Midden',
          email: `z.${id}@zorg.example`,
        })
      ).status,
    ).toBe(200);
    await planSignOff();
    browser = await openBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers a new client and starts the trajectory in one flow', async () => {
    await logIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: 'Werkbak' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Nieuw traject' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw traject' }).waitFor();
    expect((await axeCheck(page, 'nieuw-traject')).violations).toEqual([]);

    await page.getByLabel('Naam van de cliënt').fill('Sam Jansen');
    await page.getByLabel('BSN').fill('111222333');
    await page.getByLabel('Geboortedatum').fill('2014-05-17');
    await page.getByRole('button', { name: 'Ouder of verzorger toevoegen' }).click();
    const carer = page.getByRole('group', { name: 'Ouder of verzorger 1' });
    await carer.getByLabel('Naam').fill('Maria Jansen');
    await carer.getByLabel('Relatie').selectOption('ouder');
    await carer.getByLabel('E-mailadres').fill(`maria.${id}@gezin.example`);
    await page.getByLabel('Zaaknummer').fill(caseNumber);
    expect((await axeCheck(page, 'nieuw-traject (ingevuld)')).violations).toEqual([]);
    await screenshot(page, 'nieuw-traject');
    await page.getByRole('button', { name: 'Cliënt registreren en traject starten' }).click();

    await page.getByRole('heading', { level: 1, name: `Zaak ${caseNumber}` }).waitFor();
    await currentPhase().filter({ hasText: 'Intake' }).waitFor();
    // The client by name, read from the register (an audited read), with its id.
    await page.locator('dd').filter({ hasText: 'Sam Jansen (client-' }).waitFor();
    // The Awb decision clock runs from the start: its warning and its deadline, with their dates.
    const deadlines = table('Lopende termijnen');
    await deadlines
      .getByRole('rowheader', { name: 'Beslistermijn bijna om (beschikking)' })
      .waitFor();
    await deadlines
      .getByRole('rowheader', { name: 'Beslistermijn verstreken (beschikking)' })
      .waitFor();
    expect(await deadlines.locator('tbody tr').first().innerText()).toMatch(/\d{4}/);
    // The intake letter to the coordinator goes out while the page is open.
    await reloadUntil(letter('Aanmelding geregistreerd', `Coördinator (${coordinator.sub})`));
    expect((await axeCheck(page, 'zaak (intake)')).violations).toEqual([]);
    await axeWithFormsOpen('zaak (intake, formulieren open)');

    // The client is registered with its carer, as the coordinator typed them.
    const view = await api<{ clientId: string; familyId: string }>(
      'GET',
      `/trajectories/${caseNumber}`,
      undefined,
      { as: coordinator },
    );
    expect(view.status).toBe(200);
    const client = await api<{ name: string; bsn: string; carers: Array<{ name: string }> }>(
      'GET',
      `/clients/${view.body.clientId}`,
      undefined,
      { as: coordinator },
    );
    expect(client.body).toMatchObject({
      name: 'Sam Jansen',
      bsn: '111222333',
      carers: [{ name: 'Maria Jansen' }],
    });
    expect(view.body.familyId).toBe(view.body.clientId.replace(/^client-/, 'fam-'));
  });

  it('agrees the results, and refers by keyboard alone', async () => {
    const agree = await openForm('agreeResults');
    const first = agree.getByRole('group', { name: 'Resultaat 1' });
    await first
      .getByLabel('Wat wil het gezin bereiken?', { exact: true })
      .fill('Sam gaat weer naar school');
    await first
      .getByLabel('Hoe beoordelen we of het is bereikt?', { exact: true })
      .fill('Aanwezig 4 van 5 dagen');
    await agree.getByRole('button', { name: 'Nog een resultaat' }).click();
    const second = agree.getByRole('group', { name: 'Resultaat 2' });
    await second.getByLabel('Wat wil het gezin bereiken?', { exact: true }).fill('Rust in huis');
    await second
      .getByLabel('Hoe beoordelen we of het is bereikt?', { exact: true })
      .fill('Ouders geven een 7');
    await agree.getByLabel('Omvang', { exact: true }).fill('4');
    await submitAndExpect(
      agree,
      'Resultaten vastleggen',
      'Resultaten afgesproken',
      'Resultaten afgesproken',
    );
    await table('Afgesproken resultaten').getByText('Sam gaat weer naar school').waitFor();

    // Keyboard only: from the page's message, Tab to the referral, open it, type, submit.
    const focused = (selector: string) =>
      page.evaluate(
        `document.activeElement !== null && document.activeElement.matches(${JSON.stringify(selector)})`,
      );
    const referral = 'details[data-command="referToProvider"]';
    for (let presses = 0; presses < 30; presses += 1) {
      if (await focused(`${referral} > summary`)) break;
      await page.keyboard.press('Tab');
    }
    expect(await focused(`${referral} > summary`)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(`${referral} input[inputmode="numeric"]`)).toBe(true);
    await page.keyboard.type(agbCode);
    await page.keyboard.press('Tab');
    expect(await focused(`${referral} button[type="submit"]`)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Verwezen naar een aanbieder' }).waitFor();
    await table('Aanbieders in deze zaak')
      .getByRole('rowheader', { name: `AGB ${agbCode}` })
      .waitFor();
    await reloadUntil(letter('Verwijzing', `Aanbieder (AGB ${agbCode})`));
  });

  it('shows the API refusal in Dutch, then signs off and issues the beschikking', async () => {
    await asProvider('recordProviderIntake', {
      agbCode,
      activities: ['gezinsbegeleiding thuis'],
      expectedDurationWeeks: 26,
    });
    await page.getByRole('button', { name: 'Zaak opnieuw laden' }).click();
    await currentPhase().filter({ hasText: 'Intake aanbieder' }).waitFor();
    // Not offered before the sign-off, and the page says why.
    expect(await page.locator('details[data-command="issueBeschikking"]').count()).toBe(0);
    await page
      .getByText(
        'De beschikking kan pas als een BPP’er of gedragswetenschapper plan deel 1 heeft afgetekend.',
      )
      .waitFor();

    const signOff = await openForm('signOffPlan');
    await signOff.getByLabel('Professional', { exact: true }).fill(`gw-onbekend-${id}`);
    await signOff.getByRole('button', { name: 'Aftekenen' }).click();
    const refusal = signOff.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Dit kan niet worden verwerkt.');
    expect((await axeCheck(page, 'zaak (weigering)')).violations).toEqual([]);
    expect(await currentPhase().innerText()).toContain('Intake aanbieder');
    await signOff
      .getByLabel('Professional', { exact: true })
      .fill((await planSignOff()).professionalId);
    await submitAndExpect(signOff, 'Aftekenen', 'Plan deel 1 afgetekend', 'Intake aanbieder');

    await axeWithFormsOpen('zaak (intake aanbieder, formulieren open)');
    const issue = await openForm('issueBeschikking');
    await issue.getByLabel('Beschikkingnummer', { exact: true }).fill(`B-${id.toUpperCase()}`);
    await submitAndExpect(issue, 'Beschikking afgeven', 'Beschikking afgegeven', 'Beschikking');
    const end = await page.locator('dd').filter({ hasText: 'tot en met' }).innerText();
    expect(end).toContain(String(Number(amsterdamDate(new Date()).slice(0, 4)) + 1));
    await table('Toewijzingen van beschikking')
      .getByRole('rowheader', { name: `AGB ${agbCode}` })
      .waitFor();
    await table('Lopende termijnen')
      .getByRole('rowheader', { name: 'Einde beschikking' })
      .waitFor();
    await reloadUntil(letter('Beschikking', `Aanbieder (AGB ${agbCode})`));
    await reloadUntil(letter('Beschikking', 'Ouder of verzorger 1'));
    expect((await axeCheck(page, 'zaak (beschikking)')).violations).toEqual([]);
    await screenshot(page, 'zaak');
  });

  it('decides on coordination, ends the care and closes the case', async () => {
    const decide = await openForm('decideCoordination');
    await decide.getByLabel('Besluit', { exact: true }).selectOption('false');
    await submitAndExpect(decide, 'Besluit vastleggen', 'Besloten over coördinatie', 'Monitoring');
    const today = amsterdamDate(new Date());
    await asProvider('startZorg', { agbCode, date: today });

    const request = await openForm('requestEndEvaluation');
    await request.getByLabel('Reden', { exact: true }).fill('De resultaten zijn bereikt');
    await submitAndExpect(
      request,
      'Eindevaluatie starten',
      'Eindevaluatie gestart',
      'Eindevaluatie',
    );
    await asProvider('reportEvaluation', { agbCode, kind: 'end', outcomes: judged('reached') });
    await asProvider('stopZorg', { agbCode, date: today, reason: '02' });
    await page.getByRole('button', { name: 'Zaak opnieuw laden' }).click();
    await table('Aanbieders in deze zaak')
      .getByText(/gestopt op/)
      .waitFor();

    const record = await openForm('recordEndEvaluation');
    await record.getByLabel('Resultaat 2: Rust in huis', { exact: true }).selectOption('partly');
    await submitAndExpect(
      record,
      'Eindevaluatie vastleggen',
      'Eindevaluatie vastgelegd',
      'Eindevaluatie',
    );

    const answer = await openForm('answerQuestionnaire');
    await answer.getByLabel('Vragenlijst', { exact: true }).selectOption('end');
    await answer.getByLabel('Cijfer voor de hulp', { exact: true }).selectOption('4');
    await submitAndExpect(
      answer,
      'Antwoord vastleggen',
      'Antwoord op de vragenlijst vastgelegd',
      'Afgesloten',
    );
    await page.getByText('De zaak is afgesloten: er is niets meer te doen.').waitFor();
    expect(await table('Lopende termijnen').count()).toBe(0);
    await page.getByText('Er lopen geen termijnen.').waitFor();

    // What happened when: every step, by whom, in order.
    const timeline = table('Wat er gebeurde');
    const steps = await timeline.getByRole('rowheader').allInnerTexts();
    const order = [
      'Traject gestart',
      'Resultaten afgesproken (plan deel 1)',
      'Verwezen naar een aanbieder',
      'Intake van de aanbieder vastgelegd (plan deel 2)',
      'Plan deel 1 afgetekend',
      'Beschikking afgegeven',
      'Besloten over coördinatie en opvolging',
      'Start zorg vastgelegd',
      'Eindevaluatie gestart',
      'Stop zorg vastgelegd',
      'Eindevaluatie vastgelegd',
      'Antwoord op de vragenlijst vastgelegd',
    ];
    expect(steps.filter((step) => order.includes(step))).toEqual(order);
    await timeline
      .locator('tr', { hasText: 'Intake van de aanbieder vastgelegd' })
      .getByText('Aanbieder', { exact: true })
      .waitFor();
    await reloadUntil(letter('Einde traject', 'Ouder of verzorger 1'));
    await reloadUntil(letter('Einde traject', `Coördinator (${coordinator.sub})`));
    expect((await axeCheck(page, 'zaak (afgesloten)')).violations).toEqual([]);

    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Werkbak' })
      .click();
    // The werkbak reads the read model, which follows the case a moment later.
    const closedRow = page
      .locator('tr', { has: page.getByRole('link', { name: caseNumber }) })
      .filter({ hasText: 'Afgesloten' });
    for (let attempt = 0; attempt < 20 && (await closedRow.count()) === 0; attempt += 1) {
      await page.waitForTimeout(250);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Werkbak' }).waitFor();
    }
    await closedRow.waitFor();
    expect((await axeCheck(page, 'werkbak (met zaak)')).violations).toEqual([]);
    await screenshot(page, 'werkbak');
  });
});
