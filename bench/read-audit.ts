/**
 * What the read audit (NEN 7513) costs a `GET /trajectories/{caseNumber}`: the same build, the
 * same stack, two API processes side by side, one as deployed (every read written to
 * `audit_event` before it is answered) and one with the benchmark-only switch
 * `BENCH_UNAUDITED_READS=true` (refused with NODE_ENV=production). Not a test: it prints figures.
 *
 *   npm run build && npm run bench:read-audit -- [--reads 500] [--rounds 4] [--concurrency 1,8]
 *                                                  [--no-fsync]
 *
 * It brings up a throw-away stack of its own (free ports, a temporary folder), starts one case,
 * then per round and concurrency level does `--reads` GETs of that case against each API in turn
 * (which one goes first alternates), after a warm-up of each; then the same for the client's
 * registry record, a read without Temporal, where the audit's own cost shows plainly. PostgreSQL commits with fsync, as
 * deployed; `--no-fsync` runs it without (as the e2e stack does), which leaves the cost of the
 * INSERT itself.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mintDevToken } from '../scripts/stack/dev-keys';
import { freePort, ManagedProcess, waitUntil } from '../scripts/stack/process';
import { sql } from '../scripts/stack/side-stack';
import { repoRoot, startStack, type Stack } from '../scripts/stack/stack';
import { arg, args, fmt, machine, percentile, timed } from './common';

/** Reads per API before the timed ones. */
const WARM_UP = 200;

interface Side {
  name: 'audited' | 'unaudited';
  url: string;
  process: ManagedProcess;
  durations: Map<string, number[]>;
}

async function startApi(
  stack: Stack,
  dir: string,
  name: Side['name'],
  env: NodeJS.ProcessEnv,
): Promise<Side> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = new ManagedProcess({
    name: `api-${name}`,
    command: process.execPath,
    args: [path.join(repoRoot(), 'dist', 'apps', 'api', 'src', 'main.js')],
    env: { ...process.env, ...stack.serviceEnv, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    logFile: path.join(dir, 'logs', `api-${name}.log`),
  });
  await waitUntil(
    `the ${name} API`,
    async () => (await fetch(`${url}/health`).catch(() => undefined))?.status === 200,
    60_000,
    api,
  );
  return { name, url, process: api, durations: new Map() };
}

function summary(values: number[]): string {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return `p50 ${fmt(percentile(values, 50))} ms, p99 ${fmt(percentile(values, 99))} ms, mean ${fmt(mean)} ms (n=${values.length})`;
}

async function main(): Promise<void> {
  const reads = arg('reads', 500);
  const rounds = arg('rounds', 4);
  const levels = args('concurrency', [1, 8]);
  const fsync = !process.argv.includes('--no-fsync');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cjg-bench-read-audit-'));
  // PostgreSQL runs as an unprivileged user when this runs as root; let it reach its folder.
  await chmod(dir, 0o755);
  const ports = await Promise.all(Array.from({ length: 5 }, () => freePort()));
  const env: NodeJS.ProcessEnv = { ...process.env, RATE_LIMIT_PER_MINUTE: '0' };
  for (const name of ['TEMPORAL_ADDRESS', 'DATABASE_URL', 'SMTP_URL', 'AUTH_JWKS_URL'])
    delete env[name];
  console.log(`# Read audit: GET /trajectories/{caseNumber}\n\nmachine: ${machine()}`);
  // Other work on the machine shows in every figure: say how busy it was.
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(`load average at the start: ${load()}`);
  console.log(
    `parameters: ${reads} reads per API per round and level, ${rounds} rounds, concurrency ${levels.join(', ')}, PostgreSQL ${fsync ? 'with' : 'without'} fsync\n`,
  );
  let stack: Stack | undefined;
  const sides: Side[] = [];
  try {
    stack = await startStack({
      dataDir: dir,
      ports: {
        temporal: ports[0]!,
        temporalUi: 0,
        postgres: ports[1]!,
        smtp: ports[2]!,
        mailUi: ports[3]!,
        api: ports[4]!,
      },
      env,
      echo: false,
      // With fsync, as deployed: an audit row's commit waits for the disk.
      ephemeral: !fsync,
      log: () => undefined,
    });
    sides.push(await startApi(stack, dir, 'audited', {}));
    sides.push(await startApi(stack, dir, 'unaudited', { BENCH_UNAUDITED_READS: 'true' }));

    const key = stack.devTokenKey!;
    const ops = await mintDevToken(key, { role: 'ops', sub: 'ops-bench' });
    const coordinator = await mintDevToken(key, {
      role: 'coordinator',
      sub: 'coord-bench',
      dataScope: ['municipality:0957'],
    });
    const call = async (
      base: string,
      method: string,
      route: string,
      token: string,
      body?: object,
    ) => {
      const response = await fetch(`${base}${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${route}: ${response.status} ${text}`);
    };
    const caseNumber = 'CJG-BENCH-RA-000001';
    await call(stack.urls.api, 'PUT', '/coordinators/coord-bench', ops, {
      name: 'Bench',
      email: 'bench@cjg.example',
    });
    await call(stack.urls.api, 'PUT', '/clients/client-bench', coordinator, { name: 'Bench' });
    await call(stack.urls.api, 'POST', '/trajectories', coordinator, {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId: 'coord-bench',
      clientId: 'client-bench',
      familyId: 'fam-bench',
    });
    await waitUntil(
      'the read model row',
      async () =>
        (
          await sql(stack!.urls.databaseUrl, 'SELECT 1 FROM trajectory WHERE case_number = $1', [
            caseNumber,
          ])
        ).length === 1,
      60_000,
    );
    // The case (a query answered by the workflow through Temporal), and for comparison a read
    // without Temporal: the client's registry record (one SQL query).
    const routes = [`/trajectories/${caseNumber}`, '/clients/client-bench'];
    const get = (side: Side, route: string) => () => call(side.url, 'GET', route, coordinator);
    const before = await auditedReads(stack);
    // Warm-up: JIT, connection pools, the worker's cache.
    for (const side of sides) for (const route of routes) await timed(WARM_UP, 4, get(side, route));

    for (const route of routes) {
      for (const level of levels) {
        for (let round = 0; round < rounds; round += 1) {
          const order = round % 2 === 0 ? sides : [...sides].reverse();
          for (const side of order) {
            const run = await timed(reads, level, get(side, route));
            if (run.errors > 0) throw new Error(`${side.name}: ${run.errors} failed reads`);
            const key = `${route} @ ${level}`;
            side.durations.set(key, [...(side.durations.get(key) ?? []), ...run.durations]);
          }
        }
      }
    }
    const written = (await auditedReads(stack)) - before;

    for (const route of routes) {
      for (const level of levels) {
        const key = `${route} @ ${level}`;
        console.log(`GET ${route}, concurrency ${level}:`);
        const [audited, unaudited] = sides.map((s) => s.durations.get(key)!);
        console.log(`  audited   ${summary(audited!)}`);
        console.log(`  unaudited ${summary(unaudited!)}`);
        for (const p of [50, 99]) {
          const delta = percentile(audited!, p) - percentile(unaudited!, p);
          console.log(
            `  p${p} difference: ${delta >= 0 ? '+' : ''}${fmt(delta)} ms (${fmt((100 * delta) / percentile(unaudited!, p))} %)`,
          );
        }
      }
    }
    console.log(`\nload average at the end: ${load()}`);
    const expected = routes.length * (levels.length * rounds * reads + WARM_UP);
    console.log(
      `\naudit rows: ${written}, one per read of the audited API (${expected}); none of the unaudited one`,
    );
    if (written !== expected) throw new Error('the audited API did not write one row per read');
  } finally {
    for (const side of sides) await side.process.stop();
    await stack?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function auditedReads(stack: Stack): Promise<number> {
  const [row] = await sql<{ n: string }>(
    stack.urls.databaseUrl,
    `SELECT count(*) AS n FROM audit_event WHERE action IN ('read:trajectory', 'read:client')`,
  );
  return Number(row?.n ?? 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
