import type { WorkflowHandle } from '@temporalio/client';
import { addToDate } from '@cjg/domain';
import {
  advance,
  ALL_REACHED,
  command,
  env,
  eventually,
  input,
  stalledSleeps,
  state,
  today,
  toMonitoring,
  useTimeSkippingServerPerTest,
  withTrajectory,
} from '../support/trajectory-harness';

jest.setTimeout(300_000);
useTimeSkippingServerPerTest();

/**
 * 20 half-yearly reviews over 10 years of skipped time. temporal-test-server 1.38.0 sometimes
 * does not answer a skip; `advance` then asks again for what is left (counted as stalled
 * sleeps). Part of the workflows tier of `npm test`; `npm run test:long` runs it alone and
 * prints the history figures of every run (`npm run bench:history` measures them in full).
 */
describe('trajectoryWorkflow: ten years', () => {
  it('a 10-year trajectory with 20 half-yearly reviews stays under 1,000 events per run', async () => {
    const start = input();
    await withTrajectory(start, async (handle) => {
      await toMonitoring(handle, { coordinate: true, endDate: addToDate(await today(), 120) });
      const firstRun = (await handle.describe()).runId;
      for (let i = 0; i < 20; i += 1) {
        // Straight to a day after the reminder, two weeks before the next half-yearly review.
        const due = Date.parse((await state(handle)).monitoring.nextReviewDue!);
        const wait = due - 13 * 86_400_000 - (await env.currentTimeMs());
        if (wait > 0) await advance(handle, wait);
        await eventually(
          () => state(handle),
          (v) => v.monitoring.reminded,
        );
        await command(handle, 'recordReview', { outcomes: ALL_REACHED, decision: 'continue' });
      }
      expect((await state(handle)).reviews).toHaveLength(20);
      let runId: string | undefined = firstRun;
      const runs: Array<{ events: number; bytes: number }> = [];
      while (runId) {
        const history: Awaited<ReturnType<WorkflowHandle['fetchHistory']>> =
          await env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
        const events = history.events ?? [];
        runs.push({ events: events.length, bytes: JSON.stringify(history).length });
        runId =
          events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ??
          undefined;
      }
      console.log(
        `10-year trajectory, 20 reviews: ${runs.length} run(s), events per run ${runs.map((r) => r.events).join(', ')}; JSON bytes per run ${runs.map((r) => r.bytes).join(', ')}`,
      );
      console.log('stalled sleeps', stalledSleeps);
      for (const run of runs) expect(run.events).toBeLessThan(1000);
    });
  });
});
