/**
 * A real Temporal server with PostgreSQL persistence, for measurements that need the storage path
 * of a deployment rather than the CLI's dev server on SQLite. The server and its schema tool are
 * built once from the pinned go.temporal.io/server module with the Go toolchain into `.toolchain/`
 * (Go's module and build caches stay there too); the SQL schema files ship in that module and are
 * copied next to the binaries.
 */
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { CJG_SEARCH_ATTRIBUTES, ensureSearchAttributes } from '@cjg/temporal';
import { Client } from 'pg';
import { toolchainDir } from './paths';
import { isListening, ManagedProcess, waitUntil } from './process';
import {
  freshDir,
  isExecutable,
  lastLines,
  publish,
  run,
  ToolchainError,
  which,
  type Log,
} from './toolchain';

/** The pinned Temporal server release (Go module go.temporal.io/server). */
export const TEMPORAL_SERVER_VERSION = '1.32.2';
const TEMPORAL_SERVER_MODULE = 'go.temporal.io/server';
/** Where Go is when it is installed from go.dev's tarball but not on PATH. */
const GO_DEFAULT_PATH = '/usr/local/go/bin/go';

/** The two databases the server uses, created in the given PostgreSQL when missing. */
export const TEMPORAL_DATABASES = {
  store: 'temporal',
  visibility: 'temporal_visibility',
} as const;

/** The frontend takes the base port; history, matching, worker and the membership ports follow. */
export const TEMPORAL_PORT_COUNT = 8;

export interface TemporalServerInstall {
  dir: string;
  /** go.temporal.io/server/cmd/server */
  server: string;
  /** go.temporal.io/server/cmd/tools/sql */
  sqlTool: string;
  /** The module's schema/postgresql/v12 folder: temporal/versioned and visibility/versioned. */
  schemaDir: string;
  source: string;
}

function layout(dir: string): Omit<TemporalServerInstall, 'source'> {
  return {
    dir,
    server: path.join(dir, 'server'),
    sqlTool: path.join(dir, 'temporal-sql-tool'),
    schemaDir: path.join(dir, 'schema', 'postgresql', 'v12'),
  };
}

function isComplete(install: Omit<TemporalServerInstall, 'source'>): boolean {
  return (
    isExecutable(install.server) &&
    isExecutable(install.sqlTool) &&
    existsSync(path.join(install.schemaDir, 'temporal', 'versioned')) &&
    existsSync(path.join(install.schemaDir, 'visibility', 'versioned'))
  );
}

/**
 * The Temporal server and temporal-sql-tool binaries of TEMPORAL_SERVER_VERSION, built with
 * `go install` on first use into `.toolchain/temporal-server-<version>/` (several minutes) and
 * reused after. GOPATH, the module cache and the build cache live in `.toolchain/go/`.
 */
export async function installTemporalServer(
  log: Log,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TemporalServerInstall> {
  const root = toolchainDir(env);
  const dir = path.join(root, `temporal-server-${TEMPORAL_SERVER_VERSION}`);
  const final = layout(dir);
  if (isComplete(final)) return { ...final, source: 'go install (cached)' };

  const go = which('go', env) ?? (isExecutable(GO_DEFAULT_PATH) ? GO_DEFAULT_PATH : undefined);
  if (!go) {
    throw new ToolchainError(
      `Building Temporal server v${TEMPORAL_SERVER_VERSION} needs Go (1.26 or newer), and the go command ` +
        `is neither on PATH nor at ${GO_DEFAULT_PATH}. Install Go from https://go.dev/dl/ and try again.`,
    );
  }
  const gopath = path.join(root, 'go');
  const gomodcache = path.join(gopath, 'pkg', 'mod');
  const tmp = await freshDir(root, path.basename(dir));
  try {
    const started = Date.now();
    log(
      `building Temporal server v${TEMPORAL_SERVER_VERSION} and temporal-sql-tool with ${go} (first time only, several minutes)…`,
    );
    const goEnv: NodeJS.ProcessEnv = {
      ...env,
      GOPATH: gopath,
      GOMODCACHE: gomodcache,
      GOCACHE: path.join(gopath, 'cache'),
      GOBIN: tmp,
      CGO_ENABLED: '0',
      // The module asks for a newer Go patch release than may be installed; `auto` lets go fetch
      // that release from the module proxy (golang.org/toolchain) into the module cache above.
      GOTOOLCHAIN: env.GOTOOLCHAIN || 'auto',
    };
    const result = await run(
      go,
      [
        'install',
        // Writable module cache files, so `rm -rf .toolchain` just works.
        '-modcacherw',
        `${TEMPORAL_SERVER_MODULE}/cmd/server@v${TEMPORAL_SERVER_VERSION}`,
        `${TEMPORAL_SERVER_MODULE}/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`,
      ],
      { env: goEnv, timeoutMs: 3_600_000 },
    );
    if (result.code !== 0) {
      throw new ToolchainError(
        `go install of ${TEMPORAL_SERVER_MODULE}@v${TEMPORAL_SERVER_VERSION} failed (exit ${result.code}):\n` +
          lastLines(result.output, 15),
      );
    }
    const built = layout(tmp);
    await rename(path.join(tmp, 'sql'), built.sqlTool);
    const moduleSchema = path.join(
      gomodcache,
      `${TEMPORAL_SERVER_MODULE}@v${TEMPORAL_SERVER_VERSION}`,
      'schema',
      'postgresql',
      'v12',
    );
    if (!existsSync(moduleSchema)) {
      throw new ToolchainError(`the module cache has no PostgreSQL schema at ${moduleSchema}`);
    }
    await cp(moduleSchema, built.schemaDir, { recursive: true });
    await chmod(built.server, 0o755);
    await chmod(built.sqlTool, 0o755);
    if (!isComplete(built)) {
      throw new ToolchainError(`go install left no server and sql binaries in ${tmp}`);
    }
    const version = await run(built.server, ['--version'], { timeoutMs: 30_000 });
    if (version.code !== 0 || !version.output.includes(TEMPORAL_SERVER_VERSION)) {
      throw new ToolchainError(
        `the built server does not report v${TEMPORAL_SERVER_VERSION}:\n${lastLines(version.output)}`,
      );
    }
    await publish(tmp, dir);
    log(
      `Temporal server v${TEMPORAL_SERVER_VERSION} built in ${Math.round((Date.now() - started) / 1000)} s: ${dir}`,
    );
    return { ...final, source: 'go install' };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- running the server

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password?: string;
}

export interface TemporalOnPostgresOptions {
  /** The binaries to run; installTemporalServer() when not given. */
  install?: TemporalServerInstall;
  postgres: PostgresServer;
  /** The frontend's gRPC port; the next TEMPORAL_PORT_COUNT - 1 ports are taken too. */
  port: number;
  /** The server's config files go here. */
  dir: string;
  logFile: string;
  log: Log;
  /** Registered when missing (default `default`), with the project's search attributes. */
  namespace?: string;
  retentionDays?: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Also print the server's output on this console. */
  echo?: boolean;
}

export interface TemporalOnPostgres {
  /** host:port of the frontend. */
  address: string;
  namespace: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

interface ServicePorts {
  grpc: number;
  membership: number;
}

/** Loopback ports of the four services: gRPC from the base port up, membership after them. */
export function temporalServicePorts(base: number): Record<string, ServicePorts> {
  const services = ['frontend', 'history', 'matching', 'worker'];
  return Object.fromEntries(
    services.map((name, i) => [name, { grpc: base + i, membership: base + services.length + i }]),
  );
}

/**
 * Custom search attribute slots per type in Temporal's SQL visibility schema (PostgreSQL v12):
 * each namespace maps its attributes onto these pre-made columns, so there are no more than this.
 */
const SQL_VISIBILITY_SLOTS: Record<string, number> = {
  KEYWORD: 10,
  KEYWORD_LIST: 3,
  TEXT: 3,
  INT: 3,
  DOUBLE: 3,
  BOOL: 3,
  DATETIME: 3,
};

function checkSearchAttributeSlots(): void {
  const counts = new Map<string, number>();
  for (const key of CJG_SEARCH_ATTRIBUTES) counts.set(key.type, (counts.get(key.type) ?? 0) + 1);
  const over = [...counts].filter(([type, count]) => count > (SQL_VISIBILITY_SLOTS[type] ?? 0));
  if (over.length > 0) {
    throw new Error(
      `The project's search attributes do not fit Temporal's SQL visibility: ${over
        .map(
          ([type, count]) =>
            `${count} of type ${type}, room for ${SQL_VISIBILITY_SLOTS[type] ?? 0}`,
        )
        .join('; ')}`,
    );
  }
}

async function createDatabases(pg: PostgresServer, log: Log): Promise<void> {
  const client = new Client({
    host: pg.host,
    port: pg.port,
    user: pg.user,
    password: pg.password,
    database: 'postgres',
  });
  await client.connect();
  try {
    for (const name of Object.values(TEMPORAL_DATABASES)) {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE ${name}`);
        log(`database ${name} created`);
      }
    }
  } finally {
    await client.end();
  }
}

/** Versioning tables, then every versioned schema step not yet applied (both are idempotent). */
async function updateSchemas(
  install: TemporalServerInstall,
  pg: PostgresServer,
  log: Log,
): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (pg.password) env.SQL_PASSWORD = pg.password;
  else delete env.SQL_PASSWORD;
  const common = ['--plugin', 'postgres12', '--ep', pg.host, '-p', String(pg.port), '-u', pg.user];
  const steps: Array<[string, string]> = [
    [TEMPORAL_DATABASES.store, 'temporal'],
    [TEMPORAL_DATABASES.visibility, 'visibility'],
  ];
  for (const [database, schema] of steps) {
    for (const command of [
      ['setup-schema', '-v', '0.0'],
      ['update-schema', '-d', path.join(install.schemaDir, schema, 'versioned')],
    ]) {
      const result = await run(install.sqlTool, [...common, '--db', database, ...command], {
        env,
        timeoutMs: 300_000,
      });
      if (result.code !== 0) {
        throw new Error(
          `temporal-sql-tool ${command[0]} on database ${database} failed:\n${lastLines(result.output, 12)}`,
        );
      }
    }
  }
  log(`schemas of ${Object.values(TEMPORAL_DATABASES).join(' and ')} are up to date`);
}

/** A YAML scalar: JSON strings are YAML strings. */
const q = (value: string) => JSON.stringify(value);

function datastore(pg: PostgresServer, database: string, maxConns: number): string {
  return `      sql:
        pluginName: postgres12
        databaseName: ${q(database)}
        connectAddr: ${q(`${pg.host}:${pg.port}`)}
        connectProtocol: tcp
        user: ${q(pg.user)}
        password: ${q(pg.password ?? '')}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: 1h`;
}

function serverConfig(options: TemporalOnPostgresOptions, dynamicConfigFile: string): string {
  const services = Object.entries(temporalServicePorts(options.port))
    .map(
      ([name, ports]) => `  ${name}:
    rpc:
      grpcPort: ${ports.grpc}
      membershipPort: ${ports.membership}
      bindOnIP: 127.0.0.1`,
    )
    .join('\n');
  return `# Written by scripts/stack/temporal-postgres.ts at every start; edits are overwritten.
log:
  stdout: true
  level: ${options.logLevel ?? 'info'}

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: 4
  datastores:
    postgres-default:
${datastore(options.postgres, TEMPORAL_DATABASES.store, 20)}
    postgres-visibility:
${datastore(options.postgres, TEMPORAL_DATABASES.visibility, 10)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1

services:
${services}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: ${q(`127.0.0.1:${options.port}`)}

dcRedirectionPolicy:
  policy: noop

dynamicConfigClient:
  filepath: ${q(dynamicConfigFile)}
  pollInterval: 10s
`;
}

const DYNAMIC_CONFIG = `# Written by scripts/stack/temporal-postgres.ts at every start; edits are overwritten.
# Workflow ids of the project are short; the dev server allows 255 characters too.
limit.maxIDLength:
  - value: 255
    constraints: {}
`;

/** Settings of the server CLI read from the environment that would fight --config-file. */
const SERVER_ENV_OVERRIDES = [
  'TEMPORAL_ROOT',
  'TEMPORAL_CONFIG_DIR',
  'TEMPORAL_ENVIRONMENT',
  'TEMPORAL_AVAILABILITY_ZONE',
  'TEMPORAL_AVAILABILTY_ZONE',
  'TEMPORAL_CONFIG_FILE',
  'TEMPORAL_SERVICES',
];

const GRPC_ALREADY_EXISTS = 6;
const GRPC_NOT_FOUND = 5;
/** Each service caches search attributes this long (go.temporal.io/server common/searchattribute). */
const SEARCH_ATTRIBUTE_CACHE_MS = 60_000;

function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Starts the Temporal server on a running PostgreSQL: creates its two databases when missing,
 * brings their schemas up to date, writes the config, starts all four services in one process,
 * waits until the frontend answers, and registers the namespace and the project's search
 * attributes. The first start waits for every service's search attribute cache to pick them up.
 */
export async function startTemporalOnPostgres(
  options: TemporalOnPostgresOptions,
): Promise<TemporalOnPostgres> {
  const { postgres, log } = options;
  const install = options.install ?? (await installTemporalServer(log));
  const namespace = options.namespace ?? 'default';
  const address = `127.0.0.1:${options.port}`;
  checkSearchAttributeSlots();
  const busy: number[] = [];
  for (let port = options.port; port < options.port + TEMPORAL_PORT_COUNT; port++) {
    if (await isListening(port)) busy.push(port);
  }
  if (busy.length > 0) {
    throw new Error(
      `Temporal on PostgreSQL needs ports ${options.port}-${options.port + TEMPORAL_PORT_COUNT - 1}; ` +
        `${busy.join(', ')} ${busy.length === 1 ? 'is' : 'are'} in use. Choose another base port.`,
    );
  }

  await createDatabases(postgres, log);
  await updateSchemas(install, postgres, log);

  await mkdir(options.dir, { recursive: true });
  const dynamicConfigFile = path.join(options.dir, 'dynamicconfig.yaml');
  const configFile = path.join(options.dir, 'temporal.yaml');
  await writeFile(dynamicConfigFile, DYNAMIC_CONFIG);
  // The file holds the database password.
  await writeFile(configFile, serverConfig(options, dynamicConfigFile), { mode: 0o600 });

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_ENV_OVERRIDES) delete env[name];
  const server = new ManagedProcess({
    name: 'temporal-server',
    command: install.server,
    args: ['--config-file', configFile, '--allow-no-auth', 'start'],
    env,
    cwd: options.dir,
    logFile: options.logFile,
    echo: options.echo,
    stopSignal: 'SIGTERM',
  });
  const stop = () => server.stop(30_000);

  let connection: Connection | undefined;
  try {
    await waitUntil(
      `the Temporal frontend at ${address}`,
      async () => {
        const candidate = await Connection.connect({ address, connectTimeout: 2_000 });
        try {
          await candidate.workflowService.getSystemInfo({});
        } catch (error) {
          await candidate.close();
          throw error;
        }
        connection = candidate;
        return true;
      },
      120_000,
      server,
    );
    const service = (connection as Connection).workflowService;
    await waitUntil(
      `namespace ${namespace}`,
      async () => {
        try {
          await service.describeNamespace({ namespace });
          return true;
        } catch (error) {
          if (grpcCode(error) !== GRPC_NOT_FOUND) throw error;
        }
        try {
          await service.registerNamespace({
            namespace,
            workflowExecutionRetentionPeriod: msToTs(`${options.retentionDays ?? 1} days`),
          });
          log(`namespace ${namespace} registered`);
        } catch (error) {
          if (grpcCode(error) !== GRPC_ALREADY_EXISTS) throw error;
        }
        return false;
      },
      60_000,
      server,
    );
    // A namespace registered a moment ago is not known to every service yet: NOT_FOUND for a while.
    let added: string[] = [];
    await waitUntil(
      `the search attributes in ${namespace}`,
      async () => {
        added = await ensureSearchAttributes(connection as Connection, namespace);
        return true;
      },
      60_000,
      server,
    );
    if (added.length > 0) {
      log(
        `search attributes registered in ${namespace}: ${added.join(', ')}; ` +
          `waiting ${SEARCH_ATTRIBUTE_CACHE_MS / 1000} s until every service's cache has them`,
      );
      await sleep(SEARCH_ATTRIBUTE_CACHE_MS + 2_000);
      if (!server.running) throw new Error(`temporal-server exited\n${server.tail()}`);
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    await connection?.close();
  }
  return { address, namespace, process: server, stop };
}
