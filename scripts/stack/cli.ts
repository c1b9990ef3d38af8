/**
 * `node dist/scripts/stack/cli.js up`       the whole local stack (what `npm start` runs)
 * `node dist/scripts/stack/cli.js toolchain` install the pinned tools and print what is used
 */
import { dataDir } from './paths';
import { portsFromEnv, startStack } from './stack';
import {
  ensurePostgresBinaries,
  ensureTemporalCli,
  ensureTestServer,
  ToolchainError,
  type Resolved,
} from './toolchain';

const log = (message: string) => console.log(`[stack] ${message}`);

async function up(): Promise<number> {
  const stack = await startStack({
    dataDir: dataDir(),
    ports: portsFromEnv(process.env),
    env: process.env,
    echo: true,
    ephemeral: false,
    log,
  });
  const rows: Array<[string, string | undefined]> = [
    ['API', stack.urls.api],
    ['OpenAPI docs', stack.urls.docs],
    ['Health', `${stack.urls.api}/health`],
    ['Temporal Web UI', stack.urls.temporalUi],
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

  const signal = new Promise<string>((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => resolve(sig));
  });
  const winner = await Promise.race([
    signal.then((sig) => ({ kind: 'signal' as const, name: sig })),
    stack.firstUnexpectedExit().then((name) => ({ kind: 'exit' as const, name })),
  ]);
  if (winner.kind === 'exit') log(`${winner.name} stopped unexpectedly; stopping the stack`);
  else log(`${winner.name}: stopping the stack…`);
  await stack.stop();
  log('stopped');
  return winner.kind === 'exit' ? 1 : 0;
}

async function toolchain(): Promise<number> {
  const show = (name: string, resolved: Resolved) =>
    log(`${name}: ${resolved.path} (${resolved.source})`);
  show('Temporal CLI', await ensureTemporalCli(log));
  show('Temporal test server', await ensureTestServer(log));
  if (!process.env.DATABASE_URL) show('PostgreSQL binaries', await ensurePostgresBinaries(log));
  return 0;
}

const commands: Record<string, () => Promise<number>> = { up, toolchain };
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
