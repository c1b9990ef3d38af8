/**
 * Work per lifecycle: for one short, usual lifecycle of every process, what each workflow it
 * brings about takes in Temporal: history events, bytes, workflow tasks, activities, timers,
 * updates and signals, search-attribute and memo upserts, the server's state transitions, and an
 * estimate of the actions Temporal Cloud would bill. Not a test: it prints figures, so a change
 * that means to cut the work (issue 19) can be measured before and after.
 *
 *   npm run build && npm run bench:lifecycle -- [--json] [--breakdown]
 *
 * It brings up a throw-away stack of its own (free ports, a temporary folder, the Temporal dev
 * server, PostgreSQL, MailDev, the built worker and API) with short policy durations, and drives
 * through the real API, one after the other: a trajectory from its start to closed, a Veilig
 * Thuis handover going on as a trajectory and one with basic support, and two VTOs on one
 * beschermingsplein agenda (bench/lifecycle-steps.ts), each step once the workflow has nothing
 * in flight, as a user's next step comes minutes later. The Schakeloverleg transfer runs on the
 * time-skipping test server instead (its end lies weeks of working days ahead). Once a workflow
 * has closed, or waits with nothing in flight, it reads every run of it (continue-as-new runs,
 * and executions started again under its id) and their DescribeWorkflowExecution. Around each
 * lifecycle it also reads the dev server's own `action` counter (Prometheus), Temporal's meter
 * for self-hosted servers, which the estimate is checked against (docs/performance.md).
 *
 * `--json` prints every figure as JSON (a run per workflow, with its events by type, its workflow
 * tasks by what woke them and its payloads by kind), for a later run to be compared with;
 * `--breakdown` prints those breakdowns as tables after the summary.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { resolvePolicy } from '@cjg/domain';
import { connectClient, temporalSettingsFromEnv } from '@cjg/temporal/connection';
import { freePort } from '../scripts/stack/process';
import { startStack, type Stack } from '../scripts/stack/stack';
import { machine } from './common';
import { runFigures, sum, type RunFigures } from './history-figures';
import {
  handoverLifecycle,
  parties,
  registerParties,
  StackApi,
  trajectoryLifecycle,
  transferLifecycle,
  vtoLifecycle,
  type Lifecycle,
  type Measured,
  type OnStack,
} from './lifecycle-steps';

/**
 * The trajectory's policy on the benchmark's stack: the fault drills' (test/drills), so the
 * 3-month check goes out after 4 s and nothing else falls due while a lifecycle runs (no
 * reminder to a family that answers within the minute).
 */
const BENCH_POLICY = {
  threeMonthCheckAfter: 'PT4S',
  clientResponseWindow: 'PT10M',
  endEvaluationReminderInterval: 'PT10M',
  defaultReviewInterval: 'PT10M',
  reviewReminderLead: 'PT1M',
};

/** Where a workflow runs, and what its histories are read with. */
interface Server {
  client: Client;
  codec: PayloadCodec | undefined;
  name: string;
}

/** One workflow of a lifecycle: every run of it. */
interface WorkflowFigures {
  label: string;
  workflowId: string;
  server: string;
  runs: RunFigures[];
}

interface LifecycleFigures {
  name: string;
  workflows: WorkflowFigures[];
  /** The dev server's `action` counter over the lifecycle, by action type (the stack's only). */
  serverActions?: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Until the workflow has closed, or has no task and no activity in flight twice 200 ms apart. */
async function settle(client: Client, workflowId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let idleAt = '';
  for (;;) {
    const { raw, status } = await client.workflow.getHandle(workflowId).describe();
    if (status.name !== 'RUNNING') return;
    const idle = !raw.pendingWorkflowTask && (raw.pendingActivities?.length ?? 0) === 0;
    const length = String(raw.workflowExecutionInfo?.historyLength);
    if (idle && length === idleAt) return;
    idleAt = idle ? length : '';
    if (Date.now() > deadline) throw new Error(`${workflowId} did not settle within 60 s`);
    await sleep(200);
  }
}

/**
 * Waits until the workflow has closed (`closed`) or is open with no workflow task and no
 * activity pending, twice in a row a second apart with its history unchanged (`at rest`).
 */
async function untilEnded(client: Client, measured: Measured): Promise<void> {
  const deadline = Date.now() + 180_000;
  let last = '';
  for (; ; await sleep(measured.ends === 'at rest' ? 1_000 : 250)) {
    if (Date.now() > deadline)
      throw new Error(`${measured.workflowId} did not come to ${measured.ends} within 180 s`);
    // A child (the trajectory a transfer starts) may not have started yet.
    const described = await client.workflow
      .getHandle(measured.workflowId)
      .describe()
      .catch((error: unknown) => {
        if (error instanceof WorkflowNotFoundError) return undefined;
        throw error;
      });
    if (!described) continue;
    const { raw, status } = described;
    const info = raw.workflowExecutionInfo;
    if (measured.ends === 'closed' && status.name !== 'RUNNING') {
      if (status.name !== 'COMPLETED')
        throw new Error(`${measured.workflowId} ended ${status.name}, not COMPLETED`);
      return;
    }
    if (measured.ends === 'at rest') {
      const busy = Boolean(raw.pendingWorkflowTask) || (raw.pendingActivities?.length ?? 0) > 0;
      const now = `${status.name} ${String(info?.historyLength)}`;
      if (!busy && now === last) return;
      last = busy ? '' : now;
    }
  }
}

/**
 * The run ids of a workflow id, first to last: every execution the server lists under it (a
 * family workflow started again by a signal-with-start after it closed is a new execution, not a
 * continue-as-new run), and where it lists none (the test server), the continue-as-new chain from
 * the first run.
 */
async function runIdsOf(client: Client, measured: Measured): Promise<string[]> {
  const latest = await client.workflow.getHandle(measured.workflowId).describe();
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const listed: Array<{ runId: string; startTime: Date }> = [];
    try {
      for await (const execution of client.workflow.list({
        query: `WorkflowId = '${measured.workflowId}'`,
      }))
        listed.push(execution);
    } catch {
      break; // no visibility store to ask
    }
    // Visibility follows the run a moment later: wait until it lists the latest.
    if (listed.some((e) => e.runId === latest.runId))
      return listed
        .sort((a, b) => a.startTime.getTime() - b.startTime.getTime())
        .map((e) => e.runId);
    if (listed.length === 0 && attempt > 0) break;
    await sleep(500);
  }
  let runId: string | undefined =
    measured.firstRunId || latest.raw.workflowExecutionInfo?.firstRunId || latest.runId;
  const runIds: string[] = [];
  while (runId) {
    runIds.push(runId);
    const history = await client.workflow.getHandle(measured.workflowId, runId).fetchHistory();
    runId =
      history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ??
      undefined;
  }
  return runIds;
}

async function measureWorkflow(server: Server, measured: Measured): Promise<WorkflowFigures> {
  await untilEnded(server.client, measured);
  const runs: RunFigures[] = [];
  for (const runId of await runIdsOf(server.client, measured)) {
    const handle = server.client.workflow.getHandle(measured.workflowId, runId);
    const history = await handle.fetchHistory();
    const { raw, status, type } = await handle.describe();
    // The dev server counts them; Temporal's test server gives none (0).
    const transitions = Number(raw.workflowExecutionInfo?.stateTransitionCount ?? 0);
    runs.push(
      await runFigures(
        {
          workflowId: measured.workflowId,
          runId,
          workflowType: type,
          status: status.name,
          stateTransitions: transitions > 0 ? transitions : null,
        },
        history,
        server.codec,
      ),
    );
  }
  return { label: measured.label, workflowId: measured.workflowId, server: server.name, runs };
}

/** The dev server's `action` counter of the namespace, by action type (Prometheus text). */
async function serverActions(
  metricsUrl: string,
  namespace: string,
): Promise<Record<string, number>> {
  const text = await (await fetch(metricsUrl)).text();
  const counts: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^action\{(.*)\} (\S+)$/.exec(line);
    if (!match || !match[1]!.includes(`namespace="${namespace}"`)) continue;
    const type = /action_type="([^"]*)"/.exec(match[1]!)?.[1] ?? '?';
    counts[type] = (counts[type] ?? 0) + Number(match[2]);
  }
  return counts;
}

/**
 * The counter once it has stopped moving: the dev server publishes its metrics about once a
 * second, so the actions of a lifecycle's last moments show a second or so later.
 */
async function settledServerActions(
  metricsUrl: string,
  namespace: string,
): Promise<Record<string, number>> {
  let last = JSON.stringify(await serverActions(metricsUrl, namespace));
  for (let reads = 0; reads < 30; reads += 1) {
    await sleep(1_500);
    const now = await serverActions(metricsUrl, namespace);
    if (JSON.stringify(now) === last) return now;
    last = JSON.stringify(now);
  }
  throw new Error("the dev server's action counter did not settle");
}

function difference(after: Record<string, number>, before: Record<string, number>) {
  const delta: Record<string, number> = {};
  for (const [type, n] of Object.entries(after))
    if (n - (before[type] ?? 0) > 0) delta[type] = n - (before[type] ?? 0);
  return delta;
}

// ─────────────────────────────── printing

/** The figures of a workflow's runs (or of all a lifecycle's workflows) added up. */
function total(runs: RunFigures[]) {
  const add = (key: keyof RunFigures) => runs.reduce((n, r) => n + (r[key] as number), 0);
  const transitions = runs.map((r) => r.stateTransitions);
  return {
    runs: runs.length,
    events: add('events'),
    historyBytes: add('historyBytes'),
    payloadBytes: add('payloadBytes'),
    workflowTasks: add('workflowTasks'),
    activities: add('activities'),
    localActivities: add('localActivities'),
    timers: add('timers'),
    updates: add('updates'),
    signals: add('signals'),
    searchAttributeUpserts: add('searchAttributeUpserts'),
    memoUpserts: add('memoUpserts'),
    patchMarkers: add('patchMarkers'),
    childWorkflows: add('childWorkflows'),
    stateTransitions: transitions.every((t) => t !== null)
      ? transitions.reduce((n, t) => n + t!, 0)
      : null,
    cloudActions: runs.reduce((n, r) => n + sum(r.cloudActions), 0),
  };
}

const int = (n: number) => n.toLocaleString('en-US');

/** A Markdown table; columns of numbers (and `–`) align right. */
function table(head: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) =>
    `| ${cells.map((c) => (typeof c === 'number' ? int(c) : c)).join(' | ')} |`;
  const numeric = head.map((_, i) =>
    rows.every((row) => typeof row[i] === 'number' || row[i] === '–'),
  );
  return [
    line(head),
    `| ${numeric.map((right) => (right ? '---:' : '---')).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

function summary(lifecycles: LifecycleFigures[]): string {
  const head = [
    'lifecycle',
    'workflow',
    'runs',
    'events',
    'history bytes',
    'payload bytes',
    'workflow tasks',
    'activities',
    'local activities',
    'timers',
    'updates',
    'signals',
    'search-attribute upserts',
    'memo upserts',
    'patch markers',
    'child workflows',
    'state transitions',
    'Cloud actions (est.)',
  ];
  const cells = (lifecycle: string, workflow: string, t: ReturnType<typeof total>) => [
    lifecycle,
    workflow,
    t.runs,
    t.events,
    t.historyBytes,
    t.payloadBytes,
    t.workflowTasks,
    t.activities,
    t.localActivities,
    t.timers,
    t.updates,
    t.signals,
    t.searchAttributeUpserts,
    t.memoUpserts,
    t.patchMarkers,
    t.childWorkflows,
    t.stateTransitions ?? '–',
    t.cloudActions,
  ];
  const rows = lifecycles.flatMap((l) => [
    ...l.workflows.map((w, i) => cells(i === 0 ? l.name : '', w.label, total(w.runs))),
    ...(l.workflows.length > 1
      ? [cells('', '**all**', total(l.workflows.flatMap((w) => w.runs)))]
      : []),
  ]);
  return table(head, rows);
}

function cloudActionsTable(lifecycles: LifecycleFigures[]): string {
  const rows = lifecycles.map((l) => {
    const by: Record<string, number> = {};
    for (const run of l.workflows.flatMap((w) => w.runs))
      for (const [rule, n] of Object.entries(run.cloudActions)) by[rule] = (by[rule] ?? 0) + n;
    const server = l.serverActions;
    return [
      l.name,
      sum(by),
      Object.entries(by)
        .map(([rule, n]) => `${rule} ${n}`)
        .join(', '),
      server ? sum(server) : '–',
      server
        ? Object.entries(server)
            .sort((a, b) => b[1] - a[1])
            .map(([type, n]) => `${type} ${n}`)
            .join(', ')
        : 'not on this server',
    ];
  });
  return table(
    ['lifecycle', 'Cloud actions (est.)', 'by rule', 'dev server `action` Δ', 'by action type'],
    rows,
  );
}

function breakdown(w: WorkflowFigures): string {
  return w.runs
    .map((run, i) => {
      const title = `### ${w.label}${w.runs.length > 1 ? `, run ${i + 1}` : ''} (${run.workflowType}, ${run.events} events, ${int(run.historyBytes)} bytes)`;
      const types = Object.entries(run.eventTypes)
        .sort((a, b) => b[1] - a[1])
        .map(([type, n]) => [type, n, run.eventTypeBytes[type] ?? 0]);
      const turns = run.turns.map((t) => [
        t.trigger,
        t.turns,
        t.events,
        Object.entries(t.byType)
          .sort((a, b) => b[1] - a[1])
          .map(([type, n]) => `${type} ${n}`)
          .join(', '),
      ]);
      const payloads = run.payloads.map((p) => [p.what, p.count, p.bytes, p.plainBytes]);
      const largest = run.largestPayloads.map((p) => [p.what, p.eventId, p.bytes, p.plainBytes]);
      return [
        title,
        table(['event type', 'events', 'bytes'], types),
        'Workflow tasks by what woke them (a task takes the events that woke it, its own and its commands’):',
        table(['woken by', 'tasks', 'events', 'events by type'], turns),
        'Payloads by kind (bytes as stored, encrypted; plain: decoded):',
        table(['payload', 'count', 'bytes', 'plain bytes'], payloads),
        'Largest payloads:',
        table(['payload', 'event', 'bytes', 'plain bytes'], largest),
      ].join('\n\n');
    })
    .join('\n\n');
}

// ─────────────────────────────── main

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const withBreakdown = process.argv.includes('--breakdown');
  // With --json, stdout carries the JSON alone.
  const say = (message: string) => (json ? console.error(message) : console.log(message));
  const progress = (message: string) => console.error(`[lifecycle] ${message}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cjg-bench-lifecycle-'));
  // PostgreSQL runs as an unprivileged user when this runs as root; let it reach its folder.
  await chmod(dir, 0o755);
  const [temporal, postgres, smtp, mailUi, api, metrics] = await Promise.all(
    Array.from({ length: 6 }, () => freePort()),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CJG_POLICY: JSON.stringify(BENCH_POLICY),
    RATE_LIMIT_PER_MINUTE: '0',
  };
  // A stack of its own: addresses and keys of the developer's stack are not taken over.
  for (const name of [
    'TEMPORAL_ADDRESS',
    'DATABASE_URL',
    'SMTP_URL',
    'TEMPORAL_NAMESPACE',
    'AUTH_JWKS_URL',
    'AUTH_PUBLIC_KEY',
    'AUTH_PUBLIC_KEY_FILE',
    'TEMPORAL_PAYLOAD_KEYS',
    'TEMPORAL_PAYLOAD_KEYS_FILE',
    'CJG_SCHAKELOVERLEG',
    'VEILIG_THUIS_POLICY',
  ])
    delete env[name];
  say(`# Work per lifecycle\n\nmachine: ${machine()}`);
  let stack: Stack | undefined;
  let client: Client | undefined;
  const lifecycles: LifecycleFigures[] = [];
  try {
    const started = Date.now();
    stack = await startStack({
      dataDir: dir,
      ports: {
        temporal: temporal!,
        temporalUi: 0,
        temporalMetrics: metrics!,
        postgres: postgres!,
        smtp: smtp!,
        mailUi: mailUi!,
        api: api!,
      },
      env,
      echo: false,
      ephemeral: true,
      log: progress,
    });
    progress(`stack up in ${((Date.now() - started) / 1000).toFixed(1)} s (data in ${dir})`);
    const settings = temporalSettingsFromEnv(stack.serviceEnv);
    client = await connectClient(settings);
    const devServer: Server = {
      client,
      codec: settings.codec,
      name: 'Temporal dev server (CLI)',
    };
    const metricsUrl = `http://127.0.0.1:${metrics}/metrics`;
    const temporalClient = client;
    const onStack: OnStack = {
      api: new StackApi(stack.urls.api, stack.devTokenKey!),
      temporal: temporalClient,
      taskQueue: settings.taskQueue,
      databaseUrl: stack.urls.databaseUrl,
      settle: (workflowId) => settle(temporalClient, workflowId),
    };
    const p = parties(`${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
    await registerParties(onStack.api, p);
    const drivers: Array<() => Promise<Lifecycle>> = [
      () => trajectoryLifecycle(onStack, p),
      () => handoverLifecycle(onStack, p, 'trajectory'),
      () => handoverLifecycle(onStack, p, 'basic support'),
      () => vtoLifecycle(onStack, p),
    ];
    for (const drive of drivers) {
      const before = await settledServerActions(metricsUrl, settings.namespace);
      const lifecycle = await drive();
      progress(`${lifecycle.name}: driven, measuring`);
      const workflows: WorkflowFigures[] = [];
      for (const measured of lifecycle.workflows)
        workflows.push(await measureWorkflow(devServer, measured));
      const after = await settledServerActions(metricsUrl, settings.namespace);
      lifecycles.push({
        name: lifecycle.name,
        workflows,
        serverActions: difference(after, before),
      });
    }

    progress('Schakeloverleg transfer: on the time-skipping test server');
    const snapshots = new Map<string, WorkflowFigures>();
    const transfer = await transferLifecycle(
      p,
      resolvePolicy(BENCH_POLICY),
      async (measured, server) => {
        snapshots.set(measured.workflowId, await measureWorkflow(server, measured));
      },
      progress,
    );
    try {
      const workflows: WorkflowFigures[] = [];
      for (const measured of transfer.workflows)
        workflows.push(
          snapshots.get(measured.workflowId) ?? (await measureWorkflow(transfer.server!, measured)),
        );
      lifecycles.push({ name: `${transfer.name} (test server)`, workflows });
    } finally {
      await transfer.server?.teardown();
    }
  } finally {
    await client?.connection.close();
    await stack?.stop();
    await rm(dir, { recursive: true, force: true });
  }

  if (json) {
    console.log(JSON.stringify({ machine: machine(), policy: BENCH_POLICY, lifecycles }, null, 2));
    return;
  }
  console.log(`trajectory policy: ${JSON.stringify(BENCH_POLICY)}\n`);
  console.log(summary(lifecycles));
  console.log(
    '\nBytes: the history as fetched, protobuf-encoded, payloads encrypted as stored. State transitions: DescribeWorkflowExecution (– : the test server gives none). Cloud actions: estimated from the events (bench/history-figures.ts, cloudActions).\n',
  );
  console.log(cloudActionsTable(lifecycles));
  if (withBreakdown)
    for (const l of lifecycles) for (const w of l.workflows) console.log(`\n${breakdown(w)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
