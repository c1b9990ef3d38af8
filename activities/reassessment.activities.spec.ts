import {
  ApplicationFailure,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { COMMAND_REFUSED } from '../workflows/trajectory.definitions';
import {
  createReassessmentActivities,
  type ReassessmentActivityDependencies,
} from './reassessment.activities';

type Deps = ReassessmentActivityDependencies;

const CASE = 'CJG-2026-000123';

/** An activity environment that does not log the failed attempts these tests make on purpose. */
const activityEnv = (info: { attempt?: number } = {}) =>
  new MockActivityEnvironment(info, {
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
  });
const REQUEST = { caseNumber: CASE, batchId: 'apr-2026', decideBy: '2026-04-30' };

/** A client whose trajectory answers the update with `update` and the state query with `state`. */
function fakeClient(behaviour: {
  update?: () => Promise<unknown>;
  state?: () => Promise<unknown>;
}) {
  const calls = {
    workflowIds: [] as string[],
    updates: [] as Array<{ name: string; options: unknown }>,
    queries: 0,
  };
  const client = {
    connection: { withDeadline: (_deadline: number, call: () => Promise<unknown>) => call() },
    workflow: {
      getHandle(workflowId: string) {
        calls.workflowIds.push(workflowId);
        return {
          async executeUpdate(def: { name: string }, options: unknown) {
            calls.updates.push({ name: def.name, options });
            return behaviour.update?.();
          },
          async query() {
            calls.queries += 1;
            return behaviour.state?.();
          },
        };
      },
    },
  } as unknown as Deps['client'];
  return { client, calls };
}

/** A read model whose every query answers `rows`; `seen` collects the parameters. */
function fakeDataSource(rows: unknown[], seen: unknown[][] = []): Deps['dataSource'] {
  const query = async (_sql: string, params?: unknown[]) => {
    seen.push(params ?? []);
    return rows;
  };
  return { query } as Deps['dataSource'];
}

function activities(client: Deps['client']) {
  return createReassessmentActivities({ dataSource: fakeDataSource([]), client });
}

const refusal = (problems: string[], by: 'state' | 'data') =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({
      type: COMMAND_REFUSED,
      message: problems.join('; '),
      details: [problems, by],
      nonRetryable: true,
    }),
  );

describe(createReassessmentActivities.name, () => {
  describe('selectReassessmentCases', () => {
    it('selects by window and municipality, and answers the case numbers only', async () => {
      const seen: unknown[][] = [];
      const { selectReassessmentCases } = createReassessmentActivities({
        dataSource: fakeDataSource(
          [{ case_number: 'CJG-2026-000001' }, { case_number: 'CJG-2026-000002' }],
          seen,
        ),
        client: fakeClient({}).client,
      });
      const selected = await selectReassessmentCases({
        beschikkingEndFrom: '2026-07-01',
        beschikkingEndTo: '2026-12-31',
      });
      expect(selected).toEqual(['CJG-2026-000001', 'CJG-2026-000002']);
      expect(seen).toEqual([['2026-07-01', '2026-12-31', null]]);
    });
  });

  describe('requestCaseReassessment', () => {
    it('asks the trajectory with the batch as update id', async () => {
      const { client, calls } = fakeClient({ update: async () => ({ revision: 9 }) });
      const answer = await activityEnv().run(activities(client).requestCaseReassessment, REQUEST);
      expect(answer).toEqual({ outcome: 'requested' });
      expect(calls.workflowIds).toEqual([`trajectory-${CASE}`]);
      expect(calls.updates).toEqual([
        {
          name: 'requestReassessment',
          options: {
            args: [{ batchId: 'apr-2026', decideBy: '2026-04-30' }],
            updateId: 'reassessment-apr-2026',
          },
        },
      ]);
      expect(calls.queries).toBe(0);
    });

    it("answers the trajectory's refusal with its reasons", async () => {
      const { client } = fakeClient({
        update: () => Promise.reject(refusal(['a re-assessment is already pending'], 'state')),
      });
      await expect(
        activityEnv().run(activities(client).requestCaseReassessment, REQUEST),
      ).resolves.toEqual({ outcome: 'refused', reasons: ['a re-assessment is already pending'] });
    });

    it('counts a trajectory that is gone or has ended as refused', async () => {
      const gone = fakeClient({
        update: () => Promise.reject(new WorkflowNotFoundError('not found', CASE, undefined)),
      });
      const ended = fakeClient({
        update: () =>
          Promise.reject(
            new WorkflowNotFoundError('workflow execution already completed', CASE, undefined),
          ),
      });
      await expect(
        activityEnv().run(activities(gone.client).requestCaseReassessment, REQUEST),
      ).resolves.toEqual({ outcome: 'refused', reasons: ['no trajectory with this case number'] });
      await expect(
        activityEnv().run(activities(ended.client).requestCaseReassessment, REQUEST),
      ).resolves.toEqual({
        outcome: 'refused',
        reasons: ['the trajectory has ended; it takes no more commands'],
      });
    });

    it('throws when Temporal is away, so the attempt is retried', async () => {
      const { client } = fakeClient({
        update: () => Promise.reject(new ServiceError('Workflow Update failed')),
      });
      await expect(
        activityEnv().run(activities(client).requestCaseReassessment, REQUEST),
      ).rejects.toBeInstanceOf(ServiceError);
    });

    it('on a retry, does not ask a trajectory that already has this batch’s request', async () => {
      const { client, calls } = fakeClient({
        state: async () => ({ reassessment: { batchId: 'apr-2026', status: 'pending' } }),
        update: () => Promise.reject(refusal(['a re-assessment is already pending'], 'state')),
      });
      const answer = await activityEnv({ attempt: 2 }).run(
        activities(client).requestCaseReassessment,
        REQUEST,
      );
      expect(answer).toEqual({ outcome: 'requested' });
      expect(calls.updates).toHaveLength(0);
    });

    it('on a retry, asks a trajectory whose pending request is from another batch', async () => {
      const { client, calls } = fakeClient({
        state: async () => ({ reassessment: { batchId: 'jan-2026', status: 'pending' } }),
        update: () => Promise.reject(refusal(['a re-assessment is already pending'], 'state')),
      });
      const answer = await activityEnv({ attempt: 2 }).run(
        activities(client).requestCaseReassessment,
        REQUEST,
      );
      expect(answer).toEqual({
        outcome: 'refused',
        reasons: ['a re-assessment is already pending'],
      });
      expect(calls.updates).toHaveLength(1);
    });
  });
});
