import { randomUUID } from 'node:crypto';
import {
  ApplicationFailure,
  WorkflowFailedError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  addWorkingDays,
  agendaIdOf,
  amsterdamDate,
  amsterdamInstant,
  compareDates,
  nextMeetingDate,
  vtoWorkflowId,
  workingDaysBefore,
  type AgendaPlacement,
  type DeliveryFailure,
  type LetterKind,
  type VtoCommandType,
  type VtoInput,
  type VtoProjection,
} from '@cjg/domain';
import type { LetterRequest, TrajectoryActivities, VtoActivities } from '@cjg/activities';
import { CaseKindKey, OrganisationIdKey, OverdueKey, ProcessStatusKey } from '@cjg/temporal';
import type { beschermingspleinAgendaWorkflow, vtoWorkflow } from '@cjg/workflows';
import {
  BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
  beschermingspleinAgendaWorkflowId,
  placedOnAgendaSignal,
  VTO_PARTNERS_MISSING,
  VTO_WORKFLOW_TYPE,
  vtoCommandUpdates,
  vtoStateQuery,
  type BeschermingspleinAgendaInput,
  type VtoCommandArgs,
  type VtoPartners,
} from '@cjg/workflows/vto.definitions';
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

const PARTNERS: VtoPartners = { beschermingspleinId: 'bp-midden-limburg', raadId: 'raad-limburg' };

interface Recorded {
  letters: LetterRequest[];
  projections: VtoProjection[];
}

interface Stubs {
  /** What the read model lists as waiting for the agenda. */
  waiting?: () => string[];
  partners?: () => VtoPartners;
  /** Recipients the mail server refuses for good, per letter. */
  refuse?: (request: LetterRequest) => DeliveryFailure[];
}

function stubActivities(stubs: Stubs, rec: Recorded) {
  const activities: Pick<TrajectoryActivities, 'sendLetter'> & VtoActivities = {
    async sendLetter(request) {
      rec.letters.push(request);
      const failures = stubs.refuse?.(request) ?? [];
      return {
        sent: request.to.length - failures.length,
        alreadySent: 0,
        undeliverable: failures.length,
        failures,
      };
    },
    async projectVto(p) {
      rec.projections.push(p);
    },
    async listVtosAwaitingAgenda() {
      return stubs.waiting?.() ?? [];
    },
    async findVtoPartners() {
      return stubs.partners?.() ?? PARTNERS;
    },
  };
  return activities;
}

function vtoInput(): VtoInput {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  return {
    caseNumber: `VTO-2026-${suffix}`,
    municipalityCode: '0957',
    coordinatorId: 'coord-anna',
    clientId: 'client-0001',
    familyId: `fam-${suffix.toLowerCase()}`,
    trajectoryCaseNumber: `CJG-2026-${suffix}`,
    grounds: ['ernstige-ontwikkelingsbedreiging', 'onvoldoende-beweging'],
  };
}

type VtoHandle = WorkflowHandle<typeof vtoWorkflow>;

interface Run {
  rec: Recorded;
  taskQueue: string;
  /** Starts a VTO on the run's task queue. */
  start: (input?: VtoInput) => Promise<VtoHandle>;
}

/** Runs `body` with a worker on a fresh task queue and stubbed activities. */
async function withWorker(body: (run: Run) => Promise<void>, stubs: Stubs = {}): Promise<Recorded> {
  const rec: Recorded = { letters: [], projections: [] };
  const taskQueue = `tq-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    dataConverter: testDataConverter,
    taskQueue,
    workflowBundle: testWorkflowBundle(),
    activities: stubActivities(stubs, rec),
  });
  const started: WorkflowHandle[] = [];
  await worker.runUntil(async () => {
    try {
      await body({
        rec,
        taskQueue,
        start: async (input = vtoInput()) => {
          const handle = await env.client.workflow.start<typeof vtoWorkflow>(VTO_WORKFLOW_TYPE, {
            workflowId: vtoWorkflowId(input.caseNumber),
            taskQueue,
            args: [input],
          });
          started.push(handle);
          return handle;
        },
      });
    } finally {
      // A workflow left open would hold the test server's clock still for the next test.
      for (const handle of started) {
        const { status } = await handle.describe();
        if (status.name === 'RUNNING') await handle.terminate('test finished');
      }
    }
  });
  return rec;
}

/** Gives a command and answers the state after it. */
async function command<T extends VtoCommandType>(
  handle: VtoHandle,
  type: T,
  args: VtoCommandArgs<T>,
) {
  await handle.executeUpdate(vtoCommandUpdates[type], { args: [args] });
  return handle.query(vtoStateQuery);
}

async function refusal(promise: Promise<unknown>): Promise<{ reasons: string[]; by: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect(cause.type).toBe('CommandRefused');
  const [reasons, by] = cause.details as [string[], string];
  return { reasons, by };
}

const state = (handle: VtoHandle) => handle.query(vtoStateQuery);

async function today(): Promise<string> {
  return amsterdamDate(new Date(await env.currentTimeMs()));
}

/** Lets the worker finish what is outstanding (skipping time while a task is open stalls the server). */
async function settle(workflowId: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const { raw } = await env.client.workflow.getHandle(workflowId).describe();
    if (!raw.pendingWorkflowTask && (raw.pendingActivities?.length ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Skips the test server's clock to `instant` (if it is still ahead), then lets the VTO settle. */
async function advanceTo(handle: VtoHandle, instant: Date): Promise<void> {
  await settle(handle.workflowId);
  const ms = instant.getTime() - (await env.currentTimeMs());
  if (ms > 0) {
    await Promise.race([env.sleep(ms), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
  await settle(handle.workflowId);
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

/** The letters' kinds in the order the workflow numbered them (they go out concurrently). */
const kinds = (rec: Recorded, caseNumber?: string): LetterKind[] =>
  rec.letters
    .filter((l) => !caseNumber || l.workflowId === vtoWorkflowId(caseNumber))
    .sort((a, b) => a.workflowId.localeCompare(b.workflowId) || a.sequence - b.sequence)
    .map((l) => l.kind);

const searchAttribute = async (handle: VtoHandle, key: unknown) =>
  (await handle.describe()).typedSearchAttributes.get(key as never);

/** The next meeting's placement, as the agenda run signals it. */
async function placement(): Promise<AgendaPlacement> {
  const meetingDate = nextMeetingDate(await today());
  return { agendaId: agendaIdOf(meetingDate), meetingDate, ...PARTNERS };
}

async function informAndPlace(handle: VtoHandle): Promise<AgendaPlacement> {
  await command(handle, 'recordParentsInformed', {
    informedOn: await today(),
    how: 'conversation',
    recordedBy: 'coord-anna',
  });
  const placed = await placement();
  await handle.signal(placedOnAgendaSignal, placed);
  await eventually(
    () => state(handle),
    (s) => s.status === 'on-agenda',
  );
  return placed;
}

/** Noon in Amsterdam on the meeting's date: the meeting has taken place. */
const afterMeeting = (placed: AgendaPlacement) => amsterdamInstant(placed.meetingDate, 12);

describe('vtoWorkflow: the parents first (002 §3.6)', () => {
  it('sends the written request to the parents and goes no further, not even onto an agenda, until it is recorded that they were informed; reminds the coordinator when that is late', async () => {
    const input = vtoInput();
    const rec = await withWorker(async ({ start, rec: sent }) => {
      const handle = await start(input);
      let s = await eventually(
        () => state(handle),
        (v) => v.letterSequence >= 1,
      );
      expect(s.status).toBe('parents-to-inform');
      expect(s.allowedCommands).toEqual(['recordParentsInformed', 'withdraw']);
      expect(await searchAttribute(handle, CaseKindKey)).toBe('vto');
      expect(await searchAttribute(handle, ProcessStatusKey)).toBe('parents-to-inform');

      // Not before the parents know: the agenda is ignored and a decision refused.
      await handle.signal(placedOnAgendaSignal, await placement());
      const { reasons, by } = await refusal(
        command(handle, 'recordDecision', { decision: 'send', recordedBy: 'lead-1' }),
      );
      expect(reasons).toEqual(['recordDecision is not possible in status parents-to-inform']);
      expect(by).toBe('state');
      s = await state(handle);
      expect(s.status).toBe('parents-to-inform');
      expect(s.agenda).toBeUndefined();

      // Issue 17 item 4 (RULES_2026_12): the coordinator is reminded at 8:00 the working day
      // before the due date, not yet late; told it is late at 8:00 the working day after it.
      const [reminder, late] = s.pendingDeadlines;
      expect(reminder!.kind).toBe('parents-informed-due');
      expect(amsterdamDate(new Date(reminder!.at))).toBe(workingDaysBefore(s.parents.dueOn, 1));
      await advanceTo(handle, new Date(new Date(reminder!.at).getTime() + 60_000));
      await eventually(
        async () => kinds(sent),
        (k) => k.includes('vto-parents-due'),
      );
      expect((await state(handle)).overdue).toBe(false);
      const due = new Date(late!.at);
      expect(late!.kind).toBe('parents-informed-reminder');
      expect(amsterdamDate(due)).toBe(addWorkingDays(s.parents.dueOn, 1));
      await advanceTo(handle, new Date(due.getTime() - 60_000));
      expect(kinds(sent)).not.toContain('vto-parents-reminder');
      await advanceTo(handle, new Date(due.getTime() + 60_000));
      s = await eventually(
        () => state(handle),
        (v) => v.overdue,
      );
      expect(s.pendingDeadlines).toEqual([]);
      expect(await searchAttribute(handle, OverdueKey)).toBe(true);

      s = await command(handle, 'recordParentsInformed', {
        informedOn: await today(),
        how: 'letter',
        recordedBy: 'coord-anna',
      });
      expect(s.status).toBe('awaiting-agenda');
      expect(s.overdue).toBe(false);
      expect(s.pendingDeadlines).toEqual([]);
      await settle(handle.workflowId);
      expect(await searchAttribute(handle, ProcessStatusKey)).toBe('awaiting-agenda');

      const history = await handle.fetchHistory();
      const accepted =
        history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes) ?? [];
      expect(accepted).toHaveLength(1);
    });
    expect(rec.letters[0]).toEqual({
      workflowId: vtoWorkflowId(input.caseNumber),
      sequence: 1,
      kind: 'vto-parents-informed',
      to: [{ role: 'client', id: 'client-0001' }],
      facts: {
        caseNumber: input.caseNumber,
        grounds: 'ernstige-ontwikkelingsbedreiging,onvoldoende-beweging',
        proposedOn: expect.any(String),
      },
    });
    expect(rec.letters.filter((l) => l.kind === 'vto-parents-reminder')).toEqual([
      expect.objectContaining({ to: [{ role: 'coordinator', id: 'coord-anna' }] }),
    ]);
    expect(rec.projections.at(-1)).toMatchObject({ status: 'awaiting-agenda', overdue: false });
  });

  it('sends no reminder when the parents are informed in time', async () => {
    const rec = await withWorker(async ({ start }) => {
      const handle = await start();
      const s = await command(handle, 'recordParentsInformed', {
        informedOn: await today(),
        how: 'conversation',
        recordedBy: 'coord-anna',
      });
      expect(s.status).toBe('awaiting-agenda');
      await advanceTo(handle, new Date((await env.currentTimeMs()) + 21 * 86_400_000));
      expect((await state(handle)).status).toBe('awaiting-agenda');
    });
    expect(kinds(rec)).toEqual(['vto-parents-informed']);
  });

  it('records a letter that cannot reach the parents and tells the coordinator', async () => {
    const rec = await withWorker(
      async ({ start }) => {
        const handle = await start();
        const s = await eventually(
          () => state(handle),
          (v) => v.deliveryProblems.length > 0 && v.letterSequence >= 2,
        );
        expect(s.deliveryProblems).toEqual([
          expect.objectContaining({
            letter: 'vto-parents-informed',
            recipient: 'client:client-0001',
            reason: 'no-address',
          }),
        ]);
      },
      {
        refuse: (request) =>
          request.kind === 'vto-parents-informed'
            ? [{ recipient: request.to[0]!, reason: 'no-address' }]
            : [],
      },
    );
    expect(rec.letters[1]).toMatchObject({
      kind: 'delivery-failed',
      to: [{ role: 'coordinator', id: 'coord-anna' }],
      facts: { letter: 'vto-parents-informed', recipientRole: 'client', reason: 'no-address' },
    });
  });
});

describe('beschermingspleinAgendaWorkflow (the weekly schedule’s run)', () => {
  it('assembles the next meeting’s agenda from the waiting VTOs, puts each on it and sends it to the beschermingsplein', async () => {
    const waiting = vtoInput();
    const notInformed = vtoInput();
    const gone = 'VTO-2026-GONE';
    let result: Awaited<ReturnType<typeof beschermingspleinAgendaWorkflow>> | undefined;
    const rec = await withWorker(
      async ({ start, taskQueue }) => {
        const a = await start(waiting);
        const b = await start(notInformed);
        await command(a, 'recordParentsInformed', {
          informedOn: await today(),
          how: 'conversation',
          recordedBy: 'coord-anna',
        });
        const meetingDate = nextMeetingDate(await today());
        const agenda = await env.client.workflow.start<typeof beschermingspleinAgendaWorkflow>(
          BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
          { workflowId: `beschermingsplein-agenda-${randomUUID()}`, taskQueue, args: [{}] },
        );
        result = await agenda.result();
        expect(result).toMatchObject({
          agendaId: agendaIdOf(meetingDate),
          meetingDate,
          ...PARTNERS,
          placed: [waiting.caseNumber],
          skipped: [gone],
          letterDelivered: true,
        });
        expect((await agenda.describe()).typedSearchAttributes.get(CaseKindKey)).toBe(
          'beschermingsplein-agenda',
        );

        const s = await eventually(
          () => state(a),
          (v) => v.status === 'on-agenda',
        );
        expect(s.agenda).toMatchObject({
          agendaId: agendaIdOf(meetingDate),
          meetingDate,
          beschermingspleinId: PARTNERS.beschermingspleinId,
          raadId: PARTNERS.raadId,
        });
        expect(s.pendingDeadlines.map((d) => d.kind)).toEqual([
          'decision-due',
          'decision-reminder',
        ]);
        await settle(a.workflowId);
        expect(await searchAttribute(a, OrganisationIdKey)).toBe(PARTNERS.beschermingspleinId);
        expect((await state(b)).status).toBe('parents-to-inform');
      },
      { waiting: () => [waiting.caseNumber, gone] },
    );
    const agendaLetter = rec.letters.find((l) => l.kind === 'vto-agenda');
    expect(agendaLetter).toMatchObject({
      sequence: 1,
      to: [{ role: 'organisation', id: PARTNERS.beschermingspleinId }],
      facts: {
        caseNumber: result!.agendaId,
        meetingDate: result!.meetingDate,
        items: 1,
        caseNumbers: waiting.caseNumber,
      },
    });
    expect(rec.letters.filter((l) => l.kind === 'vto-on-agenda')).toEqual([
      expect.objectContaining({
        workflowId: vtoWorkflowId(waiting.caseNumber),
        to: [
          { role: 'client', id: 'client-0001' },
          { role: 'coordinator', id: 'coord-anna' },
        ],
        facts: { caseNumber: waiting.caseNumber, meetingDate: result!.meetingDate },
      }),
    ]);
  });

  it('fails with a message for ops when the partners are not registered, and refuses a past meeting date', async () => {
    await withWorker(
      async ({ taskQueue }) => {
        const run = (input: BeschermingspleinAgendaInput) =>
          env.client.workflow
            .execute<typeof beschermingspleinAgendaWorkflow>(
              BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
              { workflowId: `beschermingsplein-agenda-${randomUUID()}`, taskQueue, args: [input] },
            )
            .then(
              () => undefined,
              (error: unknown) => error,
            );
        const missing = await run({});
        expect(missing).toBeInstanceOf(WorkflowFailedError);
        // The workflow fails because its activity did: WorkflowFailedError → ActivityFailure → cause.
        const cause = (missing as WorkflowFailedError).cause?.cause;
        expect(cause).toBeInstanceOf(ApplicationFailure);
        expect(cause).toMatchObject({
          type: VTO_PARTNERS_MISSING,
          message: 'no organisation of kind raad is registered (PUT /organisations/{id})',
        });

        const past = await run({ meetingDate: '2020-01-02' });
        expect(((past as WorkflowFailedError).cause as ApplicationFailure).type).toBe(
          'InvalidAgendaInput',
        );
        expect(beschermingspleinAgendaWorkflowId('2026-11-26')).toBe(
          'beschermingsplein-agenda-2026-11-26',
        );
      },
      {
        partners: () => {
          throw ApplicationFailure.nonRetryable(
            'no organisation of kind raad is registered (PUT /organisations/{id})',
            VTO_PARTNERS_MISSING,
          );
        },
      },
    );
  });
});

describe('vtoWorkflow: the decision and the Raad', () => {
  it('decided yes: sent to the Raad, the parents told, and the Raad’s answer recorded in time', async () => {
    const input = vtoInput();
    const rec = await withWorker(async ({ start }) => {
      const handle = await start(input);
      const placed = await informAndPlace(handle);
      if (compareDates(await today(), placed.meetingDate) < 0) {
        const { reasons, by } = await refusal(
          command(handle, 'recordDecision', { decision: 'send', recordedBy: 'lead-1' }),
        );
        expect(reasons).toEqual([
          `the beschermingsplein of ${placed.meetingDate} has not taken place yet`,
        ]);
        expect(by).toBe('data');
      }
      await advanceTo(handle, afterMeeting(placed));
      let s = await command(handle, 'recordDecision', { decision: 'send', recordedBy: 'lead-1' });
      expect(s.status).toBe('sent-to-raad');
      expect(s.decision).toMatchObject({ decision: 'send', recordedBy: 'lead-1' });
      expect(s.raad).toMatchObject({ organisationId: PARTNERS.raadId, reminded: false });
      expect(s.pendingDeadlines.map((d) => d.kind)).toEqual([
        'raad-outcome-due',
        'raad-outcome-reminder',
      ]);
      await settle(handle.workflowId);
      expect(await searchAttribute(handle, OrganisationIdKey)).toBe(PARTNERS.raadId);

      const sentOn = s.raad!.sentOn;
      await advanceTo(handle, amsterdamInstant(sentOn, 12));
      s = await command(handle, 'recordRaadOutcome', {
        investigationStarted: true,
        decidedOn: await today(),
        raadReference: 'RvdK-2026/4711',
        recordedBy: 'coord-anna',
      });
      expect(s.status).toBe('raad-investigates');
      const final = await handle.result();
      expect(final).toMatchObject({ status: 'raad-investigates', overdue: false });
      expect(final.raad).toMatchObject({
        investigationStarted: true,
        raadReference: 'RvdK-2026/4711',
      });
    });
    expect(kinds(rec)).toEqual([
      'vto-parents-informed',
      'vto-on-agenda',
      'vto-sent-to-raad',
      'vto-decision',
    ]);
    const toRaad = rec.letters.find((l) => l.kind === 'vto-sent-to-raad');
    const toParents = rec.letters.find((l) => l.kind === 'vto-decision');
    expect(toRaad).toMatchObject({
      to: [{ role: 'organisation', id: PARTNERS.raadId }],
      facts: {
        caseNumber: input.caseNumber,
        municipalityCode: '0957',
        grounds: 'ernstige-ontwikkelingsbedreiging,onvoldoende-beweging',
        trajectoryCaseNumber: input.trajectoryCaseNumber,
      },
    });
    expect(toParents).toMatchObject({
      to: [{ role: 'client', id: 'client-0001' }],
      facts: { decision: 'send' },
    });
    expect(rec.projections.at(-1)).toMatchObject({
      status: 'raad-investigates',
      decision: 'send',
      investigationStarted: true,
      closedAt: expect.any(String),
    });
  });

  it('decision late: the coordinator is reminded before and told after its due date; the Raad reminded, then the coordinator told; the Raad declines', async () => {
    const rec = await withWorker(async ({ start, rec: sent }) => {
      const handle = await start();
      await informAndPlace(handle);
      let s = await state(handle);
      const decisionDue = new Date(s.pendingDeadlines[1]!.at);
      expect(amsterdamDate(decisionDue)).toBe(addWorkingDays(s.agenda!.decisionDueOn, 1));
      await advanceTo(handle, new Date(decisionDue.getTime() + 60_000));
      s = await eventually(
        () => state(handle),
        (v) => v.overdue,
      );
      expect(s.status).toBe('on-agenda');
      expect(kinds(sent)).toContain('vto-decision-reminder');

      s = await command(handle, 'recordDecision', { decision: 'send', recordedBy: 'coord-anna' });
      expect(s.overdue).toBe(false);
      const raadDue = new Date(s.pendingDeadlines[1]!.at);
      expect(amsterdamDate(raadDue)).toBe(addWorkingDays(s.raad!.outcomeDueOn, 1));
      await advanceTo(handle, new Date(raadDue.getTime() + 60_000));
      s = await eventually(
        () => state(handle),
        (v) => v.overdue,
      );
      expect(s.raad!.reminded).toBe(true);

      s = await command(handle, 'recordRaadOutcome', {
        investigationStarted: false,
        decidedOn: await today(),
        recordedBy: 'coord-anna',
      });
      expect(s.status).toBe('raad-declined');
      expect((await handle.result()).status).toBe('raad-declined');
    });
    expect(kinds(rec)).toEqual([
      'vto-parents-informed',
      'vto-on-agenda',
      'vto-decision-due',
      'vto-decision-reminder',
      'vto-sent-to-raad',
      'vto-decision',
      'vto-raad-reminder',
      'vto-raad-outcome-reminder',
    ]);
    expect(rec.letters.find((l) => l.kind === 'vto-decision-reminder')?.to).toEqual([
      { role: 'coordinator', id: 'coord-anna' },
    ]);
    // The Raad is awaited: it is reminded itself; the coordinator hears when it is late.
    expect(rec.letters.find((l) => l.kind === 'vto-raad-reminder')?.to).toEqual([
      { role: 'organisation', id: PARTNERS.raadId },
    ]);
    expect(rec.letters.find((l) => l.kind === 'vto-raad-outcome-reminder')?.to).toEqual([
      { role: 'coordinator', id: 'coord-anna' },
    ]);
  });

  it('decided no: the reason is required, the parents are told it, and the VTO closes', async () => {
    const rec = await withWorker(async ({ start }) => {
      const handle = await start();
      const placed = await informAndPlace(handle);
      await advanceTo(handle, afterMeeting(placed));
      const { reasons, by } = await refusal(
        command(handle, 'recordDecision', { decision: 'not-send', recordedBy: 'lead-1' }),
      );
      expect(reasons[0]).toMatch(/^reason must be one of vrijwillig-kader-voldoende/);
      expect(by).toBe('data');
      const s = await command(handle, 'recordDecision', {
        decision: 'not-send',
        reason: 'vrijwillig-kader-voldoende',
        recordedBy: 'lead-1',
      });
      expect(s.status).toBe('not-sent');
      expect(s.pendingDeadlines).toEqual([]);
      expect((await handle.result()).decision).toMatchObject({
        decision: 'not-send',
        reason: 'vrijwillig-kader-voldoende',
      });
    });
    expect(kinds(rec)).toEqual(['vto-parents-informed', 'vto-on-agenda', 'vto-decision']);
    expect(rec.letters.find((l) => l.kind === 'vto-decision')).toMatchObject({
      to: [{ role: 'client', id: 'client-0001' }],
      facts: { decision: 'not-send', reason: 'vrijwillig-kader-voldoende' },
    });
  });

  it('held over to the next meeting, then withdrawn while on its agenda: the parents and the beschermingsplein are told', async () => {
    const rec = await withWorker(async ({ start }) => {
      const handle = await start();
      const first = await informAndPlace(handle);
      await advanceTo(handle, afterMeeting(first));
      let s = await command(handle, 'recordDecision', {
        decision: 'postpone',
        recordedBy: 'lead-1',
      });
      expect(s.status).toBe('awaiting-agenda');
      expect(s.postponements.map((p) => p.meetingDate)).toEqual([first.meetingDate]);

      const meetingDate = nextMeetingDate(
        amsterdamDate(new Date(afterMeeting(first).getTime() + 86_400_000)),
      );
      await handle.signal(placedOnAgendaSignal, {
        ...PARTNERS,
        agendaId: agendaIdOf(meetingDate),
        meetingDate,
      });
      s = await eventually(
        () => state(handle),
        (v) => v.status === 'on-agenda',
      );
      expect(s.agenda?.meetingDate).toBe(meetingDate);
      s = await command(handle, 'withdraw', {
        reason: 'ouders-werken-mee',
        recordedBy: 'coord-anna',
      });
      expect(s.status).toBe('withdrawn');
      await handle.result();
    });
    expect(kinds(rec)).toEqual([
      'vto-parents-informed',
      'vto-on-agenda',
      'vto-on-agenda',
      'vto-withdrawn',
    ]);
    expect(rec.letters.at(-1)).toMatchObject({
      to: [
        { role: 'client', id: 'client-0001' },
        { role: 'organisation', id: PARTNERS.beschermingspleinId },
      ],
      facts: { reason: 'ouders-werken-mee' },
    });
  });

  it('refuses input that is not ids and codes before anything happens', async () => {
    const rec = await withWorker(async ({ taskQueue }) => {
      const failure = await env.client.workflow
        .execute<typeof vtoWorkflow>(VTO_WORKFLOW_TYPE, {
          workflowId: `vto-bad-${randomUUID()}`,
          taskQueue,
          args: [{ ...vtoInput(), clientId: 'Sam Jansen', grounds: ['hulp-geweigerd'] }],
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(failure).toBeInstanceOf(WorkflowFailedError);
      const cause = (failure as WorkflowFailedError).cause as ApplicationFailure;
      expect(cause.type).toBe('InvalidVtoInput');
      expect(cause.message).toMatch(
        /clientId.*grounds must include ernstige-ontwikkelingsbedreiging/,
      );
    });
    expect(rec.letters).toEqual([]);
    expect(rec.projections).toEqual([]);
  });
});
