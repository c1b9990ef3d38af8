import { Client as TemporalClient, Connection } from '@temporalio/client';
import { temporalSettingsFromEnv, type TemporalSettings } from '@cjg/temporal/connection';
import { Client as PgClient } from 'pg';
import { mintDevToken, type DevTokenRequest } from '../../scripts/stack/dev-keys';
import { fetchDecodedHistory, type History } from './history';

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the e2e tier through jest --selectProjects e2e`);
  return value;
}

export const apiUrl = () => required('E2E_API_URL');

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Who calls: the claims of a token signed with the e2e stack's dev key. */
export interface Caller {
  role: DevTokenRequest['role'];
  sub: string;
  municipalities?: string[];
  agbCode?: string;
  /** A Veilig Thuis or GI liaison's organisation. */
  organisationId?: string;
}

/** The callers most tests use; a test that needs another scope makes its own. */
export const callers = {
  coordinator: { role: 'coordinator', sub: 'coord-e2e', municipalities: ['0957', '0983'] },
  teamLead: { role: 'team-lead', sub: 'lead-e2e', municipalities: ['0957', '0983'] },
  ops: { role: 'ops', sub: 'ops-e2e' },
  provider: (agbCode: string): Caller => ({ role: 'provider', sub: `zorg-${agbCode}`, agbCode }),
  veiligThuis: (organisationId: string): Caller => ({
    role: 'veilig-thuis',
    sub: `vt-${organisationId}`,
    organisationId,
  }),
  gi: (organisationId: string): Caller => ({
    role: 'gi',
    sub: `gi-${organisationId}`,
    organisationId,
  }),
} satisfies Record<string, Caller | ((agb: string) => Caller)>;

const tokens = new Map<string, Promise<string>>();

/** A bearer token for the caller, as the identity provider would issue it. */
export function tokenFor(caller: Caller, extra: Partial<DevTokenRequest> = {}): Promise<string> {
  const request: DevTokenRequest = {
    role: caller.role,
    sub: caller.sub,
    dataScope: [
      ...(caller.municipalities ?? []).map((code) => `municipality:${code}`),
      ...(caller.agbCode ? [`agb:${caller.agbCode}`] : []),
      ...(caller.organisationId ? [`org:${caller.organisationId}`] : []),
    ],
    ...extra,
  };
  const cacheKey = JSON.stringify(request);
  if (!tokens.has(cacheKey)) tokens.set(cacheKey, mintDevToken(required('E2E_DEV_KEY'), request));
  return tokens.get(cacheKey)!;
}

export interface CallOptions {
  /** Who calls (default: the e2e coordinator); null sends no Authorization header. */
  as?: Caller | null;
  /** A ready token instead of `as`. */
  token?: string;
  /** A body sent as is, for malformed-JSON tests. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Another API process than the stack's (default E2E_API_URL). */
  baseUrl?: string;
}

/** One HTTP call to the real API. */
export async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined || options.rawBody !== undefined)
    headers['content-type'] = 'application/json';
  const caller = options.as === undefined ? callers.coordinator : options.as;
  const token = options.token ?? (caller ? await tokenFor(caller) : undefined);
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${options.baseUrl ?? apiUrl()}${path}`, {
    method,
    headers,
    signal: AbortSignal.timeout(30_000),
    body: options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** The command endpoint of a trajectory: `recordReview` → `/trajectories/<case>/record-review`. */
export function commandPath(caseNumber: string, command: string): string {
  return `/trajectories/${caseNumber}/${command.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Registers the people and providers a test needs, as the roles that may: ops (a team lead
 * registers coordinators only in a team of its own municipalities), the e2e coordinator a client.
 */
export const register = {
  coordinator: (id: string, body: { name: string; email: string; teamId?: string }) =>
    api('PUT', `/coordinators/${id}`, body, { as: callers.ops }),
  team: (id: string, body: { name: string; municipalityCode: string }) =>
    api('PUT', `/teams/${id}`, body, { as: callers.ops }),
  municipality: (code: string, name: string) =>
    api('PUT', `/municipalities/${code}`, { name }, { as: callers.ops }),
  client: (id: string, body: Record<string, unknown>) =>
    api('PUT', `/clients/${id}`, body, { as: callers.coordinator }),
  professional: (
    id: string,
    body: {
      name: string;
      kind: 'bpp' | 'gedragswetenschapper';
      register: 'SKJ' | 'BIG';
      registrationNumber: string;
    },
  ) => api('PUT', `/professionals/${id}`, body, { as: callers.ops }),
  provider: (agbCode: string, body: { name: string; email: string }) =>
    api('PUT', `/providers/${agbCode}`, body, { as: callers.ops }),
  organisation: (
    id: string,
    body: {
      kind: 'veilig-thuis' | 'gi' | 'raad' | 'beschermingsplein';
      name: string;
      email: string;
    },
  ) => api('PUT', `/organisations/${id}`, body, { as: callers.ops }),
};

/** A message as MailDev's REST API shows it. */
export interface CaughtMail {
  subject: string;
  to: Array<{ address: string }>;
  from: Array<{ address: string; name: string }>;
  text: string;
  html: string;
}

/** The messages MailDev holds (the e2e stack's, or the one at `mailUrl`). */
export async function caughtMail(mailUrl = required('E2E_MAIL_URL')): Promise<CaughtMail[]> {
  const response = await fetch(`${mailUrl}/api/email`);
  if (!response.ok) throw new Error(`MailDev answered ${response.status}`);
  return (await response.json()) as CaughtMail[];
}

export async function sql<T = Record<string, unknown>>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new PgClient({ connectionString: required('E2E_DATABASE_URL') });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The Temporal settings of the e2e stack's worker and API: its address and payload key. */
export function e2eTemporalSettings(): TemporalSettings {
  return temporalSettingsFromEnv({
    TEMPORAL_ADDRESS: required('E2E_TEMPORAL_ADDRESS'),
    TEMPORAL_PAYLOAD_KEYS_FILE: required('E2E_PAYLOAD_KEYS_FILE'),
  });
}

/**
 * A client of the e2e stack's Temporal, with its payload codec as the worker and the API have it;
 * `{ codec: false }` gives one without, which sees the payloads as Temporal stores them.
 */
export async function withTemporal<T>(
  use: (client: TemporalClient) => Promise<T>,
  options: { codec?: boolean } = {},
): Promise<T> {
  const settings = e2eTemporalSettings();
  const connection = await Connection.connect(settings.connection);
  try {
    return await use(
      new TemporalClient({
        connection,
        namespace: settings.namespace,
        ...(options.codec === false ? {} : { dataConverter: settings.dataConverter }),
      }),
    );
  } finally {
    await connection.close();
  }
}

/**
 * A workflow's history on the e2e stack with its payloads decoded by the stack's key (what ops
 * read through the codec server); `historyValues` (./history) lists what it holds.
 */
export function decodedHistory(workflowId: string, runId?: string): Promise<History> {
  return withTemporal((client) =>
    fetchDecodedHistory(client, workflowId, e2eTemporalSettings().codec, runId),
  );
}

/** Polls until `read` gives a value `done` accepts; fails with the last value after `timeoutMs`. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `condition not reached within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`,
  );
}

/** A short unique suffix, so tests never collide on case numbers or ids. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A municipality of a test's own, so that its reports count only its cases: its name, a
 * coordinator (registered, scoped to it) and a team lead of it, and the start of a trajectory
 * there for a client the coordinator registers. `label` makes the ids unique to the test.
 */
export function ownMunicipality(code: string, name: string, label: string) {
  const coordinatorId = `coord-${label}`;
  const coordinator: Caller = { role: 'coordinator', sub: coordinatorId, municipalities: [code] };
  const teamLead: Caller = { role: 'team-lead', sub: `lead-${label}`, municipalities: [code] };
  return {
    coordinator,
    teamLead,
    /** Registers the municipality's name and its coordinator (named `coordinatorName`). */
    async register(coordinatorName: string): Promise<void> {
      expect(
        (await api('PUT', `/municipalities/${code}`, { name }, { as: callers.ops })).status,
      ).toBeLessThan(300);
      const res = await register.coordinator(coordinatorId, {
        name: coordinatorName,
        email: `${coordinatorId}@cjg.example`,
      });
      expect(res.status).toBeLessThan(300);
    },
    /** Registers the client and starts a trajectory for it in this municipality. */
    async start(caseNumber: string, client: { id: string; name: string; email: string }) {
      const registered = await api(
        'PUT',
        `/clients/${client.id}`,
        { name: client.name, email: client.email },
        { as: coordinator },
      );
      expect(registered.status).toBeLessThan(300);
      const started = await api(
        'POST',
        '/trajectories',
        {
          caseNumber,
          municipalityCode: code,
          coordinatorId,
          clientId: client.id,
          familyId: `fam-${client.id}`,
        },
        { as: coordinator },
      );
      expect(started.status).toBe(201);
    },
  };
}

/** The gedragswetenschapper who signs off plan deel 1 in the e2e tests (002 §3.4). */
export const E2E_PROFESSIONAL = 'gw-e2e';

let professionalRegistered: Promise<unknown> | undefined;

/**
 * The body of a `signOffPlan` by E2E_PROFESSIONAL, registered first (once per test file; the PUT
 * is idempotent). Every trajectory needs it before its beschikking.
 */
export async function planSignOff(): Promise<{ professionalId: string }> {
  professionalRegistered ??= register
    .professional(E2E_PROFESSIONAL, {
      name: 'Petra Smeets',
      kind: 'gedragswetenschapper',
      register: 'SKJ',
      registrationNumber: '100012345',
    })
    .then((res) => {
      if (res.status >= 300) throw new Error(`PUT /professionals answered ${res.status}`);
    });
  await professionalRegistered;
  return { professionalId: E2E_PROFESSIONAL };
}
