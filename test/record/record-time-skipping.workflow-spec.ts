import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import {
  addWorkingDays,
  agendaIdOf,
  amsterdamDate,
  amsterdamInstant,
  DEFAULT_POLICY,
  DEFAULT_SCHAKELOVERLEG_POLICY,
  DEFAULT_VEILIG_THUIS_POLICY,
  DEFAULT_VTO_POLICY,
  handoverWorkflowId,
  trajectoryWorkflowId,
  transferIdOf,
  transferWorkflowId,
  vtoWorkflowId,
  type CalendarDate,
  type TransferCommandType,
  type TransferInput,
  type TransferView,
} from '@cjg/domain';
import type { Activities } from '@cjg/activities';
import type { schakeloverlegTransferWorkflow } from '@cjg/workflows';
import {
  SCHAKELOVERLEG_WORKFLOW_TYPE,
  transferCommandUpdates,
  transferStateQuery,
  type TransferCommandArgs,
} from '@cjg/workflows/schakeloverleg.definitions';
import { trajectoryStateQuery } from '@cjg/workflows/trajectory.definitions';
import {
  handoverStateQuery,
  handoverUpdates,
  VEILIG_THUIS_HANDOVER_WORKFLOW_TYPE,
} from '@cjg/workflows/veilig-thuis.definitions';
import {
  placedOnAgendaSignal,
  VTO_WORKFLOW_TYPE,
  vtoCommandUpdates,
  vtoStateQuery,
} from '@cjg/workflows/vto.definitions';
import { decodeHistoryPayloads } from '@cjg/temporal/connection';
import { writeHistory, type HistoryEnd } from '../support/histories';
import {
  advance,
  env,
  eventually,
  settle,
  stubActivities,
  testBundle,
  useTimeSkippingServerPerTest,
} from '../support/trajectory-harness';
import { testCodec, testDataConverter } from '../support/workflow-env';

/**
 * The part of `npm run histories:record` the real stack cannot reach: end states that lie days
 * or weeks of working days ahead (a Schakeloverleg's outcome is recorded from the meeting's day,
 * a working day; the trajectory starts on the measure's end date). These run on Temporal's
 * time-skipping test server with the current workflow bundle and stubbed activities that answer
 * as the real ones do (test/support/trajectory-harness.ts), and their histories go to
 * test/histories like the stack's, decoded (the workers encrypt, as deployed).
 *
 * Also here: a Veilig Thuis handover and a VTO that continue as new at their history bound (the
 * one rule of the process runner): driven by many commands, with the least events per run the
 * policy allows.
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

/** Writes a run's history, its payloads decoded (the replay set must not depend on a test key). */
async function write(
  name: string,
  workflowId: string,
  runId: string | undefined,
  ends: HistoryEnd,
): Promise<void> {
  const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
  await decodeHistoryPayloads(history, testCodec!);
  await writeHistory(name, workflowId, history, ends);
}

/** A worker on a task queue of its own, with the current bundle and the tests' codec. */
async function recordingWorker(activities: object): Promise<{ worker: Worker; taskQueue: string }> {
  const taskQueue = `record-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: testBundle(),
    dataConverter: testDataConverter,
    activities,
  });
  return { worker, taskQueue };
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
  const { worker, taskQueue } = await recordingWorker(stubActivities().activities);
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start<typeof schakeloverlegTransferWorkflow>(
      SCHAKELOVERLEG_WORKFLOW_TYPE,
      { workflowId: transferWorkflowId(input.transferId), taskQueue, args: [input] },
    );
    const done = await body(handle, input);
    await write(name, handle.workflowId, undefined, 'completed');
    if (done.trajectory)
      await env.client.workflow.getHandle(done.trajectory.workflowId).terminate('recorded');
  });
}

describe('Schakeloverleg transfer (time-skipping)', () => {
  it('agreed: the trajectory started at once, its beschikking overdue at the measure’s end, and the voluntary frame begun on that date', async () => {
    await recordTransfer('schakeloverleg-agreed-then-started', async (handle, input) => {
      const meetingDate = addWorkingDays(await today(), 5);
      const caseNumber = `CJG-REC-${input.reference}`;
      await command(handle, 'plan', { meetingDate, coordinatorId: 'coord-anna' });
      await advanceTo(handle, meetingDate, 12);
      await command(handle, 'recordOutcome', { agreed: true, parentsConsent: true, caseNumber });
      // Since schakeloverleg-rules-2026-12 the trajectory starts when agreed, its beschikking
      // due before the measure ends: reminded, and escalated at the date (none is given here).
      const trajectory = env.client.workflow.getHandle(trajectoryWorkflowId(caseNumber));
      await eventually(
        () => trajectory.describe().then((d) => d.status.name),
        (status) => status === 'RUNNING',
      );
      await advanceTo(handle, input.measureEndDate, 8);
      await settle(trajectory);
      const t = await eventually(
        () => trajectory.query(trajectoryStateQuery),
        (v) => v.awb.overdue,
      );
      expect(t.decideBefore?.date).toBe(input.measureEndDate);
      await write(
        'trajectory-from-schakeloverleg-decision-overdue',
        trajectory.workflowId,
        undefined,
        'open',
      );
      const done = await eventually(
        () => handle.query(transferStateQuery),
        (v) => v.status === 'started',
      );
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

/** Every activity a process calls, answering as the real ones do when all goes well. */
const delivered = async (request: { to: unknown[] }) => ({
  sent: request.to.length,
  alreadySent: 0,
  undeliverable: 0,
  failures: [],
});
const processActivities = {
  sendLetter: delivered,
  sendHandoverLetter: delivered,
  projectHandover: async () => {},
  projectVto: async () => {},
} as unknown as Activities;

/**
 * Starts a process's workflow, gives `command` until the run continues as new (at most 60
 * times), ends the next run with `end`, and records both runs.
 */
async function recordContinuedAsNew(
  name: string,
  start: { workflowType: string; workflowId: string; input: object },
  steps: {
    first?: (handle: WorkflowHandle) => Promise<unknown>;
    command: (handle: WorkflowHandle) => Promise<unknown>;
    end: (handle: WorkflowHandle) => Promise<unknown>;
  },
): Promise<void> {
  const { worker, taskQueue } = await recordingWorker(processActivities);
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(start.workflowType, {
      workflowId: start.workflowId,
      taskQueue,
      args: [start.input],
    });
    const firstRunId = handle.firstExecutionRunId;
    const runId = async () => (await handle.describe()).runId;
    await steps.first?.(handle);
    for (let commands = 0; (await runId()) === firstRunId; commands += 1) {
      if (commands >= 60) throw new Error(`${start.workflowId} did not continue as new`);
      await steps.command(handle);
      // A command that lands while the run lets its activities finish puts continue-as-new off.
      await settle(handle);
    }
    await write(`${name}-continued-as-new`, start.workflowId, firstRunId, 'continued-as-new');
    await steps.end(handle);
    await handle.result();
    await write(`${name}-resumed-after-continue-as-new`, start.workflowId, undefined, 'completed');
  });
}

describe('continue-as-new at the history bound (time-skipping)', () => {
  it('a Veilig Thuis handover whose meeting is planned again and again, then basic support', async () => {
    const handoverId = `VTH-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const update = (handle: WorkflowHandle, type: keyof typeof handoverUpdates, args: object) =>
      handle.executeUpdate(handoverUpdates[type].name, { args: [args] });
    await recordContinuedAsNew(
      'veilig-thuis',
      {
        workflowType: VEILIG_THUIS_HANDOVER_WORKFLOW_TYPE,
        workflowId: handoverWorkflowId(handoverId),
        input: {
          handoverId,
          organisationId: 'vt-voorbeeld',
          reference: `VT-${handoverId.slice(-6)}`,
          urgency: 'regular',
          handoverType: 'afschaling',
          municipalityCode: '0957',
          handoverLeadId: 'coord-lead',
          safetyConditions: { textId: randomUUID(), items: 2 },
          policy: { ...DEFAULT_VEILIG_THUIS_POLICY, maxHistoryEvents: 200 },
        },
      },
      {
        first: (handle) => update(handle, 'accept', { coordinatorId: 'coord-anna' }),
        command: async (handle) =>
          update(handle, 'planMeeting', {
            date: addWorkingDays(await today(), 2),
            jointHomeVisit: false,
            clientId: 'client-vt-can',
            familyId: 'fam-vt-can',
          }),
        end: async (handle) => {
          await update(handle, 'recordMeeting', {
            heldOn: await today(),
            jointHomeVisit: false,
            agreements: { textId: randomUUID(), items: 1 },
          });
          await update(handle, 'closeWithBasicSupport', {});
          expect((await handle.query(handoverStateQuery)).status).toBe('basic-support');
        },
      },
    );
  });

  it('a VTO held over at one beschermingsplein after another, then withdrawn', async () => {
    const caseNumber = `VTO-REC-${randomUUID().slice(0, 8).toUpperCase()}`;
    const update = (handle: WorkflowHandle, type: keyof typeof vtoCommandUpdates, args: object) =>
      handle.executeUpdate(vtoCommandUpdates[type].name, {
        args: [{ ...args, recordedBy: 'coord-anna' }],
      });
    await recordContinuedAsNew(
      'vto',
      {
        workflowType: VTO_WORKFLOW_TYPE,
        workflowId: vtoWorkflowId(caseNumber),
        input: {
          caseNumber,
          municipalityCode: '0957',
          coordinatorId: 'coord-anna',
          clientId: 'client-vto-can',
          familyId: 'fam-vto-can',
          grounds: ['ernstige-ontwikkelingsbedreiging'],
          policy: { ...DEFAULT_VTO_POLICY, maxHistoryEvents: 200 },
        },
      },
      {
        first: async (handle) =>
          update(handle, 'recordParentsInformed', { informedOn: await today(), how: 'letter' }),
        command: async (handle) => {
          // The agenda run puts it on the agenda of a meeting held today; the meeting holds it over.
          const meetingDate = await today();
          await handle.signal(placedOnAgendaSignal, {
            agendaId: agendaIdOf(meetingDate),
            meetingDate,
            beschermingspleinId: 'bp-voorbeeld',
            raadId: 'raad-voorbeeld',
          });
          await eventually(
            () => handle.query(vtoStateQuery),
            (view) => view.status === 'on-agenda',
          );
          await update(handle, 'recordDecision', { decision: 'postpone' });
        },
        end: (handle) => update(handle, 'withdraw', { reason: 'ouders-werken-mee' }),
      },
    );
  });
});

/** Lets the test server's clock run to one minute after a pending deadline of `handle`. */
async function pastDeadline(handle: WorkflowHandle, at: string): Promise<void> {
  const ms = new Date(at).getTime() + 60_000 - (await env.currentTimeMs());
  if (ms > 0) await advance(handle, ms);
  await settle(handle);
}

/** Starts a process's workflow with the stubbed activities, drives it with `body`, records it. */
async function recordProcess(
  name: string,
  start: { workflowType: string; workflowId: string; input: object },
  body: (handle: WorkflowHandle) => Promise<void>,
): Promise<void> {
  const { worker, taskQueue } = await recordingWorker(processActivities);
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(start.workflowType, {
      workflowId: start.workflowId,
      taskQueue,
      args: [start.input],
    });
    await body(handle);
    await handle.result();
    await write(name, start.workflowId, undefined, 'completed');
  });
}

describe('no silent waits: reminders before the escalations (time-skipping, issue 17 item 4)', () => {
  it('a Veilig Thuis handover: the lead reminded and escalated, accepted, the outcome reminded, basic support', async () => {
    const handoverId = `VTH-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const update = (handle: WorkflowHandle, type: keyof typeof handoverUpdates, args: object) =>
      handle.executeUpdate(handoverUpdates[type].name, { args: [args] });
    const view = (handle: WorkflowHandle) => handle.query(handoverStateQuery);
    await recordProcess(
      'veilig-thuis-reminded-then-basic-support',
      {
        workflowType: VEILIG_THUIS_HANDOVER_WORKFLOW_TYPE,
        workflowId: handoverWorkflowId(handoverId),
        input: {
          handoverId,
          organisationId: 'vt-voorbeeld',
          reference: `VT-${handoverId.slice(-6)}`,
          urgency: 'regular',
          handoverType: 'afschaling',
          municipalityCode: '0957',
          handoverLeadId: 'coord-lead',
          safetyConditions: { textId: randomUUID(), items: 2 },
        },
      },
      async (handle) => {
        const [reminder, overdue] = (await view(handle)).pendingDeadlines;
        expect([reminder?.kind, overdue?.kind]).toEqual(['accept-reminder', 'accept-overdue']);
        await pastDeadline(handle, reminder!.at);
        await pastDeadline(handle, overdue!.at);
        expect((await view(handle)).overdue).toBe(true);
        await update(handle, 'accept', { coordinatorId: 'coord-anna' });
        await update(handle, 'planMeeting', {
          date: await today(),
          jointHomeVisit: false,
          clientId: 'client-vt-waits',
          familyId: 'fam-vt-waits',
        });
        await update(handle, 'recordMeeting', {
          heldOn: await today(),
          jointHomeVisit: false,
          agreements: { textId: randomUUID(), items: 1 },
        });
        const [feedback] = (await view(handle)).pendingDeadlines;
        expect(feedback?.kind).toBe('feedback-reminder');
        await pastDeadline(handle, feedback!.at);
        expect((await view(handle)).overdue).toBe(false);
        await update(handle, 'closeWithBasicSupport', {});
      },
    );
  });

  it('a Schakeloverleg held without an outcome: reminded, escalated to the team lead, lapsed', async () => {
    await recordTransfer('schakeloverleg-outcome-escalated-then-lapsed', async (handle, input) => {
      const meetingDate = addWorkingDays(await today(), 5);
      await command(handle, 'plan', { meetingDate, coordinatorId: 'coord-anna' });
      await advanceTo(handle, addWorkingDays(meetingDate, 2), 8);
      expect((await handle.query(transferStateQuery)).overdue).toBe(false);
      await advanceTo(handle, addWorkingDays(meetingDate, 5), 8);
      expect((await handle.query(transferStateQuery)).overdue).toBe(true);
      await advanceTo(handle, input.measureEndDate, 8);
      const done = await handle.result();
      expect(done.status).toBe('lapsed');
      return done;
    });
  });

  it('a VTO: the coordinator reminded, then told it is late; the parents informed, withdrawn', async () => {
    const caseNumber = `VTO-REC-${randomUUID().slice(0, 8).toUpperCase()}`;
    const update = (handle: WorkflowHandle, type: keyof typeof vtoCommandUpdates, args: object) =>
      handle.executeUpdate(vtoCommandUpdates[type].name, {
        args: [{ ...args, recordedBy: 'coord-anna' }],
      });
    const view = (handle: WorkflowHandle) => handle.query(vtoStateQuery);
    await recordProcess(
      'vto-reminded-then-withdrawn',
      {
        workflowType: VTO_WORKFLOW_TYPE,
        workflowId: vtoWorkflowId(caseNumber),
        input: {
          caseNumber,
          municipalityCode: '0957',
          coordinatorId: 'coord-anna',
          clientId: 'client-vto-waits',
          familyId: 'fam-vto-waits',
          grounds: ['ernstige-ontwikkelingsbedreiging'],
        },
      },
      async (handle) => {
        const [reminder, late] = (await view(handle)).pendingDeadlines;
        expect([reminder?.kind, late?.kind]).toEqual([
          'parents-informed-due',
          'parents-informed-reminder',
        ]);
        await pastDeadline(handle, reminder!.at);
        expect((await view(handle)).overdue).toBe(false);
        await pastDeadline(handle, late!.at);
        expect((await view(handle)).overdue).toBe(true);
        await update(handle, 'recordParentsInformed', { informedOn: await today(), how: 'letter' });
        await update(handle, 'withdraw', { reason: 'ouders-werken-mee' });
      },
    );
  });
});
