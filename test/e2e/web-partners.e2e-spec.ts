import { addWorkingDays, amsterdamDate, isWorkingDay } from '@cjg/domain';
import { TRAJECTORY_TASK_QUEUE } from '@cjg/temporal';
import type { beschermingspleinAgendaWorkflow } from '@cjg/workflows';
import {
  BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
  beschermingspleinAgendaWorkflowId,
} from '@cjg/workflows/vto.definitions';
import type { Browser, Page } from 'playwright-core';
import { axeCheck, logIn, newPage, openBrowser, screenshot } from '../support/browser';
import {
  api,
  callers,
  eventually,
  register,
  unique,
  withTemporal,
  type Caller,
} from '../support/e2e';

jest.setTimeout(120_000);

/**
 * The werkplek's partner pages in Chromium against the real stack: a Veilig Thuis liaison's
 * inbox and a withdrawal made by keyboard only; the CJG accepting (after a refusal the API
 * answers in Dutch), planning and recording the warm handover and closing it; a GI liaison
 * seeing its transfer and moving the measure's end, the CJG planning the Schakeloverleg; the VTO
 * page, the parents informed, the beschermingsplein agenda after an agenda run and the
 * decision. Every page passes axe (WCAG 2.1 AA). The cases are set up through the API.
 */
describe('werkplek: the partners (Chromium)', () => {
  const id = unique();
  const ID = id.toUpperCase();
  // A municipality of this test alone, so that its lists hold its own cases only.
  const code = '1883';
  const coordinatorId = `coord-wp-${id}`;
  const coordinator: Caller = { role: 'coordinator', sub: coordinatorId, municipalities: [code] };
  const leadId = `lead-wp-${id}`;
  const vt = callers.veiligThuis(`vt-wp-${id}`);
  const gi = callers.gi(`gi-wp-${id}`);
  const clientId = `client-wp-${id}`;
  const familyId = `fam-wp-${id}`;
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const beschermingspleinId = `bp-wp-${id}`;
  const raadId = `raad-wp-${id}`;
  const today = amsterdamDate(new Date());
  let browser: Browser;

  const expectNoViolations = async (page: Page, name: string) =>
    expect((await axeCheck(page, name)).violations).toEqual([]);
  const heading = (page: Page, name: string) =>
    page.getByRole('heading', { level: 1, name }).waitFor();
  /** The value next to a term of the page's facts (a <dt>/<dd> pair). */
  const fact = (page: Page, term: string) =>
    page.locator('.utrecht-data-list__item', { has: page.getByText(term, { exact: true }) });

  beforeAll(async () => {
    browser = await openBrowser();
    const ok = (res: { status: number }) => expect(res.status).toBeLessThan(300);
    ok(
      await api('PUT', `/municipalities/${code}`, { name: 'Sittard-Geleen' }, { as: callers.ops }),
    );
    ok(
      await register.coordinator(coordinatorId, {
        name: 'Anna Wp',
        email: `anna.${id}@cjg.example`,
      }),
    );
    ok(await register.coordinator(leadId, { name: 'Bram Wp', email: `bram.${id}@cjg.example` }));
    ok(await api('PUT', `/handover-leads/${code}`, { coordinatorId: leadId }, { as: callers.ops }));
    ok(
      await register.organisation(vt.organisationId!, {
        kind: 'veilig-thuis',
        name: 'Veilig Thuis Zuid-Limburg',
        email: `overdracht.${id}@veiligthuis.example`,
      }),
    );
    ok(
      await register.organisation(gi.organisationId!, {
        kind: 'gi',
        name: 'GI Zuid-Limburg',
        email: `schakel.${id}@gi.example`,
      }),
    );
    ok(
      await register.organisation(beschermingspleinId, {
        kind: 'beschermingsplein',
        name: 'Beschermingsplein Westelijke Mijnstreek',
        email: `secretariaat.${id}@beschermingsplein.example`,
      }),
    );
    ok(
      await register.organisation(raadId, {
        kind: 'raad',
        name: 'Raad voor de Kinderbescherming, regio Limburg',
        email: `intake.${id}@raad.example`,
      }),
    );
    ok(
      await register.provider(agbCode, {
        name: 'Jeugdhulp Westhoek',
        email: `zorg.${id}@zorg.example`,
      }),
    );
    ok(
      await api(
        'PUT',
        `/clients/${clientId}`,
        { name: 'Familie Peters', email: `ouders.${id}@gezin.example` },
        { as: coordinator },
      ),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('Veilig Thuis handovers', () => {
    let kept = '';
    let withdrawn = '';

    beforeAll(async () => {
      const handOver = async (reference: string, urgency: 'regular' | 'urgent') => {
        const res = await api<{ handoverId: string }>(
          'POST',
          '/handovers',
          {
            reference,
            urgency,
            handoverType: 'afschaling',
            municipalityCode: code,
            safetyConditions: [`Vader woont tijdelijk bij opa (${id})`],
            monitoringAgreements: ['Veilig Thuis belt na 6 weken met moeder'],
          },
          { as: vt },
        );
        expect(res.status).toBe(201);
        return res.body.handoverId;
      };
      kept = await handOver(`VT-WP-${ID}`, 'regular');
      withdrawn = await handOver(`VT-WP-${ID}-2`, 'urgent');
      // The inbox reads the read model, which the workflows write a moment later.
      await eventually(
        () =>
          api<{ items: Array<{ handoverId: string }> }>('GET', '/handovers', undefined, { as: vt }),
        (res) =>
          [kept, withdrawn].every((h) => res.body.items.some((item) => item.handoverId === h)),
      );
    });

    it('a Veilig Thuis liaison sees its handovers and withdraws one, by keyboard only', async () => {
      const page = await newPage(browser);
      await logIn(page, vt);
      await heading(page, 'Overdrachten van Veilig Thuis');
      const inbox = page.getByRole('table');
      await inbox.getByRole('link', { name: kept }).waitFor();
      await inbox.getByRole('link', { name: withdrawn }).waitFor();
      const urgentRow = page.getByRole('row', { name: new RegExp(withdrawn) });
      expect(await urgentRow.innerText()).toContain('Spoed');
      expect(await urgentRow.innerText()).toContain('Overnemen of weigeren door het CJG');
      await expectNoViolations(page, 'overdrachten (Veilig Thuis)');
      await screenshot(page, 'overdrachten');

      await inbox.getByRole('link', { name: withdrawn }).click();
      await heading(page, `Overdracht ${withdrawn}`);
      await page.getByText(`Vader woont tijdelijk bij opa (${id})`).waitFor();
      // Veilig Thuis withdraws; accepting is the CJG's.
      expect(await page.getByRole('button', { name: 'Overdracht overnemen' }).count()).toBe(0);
      await expectNoViolations(page, 'overdracht (Veilig Thuis)');

      // Keyboard only: from the page's heading (focused when the page opens) by Tab to the
      // reason, an arrow key to choose it, Tab to the button, Enter.
      for (let tabs = 0; tabs < 15; tabs += 1) {
        await page.keyboard.press('Tab');
        const name = await page.locator(':focus').getAttribute('name');
        if (name === 'reason') break;
      }
      expect(await page.locator(':focus').getAttribute('name')).toBe('reason');
      await page.keyboard.press('ArrowDown');
      expect(await page.getByLabel('Reden van intrekken').inputValue()).toBe(
        'veilig-thuis-continues',
      );
      await page.keyboard.press('Tab');
      expect(await page.locator(':focus').textContent()).toBe('Overdracht intrekken');
      await page.keyboard.press('Enter');
      await page.getByText('De overdracht is ingetrokken.').waitFor();
      await fact(page, 'Status').getByText('Ingetrokken').waitFor();
      expect(
        await fact(page, 'Ingetrokken, reden')
          .getByText('Veilig Thuis houdt of neemt de zaak zelf')
          .count(),
      ).toBe(1);
      const res = await api<{ status: string }>('GET', `/handovers/${withdrawn}`, undefined, {
        as: vt,
      });
      expect(res.body.status).toBe('withdrawn');
      await page.context().close();
    });

    it('the CJG is refused in Dutch, then accepts, plans and records the warm handover and closes it', async () => {
      const page = await newPage(browser);
      await logIn(page, coordinator, '/overdrachten');
      await heading(page, 'Overdrachten van Veilig Thuis');
      await page.getByRole('link', { name: kept }).click();
      await heading(page, `Overdracht ${kept}`);
      await expectNoViolations(page, 'overdracht (CJG)');

      // Not competent without saying whose case it is: the API refuses (422), shown in Dutch.
      await page.getByLabel('Reden', { exact: true }).selectOption('not-competent');
      await page.getByRole('button', { name: 'Overdracht niet overnemen' }).click();
      const refusal = page.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.innerText()).toContain('Dit kan niet worden verwerkt.');
      await expectNoViolations(page, 'overdracht (geweigerd verzoek)');
      expect(
        (await api<{ status: string }>('GET', `/handovers/${kept}`, undefined, { as: coordinator }))
          .body.status,
      ).toBe('received');

      expect(await page.getByLabel('Coördinator').inputValue()).toBe(coordinatorId);
      await page.getByRole('button', { name: 'Overdracht overnemen' }).click();
      await page.getByText('De overdracht is overgenomen.').waitFor();
      await fact(page, 'Status').getByText('Overgenomen').waitFor();

      await page.getByLabel('Datum', { exact: true }).fill(today);
      await page.getByLabel('Tijd').fill('14:30');
      await page.getByLabel('Gezamenlijk huisbezoek met Veilig Thuis').check();
      await page.getByLabel('Cliënt').fill(clientId);
      await page.getByLabel('Gezin').fill(familyId);
      await page.getByRole('button', { name: 'Warme overdracht plannen' }).click();
      await page.getByText('De warme overdracht is gepland.', { exact: false }).waitFor();
      await fact(page, 'Status').getByText('Warme overdracht gepland').waitFor();

      expect(await page.getByLabel('Gehouden op').inputValue()).toBe(today);
      await page
        .getByLabel('Gemaakte afspraken')
        .fill(`Moeder belt de coördinator elke vrijdag (${id})\nVader ziet de kinderen begeleid`);
      await page.getByRole('button', { name: 'Warme overdracht vastleggen' }).click();
      await page.getByText('De warme overdracht is vastgelegd.', { exact: false }).waitFor();
      await fact(page, 'Status').getByText('Warme overdracht gehouden').waitFor();
      await page.getByText(`Moeder belt de coördinator elke vrijdag (${id})`).waitFor();
      await expectNoViolations(page, 'overdracht (warme overdracht gehouden)');
      await screenshot(page, 'overdracht');

      await page.getByRole('button', { name: 'Afsluiten met basisondersteuning' }).click();
      await page.getByText('De overdracht is afgesloten met basisondersteuning.').waitFor();
      await fact(page, 'Status').getByText('Basisondersteuning').waitFor();
      const res = await api<Record<string, unknown>>('GET', `/handovers/${kept}`, undefined, {
        as: coordinator,
      });
      expect(res.body).toMatchObject({
        status: 'basic-support',
        coordinatorId,
        clientId,
        familyId,
        meeting: { planned: { date: today, time: '14:30', jointHomeVisit: true } },
        texts: {
          agreements: [
            `Moeder belt de coördinator elke vrijdag (${id})`,
            'Vader ziet de kinderen begeleid',
          ],
        },
        outcome: { decision: 'basic-support' },
      });
      await page.context().close();
    });
  });

  describe('Schakeloverleg', () => {
    const reference = `JB-WP-${ID}`;
    const transferId = `${gi.organisationId}.${reference}`;
    const measureEndDate = addWorkingDays(today, 40);
    const meetingDate = isWorkingDay(today) ? today : addWorkingDays(today, 1);

    beforeAll(async () => {
      const proposed = await api(
        'POST',
        '/transfers',
        {
          reference,
          municipalityCode: code,
          familyId,
          clientId,
          measure: 'ots',
          measureEndDate,
          care: [{ agbCode, productCategory: '45' }],
        },
        { as: gi },
      );
      expect(proposed.status).toBe(201);
      // The list reads Temporal's visibility store, a second or so behind.
      await eventually(
        () =>
          api<{ items: Array<{ transferId: string }> }>('GET', '/transfers', undefined, { as: gi }),
        (res) => res.body.items.some((item) => item.transferId === transferId),
      );
    });

    it('a GI liaison sees its transfer and moves the end of the measure; the CJG plans the Schakeloverleg', async () => {
      const page = await newPage(browser);
      await logIn(page, gi);
      await heading(page, 'Schakeloverleg');
      const row = page.getByRole('row', { name: new RegExp(transferId.replace(/\./g, '\\.')) });
      await row.waitFor();
      expect(await row.innerText()).toContain('Voorgesteld');
      await expectNoViolations(page, 'schakeloverleg (GI)');
      await screenshot(page, 'schakeloverleg');

      await row.getByRole('link', { name: transferId }).click();
      await heading(page, `Schakeloverleg ${transferId}`);
      await fact(page, 'Maatregel').getByText('Ondertoezichtstelling (OTS)').waitFor();
      // Planning is the CJG's; the GI changes the end date or withdraws.
      expect(await page.getByRole('button', { name: 'Schakeloverleg plannen' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Voorstel intrekken' }).waitFor();
      await expectNoViolations(page, 'schakeloverleg-voorstel (GI)');
      const extended = addWorkingDays(today, 45);
      await page.getByLabel('Nieuwe einddatum', { exact: true }).fill(extended);
      await page.getByRole('button', { name: 'Einddatum wijzigen' }).click();
      await page.getByText('De nieuwe einddatum van de maatregel is vastgelegd.').waitFor();
      await eventually(
        () =>
          api<{ measureEndDate: string }>('GET', `/transfers/${transferId}`, undefined, { as: gi }),
        (res) => res.body.measureEndDate === extended,
      );
      await page.context().close();

      const cjg = await newPage(browser);
      await logIn(cjg, coordinator, '/schakeloverleg');
      await heading(cjg, 'Schakeloverleg');
      await cjg.getByRole('link', { name: transferId }).click();
      await heading(cjg, `Schakeloverleg ${transferId}`);
      await expectNoViolations(cjg, 'schakeloverleg-voorstel (CJG)');
      await cjg.getByLabel('Datum van het Schakeloverleg').fill(meetingDate);
      expect(await cjg.getByLabel('Coördinator').inputValue()).toBe(coordinatorId);
      await cjg.getByRole('button', { name: 'Schakeloverleg plannen' }).click();
      await cjg.getByText('Het Schakeloverleg is gepland.', { exact: false }).waitFor();
      await fact(cjg, 'Status').getByText('Gepland').waitFor();
      const res = await api<Record<string, unknown>>('GET', `/transfers/${transferId}`, undefined, {
        as: coordinator,
      });
      expect(res.body).toMatchObject({
        status: 'planned',
        coordinatorId,
        meeting: { date: meetingDate },
      });
      await cjg.context().close();
    });
  });

  describe('VTO and the beschermingsplein', () => {
    const caseNumber = `VTO-WP-${ID}`;

    beforeAll(async () => {
      const proposed = await api(
        'POST',
        '/vtos',
        {
          caseNumber,
          municipalityCode: code,
          coordinatorId,
          clientId,
          familyId,
          grounds: ['ernstige-ontwikkelingsbedreiging', 'hulp-geweigerd'],
          explanation: `Na drie gesprekken blijven de zorgen bestaan (${id}).`,
        },
        { as: coordinator },
      );
      expect(proposed.status).toBe(201);
      await eventually(
        () =>
          api<{ items: Array<{ caseNumber: string }> }>('GET', '/vtos', undefined, {
            as: coordinator,
          }),
        (res) => res.body.items.some((item) => item.caseNumber === caseNumber),
      );
    });

    it('opens the VTO, records the parents informed, shows the agenda after the agenda run and records the decision', async () => {
      const page = await newPage(browser);
      await logIn(page, coordinator, '/vto');
      await heading(page, 'Verzoeken tot onderzoek');
      await page
        .getByRole('row', { name: new RegExp(caseNumber) })
        .getByText('Ouders informeren')
        .waitFor();
      await expectNoViolations(page, 'verzoeken tot onderzoek');

      await page.getByRole('link', { name: caseNumber }).click();
      await heading(page, `Verzoek tot onderzoek ${caseNumber}`);
      await page.getByText(`Na drie gesprekken blijven de zorgen bestaan (${id}).`).waitFor();
      await page.getByText('Noodzakelijke hulp wordt geweigerd of afgebroken').waitFor();
      await expectNoViolations(page, 'vto');
      await screenshot(page, 'vto');

      expect(await page.getByLabel('Geïnformeerd op').inputValue()).toBe(today);
      await page.getByLabel('Hoe zijn de ouders geïnformeerd?').selectOption('conversation');
      await page.getByRole('button', { name: 'Vastleggen', exact: true }).click();
      await page.getByText('Vastgelegd dat de ouders zijn geïnformeerd.').waitFor();
      await fact(page, 'Status').getByText('Wacht op de agenda').waitFor();
      await eventually(
        () =>
          api<{ items: Array<{ caseNumber: string }> }>(
            'GET',
            '/vtos?status=awaiting-agenda',
            undefined,
            { as: coordinator },
          ),
        (res) => res.body.items.some((item) => item.caseNumber === caseNumber),
      );

      // The weekly agenda run, as the schedule starts it, here for a meeting today.
      const agenda = await withTemporal((client) =>
        client.workflow.execute<typeof beschermingspleinAgendaWorkflow>(
          BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
          {
            workflowId: `${beschermingspleinAgendaWorkflowId(today)}-wp-${id}`,
            taskQueue: TRAJECTORY_TASK_QUEUE,
            args: [{ meetingDate: today, beschermingspleinId, raadId }],
          },
        ),
      );
      expect(agenda.placed).toContain(caseNumber);
      await eventually(
        () =>
          api<{ items: Array<{ caseNumber: string }> }>(
            'GET',
            `/vtos?status=on-agenda&meetingDate=${today}`,
            undefined,
            { as: coordinator },
          ),
        (res) => res.body.items.some((item) => item.caseNumber === caseNumber),
      );

      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Agenda beschermingsplein' })
        .click();
      await heading(page, 'Agenda beschermingsplein');
      const meeting = page.getByRole('region', { name: /^Vergadering van / });
      await meeting.getByRole('link', { name: caseNumber }).waitFor();
      await expectNoViolations(page, 'agenda beschermingsplein');
      await screenshot(page, 'beschermingsplein');

      await meeting.getByRole('link', { name: caseNumber }).click();
      await heading(page, `Verzoek tot onderzoek ${caseNumber}`);
      await fact(page, 'Status').getByText('Op de agenda').waitFor();
      await page.getByLabel('Besluit', { exact: true }).selectOption('not-send');
      await page
        .getByLabel('Reden om niet te versturen')
        .selectOption('vrijwillig-kader-voldoende');
      await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
      await page.getByText('Het besluit van het beschermingsplein is vastgelegd.').waitFor();
      await fact(page, 'Status').getByText('Niet verstuurd').waitFor();
      await expectNoViolations(page, 'vto (besloten)');
      const res = await api<Record<string, unknown>>('GET', `/vtos/${caseNumber}`, undefined, {
        as: coordinator,
      });
      expect(res.body).toMatchObject({
        status: 'not-sent',
        parents: { informedOn: today, how: 'conversation', recordedBy: coordinatorId },
        decision: {
          decision: 'not-send',
          reason: 'vrijwillig-kader-voldoende',
          meetingDate: today,
        },
      });
      await page.context().close();
    });
  });
});
