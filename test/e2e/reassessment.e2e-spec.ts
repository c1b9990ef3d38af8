import { addToDate, amsterdamDate } from '@cjg/domain';
import { api, caughtMail, eventually, sql, unique } from '../support/e2e';

jest.setTimeout(60_000);

/** 001: a policy re-assessment over running trajectories, through the real stack. */
describe('policy re-assessment of running trajectories', () => {
  const id = unique();
  const caseNumber = `CJG-RE-${id.toUpperCase()}`;
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const clientEmail = `ouders.${id}@gezin.example`;
  const today = amsterdamDate(new Date());
  // A window of its own, so other tests' trajectories do not match.
  const endDate = addToDate(today, 36, Math.floor(Math.random() * 300));
  const path = (command: string) => `/trajectories/${caseNumber}/commands/${command}`;
  const batch = {
    batchId: `b-${id}`,
    decideBy: addToDate(today, 0, 14),
    beschikkingEndFrom: endDate,
    beschikkingEndTo: endDate,
  };

  beforeAll(async () => {
    await api('PUT', `/coordinators/coord-${id}`, {
      name: 'Anna',
      email: `anna.${id}@cjg.example`,
    });
    await api('PUT', `/clients/client-${id}`, { name: 'Sam', email: clientEmail });
    await api('PUT', `/providers/${agbCode}`, { name: 'Aanbieder', email: `a.${id}@zorg.example` });
    await api('POST', '/trajectories', {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId: `coord-${id}`,
      clientId: `client-${id}`,
      familyId: `fam-${id}`,
    });
    const inzet = { productCategory: '45', omvang: { volume: 2, unit: '04', frequency: '2' } };
    const steps: Array<[string, object]> = [
      [
        'agreeResults',
        {
          plan: {
            results: [{ id: 'r1', description: 'Rust in huis', measure: 'cijfer ouders' }],
            inzet,
          },
        },
      ],
      ['recordProviderIntake', { agbCode, activities: ['begeleiding'], expectedDurationWeeks: 20 }],
      [
        'issueBeschikking',
        {
          beschikking: {
            number: `B-${id.toUpperCase()}`,
            kind: 'zin',
            startDate: today,
            endDate,
            toewijzingen: [{ agbCode, toewijzingnummer: 'T1', ...inzet }],
          },
        },
      ],
      [
        'decideCoordination',
        {
          coordinate: true,
          criteria: {
            typeOfCare: 'ambulant',
            numberOfProducts: 1,
            complexity: 'high',
            helpQuestion: 'clear',
            selfReliance: 'high',
          },
        },
      ],
    ];
    for (const [command, body] of steps) {
      const res = await api('POST', path(command), body);
      expect({ command, status: res.status }).toEqual({ command, status: 200 });
    }
    await eventually(
      () =>
        sql('SELECT 1 FROM trajectory WHERE case_number = $1 AND phase = $2', [
          caseNumber,
          'monitoring',
        ]),
      (rows) => rows.length === 1,
    );
  });

  it('refuses a window that ends before it starts', async () => {
    const res = await api('POST', '/reassessments', {
      ...batch,
      beschikkingEndFrom: addToDate(endDate, 0, 1),
    });
    expect(res.status).toBe(400);
  });

  it('asks the matching trajectory once; a second batch is refused by the pending one', async () => {
    const first = await api('POST', '/reassessments', batch);
    expect(first).toMatchObject({
      status: 200,
      body: { batchId: batch.batchId, matched: 1, requested: 1, refused: [] },
    });
    const second = await api('POST', '/reassessments', batch);
    expect(second.body).toMatchObject({
      matched: 1,
      requested: 0,
      refused: [{ caseNumber, reasons: ['a re-assessment is already pending'] }],
    });
  });

  it('records the answer, stops the follow-up and tells the client', async () => {
    const res = await api<{
      coordination: { coordinate: boolean };
      reassessment: { status: string };
    }>('POST', path('answerReassessment'), { followUpNeeded: false });
    expect(res.status).toBe(200);
    expect(res.body.reassessment.status).toBe('answered');
    expect(res.body.coordination.coordinate).toBe(false);
    const subjects = await eventually(
      async () =>
        (await caughtMail())
          .filter((m) => m.to.some((t) => t.address === clientEmail))
          .map((m) => m.subject),
      (s) => s.includes(`Opvolging door het CJG, casus ${caseNumber}`),
    );
    expect(
      subjects.filter((s) => s === `Opvolging door het CJG, casus ${caseNumber}`),
    ).toHaveLength(1);
  });
});
