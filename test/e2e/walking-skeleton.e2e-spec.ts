import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  api,
  caughtMail,
  decodedHistory,
  eventually,
  register,
  sql,
  unique,
  withTemporal,
} from '../support/e2e';
import { historyValues } from '../support/history';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: string;
  details?: Array<{ field: string; problems: string[]; codes: string[] }>;
  requestId: string;
}

jest.setTimeout(60_000);

/**
 * The chain through all four real parts: HTTP → Temporal → worker → PostgreSQL row → a letter
 * received by a real SMTP server (MailDev), with nothing personal in the workflow history.
 */
describe('walking skeleton: start a trajectory and follow it through every part', () => {
  const id = unique();
  const caseNumber = `CJG-2026-${id.toUpperCase()}`;
  const coordinator = {
    id: `coord-${id}`,
    name: `Anna de Vries ${id}`,
    email: `anna.${id}@cjg.example`,
  };
  const client = { id: `client-${id}`, name: `Sam Jansen ${id}`, bsn: '111222333' };
  const start = {
    caseNumber,
    municipalityCode: '0957',
    coordinatorId: coordinator.id,
    clientId: client.id,
    familyId: `fam-${id}`,
  };

  beforeAll(async () => {
    expect(
      (
        await register.coordinator(coordinator.id, {
          name: coordinator.name,
          email: coordinator.email,
        })
      ).status,
    ).toBe(200);
    expect((await register.client(client.id, { name: client.name, bsn: client.bsn })).status).toBe(
      200,
    );
  });

  it('starts the workflow and answers its state from a workflow query', async () => {
    const started = await api('POST', '/trajectories', start);
    expect(started.status).toBe(201);
    expect(started.body).toEqual({
      caseNumber,
      workflowId: `trajectory-${caseNumber}`,
      created: true,
    });
    expect(started.headers.get('location')).toBe(`/trajectories/${caseNumber}`);

    const state = await eventually(
      () => api<{ intakeLetterSent: boolean }>('GET', `/trajectories/${caseNumber}`),
      (res) => res.status === 200 && res.body.intakeLetterSent,
    );
    expect(state.body).toMatchObject({ ...start, phase: 'intake', intakeLetterSent: true });
  });

  it('writes the trajectory row to PostgreSQL', async () => {
    const rows = await sql(
      'SELECT case_number, workflow_id, municipality_code, coordinator_id, client_id, phase FROM trajectory WHERE case_number = $1',
      [caseNumber],
    );
    expect(rows).toEqual([
      {
        case_number: caseNumber,
        workflow_id: `trajectory-${caseNumber}`,
        municipality_code: '0957',
        coordinator_id: coordinator.id,
        client_id: client.id,
        phase: 'intake',
      },
    ]);
  });

  it('delivers one "intake registered" letter to the coordinator through SMTP', async () => {
    const mine = await eventually(
      async () =>
        (await caughtMail()).filter((m) => m.to.some((t) => t.address === coordinator.email)),
      (messages) => messages.length > 0,
    );
    expect(mine).toHaveLength(1);
    const [letter] = mine;
    expect(letter?.subject).toBe(`Nieuwe aanmelding geregistreerd: casus ${caseNumber}`);
    expect(letter?.from[0]?.address).toBe('toegang@cjg.local');
    expect(letter?.text).toContain(`Beste ${coordinator.name},`);
    expect(letter?.html).toContain(`<p>Beste ${coordinator.name},</p>`);
    const ledger = await sql(
      'SELECT kind, status FROM notification_ledger WHERE workflow_id = $1',
      [`trajectory-${caseNumber}`],
    );
    expect(ledger).toEqual([{ kind: 'intake-registered', status: 'sent' }]);
  });

  it('is findable in Temporal by its search attributes, with no personal data in its history', async () => {
    await withTemporal(async (temporal) => {
      const found = await eventually(
        async () => {
          const ids: string[] = [];
          for await (const execution of temporal.workflow.list({
            query: `CaseNumber = "${caseNumber}" AND MunicipalityCode = "0957" AND TrajectoryPhase = "intake"`,
          })) {
            ids.push(execution.workflowId);
          }
          return ids;
        },
        (ids) => ids.length > 0,
      );
      expect(found).toEqual([`trajectory-${caseNumber}`]);

      // Every payload decrypted and converted, so names or addresses would show.
      const payloads = JSON.stringify(
        historyValues(await decodedHistory(`trajectory-${caseNumber}`)),
      );
      expect(payloads).toContain(coordinator.id); // the payloads were decoded: ids are there
      for (const personal of [coordinator.email, coordinator.name, client.name, client.bsn]) {
        expect(payloads).not.toContain(personal);
      }
    });
  });

  it('never starts a second workflow for the same case number', async () => {
    const again = await api('POST', '/trajectories', start);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      caseNumber,
      workflowId: `trajectory-${caseNumber}`,
      created: false,
    });

    const contradicting = await api('POST', '/trajectories', {
      ...start,
      municipalityCode: '0983',
    });
    expect(contradicting.status).toBe(409);

    const runs = await withTemporal(async (temporal) => {
      let count = 0;
      for await (const _ of temporal.workflow.list({
        query: `WorkflowId = "trajectory-${caseNumber}"`,
      }))
        count += 1;
      return count;
    });
    expect(runs).toBe(1);
  });
});

describe('bad input gets a clear 4xx and changes nothing', () => {
  const valid = () => {
    const id = unique();
    return {
      caseNumber: `CJG-BAD-${id.toUpperCase()}`,
      municipalityCode: '0957',
      coordinatorId: `coord-${id}`,
      clientId: `client-${id}`,
      familyId: `fam-${id}`,
    };
  };

  async function assertNothingChanged(caseNumber: string): Promise<void> {
    expect((await api('GET', `/trajectories/${caseNumber}`)).status).toBe(404);
    expect(await sql('SELECT 1 FROM trajectory WHERE case_number = $1', [caseNumber])).toEqual([]);
  }

  it('refuses malformed fields and unknown fields with 400 and names them', async () => {
    const body = { ...valid(), municipalityCode: '957', extra: 'x' };
    const res = await api<ErrorBody>('POST', '/trajectories', body, {
      headers: { 'x-request-id': `req-${body.caseNumber}` },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'validation-failed',
      message: expect.stringContaining('municipalityCode'),
      details: expect.arrayContaining([
        { field: 'extra', problems: ['is not allowed'], codes: ['not-allowed'] },
        {
          field: 'municipalityCode',
          problems: [expect.stringContaining('must be a four-digit CBS gemeentecode')],
          codes: ['invalid-format'],
        },
      ]),
      requestId: `req-${body.caseNumber}`,
    });
    expect(res.headers.get('x-request-id')).toBe(`req-${body.caseNumber}`);
    await assertNothingChanged(body.caseNumber);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await api('POST', '/trajectories', undefined, { rawBody: '{"caseNumber": ' });
    expect(res.status).toBe(400);
  });

  it('refuses an e-mail address or BSN as an id', async () => {
    const body = { ...valid(), coordinatorId: 'anna@cjg.example', clientId: '111222333' };
    const res = await api<ErrorBody>('POST', '/trajectories', body);
    expect(res.status).toBe(400);
    expect(res.body.details?.map((d) => d.field).sort()).toEqual(['clientId', 'coordinatorId']);
    await assertNothingChanged(body.caseNumber);
  });

  it('refuses an unknown coordinator or client with 422 before any workflow starts', async () => {
    const body = valid();
    const res = await api<ErrorBody>('POST', '/trajectories', body);
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([
      {
        field: '',
        problems: [
          `coordinatorId ${body.coordinatorId} is not a registered coordinator`,
          `clientId ${body.clientId} is not a registered client`,
        ],
        codes: ['not-registered', 'not-registered'],
      },
    ]);
    expect(res.body.code).toBe('refused');
    await assertNothingChanged(body.caseNumber);
  });

  it('answers 400 for a malformed case number in the path and 404 for an unknown one', async () => {
    expect((await api('GET', '/trajectories/not-a-case')).status).toBe(400);
    expect((await api('GET', '/trajectories/CJG-0000-404')).status).toBe(404);
  });

  it('refuses an invalid BSN and a malformed date of birth for a client', async () => {
    const id = `client-${unique()}`;
    const res = await api<ErrorBody>('PUT', `/clients/${id}`, {
      name: 'X',
      bsn: '123456789',
      dateOfBirth: '17-05-2014',
    });
    expect(res.status).toBe(400);
    expect(res.body.details?.map((d) => d.field).sort()).toEqual(['bsn', 'dateOfBirth']);
    // Values never come back: the BSN is not echoed.
    expect(JSON.stringify(res.body)).not.toContain('123456789');
    expect(await sql('SELECT 1 FROM client WHERE id = $1', [id])).toEqual([]);
  });
});

describe('operations', () => {
  it('reports the database and Temporal healthy on /health', async () => {
    const res = await api<{ status: string; info: Record<string, { status: string }> }>(
      'GET',
      '/health',
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database?.status).toBe('up');
    expect(res.body.info.temporal?.status).toBe('up');
  });

  it('serves exactly the committed OpenAPI document (npm run openapi rewrites it)', async () => {
    const res = await api<Record<string, unknown>>('GET', '/docs/openapi.json', undefined, {
      as: null,
    });
    expect(res.status).toBe(200);
    const committed = JSON.parse(
      await readFile(path.resolve(__dirname, '../../docs/openapi.json'), 'utf8'),
    ) as Record<string, unknown>;
    // On a difference: run `npm run openapi`, review the diff of docs/openapi.json, commit it.
    expect(res.body).toEqual(committed);
  });

  it('sends security headers and refuses an oversized body with 413, changing nothing', async () => {
    const res = await api('GET', '/trajectories?limit=1');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    const caseNumber = `CJG-BIG-${unique().toUpperCase()}`;
    const big = await api('POST', '/trajectories', {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId: 'coord-x',
      clientId: 'client-x',
      familyId: 'x'.repeat(100_000),
    });
    expect(big.status).toBe(413);
    expect(await sql('SELECT 1 FROM trajectory WHERE case_number = $1', [caseNumber])).toEqual([]);
  });
});
