import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';

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

/** One HTTP call to the real API. */
export async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  rawBody?: string,
): Promise<ApiResponse<T>> {
  const response = await fetch(`${apiUrl()}${path}`, {
    method,
    headers:
      body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {},
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
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

/** A message as MailDev's REST API shows it. */
export interface CaughtMail {
  subject: string;
  to: Array<{ address: string }>;
  from: Array<{ address: string; name: string }>;
  text: string;
  html: string;
}

export async function caughtMail(): Promise<CaughtMail[]> {
  const response = await fetch(`${required('E2E_MAIL_URL')}/api/email`);
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

export async function withTemporal<T>(use: (client: TemporalClient) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address: required('E2E_TEMPORAL_ADDRESS') });
  try {
    return await use(new TemporalClient({ connection }));
  } finally {
    await connection.close();
  }
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
