import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { LetterRequest, TrajectoryActivities } from '@cjg/activities';
import {
  FAMILY_WORKFLOW_TYPE,
  familyCareChangedSignal,
  familyStateQuery,
  familyWorkflowId,
  type FamilyCareReport,
} from '@cjg/workflows/trajectory.definitions';
import { ENCRYPTED_ENCODING } from '@cjg/temporal/connection';
import { fetchDecodedHistory, historyValues } from '../support/history';
import {
  createTimeSkippingEnv,
  testCodec,
  testWorkflowBundle,
  testDataConverter,
} from '../support/workflow-env';

jest.setTimeout(60_000);

let env: TestWorkflowEnvironment;
beforeEach(async () => {
  env = await createTimeSkippingEnv();
});
afterEach(async () => {
  await env?.teardown();
});

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached');
}

describe('familyWorkflow (samenloop, 004)', () => {
  it('flags a family once three providers are active at once, tells every coordinator once, and ends with the care', async () => {
    const familyId = `fam-${randomUUID().slice(0, 8)}`;
    const taskQueue = `tq-${randomUUID()}`;
    const letters: LetterRequest[] = [];
    const activities = {
      async sendLetter(request: LetterRequest) {
        letters.push(request);
        return { sent: request.to.length, alreadySent: 0, undeliverable: 0 };
      },
    } as unknown as TrajectoryActivities;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      dataConverter: testDataConverter,
      taskQueue,
      workflowBundle: testWorkflowBundle(),
      activities,
    });
    const report = (r: Omit<FamilyCareReport, 'threshold'>) =>
      env.client.workflow.signalWithStart(FAMILY_WORKFLOW_TYPE, {
        workflowId: familyWorkflowId(familyId),
        taskQueue,
        args: [familyId],
        signal: familyCareChangedSignal,
        signalArgs: [{ ...r, threshold: 3 }],
      });
    await worker.runUntil(async () => {
      const handle = await report({
        caseNumber: 'CJG-A-1',
        coordinatorId: 'coord-a',
        activeAgbCodes: ['11111111', '22222222'],
        revision: 5,
      });
      let state = await eventually(
        () => handle.query(familyStateQuery),
        (s) => Object.keys(s.cases).length === 1,
      );
      expect(state.samenloop).toBe(false);
      await report({
        caseNumber: 'CJG-B-1',
        coordinatorId: 'coord-b',
        activeAgbCodes: ['22222222'],
        revision: 3,
      });
      state = await eventually(
        () => handle.query(familyStateQuery),
        (s) => Object.keys(s.cases).length === 2,
      );
      expect(state.samenloop).toBe(false); // still two distinct providers
      await report({
        caseNumber: 'CJG-B-1',
        coordinatorId: 'coord-b',
        activeAgbCodes: ['22222222', '33333333'],
        revision: 4,
      });
      await eventually(
        () => handle.query(familyStateQuery),
        (s) => s.samenloop,
      );
      // A late, older report of case A changes nothing.
      await report({
        caseNumber: 'CJG-A-1',
        coordinatorId: 'coord-a',
        activeAgbCodes: [],
        revision: 2,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await handle.query(familyStateQuery)).samenloop).toBe(true);
      await report({
        caseNumber: 'CJG-A-1',
        coordinatorId: 'coord-a',
        activeAgbCodes: [],
        revision: 9,
      });
      await report({
        caseNumber: 'CJG-B-1',
        coordinatorId: 'coord-b',
        activeAgbCodes: [],
        revision: 9,
      });
      const final = await handle.result();
      expect(final.samenloop).toBe(false);
      expect(final.alerts).toBe(1);
    });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      kind: 'samenloop-alert',
      to: [
        { role: 'coordinator', id: 'coord-a' },
        { role: 'coordinator', id: 'coord-b' },
      ],
      facts: { familyId, providers: 3, caseNumbers: 'CJG-A-1, CJG-B-1' },
    });

    // Temporal stored the signals, the letter request and the result encrypted (the worker's
    // and the client's codec); only the search attributes are readable without the key.
    const stored = historyValues(
      await fetchDecodedHistory(env.client, familyWorkflowId(familyId), undefined),
    );
    const readable = stored.filter(
      (v) => v.encoding !== ENCRYPTED_ENCODING && !v.path.includes('searchAttributes'),
    );
    expect(readable).toEqual([]);
    expect(JSON.stringify(stored)).not.toContain('CJG-A-1');
    const decoded = historyValues(
      await fetchDecodedHistory(env.client, familyWorkflowId(familyId), testCodec),
    );
    expect(decoded.some((v) => JSON.stringify(v.value).includes('CJG-A-1'))).toBe(true);
    expect(decoded.filter((v) => v.encoding === ENCRYPTED_ENCODING)).toEqual([]);
  });
});
