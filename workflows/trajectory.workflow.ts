import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import { involvedProviders, projectionOf, TRAJECTORY_PROCESS } from '@cjg/domain';
import type { TrajectoryActivities } from '../activities';
import { LOCAL_PROJECTION_OPTIONS, PROJECTION_OPTIONS } from './activity-options';
import { processWorkflow } from './support/process-runner';
import { commandUpdates, trajectoryStateQuery } from './trajectory.definitions';

const projection = proxyActivities<TrajectoryActivities>(PROJECTION_OPTIONS);
const localProjection = proxyLocalActivities<TrajectoryActivities>(LOCAL_PROJECTION_OPTIONS);

/**
 * One toegang trajectory, from the registered request for help to its closure (002 §3.5, 001,
 * 004): the process of libs/domain/src/processes/trajectory, run by the process runner. Its id is
 * `trajectory-<caseNumber>`; its history carries ids, codes and text references only. Besides
 * letters it reports the family's active providers to the family workflow (samenloop, 004).
 */
export const trajectoryWorkflow = processWorkflow({
  process: TRAJECTORY_PROCESS,
  invalidInput: 'InvalidTrajectoryInput',
  stateQuery: trajectoryStateQuery,
  updates: commandUpdates,
  search: (state) => ({
    caseNumber: state.caseNumber,
    phase: state.phase,
    providerAgbCodes: involvedProviders(state),
    coordinated: state.coordination?.coordinate ?? false,
  }),
  project: (state, workflowId, causes, kept) =>
    kept
      ? localProjection.projectTrajectory({ ...projectionOf(state, workflowId, causes), ...kept })
      : projection.projectTrajectory(projectionOf(state, workflowId, causes)),
  own: {
    // The family's set of active providers changed: samenloop is judged per family (004).
    'family-care': (effect, { state, track, local }) =>
      track(
        (local ? localProjection : projection).reportFamilyCare({
          familyId: state.familyId,
          caseNumber: state.caseNumber,
          coordinatorId: state.coordinatorId,
          activeAgbCodes: effect.activeAgbCodes,
          revision: state.revision,
          threshold: state.policy.samenloopThreshold,
        }),
        'family report',
      ),
  },
  opening: 'after-handlers-and-publish',
  legacy: {
    continuedAtHistoryBound: true,
    continuedWhenEnded: true,
    closing: 'no-last-publish',
  },
});
