import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import {
  addWorkingDays,
  amsterdamDate,
  amsterdamInstant,
  DEFAULT_POLICY,
  transferDates,
  DEFAULT_SCHAKELOVERLEG_POLICY,
  trajectoryWorkflowId,
  transferIdOf,
  transferWorkflowId,
  type CalendarDate,
  type TransferInput,
  type TransferView,
} from '@cjg/domain';
import { CaseKindKey, OverdueKey, ProcessStatusKey } from '@cjg/temporal';
import type { schakeloverlegTransferWorkflow } from '@cjg/workflows';
import {
  SCHAKELOVERLEG_WORKFLOW_TYPE,
  transferCommandUpdates,
  transferStateQuery,
  type TransferCommandArgs,
} from '@cjg/workflows/schakeloverleg.definitions';
import { trajectoryStateQuery } from '@cjg/workflows/trajectory.definitions';
import type { TransferCommandType } from '@cjg/domain';
import {
  advance,
  env,
  eventually,
  refusal,
  stubActivities,
  testBundle,
  useTimeSkippingServerPerTest,
  type Recorded,
} from '../support/trajectory-harness';
import { testDataConverter } from '../support/workflow-env';

jest.setTimeout(Number(process.env.WORKFLOW_TEST_TIMEOUT_MS ?? 90_000));
useTimeSkippingServerPerTest();

const GI = 'gi-limburg';
const CARE = [
  { agbCode: '12345678', productCategory: '45' as const },
  { agbCode: '87654321', productCategory: '54' as const },
];

async function today(): Promise<CalendarDate> {
  return amsterdamDate(new Date(await env.currentTimeMs()));
}

/** A proposal whose measure ends `workingDays` working days from the test server's today. */
async function proposal(workingDays = 60): Promise<TransferInput> {
  const reference = `JB-${randomUUID().slice(0, 8).toUpperCase()}`;
  return {
    transferId: transferIdOf(GI, reference),
    organisationId: GI,
    reference,
    municipalityCode: '0957',
    familyId: `fam-${reference.toLowerCase()}`,
    clientId: 'client-0001',
    measure: 'ots',
    measureEndDate: addWorkingDays(await today(), workingDays),
    care: CARE,
    contactId: 'coord-schakel',
    escalateToId: 'lead-bram',
    policy: DEFAULT_SCHAKELOVERLEG_POLICY,
    trajectoryPolicy: DEFAULT_POLICY,
  };
}

type Handle = WorkflowHandle<typeof schakeloverlegTransferWorkflow>;

/** Runs `body` with a worker (stubbed activities) and a started transfer. */
async function withTransfer(
  input: TransferInput,
  body: (handle: Handle, rec: Recorded) => Promise<void>,
): Promise<Recorded> {
  const { activities, rec } = stubActivities();
  const taskQueue = `tq-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    dataConverter: testDataConverter,
    taskQueue,
    workflowBundle: testBundle(),
    activities,
  });
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start<typeof schakeloverlegTransferWorkflow>(
      SCHAKELOVERLEG_WORKFLOW_TYPE,
      { workflowId: transferWorkflowId(input.transferId), taskQueue, args: [input] },
    );
    try {
      await body(handle, rec);
    } finally {
      // Open workflows would hold the test server's clock still for the next test.
      for (const id of [handle.workflowId, ...trajectoriesOf(rec)]) {
        const h = env.client.workflow.getHandle(id);
        const { status } = await h.describe().catch(() => ({ status: { name: 'GONE' } }));
        if (status.name === 'RUNNING') await h.terminate('test finished');
      }
    }
  });
  return rec;
}

const trajectoriesOf = (rec: Recorded) => [
  ...new Set(rec.letters.map((l) => l.workflowId).filter((id) => id.startsWith('trajectory-'))),
];

async function command<T extends TransferCommandType>(
  handle: Handle,
  type: T,
  args: TransferCommandArgs<T>,
): Promise<TransferView> {
  await handle.executeUpdate(transferCommandUpdates[type], { args: [args] });
  return handle.query(transferStateQuery);
}

const view = (handle: Handle) => handle.query(transferStateQuery);

/** Lets the test server's clock run to one minute after `hour`:00 on `date` (Amsterdam). */
async function advanceTo(handle: Handle, date: CalendarDate, hour = 8): Promise<void> {
  const target = amsterdamInstant(date, hour).getTime() + 60_000;
  const ms = target - (await env.currentTimeMs());
  if (ms > 0) await advance(handle, ms);
}

/** The letters of the trajectory a transfer started, in its order, kind and recipients. */
function trajectoryLetters(rec: Recorded, caseNumber: string) {
  return rec.letters
    .filter((l) => l.workflowId === trajectoryWorkflowId(caseNumber))
    .sort((a, b) => a.sequence - b.sequence)
    .map((l) => ({
      kind: l.kind,
      to: l.to.map((r) => (r.role === 'provider' ? `provider:${r.agbCode}` : `${r.role}:${r.id}`)),
    }));
}

/**
 * The transfer's letters in the order the workflow numbered them: letters started in the same
 * workflow task run side by side, so the order the stub saw them in is not the workflow's.
 */
function transferLetters(rec: Recorded, input: TransferInput) {
  return rec.letters
    .filter((l) => l.workflowId === transferWorkflowId(input.transferId))
    .sort((a, b) => a.sequence - b.sequence)
    .map((l) => ({
      kind: l.kind,
      to: l.to.map((r) => (r.role === 'provider' ? `provider:${r.agbCode}` : `${r.role}:${r.id}`)),
    }));
}

async function attributes(handle: Handle) {
  const { typedSearchAttributes } = await handle.describe();
  return {
    caseKind: typedSearchAttributes.get(CaseKindKey),
    status: typedSearchAttributes.get(ProcessStatusKey),
    overdue: typedSearchAttributes.get(OverdueKey),
  };
}

const FAMILY = 'client:client-0001';
const PROVIDERS = ['provider:12345678', 'provider:87654321'];

describe('schakeloverlegTransferWorkflow (000)', () => {
  it('agreed: the trajectory starts at once, its beschikking due before the measure ends (reminded, escalated); the voluntary frame begins on the end date', async () => {
    // The measure ends seven weeks from now: before the Awb term of a trajectory agreed next week.
    const input = await proposal(35);
    const caseNumber = `CJG-2027-${randomUUID().slice(0, 6).toUpperCase()}`;
    const meetingDate = addWorkingDays(await today(), 5);
    const decideBefore = amsterdamInstant(input.measureEndDate);
    const rec = await withTransfer(input, async (handle, rec) => {
      let s = await command(handle, 'plan', { meetingDate, coordinatorId: 'coord-anna' });
      expect(s.status).toBe('planned');
      await advanceTo(handle, meetingDate, 12);
      await command(handle, 'recordOutcome', { agreed: true, parentsConsent: true, caseNumber });

      // Issue 17: the trajectory starts now, so the care after the measure is decided before it.
      const trajectory = env.client.workflow.getHandle(trajectoryWorkflowId(caseNumber));
      s = await eventually(
        () => view(handle),
        (v) => v.trajectory !== undefined,
      );
      expect(s).toMatchObject({
        status: 'agreed',
        trajectory: { caseNumber, alreadyExisted: false },
      });
      expect(amsterdamDate(new Date(s.trajectory!.startedAt))).toBe(meetingDate);
      expect(s.pendingDeadlines).toEqual([
        { kind: 'trajectory-start', at: amsterdamInstant(input.measureEndDate, 8).toISOString() },
      ]);
      const described = await trajectory.describe();
      expect(described.status.name).toBe('RUNNING');
      expect(described.memo).toMatchObject({
        transferId: input.transferId,
        carriedOverCare: '12345678:45, 87654321:54',
      });
      const t = await trajectory.query(trajectoryStateQuery);
      expect(t).toMatchObject({
        caseNumber,
        phase: 'intake',
        coordinatorId: 'coord-anna',
        clientId: 'client-0001',
        familyId: input.familyId,
        previousCaseNumber: input.reference,
        decideBefore: {
          date: input.measureEndDate,
          why: 'measure-ends',
          escalateToId: 'lead-bram',
        },
        awb: { dueAt: decideBefore.toISOString() },
        rules: 1,
      });
      const [warning, overdue] = t.pendingDeadlines;
      expect(overdue).toEqual({ kind: 'awb-overdue', at: decideBefore.toISOString() });

      // No beschikking: reminded before the date, escalated to the team lead at it.
      await advance(trajectory, Date.parse(warning!.at) + 60_000 - (await env.currentTimeMs()));
      await eventually(
        async () => trajectoryLetters(rec, caseNumber),
        (l) => l.some((x) => x.kind === 'awb-warning'),
      );
      await advance(trajectory, decideBefore.getTime() + 60_000 - (await env.currentTimeMs()));
      await eventually(
        async () => trajectoryLetters(rec, caseNumber),
        (l) => l.some((x) => x.kind === 'awb-overdue'),
      );
      expect((await trajectory.query(trajectoryStateQuery)).overdue).toBe(true);
      expect((await view(handle)).status).toBe('agreed');

      await advanceTo(handle, input.measureEndDate, 8);
      // Read, not awaited as a result: waiting for a result lets the test server skip ahead.
      const done = await eventually(
        () => view(handle),
        (v) => v.status === 'started',
      );
      expect(done).toMatchObject({ status: 'started', trajectory: { caseNumber } });
      expect(amsterdamDate(new Date(done.closedAt!))).toBe(input.measureEndDate);
      expect(await attributes(handle)).toEqual({
        caseKind: 'schakeloverleg-transfer',
        status: 'started',
        overdue: false,
      });
      // The linked trajectory runs on after the transfer has ended (ParentClosePolicy.ABANDON).
      expect((await trajectory.describe()).status.name).toBe('RUNNING');
    });
    expect(transferLetters(rec, input)).toEqual([
      { kind: 'so-proposed', to: ['coordinator:coord-schakel'] },
      { kind: 'so-planned', to: ['coordinator:coord-anna', `organisation:${GI}`, FAMILY] },
      {
        kind: 'so-agreed',
        to: [`organisation:${GI}`, ...PROVIDERS, FAMILY, 'coordinator:coord-anna'],
      },
      { kind: 'so-trajectory-started', to: [`organisation:${GI}`, ...PROVIDERS, FAMILY] },
    ]);
    const agreedLetter = rec.letters.find((l) => l.kind === 'so-agreed');
    expect(agreedLetter?.facts).toMatchObject({ beschikkingBefore: input.measureEndDate });
    expect(trajectoryLetters(rec, caseNumber)).toEqual([
      { kind: 'intake-registered', to: ['coordinator:coord-anna'] },
      { kind: 'awb-warning', to: ['coordinator:coord-anna'] },
      { kind: 'awb-overdue', to: ['coordinator:coord-anna', 'coordinator:lead-bram'] },
    ]);
  });

  it('not agreed: revisited on its date, planned again and then agreed', async () => {
    const input = await proposal();
    const caseNumber = `CJG-2027-${randomUUID().slice(0, 6).toUpperCase()}`;
    const start = await today();
    const firstMeeting = addWorkingDays(start, 5);
    const extendedEnd = addWorkingDays(start, 150);
    const revisitDate = addWorkingDays(start, 80);
    const secondMeeting = addWorkingDays(revisitDate, 5);
    const rec = await withTransfer(input, async (handle) => {
      await command(handle, 'plan', { meetingDate: firstMeeting, coordinatorId: 'coord-anna' });
      await advanceTo(handle, firstMeeting, 12);
      let s = await command(handle, 'recordOutcome', {
        agreed: false,
        reason: 'no-consent',
        revisitDate,
        measureEndDate: extendedEnd,
      });
      expect(s).toMatchObject({ status: 'not-agreed', round: 2, measureEndDate: extendedEnd });
      expect(s.pendingDeadlines.map((d) => d.kind)).toEqual(['revisit']);

      // The old end date passes quietly: the measure was extended, the case waits for its revisit.
      await advanceTo(handle, input.measureEndDate, 12);
      expect((await view(handle)).status).toBe('not-agreed');

      await advanceTo(handle, revisitDate, 8);
      s = await view(handle);
      expect(s).toMatchObject({ status: 'proposed', round: 2 });
      expect(s.allowedCommands).toContain('plan');

      await command(handle, 'plan', { meetingDate: secondMeeting, coordinatorId: 'coord-anna' });
      await advanceTo(handle, secondMeeting, 12);
      s = await command(handle, 'recordOutcome', {
        agreed: true,
        parentsConsent: true,
        caseNumber,
      });
      expect(s.outcomes.map((o) => [o.round, o.agreed])).toEqual([
        [1, false],
        [2, true],
      ]);
      await advanceTo(handle, extendedEnd, 8);
      const done = await handle.result();
      expect(done.status).toBe('started');
      // The trajectory started when agreed; the voluntary frame began on the (new) end date.
      expect(amsterdamDate(new Date(done.trajectory!.startedAt))).toBe(secondMeeting);
      expect(amsterdamDate(new Date(done.closedAt!))).toBe(extendedEnd);
    });
    expect(transferLetters(rec, input)).toEqual([
      { kind: 'so-proposed', to: ['coordinator:coord-schakel'] },
      { kind: 'so-planned', to: ['coordinator:coord-anna', `organisation:${GI}`, FAMILY] },
      { kind: 'so-not-agreed', to: [`organisation:${GI}`, ...PROVIDERS, FAMILY] },
      { kind: 'so-revisit-due', to: ['coordinator:coord-anna', `organisation:${GI}`] },
      { kind: 'so-planned', to: ['coordinator:coord-anna', `organisation:${GI}`, FAMILY] },
      {
        kind: 'so-agreed',
        to: [`organisation:${GI}`, ...PROVIDERS, FAMILY, 'coordinator:coord-anna'],
      },
      { kind: 'so-trajectory-started', to: [`organisation:${GI}`, ...PROVIDERS, FAMILY] },
    ]);
  });

  it('not planned in time: reminded, escalated to the team lead, and lapsed at the end date', async () => {
    const input = await proposal();
    const dates = transferDates(input.measureEndDate, DEFAULT_SCHAKELOVERLEG_POLICY);
    const rec = await withTransfer(input, async (handle) => {
      await advanceTo(handle, dates.planningReminder, 8);
      expect((await view(handle)).planning).toEqual({ reminded: true, escalated: false });
      expect((await attributes(handle)).overdue).toBe(false);

      await advanceTo(handle, dates.planBy, 8);
      const s = await view(handle);
      expect(s).toMatchObject({ status: 'proposed', overdue: true });
      expect(await attributes(handle)).toMatchObject({ status: 'proposed', overdue: true });
      // Planning is still possible, up to the last meeting date.
      expect(s.allowedCommands).toContain('plan');

      await advanceTo(handle, input.measureEndDate, 8);
      const done = await handle.result();
      expect(done.status).toBe('lapsed');
      expect(amsterdamDate(new Date(done.closedAt!))).toBe(input.measureEndDate);
    });
    expect(transferLetters(rec, input)).toEqual([
      { kind: 'so-proposed', to: ['coordinator:coord-schakel'] },
      {
        kind: 'so-planning-reminder',
        to: ['coordinator:coord-schakel', `organisation:${GI}`],
      },
      {
        kind: 'so-planning-overdue',
        to: ['coordinator:coord-schakel', 'coordinator:lead-bram', `organisation:${GI}`],
      },
      { kind: 'so-lapsed', to: [`organisation:${GI}`, 'coordinator:coord-schakel'] },
    ]);
  });

  it('held but no outcome recorded: the coordinator is reminded, then the team lead told, and it lapses at the end date', async () => {
    const input = await proposal(20);
    const meetingDate = addWorkingDays(await today(), 3);
    const rec = await withTransfer(input, async (handle) => {
      // The escalation is due at once; a command that reached the workflow's first task would
      // be handled before it (then there is nothing to escalate), so wait for it first.
      await eventually(
        () => view(handle),
        (v) => v.overdue,
      );
      await command(handle, 'plan', { meetingDate, coordinatorId: 'coord-anna' });
      // Issue 17 item 4 (RULES_2026_12_WAITS): the reminder is not yet late; the escalation is.
      await advanceTo(handle, addWorkingDays(meetingDate, 2), 8);
      expect(await view(handle)).toMatchObject({ status: 'planned', overdue: false });
      await advanceTo(handle, addWorkingDays(meetingDate, 5), 8);
      expect(await view(handle)).toMatchObject({ status: 'planned', overdue: true });
      await advanceTo(handle, input.measureEndDate, 8);
      expect((await handle.result()).status).toBe('lapsed');
    });
    expect(transferLetters(rec, input).map((l) => l.kind)).toEqual([
      'so-proposed',
      // Proposed 20 working days before the end: past the plan-by date, so escalated at once.
      'so-planning-overdue',
      'so-planned',
      'so-outcome-reminder',
      'so-outcome-overdue',
      'so-lapsed',
    ]);
    const outcomeLetters = transferLetters(rec, input).filter((l) =>
      l.kind.startsWith('so-outcome'),
    );
    expect(outcomeLetters.map((l) => l.to)).toEqual([
      ['coordinator:coord-anna'],
      ['coordinator:coord-anna', 'coordinator:lead-bram'],
    ]);
    expect(transferLetters(rec, input).at(-1)!.to).toEqual([
      `organisation:${GI}`,
      'coordinator:coord-anna',
      FAMILY,
    ]);
  });

  it('withdrawn by the GI: the coordinator and the invited family are told; refusals leave no trace', async () => {
    const input = await proposal();
    const rec = await withTransfer(input, async (handle) => {
      // A Saturday is no day for a Schakeloverleg (data), an outcome needs a meeting (state).
      let saturday = await today();
      while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6)
        saturday = amsterdamDate(new Date(Date.parse(`${saturday}T12:00:00Z`) + 86_400_000));
      expect(
        await refusal(
          command(handle, 'plan', { meetingDate: saturday, coordinatorId: 'coord-anna' }),
        ),
      ).toEqual(['meetingDate must be a working day (not a weekend or public holiday)']);
      expect(
        await refusal(
          command(handle, 'recordOutcome', {
            agreed: true,
            parentsConsent: true,
            caseNumber: 'CJG-1-X',
          }),
        ),
      ).toEqual(['recordOutcome is not possible when the transfer is proposed']);
      const history = await handle.fetchHistory();
      expect(
        history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes),
      ).toHaveLength(0);

      await command(handle, 'plan', {
        meetingDate: addWorkingDays(await today(), 5),
        coordinatorId: 'coord-anna',
      });
      await command(handle, 'withdraw', { reason: 'family-moved' });
      const done = await handle.result();
      expect(done).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'family-moved' } });
      expect(done.pendingDeadlines).toEqual([]);
    });
    expect(transferLetters(rec, input).at(-1)).toEqual({
      kind: 'so-withdrawn',
      to: ['coordinator:coord-anna', FAMILY],
    });
  });

  it('an extended measure moves the start of the voluntary frame of an agreed transfer', async () => {
    const input = await proposal();
    const caseNumber = `CJG-2027-${randomUUID().slice(0, 6).toUpperCase()}`;
    const meetingDate = addWorkingDays(await today(), 5);
    const later = addWorkingDays(input.measureEndDate, 20);
    await withTransfer(input, async (handle) => {
      await command(handle, 'plan', { meetingDate, coordinatorId: 'coord-anna' });
      await advanceTo(handle, meetingDate, 12);
      await command(handle, 'recordOutcome', { agreed: true, parentsConsent: true, caseNumber });
      const s = await command(handle, 'changeMeasureEnd', { endDate: later });
      expect(s.pendingDeadlines).toEqual([
        { kind: 'trajectory-start', at: amsterdamInstant(later, 8).toISOString() },
      ]);
      await advanceTo(handle, input.measureEndDate, 12);
      expect((await view(handle)).status).toBe('agreed');
      await advanceTo(handle, later, 8);
      const done = await handle.result();
      expect(done.status).toBe('started');
      expect(amsterdamDate(new Date(done.closedAt!))).toBe(later);
    });
  });
});
