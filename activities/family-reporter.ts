import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { CaseKindKey, FamilyIdKey } from '@cjg/temporal';
import {
  FAMILY_WORKFLOW_TYPE,
  familyCareChangedSignal,
  familyWorkflowId,
} from '../workflows/trajectory.definitions';
import type { FamilyCareReportInput, FamilyReporter } from './trajectory.activities';

/**
 * Reports to the family workflow with signal-with-start: the first report starts it. A report of
 * no active providers only signals: a family workflow that is not running has nothing to judge,
 * and starting it for that would only end it again (issue 19).
 */
export function temporalFamilyReporter(client: Client, taskQueue: string): FamilyReporter {
  return {
    async report(familyId: string, report: FamilyCareReportInput): Promise<void> {
      if (report.activeAgbCodes.length === 0) {
        try {
          await client.workflow
            .getHandle(familyWorkflowId(familyId))
            .signal(familyCareChangedSignal, report);
        } catch (error) {
          if (!(error instanceof WorkflowNotFoundError)) throw error;
        }
        return;
      }
      await client.workflow.signalWithStart(FAMILY_WORKFLOW_TYPE, {
        workflowId: familyWorkflowId(familyId),
        taskQueue,
        args: [familyId],
        signal: familyCareChangedSignal,
        signalArgs: [report],
        typedSearchAttributes: [
          { key: CaseKindKey, value: 'family' },
          { key: FamilyIdKey, value: familyId },
        ],
      });
    },
  };
}
