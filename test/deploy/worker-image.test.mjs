// What the images do, run here without a container engine on Temporal's dev server (the pinned
// CLI, as `npm start` and the e2e tier use): the one-shot setup jobs of deploy/compose and
// deploy/k8s/jobs, a worker that loads the prebuilt workflow bundle the way the worker image does
// and runs a trajectory from it, the Temporal Schedules every worker ensures at start, and the
// worker image's health probe.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { deployDir, requireFromRoot, root, run, tempDir } from './support.mjs';

const { ensureTemporalCli } = requireFromRoot('./dist/scripts/stack/toolchain.js');
const { startTemporalDevServer } = requireFromRoot('./dist/scripts/stack/temporal-server.js');
const { freePort } = requireFromRoot('./dist/scripts/stack/process.js');
const { workflowSource } = requireFromRoot('./dist/apps/worker/src/worker.js');
const {
  BESCHERMINGSPLEIN_SCHEDULE_ID,
  CJG_SEARCH_ATTRIBUTES,
  ensureBeschermingspleinSchedule,
  ensureRetentionSchedule,
  RETENTION_SCHEDULE_ID,
  temporalConfigFromEnv,
} = requireFromRoot('./dist/libs/temporal/src/index.js');
const { DEFAULT_POLICY, trajectoryWorkflowId } = requireFromRoot('./dist/libs/domain/src/index.js');
const { commandUpdates, trajectoryStateQuery } = requireFromRoot(
  './dist/workflows/trajectory.definitions.js',
);
const { createActivities } = requireFromRoot('./dist/activities/index.js');
const { temporalSettingsFromEnv } = requireFromRoot('./dist/libs/temporal/src/connection/index.js');
const { ApplicationFailure } = requireFromRoot('@temporalio/common');
const { Client, Connection } = requireFromRoot('@temporalio/client');
// Payloads encrypted as in a deployment (TEMPORAL_PAYLOAD_KEYS), by the client and the worker.
const PAYLOAD_KEYS = `deploy-check:${randomBytes(32).toString('base64')}`;
const { DefaultLogger, NativeConnection, Runtime, Worker } = requireFromRoot('@temporalio/worker');

const NAMESPACE = 'cjg-deploy-check';
const BUNDLE = path.join(root, 'dist', 'workflow-bundle.js');
const INDEXED_VALUE_TYPE = { KEYWORD: 2, BOOL: 5, DATETIME: 6, KEYWORD_LIST: 7 };

let server;
let serverDir;
let address;
let cli;
let connection;
let client;
let settings;

/** The environment a container of the stack gets: Temporal's address and the namespace only. */
const containerEnv = (extra = {}) => ({
  PATH: `${path.dirname(cli)}:${process.env.PATH}`,
  HOME: process.env.HOME ?? os.tmpdir(),
  TEMPORAL_ADDRESS: address,
  TEMPORAL_NAMESPACE: NAMESPACE,
  ...extra,
});

const eventually = async (what, check, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last.ok) return last;
    await sleep(250);
  }
  assert.fail(`${what}: ${last?.detail ?? 'timed out'}`);
};

before(
  async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    cli = (await ensureTemporalCli(() => {})).path;
    const port = await freePort();
    serverDir = tempDir('temporal');
    server = await startTemporalDevServer({
      cli,
      port,
      dbFile: path.join(serverDir, 'temporal.db'),
      namespace: 'default',
      logFile: path.join(serverDir, 'temporal.log'),
    });
    address = `127.0.0.1:${port}`;
    settings = temporalSettingsFromEnv({
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TEMPORAL_PAYLOAD_KEYS: PAYLOAD_KEYS,
    });
    connection = await Connection.connect(settings.connection);
    client = new Client({
      connection,
      namespace: NAMESPACE,
      dataConverter: settings.dataConverter,
    });
  },
  { timeout: 120_000 },
);

after(async () => {
  await connection?.close();
  await server?.stop();
  if (serverDir) rmSync(serverDir, { recursive: true, force: true });
});

describe('the setup jobs', { timeout: 120_000 }, () => {
  it('temporal-namespace creates the namespace with its retention, once', () => {
    const script = path.join(deployDir, 'compose', 'temporal', 'setup-namespace.sh');
    const env = containerEnv({ CJG_NAMESPACE: NAMESPACE, CJG_NAMESPACE_RETENTION: '30d' });
    const first = run('sh', [script], { env });
    assert.equal(first.status, 0, first.output);
    assert.match(first.output, /created/);
    const again = run('sh', [script], { env });
    assert.equal(again.status, 0, again.output);
    assert.match(again.output, new RegExp(`namespace ${NAMESPACE} exists`));
  });

  it('temporal-search-attributes registers every search attribute, and may run again', async () => {
    const job = path.join(root, 'dist', 'scripts', 'register-search-attributes.js');
    for (const attempt of ['first', 'again']) {
      const { status, output } = run(process.execPath, [job], { env: containerEnv() });
      assert.equal(status, 0, `${attempt}: ${output}`);
    }
    const { customAttributes } = await connection.operatorService.listSearchAttributes({
      namespace: NAMESPACE,
    });
    for (const { name, type } of CJG_SEARCH_ATTRIBUTES) {
      assert.equal(customAttributes[name], INDEXED_VALUE_TYPE[type], name);
    }
  });
});

describe('a worker on the prebuilt workflow bundle', { timeout: 120_000 }, () => {
  const { taskQueue } = temporalConfigFromEnv({ TEMPORAL_NAMESPACE: NAMESPACE });
  const recorded = { letters: [], projections: 0, views: [] };
  let nativeConnection;
  let worker;
  let running;

  /**
   * Every activity the image's worker registers (so the bundle finds each), without side effects:
   * this is about the workflow code the image ships. Those this walk does not expect fail at once.
   */
  const stubbedActivities = () => ({
    ...Object.fromEntries(
      Object.keys(createActivities({})).map((name) => [
        name,
        async () => {
          throw ApplicationFailure.nonRetryable(`${name} is not stubbed in the deploy check`);
        },
      ]),
    ),
    async projectTrajectory(projection) {
      recorded.projections += 1;
      if (projection.view) recorded.views.push(projection.view);
    },
    async sendLetter(request) {
      recorded.letters.push(request.kind);
      return { sent: request.to.length, alreadySent: 0, undeliverable: 0 };
    },
    async reportFamilyCare() {},
  });

  before(async () => {
    // A new namespace answers DescribeNamespace before the frontend's registry knows it.
    await eventually('the namespace in service', async () => {
      try {
        await client.workflow.count();
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: error.message };
      }
    });
    const source = workflowSource({ WORKFLOW_BUNDLE_PATH: BUNDLE });
    nativeConnection = await NativeConnection.connect(settings.connection);
    worker = await Worker.create({
      connection: nativeConnection,
      namespace: NAMESPACE,
      taskQueue,
      dataConverter: settings.dataConverter,
      activities: stubbedActivities(),
      ...source,
    });
    running = worker.run();
  });

  after(async () => {
    worker?.shutdown();
    await running;
    await nativeConnection?.close();
  });

  it('is the bundle `npm run build` just wrote, and what the worker image loads', () => {
    // The image sets WORKFLOW_BUNDLE_PATH; without it the worker finds the same file beside dist/.
    assert.deepEqual(workflowSource({ WORKFLOW_BUNDLE_PATH: BUNDLE }), {
      workflowBundle: { codePath: BUNDLE },
    });
    assert.deepEqual(workflowSource({}), { workflowBundle: { codePath: BUNDLE } });
    const built = statSync(BUNDLE).mtimeMs;
    const workflowsDir = path.join(root, 'dist', 'workflows');
    for (const file of readdirSync(workflowsDir).filter((f) => f.endsWith('.js'))) {
      assert.ok(built >= statSync(path.join(workflowsDir, file)).mtimeMs, `older than ${file}`);
    }
  });

  it('runs a trajectory from the bundle, findable by its search attributes', async () => {
    const caseNumber = `CJG-2026-D${Date.now().toString().slice(-6)}`;
    const handle = await client.workflow.start('trajectoryWorkflow', {
      workflowId: trajectoryWorkflowId(caseNumber),
      taskQueue,
      args: [
        {
          caseNumber,
          municipalityCode: '0957',
          coordinatorId: 'coord-anna',
          clientId: 'client-0001',
          familyId: 'fam-deploy',
          policy: DEFAULT_POLICY,
        },
      ],
    });
    const state = await handle.query(trajectoryStateQuery);
    assert.equal(state.phase, 'intake');
    await eventually('the case in the visibility store', async () => {
      const found = [];
      for await (const execution of client.workflow.list({
        query: `CaseNumber = "${caseNumber}" AND MunicipalityCode = "0957" AND TrajectoryPhase = "intake"`,
      })) {
        found.push(execution.workflowId);
      }
      return { ok: found.length === 1, detail: `found ${JSON.stringify(found)}` };
    });
    const result = await handle.executeUpdate(commandUpdates.withdraw, {
      // A free text travels as a reference to the text the API stored (libs/domain/src/text-ref.ts).
      args: [{ reason: { textId: randomUUID(), items: 1 } }],
    });
    // The command answers its revision; the view went to the read model with it (issue 19).
    assert.deepEqual(Object.keys(result).sort(), ['revision', 'view']);
    assert.equal(result.view, 'kept');
    // The view kept at that revision, or a later one (a letter's completion may share the task).
    const kept = recorded.views.find((view) => view.revision >= result.revision);
    assert.equal(kept?.phase, 'withdrawn');
    const final = await handle.result();
    assert.equal(final.phase, 'withdrawn');
    assert.ok(recorded.letters.includes('intake-registered'), recorded.letters.join(', '));
    assert.ok(recorded.projections > 0);
  });

  it('passes the worker probe on this host, and fails it where nobody polls', async () => {
    const probe = path.join(deployDir, 'docker', 'worker-probe.mjs');
    const passed = await eventually('the probe', async () => {
      const { status, output } = run(process.execPath, [probe], { env: containerEnv() });
      return { ok: status === 0, detail: output, output };
    });
    assert.match(passed.output, new RegExp(`worker on ${os.hostname()} polls ${taskQueue}`));
    const idle = run(process.execPath, [probe], {
      env: containerEnv({ TEMPORAL_TASK_QUEUE: 'cjg-nobody-polls' }),
    });
    assert.equal(idle.status, 1, idle.output);
    assert.match(idle.output, /no workflow poller from .*; no activity poller/);
    const down = run(process.execPath, [probe], {
      env: containerEnv({ TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` }),
    });
    assert.equal(down.status, 1, down.output);
    assert.match(down.output, /worker probe failed/);
  });
});

describe('the Temporal Schedules every worker ensures at start', { timeout: 60_000 }, () => {
  const { taskQueue } = temporalConfigFromEnv({ TEMPORAL_NAMESPACE: NAMESPACE });
  for (const [scheduleId, ensure] of [
    [RETENTION_SCHEDULE_ID, ensureRetentionSchedule],
    [BESCHERMINGSPLEIN_SCHEDULE_ID, ensureBeschermingspleinSchedule],
  ]) {
    it(`${scheduleId}: replicas starting at once make one schedule, and a pause stays`, async () => {
      // What apps/worker/src/worker.ts does at start, by three replicas at the same moment.
      const outcomes = await Promise.all([1, 2, 3].map(() => ensure(client, taskQueue)));
      assert.deepEqual(outcomes.sort(), ['created', 'unchanged', 'unchanged']);
      const handle = client.schedule.getHandle(scheduleId);
      try {
        await handle.pause('deploy check');
        assert.equal(await ensure(client, taskQueue), 'unchanged', 'a restart');
        const { state, spec, action } = await handle.describe();
        assert.equal(state.paused, true, 'the pause of ops survives a worker start');
        assert.equal(spec.timezone, 'Europe/Amsterdam');
        assert.equal(action.taskQueue, taskQueue);
      } finally {
        await handle.delete();
      }
    });
  }
});
