import { randomUUID } from 'node:crypto';
import {
  ApplicationFailure,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  addToDate,
  amsterdamDate,
  DEFAULT_POLICY,
  handoverWorkflowId,
  missedAt,
  VEILIG_THUIS_RULE_SETS,
  trajectoryWorkflowId,
  type HandoverCommandType,
  type HandoverInput,
  type HandoverProjection,
  type HandoverState,
  type LetterKind,
  type TrajectoryInput,
} from '@cjg/domain';
import type {
  HandoverLetterRequest,
  TrajectoryActivities,
  VeiligThuisActivities,
} from '@cjg/activities';
import { CaseNumberKey, OverdueKey, ProcessStatusKey } from '@cjg/temporal';
import {
  handoverStateQuery,
  handoverUpdates,
  VEILIG_THUIS_HANDOVER_WORKFLOW_TYPE,
  type HandoverCommandArgs,
  type HandoverView,
} from '@cjg/workflows/veilig-thuis.definitions';
import { trajectoryStateQuery } from '@cjg/workflows/trajectory.definitions';
import {
  createTimeSkippingEnv,
  testWorkflowBundle,
  testDataConverter,
} from '../support/workflow-env';

jest.setTimeout(Number(process.env.WORKFLOW_TEST_TIMEOUT_MS ?? 60_000));

let env: TestWorkflowEnvironment;
// A test server of its own per test (see test/support/trajectory-harness.ts).
beforeEach(async () => {
  env = await createTimeSkippingEnv();
});
afterEach(async () => {
  await env?.teardown();
});

const SAFETY = { textId: randomUUID(), items: 3 };
const MONITORING = { textId: randomUUID(), items: 2 };
const AGREEMENTS = { textId: randomUUID(), items: 4 };
const VT = { role: 'organisation', id: 'vt-limburg-noord' };
const LEAD = { role: 'coordinator', id: 'lead-bram' };
const COORD = { role: 'coordinator', id: 'coord-anna' };
const CLIENT = { role: 'client', id: 'client-0001' };

function handoverInput(overrides: Partial<HandoverInput> = {}): HandoverInput {
  return {
    handoverId: `VTH-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    organisationId: 'vt-limburg-noord',
    reference: `VT-${randomUUID().slice(0, 8).toUpperCase()}`,
    urgency: 'regular',
    handoverType: 'afschaling',
    municipalityCode: '0957',
    handoverLeadId: 'lead-bram',
    safetyConditions: SAFETY,
    monitoringAgreements: MONITORING,
    ...overrides,
  };
}

interface Recorded {
  letters: HandoverLetterRequest[];
  projections: HandoverProjection[];
  trajectoryLetters: LetterKind[];
}

/** The letters in the order the workflow sent them (activities may run in any order). */
/** The newest projection (they may complete in any order; the read model keeps the highest). */
const latest = (rec: Recorded) => [...rec.projections].sort((a, b) => b.revision - a.revision)[0];

const kinds = (rec: Recorded) =>
  [...rec.letters].sort((a, b) => a.sequence - b.sequence).map((l) => l.kind);
const letter = (rec: Recorded, kind: LetterKind) => rec.letters.find((l) => l.kind === kind);

/** Runs `body` with a worker (handover and trajectory workflows, stubbed activities). */
async function withHandover(
  input: HandoverInput,
  body: (handle: WorkflowHandle, rec: Recorded) => Promise<void>,
): Promise<Recorded> {
  const rec: Recorded = { letters: [], projections: [], trajectoryLetters: [] };
  const handoverActivities: VeiligThuisActivities = {
    async sendHandoverLetter(request) {
      rec.letters.push(request);
      return { sent: request.to.length, alreadySent: 0, undeliverable: 0, failures: [] };
    },
    async projectHandover(p) {
      rec.projections.push(p);
    },
  };
  // The trajectory a handover starts runs on the same worker.
  const trajectoryActivities: TrajectoryActivities = {
    async projectTrajectory() {},
    async sendLetter(request) {
      rec.trajectoryLetters.push(request.kind);
      return { sent: 1, alreadySent: 0, undeliverable: 0, failures: [] };
    },
    async reportFamilyCare() {},
  };
  const taskQueue = `tq-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    dataConverter: testDataConverter,
    taskQueue,
    workflowBundle: testWorkflowBundle(),
    activities: { ...handoverActivities, ...trajectoryActivities },
  });
  const started: string[] = [];
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(VEILIG_THUIS_HANDOVER_WORKFLOW_TYPE, {
      workflowId: handoverWorkflowId(input.handoverId),
      taskQueue,
      args: [input],
    });
    started.push(handle.workflowId);
    try {
      await body(handle, rec);
    } finally {
      // A workflow left open would hold the test server's clock still; the trajectory too.
      for (const id of [handle.workflowId, ...rec.letters.flatMap(trajectoryIdOf)]) {
        const h = env.client.workflow.getHandle(id);
        const { status } = await h.describe().catch(() => ({ status: { name: 'NONE' } }));
        if (status.name === 'RUNNING') await h.terminate('test finished');
      }
    }
  });
  return rec;
}

function trajectoryIdOf(l: HandoverLetterRequest): string[] {
  const caseNumber = l.facts.trajectoryCaseNumber;
  return typeof caseNumber === 'string' ? [trajectoryWorkflowId(caseNumber)] : [];
}

async function command<T extends HandoverCommandType>(
  handle: WorkflowHandle,
  type: T,
  args: HandoverCommandArgs<T>,
): Promise<HandoverView> {
  await handle.executeUpdate(handoverUpdates[type], { args: [args] });
  return handle.query(handoverStateQuery);
}

const state = (handle: WorkflowHandle) => handle.query(handoverStateQuery);

/**
 * The details of a refused command: its reasons, whether the state or the data refused it, and
 * (from a validator) the reasons' codes.
 */
async function refusal(promise: Promise<unknown>): Promise<[string[], string, string[]?]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect(cause.type).toBe('CommandRefused');
  return cause.details as [string[], string, string[]?];
}

async function settle(handle: WorkflowHandle): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const { raw } = await env.client.workflow.getHandle(handle.workflowId).describe();
    if (!raw.pendingWorkflowTask && (raw.pendingActivities?.length ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Skips the test server's clock to `offsetMs` around an instant, then lets the worker finish. */
async function advanceTo(handle: WorkflowHandle, instant: Date, offsetMs = 0): Promise<void> {
  await settle(handle);
  const ms = instant.getTime() + offsetMs - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
  await settle(handle);
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 100; i += 1) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`condition not reached; last value: ${JSON.stringify(last)}`);
}

/**
 * Waits until the letter's activity has run: the workflow goes on without waiting for letters,
 * and a workflow terminated at the end of a test takes its unsent letters with it.
 */
const sent = (rec: Recorded, kind: LetterKind) =>
  eventually(
    async () => letter(rec, kind),
    (l) => l !== undefined,
  );

/** Today on the test server's clock, in Amsterdam. */
const today = async () => amsterdamDate(new Date(await env.currentTimeMs()));

async function planAndHold(handle: WorkflowHandle): Promise<HandoverView> {
  const date = await today();
  await command(handle, 'planMeeting', {
    date,
    time: '14:30',
    jointHomeVisit: true,
    clientId: 'client-0001',
    familyId: 'fam-jansen',
  });
  return command(handle, 'recordMeeting', {
    heldOn: date,
    jointHomeVisit: true,
    agreements: AGREEMENTS,
  });
}

const searchAttribute = async <T>(handle: WorkflowHandle, key: { name: string }) =>
  ((await handle.describe()).typedSearchAttributes.get(key as never) as T | undefined) ?? undefined;

describe('veiligThuisHandoverWorkflow (002 §3.6, §5.6)', () => {
  it('on time: accepted, meeting planned and held, agreements to all, a linked trajectory started', async () => {
    const input = handoverInput();
    const caseNumber = `CJG-2026-${randomUUID().slice(0, 6).toUpperCase()}`;
    const rec = await withHandover(input, async (handle, rec) => {
      await eventually(
        async () => kinds(rec),
        (k) => k.length === 2,
      );
      let s = await command(handle, 'accept', { coordinatorId: 'coord-anna' });
      expect(s.status).toBe('accepted');
      expect(s.allowedCommands).toEqual(['planMeeting', 'withdraw']);
      s = await planAndHold(handle);
      expect(s.status).toBe('meeting-held');
      expect(s.meeting?.held?.agreements).toEqual(AGREEMENTS);
      expect(s.pendingDeadlines.map((d) => d.kind)).toEqual([
        'feedback-reminder',
        'feedback-overdue',
      ]);
      s = await command(handle, 'startTrajectory', { caseNumber, policy: DEFAULT_POLICY });
      expect(s.status).toBe('trajectory-started');

      const result = (await handle.result()) as HandoverView;
      expect(result.outcome).toMatchObject({ decision: 'trajectory', caseNumber, late: false });
      // The trajectory outlives the handover: linked, same family, the assigned coordinator.
      const trajectory = env.client.workflow.getHandle(trajectoryWorkflowId(caseNumber));
      expect((await trajectory.describe()).status.name).toBe('RUNNING');
      const t = await trajectory.query(trajectoryStateQuery);
      expect(t).toMatchObject({
        caseNumber,
        previousCaseNumber: input.handoverId,
        municipalityCode: '0957',
        coordinatorId: 'coord-anna',
        clientId: 'client-0001',
        familyId: 'fam-jansen',
        phase: 'intake',
      } satisfies Partial<TrajectoryInput> & { phase: string });
      expect(await searchAttribute(handle, CaseNumberKey)).toBe(caseNumber);
      expect(await searchAttribute(handle, ProcessStatusKey)).toBe('trajectory-started');
      await eventually(
        async () => rec.trajectoryLetters,
        (k) => k.includes('intake-registered'),
      );
    });
    expect(kinds(rec)).toEqual([
      'vt-handover-received',
      'vt-receipt',
      'vt-accepted',
      'vt-coordinator-assigned',
      'vt-meeting-planned',
      'vt-agreements',
      'vt-feedback',
    ]);
    expect(letter(rec, 'vt-handover-received')?.to).toEqual([LEAD]);
    expect(letter(rec, 'vt-receipt')?.to).toEqual([VT]);
    expect(letter(rec, 'vt-coordinator-assigned')?.facts).toMatchObject({
      safetyConditionsTextId: SAFETY.textId,
      monitoringAgreementsTextId: MONITORING.textId,
    });
    // The agreements, in writing, to all three parties; by text id (the text stays in PostgreSQL).
    expect(letter(rec, 'vt-agreements')).toMatchObject({
      handoverId: input.handoverId,
      to: [VT, CLIENT, COORD],
      facts: {
        agreementsTextId: AGREEMENTS.textId,
        jointHomeVisit: true,
        // The family's copy names its coordinator in place of the safety conditions (the
        // letters activity leaves those out for the family: e2e).
        coordinatorId: 'coord-anna',
        safetyConditionsTextId: SAFETY.textId,
      },
    });
    expect(letter(rec, 'vt-feedback')).toMatchObject({
      to: [VT, CLIENT],
      facts: { decision: 'trajectory', trajectoryCaseNumber: caseNumber },
    });
    expect(rec.letters.map((l) => l.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Nothing personal in what the workflow handed out: ids, codes, dates and text ids only.
    expect(JSON.stringify(rec.letters)).not.toMatch(/Jansen|@/);
    expect(latest(rec)).toMatchObject({
      status: 'trajectory-started',
      trajectoryCaseNumber: caseNumber,
      overdue: false,
    });
  });

  it('missed acceptance: the lead reminded, then escalated, Veilig Thuis told, overdue until accepted', async () => {
    const input = handoverInput();
    const rec = await withHandover(input, async (handle, rec) => {
      const s0 = await state(handle);
      const missed = missedAt(s0 as HandoverState, s0.acceptance.dueDate);
      // Issue 17 item 4 (RULES_2026_12_WAITS): reminded a working day before the last day.
      const [reminder] = s0.pendingDeadlines;
      expect(s0.pendingDeadlines).toEqual([
        { kind: 'accept-reminder', at: reminder!.at },
        { kind: 'accept-overdue', at: missed.toISOString() },
      ]);
      await advanceTo(handle, new Date(reminder!.at), 60_000);
      expect((await sent(rec, 'vt-acceptance-reminder'))?.to).toEqual([LEAD]);
      expect((await state(handle)).overdue).toBe(false);
      await advanceTo(handle, missed, -60_000);
      expect((await state(handle)).overdue).toBe(false);
      await advanceTo(handle, missed, 60_000);
      const s = await eventually(
        () => state(handle),
        (v) => v.overdue,
      );
      expect(s.status).toBe('received');
      expect(s.allowedCommands).toEqual(['accept', 'refuse', 'withdraw']);
      expect(await searchAttribute(handle, OverdueKey)).toBe(true);
      expect(await searchAttribute(handle, ProcessStatusKey)).toBe('received');
      const accepted = await command(handle, 'accept', { coordinatorId: 'coord-anna' });
      expect(accepted.overdue).toBe(false);
      expect(accepted.acceptance.late).toBe(true);
      await eventually(
        () => searchAttribute(handle, OverdueKey),
        (v) => v === false,
      );
      await sent(rec, 'vt-coordinator-assigned');
      await eventually(
        async () => latest(rec)?.revision,
        (revision) => revision === accepted.revision,
      );
    });
    expect(kinds(rec)).toEqual([
      'vt-handover-received',
      'vt-receipt',
      'vt-acceptance-reminder',
      'vt-acceptance-overdue',
      'vt-acceptance-delayed',
      'vt-accepted',
      'vt-coordinator-assigned',
    ]);
    expect(letter(rec, 'vt-acceptance-overdue')?.to).toEqual([LEAD]);
    expect(letter(rec, 'vt-acceptance-delayed')?.to).toEqual([VT]);
    expect(rec.projections.some((p) => p.overdue && p.status === 'received')).toBe(true);
    expect(latest(rec)).toMatchObject({ acceptedLate: true, overdue: false });
  });

  it('urgent: the acceptance deadline is one working day', async () => {
    const input = handoverInput({ urgency: 'urgent' });
    await withHandover(input, async (handle) => {
      const s = await state(handle);
      const received = amsterdamDate(new Date(s.receivedAt));
      // One working day: at most four calendar days later (a weekend and a holiday Monday).
      expect(s.acceptance.dueDate > received).toBe(true);
      expect(s.acceptance.dueDate <= addToDate(received, 0, 4)).toBe(true);
      await advanceTo(handle, missedAt(s as HandoverState, s.acceptance.dueDate), 60_000);
      await eventually(
        () => state(handle),
        (v) => v.overdue,
      );
    });
  });

  it('refused: only for lack of competence or another region, back to Veilig Thuis and escalated to the lead; the handover ends', async () => {
    const input = handoverInput();
    const explanation = { textId: randomUUID(), items: 1 };
    const rec = await withHandover(input, async (handle) => {
      // Refused commands never enter the history: a step out of order, then bad data.
      expect(
        await refusal(
          handle.executeUpdate(handoverUpdates.planMeeting, {
            args: [
              {
                date: await today(),
                jointHomeVisit: false,
                clientId: 'client-0001',
                familyId: 'fam-jansen',
              },
            ],
          }),
        ),
      ).toEqual([
        ['planMeeting is not possible when the handover is received'],
        'state',
        ['not-possible-now'],
      ]);
      // Issue 17: Veilig Thuis judges safety; the CJG refuses for another region or lack of
      // competence only, the latter explained.
      expect(
        await refusal(
          handle.executeUpdate(handoverUpdates.refuse, {
            args: [{ reason: 'not-safe-enough', explanation }],
          }),
        ),
      ).toEqual([
        [
          "reason must be outside-region or not-competent: Veilig Thuis judges safety, the CJG refuses a handover only when the family lives outside its region or the case is not the CJG's to take",
        ],
        'data',
        ['not-in-list'],
      ]);
      expect(
        await refusal(
          handle.executeUpdate(handoverUpdates.refuse, { args: [{ reason: 'not-competent' }] }),
        ),
      ).toEqual([
        ['a refusal for lack of competence needs an explanation: whose case it is'],
        'data',
        ['required'],
      ]);
      const s = await command(handle, 'refuse', { reason: 'not-competent', explanation });
      expect(s.status).toBe('refused');
      const result = (await handle.result()) as HandoverView;
      expect(result.refusal).toMatchObject({ reason: 'not-competent', explanation });
      expect(result.rules).toBe(VEILIG_THUIS_RULE_SETS.length);
      const history = await handle.fetchHistory();
      const accepted = history.events?.filter(
        (e) => e.workflowExecutionUpdateAcceptedEventAttributes,
      );
      expect(accepted).toHaveLength(1);
    });
    expect(kinds(rec)).toEqual([
      'vt-handover-received',
      'vt-receipt',
      'vt-refused',
      'vt-refusal-escalated',
    ]);
    expect(letter(rec, 'vt-refused')).toMatchObject({
      to: [VT],
      facts: { reason: 'not-competent', explanationTextId: explanation.textId },
    });
    // Escalated to the municipality's handover lead.
    expect(letter(rec, 'vt-refusal-escalated')).toMatchObject({
      to: [LEAD],
      facts: { reason: 'not-competent', explanationTextId: explanation.textId },
    });
  });

  it('meeting not held in time: a reminder to the coordinator, then escalation; basic support at last', async () => {
    const input = handoverInput();
    const rec = await withHandover(input, async (handle) => {
      let s = await command(handle, 'accept', { coordinatorId: 'coord-anna' });
      const [reminder, overdue] = s.pendingDeadlines;
      expect(reminder?.kind).toBe('meeting-reminder');
      expect(overdue).toEqual({
        kind: 'meeting-overdue',
        at: missedAt(s as HandoverState, s.meeting!.dueDate).toISOString(),
      });
      await advanceTo(handle, new Date(reminder!.at), 60_000);
      s = await eventually(
        () => state(handle),
        (v) => v.meeting?.reminded === true,
      );
      expect(s.overdue).toBe(false);
      await advanceTo(handle, new Date(overdue!.at), 60_000);
      s = await eventually(
        () => state(handle),
        (v) => v.overdue,
      );
      expect(s.status).toBe('accepted');
      s = await planAndHold(handle);
      expect(s.meeting?.held?.late).toBe(true);
      expect(s.overdue).toBe(false);
      s = await command(handle, 'closeWithBasicSupport', {});
      expect(s.status).toBe('basic-support');
      await handle.result();
    });
    expect(kinds(rec)).toEqual([
      'vt-handover-received',
      'vt-receipt',
      'vt-accepted',
      'vt-coordinator-assigned',
      'vt-meeting-reminder',
      'vt-meeting-overdue',
      'vt-meeting-planned',
      'vt-agreements',
      'vt-feedback',
    ]);
    expect(letter(rec, 'vt-meeting-reminder')).toMatchObject({
      to: [COORD],
      facts: { planned: false },
    });
    expect(letter(rec, 'vt-meeting-overdue')?.to).toEqual([LEAD, COORD]);
    expect(letter(rec, 'vt-feedback')?.facts.decision).toBe('basic-support');
  });

  it('a planned meeting not yet held: the reminder names its planned date', async () => {
    const input = handoverInput();
    const rec = await withHandover(input, async (handle, rec) => {
      let s = await command(handle, 'accept', { coordinatorId: 'coord-anna' });
      const meetingDue = s.meeting!.dueDate;
      s = await command(handle, 'planMeeting', {
        date: meetingDue,
        jointHomeVisit: false,
        clientId: 'client-0001',
        familyId: 'fam-jansen',
      });
      const [reminder] = s.pendingDeadlines;
      await advanceTo(handle, new Date(reminder!.at), 60_000);
      await sent(rec, 'vt-meeting-reminder');
    });
    expect(letter(rec, 'vt-meeting-reminder')?.facts).toMatchObject({ planned: true });
    expect(letter(rec, 'vt-meeting-reminder')?.facts.date).toBe(
      letter(rec, 'vt-meeting-planned')?.facts.date,
    );
  });

  it('outcome late: the coordinator reminded, escalated after the feedback deadline, recorded as late when it comes', async () => {
    const input = handoverInput();
    const rec = await withHandover(input, async (handle) => {
      await command(handle, 'accept', { coordinatorId: 'coord-anna' });
      let s = await planAndHold(handle);
      const [reminder, feedback] = s.pendingDeadlines;
      expect(reminder?.kind).toBe('feedback-reminder');
      expect(feedback?.kind).toBe('feedback-overdue');
      await advanceTo(handle, new Date(feedback!.at), -60_000);
      expect((await state(handle)).overdue).toBe(false);
      await advanceTo(handle, new Date(feedback!.at), 60_000);
      s = await eventually(
        () => state(handle),
        (v) => v.overdue,
      );
      expect(s.status).toBe('meeting-held');
      s = await command(handle, 'closeWithBasicSupport', {});
      expect(s.outcome).toMatchObject({ decision: 'basic-support', late: true });
      await handle.result();
    });
    expect(kinds(rec).slice(-3)).toEqual([
      'vt-feedback-reminder',
      'vt-feedback-overdue',
      'vt-feedback',
    ]);
    expect(letter(rec, 'vt-feedback-reminder')?.to).toEqual([COORD]);
    expect(letter(rec, 'vt-feedback-overdue')?.to).toEqual([LEAD, COORD]);
  });

  it('withdrawn by Veilig Thuis: the lead, the coordinator and the invited family are told', async () => {
    const input = handoverInput();
    const rec = await withHandover(input, async (handle) => {
      await command(handle, 'accept', { coordinatorId: 'coord-anna' });
      await command(handle, 'planMeeting', {
        date: await today(),
        jointHomeVisit: true,
        clientId: 'client-0001',
        familyId: 'fam-jansen',
      });
      const s = await command(handle, 'withdraw', { reason: 'veilig-thuis-continues' });
      expect(s.status).toBe('withdrawn');
      await handle.result();
    });
    expect(letter(rec, 'vt-withdrawn')?.to).toEqual([LEAD, COORD, CLIENT]);
  });

  it('a case number already in use: startTrajectory is refused and the handover waits', async () => {
    const input = handoverInput();
    const caseNumber = `CJG-2026-${randomUUID().slice(0, 6).toUpperCase()}`;
    await withHandover(input, async (handle) => {
      // Another trajectory already has this case number.
      await env.client.workflow.start('trajectoryWorkflow', {
        workflowId: trajectoryWorkflowId(caseNumber),
        taskQueue: (await handle.describe()).taskQueue,
        args: [
          {
            caseNumber,
            municipalityCode: '0957',
            coordinatorId: 'coord-bram',
            clientId: 'client-0002',
            familyId: 'fam-other',
          } satisfies TrajectoryInput,
        ],
      });
      await command(handle, 'accept', { coordinatorId: 'coord-anna' });
      await planAndHold(handle);
      // Refused in the handler, so in the history: its details keep their shape of before the
      // codes (the API gives the reason the code of its status).
      expect(
        await refusal(
          handle.executeUpdate(handoverUpdates.startTrajectory, { args: [{ caseNumber }] }),
        ),
      ).toEqual([[`a trajectory with case number ${caseNumber} already exists`], 'state']);
      const s = await state(handle);
      expect(s.status).toBe('meeting-held');
      expect(s.allowedCommands).toEqual(['startTrajectory', 'closeWithBasicSupport']);
      await env.client.workflow.getHandle(trajectoryWorkflowId(caseNumber)).terminate('test');
    });
  });
});
