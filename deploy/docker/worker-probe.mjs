// Health probe of a worker container: the image's HEALTHCHECK and the Kubernetes startup and
// readiness probes run `node deploy/docker/worker-probe.mjs`; exit code 0 is healthy.
//
// The worker has no HTTP port, so this asks Temporal what it sees: the probe passes when the task
// queue has both a workflow-task and an activity-task poller whose identity is this host's (the
// SDK's default worker identity is `<pid>@<hostname>`, and a pod's hostname is its name) and that
// polled within WORKER_PROBE_MAX_POLL_AGE_SECONDS (default 120; Temporal forgets a poller after
// 5 minutes). It proves the worker process is connected and asking for work. It does not check
// PostgreSQL or SMTP: activities that cannot reach them fail and retry, visibly, in Temporal.
import os from 'node:os';
import { Connection } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time.js';
// The same settings the worker reads, TLS and API key included (dist/ is there once `npm run
// build` ran, and in the image). No payload passes here: the probe needs no payload key.
import { temporalEndpointFromEnv } from '../../dist/libs/temporal/src/connection/index.js';

const TASK_QUEUE_KIND_NORMAL = 1;
const TASK_QUEUE_TYPES = { workflow: 1, activity: 2 };
// Connecting and asking share the budget of the probes' 10 s timeout.
const CONNECT_TIMEOUT_MS = 4_000;
const ASK_TIMEOUT_MS = 4_000;

async function probe(env = process.env) {
  const { namespace, taskQueue, connection: options } = temporalEndpointFromEnv(env);
  const maxAgeMs = Number(env.WORKER_PROBE_MAX_POLL_AGE_SECONDS || 120) * 1000;
  const host = os.hostname();
  const connection = await Connection.connect({ ...options, connectTimeout: CONNECT_TIMEOUT_MS });
  try {
    const problems = [];
    const deadline = Date.now() + ASK_TIMEOUT_MS;
    for (const [type, taskQueueType] of Object.entries(TASK_QUEUE_TYPES)) {
      const { pollers } = await connection.withDeadline(deadline, () =>
        connection.workflowService.describeTaskQueue({
          namespace,
          taskQueue: { name: taskQueue, kind: TASK_QUEUE_KIND_NORMAL },
          taskQueueType,
        }),
      );
      const ours = (pollers ?? []).filter((p) => (p.identity ?? '').endsWith(`@${host}`));
      const newest = Math.max(0, ...ours.map((p) => tsToMs(p.lastAccessTime)));
      if (ours.length === 0) problems.push(`no ${type} poller from ${host}`);
      else if (Date.now() - newest > maxAgeMs)
        problems.push(`${type} poller from ${host} last polled ${new Date(newest).toISOString()}`);
    }
    return problems.length === 0
      ? { ok: true, message: `worker on ${host} polls ${taskQueue} in ${namespace}` }
      : { ok: false, message: `${problems.join('; ')} (task queue ${taskQueue} in ${namespace})` };
  } finally {
    await connection.close();
  }
}

try {
  const { ok, message } = await probe();
  (ok ? console.log : console.error)(message);
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(`worker probe failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
