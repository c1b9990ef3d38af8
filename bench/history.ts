import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import {
  amsterdamDate,
  resolvePolicy,
  trajectoryWorkflowId,
  type CommandType,
  type TrajectoryInput,
} from '@cjg/domain';
import {
  commandUpdates,
  TRAJECTORY_WORKFLOW_TYPE,
  trajectoryStateQuery,
  type CommandArgs,
  type TrajectoryView,
} from '@cjg/workflows/trajectory.definitions';
import { repoRoot } from '../scripts/stack/paths';
import { ensureTestServer } from '../scripts/stack/toolchain';
import { createTimeSkippingEnv, testDataConverter } from '../test/support/workflow-env';
import {
  arg,
  COORDINATED_CRITERIA,
  fmt,
  machine,
  median,
  storedText,
  stubbedTrajectoryActivities,
  toBeschikking,
} from './common';

/**
 * History: how big a long trajectory's history gets, run by run, and how long a worker takes to
 * replay each run (what it does after a restart or a cache eviction). A trajectory of `--years`
 * with a half-yearly review each half year, then its end evaluation and closure, on Temporal's
 * time-skipping test server (the project's pinned one) with the built workflow bundle; letters
 * and projections are stubbed with results of the real shape, so the history is the real one.
 *
 *   npm run build && npm run bench:history -- [--years 10] [--replays 20]
 */

const AGB = '12345678';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const years = arg('years', 10);
  const replays = arg('replays', 20);
  const server = await ensureTestServer((message) => console.log(`[history] ${message}`));
  process.env.TEMPORAL_TEST_SERVER_PATH = server.path;
  const workflowBundle = { codePath: path.join(repoRoot(), 'dist', 'workflow-bundle.js') };
  const env = await createTimeSkippingEnv();
  const policy = resolvePolicy({});
  console.log(`# History of a ${years}-year trajectory\n\nmachine: ${machine()}`);
  console.log(
    `parameters: ${years * 2} half-yearly reviews, policy maxHistoryEvents ${policy.maxHistoryEvents}, ${replays} replays per run on one replay worker after a warm-up; time-skipping test server ${path.basename(path.dirname(server.path))}\n`,
  );

  const activities = stubbedTrajectoryActivities();
  const taskQueue = 'bench-history';
  const worker = await Worker.create({
    connection: env.nativeConnection,
    dataConverter: testDataConverter,
    taskQueue,
    workflowBundle,
    activities,
  });
  const input: TrajectoryInput = {
    caseNumber: 'CJG-2026-HISTORY',
    municipalityCode: '0957',
    coordinatorId: 'coord-anna',
    clientId: 'client-0001',
    familyId: 'fam-history',
    policy,
  };
  const workflowId = trajectoryWorkflowId(input.caseNumber);
  let firstRunId = '';
  const took = Date.now();

  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(TRAJECTORY_WORKFLOW_TYPE, {
      workflowId,
      taskQueue,
      args: [input],
    });
    firstRunId = handle.firstExecutionRunId;
    const latest = () => env.client.workflow.getHandle(workflowId);
    const give = <T extends CommandType>(type: T, args: CommandArgs<T>) =>
      latest().executeUpdate(commandUpdates[type], { args: [args] as never });
    const view = () => latest().query(trajectoryStateQuery);
    const until = async (done: (v: TrajectoryView) => boolean) => {
      for (let i = 0; i < 200; i += 1) {
        await settle(latest());
        if (done(await view())) return;
        await sleep(50);
      }
      throw new Error('the trajectory did not get there');
    };
    /** Skips the server's clock to `target`; a skip the server does not answer is asked again. */
    const skipTo = async (target: number) => {
      for (let attempt = 0; attempt < 20; attempt += 1) {
        await settle(latest());
        const now = await env.currentTimeMs();
        if (now >= target) return;
        await Promise.race([env.sleep(target - now), sleep(10_000)]);
      }
      throw new Error('the test server did not skip time');
    };

    const today = amsterdamDate(new Date(await env.currentTimeMs()));
    const goals = [{ resultId: 'school', outcome: 'reached' as const }];
    await toBeschikking(give, {
      agbCode: AGB,
      number: 'B-HISTORY',
      startDate: today,
      months: years * 12 + 1,
    });
    await give('decideCoordination', { coordinate: true, criteria: COORDINATED_CRITERIA });
    await give('startZorg', { agbCode: AGB, date: today });
    for (let review = 1; review <= years * 2; review += 1) {
      // To a day after the reminder, two weeks before the review is due; then the review.
      const due = Date.parse((await view()).monitoring.nextReviewDue!);
      await skipTo(due - 13 * 86_400_000);
      await until((v) => v.monitoring.reminded);
      await give('recordReview', { outcomes: goals, decision: 'continue' });
      if (review % 4 === 0) console.log(`[history] review ${review} of ${years * 2} recorded`);
    }
    await give('requestEndEvaluation', { reason: storedText() });
    await give('reportEvaluation', { agbCode: AGB, kind: 'end', outcomes: goals });
    await give('recordEndEvaluation', { goals, decision: 'close' });
    await until((v) => v.questionnaires.end.status === 'sent');
    await give('answerQuestionnaire', { moment: 'end', rating: 4 });
    await until((v) => v.phase === 'closed');
  });
  console.log(`[history] driven in ${((Date.now() - took) / 1000).toFixed(0)} s\n`);

  const runs: Array<{ events: number; bytes: number; updateBytes: number; replayMs: number }> = [];
  let runId: string | undefined = firstRunId;
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await env.client.workflow
      .getHandle(workflowId, runId)
      .fetchHistory();
    const events: temporal.api.history.v1.IHistoryEvent[] = history.events ?? [];
    const bytes = temporal.api.history.v1.History.encode(history).finish().length;
    const updateBytes = events.reduce(
      (n, e) =>
        n +
        (e.workflowExecutionUpdateCompletedEventAttributes
          ? temporal.api.history.v1.HistoryEvent.encode(e).finish().length
          : 0),
      0,
    );
    // One replay worker for all repeats, as a worker replays many workflows. The first replay
    // is the warm-up; the figure is the median time between the following ones.
    const results = Worker.runReplayHistories(
      // Through the payload codec, as a worker replays the encrypted histories it is given.
      { workflowBundle, dataConverter: testDataConverter },
      Array.from({ length: replays + 1 }, (_, i) => ({
        workflowId: `${workflowId}-${i}`,
        history,
      })),
    );
    const gaps: number[] = [];
    let last = performance.now();
    for await (const result of results) {
      if (result.error) throw result.error;
      gaps.push(performance.now() - last);
      last = performance.now();
    }
    const replayMs = median(gaps.slice(1));
    runs.push({ events: events.length, bytes, updateBytes, replayMs });
    runId =
      events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  await env.teardown();

  console.log('| run | events | bytes | of which update answers | replay ms (median) |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  runs.forEach((r, i) =>
    console.log(`| ${i + 1} | ${r.events} | ${r.bytes} | ${r.updateBytes} | ${fmt(r.replayMs)} |`),
  );
  const total = (key: 'events' | 'bytes') => runs.reduce((n, r) => n + r[key], 0);
  console.log(
    `\n${runs.length} run(s): ${total('events')} events, ${total('bytes')} bytes in all; largest run ${Math.max(...runs.map((r) => r.events))} events, ${Math.max(...runs.map((r) => r.bytes))} bytes; replay of the largest ${fmt(Math.max(...runs.map((r) => r.replayMs)))} ms`,
  );
}

/** Waits until the workflow has no task and no activity outstanding. */
async function settle(handle: WorkflowHandle): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const { raw } = await handle.describe();
    if (!raw.pendingWorkflowTask && (raw.pendingActivities?.length ?? 0) === 0) return;
    await sleep(50);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
