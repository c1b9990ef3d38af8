import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import {
  addWorkingDays,
  amsterdamDate,
  amsterdamInstant,
  DEFAULT_POLICY,
  DEFAULT_SCHAKELOVERLEG_POLICY,
  transferIdOf,
  transferWorkflowId,
  type CalendarDate,
  type TransferCommandType,
  type TransferInput,
  type TransferView,
} from '@cjg/domain';
import type { schakeloverlegTransferWorkflow } from '@cjg/workflows';
import {
  SCHAKELOVERLEG_WORKFLOW_TYPE,
  transferCommandUpdates,
  type TransferCommandArgs,
} from '@cjg/workflows/schakeloverleg.definitions';
import { writeHistory } from '../support/histories';
import {
  advance,
  env,
  stubActivities,
  testBundle,
  useTimeSkippingServerPerTest,
} from '../support/trajectory-harness';

/**
 * The part of `npm run histories:record` the real stack cannot reach: end states that lie days
 * or weeks of working days ahead (a Schakeloverleg's outcome is recorded from the meeting's day,
 * a working day; the trajectory starts on the measure's end date). These run on Temporal's
 * time-skipping test server with the current workflow bundle and stubbed activities that answer
 * as the real ones do (test/support/trajectory-harness.ts), and their histories go to
 * test/histories like the stack's.
 */
jest.setTimeout(300_000);
useTimeSkippingServerPerTest();

type Handle = WorkflowHandle<typeof schakeloverlegTransferWorkflow>;

const GI = 'gi-voorbeeld';

async function today(): Promise<CalendarDate> {
  return amsterdamDate(new Date(await env.currentTimeMs()));
}

/** Lets the test server's clock run to one minute after `hour`:00 on `date` (Amsterdam). */
async function advanceTo(handle: Handle, date: CalendarDate, hour: number): Promise<void> {
  const ms = amsterdamInstant(date, hour).getTime() + 60_000 - (await env.currentTimeMs());
  if (ms > 0) await advance(handle, ms);
}

async function command<T extends TransferCommandType>(
  handle: Handle,
  type: T,
  args: TransferCommandArgs<T>,
): Promise<TransferView> {
  return handle.executeUpdate(transferCommandUpdates[type], { args: [args] });
}

/** A transfer as the API proposes it, its measure ending 40 working days from the server's today. */
async function proposal(): Promise<TransferInput> {
  const reference = `JB-${randomUUID().slice(0, 8).toUpperCase()}`;
  return {
    transferId: transferIdOf(GI, reference),
    organisationId: GI,
    reference,
    municipalityCode: '0957',
    familyId: `fam-${reference.toLowerCase()}`,
    clientId: `client-${reference.toLowerCase()}`,
    measure: 'ots',
    measureEndDate: addWorkingDays(await today(), 40),
    care: [
      { agbCode: '30000001', productCategory: '45' },
      { agbCode: '30000002', productCategory: '54' },
    ],
    contactId: 'coord-schakel',
    escalateToId: 'coord-lead',
    policy: DEFAULT_SCHAKELOVERLEG_POLICY,
    trajectoryPolicy: DEFAULT_POLICY,
  };
}

/**
 * Runs a transfer with a worker on a task queue of its own, drives it with `body` to its end and
 * records its history; a trajectory it started is ended afterwards (it would hold the clock).
 */
async function recordTransfer(
  name: string,
  body: (handle: Handle, input: TransferInput) => Promise<TransferView>,
): Promise<void> {
  const input = await proposal();
  const { activities } = stubActivities();
  const taskQueue = `record-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: testBundle(),
    activities,
  });
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start<typeof schakeloverlegTransferWorkflow>(
      SCHAKELOVERLEG_WORKFLOW_TYPE,
      { workflowId: transferWorkflowId(input.transferId), taskQueue, args: [input] },
    );
    const done = await body(handle, input);
    await writeHistory(name, handle.workflowId, await handle.fetchHistory(), 'completed');
    if (done.trajectory)
      await env.client.workflow.getHandle(done.trajectory.workflowId).terminate('recorded');
  });
}

describe('Schakeloverleg transfer (time-skipping)', () => {
  it('agreed, and the trajectory started on the measure’s end date', async () => {
    await recordTransfer('schakeloverleg-agreed-then-started', async (handle, input) => {
      const meetingDate = addWorkingDays(await today(), 5);
      await command(handle, 'plan', { meetingDate, coordinatorId: 'coord-anna' });
      await advanceTo(handle, meetingDate, 12);
      await command(handle, 'recordOutcome', {
        agreed: true,
        parentsConsent: true,
        caseNumber: `CJG-REC-${input.reference}`,
      });
      await advanceTo(handle, input.measureEndDate, 8);
      const done = await handle.result();
      expect(done.status).toBe('started');
      return done;
    });
  });

  it('not agreed, revisited, not planned again, and lapsed at the measure’s end', async () => {
    await recordTransfer('schakeloverleg-not-agreed-then-lapsed', async (handle, input) => {
      const meetingDate = addWorkingDays(await today(), 5);
      await command(handle, 'plan', { meetingDate, coordinatorId: 'coord-anna' });
      await advanceTo(handle, meetingDate, 12);
      await command(handle, 'recordOutcome', {
        agreed: false,
        reason: 'care-not-in-place',
        revisitDate: addWorkingDays(meetingDate, 10),
      });
      await advanceTo(handle, input.measureEndDate, 8);
      const done = await handle.result();
      expect(done.status).toBe('lapsed');
      return done;
    });
  });
});
