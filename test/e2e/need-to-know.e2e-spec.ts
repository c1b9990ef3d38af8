import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { addToDate, amsterdamDate } from '@cjg/domain';
import { freePort } from '../../scripts/stack/process';
import { ManagedProcess, waitUntil } from '../../scripts/stack/process';
import {
  api,
  callers,
  commandPath,
  eventually,
  register,
  sql,
  unique,
  type Caller,
  planSignOff,
} from '../support/e2e';
import { historyTexts } from '../support/histories-scan';

jest.setTimeout(180_000);

/**
 * Need-to-know (Jeugdwet, AVG, NEN 7510): a provider sees its own part of a case and, a while
 * after the case closed, nothing; and no text a person types reaches a workflow history: every
 * free-text field of every process is walked with a marker, and no history payload (decoded)
 * holds one, while PostgreSQL does.
 */
describe('need-to-know and free text out of the histories', () => {
  const id = unique();
  /** In every typed text and nowhere else: not in ids, case numbers or codes. */
  const secret = `zq${randomBytes(6).toString('hex')}`;
  const text = (field: string) => `Tekst ${field} ${secret}`;
  const startedAt = new Date();
  const today = amsterdamDate(startedAt);
  const caseNumber = `CJG-NTK-${id.toUpperCase()}`;
  const coordinatorId = `coord-${id}`;
  const otherCoordinatorId = `coord-b-${id}`;
  const clientId = `client-${id}`;
  const agb = {
    one: String(10_000_000 + Math.floor(Math.random() * 44_999_999)),
    two: String(55_000_000 + Math.floor(Math.random() * 44_999_999)),
    none: '99999998',
  };
  const provider = (agbCode: string): Caller => callers.provider(agbCode);
  const vt = callers.veiligThuis(`vt-${id}`);
  const gi = callers.gi(`gi-${id}`);
  const transferId = `gi-${id}.JB-${id.toUpperCase()}`;
  let refusedHandover = '';
  let heldHandover = '';
  const give = (command: string, body: object, as: Caller = callers.coordinator) =>
    api<Record<string, unknown>>('POST', commandPath(caseNumber, command), body, { as });
  const inzet = { productCategory: '45', omvang: { volume: 4, unit: '04', frequency: '2' } };

  beforeAll(async () => {
    await register.coordinator(coordinatorId, { name: 'Anna', email: `anna.${id}@cjg.example` });
    await register.coordinator(otherCoordinatorId, {
      name: 'Bram',
      email: `bram.${id}@cjg.example`,
    });
    await register.client(clientId, { name: 'Sam', email: `ouders.${id}@gezin.example` });
    await register.provider(agb.one, { name: 'Een', email: `een.${id}@zorg.example` });
    await register.provider(agb.two, { name: 'Twee', email: `twee.${id}@zorg.example` });
    const started = await api('POST', '/trajectories', {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId,
      clientId,
      familyId: `fam-${id}`,
    });
    expect(started.status).toBe(201);

    const steps: Array<[string, object, Caller?]> = [
      ['recordVerdaging', { newDueDate: addToDate(today, 3), reason: text('verdaging') }],
      [
        'agreeResults',
        {
          plan: {
            results: [
              { id: 'school', description: text('resultaat'), measure: text('maat') },
              { id: 'rust', description: text('resultaat2'), measure: text('maat2') },
            ],
            inzet,
          },
        },
      ],
      ['referToProvider', { agbCode: agb.one }],
      ['referToProvider', { agbCode: agb.two }],
      [
        'recordProviderIntake',
        {
          agbCode: agb.one,
          activities: [text('activiteit-een'), text('activiteit-een-b')],
          expectedDurationWeeks: 20,
        },
        provider(agb.one),
      ],
      [
        'recordProviderIntake',
        {
          agbCode: agb.two,
          activities: [text('activiteit-twee')],
          expectedDurationWeeks: 20,
          requestedInzet: { ...inzet, omvang: { ...inzet.omvang, volume: 8 } },
        },
        provider(agb.two),
      ],
      ['decideDivergence', { agbCode: agb.two, accept: false, reason: text('afwijking') }],
      ['signOffPlan', await planSignOff()],
      [
        'issueBeschikking',
        {
          beschikking: {
            number: `B-${id.toUpperCase()}`.slice(0, 40),
            kind: 'zin',
            startDate: today,
            endDate: addToDate(today, 6),
            toewijzingen: [
              { agbCode: agb.one, toewijzingnummer: 'T1', ...inzet },
              { agbCode: agb.two, toewijzingnummer: 'T2', ...inzet },
            ],
          },
        },
      ],
      ['startZorg', { agbCode: agb.one, date: today }, provider(agb.one)],
    ];
    for (const [command, body, as] of steps) {
      const res = await give(command, body, as);
      expect({ command, status: res.status, body: res.status === 200 ? '' : res.body }).toEqual({
        command,
        status: 200,
        body: '',
      });
    }

    // The partner processes, with a marker in each free text they take.
    await register.organisation(`vt-${id}`, {
      kind: 'veilig-thuis',
      name: 'Veilig Thuis',
      email: `vt.${id}@veiligthuis.example`,
    });
    await register.organisation(`gi-${id}`, {
      kind: 'gi',
      name: 'GI',
      email: `gi.${id}@gi.example`,
    });
    await register.organisation(`bp-${id}`, {
      kind: 'beschermingsplein',
      name: 'Beschermingsplein',
      email: `bp.${id}@bp.example`,
    });
    await register.organisation(`raad-${id}`, {
      kind: 'raad',
      name: 'Raad',
      email: `raad.${id}@raad.example`,
    });
    expect(
      (await api('PUT', '/handover-leads/0957', { coordinatorId }, { as: callers.teamLead }))
        .status,
    ).toBe(200);
    const handover = async (reference: string) => {
      const res = await api<{ handoverId: string }>(
        'POST',
        '/handovers',
        {
          reference,
          urgency: 'regular',
          handoverType: 'afschaling',
          municipalityCode: '0957',
          safetyConditions: [text('veiligheid')],
          monitoringAgreements: [text('monitoring')],
        },
        { as: vt },
      );
      expect(res.status).toBe(201);
      return res.body.handoverId;
    };
    refusedHandover = await handover(`VT-R-${id.toUpperCase()}`);
    const refused = await api(
      'POST',
      `/handovers/${refusedHandover}/refuse`,
      { reason: 'outside-region', explanation: [text('weigering')] },
      { as: callers.coordinator },
    );
    expect(refused.status).toBe(200);
    heldHandover = await handover(`VT-H-${id.toUpperCase()}`);
    for (const [command, body] of [
      ['accept', { coordinatorId }],
      [
        'plan-meeting',
        { date: today, time: '10:00', jointHomeVisit: false, clientId, familyId: `fam-${id}` },
      ],
      ['record-meeting', { heldOn: today, jointHomeVisit: false, agreements: [text('afspraak')] }],
    ] as const) {
      const res = await api('POST', `/handovers/${heldHandover}/${command}`, body, {
        as: callers.coordinator,
      });
      expect({ command, status: res.status }).toEqual({ command, status: 200 });
    }
    const vto = await api('POST', '/vtos', {
      caseNumber: `VTO-NTK-${id.toUpperCase()}`,
      municipalityCode: '0957',
      coordinatorId,
      trajectoryCaseNumber: caseNumber,
      grounds: ['ernstige-ontwikkelingsbedreiging'],
      explanation: text('vto'),
    });
    expect(vto.status).toBe(201);
    const transfer = await api(
      'POST',
      '/transfers',
      {
        reference: `JB-${id.toUpperCase()}`,
        municipalityCode: '0957',
        familyId: `fam-${id}`,
        clientId,
        measure: 'ots',
        measureEndDate: addToDate(today, 4),
        care: [{ agbCode: agb.one, productCategory: '45' }],
      },
      { as: gi },
    );
    expect(transfer.status).toBe(201);
  });

  describe('a provider sees its own part', () => {
    it('reads the results it works on, its own intake, toewijzing and care; nothing of the other provider or the coordinator', async () => {
      const res = await api<Record<string, unknown>>(
        'GET',
        `/trajectories/${caseNumber}`,
        undefined,
        {
          as: provider(agb.one),
        },
      );
      expect(res.status).toBe(200);
      const view = res.body;
      expect(view).toMatchObject({
        view: 'provider',
        caseNumber,
        phase: 'beschikking',
        referred: true,
        plan: {
          results: [
            { id: 'school', description: text('resultaat'), measure: text('maat') },
            { id: 'rust', description: text('resultaat2'), measure: text('maat2') },
          ],
        },
        intake: {
          agbCode: agb.one,
          activities: [text('activiteit-een'), text('activiteit-een-b')],
        },
        toewijzingen: [expect.objectContaining({ agbCode: agb.one, toewijzingnummer: 'T1' })],
        care: { startedOn: today },
        evaluations: [],
      });
      expect(view.allowedCommands).toEqual(expect.arrayContaining(['stopZorg']));
      const seen = JSON.stringify(view);
      // Not the other provider, the family's answers, the reasons, the client or the family.
      for (const hidden of [
        agb.two,
        text('activiteit-twee'),
        text('afwijking'),
        text('verdaging'),
        clientId,
        `fam-${id}`,
      ]) {
        expect({ hidden, seen: seen.includes(hidden) }).toEqual({ hidden, seen: false });
      }
      for (const key of [
        'providerIntakes',
        'questionnaires',
        'threeMonthCheck',
        'awb',
        'reviews',
      ]) {
        expect(view).not.toHaveProperty(key);
      }
    });

    it('sees whether its divergence was accepted, not why', async () => {
      const res = await api<Record<string, unknown>>(
        'GET',
        `/trajectories/${caseNumber}`,
        undefined,
        {
          as: provider(agb.two),
        },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        view: 'provider',
        intake: { agbCode: agb.two, divergence: { status: 'refused' } },
      });
      expect(JSON.stringify(res.body)).not.toContain(text('afwijking'));
      expect(JSON.stringify(res.body)).not.toContain(agb.one);
    });

    it('is answered its own part after its own command, and lists only its own part', async () => {
      const res = await give('startZorg', { agbCode: agb.two, date: today }, provider(agb.two));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ view: 'provider', care: { startedOn: today } });
      expect(JSON.stringify(res.body)).not.toContain(agb.one);
      const list = await api<{ items: Array<Record<string, unknown>>; total: number }>(
        'GET',
        `/trajectories?limit=100`,
        undefined,
        { as: provider(agb.one) },
      );
      expect(list.body.total).toBe(list.body.items.length);
      const row = list.body.items.find((item) => item.caseNumber === caseNumber);
      expect(row).toMatchObject({ providerAgbCodes: [agb.one], familyId: null });
    });

    it('the coordinator sees the whole case with every text', async () => {
      const res = await api<Record<string, unknown>>('GET', `/trajectories/${caseNumber}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        view: 'case',
        plan: { results: [{ description: text('resultaat'), measure: text('maat') }, {}] },
        providerIntakes: [
          { agbCode: agb.one, activities: [text('activiteit-een'), text('activiteit-een-b')] },
          {
            agbCode: agb.two,
            activities: [text('activiteit-twee')],
            divergence: { status: 'refused', decisionReason: text('afwijking') },
          },
        ],
        awb: { verdagingen: [{ reason: text('verdaging') }] },
      });
    });

    it('refuses a provider without a part (403)', async () => {
      const res = await api('GET', `/trajectories/${caseNumber}`, undefined, {
        as: provider(agb.none),
      });
      expect(res.status).toBe(403);
    });
  });

  describe('Veilig Thuis and the GI see their own part', () => {
    it('Veilig Thuis reads its handover and the agreements, not the client or family the CJG linked', async () => {
      const res = await api<Record<string, unknown>>(
        'GET',
        `/handovers/${heldHandover}`,
        undefined,
        {
          as: vt,
        },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        view: 'partner',
        status: 'meeting-held',
        coordinatorId,
        texts: { agreements: [text('afspraak')], safetyConditions: [text('veiligheid')] },
      });
      for (const key of ['clientId', 'familyId', 'deliveryProblems']) {
        expect(res.body).not.toHaveProperty(key);
      }
      const asCoordinator = await api<Record<string, unknown>>('GET', `/handovers/${heldHandover}`);
      expect(asCoordinator.body).toMatchObject({ view: 'case', clientId, familyId: `fam-${id}` });
    });

    it('the GI reads its transfer without the letters’ recipients', async () => {
      const res = await api<Record<string, unknown>>('GET', `/transfers/${transferId}`, undefined, {
        as: gi,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ view: 'partner', clientId });
      expect(res.body).not.toHaveProperty('deliveryProblems');
    });
  });

  describe('after the case closed', () => {
    let second: ManagedProcess | undefined;
    let base = '';

    beforeAll(async () => {
      // An API whose providers keep access for two seconds after a case closed (the stack's
      // own keeps the default of three months).
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      second = new ManagedProcess({
        name: 'api-short-access',
        command: process.execPath,
        args: [path.resolve(__dirname, '../../dist/apps/api/src/main.js')],
        env: {
          ...process.env,
          ...(JSON.parse(process.env.E2E_SERVICE_ENV!) as NodeJS.ProcessEnv),
          PORT: String(port),
          RATE_LIMIT_PER_MINUTE: '0',
          PARTNER_ACCESS_AFTER_END: 'PT2S',
        },
        logFile: path.join(process.env.E2E_DATA_DIR!, 'logs', 'api-short-access.log'),
      });
      await waitUntil(
        'the API with short partner access',
        async () => (await fetch(`${base}/health`).catch(() => undefined))?.status === 200,
        60_000,
        second,
      );
      await give('decideCoordination', {
        coordinate: true,
        criteria: {
          typeOfCare: 'ambulant',
          numberOfProducts: 1,
          complexity: 'high',
          helpQuestion: 'clear',
          selfReliance: 'medium',
        },
      });
      const reassigned = await give(
        'reassignCoordinator',
        { coordinatorId: otherCoordinatorId, reason: text('herverdeling') },
        callers.teamLead,
      );
      expect(reassigned.status).toBe(200);
      expect((await give('requestEndEvaluation', { reason: text('einde') })).status).toBe(200);
      expect((await give('withdraw', { reason: text('intrekking') })).status).toBe(200);
      // Care had started: the end evaluation follows the withdrawal (rules of 2026-12), then the case closes.
      const goals = [
        { resultId: 'school', outcome: 'partly' },
        { resultId: 'rust', outcome: 'not' },
      ];
      expect((await give('recordEndEvaluation', { goals, decision: 'close' })).status).toBe(200);
      expect((await give('answerQuestionnaire', { moment: 'end', rating: 2 })).status).toBe(200);
    });

    afterAll(async () => {
      await second?.stop();
    });

    it('a provider keeps reading for the configured time, then no more', async () => {
      const read = () =>
        api<Record<string, unknown>>('GET', `/trajectories/${caseNumber}`, undefined, {
          as: provider(agb.one),
          baseUrl: base,
        });
      const closed = await eventually(read, (res) => res.body.phase === 'closed');
      expect(closed.body).toMatchObject({ view: 'provider', accessEndsAt: expect.any(String) });
      expect(JSON.stringify(closed.body)).not.toContain(text('intrekking'));
      await eventually(read, (res) => res.status === 403, 15_000);
      const list = await eventually(
        () =>
          api<{ items: Array<{ caseNumber: string }> }>(
            'GET',
            '/trajectories?limit=100',
            undefined,
            {
              as: provider(agb.one),
              baseUrl: base,
            },
          ),
        (res) => !res.body.items.some((item) => item.caseNumber === caseNumber),
      );
      expect(list.status).toBe(200);
      // With the default (three months) the same provider still reads it.
      const withDefault = await api('GET', `/trajectories/${caseNumber}`, undefined, {
        as: provider(agb.one),
      });
      expect(withDefault.status).toBe(200);
    });

    it('Veilig Thuis and the GI lose access the configured time after the close', async () => {
      expect(
        (await api('POST', `/transfers/${transferId}/withdraw`, { reason: 'other' }, { as: gi }))
          .status,
      ).toBe(200);
      const handover = () =>
        api('GET', `/handovers/${refusedHandover}`, undefined, { as: vt, baseUrl: base });
      const transfer = () =>
        api('GET', `/transfers/${transferId}`, undefined, { as: gi, baseUrl: base });
      await eventually(handover, (res) => res.status === 403, 15_000);
      await eventually(transfer, (res) => res.status === 403, 15_000);
      const handovers = await api<{ items: Array<{ handoverId: string }> }>(
        'GET',
        '/handovers?limit=100',
        undefined,
        { as: vt, baseUrl: base },
      );
      expect(handovers.body.items.map((h) => h.handoverId)).not.toContain(refusedHandover);
      // The open handover stays, and the stack's own API (three months) still shows both.
      expect(handovers.body.items.map((h) => h.handoverId)).toContain(heldHandover);
      expect(
        (await api('GET', `/handovers/${refusedHandover}`, undefined, { as: vt })).status,
      ).toBe(200);
    });

    it('keeps every typed text in PostgreSQL and none in any workflow history', async () => {
      const stored = await sql<{ items: string[] }>(
        'SELECT items FROM case_text WHERE case_number = $1',
        [caseNumber],
      );
      const kept = stored.flatMap((row) => row.items).join('\n');
      for (const field of [
        'verdaging',
        'resultaat',
        'maat',
        'activiteit-een',
        'activiteit-twee',
        'afwijking',
        'herverdeling',
        'einde',
        'intrekking',
      ]) {
        expect({ field, kept: kept.includes(text(field)) }).toEqual({ field, kept: true });
      }
      const partnerTexts = await sql<{ items: string[] }>(
        `SELECT items FROM veilig_thuis_handover_text WHERE handover_id = ANY($1)
         UNION ALL SELECT jsonb_build_array(explanation) FROM vto_explanation WHERE case_number = $2`,
        [[refusedHandover, heldHandover], `VTO-NTK-${id.toUpperCase()}`],
      );
      const partnerKept = partnerTexts.flatMap((row) => row.items).join('\n');
      for (const field of ['veiligheid', 'monitoring', 'weigering', 'afspraak', 'vto']) {
        expect({ field, kept: partnerKept.includes(text(field)) }).toEqual({ field, kept: true });
      }
      const histories = await historyTexts(startedAt);
      // The scan reads the payloads: the case's own input is in its history.
      expect(histories.find((h) => h.workflowId === `trajectory-${caseNumber}`)?.text).toContain(
        clientId,
      );
      const leaks = histories.filter((h) => h.text.includes(secret)).map((h) => h.workflowId);
      expect(leaks).toEqual([]);
    });
  });
});
