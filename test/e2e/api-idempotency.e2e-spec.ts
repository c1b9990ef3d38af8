import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { freePort, ManagedProcess, waitUntil } from '../../scripts/stack/process';
import { api, callers, commandPath, register, sql, unique, withTemporal } from '../support/e2e';

jest.setTimeout(90_000);

/** Updates of one kind that the workflow accepted, counted in its history. */
async function acceptedUpdates(caseNumber: string, name: string): Promise<number> {
  return withTemporal(async (temporal) => {
    const history = await temporal.workflow.getHandle(`trajectory-${caseNumber}`).fetchHistory();
    return (history.events ?? []).filter(
      (e) =>
        e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === name,
    ).length;
  });
}

describe('idempotency: retries have their effect once', () => {
  const id = unique();
  const person = { coordinatorId: `coord-${id}`, clientId: `client-${id}`, familyId: `fam-${id}` };
  const newCase = () => `CJG-IDEM-${unique().toUpperCase()}`;
  const plan = {
    results: [{ id: 'school', description: 'naar school', measure: 'aanwezigheid' }],
    inzet: { productCategory: '45', omvang: { volume: 2, unit: '04', frequency: '2' } },
  };

  beforeAll(async () => {
    await register.coordinator(person.coordinatorId, {
      name: 'Anna',
      email: `a.${id}@cjg.example`,
    });
    await register.client(person.clientId, { name: 'Sam' });
  });

  it('never makes two workflows for one case number, also under concurrent retries', async () => {
    const caseNumber = newCase();
    const body = { caseNumber, municipalityCode: '0957', ...person };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => api<{ created: boolean }>('POST', '/trajectories', body)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(answers.filter((a) => a.body.created)).toHaveLength(1);
    const runs = await withTemporal(async (temporal) => {
      let count = 0;
      for await (const _ of temporal.workflow.list({
        query: `WorkflowId = 'trajectory-${caseNumber}'`,
      }))
        count += 1;
      return count;
    });
    expect(runs).toBe(1);
    // The same case number for another client is a conflict, not a second case.
    const other = await api('POST', '/trajectories', { ...body, municipalityCode: '0983' });
    expect(other.status).toBe(409);
  });

  it('answers a retried start with the same Idempotency-Key from its record', async () => {
    const key = randomUUID();
    const body = { caseNumber: newCase(), municipalityCode: '0957', ...person };
    const headers = { 'idempotency-key': key };
    const first = await api('POST', '/trajectories', body, { headers });
    const again = await api('POST', '/trajectories', body, { headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const misuse = await api(
      'POST',
      '/trajectories',
      { ...body, caseNumber: newCase() },
      { headers },
    );
    expect(misuse.status).toBe(422);
  });

  it('gives a command once when it is retried concurrently with one key', async () => {
    const caseNumber = newCase();
    await api('POST', '/trajectories', { caseNumber, municipalityCode: '0957', ...person });
    await api('POST', commandPath(caseNumber, 'agreeResults'), { plan });
    const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
    const headers = { 'idempotency-key': `refer-${id}` };
    const refer = () =>
      api<{ referrals: string[]; revision: number }>(
        'POST',
        commandPath(caseNumber, 'referToProvider'),
        { agbCode },
        { headers },
      );
    const answers = await Promise.all(Array.from({ length: 5 }, refer));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    for (const answer of answers) expect(answer.body.referrals).toEqual([agbCode]);
    const later = await refer();
    expect(later.status).toBe(200);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(await acceptedUpdates(caseNumber, 'referToProvider')).toBe(1);

    // Without the key a retry is a second command, which this one refuses: the key matters.
    const bare = await api('POST', commandPath(caseNumber, 'referToProvider'), { agbCode });
    expect(bare.status).toBe(422);
    // The same key for another request is refused and changes nothing.
    const misuse = await api(
      'POST',
      commandPath(caseNumber, 'referToProvider'),
      { agbCode: '87654321' },
      { headers },
    );
    expect(misuse.status).toBe(422);
    const state = await api<{ referrals: string[] }>('GET', `/trajectories/${caseNumber}`);
    expect(state.body.referrals).toEqual([agbCode]);
  });

  it('keeps keys per caller: another caller with the same key is another request', async () => {
    const caseNumber = newCase();
    await api('POST', '/trajectories', { caseNumber, municipalityCode: '0957', ...person });
    const key = `shared-${id}`;
    const colleague = { ...callers.coordinator, sub: `coord-colleague-${id}` };
    const mine = await api(
      'POST',
      commandPath(caseNumber, 'agreeResults'),
      { plan },
      { headers: { 'idempotency-key': key } },
    );
    const theirs = await api(
      'POST',
      commandPath(caseNumber, 'agreeResults'),
      { plan },
      { as: colleague, headers: { 'idempotency-key': key } },
    );
    expect(mine.status).toBe(200);
    expect(theirs.status).toBe(409);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keeps of a command only what a replay needs, and replays it from the case as it is', async () => {
    const caseNumber = newCase();
    await api('POST', '/trajectories', { caseNumber, municipalityCode: '0957', ...person });
    const description = `Sam gaat weer naar school, zegt juf Anneke (${id})`;
    const body = { plan: { ...plan, results: [{ ...plan.results[0]!, description }] } };
    const key = `agree-${unique()}`;
    const agree = (idempotencyKey: string) =>
      api<{ phase: string; plan: unknown }>('POST', commandPath(caseNumber, 'agreeResults'), body, {
        headers: { 'idempotency-key': idempotencyKey },
      });
    const first = await agree(key);
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.body)).toContain(description);
    const [row] = await sql<{
      status_code: number;
      response: unknown;
      workflow_id: string;
      json: string;
    }>(
      `SELECT status_code, response, workflow_id, to_jsonb(r)::text AS json
         FROM idempotency_record r WHERE idempotency_key = $1`,
      [key],
    );
    // The status and the case it is about; not the view with the plan's text.
    expect(row).toMatchObject({
      status_code: 200,
      response: null,
      workflow_id: `trajectory-${caseNumber}`,
    });
    expect(row!.json).not.toContain('juf Anneke');
    const again = await agree(key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.phase).toBe(first.body.phase);
    expect(again.body.plan).toEqual(first.body.plan);
    expect(await acceptedUpdates(caseNumber, 'agreeResults')).toBe(1);

    // A refusal is kept as the refusal (ids and the rule's reason), with its case.
    const refusedKey = `agree-again-${unique()}`;
    const refused = await agree(refusedKey);
    expect(refused.status).toBe(409);
    const [kept] = await sql<{ status_code: number; workflow_id: string }>(
      `SELECT status_code, workflow_id FROM idempotency_record WHERE idempotency_key = $1`,
      [refusedKey],
    );
    expect(kept).toEqual({ status_code: 409, workflow_id: `trajectory-${caseNumber}` });
  });

  it('forgets a key after IDEMPOTENCY_TTL, and an API process deletes the record', async () => {
    const key = randomUUID();
    const headers = { 'idempotency-key': key };
    const body = { caseNumber: newCase(), municipalityCode: '0957', ...person };
    expect((await api('POST', '/trajectories', body, { headers })).status).toBe(201);
    const backdate = () =>
      sql(
        `UPDATE idempotency_record SET created_at = now() - interval '25 hours'
          WHERE idempotency_key = $1`,
        [key],
      );
    await backdate();
    // Past its time the record answers nothing: the start runs again (and finds its case).
    const later = await api<{ created: boolean }>('POST', '/trajectories', body, { headers });
    expect(later.status).toBe(200);
    expect(later.body.created).toBe(false);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    const [taken] = await sql<{ fresh: boolean }>(
      `SELECT created_at > now() - interval '1 minute' AS fresh FROM idempotency_record
        WHERE idempotency_key = $1`,
      [key],
    );
    expect(taken).toEqual({ fresh: true });

    // An API process deletes what is past its time when it starts (and every 15 minutes).
    await backdate();
    const port = await freePort();
    const second = new ManagedProcess({
      name: 'api-idempotency-sweep',
      command: process.execPath,
      args: [path.resolve(__dirname, '../../dist/apps/api/src/main.js')],
      env: {
        ...process.env,
        ...(JSON.parse(process.env.E2E_SERVICE_ENV!) as NodeJS.ProcessEnv),
        PORT: String(port),
        RATE_LIMIT_PER_MINUTE: '0',
      },
      logFile: path.join(process.env.E2E_DATA_DIR!, 'logs', 'api-idempotency-sweep.log'),
    });
    try {
      await waitUntil(
        'the second API',
        async () =>
          (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.status === 200,
        60_000,
        second,
      );
      await waitUntil(
        'the record past its time deleted',
        async () =>
          (await sql('SELECT 1 FROM idempotency_record WHERE idempotency_key = $1', [key]))
            .length === 0,
        20_000,
      );
    } finally {
      await second.stop();
    }
  });

  it('refuses a malformed Idempotency-Key with 400', async () => {
    const res = await api(
      'POST',
      '/trajectories',
      { caseNumber: newCase(), municipalityCode: '0957', ...person },
      { headers: { 'idempotency-key': 'short' } },
    );
    expect(res.status).toBe(400);
    expect(
      await sql('SELECT 1 FROM idempotency_record WHERE idempotency_key = $1', ['short']),
    ).toEqual([]);
  });
});
