import type { WorkerOptions } from '@temporalio/worker';

/** The worker settings an operator may tune; unset ones keep the SDK's defaults. */
export type WorkerTuning = Pick<
  WorkerOptions,
  | 'maxCachedWorkflows'
  | 'maxConcurrentWorkflowTaskExecutions'
  | 'maxConcurrentActivityTaskExecutions'
>;

const SETTINGS = {
  // Workflows kept in memory between tasks. The SDK's default follows the heap limit (about
  // 2,300 with Node's default heap of 4 GiB); fewer saves memory, and an evicted workflow is
  // replayed from its history on its next task (docs/performance.md shows the curve).
  WORKER_MAX_CACHED_WORKFLOWS: { option: 'maxCachedWorkflows', min: 0 },
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: { option: 'maxConcurrentWorkflowTaskExecutions', min: 2 },
  WORKER_MAX_CONCURRENT_ACTIVITIES: { option: 'maxConcurrentActivityTaskExecutions', min: 1 },
} as const;

/** Reads the tuning variables; a malformed value throws, naming the variable. */
export function workerTuningFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  const tuning: WorkerTuning = {};
  for (const [name, { option, min }] of Object.entries(SETTINGS)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || value < min) {
      throw new Error(
        `${name} must be a whole number of at least ${min}, got ${JSON.stringify(raw)}`,
      );
    }
    tuning[option] = value;
  }
  return tuning;
}
