/** The task queue every trajectory workflow and its activities run on. */
export const TRAJECTORY_TASK_QUEUE = 'cjg-toegang';
