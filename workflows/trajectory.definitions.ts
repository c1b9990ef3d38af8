/**
 * The contract of the trajectory workflow shared by the API (client) and the worker: its name,
 * queries, signals and updates. Import from here, never from the workflow implementation.
 */
import { defineQuery } from '@temporalio/workflow';
import type { TrajectoryState } from '@cjg/domain';

export const TRAJECTORY_WORKFLOW_TYPE = 'trajectoryWorkflow';

/** The trajectory's current state: phase, ids and what has happened so far. */
export const trajectoryStateQuery = defineQuery<TrajectoryState>('state');
