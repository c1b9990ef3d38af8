import type { WorkflowHandle } from '@temporalio/client';
import { addToDate } from '@cjg/domain';
import {
  advance,
  ALL_REACHED,
  AGB_A,
  command,
  env,
  eventually,
  input,
  state,
  today,
  toMonitoring,
  useTimeSkippingServerPerTest,
  withTrajectory,
} from '../support/trajectory-harness';

jest.setTimeout(Number(process.env.WORKFLOW_TEST_TIMEOUT_MS ?? 120_000));
useTimeSkippingServerPerTest();

describe('trajectoryWorkflow: long life', () => {
  it('continues as new with its state and deadlines, and keeps every run under the bound', async () => {
    const start = input({ maxHistoryEvents: 200 });
    await withTrajectory(start, async (handle) => {
      await toMonitoring(handle, {
        coordinate: true,
        reviewInterval: 'P1M',
        endDate: addToDate(await today(), 60),
      });
      const firstRun = (await handle.describe()).runId;
      const due = (await state(handle)).monitoring.nextReviewDue;
      // Providers reporting interim evaluations grow the history past the bound.
      for (let i = 0; i < 30; i += 1) {
        await command(handle, 'reportEvaluation', {
          agbCode: AGB_A,
          kind: 'interim',
          outcomes: ALL_REACHED,
        });
      }
      const latest = env.client.workflow.getHandle(handle.workflowId);
      expect((await latest.describe()).runId).not.toBe(firstRun);
      let s = await state(handle);
      expect(s.evaluations).toHaveLength(30);
      expect(s.monitoring.nextReviewDue).toBe(due);
      // The deadline carried across still fires in the new run.
      await advance(handle, Date.parse(due!) - 13 * 86_400_000 - (await env.currentTimeMs()));
      s = await eventually(
        () => state(handle),
        (v) => v.monitoring.reminded,
      );
      expect(s.pendingDeadlines.map((d) => d.kind)).toContain('review-overdue');
      // Follow the chain of runs: every continued run stayed under the bound. (Read again until
      // the first run's closing event is readable: a loaded test server has shown the new run
      // before the old run's history ended with it.)
      const runLengths = async () => {
        let runId: string | undefined = firstRun;
        const lengths: number[] = [];
        while (runId) {
          const history: Awaited<ReturnType<WorkflowHandle['fetchHistory']>> =
            await env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
          const events = history.events ?? [];
          lengths.push(events.length);
          runId =
            events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ??
            undefined;
        }
        return lengths;
      };
      const lengths = await eventually(runLengths, (found) => found.length > 1);
      expect(lengths.length).toBeGreaterThan(1);
      for (const length of lengths) expect(length).toBeLessThanOrEqual(200 + 40);
    });
  });
});
