import {
  createTrajectoryActivities,
  type ActivityDependencies,
  type TrajectoryActivities,
} from './trajectory.activities';

export * from './family-reporter';
export * from './trajectory.activities';

/** Every activity the worker registers, built from its dependencies. */
export function createActivities(deps: ActivityDependencies): TrajectoryActivities {
  return { ...createTrajectoryActivities(deps) };
}
