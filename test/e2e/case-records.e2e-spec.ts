import {
  api,
  callers,
  commandPath,
  eventually,
  register,
  sql,
  unique,
  type Caller,
} from '../support/e2e';

jest.setTimeout(60_000);

interface Letters {
  caseNumber: string;
  truncated: boolean;
  items: Array<{
    kind: string;
    sequence: number;
    recipient: string;
    status: string;
    sentAt: string | null;
    attempts: number;
  }>;
}

interface Timeline {
  caseNumber: string;
  truncated: boolean;
  items: Array<{
    at: string;
    action: string;
    actorRole: string;
    actorId: string | null;
    phase: string | null;
  }>;
}

/**
 * The records of a case beside its state, for the case page: GET /trajectories/{caseNumber}/letters
 * (the letter ledger) and …/timeline (the audit trail). Same access as the whole case: the CJG of
 * its municipality and ops; another municipality 403, a provider 403 (it has its own part), an
 * unknown case 404; each read is itself in the audit trail.
 */
describe('the letters and the timeline of a case', () => {
  const id = unique();
  const caseNumber = `CJG-CR-${id.toUpperCase()}`;
  const coordinatorId = `coord-cr-${id}`;
  const clientId = `client-cr-${id}`;
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const venlo: Caller = { role: 'coordinator', sub: `coord-venlo-${id}`, municipalities: ['0935'] };
  const venloLead: Caller = {
    role: 'team-lead',
    sub: `lead-venlo-${id}`,
    municipalities: ['0935'],
  };
  const letters = (as?: Caller, kase = caseNumber) =>
    api<Letters>('GET', `/trajectories/${kase}/letters`, undefined, { as });
  const timeline = (as?: Caller, kase = caseNumber) =>
    api<Timeline>('GET', `/trajectories/${kase}/timeline`, undefined, { as });

  beforeAll(async () => {
    expect(
      (await register.coordinator(coordinatorId, { name: 'Anna', email: `a.${id}@cjg.example` }))
        .status,
    ).toBe(200);
    // No e-mail address: the family's letters cannot be delivered (a delivery problem to show).
    expect((await register.client(clientId, { name: 'Sam' })).status).toBe(200);
    expect(
      (await register.provider(agbCode, { name: 'Jeugdhulp', email: `z.${id}@zorg.example` }))
        .status,
    ).toBe(200);
    const started = await api('POST', '/trajectories', {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId,
      clientId,
      familyId: `fam-cr-${id}`,
    });
    expect(started.status).toBe(201);
    const agreed = await api('POST', commandPath(caseNumber, 'agreeResults'), {
      plan: {
        results: [{ id: 'school', description: 'Naar school', measure: 'aanwezigheid' }],
        inzet: { productCategory: '45', omvang: { volume: 4, unit: '04', frequency: '2' } },
      },
    });
    expect(agreed.status).toBe(200);
    expect(
      (await api('POST', commandPath(caseNumber, 'referToProvider'), { agbCode })).status,
    ).toBe(200);
  });

  it('lists each letter per recipient with its delivery status, and no address', async () => {
    const res = await eventually(
      () => letters(),
      (r) =>
        r.status === 200 &&
        ['intake-registered', 'plan-deel-1', 'referral'].every((kind) =>
          r.body.items.some((l) => l.kind === kind && l.status !== 'sending'),
        ),
    );
    expect(res.body.caseNumber).toBe(caseNumber);
    expect(res.body.truncated).toBe(false);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'intake-registered',
          recipient: `coordinator:${coordinatorId}`,
          status: 'sent',
          sentAt: expect.any(String),
        }),
        expect.objectContaining({
          kind: 'plan-deel-1',
          recipient: `client:${clientId}`,
          status: 'no-address',
          sentAt: null,
        }),
        expect.objectContaining({
          kind: 'referral',
          recipient: `provider:${agbCode}`,
          status: 'sent',
        }),
      ]),
    );
    const sequences = res.body.items.map((l) => l.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(JSON.stringify(res.body)).not.toMatch(/@/);
  });

  it('tells what happened when: who did what, and what the case did by itself', async () => {
    const res = await eventually(
      () => timeline(),
      (r) =>
        r.status === 200 &&
        r.body.items.some((e) => e.action === 'letter:intake-registered') &&
        r.body.items.some((e) => e.action === 'undelivered:plan-deel-1'),
    );
    const actions = res.body.items.map((e) => e.action);
    // The start and each command once, by the coordinator (the workflow's own account of them
    // is left out), in order; no reads.
    expect(actions.filter((a) => a === 'start' || a.startsWith('command:'))).toEqual([
      'start',
      'command:agreeResults',
      'command:referToProvider',
    ]);
    expect(actions.some((a) => a.startsWith('read:'))).toBe(false);
    expect(res.body.items.find((e) => e.action === 'command:agreeResults')).toMatchObject({
      actorRole: 'coordinator',
      actorId: callers.coordinator.sub,
      phase: 'results-agreed',
    });
    expect(res.body.items.find((e) => e.action === 'letter:intake-registered')).toMatchObject({
      actorRole: 'workflow',
      actorId: null,
    });
    const times = res.body.items.map((e) => e.at);
    expect(times).toEqual([...times].sort());
  });

  it('answers the CJG of the municipality and ops; 403 elsewhere and for a provider; 404 for no case', async () => {
    for (const as of [callers.coordinator, callers.teamLead, callers.ops]) {
      expect((await letters(as)).status).toBe(200);
      expect((await timeline(as)).status).toBe(200);
    }
    // A provider with a part in the case reads its own part, not the family's letters.
    for (const as of [venlo, venloLead, callers.provider(agbCode)]) {
      expect((await letters(as)).status).toBe(403);
      expect((await timeline(as)).status).toBe(403);
    }
    const none = `CJG-CR-NONE-${id.toUpperCase()}`;
    expect((await letters(callers.coordinator, none)).status).toBe(404);
    expect((await timeline(callers.ops, none)).status).toBe(404);
    expect((await letters(callers.coordinator, 'not a case')).status).toBe(400);
  });

  it('records each read in the audit trail, the refused ones too', async () => {
    await letters();
    await timeline(venlo);
    const rows = await sql<{ actor_sub: string; action: string; outcome: string }>(
      `SELECT actor_sub, action, outcome FROM audit_event
        WHERE case_number = $1 AND action IN ('read:trajectory-letters', 'read:trajectory-timeline')
        ORDER BY id`,
      [caseNumber],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          actor_sub: callers.coordinator.sub,
          action: 'read:trajectory-letters',
          outcome: 'accepted',
        },
        { actor_sub: venlo.sub, action: 'read:trajectory-timeline', outcome: 'forbidden' },
      ]),
    );
  });
});
