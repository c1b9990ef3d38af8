import { randomUUID } from 'node:crypto';
import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { trajectoryWorkflowId, type TrajectoryInput } from '@cjg/domain';
import { CaseNumberKey, TrajectoryPhaseKey } from '@cjg/temporal';
import type { TrajectoryActivities } from '@cjg/activities';
import { trajectoryStateQuery } from '@cjg/workflows/trajectory.definitions';
import { createTimeSkippingEnv, testWorkflowBundle } from '../support/workflow-env';

jest.setTimeout(120_000);

let env: TestWorkflowEnvironment;
let bundle: { codePath: string };

beforeAll(async () => {
  bundle = testWorkflowBundle();
  env = await createTimeSkippingEnv();
});

afterAll(async () => {
  await env?.teardown();
});

function input(overrides: Partial<TrajectoryInput> = {}): TrajectoryInput {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  return {
    caseNumber: `CJG-2026-${suffix}`,
    municipalityCode: '0957',
    coordinatorId: 'coord-anna',
    clientId: 'client-0001',
    ...overrides,
  };
}

interface Calls {
  registered: unknown[];
  letters: unknown[];
  letterAttempts: number;
}

/** Activity stubs that record their calls; the letter fails `failingLetterAttempts` times first. */
function stubActivities(failingLetterAttempts = 0): {
  activities: TrajectoryActivities;
  calls: Calls;
} {
  const calls: Calls = { registered: [], letters: [], letterAttempts: 0 };
  const activities: TrajectoryActivities = {
    async recordTrajectoryRegistered(registration) {
      calls.registered.push(registration);
    },
    async sendIntakeRegisteredLetter(request) {
      calls.letterAttempts += 1;
      if (calls.letterAttempts <= failingLetterAttempts) {
        throw new Error('connect ECONNREFUSED 127.0.0.1:1025');
      }
      calls.letters.push(request);
      return { sentNow: true };
    },
  };
  return { activities, calls };
}

async function worker(activities: TrajectoryActivities, taskQueue: string): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities,
  });
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not reached');
}

describe('trajectoryWorkflow', () => {
  it('registers the intake, tells the coordinator by id only, and stays open in intake', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const { activities, calls } = stubActivities();
    const start = input();
    const w = await worker(activities, taskQueue);
    await w.runUntil(async () => {
      const handle = await env.client.workflow.start('trajectoryWorkflow', {
        workflowId: trajectoryWorkflowId(start.caseNumber),
        taskQueue,
        args: [start],
        typedSearchAttributes: [
          { key: CaseNumberKey, value: start.caseNumber },
          { key: TrajectoryPhaseKey, value: 'intake' },
        ],
      });
      const state = await eventually(
        () => handle.query(trajectoryStateQuery),
        (s) => s.intakeLetterSent,
      );
      expect(state).toMatchObject({ ...start, phase: 'intake', intakeLetterSent: true });
      expect((await handle.describe()).status.name).toBe('RUNNING');
    });

    expect(calls.registered).toEqual([
      expect.objectContaining({
        workflowId: `trajectory-${start.caseNumber}`,
        caseNumber: start.caseNumber,
        phase: 'intake',
      }),
    ]);
    // The letter activity gets ids; it reads the address from PostgreSQL itself.
    expect(calls.letters).toEqual([
      {
        workflowId: `trajectory-${start.caseNumber}`,
        caseNumber: start.caseNumber,
        municipalityCode: start.municipalityCode,
        coordinatorId: start.coordinatorId,
      },
    ]);
  });

  it('keeps retrying the letter while the mail server is down, and sends it once it is back', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const { activities, calls } = stubActivities(4);
    const start = input();
    const w = await worker(activities, taskQueue);
    await w.runUntil(async () => {
      const handle = await env.client.workflow.start('trajectoryWorkflow', {
        workflowId: trajectoryWorkflowId(start.caseNumber),
        taskQueue,
        args: [start],
      });
      // Four failures back off 5 + 10 + 20 + 40 s; skip past them on the test server's clock.
      await eventually(
        async () => {
          await env.sleep('30 seconds');
          return handle.query(trajectoryStateQuery);
        },
        (s) => s.intakeLetterSent,
      );
    });
    expect(calls.letterAttempts).toBe(5);
    expect(calls.letters).toHaveLength(1);
  });

  it('refuses malformed input without touching the world', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const { activities, calls } = stubActivities();
    const bad = input({ municipalityCode: '957', coordinatorId: 'anna@cjg.example' });
    const w = await worker(activities, taskQueue);
    const failure = await w.runUntil(
      env.client.workflow
        .execute('trajectoryWorkflow', {
          workflowId: `trajectory-${bad.caseNumber}`,
          taskQueue,
          args: [bad],
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        ),
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe('InvalidTrajectoryInput');
    expect((cause as ApplicationFailure).message).toMatch(/municipalityCode.*coordinatorId/);
    expect(calls.registered).toHaveLength(0);
    expect(calls.letterAttempts).toBe(0);
  });
});
