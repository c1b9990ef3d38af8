import {
  createReassessmentActivities,
  type ReassessmentActivities,
  type ReassessmentActivityDependencies,
} from './reassessment.activities';
import {
  createRetentionActivities,
  type RetentionActivities,
  type RetentionActivityDependencies,
} from './retention.activities';
import {
  createTrajectoryActivities,
  type ActivityDependencies,
  type TrajectoryActivities,
} from './trajectory.activities';
import { createVeiligThuisActivities, type VeiligThuisActivities } from './veilig-thuis.activities';
import { createVtoActivities, type VtoActivities } from './vto.activities';

export * from './family-reporter';
export * from './reassessment.activities';
export * from './retention.activities';
export * from './trajectory.activities';
export * from './veilig-thuis.activities';
export * from './vto.activities';

/** Everything the worker hands the activities. */
export type WorkerActivityDependencies = ActivityDependencies &
  ReassessmentActivityDependencies &
  RetentionActivityDependencies;

/** Every activity the worker registers. */
export type Activities = TrajectoryActivities &
  ReassessmentActivities &
  RetentionActivities &
  VeiligThuisActivities &
  VtoActivities;

/** Every activity the worker registers, built from its dependencies. */
export function createActivities(deps: WorkerActivityDependencies): Activities {
  return {
    ...createTrajectoryActivities(deps),
    ...createReassessmentActivities(deps),
    ...createRetentionActivities(deps),
    ...createVeiligThuisActivities(deps),
    ...createVtoActivities(deps),
  };
}
