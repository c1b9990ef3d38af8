import { randomUUID } from 'node:crypto';
import { resolvePolicy, trajectoryWorkflowId, type TrajectoryInput } from '@cjg/domain';
import { trajectoryStartSearchAttributes } from '@cjg/temporal';
import type { trajectoryWorkflow } from '@cjg/workflows';
import { commandUpdates, TRAJECTORY_WORKFLOW_TYPE } from '@cjg/workflows/trajectory.definitions';
import { databaseUrlFromEnv } from '@cjg/persistence';
import { connectClient } from '@cjg/temporal/connection';
import {
  arg,
  args,
  devToken,
  fmt,
  localStackTemporalSettings,
  machine,
  median,
  percentile,
  settle,
  storedText,
  timed,
} from './common';

/**
 * Starts and commands through the API, side by side with the raw Temporal client doing the same
 * against the same server and worker in the same run: the raw client is the limit for an API
 * that starts workflows. Needs the local stack (npm start).
 *
 *   npm run bench:api -- [--starts 300] [--concurrency 16] [--rounds 3]
 *
 * `--concurrency 4,16,32` measures each level in turn: the curve of throughput and latency.
 */
async function main(): Promise<void> {
  const starts = arg('starts', 300);
  const levels = args('concurrency', [16]);
  const rounds = arg('rounds', 3);
  const api = process.env.API_URL ?? 'http://127.0.0.1:3000';
  const temporal = localStackTemporalSettings();
  const run = randomUUID().slice(0, 6).toUpperCase();
  const coordinator = `coord-bench-${run.toLowerCase()}`;
  const client = `client-bench-${run.toLowerCase()}`;
  const tokens = {
    ops: await devToken({ role: 'ops', sub: 'ops-bench' }),
    coordinator: await devToken({
      role: 'coordinator',
      sub: coordinator,
      dataScope: ['municipality:0957'],
    }),
  };
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 300) {
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
    await response.arrayBuffer();
  };
  await call('PUT', `/coordinators/${coordinator}`, tokens.ops, {
    name: 'Bench',
    email: 'bench@cjg.example',
  });
  await call('PUT', `/clients/${client}`, tokens.coordinator, { name: 'Bench' });

  // The raw client encrypts its payloads as the API does: the same work on both sides.
  const raw = await connectClient(temporal);
  const input = (caseNumber: string): TrajectoryInput => ({
    caseNumber,
    municipalityCode: '0957',
    coordinatorId: coordinator,
    clientId: client,
    familyId: `fam-bench-${run.toLowerCase()}`,
  });
  const policy = resolvePolicy({});
  const startApi = (caseNumber: string) =>
    call('POST', '/trajectories', tokens.coordinator, input(caseNumber));
  const startRaw = async (caseNumber: string) => {
    await raw.workflow.start<typeof trajectoryWorkflow>(TRAJECTORY_WORKFLOW_TYPE, {
      workflowId: trajectoryWorkflowId(caseNumber),
      taskQueue: temporal.taskQueue,
      args: [{ ...input(caseNumber), policy }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      // The attributes the API sets at the start, so both sides start the same run.
      typedSearchAttributes: trajectoryStartSearchAttributes({
        caseNumber,
        municipalityCode: '0957',
        coordinatorId: coordinator,
        familyId: `fam-bench-${run.toLowerCase()}`,
      }),
    });
  };
  const inzet = { productCategory: '45', omvang: { volume: 4, unit: '04', frequency: '2' } };
  const plan = {
    plan: {
      results: [{ id: 'school', description: 'naar school', measure: 'aanwezigheid' }],
      inzet,
    },
  };
  const commandApi = (caseNumber: string) =>
    call('POST', `/trajectories/${caseNumber}/agree-results`, tokens.coordinator, plan);
  // The raw client gives what the API gives the workflow: references to stored texts (the API
  // also stores the texts, one INSERT, which is part of what is measured on its side).
  const commandRaw = async (caseNumber: string) => {
    const args = {
      plan: {
        results: [{ id: 'school', description: storedText(), measure: storedText() }],
        inzet,
      },
    };
    await raw.workflow
      .getHandle(trajectoryWorkflowId(caseNumber))
      .executeUpdate(commandUpdates.agreeResults, { args: [args as never] });
  };

  console.log(`# API vs raw Temporal client\n\nmachine: ${machine()}`);
  console.log(
    `parameters: ${starts} starts and ${starts} commands per side per round, concurrency ${levels.join(', ')}, ${rounds} rounds after a warm-up; API ${api}, Temporal ${temporal.address}\n`,
  );
  const caseNumbers = (side: string, round: number, level = 0) =>
    Array.from(
      { length: starts },
      (_, i) => `CJG-B${run}-${side}${round}C${level}-${String(i).padStart(5, '0')}`,
    );

  // Each phase starts on a quiet system: the letters and projections the previous phase left
  // behind are done first, so neither side pays for the other's backlog.
  const databaseUrl = databaseUrlFromEnv();
  const quiet = () => settle(databaseUrl, `trajectory-CJG-B${run}-`);

  // Warm-up: connections, JIT, worker caches.
  const warm = Math.min(50, starts);
  await timed(warm, levels[0]!, (i) => startApi(caseNumbers('WA', 0)[i]!));
  await timed(warm, levels[0]!, (i) => startRaw(caseNumbers('WR', 0)[i]!));
  await quiet();

  type Figures = { perSecond: number; p50: number; p95: number; p99: number; errors: number };
  const OPERATIONS = [
    'start, API',
    'start, raw client',
    'command (update), API',
    'command (update), raw client',
  ] as const;
  type Operation = (typeof OPERATIONS)[number];
  const measured: Array<{ level: number; results: Record<Operation, Figures[]> }> = [];
  for (const concurrency of levels) {
    const results = Object.fromEntries(OPERATIONS.map((o) => [o, []])) as unknown as Record<
      Operation,
      Figures[]
    >;
    measured.push({ level: concurrency, results });
    const record = (name: Operation, r: Awaited<ReturnType<typeof timed>>) =>
      results[name].push({
        perSecond: (r.durations.length / r.wallMs) * 1000,
        p50: percentile(r.durations, 50),
        p95: percentile(r.durations, 95),
        p99: percentile(r.durations, 99),
        errors: r.errors,
      });
    for (let round = 1; round <= rounds; round += 1) {
      // Alternate the order per round so neither side always runs on a warmer system.
      const sides = round % 2 ? (['A', 'R'] as const) : (['R', 'A'] as const);
      for (const side of sides) {
        const cases = caseNumbers(side, round, concurrency);
        const start = side === 'A' ? startApi : startRaw;
        record(
          `start, ${side === 'A' ? 'API' : 'raw client'}`,
          await timed(starts, concurrency, (i) => start(cases[i]!)),
        );
        await quiet();
      }
      for (const side of sides) {
        // Commands go to the other side's fresh trajectories so each gets one agreeResults.
        const cases = caseNumbers(side === 'A' ? 'R' : 'A', round, concurrency);
        const command = side === 'A' ? commandApi : commandRaw;
        record(
          `command (update), ${side === 'A' ? 'API' : 'raw client'}`,
          await timed(starts, concurrency, (i) => command(cases[i]!)),
        );
        await quiet();
      }
    }
  }
  await raw.connection.close();

  const summary = (r: Figures[]) => ({
    perSecond: median(r.map((x) => x.perSecond)),
    p50: median(r.map((x) => x.p50)),
    p95: median(r.map((x) => x.p95)),
    p99: median(r.map((x) => x.p99)),
    errors: r.reduce((n, x) => n + x.errors, 0),
  });
  console.log('| concurrency | operation | per second | p50 ms | p95 ms | p99 ms | errors |');
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const { level, results } of measured) {
    for (const name of OPERATIONS) {
      const x = summary(results[name]);
      console.log(
        `| ${level} | ${name} | ${x.perSecond.toFixed(1)} | ${fmt(x.p50)} | ${fmt(x.p95)} | ${fmt(x.p99)} | ${x.errors} |`,
      );
    }
  }
  console.log('\n| concurrency | API/raw | throughput | p99 |');
  console.log('| ---: | --- | ---: | ---: |');
  for (const { level, results } of measured) {
    const ratio = (what: string, a: Operation, b: Operation) => {
      const x = summary(results[a]);
      const y = summary(results[b]);
      return `| ${level} | ${what} | ${(x.perSecond / y.perSecond).toFixed(2)}× | ${(x.p99 / y.p99).toFixed(2)}× |`;
    };
    console.log(ratio('start', 'start, API', 'start, raw client'));
    console.log(ratio('command', 'command (update), API', 'command (update), raw client'));
  }
  console.log(
    '\n(medians over the rounds; each round alternates which side goes first, and each phase starts once the letters and projections of the one before are done)',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
