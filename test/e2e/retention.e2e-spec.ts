import { amsterdamDate, trajectoryWorkflowId } from '@cjg/domain';
import { ensureRetentionSchedule, temporalConfigFromEnv } from '@cjg/temporal';
import {
  DESTROYED_NAME,
  RETENTION_SCHEDULE_ID,
  RETENTION_SWEEP_WORKFLOW_TYPE,
  type RetentionSweepResult,
} from '@cjg/workflows/retention.definitions';
import {
  api,
  callers,
  commandPath,
  eventually,
  register,
  sql,
  unique,
  withTemporal,
} from '../support/e2e';

jest.setTimeout(120_000);

/** A BSN that passes the elfproef, different per run. */
function randomBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10));
    const check = digits.reduce((sum, d, i) => sum + d * (9 - i), 0) % 11;
    if (check <= 9 && digits[0] !== 0) return [...digits, check].join('');
  }
}

interface Person {
  id: string;
  name: string;
  bsn: string;
  email: string;
  dateOfBirth: string;
  carers: Array<{ name: string; email: string; relation: string }>;
}

interface ClientRow {
  name: string;
  bsn: string | null;
  date_of_birth: string | null;
  email: string | null;
  personal_data_destroyed_at: Date | null;
}

/**
 * Jeugdwet 7.3.8 and 7.3.9 on the real stack: the sweep destroys the personal data of clients
 * whose trajectories are all past their archive action date, a request through the API destroys
 * one client's, and both leave an audit trail without personal data.
 */
describe('retention: the sweep (7.3.8) and destruction on request (7.3.9)', () => {
  const id = unique();
  const upper = id.toUpperCase();
  const today = amsterdamDate(new Date());
  const { taskQueue } = temporalConfigFromEnv(JSON.parse(process.env.E2E_SERVICE_ENV ?? '{}'));
  const person = (key: string): Person => ({
    id: `client-${id}-${key}`,
    name: `Sam Retentie ${key} ${id}`,
    bsn: randomBsn(),
    email: `ouders.${key}.${id}@gezin.example`,
    dateOfBirth: '2009-02-14',
    // A parent's name and address are the client's file too (client_carer).
    carers: [
      {
        name: `Maria Retentie ${key} ${id}`,
        email: `maria.${key}.${id}@gezin.example`,
        relation: 'ouder',
      },
    ],
  });
  /** A: two closed cases, both past their date. B: one past, one not. C: one closed, one open. D: asks. */
  const people = { a: person('a'), b: person('b'), c: person('c'), d: person('d') };
  const cases = {
    a1: `CJG-RET-${upper}-A1`,
    a2: `CJG-RET-${upper}-A2`,
    b1: `CJG-RET-${upper}-B1`,
    b2: `CJG-RET-${upper}-B2`,
    c1: `CJG-RET-${upper}-C1`,
    c2: `CJG-RET-${upper}-C2`,
    d1: `CJG-RET-${upper}-D1`,
  };
  const clientOfCase: Record<string, Person> = {
    [cases.a1]: people.a,
    [cases.a2]: people.a,
    [cases.b1]: people.b,
    [cases.b2]: people.b,
    [cases.c1]: people.c,
    [cases.c2]: people.c,
    [cases.d1]: people.d,
  };
  const closedCases = [cases.a1, cases.a2, cases.b1, cases.b2, cases.c1, cases.d1];
  const asOps = { as: callers.ops };

  const clientRow = async (p: Person) =>
    (
      await sql<ClientRow>(
        `SELECT name, bsn, date_of_birth::text AS date_of_birth, email, personal_data_destroyed_at
           FROM client WHERE id = $1`,
        [p.id],
      )
    )[0];
  const destroyedAt = async (caseNumber: string) =>
    (
      await sql<{ destroyed_at: Date | null }>(
        'SELECT destroyed_at FROM trajectory WHERE case_number = $1',
        [caseNumber],
      )
    )[0]?.destroyed_at;
  const auditOf = (action: string, caseNumbers: string[]) =>
    sql<{
      actor_sub: string;
      actor_role: string;
      case_number: string;
      outcome: string;
      detail: Record<string, unknown>;
      json: string;
    }>(
      `SELECT actor_sub, actor_role, case_number, outcome, detail, to_jsonb(a)::text AS json
         FROM audit_event a WHERE action = $1 AND case_number = ANY($2) ORDER BY case_number`,
      [action, caseNumbers],
    );

  /** Every row of every table of the database in which `text` occurs, as `table: count`. */
  async function whereInDatabase(text: string): Promise<Record<string, number>> {
    const tables = await sql<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const found: Record<string, number> = {};
    for (const { table_name } of tables) {
      const [row] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table_name}" t WHERE strpos(to_jsonb(t)::text, $1) > 0`,
        [text],
      );
      if (row && row.n > 0) found[table_name] = row.n;
    }
    return found;
  }

  const personalDataOf = (p: Person) => [
    p.name,
    p.bsn,
    p.email,
    ...p.carers.flatMap((c) => [c.name, c.email]),
  ];

  const sweep = (asOf: string) =>
    withTemporal((client) =>
      client.workflow.execute(RETENTION_SWEEP_WORKFLOW_TYPE, {
        workflowId: `retention-sweep-e2e-${id}-${unique()}`,
        taskQueue,
        args: [{ asOf }],
      }),
    ) as Promise<RetentionSweepResult>;

  beforeAll(async () => {
    await register.coordinator(`coord-${id}`, { name: 'Anna', email: `anna.${id}@cjg.example` });
    for (const p of Object.values(people)) {
      const { id: clientId, ...data } = p;
      expect((await register.client(clientId, data)).status).toBe(200);
    }
    for (const [caseNumber, p] of Object.entries(clientOfCase)) {
      const started = await api('POST', '/trajectories', {
        caseNumber,
        municipalityCode: '0957',
        coordinatorId: `coord-${id}`,
        clientId: p.id,
        familyId: `fam-${id}-${p.id}`,
      });
      expect({ caseNumber, status: started.status }).toEqual({ caseNumber, status: 201 });
    }
    for (const caseNumber of closedCases) {
      const withdrawn = await api('POST', commandPath(caseNumber, 'withdraw'), {
        reason: 'hulpvraag ingetrokken',
      });
      expect({ caseNumber, status: withdrawn.status }).toEqual({ caseNumber, status: 200 });
    }
    // Each has ended, its last letters and projection done: nothing writes its row after this.
    await withTemporal((client) =>
      Promise.all(
        closedCases.map((caseNumber) =>
          client.workflow.getHandle(trajectoryWorkflowId(caseNumber)).result(),
        ),
      ),
    );
    // Closing sets the archive action date (closed + 20 years) in the read model.
    const closed = await eventually(
      () =>
        sql<{ case_number: string; archive_action_date: string | null }>(
          `SELECT case_number, archive_action_date::text AS archive_action_date FROM trajectory
            WHERE case_number = ANY($1) AND closed_at IS NOT NULL`,
          [closedCases],
        ),
      (rows) => rows.length === closedCases.length,
    );
    expect(closed.every((row) => row.archive_action_date! > today)).toBe(true);
    // Twenty years on, for every closed case but B2.
    await sql(
      `UPDATE trajectory SET archive_action_date = '2005-06-30' WHERE case_number = ANY($1)`,
      [[cases.a1, cases.a2, cases.b1, cases.c1]],
    );
  });

  it('has the nightly schedule: 02:00 Amsterdam, overlap skip, the sweep on the task queue', async () => {
    const schedule = await withTemporal((c) =>
      c.schedule.getHandle(RETENTION_SCHEDULE_ID).describe(),
    );
    expect(schedule.spec.timezone).toBe('Europe/Amsterdam');
    expect(schedule.spec.calendars).toHaveLength(1);
    expect(schedule.spec.calendars![0]).toMatchObject({
      hour: [{ start: 2, end: 2 }],
      minute: [{ start: 0, end: 0 }],
      second: [{ start: 0, end: 0 }],
    });
    expect(schedule.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: RETENTION_SWEEP_WORKFLOW_TYPE,
      taskQueue,
    });
    expect(schedule.policies.overlap).toBe('SKIP');
    expect(schedule.state.paused).toBe(false);
  });

  it('destroys the personal data of a client whose cases are all past their date, and no other', async () => {
    const result = await sweep(today);
    expect(result).toMatchObject({ kind: 'sweep', reason: '7.3.8', asOf: today });
    expect(result.clientsDestroyed).toBeGreaterThanOrEqual(1);

    const a = await clientRow(people.a);
    expect(a).toMatchObject({ name: DESTROYED_NAME, bsn: null, date_of_birth: null, email: null });
    expect(a?.personal_data_destroyed_at).not.toBeNull();
    expect(await destroyedAt(cases.a1)).not.toBeNull();
    expect(await destroyedAt(cases.a2)).not.toBeNull();
    for (const text of personalDataOf(people.a)) expect(await whereInDatabase(text)).toEqual({});
    // The search does find personal data where it still is.
    expect(await whereInDatabase(people.b.email)).toEqual({ client: 1 });
    // B's case within its period keeps its parent's data too.
    expect(await whereInDatabase(people.b.carers[0]!.email)).toEqual({ client_carer: 1 });

    // B has a case still within its twenty years, C an open one: both untouched.
    for (const p of [people.b, people.c]) {
      expect(await clientRow(p)).toMatchObject({
        name: p.name,
        bsn: p.bsn,
        email: p.email,
        date_of_birth: p.dateOfBirth,
        personal_data_destroyed_at: null,
      });
    }
    for (const caseNumber of [cases.b1, cases.b2, cases.c1, cases.c2, cases.d1])
      expect(await destroyedAt(caseNumber)).toBeNull();

    const audit = await auditOf('retention:destroyed', [cases.a1, cases.a2, cases.b1, cases.c1]);
    expect(audit.map((row) => row.case_number)).toEqual([cases.a1, cases.a2]);
    for (const row of audit) {
      expect(row).toMatchObject({
        actor_role: 'workflow',
        outcome: 'applied',
        detail: { reason: '7.3.8', clientId: people.a.id },
      });
      expect(row.actor_sub).toMatch(/^retention-sweep-e2e-/);
      for (const text of [...personalDataOf(people.a), people.a.dateOfBirth])
        expect(row.json).not.toContain(text);
    }
  });

  it('changes nothing when it sweeps again', async () => {
    const before = await clientRow(people.a);
    const again = await sweep(today);
    expect(again.clientsDestroyed).toBe(0);
    expect(await clientRow(people.a)).toEqual(before);
    expect(await auditOf('retention:destroyed', [cases.a1, cases.a2])).toHaveLength(2);
  });

  it('destroys one client’s personal data on request (ops), and a repeat is harmless', async () => {
    const path = `/trajectories/${cases.d1}/destruction`;
    const reference = `AVG-${upper}`;
    // Retries the API answers from a record (Idempotency-Key): for the case, and for another
    // client's, which stays.
    const keyed = (caseNumber: string) =>
      api(
        'POST',
        commandPath(caseNumber, 'withdraw'),
        { reason: 'nogmaals' },
        {
          headers: { 'idempotency-key': `ret-${id}-${caseNumber}` },
        },
      );
    expect((await keyed(cases.d1)).status).toBe(409);
    expect((await keyed(cases.b2)).status).toBe(409);
    const recordsOf = (caseNumber: string) =>
      sql('SELECT 1 FROM idempotency_record WHERE workflow_id = $1', [`trajectory-${caseNumber}`]);
    expect(await recordsOf(cases.d1)).toHaveLength(1);
    const done = await api('POST', path, { reason: reference }, asOps);
    expect(done).toMatchObject({
      status: 200,
      body: {
        caseNumber: cases.d1,
        clientId: people.d.id,
        status: 'destroyed',
        destroyedCaseNumbers: [cases.d1],
        workflowId: `destruction-${cases.d1}`,
      },
    });
    expect(await clientRow(people.d)).toMatchObject({
      name: DESTROYED_NAME,
      bsn: null,
      date_of_birth: null,
      email: null,
    });
    expect(await destroyedAt(cases.d1)).not.toBeNull();
    for (const text of personalDataOf(people.d)) expect(await whereInDatabase(text)).toEqual({});
    expect(await recordsOf(cases.d1)).toEqual([]);
    expect(await recordsOf(cases.b2)).toHaveLength(1);

    const [entry, ...more] = await auditOf('retention:destroyed-on-request', [cases.d1]);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor_sub: callers.ops.sub,
      actor_role: 'ops',
      outcome: 'applied',
      detail: {
        reason: '7.3.9',
        clientId: people.d.id,
        workflowId: `destruction-${cases.d1}`,
        requestReference: reference,
      },
    });

    const repeat = await api('POST', path, { reason: reference }, asOps);
    expect(repeat).toMatchObject({
      status: 200,
      body: { status: 'already-destroyed', destroyedCaseNumbers: [] },
    });
    expect(await auditOf('retention:destroyed-on-request', [cases.d1])).toHaveLength(1);
    // The API's own entries: who asked, twice, both accepted.
    const requests = await sql<{ actor_sub: string; outcome: string; status_code: number }>(
      `SELECT actor_sub, outcome, status_code FROM audit_event
        WHERE action = 'retention:request' AND case_number = $1 ORDER BY id`,
      [cases.d1],
    );
    expect(requests).toEqual([
      { actor_sub: callers.ops.sub, outcome: 'accepted', status_code: 200 },
      { actor_sub: callers.ops.sub, outcome: 'accepted', status_code: 200 },
    ]);
  });

  it('refuses a request while the client has an open trajectory (409), changing nothing', async () => {
    const refused = await api<{ message: string }>(
      'POST',
      `/trajectories/${cases.c1}/destruction`,
      { reason: `AVG-${upper}-C` },
      asOps,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(cases.c2);
    expect(await clientRow(people.c)).toMatchObject({ name: people.c.name, bsn: people.c.bsn });
    expect(await destroyedAt(cases.c1)).toBeNull();
  });

  it('lets only ops ask, for a known case, with a reason', async () => {
    const path = `/trajectories/${cases.b1}/destruction`;
    const body = { reason: `AVG-${upper}-B` };
    expect((await api('POST', path, body, { as: callers.coordinator })).status).toBe(403);
    expect((await api('POST', path, body, { as: callers.teamLead })).status).toBe(403);
    expect((await api('POST', path, body, { as: callers.provider('12345678') })).status).toBe(403);
    expect((await api('POST', path, body, { as: null })).status).toBe(401);
    expect((await api('POST', path, {}, asOps)).status).toBe(400);
    // Words may name people; the reference outlives the personal data in history and audit.
    const words = await api('POST', path, { reason: 'verzoek van Jan Jansen' }, asOps);
    expect(words.status).toBe(400);
    expect(JSON.stringify(words.body)).toMatch(/registration number/);
    expect(
      (await api('POST', `/trajectories/CJG-RET-${upper}-NONE/destruction`, body, asOps)).status,
    ).toBe(404);
    expect(await clientRow(people.b)).toMatchObject({ name: people.b.name });
  });

  it('puts the schedule back when it was changed, keeping a pause', async () => {
    await withTemporal(async (client) => {
      const handle = client.schedule.getHandle(RETENTION_SCHEDULE_ID);
      expect(await ensureRetentionSchedule(client, taskQueue)).toBe('unchanged');
      // As a hand edit would: another hour and time zone, and paused.
      await handle.update((previous) => ({
        action: previous.action,
        policies: previous.policies,
        spec: { calendars: [{ hour: 3 }], timezone: 'UTC' },
        state: { paused: true, note: 'e2e' },
      }));
      try {
        expect(await ensureRetentionSchedule(client, taskQueue)).toBe('updated');
        const restored = await handle.describe();
        expect(restored.spec.timezone).toBe('Europe/Amsterdam');
        expect(restored.spec.calendars![0]!.hour).toEqual([{ start: 2, end: 2, step: 1 }]);
        expect(restored.state.paused).toBe(true);
      } finally {
        await handle.unpause('e2e done');
      }
      expect(await ensureRetentionSchedule(client, taskQueue)).toBe('unchanged');
    });
  });
});
