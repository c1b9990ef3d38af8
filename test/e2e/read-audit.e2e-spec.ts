import { amsterdamDate } from '@cjg/domain';
import { api, callers, eventually, register, sql, unique, type Caller } from '../support/e2e';

jest.setTimeout(60_000);

interface AuditRow {
  actor_sub: string;
  actor_role: string;
  action: string;
  case_number: string | null;
  client_id: string | null;
  outcome: string;
  detail: Record<string, unknown>;
}

interface AccessLog {
  clientId: string;
  count: number;
  truncated: boolean;
  entries: Array<{
    actorSub: string;
    actorRole: string;
    action: string;
    caseNumber: string | null;
    outcome: string;
  }>;
}

/**
 * NEN 7513: every read of case or personal data is in the audit trail (`read:…`) with who, role
 * and the case; lists and reports with their filter and count; and ops answer an inzageverzoek
 * (who looked at this client's file, when) from it, as JSON and CSV.
 */
describe('read audit and the inzageverzoek', () => {
  const id = unique();
  const clientId = `client-ra-${id}`;
  const otherClient = `client-ra2-${id}`;
  const caseNumber = `CJG-RA-${id.toUpperCase()}`;
  const otherCase = `CJG-RA2-${id.toUpperCase()}`;
  const familyId = `fam-ra-${id}`;
  const venlo: Caller = { role: 'coordinator', sub: `coord-venlo-${id}`, municipalities: ['0935'] };
  const today = amsterdamDate(new Date());
  const trail = (where: string, values: unknown[]) =>
    sql<AuditRow>(
      `SELECT actor_sub, actor_role, action, case_number, client_id, outcome, detail
         FROM audit_event WHERE ${where} ORDER BY id`,
      values,
    );

  beforeAll(async () => {
    await register.coordinator(`coord-ra-${id}`, { name: 'Anna', email: `a.${id}@cjg.example` });
    for (const [client, kase, family] of [
      [clientId, caseNumber, familyId],
      [otherClient, otherCase, `${familyId}-2`],
    ] as const) {
      expect((await register.client(client, { name: 'Sam' })).status).toBe(200);
      const started = await api('POST', '/trajectories', {
        caseNumber: kase,
        municipalityCode: '0957',
        coordinatorId: `coord-ra-${id}`,
        clientId: client,
        familyId: family,
      });
      expect(started.status).toBe(201);
    }
    await eventually(
      () => sql('SELECT 1 FROM trajectory WHERE family_id LIKE $1', [`${familyId}%`]),
      (rows) => rows.length === 2,
    );
  });

  it('records every read of a case, with who, role, case and client, also a refused one', async () => {
    expect((await api('GET', `/trajectories/${caseNumber}`)).status).toBe(200);
    expect((await api('GET', `/trajectories/${caseNumber}`, undefined, { as: venlo })).status).toBe(
      403,
    );
    expect(
      (await api('GET', `/trajectories/${otherCase}`, undefined, { as: callers.teamLead })).status,
    ).toBe(200);
    const rows = await trail(`action = 'read:trajectory' AND case_number = $1`, [caseNumber]);
    expect(rows).toEqual([
      expect.objectContaining({
        actor_sub: callers.coordinator.sub,
        actor_role: 'coordinator',
        case_number: caseNumber,
        client_id: clientId,
        outcome: 'accepted',
      }),
      expect.objectContaining({ actor_sub: venlo.sub, client_id: null, outcome: 'forbidden' }),
    ]);
  });

  it('records a list and a report with their filter and count, not their rows', async () => {
    const list = await api<{ total: number }>('GET', `/trajectories?familyId=${familyId}&limit=10`);
    expect(list.body.total).toBe(1);
    const [listed] = await trail(
      `action = 'read:trajectories' AND detail -> 'filter' ->> 'familyId' = $1`,
      [familyId],
    );
    expect(listed).toMatchObject({
      case_number: null,
      client_id: null,
      outcome: 'accepted',
      detail: { filter: { familyId, limit: '10' }, count: 1, total: 1 },
    });

    const report = await api(
      'GET',
      `/reports/caseload?from=${today}&to=${today}&format=csv`,
      undefined,
      {
        as: callers.teamLead,
      },
    );
    expect(report.status).toBe(200);
    const csvRows = String(report.body).trimEnd().split('\r\n').length - 1;
    const [reported] = await trail(
      `action = 'read:report:caseload' AND actor_sub = $1 AND detail -> 'filter' ->> 'from' = $2`,
      [callers.teamLead.sub, today],
    );
    expect(reported?.detail).toEqual({
      filter: { from: today, to: today, format: 'csv' },
      count: csvRows,
    });
  });

  it('records the reads of handovers, transfers, VTOs, batches and the registry under their ids', async () => {
    const handoverId = `VTH-2099-${String(Date.now()).slice(-8)}`;
    const transferId = `gi-ra-${id}.JB-${id.toUpperCase()}`;
    const vto = `VTO-RA-${id.toUpperCase()}`;
    // [path, status, action, case number recorded]
    const reads: Array<[string, number, string, string | null]> = [
      [`/handovers/${handoverId}`, 404, 'read:handover', handoverId],
      [`/transfers/${transferId}`, 404, 'read:transfer', transferId],
      [`/vtos/${vto}`, 404, 'read:vto', vto],
      ['/handovers', 200, 'read:handovers', null],
      ['/transfers', 200, 'read:transfers', null],
      ['/vtos', 200, 'read:vtos', null],
      [`/reassessments/ra-${id}`, 404, 'read:reassessment-batch', null],
      [`/clients/${clientId}`, 200, 'read:client', null],
      [`/coordinators/coord-ra-${id}`, 200, 'read:coordinator', null],
    ];
    const requestIds: string[] = [];
    for (const [path, status] of reads) {
      const res = await api('GET', path, undefined, { as: callers.ops });
      expect({ path, status: res.status }).toEqual({ path, status });
      requestIds.push(res.headers.get('x-request-id')!);
    }
    const rows = await sql<{ request_id: string; action: string; case_number: string | null }>(
      `SELECT request_id, action, case_number FROM audit_event WHERE request_id = ANY($1)`,
      [requestIds],
    );
    const byRequest = new Map(rows.map((r) => [r.request_id, r]));
    expect(requestIds.map((r) => byRequest.get(r))).toEqual(
      reads.map(([, , action, kase]) => ({
        request_id: expect.any(String),
        action,
        case_number: kase,
      })),
    );
  });

  it('hands out nothing when the read cannot be recorded', async () => {
    // A trigger refuses this one case's read entries: the API must not answer with its data.
    await sql(`
      CREATE OR REPLACE FUNCTION e2e_refuse_read() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action LIKE 'read:%' AND NEW.case_number = '${otherCase}' THEN
          RAISE EXCEPTION 'e2e: audit trail refuses';
        END IF;
        RETURN NEW;
      END $$`);
    await sql(
      `CREATE TRIGGER e2e_refuse_read BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION e2e_refuse_read()`,
    );
    try {
      const res = await api<{ statusCode: number }>('GET', `/trajectories/${otherCase}`);
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(JSON.stringify(res.body)).not.toContain(otherClient);
      expect(JSON.stringify(res.body)).not.toContain('allowedCommands');
    } finally {
      await sql('DROP TRIGGER e2e_refuse_read ON audit_event');
      await sql('DROP FUNCTION e2e_refuse_read()');
    }
    expect((await api('GET', `/trajectories/${otherCase}`)).status).toBe(200);
  });

  it('answers an inzageverzoek: who accessed the client’s file and cases, and when, as JSON and CSV', async () => {
    const log = await api<AccessLog>('GET', `/clients/${clientId}/access-log`, undefined, {
      as: callers.ops,
    });
    expect(log.status).toBe(200);
    const seen = log.body.entries.map(
      (e) => `${e.actorSub} ${e.action} ${e.caseNumber} ${e.outcome}`,
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        `${callers.coordinator.sub} registry:client null accepted`,
        `${callers.coordinator.sub} start ${caseNumber} accepted`,
        `${callers.coordinator.sub} read:trajectory ${caseNumber} accepted`,
        `${venlo.sub} read:trajectory ${caseNumber} forbidden`,
        `${callers.ops.sub} read:client null accepted`,
      ]),
    );
    // Only this client's file: not the other client's case, nor the workflow's own account.
    expect(log.body.entries.some((e) => e.caseNumber === otherCase)).toBe(false);
    expect(log.body.entries.some((e) => e.actorRole === 'workflow')).toBe(false);
    expect(log.body).toMatchObject({ clientId, count: log.body.entries.length, truncated: false });

    const csv = await api<string>(
      'GET',
      `/clients/${clientId}/access-log?from=${today}`,
      undefined,
      {
        as: callers.ops,
        headers: { accept: 'text/csv' },
      },
    );
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('at,actorSub,actorRole,action,caseNumber,outcome');
    expect(
      lines.some((l) =>
        l.includes(`,${venlo.sub},coordinator,read:trajectory,${caseNumber},forbidden`),
      ),
    ).toBe(true);
    // The request itself is a read of the client's file.
    const asked = await trail(`action = 'read:access-log' AND client_id = $1`, [clientId]);
    expect(asked.map((r) => r.actor_sub)).toEqual([callers.ops.sub, callers.ops.sub]);
    expect(asked[1]?.detail).toMatchObject({ filter: { from: today }, count: lines.length - 1 });
    // A day before anything happened: nothing.
    const before = await api<AccessLog>(
      'GET',
      `/clients/${clientId}/access-log?from=2020-01-01&to=2020-12-31`,
      undefined,
      { as: callers.ops },
    );
    expect(before.body.count).toBe(0);
    expect(
      (await api('GET', `/clients/client-none-${id}/access-log`, undefined, { as: callers.ops }))
        .status,
    ).toBe(404);
  });
});
