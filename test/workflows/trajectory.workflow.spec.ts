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
  addToDate,
  amsterdamDate,
  DEFAULT_POLICY,
  trajectoryWorkflowId,
  type LetterKind,
  type TrajectoryInput,
  type TrajectoryPolicy,
  type TrajectoryProjection,
} from '@cjg/domain';
import type { LetterRequest, TrajectoryActivities } from '@cjg/activities';
import {
  commandUpdates,
  trajectoryStateQuery,
  type CommandArgs,
} from '@cjg/workflows/trajectory.definitions';
import type { CommandType } from '@cjg/domain';
import { createTimeSkippingEnv, testWorkflowBundle } from '../support/workflow-env';

jest.setTimeout(Number(process.env.WORKFLOW_TEST_TIMEOUT_MS ?? 60_000));

let env: TestWorkflowEnvironment;
let bundle: { codePath: string };

// A test server of its own per test: on a shared one, time stopped skipping for every test
// after the first that ran updates (seen with temporal-test-server 1.38.0).
beforeEach(async () => {
  bundle = testWorkflowBundle();
  env = await createTimeSkippingEnv();
});

afterEach(async () => {
  await env?.teardown();
});

const AGB_A = '12345678';
const PLAN = {
  results: [
    { id: 'school', description: 'Sam gaat weer naar school', measure: 'aanwezigheid 4 van 5 dagen' },
    { id: 'rust', description: 'Rust in huis', measure: 'ouders geven 7 of hoger' },
  ],
  inzet: { productCategory: '45' as const, omvang: { volume: 4, unit: '04' as const, frequency: '2' as const } },
};
const CRITERIA = {
  typeOfCare: 'ambulant' as const,
  numberOfProducts: 1,
  complexity: 'high' as const,
  helpQuestion: 'clear' as const,
  selfReliance: 'medium' as const,
};
const ALL_REACHED = [
  { resultId: 'school', outcome: 'reached' as const },
  { resultId: 'rust', outcome: 'partly' as const },
];

interface Recorded {
  letters: LetterRequest[];
  projections: TrajectoryProjection[];
  familyReports: Array<{ familyId: string; activeAgbCodes: string[] }>;
  letterFailures: number;
}

function stubActivities(options: { failingLetters?: number } = {}): { activities: TrajectoryActivities; rec: Recorded } {
  const rec: Recorded = { letters: [], projections: [], familyReports: [], letterFailures: 0 };
  const activities: TrajectoryActivities = {
    async projectTrajectory(p) {
      rec.projections.push(p);
    },
    async sendLetter(request) {
      if (rec.letterFailures < (options.failingLetters ?? 0)) {
        rec.letterFailures += 1;
        throw new Error('connect ECONNREFUSED 127.0.0.1:1025');
      }
      rec.letters.push(request);
      return { sent: request.to.length, alreadySent: 0, undeliverable: 0 };
    },
    async reportFamilyCare(report) {
      rec.familyReports.push(report);
    },
  };
  return { activities, rec };
}

const kinds = (rec: Recorded): LetterKind[] => rec.letters.map((l) => l.kind);

function input(policy?: Partial<TrajectoryPolicy>): TrajectoryInput {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  return {
    caseNumber: `CJG-2026-${suffix}`,
    municipalityCode: '0957',
    coordinatorId: 'coord-anna',
    clientId: 'client-0001',
    familyId: `fam-${suffix.toLowerCase()}`,
    policy: { ...DEFAULT_POLICY, ...policy },
  };
}

/** Runs `body` with a worker on a fresh task queue and a started trajectory. */
async function withTrajectory(
  start: TrajectoryInput,
  body: (handle: WorkflowHandle, rec: Recorded) => Promise<void>,
  options: { failingLetters?: number } = {},
): Promise<Recorded> {
  const taskQueue = `tq-${randomUUID()}`;
  const { activities, rec } = stubActivities(options);
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start('trajectoryWorkflow', {
      workflowId: trajectoryWorkflowId(start.caseNumber),
      taskQueue,
      args: [start],
    });
    try {
      await body(handle, rec);
    } finally {
      // A workflow left open with no worker would hold the test server's clock still for the
      // tests after it (time skips only when nothing is outstanding).
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') await handle.terminate('test finished');
    }
  });
  return rec;
}

function command<T extends CommandType>(handle: WorkflowHandle, type: T, args: CommandArgs<T>) {
  return handle.executeUpdate(commandUpdates[type], { args: [args] });
}

const state = (handle: WorkflowHandle) => handle.query(trajectoryStateQuery);

/** Today in the test server's (skipped) time, as an Amsterdam calendar date. */
async function today(): Promise<string> {
  return amsterdamDate(new Date(await env.currentTimeMs()));
}

async function toMonitoring(
  handle: WorkflowHandle,
  options: { coordinate: boolean; reviewInterval?: string; endDate?: string; providers?: string[] },
): Promise<void> {
  const providers = options.providers ?? [AGB_A];
  await command(handle, 'agreeResults', { plan: PLAN });
  for (const agbCode of providers) {
    await command(handle, 'recordProviderIntake', { agbCode, activities: ['gezinsbegeleiding'], expectedDurationWeeks: 26 });
  }
  const start = await today();
  await command(handle, 'issueBeschikking', {
    beschikking: {
      number: `B-${randomUUID().slice(0, 6).toUpperCase()}`,
      kind: 'zin',
      startDate: start,
      endDate: options.endDate ?? addToDate(start, 12),
      toewijzingen: providers.map((agbCode, i) => ({
        agbCode,
        toewijzingnummer: `T${i + 1}`,
        productCategory: '45' as const,
        omvang: { volume: 4, unit: '04' as const, frequency: '2' as const },
      })),
    },
  });
  await command(handle, 'decideCoordination', {
    coordinate: options.coordinate,
    criteria: CRITERIA,
    ...(options.reviewInterval ? { reviewInterval: options.reviewInterval } : {}),
  });
}

async function refusal(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect(cause.type).toBe('CommandRefused');
  return (cause.details?.[0] as string[]) ?? [];
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached');
}

describe('trajectoryWorkflow: intake to beschikking', () => {
  it('registers the intake, tells the coordinator by id, and walks the phases in order', async () => {
    const start = input();
    const rec = await withTrajectory(start, async (handle) => {
      let s = await eventually(() => state(handle), (v) => v.intakeLetterSent);
      expect(s.phase).toBe('intake');
      expect(s.allowedCommands).toEqual(['agreeResults', 'recordVerdaging', 'withdraw']);
      s = await command(handle, 'agreeResults', { plan: PLAN });
      expect(s.phase).toBe('results-agreed');
      s = await command(handle, 'recordProviderIntake', { agbCode: AGB_A, activities: ['gezinsbegeleiding'], expectedDurationWeeks: 26 });
      expect(s.phase).toBe('provider-intake');
      expect(s.allowedCommands).toContain('issueBeschikking');
    });
    expect(rec.letters[0]).toEqual({
      workflowId: `trajectory-${start.caseNumber}`,
      sequence: 1,
      kind: 'intake-registered',
      to: [{ role: 'coordinator', id: 'coord-anna' }],
      facts: { caseNumber: start.caseNumber, municipalityCode: '0957' },
    });
    expect(kinds(rec)).toEqual(['intake-registered', 'plan-deel-1']);
    // Projections carry the revision, so the read model keeps the newest.
    const revisions = rec.projections.map((p) => p.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  });

  it('refuses a command in the wrong phase before it enters history', async () => {
    await withTrajectory(input(), async (handle) => {
      const reasons = await refusal(command(handle, 'recordReview', { outcomes: [], decision: 'continue' }));
      expect(reasons).toEqual(['recordReview is not possible in phase intake']);
      const history = await handle.fetchHistory();
      const updates = history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes) ?? [];
      expect(updates).toHaveLength(0);
    });
  });

  it('records a provider intake that asks for more as a divergence the coordinator must decide', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await command(handle, 'agreeResults', { plan: PLAN });
      let s = await command(handle, 'recordProviderIntake', {
        agbCode: AGB_A,
        activities: ['intensieve gezinsbehandeling'],
        expectedDurationWeeks: 52,
        requestedInzet: { productCategory: '45', omvang: { volume: 8, unit: '04', frequency: '2' } },
      });
      expect(s.providerIntakes[0]?.divergence).toEqual({ status: 'pending', reasons: ['more omvang'] });
      expect(s.allowedCommands).not.toContain('issueBeschikking');
      const beschikking = {
        number: 'B-DIV-1',
        kind: 'zin' as const,
        startDate: await today(),
        endDate: addToDate(await today(), 6),
        toewijzingen: [{ agbCode: AGB_A, toewijzingnummer: 'T1', productCategory: '45' as const, omvang: { volume: 8, unit: '04' as const, frequency: '2' as const } }],
      };
      expect(await refusal(command(handle, 'issueBeschikking', { beschikking }))).toEqual([
        'a divergence of a provider intake is still to be accepted or refused',
      ]);
      s = await command(handle, 'decideDivergence', { agbCode: AGB_A, accept: false, reason: 'plan deel 1 volstaat' });
      expect(s.providerIntakes[0]?.divergence?.status).toBe('refused');
      // Refused: the provider cannot raise the omvang (002 §6 item 14).
      expect((await refusal(command(handle, 'issueBeschikking', { beschikking })))[0]).toMatch(/grants more or other care/);
      const withinPlan = { ...beschikking, toewijzingen: [{ ...beschikking.toewijzingen[0]!, omvang: PLAN.inzet.omvang }] };
      s = await command(handle, 'issueBeschikking', { beschikking: withinPlan });
      expect(s.phase).toBe('beschikking');
    });
    expect(kinds(rec)).toContain('divergence-alert');
    expect(rec.familyReports).toEqual([expect.objectContaining({ activeAgbCodes: [AGB_A] })]);
  });

  it('warns at 6 weeks and marks the Awb decision overdue at 8, until a verdaging moves the date', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await env.sleep('43 days');
      let s = await eventually(() => state(handle), (v) => v.awb.warned);
      expect(s.awb.overdue).toBe(false);
      await env.sleep('14 days');
      s = await eventually(() => state(handle), (v) => v.awb.overdue);
      expect(s.overdue).toBe(true);
      s = await command(handle, 'recordVerdaging', { newDueDate: addToDate(await today(), 0, 28), reason: 'advies jeugdarts nodig' });
      expect(s.awb.overdue).toBe(false);
      expect(s.awb.verdagingen).toHaveLength(1);
      await env.sleep('30 days');
      s = await eventually(() => state(handle), (v) => v.awb.overdue);
      expect(s.awb.overdue).toBe(true);
    });
    expect(kinds(rec)).toEqual(['intake-registered', 'awb-warning', 'awb-overdue', 'awb-overdue']);
  });
});

describe('trajectoryWorkflow: monitoring', () => {
  it('coordinated: reminds 2 weeks before a review, escalates when overdue, and reschedules half-yearly', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: true, endDate: addToDate(await today(), 24) });
      let s = await state(handle);
      expect(s.phase).toBe('monitoring');
      expect(s.coordination).toMatchObject({ coordinate: true, proposed: true, reviewInterval: 'P6M' });
      const firstDue = s.monitoring.nextReviewDue!;
      // On time: reminder, then the review before the due date.
      await env.sleep('170 days');
      s = await eventually(() => state(handle), (v) => v.monitoring.reminded);
      expect(s.monitoring.overdue).toBe(false);
      s = await command(handle, 'recordReview', { outcomes: ALL_REACHED, decision: 'continue' });
      expect(s.reviews[0]?.wasOverdue).toBe(false);
      expect(s.monitoring.nextReviewDue! > firstDue).toBe(true);
      // Late: no review by the due date escalates and marks the case overdue.
      await env.sleep('200 days');
      s = await eventually(() => state(handle), (v) => v.monitoring.overdue);
      expect(s.overdue).toBe(true);
      s = await command(handle, 'recordReview', { outcomes: ALL_REACHED, decision: 'afschalen' });
      expect(s.reviews[1]?.wasOverdue).toBe(true);
      expect(s.overdue).toBe(false);
    });
    expect(kinds(rec).filter((k) => k.startsWith('review'))).toEqual(['review-reminder', 'review-reminder', 'review-overdue']);
    expect(kinds(rec)).toContain('coordination-decision');
  });

  it('refuses a per-case review interval longer than half a year', async () => {
    await withTrajectory(input(), async (handle) => {
      await command(handle, 'agreeResults', { plan: PLAN });
      await command(handle, 'recordProviderIntake', { agbCode: AGB_A, activities: ['x'], expectedDurationWeeks: 10 });
      await command(handle, 'issueBeschikking', {
        beschikking: { number: 'B-PGB-1', kind: 'pgb', startDate: await today(), endDate: addToDate(await today(), 12), budgetEuro: 4800 },
      });
      const reasons = await refusal(command(handle, 'decideCoordination', { coordinate: true, criteria: CRITERIA, reviewInterval: 'P7M' }));
      expect(reasons[0]).toMatch(/reviewInterval may not be longer than P6M/);
      const s = await command(handle, 'decideCoordination', { coordinate: true, criteria: CRITERIA, reviewInterval: 'P3M' });
      expect(s.coordination?.reviewInterval).toBe('P3M');
    });
  });

  it('uncoordinated: no reviews are scheduled, providers still report evaluations', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: false });
      let s = await state(handle);
      expect(s.monitoring.nextReviewDue).toBeUndefined();
      expect(s.allowedCommands).not.toContain('recordReview');
      s = await command(handle, 'reportEvaluation', { agbCode: AGB_A, kind: 'interim', outcomes: ALL_REACHED });
      expect(s.evaluations).toHaveLength(1);
      await env.sleep('200 days');
      s = await state(handle);
      expect(s.overdue).toBe(false);
    });
    expect(kinds(rec).filter((k) => k.startsWith('review'))).toEqual([]);
  });

  it('3-month check: asks the client, alerts the coordinator when the care does not fit', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: false });
      await env.sleep('93 days');
      let s = await eventually(() => state(handle), (v) => v.threeMonthCheck.status === 'sent');
      expect(s.questionnaires.midway.status).toBe('sent');
      s = await command(handle, 'answerThreeMonthCheck', { fitting: false });
      expect(s.threeMonthCheck.status).toBe('not-fitting');
      s = await command(handle, 'answerQuestionnaire', { moment: 'midway', rating: 4 });
      expect(s.questionnaires.midway).toMatchObject({ status: 'answered', rating: 4 });
    });
    expect(kinds(rec)).toEqual(expect.arrayContaining(['three-month-check', 'questionnaire', 'not-fitting-alert']));
  });

  it('3-month check: records non-response when nobody answers in time', async () => {
    await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: false });
      await env.sleep('93 days');
      await eventually(() => state(handle), (v) => v.threeMonthCheck.status === 'sent');
      await env.sleep('29 days');
      const s = await eventually(() => state(handle), (v) => v.threeMonthCheck.status === 'no-response');
      expect(s.questionnaires.midway.status).toBe('no-response');
      expect(await refusal(command(handle, 'answerThreeMonthCheck', { fitting: true }))).toEqual([
        'the 3-month check is not awaiting an answer',
      ]);
    });
  });

  it('3-month check answered as fitting raises no alert', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: false });
      await env.sleep('93 days');
      await eventually(() => state(handle), (v) => v.threeMonthCheck.status === 'sent');
      const s = await command(handle, 'answerThreeMonthCheck', { fitting: true });
      expect(s.threeMonthCheck.status).toBe('fitting');
    });
    expect(kinds(rec)).not.toContain('not-fitting-alert');
  });
});

describe('trajectoryWorkflow: the end', () => {
  it('at the beschikking end date requires the end evaluation, reminds, then closes after the questionnaire', async () => {
    const start = input();
    const rec = await withTrajectory(start, async (handle) => {
      await toMonitoring(handle, { coordinate: false, endDate: addToDate(await today(), 2) });
      await env.sleep('63 days');
      let s = await eventually(() => state(handle), (v) => v.phase === 'end-evaluation');
      expect(s.endEvaluation?.trigger).toBe('end-date');
      await env.sleep('15 days');
      s = await eventually(() => state(handle), (v) => (v.endEvaluation?.remindersSent ?? 0) >= 1);
      expect(s.overdue).toBe(true);
      await command(handle, 'reportEvaluation', { agbCode: AGB_A, kind: 'end', outcomes: ALL_REACHED });
      s = await command(handle, 'recordEndEvaluation', { goals: ALL_REACHED, decision: 'close' });
      expect(s.questionnaires.end.status).toBe('sent');
      s = await command(handle, 'answerQuestionnaire', { moment: 'end', rating: 5 });
      expect(s.phase).toBe('closed');
      const result = await handle.result();
      expect(result.phase).toBe('closed');
    });
    expect(kinds(rec)).toEqual(
      expect.arrayContaining(['evaluation-request', 'evaluation-reminder', 'questionnaire', 'trajectory-ended']),
    );
    expect(rec.familyReports.at(-1)?.activeAgbCodes).toEqual([]);
  });

  it('a provider stop zorg starts the end evaluation; no closing answer is recorded as non-response', async () => {
    await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: true });
      await command(handle, 'startZorg', { agbCode: AGB_A, date: await today() });
      let s = await command(handle, 'stopZorg', { agbCode: AGB_A, date: await today(), reason: '02' });
      expect(s.phase).toBe('end-evaluation');
      expect(s.endEvaluation?.trigger).toBe('stop-zorg');
      s = await command(handle, 'recordEndEvaluation', { goals: ALL_REACHED, decision: 'vervolgtraject', followUpCaseNumber: 'CJG-2026-VERVOLG' });
      await env.sleep('29 days');
      const result = await handle.result();
      expect(result.phase).toBe('closed');
      expect(result.questionnaires.end.status).toBe('no-response');
      expect(result.endEvaluation?.followUpCaseNumber).toBe('CJG-2026-VERVOLG');
    });
  });

  it('a verlenging at the end evaluation starts a new beschikking period and goes on monitoring', async () => {
    await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: true });
      await command(handle, 'requestEndEvaluation', { reason: 'einddatum nadert' });
      const current = (await state(handle)).beschikking!;
      const s = await command(handle, 'recordEndEvaluation', {
        goals: ALL_REACHED,
        decision: 'verlenging',
        verlenging: { number: 'B-VERL-1', endDate: addToDate(current.endDate, 6) },
      });
      expect(s.phase).toBe('monitoring');
      expect(s.beschikking?.number).toBe('B-VERL-1');
      expect(s.previousBeschikkingen.map((b) => b.number)).toEqual([current.number]);
      expect(s.monitoring.nextReviewDue).toBeDefined();
    });
  });

  it('withdrawal during a wait ends the trajectory with its reason', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: true });
      await env.sleep('30 days');
      await command(handle, 'withdraw', { reason: 'gezin verhuisd' });
      const result = await handle.result();
      expect(result.phase).toBe('withdrawn');
      expect(result.withdrawal?.reason).toBe('gezin verhuisd');
      expect(result.pendingDeadlines).toEqual([]);
    });
    expect(kinds(rec).at(-1)).toBe('trajectory-ended');
  });
});

describe('trajectoryWorkflow: re-assessment, long life and failures', () => {
  it('a policy re-assessment answered "not needed" stops the follow-up and tells client and providers', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: true });
      let s = await command(handle, 'requestReassessment', { batchId: 'apr-2026', decideBy: addToDate(await today(), 0, 14) });
      expect(s.reassessment?.status).toBe('pending');
      s = await command(handle, 'answerReassessment', { followUpNeeded: false });
      expect(s.coordination?.coordinate).toBe(false);
      expect(s.monitoring.nextReviewDue).toBeUndefined();
    });
    const outcome = rec.letters.find((l) => l.kind === 'reassessment-outcome');
    expect(outcome?.facts).toMatchObject({ followUpNeeded: false, answered: true });
    expect(outcome?.to).toEqual([{ role: 'client', id: 'client-0001' }, { role: 'provider', agbCode: AGB_A }]);
  });

  it('a re-assessment without an answer by its date is recorded as such', async () => {
    await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: true });
      await command(handle, 'requestReassessment', { batchId: 'apr-2026', decideBy: addToDate(await today(), 0, 7) });
      await env.sleep('9 days');
      const s = await eventually(() => state(handle), (v) => v.reassessment?.status === 'no-answer');
      expect(s.coordination?.coordinate).toBe(true);
    });
  });

  it('continues as new with its state and deadlines, and keeps every run under the bound', async () => {
    const start = input({ maxHistoryEvents: 200 });
    await withTrajectory(start, async (handle) => {
      await toMonitoring(handle, { coordinate: true, reviewInterval: 'P1M', endDate: addToDate(await today(), 60) });
      const firstRun = (await handle.describe()).runId;
      for (let i = 0; i < 14; i += 1) {
        await env.sleep('25 days');
        await eventually(() => state(handle), (v) => v.monitoring.reminded);
        await command(handle, 'recordReview', { outcomes: ALL_REACHED, decision: 'continue' });
      }
      const s = await state(handle);
      expect(s.reviews).toHaveLength(14);
      expect(s.monitoring.nextReviewDue).toBeDefined();
      const latest = env.client.workflow.getHandle(handle.workflowId);
      expect((await latest.describe()).runId).not.toBe(firstRun);
      // Every closed run stayed under the bound.
      for await (const run of env.client.workflow.list({ query: `WorkflowId = "${handle.workflowId}"` })) {
        if (run.status.name !== 'CONTINUED_AS_NEW') continue;
        expect(run.historyLength).toBeLessThanOrEqual(200 + 40);
      }
    });
  });

  it('keeps retrying a letter while the mail server is down; deadlines still fire meanwhile', async () => {
    const rec = await withTrajectory(
      input(),
      async (handle) => {
        await env.sleep('43 days');
        const s = await eventually(() => state(handle), (v) => v.awb.warned && v.intakeLetterSent);
        expect(s.awb.warned).toBe(true);
      },
      { failingLetters: 4 },
    );
    expect(rec.letterFailures).toBe(4);
    expect(kinds(rec)).toEqual(expect.arrayContaining(['intake-registered', 'awb-warning']));
  });

  it('refuses malformed input without touching the world', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const { activities, rec } = stubActivities();
    const bad = { ...input(), municipalityCode: '957', coordinatorId: 'anna@cjg.example' };
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
    const failure = await worker.runUntil(
      env.client.workflow
        .execute('trajectoryWorkflow', { workflowId: `trajectory-${bad.caseNumber}`, taskQueue, args: [bad] })
        .then(
          () => undefined,
          (error: unknown) => error,
        ),
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe('InvalidTrajectoryInput');
    expect(cause.message).toMatch(/municipalityCode.*coordinatorId/);
    expect(rec.projections).toHaveLength(0);
    expect(rec.letters).toHaveLength(0);
  });
});
