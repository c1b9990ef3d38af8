/**
 * The parts of a stack of its own, for the fault drills and the benchmarks: they run beside the
 * local stack (free ports, their own folder) and are started, broken and stopped one by one.
 */
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { startLocalPostgres, type LocalPostgres } from './postgres';
import { repoRoot } from './paths';
import { ManagedProcess } from './process';
import { prepareNamespace, startTemporalDevServer } from './temporal-server';
import { ensurePostgresBinaries, ensureTemporalCli } from './toolchain';

const quiet = () => undefined;

/** The Temporal dev server on its SQLite file in `dir`, headless, with the search attributes. */
export async function startSideTemporal(dir: string, port: number): Promise<ManagedProcess> {
  const cli = await ensureTemporalCli(quiet);
  const server = await startTemporalDevServer({
    cli: cli.path,
    port,
    dbFile: temporalDbFile(dir),
    namespace: 'default',
    logFile: path.join(dir, 'logs', 'temporal.log'),
  });
  await prepareNamespace(`127.0.0.1:${port}`, 'default', quiet, server);
  return server;
}

/** Where {@link startSideTemporal} keeps its state. */
export function temporalDbFile(dir: string): string {
  return path.join(dir, 'temporal', 'temporal.db');
}

/** A PostgreSQL cluster in `dir` (durable: it must survive being stopped). */
export async function startSidePostgres(dir: string, port: number): Promise<LocalPostgres> {
  const bin = await ensurePostgresBinaries(quiet);
  return startLocalPostgres({
    binDir: bin.path,
    dir: path.join(dir, 'postgres'),
    port,
    logFile: path.join(dir, 'logs', 'postgres.log'),
    log: quiet,
    durable: true,
  });
}

/** The built worker (`npm run build` first), polling until it says so. */
export async function startSideWorker(
  dir: string,
  parts: { temporalAddress: string; databaseUrl: string; smtpUrl: string },
  env: NodeJS.ProcessEnv = {},
): Promise<ManagedProcess> {
  const worker = new ManagedProcess({
    name: 'worker',
    command: process.execPath,
    args: [path.join(repoRoot(), 'dist', 'apps', 'worker', 'src', 'main.js')],
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: parts.temporalAddress,
      DATABASE_URL: parts.databaseUrl,
      SMTP_URL: parts.smtpUrl,
      LOG_FORMAT: 'json',
      ...env,
    },
    logFile: path.join(dir, 'logs', 'worker.log'),
  });
  await worker.waitForLine(/worker polling task queue/, 120_000);
  return worker;
}

/** One statement on a connection of its own. */
export async function sql<T>(
  databaseUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new PgClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The people the drills' and benchmarks' trajectories write to. */
export async function registerPeople(
  databaseUrl: string,
  people: { coordinator: string; client: string; provider: string },
): Promise<void> {
  await sql(
    databaseUrl,
    `INSERT INTO coordinator (id, name, email) VALUES ($1, 'Anna', 'anna@cjg.example')
     ON CONFLICT DO NOTHING`,
    [people.coordinator],
  );
  await sql(
    databaseUrl,
    `INSERT INTO client (id, name, email) VALUES ($1, 'Sam', 'ouders@gezin.example')
     ON CONFLICT DO NOTHING`,
    [people.client],
  );
  await sql(
    databaseUrl,
    `INSERT INTO provider (agb_code, name, email) VALUES ($1, 'Zorg', 'zorg@zorg.example')
     ON CONFLICT DO NOTHING`,
    [people.provider],
  );
}
