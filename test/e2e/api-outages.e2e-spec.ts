import path from 'node:path';
import { ManagedProcess, freePort, waitUntil } from '../../scripts/stack/process';
import { api, apiUrl, register, unique } from '../support/e2e';
import { FaultProxy } from '../support/fault-proxy';

jest.setTimeout(120_000);

/**
 * The API with its database or Temporal gone: a second API process of the real build, reaching
 * the e2e stack's PostgreSQL and Temporal through proxies that the test cuts and restores.
 * Every call answers 503 with Retry-After (never 500), nothing changes, and it recovers by itself.
 */
describe('503 when PostgreSQL or Temporal is unreachable', () => {
  let database: FaultProxy;
  let temporal: FaultProxy;
  let second: ManagedProcess;
  let base: string;
  const id = unique();
  const caseNumber = `CJG-OUT-${id.toUpperCase()}`;

  const call = <T = Record<string, unknown>>(method: string, route: string, body?: unknown) =>
    api<T>(method, route, body, { baseUrl: base });

  beforeAll(async () => {
    const env = process.env;
    database = await FaultProxy.start(env.E2E_DATABASE_URL!);
    temporal = await FaultProxy.start(env.E2E_TEMPORAL_ADDRESS!);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const dbUrl = new URL(env.E2E_DATABASE_URL!);
    dbUrl.port = String(database.port);
    dbUrl.hostname = '127.0.0.1';
    second = new ManagedProcess({
      name: 'api-behind-proxies',
      command: process.execPath,
      args: [path.resolve(__dirname, '../../dist/apps/api/src/main.js')],
      env: {
        ...process.env,
        // The stack's service settings: its dev key, policy and mail server.
        ...(JSON.parse(env.E2E_SERVICE_ENV!) as NodeJS.ProcessEnv),
        PORT: String(port),
        DATABASE_URL: dbUrl.toString(),
        TEMPORAL_ADDRESS: `127.0.0.1:${temporal.port}`,
        RATE_LIMIT_PER_MINUTE: '0',
      },
      logFile: path.join(env.E2E_DATA_DIR!, 'logs', 'api-behind-proxies.log'),
    });
    await waitUntil(
      'the second API',
      async () => (await fetch(`${base}/health`).catch(() => undefined))?.status === 200,
      60_000,
      second,
    );
    await register.coordinator(`coord-${id}`, { name: 'Anna', email: `a.${id}@cjg.example` });
    await register.client(`client-${id}`, { name: 'Sam' });
    const started = await api('POST', '/trajectories', {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId: `coord-${id}`,
      clientId: `client-${id}`,
      familyId: `fam-${id}`,
    });
    expect(started.status).toBe(201);
    expect(apiUrl()).not.toBe(base);
  });

  afterAll(async () => {
    await second?.stop();
    await database?.close();
    await temporal?.close();
  });

  it('answers 503 with Retry-After while PostgreSQL is away, and recovers', async () => {
    await database.cut();
    try {
      const list = await call<{ statusCode: number; requestId: string }>('GET', '/trajectories');
      expect(list.status).toBe(503);
      expect(list.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(list.body).toMatchObject({ statusCode: 503, requestId: expect.any(String) });
      const command = await call('POST', `/trajectories/${caseNumber}/withdraw`, { reason: 'x' });
      expect(command.status).toBe(503);
      expect((await call('GET', '/health')).status).toBe(503);
    } finally {
      await database.restore();
    }
    await waitUntil(
      'the API back with its database',
      async () => (await call('GET', '/trajectories')).status === 200,
      30_000,
    );
    // Nothing happened to the case while the command could not be checked.
    const state = await api<{ phase: string }>('GET', `/trajectories/${caseNumber}`);
    expect(state.body.phase).toBe('intake');
  });

  it('answers 503 with Retry-After while Temporal is away, and recovers', async () => {
    await temporal.cut();
    try {
      const read = await call('GET', `/trajectories/${caseNumber}`);
      expect(read.status).toBe(503);
      expect(read.headers.get('retry-after')).toMatch(/^\d+$/);
      const command = await call('POST', `/trajectories/${caseNumber}/withdraw`, { reason: 'x' });
      expect(command.status).toBe(503);
      const start = await call('POST', '/trajectories', {
        caseNumber: `CJG-OUT-${unique().toUpperCase()}`,
        municipalityCode: '0957',
        coordinatorId: `coord-${id}`,
        clientId: `client-${id}`,
        familyId: `fam-${id}`,
      });
      expect(start.status).toBe(503);
    } finally {
      await temporal.restore();
    }
    await waitUntil(
      'the API back with Temporal',
      async () => (await call('GET', `/trajectories/${caseNumber}`)).status === 200,
      60_000,
    );
    const state = await api<{ phase: string }>('GET', `/trajectories/${caseNumber}`);
    expect(state.body.phase).toBe('intake');
  });
});
