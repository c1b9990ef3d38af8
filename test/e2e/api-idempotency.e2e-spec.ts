import { randomUUID } from 'node:crypto';
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
