import type { Client } from '@temporalio/client';
import { CaseKindKey, FamilyIdKey } from '@cjg/temporal';
import {
  FAMILY_WORKFLOW_TYPE,
  familyCareChangedSignal,
  familyWorkflowId,
} from '../workflows/trajectory.definitions';
import type { FamilyCareReportInput, FamilyReporter } from './trajectory.activities';

/** Reports to the family workflow with signal-with-start: the first report starts it. */
export function temporalFamilyReporter(client: Client, taskQueue: string): FamilyReporter {
  return {
    async report(familyId: string, report: FamilyCareReportInput): Promise<void> {
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
