/**
 * `node dist/scripts/stack/cli.js up`       the whole local stack (what `npm start` runs)
 * `node dist/scripts/stack/cli.js toolchain` install the pinned tools and print what is used
 * `node dist/scripts/stack/cli.js temporal-postgres [--port 7243] [--pg-port 54339]`
 *     a real Temporal server on its own PostgreSQL (`npm run temporal:postgres`), until Ctrl-C
 */
import path from 'node:path';
import { dataDir, repoRoot } from './paths';
import { LOCAL_DB_USER, startLocalPostgres } from './postgres';
import { isListening } from './process';
import { portsFromEnv, startStack } from './stack';
import { crashCount, restartPolicyFromEnv } from './supervisor';
import {
  installTemporalServer,
  startTemporalOnPostgres,
  TEMPORAL_DATABASES,
  TEMPORAL_PORT_COUNT,
  TEMPORAL_SERVER_VERSION,
  type TemporalOnPostgres,
} from './temporal-postgres';
import {
  ensurePostgresBinaries,
  ensureTemporalCli,
  ensureTestServer,
  lastLines,
  run,
  ToolchainError,
  type Resolved,
} from './toolchain';

const log = (message: string) => console.log(`[stack] ${message}`);

/** Resolves with the name of the first of these signals that arrives. */
function nextSignal(): Promise<string> {
  return new Promise<string>((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => resolve(sig));
  });
}

/**
 * Resolves when the process that started this one (`npm start`'s scripts/start.mjs, over an IPC
 * channel) is gone without passing a signal on, e.g. killed with SIGKILL; never without a channel.
 */
function starterGone(): Promise<string> {
  return new Promise<string>((resolve) => {
    if (!process.connected) return;
    process.channel?.unref();
    process.once('disconnect', () => resolve('the process that started the stack is gone'));
  });
}

async function up(): Promise<number> {
  // Listened for from the start: a signal while the parts start stops them once they are up.
  const stopRequest = Promise.race([nextSignal(), starterGone()]);
  const policy = restartPolicyFromEnv(process.env);
  const stack = await startStack({
    dataDir: dataDir(),
    ports: portsFromEnv(process.env),
    env: process.env,
    echo: true,
    ephemeral: false,
    supervise: policy,
    log,
  });
  const rows: Array<[string, string | undefined]> = [
    ['Werkplek (web app)', `${stack.urls.api}/app/`],
    ['API', stack.urls.api],
    ['OpenAPI docs', stack.urls.docs],
    ['Health', `${stack.urls.api}/health`],
    ['Temporal Web UI', stack.urls.temporalUi],
    ['Web UI codec (dev)', stack.urls.codecProxy],
    ['Temporal gRPC', stack.urls.temporalAddress],
    ['Mail inbox (MailDev)', stack.urls.mailUi],
    ['SMTP', stack.urls.smtpUrl],
    ['PostgreSQL', stack.urls.databaseUrl],
  ];
  console.log('\ncjg-toegang is up:\n');
  for (const [name, url] of rows) if (url) console.log(`  ${name.padEnd(22)} ${url}`);
  if (stack.devTokenKey) {
    console.log(
      '\n  API tokens (dev key): TOKEN=$(npm run -s token -- --role coordinator --sub coord-anna --municipality 0957)',
    );
  }
  console.log(`\n  state in ${dataDir()}; logs in ${dataDir()}/logs; Ctrl-C stops everything\n`);
  log(`pids: ${stack.parts.map((part) => `${part.name} ${part.pid}`).join(', ')}`);
  log(
    `a part that dies on its own is restarted; ${policy.maxCrashes} crashes of one part within ` +
      `${policy.windowMs / 1000} s stop the stack (CJG_CRASH_LIMIT, CJG_CRASH_WINDOW_SECONDS)`,
  );

  const winner = await Promise.race([
    stopRequest.then((reason) => ({ kind: 'stop' as const, reason })),
    stack.failure.then((failure) => ({ kind: 'failure' as const, failure })),
  ]);
  if (winner.kind === 'failure') {
    const { name, crashes, logFile, tail } = winner.failure;
    log(
      `${name}: ${crashCount(crashes)} within ${policy.windowMs / 1000} s; stopping the stack. ` +
        `The last lines of ${logFile}:\n${tail}`,
    );
  } else log(`${winner.reason}: stopping the stack…`);
  await stack.stop();
  log('stopped');
  return winner.kind === 'failure' ? 1 : 0;
}

async function toolchain(): Promise<number> {
  // The pinned Node comes from plain JavaScript that runs before any build (npm start, npm test).
  const node = await run(process.execPath, [path.join(repoRoot(), 'scripts', 'node-runtime.mjs')], {
    timeoutMs: 600_000,
  });
  if (node.code !== 0) {
    throw new ToolchainError(`the pinned Node could not be installed:\n${lastLines(node.output)}`);
  }
  log(
    node.output
      .trim()
      .split('\n')
      .at(-1)!
      .replace(/^\[node\] /, ''),
  );
  const show = (name: string, resolved: Resolved) =>
    log(`${name}: ${resolved.path} (${resolved.source})`);
  show('Temporal CLI', await ensureTemporalCli(log));
  show('Temporal test server', await ensureTestServer(log));
  if (!process.env.DATABASE_URL) show('PostgreSQL binaries', await ensurePostgresBinaries(log));
  return 0;
}

/** `--name 123` or `--name=123` among the arguments, else the fallback; a TCP port. */
function portOption(args: string[], name: string, fallback: string | undefined): number {
  let value = fallback;
  args.forEach((arg, i) => {
    if (arg === `--${name}`) value = args[i + 1];
    else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3);
  });
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`--${name} must be a TCP port, got ${JSON.stringify(value)}`);
  }
  return port;
}

/**
 * A real Temporal server (go.temporal.io/server, built into .toolchain) on a PostgreSQL cluster of
 * its own in <data>/temporal-pg, apart from the local stack's: for measurements. Runs until a signal.
 */
async function temporalPostgres(): Promise<number> {
  const args = process.argv.slice(3);
  const port = portOption(args, 'port', '7243');
  const pgPort = portOption(args, 'pg-port', process.env.TEMPORAL_PG_PORT || '54339');
  const root = path.join(dataDir(), 'temporal-pg');
  const logs = path.join(root, 'logs');
  // Checked before anything starts; startTemporalOnPostgres checks its ports again itself.
  const wanted = [pgPort, ...Array.from({ length: TEMPORAL_PORT_COUNT }, (_, i) => port + i)];
  const busy: number[] = [];
  for (const candidate of wanted) if (await isListening(candidate)) busy.push(candidate);
  if (busy.length > 0) {
    throw new Error(
      `Ports ${busy.join(', ')} are in use; PostgreSQL needs ${pgPort} (--pg-port or TEMPORAL_PG_PORT) and ` +
        `Temporal ${port}-${port + TEMPORAL_PORT_COUNT - 1} (--port). Stop what runs there or choose others.`,
    );
  }
  const [bin, server] = await Promise.all([
    ensurePostgresBinaries(log),
    installTemporalServer(log),
  ]);
  log(`PostgreSQL binaries: ${bin.path} (${bin.source})`);
  log(`Temporal server v${TEMPORAL_SERVER_VERSION}: ${server.dir} (${server.source})`);
  const pg = await startLocalPostgres({
    binDir: bin.path,
    dir: path.join(root, 'postgres'),
    port: pgPort,
    logFile: path.join(logs, 'postgres.log'),
    log,
    durable: true,
  });
  let temporal: TemporalOnPostgres;
  try {
    temporal = await startTemporalOnPostgres({
      install: server,
      postgres: { host: '127.0.0.1', port: pgPort, user: LOCAL_DB_USER },
      port,
      dir: path.join(root, 'temporal'),
      logFile: path.join(logs, 'temporal-server.log'),
      log,
    });
  } catch (error) {
    await pg.process.stop();
    throw error;
  }
  const pgUrl = `postgres://${LOCAL_DB_USER}@127.0.0.1:${pgPort}`;
  console.log(`\nTemporal v${TEMPORAL_SERVER_VERSION} on PostgreSQL is up:\n`);
  console.log(
    `  ${'Temporal gRPC'.padEnd(22)} ${temporal.address} (namespace ${temporal.namespace})`,
  );
  console.log(
    `  ${'PostgreSQL'.padEnd(22)} ${pgUrl}/${TEMPORAL_DATABASES.store}, ${pgUrl}/${TEMPORAL_DATABASES.visibility}`,
  );
  console.log(
    `  ${'Ports taken'.padEnd(22)} ${port}-${port + TEMPORAL_PORT_COUNT - 1} (frontend, history, matching, worker; membership)`,
  );
  console.log(`\n  state in ${root}; logs in ${logs}; Ctrl-C stops both\n`);

  const winner = await Promise.race([
    nextSignal().then((name) => ({ kind: 'signal' as const, name })),
    temporal.process.whenExited().then(() => ({ kind: 'exit' as const, name: 'temporal-server' })),
    pg.process.whenExited().then(() => ({ kind: 'exit' as const, name: 'postgres' })),
  ]);
  if (winner.kind === 'exit') log(`${winner.name} stopped unexpectedly; stopping the rest`);
  else log(`${winner.name}: stopping Temporal and PostgreSQL…`);
  await temporal.stop();
  await pg.process.stop();
  log('stopped');
  return winner.kind === 'exit' ? 1 : 0;
}

const commands: Record<string, () => Promise<number>> = {
  up,
  toolchain,
  'temporal-postgres': temporalPostgres,
};
const command = process.argv[2] ?? 'up';
const handler = commands[command];
if (!handler) {
  console.error(`unknown command ${command}; use one of: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
handler()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      error instanceof ToolchainError
        ? `\n[stack] cannot start: ${message}\n`
        : `\n[stack] failed: ${message}\n`,
    );
    process.exit(1);
  });
