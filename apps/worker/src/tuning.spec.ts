import { workerTuningFromEnv } from './tuning';

describe('workerTuningFromEnv', () => {
  it('keeps the SDK defaults when nothing is set', () => {
    expect(workerTuningFromEnv({})).toEqual({});
    expect(workerTuningFromEnv({ WORKER_MAX_CACHED_WORKFLOWS: '' })).toEqual({});
  });

  it('reads each setting', () => {
    expect(
      workerTuningFromEnv({
        WORKER_MAX_CACHED_WORKFLOWS: '500',
        WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '40',
        WORKER_MAX_CONCURRENT_ACTIVITIES: '100',
      }),
    ).toEqual({
      maxCachedWorkflows: 500,
      maxConcurrentWorkflowTaskExecutions: 40,
      maxConcurrentActivityTaskExecutions: 100,
    });
    expect(workerTuningFromEnv({ WORKER_MAX_CACHED_WORKFLOWS: '0' })).toEqual({
      maxCachedWorkflows: 0,
    });
    expect(
      workerTuningFromEnv({
        WORKER_MAX_CONCURRENT_WORKFLOW_TASK_POLLS: '20',
        WORKER_NON_STICKY_POLL_RATIO: '0.5',
      }),
    ).toEqual({ maxConcurrentWorkflowTaskPolls: 20, nonStickyToStickyPollRatio: 0.5 });
    expect(workerTuningFromEnv({ WORKER_WORKFLOW_THREADS: '2' })).toEqual({
      workflowThreadPoolSize: 2,
    });
  });

  it.each([
    ['WORKER_MAX_CACHED_WORKFLOWS', '-1'],
    ['WORKER_MAX_CACHED_WORKFLOWS', 'many'],
    ['WORKER_MAX_CACHED_WORKFLOWS', '2.5'],
    ['WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', '1'],
    ['WORKER_MAX_CONCURRENT_ACTIVITIES', '0'],
    ['WORKER_MAX_CONCURRENT_WORKFLOW_TASK_POLLS', '1'],
    ['WORKER_NON_STICKY_POLL_RATIO', '0'],
    ['WORKER_WORKFLOW_THREADS', '0'],
    ['WORKER_WORKFLOW_THREADS', '17'],
    ['WORKER_NON_STICKY_POLL_RATIO', '1.5'],
    ['WORKER_NON_STICKY_POLL_RATIO', 'half'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => workerTuningFromEnv({ [name]: value })).toThrow(name);
  });
});
