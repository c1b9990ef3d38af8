import type { WorkerOptions } from '@temporalio/worker';

/** The worker settings an operator may tune; unset ones keep the defaults below. */
export type WorkerTuning = Pick<
  WorkerOptions,
  | 'maxCachedWorkflows'
  | 'maxConcurrentWorkflowTaskExecutions'
  | 'maxConcurrentActivityTaskExecutions'
  | 'maxConcurrentWorkflowTaskPolls'
  | 'nonStickyToStickyPollRatio'
  | 'workflowThreadPoolSize'
>;

interface Setting {
  option: keyof WorkerTuning;
  min: number;
  max?: number;
  /** A fraction rather than a whole number. */
  fraction?: boolean;
}

const SETTINGS: Record<string, Setting> = {
  // Workflows kept in memory between tasks. The SDK's default follows the heap limit (about
  // 2,300 with Node's default heap of 4 GiB); fewer saves memory, and an evicted workflow is
  // replayed from its history on its next task (docs/performance.md shows the curve).
  WORKER_MAX_CACHED_WORKFLOWS: { option: 'maxCachedWorkflows', min: 0 },
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: { option: 'maxConcurrentWorkflowTaskExecutions', min: 2 },
  WORKER_MAX_CONCURRENT_ACTIVITIES: { option: 'maxConcurrentActivityTaskExecutions', min: 1 },
  // Open polls for workflow tasks, and the share of them on the task queue itself (new workflows
  // and evicted ones) rather than on this worker's sticky queue.
  WORKER_MAX_CONCURRENT_WORKFLOW_TASK_POLLS: { option: 'maxConcurrentWorkflowTaskPolls', min: 2 },
  // Threads that run workflow code (the SDK's default is 1). A workflow task whose workflow is not
  // in the cache replays its history there: with more cores than one, 2 lets a wave of deadlines
  // replay on two at once (docs/performance.md).
  WORKER_WORKFLOW_THREADS: { option: 'workflowThreadPoolSize', min: 1, max: 16 },
  WORKER_NON_STICKY_POLL_RATIO: {
    option: 'nonStickyToStickyPollRatio',
    min: 0.01,
    max: 1,
    fraction: true,
  },
};

/** Reads the tuning variables; a malformed value throws, naming the variable. */
export function workerTuningFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  const tuning: WorkerTuning = {};
  for (const [name, { option, min, max, fraction }] of Object.entries(SETTINGS)) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    const shape = fraction ? /^\d*\.?\d+$/ : /^\d+$/;
    if (!shape.test(raw) || value < min || (max !== undefined && value > max)) {
      const kind = fraction ? 'a number' : 'a whole number';
      const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
      throw new Error(`${name} must be ${kind} ${range}, got ${JSON.stringify(env[name])}`);
    }
    tuning[option] = value;
  }
  return tuning;
}
