import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { trajectoryWorkflowId, type TrajectoryInput } from '@cjg/domain';
import { trajectoryStartSearchAttributes } from '@cjg/temporal';
import { TRAJECTORY_WORKFLOW_TYPE } from '../trajectory.definitions';
import type { trajectoryWorkflow } from '../trajectory.workflow';

/**
 * Starts the toegang trajectory a process leads to (a Veilig Thuis handover, a Schakeloverleg
 * transfer) as a child that outlives it. It rejects with WorkflowExecutionAlreadyStartedError
 * when the case number already names a trajectory: a case number names one trajectory forever,
 * also after it has closed. Returns startChild's own promise (no turn of its own).
 */
export function startLinkedTrajectory(trajectory: TrajectoryInput, memo?: Record<string, unknown>) {
  return startChild<typeof trajectoryWorkflow>(TRAJECTORY_WORKFLOW_TYPE, {
    workflowId: trajectoryWorkflowId(trajectory.caseNumber),
    args: [trajectory],
    // The trajectory runs for months or years after the process that started it has ended.
    parentClosePolicy: ParentClosePolicy.ABANDON,
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    typedSearchAttributes: trajectoryStartSearchAttributes(trajectory),
    ...(memo ? { memo } : {}),
  });
}
