import {
  createReassessmentActivities,
  type ReassessmentActivities,
  type ReassessmentActivityDependencies,
} from './reassessment.activities';
import {
  createTrajectoryActivities,
  type ActivityDependencies,
  type TrajectoryActivities,
} from './trajectory.activities';

export * from './family-reporter';
export * from './reassessment.activities';
export * from './trajectory.activities';

/** Everything the worker hands the activities. */
export type WorkerActivityDependencies = ActivityDependencies & ReassessmentActivityDependencies;

/** Every activity the worker registers. */
export type Activities = TrajectoryActivities & ReassessmentActivities;

/** Every activity the worker registers, built from its dependencies. */
export function createActivities(deps: WorkerActivityDependencies): Activities {
  return { ...createTrajectoryActivities(deps), ...createReassessmentActivities(deps) };
}
