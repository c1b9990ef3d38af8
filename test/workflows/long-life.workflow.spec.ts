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

/** Coordinated, reviewed monthly, its beschikking running for 60 days. */
const monthlyReviews = async () => ({
  coordinate: true,
  reviewInterval: 'P1M',
  endDate: addToDate(await today(), 60),
});

describe('trajectoryWorkflow: long life', () => {
  it('continues as new with its state and deadlines, and keeps every run under the bound', async () => {
    const start = input({ maxHistoryEvents: 200 });
    await withTrajectory(start, async (handle) => {
      await toMonitoring(handle, await monthlyReviews());
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
      // Follow the chain of runs back from the latest, by the run each one continued: every
      // run stayed under the bound. (Backwards, because the time-skipping test server, when
      // loaded, has answered a continued run's history without its closing events, while its
      // description says CONTINUED_AS_NEW.)
      expect(
        (await env.client.workflow.getHandle(handle.workflowId, firstRun).describe()).status.name,
      ).toBe('CONTINUED_AS_NEW');
      const runs: string[] = [];
      const lengths: number[] = [];
      let runId: string | undefined = (await latest.describe()).runId;
      while (runId) {
        const history: Awaited<ReturnType<WorkflowHandle['fetchHistory']>> =
          await env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
        const events = history.events ?? [];
        runs.unshift(runId);
        lengths.unshift(events.length);
        runId =
          events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
      }
      expect(runs).toContain(firstRun);
      expect(lengths.length).toBeGreaterThan(1);
      for (const length of lengths) expect(length).toBeLessThanOrEqual(200 + 40);
    });
  });

  it('rolls over once its history is long: a deadline months away then replays a short history', async () => {
    const start = input({ rolloverFromEvents: 40, rolloverAfter: 'PT1H' });
    await withTrajectory(start, async (handle) => {
      await toMonitoring(handle, await monthlyReviews());
      const firstRun = (await handle.describe()).runId;
      const before = await state(handle);
      const longHistory = (await handle.fetchHistory()).events ?? [];
      expect(longHistory.length).toBeGreaterThanOrEqual(40);
      // One rollover timer in the run, started once the history passed the bound.
      const timers = (events: typeof longHistory) =>
        events.filter((e) => e.timerStartedEventAttributes).length;
      // An hour later the run has continued as new, with its state, nothing else happening.
      await advance(handle, 2 * 3_600_000);
      const latest = env.client.workflow.getHandle(handle.workflowId);
      const secondRun = (await latest.describe()).runId;
      expect(secondRun).not.toBe(firstRun);
      expect(
        (await env.client.workflow.getHandle(handle.workflowId, firstRun).describe()).status.name,
      ).toBe('CONTINUED_AS_NEW');
      const after = await state(handle);
      expect(after.revision).toBe(before.revision);
      expect(after.monitoring.nextReviewDue).toBe(before.monitoring.nextReviewDue);
      expect(after.pendingDeadlines).toEqual(before.pendingDeadlines);
      // The review reminder falls in the new run, whose history is short.
      const due = before.monitoring.nextReviewDue!;
      await advance(handle, Date.parse(due) - 13 * 86_400_000 - (await env.currentTimeMs()));
      const reminded = await eventually(
        () => state(handle),
        (v) => v.monitoring.reminded,
      );
      expect(reminded.pendingDeadlines.map((d) => d.kind)).toContain('review-overdue');
      expect((await latest.describe()).runId).toBe(secondRun);
      const short = (await latest.fetchHistory()).events ?? [];
      expect(short.length).toBeLessThan(40);
      // A short run starts no rollover timer of its own: only its deadline timers.
      expect(timers(short)).toBeLessThanOrEqual(3);
    });
  });
});
