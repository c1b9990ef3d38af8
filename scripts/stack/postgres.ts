import { existsSync } from 'node:fs';
import { chmod, chown, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Client, type ClientConfig } from 'pg';
import { ManagedProcess, readyOrStopped, waitUntil } from './process';
import { run, ToolchainError, type Log } from './toolchain';

export const LOCAL_DB_USER = 'cjg';
export const LOCAL_DB_NAME = 'cjg_toegang';

interface RunAs {
  uid: number;
  gid: number;
  user: string;
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user. */
async function unprivilegedUser(): Promise<RunAs | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const user = process.env.PG_RUN_AS_USER || 'postgres';
  const uid = await run('id', ['-u', user]);
  const gid = await run('id', ['-g', user]);
  if (uid.code !== 0 || gid.code !== 0) {
    throw new ToolchainError(
      `Running as root, PostgreSQL needs an unprivileged user to run as, and '${user}' does not exist. ` +
        'Create one (useradd --system postgres), set PG_RUN_AS_USER, or run as a normal user.',
    );
  }
  return { uid: Number(uid.output.trim()), gid: Number(gid.output.trim()), user };
}

export interface LocalPostgres {
  process: ManagedProcess;
  url: string;
}

/**
 * A project-local PostgreSQL cluster in `dir`, listening on 127.0.0.1:`port` only, trust
 * authentication for the local `cjg` role. Created on first start, reused after.
 */
export async function startLocalPostgres(options: {
  binDir: string;
  dir: string;
  port: number;
  logFile: string;
  log: Log;
  /** Off for throw-away test clusters: faster, and nothing there needs to survive a crash. */
  durable: boolean;
  ownProcessGroup?: boolean;
}): Promise<LocalPostgres> {
  const runAs = await unprivilegedUser();
  await mkdir(options.dir, { recursive: true });
  if (runAs) {
    await chown(options.dir, runAs.uid, runAs.gid);
    await chmod(options.dir, 0o700);
    const probe = await run('test', ['-w', options.dir], { uid: runAs.uid, gid: runAs.gid });
    if (probe.code !== 0) {
      throw new ToolchainError(
        `User ${runAs.user} cannot reach ${options.dir} (a parent folder is closed to it). ` +
          'Move the checkout, set CJG_DATA_DIR to an open folder, or set DATABASE_URL.',
      );
    }
  }
  if (!existsSync(path.join(options.dir, 'PG_VERSION'))) {
    options.log(`creating a PostgreSQL cluster in ${options.dir}`);
    const result = await run(
      path.join(options.binDir, 'initdb'),
      ['-D', options.dir, '-U', LOCAL_DB_USER, '--auth=trust', '--encoding=UTF8', '--no-locale'],
      { uid: runAs?.uid, gid: runAs?.gid, timeoutMs: 120_000 },
    );
    if (result.code !== 0) throw new ToolchainError(`initdb failed:\n${result.output.trim()}`);
  }
  const args = [
    '-D',
    options.dir,
    '-p',
    String(options.port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
  ];
  if (!options.durable)
    args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const postgres = new ManagedProcess({
    name: 'postgres',
    command: path.join(options.binDir, 'postgres'),
    args,
    logFile: options.logFile,
    uid: runAs?.uid,
    gid: runAs?.gid,
    // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect.
    stopSignal: 'SIGINT',
    ownProcessGroup: options.ownProcessGroup,
  });
  const admin = {
    host: '127.0.0.1',
    port: options.port,
    user: LOCAL_DB_USER,
    database: 'postgres',
  };
  await readyOrStopped(postgres, databaseReady(postgres, admin));
  return {
    process: postgres,
    url: `postgres://${LOCAL_DB_USER}@127.0.0.1:${options.port}/${LOCAL_DB_NAME}`,
  };
}

/** Waits until PostgreSQL accepts connections, then creates the project's database once. */
async function databaseReady(postgres: ManagedProcess, admin: ClientConfig): Promise<void> {
  await waitUntil(
    `PostgreSQL on port ${admin.port}`,
    async () => {
      const client = new Client(admin);
      await client.connect();
      await client.end();
      return true;
    },
    60_000,
    postgres,
  );
  const client = new Client(admin);
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      LOCAL_DB_NAME,
    ]);
    if (exists.rowCount === 0)
      await client.query(`CREATE DATABASE ${LOCAL_DB_NAME} OWNER ${LOCAL_DB_USER}`);
  } finally {
    await client.end();
  }
}
