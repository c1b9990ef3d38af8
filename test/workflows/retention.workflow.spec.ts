import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import {
  WorkflowFailedError,
  type WorkflowHandleWithFirstExecutionRunId,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { isCalendarDate } from '@cjg/domain';
import type { RetentionActivities } from '@cjg/activities';
import type { retentionSweepWorkflow } from '@cjg/workflows';
import {
  destructionWorkflowId,
  RETENTION_SWEEP_WORKFLOW_TYPE,
  type DestructionOutcome,
  type DestructionRequest,
  type DueForDestructionQuery,
  type RetentionSweepInput,
  type RetentionSweepResult,
} from '@cjg/workflows/retention.definitions';
import {
  createTimeSkippingEnv,
  testWorkflowBundle,
  testDataConverter,
} from '../support/workflow-env';

jest.setTimeout(90_000);

let env: TestWorkflowEnvironment;
// A test server of its own per test (see test/support/trajectory-harness.ts).
beforeEach(async () => {
  env = await createTimeSkippingEnv();
});
afterEach(async () => {
  await env?.teardown();
});

const clients = (n: number) =>
  Array.from({ length: n }, (_, i) => `client-${String(i + 1).padStart(5, '0')}`);

interface Recorded {
  selections: DueForDestructionQuery[];
  lookups: string[];
  destructions: DestructionRequest[];
  attempts: Record<string, number>;
}

interface Stubs {
  /** All clients due; the stub pages through them like the query does (id order, after, limit). */
  due?: string[];
  /** At most this many per page, whatever the limit asked (to see the loop go on). */
  pageSize?: number;
  /** Fail a selection attempt: throw to fail it. */
  beforeSelect?: (query: DueForDestructionQuery) => void;
  clientOf?: (caseNumber: string) => string | null;
  destroy?: (request: DestructionRequest) => DestructionOutcome;
}

/** Runs the workflow on a fresh task queue with stubbed activities. */
async function run(
  input: RetentionSweepInput,
  stubs: Stubs,
  options: { workflowId?: string } = {},
  body: (
    handle: WorkflowHandleWithFirstExecutionRunId<typeof retentionSweepWorkflow>,
  ) => Promise<RetentionSweepResult> = (handle) => handle.result(),
): Promise<{ result: RetentionSweepResult; rec: Recorded; workflowId: string }> {
  const rec: Recorded = { selections: [], lookups: [], destructions: [], attempts: {} };
  const due = [...(stubs.due ?? [])].sort();
  const activities: RetentionActivities = {
    async findDueForDestruction(query) {
      stubs.beforeSelect?.(query);
      rec.selections.push(query);
      const size = Math.min(query.limit, stubs.pageSize ?? query.limit);
      return due.filter((id) => query.after === undefined || id > query.after).slice(0, size);
    },
    async findClientOfCase(caseNumber) {
      rec.lookups.push(caseNumber);
      return stubs.clientOf ? stubs.clientOf(caseNumber) : null;
    },
    async destroyPersonalData(request) {
      rec.attempts[request.clientId] = Context.current().info.attempt;
      const outcome: DestructionOutcome = stubs.destroy
        ? stubs.destroy(request)
        : { outcome: 'destroyed', caseNumbers: [`CJG-${request.clientId.toUpperCase()}`] };
      rec.destructions.push(request);
      return outcome;
    },
  };
  const taskQueue = `tq-${randomUUID()}`;
  const workflowId = options.workflowId ?? `retention-sweep-test-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    dataConverter: testDataConverter,
    taskQueue,
    workflowBundle: testWorkflowBundle(),
    activities,
  });
  const result = await worker.runUntil(async () => {
    const handle = await env.client.workflow.start<typeof retentionSweepWorkflow>(
      RETENTION_SWEEP_WORKFLOW_TYPE,
      { workflowId, taskQueue, args: [input] },
    );
    try {
      return await body(handle);
    } finally {
      // A workflow left open would hold the test server's clock still.
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') await handle.terminate('test finished');
    }
  });
  return { result, rec, workflowId };
}

describe('retentionSweepWorkflow: the sweep (Jeugdwet 7.3.8)', () => {
  it('pages through the due clients until a selection is empty and destroys each once', async () => {
    const due = clients(7);
    const { result, rec, workflowId } = await run(
      { asOf: '2046-03-01' },
      {
        due,
        pageSize: 2,
        destroy: ({ clientId }) => {
          if (clientId === due[2]) return { outcome: 'already-destroyed' };
          if (clientId === due[5])
            return { outcome: 'kept', because: 'open-trajectory', caseNumbers: ['CJG-NEW-1'] };
          return { outcome: 'destroyed', caseNumbers: [`CJG-A-${clientId}`, `CJG-B-${clientId}`] };
        },
      },
    );

    // Four pages of two (the last one short) and an empty one: a short page does not end it.
    expect(rec.selections.map((q) => q.after)).toEqual([undefined, due[1], due[3], due[5], due[6]]);
    expect(rec.selections.every((q) => q.asOf === '2046-03-01' && q.limit === 500)).toBe(true);
    expect(rec.destructions.map((d) => d.clientId).sort()).toEqual(due);
    for (const request of rec.destructions) {
      expect(request).toEqual({
        clientId: request.clientId,
        reason: '7.3.8',
        actor: workflowId,
        asOf: '2046-03-01',
      });
    }
    expect(rec.lookups).toEqual([]);
    expect(result).toMatchObject({
      kind: 'sweep',
      reason: '7.3.8',
      asOf: '2046-03-01',
      clientsDestroyed: 5,
      casesDestroyed: 10,
      clientsAlreadyDestroyed: 1,
      clientsKept: 1,
    });
    expect(result.request).toBeUndefined();
    expect(Date.parse(result.finishedAt)).toBeGreaterThanOrEqual(Date.parse(result.startedAt));
  });

  it('sweeps as of its own Amsterdam date when started without one (the schedule)', async () => {
    const { result, rec } = await run({}, { due: [] });

    expect(isCalendarDate(result.asOf)).toBe(true);
    expect(rec.selections).toEqual([{ asOf: result.asOf, limit: 500 }]);
    expect(result).toMatchObject({ kind: 'sweep', clientsDestroyed: 0, casesDestroyed: 0 });
  });

  it('continues as new after a chunk of clients, carrying its date, totals and place', async () => {
    const due = clients(1_100);
    const { result, rec } = await run({ asOf: '2046-03-01' }, { due }, {}, async (handle) => {
      const done = await handle.result();
      // The run that finished is not the first one.
      expect((await handle.describe()).runId).not.toBe(handle.firstExecutionRunId);
      return done;
    });

    expect(rec.destructions).toHaveLength(1_100);
    expect(new Set(rec.destructions.map((d) => d.clientId)).size).toBe(1_100);
    expect(rec.selections.map((q) => q.after)).toEqual([
      undefined,
      due[499],
      // continued as new here, after 1000 clients
      due[999],
      due[1_099],
    ]);
    expect(rec.selections.every((q) => q.asOf === '2046-03-01')).toBe(true);
    expect(result).toMatchObject({ asOf: '2046-03-01', clientsDestroyed: 1_100 });
    expect(result.casesDestroyed).toBe(1_100);
  });

  it('retries a failed selection and a failed destruction, and counts the client once', async () => {
    const due = clients(3);
    let selectFailures = 0;
    let destroyFailures = 0;
    const { result, rec } = await run(
      { asOf: '2046-03-01' },
      {
        due,
        beforeSelect: (query) => {
          if (query.after === undefined && selectFailures < 1) {
            selectFailures += 1;
            throw new Error('Connection terminated unexpectedly');
          }
        },
        destroy: ({ clientId }) => {
          if (clientId === due[1] && destroyFailures < 2) {
            destroyFailures += 1;
            throw new Error('57P01: terminating connection due to administrator command');
          }
          return { outcome: 'destroyed', caseNumbers: ['CJG-X'] };
        },
      },
    );

    expect(selectFailures).toBe(1);
    expect(rec.attempts[due[1]!]).toBe(3);
    expect(rec.destructions.filter((d) => d.clientId === due[1])).toHaveLength(1);
    expect(result).toMatchObject({ clientsDestroyed: 3, casesDestroyed: 3, clientsKept: 0 });
  });

  it('refuses a malformed date without touching anything', async () => {
    const failure = await run({ asOf: '1-3-2046' }, { due: clients(2) }).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe('InvalidRetentionInput');
  });
});

describe('retentionSweepWorkflow: destruction on request (Jeugdwet 7.3.9)', () => {
  const caseNumber = 'CJG-2026-000123';
  const input = {
    caseNumber,
    requestedBy: 'ops-1',
    requestReference: 'AVG-2026-0042',
  } satisfies RetentionSweepInput;

  it("destroys the personal data of the case's client, as the requesting actor", async () => {
    const { result, rec } = await run(
      input,
      {
        clientOf: () => 'client-sam',
        destroy: () => ({ outcome: 'destroyed', caseNumbers: ['CJG-2021-000007', caseNumber] }),
      },
      { workflowId: destructionWorkflowId(caseNumber) },
    );

    expect(rec.lookups).toEqual([caseNumber]);
    expect(rec.selections).toEqual([]);
    expect(rec.destructions).toEqual([
      {
        clientId: 'client-sam',
        reason: '7.3.9',
        actor: 'ops-1',
        caseNumber,
        requestReference: 'AVG-2026-0042',
      },
    ]);
    expect(result).toMatchObject({
      kind: 'request',
      reason: '7.3.9',
      clientsDestroyed: 1,
      casesDestroyed: 2,
      request: {
        caseNumber,
        clientId: 'client-sam',
        outcome: 'destroyed',
        caseNumbers: ['CJG-2021-000007', caseNumber],
      },
    });
  });

  it('says so when nothing was left (a repeat) and when the client still has an open case', async () => {
    const repeat = await run(input, {
      clientOf: () => 'client-sam',
      destroy: () => ({ outcome: 'already-destroyed' }),
    });
    expect(repeat.result.request).toEqual({
      caseNumber,
      clientId: 'client-sam',
      outcome: 'already-destroyed',
      caseNumbers: [],
    });
    expect(repeat.result.clientsAlreadyDestroyed).toBe(1);

    const open = await run(input, {
      clientOf: () => 'client-sam',
      destroy: () => ({ outcome: 'kept', because: 'open-trajectory', caseNumbers: ['CJG-NEW-1'] }),
    });
    expect(open.result.request).toEqual({
      caseNumber,
      clientId: 'client-sam',
      outcome: 'kept',
      caseNumbers: ['CJG-NEW-1'],
    });
    expect(open.result).toMatchObject({ clientsDestroyed: 0, clientsKept: 1 });
  });

  it('answers unknown-case without destroying anything when no trajectory has the number', async () => {
    const { result, rec } = await run(input, { clientOf: () => null });

    expect(rec.destructions).toEqual([]);
    expect(result.request).toEqual({ caseNumber, outcome: 'unknown-case', caseNumbers: [] });
  });

  it('retries a failed destruction until it succeeds', async () => {
    let failures = 0;
    const { result, rec } = await run(input, {
      clientOf: () => 'client-sam',
      destroy: () => {
        if (failures < 2) {
          failures += 1;
          throw new Error('Connection terminated unexpectedly');
        }
        return { outcome: 'destroyed', caseNumbers: [caseNumber] };
      },
    });

    expect(rec.attempts['client-sam']).toBe(3);
    expect(rec.destructions).toHaveLength(1);
    expect(result.request?.outcome).toBe('destroyed');
  });

  it('refuses a reference in words (it would stay in the history after the data is gone)', async () => {
    const failure = await run(
      { ...input, requestReference: 'verzoek van Jan Jansen' },
      { clientOf: () => 'client-sam' },
    ).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe('InvalidRetentionInput');
    expect(cause.message).toMatch(/requestReference must be a registration number/);
  });

  it('refuses a request without an actor', async () => {
    const failure = await run({ caseNumber }, { clientOf: () => 'client-sam' }).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(((failure as WorkflowFailedError).cause as ApplicationFailure).type).toBe(
      'InvalidRetentionInput',
    );
  });
});
