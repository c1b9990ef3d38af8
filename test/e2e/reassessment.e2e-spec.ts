import { addToDate, amsterdamDate } from '@cjg/domain';
import {
  api,
  callers,
  caughtMail,
  commandPath,
  eventually,
  register,
  sql,
  unique,
  planSignOff,
} from '../support/e2e';

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
  const path = (command: string) => commandPath(caseNumber, command);
  // Re-assessment batches are ops work.
  const asOps = { as: callers.ops };
  const batch = {
    batchId: `b-${id}`,
    decideBy: addToDate(today, 0, 14),
    beschikkingEndFrom: endDate,
    beschikkingEndTo: endDate,
  };

  /** A trajectory in monitoring whose beschikking ends on `endDate`, coordinated by the CJG or not. */
  async function inMonitoring(number: string, clientId: string, coordinate: boolean) {
    await api('POST', '/trajectories', {
      caseNumber: number,
      municipalityCode: '0957',
      coordinatorId: `coord-${id}`,
      clientId,
      familyId: `fam-${clientId}`,
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
      ['signOffPlan', await planSignOff()],
      [
        'issueBeschikking',
        {
          beschikking: {
            number: `B-${number}`,
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
          coordinate,
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
      const res = await api('POST', commandPath(number, command), body);
      expect({ command, status: res.status }).toEqual({ command, status: 200 });
    }
    await eventually(
      () =>
        sql('SELECT 1 FROM trajectory WHERE case_number = $1 AND phase = $2', [
          number,
          'monitoring',
        ]),
      (rows) => rows.length === 1,
    );
  }

  beforeAll(async () => {
    await register.coordinator(`coord-${id}`, { name: 'Anna', email: `anna.${id}@cjg.example` });
    await register.client(`client-${id}`, { name: 'Sam', email: clientEmail });
    await register.client(`client-u-${id}`, { name: 'Noor', email: `u.${id}@gezin.example` });
    await register.provider(agbCode, { name: 'Aanbieder', email: `a.${id}@zorg.example` });
    await inMonitoring(caseNumber, `client-${id}`, true);
    // 001: only cases the CJG coordinates are re-assessed; this one, in the same window, is not.
    await inMonitoring(`${caseNumber}-U`, `client-u-${id}`, false);
  });

  /** Polls the batch until it is done and answers its final progress. */
  const untilDone = (batchId: string) =>
    eventually(
      () => api<{ status: string }>('GET', `/reassessments/${batchId}`, undefined, asOps),
      (res) => res.status === 200 && res.body.status === 'done',
    );

  it('refuses a window that ends before it starts', async () => {
    const res = await api(
      'POST',
      '/reassessments',
      { ...batch, beschikkingEndFrom: addToDate(endDate, 0, 1) },
      asOps,
    );
    expect(res.status).toBe(400);
  });

  it('answers 404 for an unknown batch and 400 for a malformed batch id', async () => {
    expect((await api('GET', `/reassessments/none-${id}`, undefined, asOps)).status).toBe(404);
    expect((await api('GET', '/reassessments/not_a_batch', undefined, asOps)).status).toBe(400);
  });

  it('runs the batch in the background and asks the matching trajectory once', async () => {
    const started = await api('POST', '/reassessments', batch, asOps);
    expect(started).toMatchObject({
      status: 202,
      body: {
        batchId: batch.batchId,
        workflowId: `reassessment-batch-${batch.batchId}`,
        created: true,
      },
    });
    expect(started.headers.get('location')).toBe(`/reassessments/${batch.batchId}`);

    const done = await untilDone(batch.batchId);
    expect(done.body).toMatchObject({
      batchId: batch.batchId,
      status: 'done',
      matched: 1,
      requested: 1,
      refused: [],
      pending: 0,
    });
    const trajectory = await api<{ reassessment?: { batchId: string; status: string } }>(
      'GET',
      `/trajectories/${caseNumber}`,
    );
    expect(trajectory.body.reassessment).toMatchObject({
      batchId: batch.batchId,
      status: 'pending',
      decideBy: batch.decideBy,
    });
    const uncoordinated = await api<{ reassessment?: object }>(
      'GET',
      `/trajectories/${caseNumber}-U`,
    );
    expect(uncoordinated.status).toBe(200);
    expect(uncoordinated.body.reassessment).toBeUndefined();
  });

  it('starts nothing for the same batch id again, and answers the existing batch', async () => {
    const again = await api('POST', '/reassessments', batch, asOps);
    expect(again).toMatchObject({
      status: 200,
      body: { batchId: batch.batchId, created: false, status: 'done', matched: 1, requested: 1 },
    });
  });

  it('a second batch is refused by the pending re-assessment', async () => {
    const second = { ...batch, batchId: `b2-${id}` };
    expect((await api('POST', '/reassessments', second, asOps)).status).toBe(202);
    const done = await untilDone(second.batchId);
    expect(done.body).toMatchObject({
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
