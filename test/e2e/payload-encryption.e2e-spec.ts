import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { request, type Server } from 'node:http';
import type { Payload } from '@temporalio/common';
import {
  ENCRYPTED_ENCODING,
  ENCRYPTION_KEY_ID,
  unencryptedHistoryPayloads,
} from '@cjg/temporal/connection';
import { trajectoryStateQuery } from '@cjg/workflows/trajectory.definitions';
import {
  DEV_UI_SUBJECT,
  createDevCodecProxy,
  listenDevCodecProxy,
} from '../../scripts/stack/dev-codec-proxy';
import { freePort } from '../../scripts/stack/process';
import { E2E_TEMPORAL_UI_ORIGIN } from './global-setup';
import {
  api,
  apiUrl,
  callers,
  decodedHistory,
  eventually,
  register,
  sql,
  unique,
  withTemporal,
  type Caller,
} from '../support/e2e';
import { historyValues } from '../support/history';

jest.setTimeout(60_000);

interface JsonPayload {
  metadata: Record<string, string>;
  data: string;
}

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const toJson = (payload: Payload): JsonPayload => ({
  metadata: Object.fromEntries(
    Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(payload.data ?? []).toString('base64'),
});
const fromBase64 = (value: string | undefined) => Buffer.from(value ?? '', 'base64').toString();

/** The key id the e2e stack encrypts with: the first entry of its key file. */
function stackKeyId(): string {
  const file = readFileSync(process.env.E2E_PAYLOAD_KEYS_FILE!, 'utf8');
  const first = file.split('\n').find((line) => line.trim() && !line.startsWith('#'))!;
  return first.slice(0, first.indexOf(':'));
}

/**
 * Item 4 of issue 15 on the real stack: Temporal stores every workflow input, result, update and
 * activity argument encrypted under the stack's payload key; the API's codec server decodes them
 * for ops (and for the Temporal Web UI, directly or through the local stack's dev proxy).
 */
describe('payload encryption', () => {
  const id = unique();
  const caseNumber = `CJG-2026-${id.toUpperCase()}`;
  const workflowId = `trajectory-${caseNumber}`;
  const start = {
    caseNumber,
    municipalityCode: '0957',
    coordinatorId: `coord-${id}`,
    clientId: `client-${id}`,
    familyId: `fam-${id}`,
  };
  const ops: Caller = { role: 'ops', sub: `ops-codec-${id}` };
  let storedInput: Payload;

  beforeAll(async () => {
    await register.coordinator(start.coordinatorId, {
      name: `Anna ${id}`,
      email: `anna.${id}@cjg.example`,
    });
    await register.client(start.clientId, { name: `Sam ${id}` });
    expect((await api('POST', '/trajectories', start)).status).toBe(201);
    await eventually(
      () => api<{ intakeLetterSent: boolean }>('GET', `/trajectories/${caseNumber}`),
      (res) => res.status === 200 && res.body.intakeLetterSent,
    );
  });

  it('stores the history encrypted under the stack key: unreadable without the codec', async () => {
    const raw = await withTemporal(
      (client) => client.workflow.getHandle(workflowId).fetchHistory(),
      { codec: false },
    );
    const input = raw.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    expect(input).toBeDefined();
    storedInput = input!;
    expect(text(input!.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(input!.metadata?.[ENCRYPTION_KEY_ID])).toBe(stackKeyId());
    expect(Buffer.from(input!.data!).includes(caseNumber)).toBe(false);
    // Every payload the codec sees: inputs, results, updates, activity arguments, memos.
    expect(unencryptedHistoryPayloads(raw).map((p) => p.path)).toEqual([]);
    // Only the search attributes, which ops search by, are readable: ids and codes.
    expect(JSON.stringify(historyValues(raw))).not.toContain(start.clientId);
  });

  it('reads as JSON with the codec: the decoded history and a query', async () => {
    const values = historyValues(await decodedHistory(workflowId));
    const started = values.find((v) =>
      v.path.includes('workflowExecutionStartedEventAttributes.input'),
    );
    expect(started).toMatchObject({ encoding: 'json/plain', value: { ...start } });
    expect(values.filter((v) => v.encoding === ENCRYPTED_ENCODING)).toEqual([]);
    const state = await withTemporal((client) =>
      client.workflow.getHandle(workflowId).query(trajectoryStateQuery),
    );
    expect(state).toMatchObject({ caseNumber, phase: 'intake' });
  });

  describe('the codec server (POST /codec/decode, /codec/encode)', () => {
    const body = () => ({ payloads: [toJson(storedInput)] });

    it('answers 401 without a token and 403 to every role but ops', async () => {
      expect((await api('POST', '/codec/decode', body(), { as: null })).status).toBe(401);
      for (const caller of [callers.coordinator, callers.teamLead, callers.provider('12345678')]) {
        const res = await api('POST', '/codec/decode', body(), { as: caller });
        expect(res.status).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain(caseNumber);
      }
      expect((await api('POST', '/codec/encode', body(), { as: callers.coordinator })).status).toBe(
        403,
      );
    });

    it('decodes for ops, and writes each decode to the audit trail with the count only', async () => {
      const res = await api<{ payloads: JsonPayload[] }>('POST', '/codec/decode', body(), {
        as: ops,
        headers: { 'x-namespace': 'default', 'x-request-id': `codec-${id}` },
      });
      expect(res.status).toBe(200);
      const [decoded] = res.body.payloads;
      expect(fromBase64(decoded!.metadata.encoding)).toBe('json/plain');
      expect(JSON.parse(fromBase64(decoded!.data))).toMatchObject(start);

      const rows = await eventually(
        () =>
          sql<{ actor_role: string; action: string; outcome: string; detail: object }>(
            `SELECT actor_role, action, outcome, status_code, request_id, detail FROM audit_event
              WHERE actor_sub = $1 ORDER BY id`,
            [ops.sub],
          ),
        (found) => found.length > 0,
      );
      expect(rows).toEqual([
        {
          actor_role: 'ops',
          action: 'read:codec-decode',
          outcome: 'accepted',
          status_code: 200,
          request_id: `codec-${id}`,
          detail: { payloads: 1, namespace: 'default' },
        },
      ]);
      expect(JSON.stringify(rows)).not.toContain(caseNumber);
    });

    it('serves the configured namespace only (X-Namespace), absent meaning that one', async () => {
      const absent = await api('POST', '/codec/decode', body(), { as: ops });
      expect(absent.status).toBe(200);
      const other = await api<{ message: string }>('POST', '/codec/decode', body(), {
        as: ops,
        headers: { 'x-namespace': 'other-municipality' },
      });
      expect(other.status).toBe(400);
      expect(other.body.message).toMatch(/namespace default only, not of other-municipality/);
    });

    it('encodes for ops what the stack decodes, and passes plain payloads through', async () => {
      const plain = {
        metadata: { encoding: Buffer.from('json/plain').toString('base64') },
        data: Buffer.from(JSON.stringify({ caseNumber })).toString('base64'),
      };
      const encoded = await api<{ payloads: JsonPayload[] }>(
        'POST',
        '/codec/encode',
        { payloads: [plain] },
        { as: ops },
      );
      expect(encoded.status).toBe(200);
      const [sealed] = encoded.body.payloads;
      expect(fromBase64(sealed!.metadata.encoding)).toBe(ENCRYPTED_ENCODING);
      expect(fromBase64(sealed!.metadata[ENCRYPTION_KEY_ID])).toBe(stackKeyId());
      const decoded = await api<{ payloads: JsonPayload[] }>(
        'POST',
        '/codec/decode',
        { payloads: [sealed, plain] },
        { as: ops },
      );
      expect(decoded.body.payloads).toEqual([plain, plain]);
    });

    it('refuses with 400 what it cannot decrypt, and malformed bodies', async () => {
      const unknownKey = toJson(storedInput);
      unknownKey.metadata[ENCRYPTION_KEY_ID] = Buffer.from('retired-2019').toString('base64');
      const tampered = toJson(storedInput);
      const bytes = Buffer.from(tampered.data, 'base64');
      bytes[bytes.length - 1] ^= 1;
      tampered.data = bytes.toString('base64');
      for (const [payload, message] of [
        [unknownKey, /key "retired-2019", which is not among/],
        [tampered, /does not authenticate/],
      ] as const) {
        const res = await api<{ message: string }>(
          'POST',
          '/codec/decode',
          { payloads: [payload] },
          { as: ops },
        );
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(message);
      }
      for (const bad of [{}, { payloads: [{ data: 'not base64!' }] }, { payloads: 'x' }]) {
        expect((await api('POST', '/codec/decode', bad, { as: ops })).status).toBe(400);
      }
    });

    it("lets the Temporal Web UI's origin call it from a browser, with a token and X-Namespace", async () => {
      const preflight = (origin: string) =>
        fetch(`${apiUrl()}/codec/decode`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type,x-namespace',
          },
        });
      const ui = await preflight(E2E_TEMPORAL_UI_ORIGIN);
      expect(ui.status).toBe(204);
      expect(ui.headers.get('access-control-allow-origin')).toBe(E2E_TEMPORAL_UI_ORIGIN);
      expect(ui.headers.get('access-control-allow-credentials')).toBe('true');
      expect(ui.headers.get('access-control-allow-headers')).toBe(
        'Authorization,Content-Type,X-Namespace',
      );
      const other = await preflight('https://elsewhere.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const post = await api('POST', '/codec/decode', body(), {
        as: ops,
        headers: { origin: E2E_TEMPORAL_UI_ORIGIN },
      });
      expect(post.status).toBe(200);
      expect(post.headers.get('access-control-allow-origin')).toBe(E2E_TEMPORAL_UI_ORIGIN);
    });
  });

  describe("the local stack's dev codec proxy (the dev Web UI has no login)", () => {
    let proxy: Server;
    let proxyUrl: string;
    const uiOrigin = 'http://127.0.0.1:8233';

    beforeAll(async () => {
      const port = await freePort();
      proxy = await listenDevCodecProxy({
        apiUrl: apiUrl(),
        uiOrigins: [uiOrigin],
        devKeyFile: process.env.E2E_DEV_KEY!,
        port: port!,
        env: { NODE_ENV: 'development' },
      });
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => proxy?.close(() => resolve())));

    it("answers the UI's preflight and decodes for it as the dev ops user, audited", async () => {
      const preflight = await fetch(`${proxyUrl}/decode`, {
        method: 'OPTIONS',
        headers: {
          origin: uiOrigin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-namespace',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(uiOrigin);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-Namespace/);

      const before = await sql<{ n: string }>(
        `SELECT count(*) AS n FROM audit_event WHERE actor_sub = $1`,
        [DEV_UI_SUBJECT],
      );
      const res = await fetch(`${proxyUrl}/decode`, {
        method: 'POST',
        headers: { origin: uiOrigin, 'content-type': 'application/json', 'x-namespace': 'default' },
        body: JSON.stringify({ payloads: [toJson(storedInput)] }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(uiOrigin);
      const { payloads } = (await res.json()) as { payloads: JsonPayload[] };
      expect(JSON.parse(fromBase64(payloads[0]!.data))).toMatchObject(start);
      const after = await sql<{ n: string }>(
        `SELECT count(*) AS n FROM audit_event WHERE actor_sub = $1 AND action = 'read:codec-decode'`,
        [DEV_UI_SUBJECT],
      );
      expect(Number(after[0]!.n)).toBe(Number(before[0]!.n) + 1);
    });

    it('refuses other origins, other host names (DNS rebinding), and production', async () => {
      const evil = await fetch(`${proxyUrl}/decode`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ payloads: [toJson(storedInput)] }),
      });
      expect(evil.status).toBe(403);
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
      // fetch() sets Host itself; a page rebound to 127.0.0.1 would send its own name.
      const rebound = await new Promise<number | undefined>((resolve, reject) => {
        const req = request(`${proxyUrl}/decode`, {
          method: 'POST',
          headers: { host: 'evil.example:8234', 'content-type': 'application/json' },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
        req.end(JSON.stringify({ payloads: [toJson(storedInput)] }));
      });
      expect(rebound).toBe(403);
      expect(() =>
        createDevCodecProxy({
          apiUrl: apiUrl(),
          uiOrigins: [uiOrigin],
          devKeyFile: process.env.E2E_DEV_KEY!,
          port: 1,
          env: { NODE_ENV: 'production' },
        }),
      ).toThrow(/does not run with NODE_ENV=production/);
    });
  });
});

describe('a production start without a payload key', () => {
  const serviceEnv = () => {
    const env = JSON.parse(process.env.E2E_SERVICE_ENV!) as NodeJS.ProcessEnv;
    delete env.TEMPORAL_PAYLOAD_KEYS_FILE;
    delete env.TEMPORAL_PAYLOAD_KEYS;
    return { ...env, NODE_ENV: 'production' };
  };
  const run = async (app: 'api' | 'worker', env: NodeJS.ProcessEnv) => {
    const child = spawn(
      process.execPath,
      [path.resolve(__dirname, `../../dist/apps/${app}/src/main.js`)],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { code, output };
  };

  it('is refused by the worker and by the API, saying which variable to set', async () => {
    const worker = await run('worker', serviceEnv());
    expect(worker.code).toBe(1);
    expect(worker.output).toMatch(
      /worker cannot start: TEMPORAL_PAYLOAD_KEYS or TEMPORAL_PAYLOAD_KEYS_FILE is required when NODE_ENV=production/,
    );
    const apiProcess = await run('api', { ...serviceEnv(), PORT: String(await freePort()) });
    expect(apiProcess.code).toBe(1);
    expect(apiProcess.output).toMatch(
      /api cannot start: TEMPORAL_PAYLOAD_KEYS or TEMPORAL_PAYLOAD_KEYS_FILE is required when NODE_ENV=production/,
    );
  });
});
