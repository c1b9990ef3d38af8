import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { ReassessmentActivities } from '@cjg/activities';
import type { reassessmentBatchWorkflow } from '@cjg/workflows';
import {
  REASSESSMENT_BATCH_WORKFLOW_TYPE,
  reassessmentBatchWorkflowId,
  reassessmentProgressQuery,
  type CaseReassessmentOutcome,
  type CaseReassessmentRequest,
  type ReassessmentBatchInput,
  type ReassessmentBatchProgress,
  type ReassessmentSelection,
} from '@cjg/workflows/reassessment-batch.definitions';
import {
  createTimeSkippingEnv,
  testWorkflowBundle,
  testDataConverter,
} from '../support/workflow-env';

jest.setTimeout(60_000);

let env: TestWorkflowEnvironment;
// A test server of its own per test (see test/support/trajectory-harness.ts).
beforeEach(async () => {
  env = await createTimeSkippingEnv();
});
afterEach(async () => {
  await env?.teardown();
});

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 200; i += 1) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`condition not reached; last value: ${JSON.stringify(last)}`);
}

const cases = (n: number) =>
  Array.from({ length: n }, (_, i) => `CJG-2026-${String(i + 1).padStart(6, '0')}`);

function batchInput(): ReassessmentBatchInput {
  return {
    batchId: `b-${randomUUID().slice(0, 8)}`,
    decideBy: '2026-04-30',
    beschikkingEndFrom: '2026-07-01',
    beschikkingEndTo: '2026-12-31',
    municipalityCode: '0957',
    requestedBy: 'ops-1',
  };
}

interface Recorded {
  selections: ReassessmentSelection[];
  requests: CaseReassessmentRequest[];
  attempts: Record<string, number>;
}

/**
 * Runs a batch on a fresh task queue with stubbed activities: `select` answers the selection,
 * `answer` each trajectory's answer (throw to fail the attempt).
 */
async function runBatch(
  activities: {
    select: () => Promise<string[]>;
    answer: (request: CaseReassessmentRequest) => Promise<CaseReassessmentOutcome>;
  },
  body: (
    handle: WorkflowHandleWithFirstExecutionRunId<typeof reassessmentBatchWorkflow>,
  ) => Promise<ReassessmentBatchProgress>,
  input = batchInput(),
): Promise<{ progress: ReassessmentBatchProgress; rec: Recorded }> {
  const rec: Recorded = { selections: [], requests: [], attempts: {} };
  const stubs: ReassessmentActivities = {
    async selectReassessmentCases(selection) {
      rec.selections.push(selection);
      return activities.select();
    },
    async requestCaseReassessment(request) {
      rec.attempts[request.caseNumber] = Context.current().info.attempt;
      const outcome = await activities.answer(request);
      rec.requests.push(request);
      return outcome;
    },
  };
  const taskQueue = `tq-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    dataConverter: testDataConverter,
    taskQueue,
    workflowBundle: testWorkflowBundle(),
    activities: stubs,
  });
  const progress = await worker.runUntil(async () => {
    const handle = await env.client.workflow.start<typeof reassessmentBatchWorkflow>(
      REASSESSMENT_BATCH_WORKFLOW_TYPE,
      { workflowId: reassessmentBatchWorkflowId(input.batchId), taskQueue, args: [input] },
    );
    try {
      return await body(handle);
    } finally {
      // A workflow left open would hold the test server's clock still.
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') await handle.terminate('test finished');
    }
  });
  return { progress, rec };
}

describe('reassessmentBatchWorkflow (001)', () => {
  it('asks every selected trajectory once and counts the requested and refused ones', async () => {
    const input = batchInput();
    const matched = cases(5);
    const refusing: Record<string, string[]> = {
      [matched[1]!]: ['a re-assessment is already pending'],
      [matched[3]!]: ['the trajectory has ended; it takes no more commands'],
    };
    const { progress, rec } = await runBatch(
      {
        select: async () => matched,
        answer: async ({ caseNumber }) =>
          refusing[caseNumber]
            ? { outcome: 'refused', reasons: refusing[caseNumber] }
            : { outcome: 'requested' },
      },
      (handle) => handle.result(),
      input,
    );

    expect(rec.selections).toEqual([
      {
        beschikkingEndFrom: '2026-07-01',
        beschikkingEndTo: '2026-12-31',
        municipalityCode: '0957',
      },
    ]);
    expect(rec.requests.map((r) => r.caseNumber).sort()).toEqual(matched);
    expect(
      rec.requests.every((r) => r.batchId === input.batchId && r.decideBy === '2026-04-30'),
    ).toBe(true);
    expect(progress).toMatchObject({
      batchId: input.batchId,
      status: 'done',
      matched: 5,
      requested: 3,
      pending: 0,
      refused: [
        { caseNumber: matched[1], reasons: ['a re-assessment is already pending'] },
        {
          caseNumber: matched[3],
          reasons: ['the trajectory has ended; it takes no more commands'],
        },
      ],
    });
    expect(Date.parse(progress.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(progress.startedAt));
  });

  it('retries a trajectory whose asking failed and counts it once', async () => {
    const matched = cases(3);
    const failures: Record<string, number> = {};
    const { progress, rec } = await runBatch(
      {
        select: async () => matched,
        answer: async ({ caseNumber }) => {
          if (caseNumber === matched[0] && (failures[caseNumber] ?? 0) < 2) {
            failures[caseNumber] = (failures[caseNumber] ?? 0) + 1;
            throw new Error('14 UNAVAILABLE: Connection dropped');
          }
          return { outcome: 'requested' };
        },
      },
      (handle) => handle.result(),
    );

    expect(rec.attempts[matched[0]!]).toBe(3);
    expect(rec.requests.filter((r) => r.caseNumber === matched[0])).toHaveLength(1);
    expect(progress).toMatchObject({ status: 'done', matched: 3, requested: 3, refused: [] });
    expect(progress.pending).toBe(0);
  });

  it('shows its progress while running, asks at most eight at once, and ends done', async () => {
    const matched = cases(10);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inFlight = 0;
    let mostInFlight = 0;
    const { progress } = await runBatch(
      {
        select: async () => matched,
        answer: async () => {
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
          try {
            await gate;
          } finally {
            inFlight -= 1;
          }
          return { outcome: 'requested' };
        },
      },
      async (handle) => {
        const midway = await eventually(
          () => handle.query(reassessmentProgressQuery),
          (p) => p.status === 'running' && inFlight === 8,
        );
        expect(midway).toMatchObject({ matched: 10, requested: 0, pending: 10, refused: [] });
        expect(midway.finishedAt).toBeUndefined();
        release();
        const done = await handle.result();
        expect(await handle.query(reassessmentProgressQuery)).toEqual(done);
        return done;
      },
    );

    expect(mostInFlight).toBe(8);
    expect(progress).toMatchObject({ status: 'done', matched: 10, requested: 10, pending: 0 });
  });

  it('ends done when no trajectory matches', async () => {
    const { progress, rec } = await runBatch(
      {
        select: async () => [],
        answer: async () => {
          throw new Error('no trajectory should be asked');
        },
      },
      (handle) => handle.result(),
    );

    expect(rec.requests).toHaveLength(0);
    expect(progress).toMatchObject({
      status: 'done',
      matched: 0,
      requested: 0,
      pending: 0,
      refused: [],
    });
    expect(progress.finishedAt).toBeDefined();
  });

  it('continues as new after a chunk of trajectories, carrying progress and the rest', async () => {
    const matched = cases(530);
    const { progress, rec } = await runBatch(
      {
        select: async () => matched,
        answer: async ({ caseNumber }) =>
          caseNumber === matched[520]
            ? { outcome: 'refused', reasons: ['a re-assessment is already pending'] }
            : { outcome: 'requested' },
      },
      async (handle) => {
        const done = await handle.result();
        // The run that finished is not the first one.
        expect((await handle.describe()).runId).not.toBe(handle.firstExecutionRunId);
        return done;
      },
    );

    expect(rec.selections).toHaveLength(1);
    expect(rec.requests).toHaveLength(530);
    expect(new Set(rec.requests.map((r) => r.caseNumber)).size).toBe(530);
    expect(progress).toMatchObject({
      status: 'done',
      matched: 530,
      requested: 529,
      pending: 0,
      refused: [{ caseNumber: matched[520], reasons: ['a re-assessment is already pending'] }],
    });
  });
});
