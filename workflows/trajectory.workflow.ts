import {
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { trajectoryInputProblems, type TrajectoryInput, type TrajectoryState } from '@cjg/domain';
import type { TrajectoryActivities } from '../activities';
import { trajectoryStateQuery } from './trajectory.definitions';

/**
 * Writes to PostgreSQL: quick, and retried for as long as the database is away (an outage must
 * delay the projection, never lose it).
 */
const projection = proxyActivities<TrajectoryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Sends mail: an SMTP server may be slow or down for a while; retried with backoff until it returns. */
const letters = proxyActivities<TrajectoryActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * One toegang trajectory, from the registered request for help to its closure (002 §3.5). The
 * workflow id is derived from the case number (`trajectory-<caseNumber>`), and the history
 * carries ids only: names, BSN and addresses stay in PostgreSQL.
 *
 * This walking skeleton registers the intake and tells the coordinator; the phases after intake
 * come with the trajectory issue.
 */
export async function trajectoryWorkflow(input: TrajectoryInput): Promise<TrajectoryState> {
  const problems = trajectoryInputProblems(input);
  if (problems.length > 0) {
    throw ApplicationFailure.nonRetryable(problems.join('; '), 'InvalidTrajectoryInput');
  }

  const state: TrajectoryState = {
    caseNumber: input.caseNumber,
    municipalityCode: input.municipalityCode,
    coordinatorId: input.coordinatorId,
    clientId: input.clientId,
    phase: 'intake',
    startedAt: workflowInfo().startTime.toISOString(),
    intakeLetterSent: false,
  };
  setHandler(trajectoryStateQuery, () => state);

  await projection.recordTrajectoryRegistered({
    workflowId: workflowInfo().workflowId,
    caseNumber: state.caseNumber,
    municipalityCode: state.municipalityCode,
    coordinatorId: state.coordinatorId,
    clientId: state.clientId,
    phase: state.phase,
    startedAt: state.startedAt,
  });

  await letters.sendIntakeRegisteredLetter({
    workflowId: workflowInfo().workflowId,
    caseNumber: state.caseNumber,
    municipalityCode: state.municipalityCode,
    coordinatorId: state.coordinatorId,
  });
  state.intakeLetterSent = true;

  // The trajectory stays open in intake until the next phases exist (trajectory issue).
  await condition(() => state.phase === 'closed' || state.phase === 'withdrawn');
  return state;
}
