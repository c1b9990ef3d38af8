import { rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { SMTPServer } from 'smtp-server';
import {
  amsterdamDate,
  amsterdamInstant,
  type CommandType,
  resolvePolicy,
  trajectoryWorkflowId,
  type TrajectoryInput,
} from '@cjg/domain';
import { runMigrations } from '@cjg/persistence';
import { connectClient, temporalSettingsFromEnv } from '@cjg/temporal/connection';
import { trajectoryStartSearchAttributes } from '@cjg/temporal';
import {
  commandUpdates,
  TRAJECTORY_WORKFLOW_TYPE,
  trajectoryStateQuery,
  type CommandArgs,
  type TrajectoryView,
} from '@cjg/workflows/trajectory.definitions';
import { isCommandAnswer } from '@cjg/workflows/command-updates';
import { dataDir } from '../scripts/stack/paths';
import { freePort, type ManagedProcess } from '../scripts/stack/process';
import {
  registerPeople,
  sql,
  startSidePostgres,
  startSideTemporal,
  startSideWorker,
  temporalDbFile,
} from '../scripts/stack/side-stack';
import { COORDINATED_CRITERIA, fmt, machine, percentile, timed, toBeschikking } from './common';

/**
 * Scale: many open trajectories with pending timers on this machine, on a stack of its own (the
 * Temporal dev server on SQLite, or any Temporal server given with --temporal; PostgreSQL; a real
 * SMTP server that counts and discards; the built worker). It measures
 *
 * - the time to create N trajectories with the raw client (each sends its intake letter and
 *   writes its read-model row; every one keeps its Awb decision timers pending);
 * - the worker's memory (RSS) while creating and at rest afterwards, and the databases' size;
 * - timer lag in a wave: a cohort of W of them is driven to monitoring with its review due at one
 *   instant D (and its reminder at D minus the lead), and the histories tell when each timer
 *   fired and when the workflow acted on it, against the instant it was due.
 *
 *   npm run build && npm run bench:scale -- [--trajectories 100000] [--wave 1000]
 *     [--concurrency 32] [--cache <workflows>] [--threads <workflow threads>] [--temporal host:port] [--keep] [--no-rollover]
 *
 * TEMPORAL_DATABASE_URL (with --temporal on PostgreSQL) adds that server's database size.
 */

interface Options {
  trajectories: number;
  wave: number;
  concurrency: number;
  cache?: number;
  threads?: number;
  temporal?: string;
  keep: boolean;
  /** The wave's cases roll over as a real one does while it waits (off: --no-rollover). */
  rollover: boolean;
}

const REMINDER_LEAD_S = 120;
const PEOPLE = { coordinator: 'coord-scale', client: 'client-scale', provider: '12345678' };

function options(): Options {
  const value = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const count = (name: string, fallback?: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
    return n;
  };
  const trajectories = count('trajectories', 100_000)!;
  const wave = Math.min(count('wave', 1_000)!, trajectories);
  return {
    trajectories,
    wave,
    concurrency: count('concurrency', 32)!,
    cache: count('cache'),
    threads: count('threads'),
    temporal: value('temporal'),
    keep: process.argv.includes('--keep'),
    rollover: !process.argv.includes('--no-rollover'),
  };
}

const log = (message: string) =>
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The resident memory of a process, from /proc (bytes). */
function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  return kb ? Number(kb[1]) * 1024 : Number.NaN;
}

/** Samples a process's RSS every second, labelled with the phase under way. */
class RssSampler {
  readonly samples: Array<{ phase: string; bytes: number }> = [];
  phase = 'start';
  private readonly timer: NodeJS.Timeout;

  constructor(pid: number) {
    this.timer = setInterval(() => {
      try {
        this.samples.push({ phase: this.phase, bytes: rss(pid) });
      } catch {
        // The process is gone; the samples so far stand.
      }
    }, 1_000);
  }

  of(phase: string): number[] {
    return this.samples.filter((s) => s.phase === phase).map((s) => s.bytes);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** A real SMTP server that takes every letter, counts it and keeps nothing. */
async function countingSmtp(): Promise<{
  url: string;
  count: () => number;
  stop: () => Promise<void>;
}> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits until the read model has `rows` rows and no letter is still being sent. */
async function settled(databaseUrl: string, rows: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const [state] = await sql<{ rows: string; sending: string; sent: string }>(
      databaseUrl,
      `SELECT (SELECT count(*) FROM trajectory) AS rows,
              (SELECT count(*) FROM notification_ledger WHERE status = 'sending') AS sending,
              (SELECT count(*) FROM notification_ledger WHERE status = 'sent') AS sent`,
    );
    if (Number(state!.rows) >= rows && state!.sending === '0') return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`not settled after ${timeoutMs} ms: ${JSON.stringify(state)}`);
    }
    await sleep(2_000);
  }
}

function summary(values: number[]): string {
  return `p50 ${fmt(percentile(values, 50))}, p95 ${fmt(percentile(values, 95))}, p99 ${fmt(percentile(values, 99))}, max ${fmt(Math.max(...values))}`;
}

async function main(): Promise<void> {
  const opts = options();
  const dir = path.join(dataDir(), 'bench-scale');
  await rm(dir, { recursive: true, force: true });
  const run = Date.now().toString(36).toUpperCase();
  console.log(`# Scale\n\nmachine: ${machine()}`);
  console.log(
    `parameters: ${opts.trajectories} trajectories, a wave of ${opts.wave}, concurrency ${opts.concurrency}, worker cache ${opts.cache ?? 'SDK default'}, workflow threads ${opts.threads ?? 'SDK default'}, rollover ${opts.rollover ? 'PT1M after 40 events' : 'off'}, Temporal ${opts.temporal ?? 'dev server (SQLite)'}\n`,
  );

  const parts: { temporal?: ManagedProcess; postgres?: ManagedProcess; worker?: ManagedProcess } =
    {};
  const smtp = await countingSmtp();
  let connected: Client | undefined;
  try {
    const [temporalPort, pgPort] = [await freePort(), await freePort()];
    const address = opts.temporal ?? `127.0.0.1:${temporalPort}`;
    const [temporalServer, pg] = await Promise.all([
      opts.temporal ? Promise.resolve(undefined) : startSideTemporal(dir, temporalPort),
      startSidePostgres(dir, pgPort),
    ]);
    parts.temporal = temporalServer;
    parts.postgres = pg.process;
    await runMigrations(pg.url);
    await registerPeople(pg.url, PEOPLE);
    parts.worker = await startSideWorker(
      dir,
      { temporalAddress: address, databaseUrl: pg.url, smtpUrl: smtp.url },
      {
        ...(opts.cache === undefined ? {} : { WORKER_MAX_CACHED_WORKFLOWS: String(opts.cache) }),
        ...(opts.threads === undefined ? {} : { WORKER_WORKFLOW_THREADS: String(opts.threads) }),
      },
    );
    const sampler = new RssSampler(parts.worker.pid!);
    // The worker's settings (startSideWorker: this environment and the side stack's address).
    const client = await connectClient(
      temporalSettingsFromEnv({ ...process.env, TEMPORAL_ADDRESS: address }),
    );
    connected = client;
    log(`stack up in ${dir}; Temporal ${address}`);

    const caseNumber = (i: number) => `CJG-S${run}-${String(i).padStart(6, '0')}`;
    const start = (i: number, policy = resolvePolicy({})) => {
      const input: TrajectoryInput = {
        caseNumber: caseNumber(i),
        municipalityCode: '0957',
        coordinatorId: PEOPLE.coordinator,
        clientId: PEOPLE.client,
        familyId: `fam-scale-${i}`,
        policy,
      };
      return client.workflow
        .start(TRAJECTORY_WORKFLOW_TYPE, {
          workflowId: trajectoryWorkflowId(input.caseNumber),
          taskQueue: 'cjg-toegang',
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: trajectoryStartSearchAttributes(input),
        })
        .then(() => undefined);
    };

    // 1. The bulk: open trajectories in intake, each with its Awb timers pending.
    const bulk = opts.trajectories - opts.wave;
    sampler.phase = 'create';
    const created = await timed(bulk, opts.concurrency, (i) => start(opts.wave + i));
    log(`created ${bulk} in ${(created.wallMs / 1000).toFixed(0)} s (${created.errors} errors)`);
    // The worker works off the starts' backlog at its own pace: allow 5 trajectories a second.
    const bulkSettleMs = await settled(
      pg.url,
      bulk - created.errors,
      Math.max(60 * 60_000, bulk * 200),
    );
    log(`letters and read model caught up ${(bulkSettleMs / 1000).toFixed(0)} s later`);

    // 2. The wave: W trajectories driven to monitoring, reviews due at one instant.
    sampler.phase = 'wave-setup';
    // Their reviews are due minutes after they reach monitoring, not months: the rollover that a
    // case does a day after its history grew long (a wait of months then replays a short
    // history) comes a minute after it here, so the wave meets the histories a real one would.
    const policy = resolvePolicy({
      dueHour: 0,
      reviewReminderLead: `PT${REMINDER_LEAD_S}S`,
      ...(opts.rollover ? { rolloverFromEvents: 40, rolloverAfter: 'PT1M' } : {}),
    });
    const today = amsterdamDate(new Date());
    const anchor = amsterdamInstant(today, 0).getTime();
    const give = <T extends CommandType>(i: number, type: T, args: CommandArgs<T>) =>
      client.workflow
        .getHandle(trajectoryWorkflowId(caseNumber(i)))
        .executeUpdate(commandUpdates[type], { args: [args] as never });
    const setup = await timed(opts.wave, opts.concurrency, async (i) => {
      await start(i, policy);
      await toBeschikking((type, args) => give(i, type, args), {
        agbCode: PEOPLE.provider,
        number: `B-${caseNumber(i)}`,
        startDate: today,
        months: 12,
      });
    });
    if (setup.errors > 0) throw new Error(`${setup.errors} wave trajectories could not be set up`);
    // The decisions take about as long as one of the four setup steps; D leaves room for that.
    const perDecisionMs = setup.wallMs / 5;
    const due =
      Math.ceil((Date.now() + perDecisionMs * 2 + REMINDER_LEAD_S * 1000 + 60_000) / 1000) * 1000;
    const interval = `PT${(due - anchor) / 1000}S`;
    log(
      `wave set up in ${(setup.wallMs / 1000).toFixed(0)} s; reviews due at ${new Date(due).toISOString()}`,
    );
    const keptView = async (workflowId: string, revision: number): Promise<TrajectoryView> => {
      const [row] = await sql<{ view: TrajectoryView }>(
        pg.url,
        'SELECT view FROM process_view WHERE workflow_id = $1 AND revision >= $2',
        [workflowId, revision],
      );
      return row?.view ?? client.workflow.getHandle(workflowId).query(trajectoryStateQuery);
    };
    const dueAt: string[] = [];
    const decided = await timed(opts.wave, opts.concurrency, async (i) => {
      const answer = await give(i, 'decideCoordination', {
        coordinate: true,
        criteria: COORDINATED_CRITERIA,
        reviewInterval: interval,
      });
      // A run that keeps its view in the read model answers its revision (issue 19): the view is
      // then read there, as the API does (or asked of the workflow when it is not there yet).
      const view = isCommandAnswer(answer)
        ? await keptView(trajectoryWorkflowId(caseNumber(i)), answer.revision)
        : (answer as TrajectoryView);
      dueAt[i] = view.monitoring.nextReviewDue ?? '';
    });
    const inWave = [...dueAt.keys()].filter((i) => dueAt[i] === new Date(due).toISOString());
    log(
      `decided in ${(decided.wallMs / 1000).toFixed(0)} s; ${inWave.length} of ${opts.wave} have their review due at D`,
    );
    if (Date.now() > due - REMINDER_LEAD_S * 1000) {
      log('warning: the decisions ran past the reminders; those reminders fired at once');
    }

    // 3. At rest, before the wave.
    await settled(pg.url, opts.trajectories - created.errors, 30 * 60_000);
    sampler.phase = 'rest';
    while (Date.now() < due - REMINDER_LEAD_S * 1000 - 5_000) await sleep(1_000);
    const open = await client.workflow.count('ExecutionStatus="Running"');

    // 4. The wave: reminders at D minus the lead, reviews overdue at D.
    sampler.phase = 'wave';
    while (Date.now() < due + 10_000) await sleep(1_000);
    const deadline = Date.now() + 15 * 60_000;
    for (;;) {
      const [row] = await sql<{ n: string }>(
        pg.url,
        'SELECT count(*) AS n FROM trajectory WHERE overdue AND case_number = ANY($1)',
        [inWave.map(caseNumber)],
      );
      if (Number(row!.n) >= inWave.length || Date.now() > deadline) break;
      await sleep(2_000);
    }
    await settled(pg.url, opts.trajectories - created.errors, 30 * 60_000);
    sampler.phase = 'after';
    const lags = {
      reminderFired: [] as number[],
      reminderActed: [] as number[],
      dueFired: [] as number[],
      dueActed: [] as number[],
    };
    const reminderAt = due - REMINDER_LEAD_S * 1000;
    await timed(inWave.length, 8, async (k) => {
      const handle = client.workflow.getHandle(trajectoryWorkflowId(caseNumber(inWave[k]!)));
      const events = (await handle.fetchHistory()).events ?? [];
      const at = (e: temporal.api.history.v1.IHistoryEvent) =>
        Number(e.eventTime!.seconds) * 1000 + Math.floor((e.eventTime!.nanos ?? 0) / 1e6);
      const firedAfter = (
        instant: number,
        before: number,
        into: { fired: number[]; acted: number[] },
      ) => {
        const index = events.findIndex(
          (e) => e.timerFiredEventAttributes && at(e) >= instant - 1_000 && at(e) < before,
        );
        if (index < 0) return;
        into.fired.push(at(events[index]!) - instant);
        const acted = events.slice(index).find((e) => e.workflowTaskCompletedEventAttributes);
        if (acted) into.acted.push(at(acted) - instant);
      };
      firedAfter(reminderAt, due - 1_000, { fired: lags.reminderFired, acted: lags.reminderActed });
      firedAfter(due, Number.POSITIVE_INFINITY, { fired: lags.dueFired, acted: lags.dueActed });
    });
    sampler.stop();

    const dbSize = await sql<{ bytes: string }>(
      pg.url,
      'SELECT pg_database_size(current_database()) AS bytes',
    );
    const temporalBytes = opts.temporal
      ? await temporalDatabaseBytes()
      : await fileBytes(temporalDbFile(dir));
    if (sampler.of('rest').length === 0) log('warning: no time at rest before the wave');
    const peak = (phase: string) => Math.max(...sampler.of(phase));
    const median = (phase: string) => percentile(sampler.of(phase), 50);

    console.log('\n| figure | value |');
    console.log('| --- | ---: |');
    console.log(`| workflows open at rest (trajectories and their families) | ${open.count} |`);
    console.log(
      `| create ${bulk} (raw client, concurrency ${opts.concurrency}) | ${(created.wallMs / 1000).toFixed(0)} s, ${((bulk / created.wallMs) * 1000).toFixed(1)}/s, start p50 ${fmt(percentile(created.durations, 50))} ms, p99 ${fmt(percentile(created.durations, 99))} ms |`,
    );
    console.log(
      `| letters and read model caught up after the last start | ${(bulkSettleMs / 1000).toFixed(0)} s |`,
    );
    console.log(
      `| worker RSS while creating: median / peak | ${mib(median('create'))} / ${mib(peak('create'))} |`,
    );
    console.log(`| worker RSS at rest (${opts.trajectories} open) | ${mib(median('rest'))} |`);
    console.log(`| worker RSS in the wave: peak | ${mib(peak('wave'))} |`);
    console.log(`| read-model database | ${mib(Number(dbSize[0]!.bytes))} |`);
    console.log(
      `| Temporal's database | ${temporalBytes === undefined ? '–' : mib(temporalBytes)} |`,
    );
    console.log(`| letters received by the SMTP server | ${smtp.count()} |`);
    console.log(`| wave: reviews due at one instant | ${inWave.length} |`);
    console.log(
      `| reminder timers: fired − due (ms) | ${summary(lags.reminderFired)} (${lags.reminderFired.length}) |`,
    );
    console.log(`| reminder: workflow acted − due (ms) | ${summary(lags.reminderActed)} |`);
    console.log(
      `| review-overdue timers: fired − due (ms) | ${summary(lags.dueFired)} (${lags.dueFired.length}) |`,
    );
    console.log(`| review-overdue: workflow acted − due (ms) | ${summary(lags.dueActed)} |`);
  } finally {
    await connected?.connection.close().catch(() => undefined);
    if (!opts.keep) {
      await parts.worker?.stop();
      await parts.postgres?.stop();
      await parts.temporal?.stop();
      await smtp.stop();
    } else {
      log(`--keep: the stack in ${dir} is left running`);
    }
  }
}

async function fileBytes(file: string): Promise<number> {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    total += await stat(`${file}${suffix}`).then(
      (s) => s.size,
      () => 0,
    );
  }
  return total;
}

async function temporalDatabaseBytes(): Promise<number | undefined> {
  const url = process.env.TEMPORAL_DATABASE_URL;
  if (!url) return undefined;
  const [row] = await sql<{ bytes: string }>(
    url,
    `SELECT sum(pg_database_size(datname))::text AS bytes FROM pg_database
      WHERE datname IN ('temporal', 'temporal_visibility')`,
  );
  return Number(row!.bytes);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
