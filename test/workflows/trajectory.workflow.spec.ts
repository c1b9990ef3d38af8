import { randomUUID } from 'node:crypto';
import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { addToDate, type TrajectoryProjection } from '@cjg/domain';
import {
  advance,
  AGB_A,
  ALL_REACHED,
  command,
  CRITERIA,
  env,
  eventually,
  input,
  kinds,
  PLAN,
  refusal,
  state,
  storedText,
  stubActivities,
  testBundle,
  today,
  toMonitoring,
  useTimeSkippingServerPerTest,
  withTrajectory,
} from '../support/trajectory-harness';
import { testDataConverter } from '../support/workflow-env';
import { commandUpdates } from '@cjg/workflows/trajectory.definitions';

jest.setTimeout(Number(process.env.WORKFLOW_TEST_TIMEOUT_MS ?? 60_000));
useTimeSkippingServerPerTest();

describe('trajectoryWorkflow: intake to beschikking', () => {
  it('registers the intake, tells the coordinator by id, and walks the phases in order', async () => {
    const start = input();
    const rec = await withTrajectory(start, async (handle) => {
      let s = await eventually(
        () => state(handle),
        (v) => v.intakeLetterSent,
      );
      expect(s.phase).toBe('intake');
      expect(s.allowedCommands).toEqual([
        'agreeResults',
        'recordVerdaging',
        'closeWithAdvice',
        'rejectRequest',
        'markDrang',
        'withdraw',
        'reassignCoordinator',
      ]);
      // A new case runs by every rule set (its history has the patched() marker of each).
      expect(s.rules).toBe(1);
      s = await command(handle, 'agreeResults', { plan: PLAN });
      expect(s.phase).toBe('results-agreed');
      s = await command(handle, 'recordProviderIntake', {
        agbCode: AGB_A,
        activities: storedText(),
        expectedDurationWeeks: 26,
      });
      expect(s.phase).toBe('provider-intake');
      // 002 §3.4: no beschikking before a registered professional signed off plan deel 1.
      expect(s.allowedCommands).not.toContain('issueBeschikking');
      s = await command(handle, 'signOffPlan', { professionalId: 'gw-petra' });
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

  it('projects as a local activity that keeps the view: a command answers its revision once the read model has it', async () => {
    const start = input();
    await withTrajectory(start, async (handle, rec) => {
      await eventually(
        () => state(handle),
        (v) => v.intakeLetterSent,
      );
      const answer = await handle.executeUpdate(commandUpdates.agreeResults, {
        args: [{ plan: PLAN }],
      });
      expect(answer).toEqual({ revision: expect.any(Number), view: 'kept' });
      // The projection ran inside the command's workflow task: it is there when the answer is,
      // at that revision or a later one (a letter's completion may share the task).
      const revision = (answer as { revision: number }).revision;
      const kept = rec.projections.find((p) => p.revision >= revision) as
        (TrajectoryProjection & { view?: { phase: string; revision: number } }) | undefined;
      expect(kept?.phase).toBe('results-agreed');
      expect(kept?.view).toMatchObject({ phase: 'results-agreed', revision: kept?.revision });
      const history = await handle.fetchHistory();
      const scheduled = (history.events ?? []).flatMap(
        (e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? [],
      );
      expect(scheduled).toContain('sendLetter');
      expect(scheduled).not.toContain('projectTrajectory');
      const markers = (history.events ?? []).flatMap(
        (e) => e.markerRecordedEventAttributes?.markerName ?? [],
      );
      expect(markers).toContain('core_local_activity');
    });
  });

  it('refuses a command in the wrong phase before it enters history', async () => {
    await withTrajectory(input(), async (handle) => {
      const reasons = await refusal(
        command(handle, 'recordReview', { outcomes: [], decision: 'continue' }),
      );
      expect(reasons).toEqual(['recordReview is not possible in phase intake']);
      const history = await handle.fetchHistory();
      const updates =
        history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes) ?? [];
      expect(updates).toHaveLength(0);
    });
  });

  it('records a provider intake that asks for more as a divergence the coordinator must decide', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await command(handle, 'agreeResults', { plan: PLAN });
      let s = await command(handle, 'recordProviderIntake', {
        agbCode: AGB_A,
        activities: storedText(),
        expectedDurationWeeks: 52,
        requestedInzet: {
          productCategory: '45',
          omvang: { volume: 8, unit: '04', frequency: '2' },
        },
      });
      await command(handle, 'signOffPlan', { professionalId: 'gw-petra' });
      expect(s.providerIntakes[0]?.divergence).toEqual({
        status: 'pending',
        reasons: ['more omvang'],
      });
      expect(s.allowedCommands).not.toContain('issueBeschikking');
      const beschikking = {
        number: 'B-DIV-1',
        kind: 'zin' as const,
        startDate: await today(),
        endDate: addToDate(await today(), 6),
        toewijzingen: [
          {
            agbCode: AGB_A,
            toewijzingnummer: 'T1',
            productCategory: '45' as const,
            omvang: { volume: 8, unit: '04' as const, frequency: '2' as const },
          },
        ],
      };
      expect(await refusal(command(handle, 'issueBeschikking', { beschikking }))).toEqual([
        'a divergence of a provider intake is still to be accepted or refused',
      ]);
      s = await command(handle, 'decideDivergence', {
        agbCode: AGB_A,
        accept: false,
        reason: storedText(),
      });
      expect(s.providerIntakes[0]?.divergence?.status).toBe('refused');
      // Refused: the provider cannot raise the omvang (002 §6 item 14).
      expect((await refusal(command(handle, 'issueBeschikking', { beschikking })))[0]).toMatch(
        /grants more or other care/,
      );
      const withinPlan = {
        ...beschikking,
        toewijzingen: [{ ...beschikking.toewijzingen[0]!, omvang: PLAN.inzet.omvang }],
      };
      s = await command(handle, 'issueBeschikking', { beschikking: withinPlan });
      expect(s.phase).toBe('beschikking');
    });
    expect(kinds(rec)).toContain('divergence-alert');
    expect(rec.familyReports).toEqual([expect.objectContaining({ activeAgbCodes: [AGB_A] })]);
  });

  it('warns at 6 weeks and marks the Awb decision overdue at 8, until a verdaging moves the date', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await advance(handle, '43 days');
      let s = await eventually(
        () => state(handle),
        (v) => v.awb.warned,
      );
      expect(s.awb.overdue).toBe(false);
      await advance(handle, '14 days');
      s = await eventually(
        () => state(handle),
        (v) => v.awb.overdue,
      );
      expect(s.overdue).toBe(true);
      s = await command(handle, 'recordVerdaging', {
        newDueDate: addToDate(await today(), 0, 28),
        reason: storedText(),
      });
      expect(s.awb.overdue).toBe(false);
      expect(s.awb.verdagingen).toHaveLength(1);
      await advance(handle, '30 days');
      s = await eventually(
        () => state(handle),
        (v) => v.awb.overdue,
      );
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
      expect(s.coordination).toMatchObject({
        coordinate: true,
        proposed: true,
        reviewInterval: 'P6M',
      });
      const firstDue = s.monitoring.nextReviewDue!;
      // On time: reminder, then the review before the due date.
      await advance(handle, '170 days');
      s = await eventually(
        () => state(handle),
        (v) => v.monitoring.reminded,
      );
      expect(s.monitoring.overdue).toBe(false);
      s = await command(handle, 'recordReview', { outcomes: ALL_REACHED, decision: 'continue' });
      expect(s.reviews[0]?.wasOverdue).toBe(false);
      expect(s.monitoring.nextReviewDue! > firstDue).toBe(true);
      // Late: no review by the due date escalates and marks the case overdue.
      await advance(handle, '200 days');
      s = await eventually(
        () => state(handle),
        (v) => v.monitoring.overdue,
      );
      expect(s.overdue).toBe(true);
      s = await command(handle, 'recordReview', { outcomes: ALL_REACHED, decision: 'afschalen' });
      expect(s.reviews[1]?.wasOverdue).toBe(true);
      expect(s.overdue).toBe(false);
    });
    // Each review's outcome goes to the family and provider in writing (rules of 2026-12).
    expect(kinds(rec).filter((k) => k.startsWith('review'))).toEqual([
      'review-reminder',
      'review-outcome',
      'review-reminder',
      'review-overdue',
      'review-outcome',
    ]);
    expect(kinds(rec)).toContain('coordination-decision');
  });

  it('refuses a per-case review interval longer than half a year', async () => {
    await withTrajectory(input(), async (handle) => {
      await command(handle, 'agreeResults', { plan: PLAN });
      await command(handle, 'recordProviderIntake', {
        agbCode: AGB_A,
        activities: storedText(),
        expectedDurationWeeks: 10,
      });
      await command(handle, 'signOffPlan', { professionalId: 'gw-petra' });
      await command(handle, 'issueBeschikking', {
        beschikking: {
          number: 'B-PGB-1',
          kind: 'pgb',
          startDate: await today(),
          endDate: addToDate(await today(), 12),
          budgetEuro: 4800,
        },
      });
      const reasons = await refusal(
        command(handle, 'decideCoordination', {
          coordinate: true,
          criteria: CRITERIA,
          reviewInterval: 'P7M',
        }),
      );
      expect(reasons[0]).toMatch(/reviewInterval may not be longer than P6M/);
      const s = await command(handle, 'decideCoordination', {
        coordinate: true,
        criteria: CRITERIA,
        reviewInterval: 'P3M',
      });
      expect(s.coordination?.reviewInterval).toBe('P3M');
    });
  });

  it('uncoordinated: no reviews are scheduled, providers still report evaluations', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: false });
      let s = await state(handle);
      expect(s.monitoring.nextReviewDue).toBeUndefined();
      expect(s.allowedCommands).not.toContain('recordReview');
      s = await command(handle, 'reportEvaluation', {
        agbCode: AGB_A,
        kind: 'interim',
        outcomes: ALL_REACHED,
      });
      expect(s.evaluations).toHaveLength(1);
      await advance(handle, '200 days');
      s = await state(handle);
      expect(s.overdue).toBe(false);
    });
    expect(kinds(rec).filter((k) => k.startsWith('review'))).toEqual([]);
  });

  it('3-month check: asks the client, alerts the coordinator when the care does not fit', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: false });
      await advance(handle, '93 days');
      let s = await eventually(
        () => state(handle),
        (v) => v.threeMonthCheck.status === 'sent',
      );
      expect(s.questionnaires.midway.status).toBe('sent');
      s = await command(handle, 'answerThreeMonthCheck', { fitting: false });
      expect(s.threeMonthCheck.status).toBe('not-fitting');
      s = await command(handle, 'answerQuestionnaire', { moment: 'midway', rating: 4 });
      expect(s.questionnaires.midway).toMatchObject({ status: 'answered', rating: 4 });
    });
    expect(kinds(rec)).toEqual(
      expect.arrayContaining(['three-month-check', 'questionnaire', 'not-fitting-alert']),
    );
  });

  it('3-month check: records non-response when nobody answers in time', async () => {
    await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: false });
      await advance(handle, '93 days');
      await eventually(
        () => state(handle),
        (v) => v.threeMonthCheck.status === 'sent',
      );
      await advance(handle, '29 days');
      const s = await eventually(
        () => state(handle),
        (v) => v.threeMonthCheck.status === 'no-response',
      );
      expect(s.questionnaires.midway.status).toBe('no-response');
      expect(await refusal(command(handle, 'answerThreeMonthCheck', { fitting: true }))).toEqual([
        'the 3-month check is not awaiting an answer',
      ]);
    });
  });

  it('3-month check answered as fitting raises no alert', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: false });
      await advance(handle, '93 days');
      await eventually(
        () => state(handle),
        (v) => v.threeMonthCheck.status === 'sent',
      );
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
      await advance(handle, '63 days');
      let s = await eventually(
        () => state(handle),
        (v) => v.phase === 'end-evaluation',
      );
      expect(s.endEvaluation?.trigger).toBe('end-date');
      await advance(handle, '15 days');
      s = await eventually(
        () => state(handle),
        (v) => (v.endEvaluation?.remindersSent ?? 0) >= 1,
      );
      expect(s.overdue).toBe(true);
      await command(handle, 'reportEvaluation', {
        agbCode: AGB_A,
        kind: 'end',
        outcomes: ALL_REACHED,
      });
      s = await command(handle, 'recordEndEvaluation', { goals: ALL_REACHED, decision: 'close' });
      expect(s.questionnaires.end.status).toBe('sent');
      s = await command(handle, 'answerQuestionnaire', { moment: 'end', rating: 5 });
      expect(s.phase).toBe('closed');
      const result = await handle.result();
      expect(result.phase).toBe('closed');
    });
    expect(kinds(rec)).toEqual(
      expect.arrayContaining([
        'evaluation-request',
        'evaluation-reminder',
        'questionnaire',
        'trajectory-ended',
      ]),
    );
    expect(rec.familyReports.at(-1)?.activeAgbCodes).toEqual([]);
  });

  it('a provider stop zorg starts the end evaluation; no closing answer is recorded as non-response', async () => {
    await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: true });
      await command(handle, 'startZorg', { agbCode: AGB_A, date: await today() });
      const s = await command(handle, 'stopZorg', {
        agbCode: AGB_A,
        date: await today(),
        reason: '02',
      });
      expect(s.phase).toBe('end-evaluation');
      expect(s.endEvaluation?.trigger).toBe('stop-zorg');
      await command(handle, 'recordEndEvaluation', {
        goals: ALL_REACHED,
        decision: 'vervolgtraject',
        followUpCaseNumber: 'CJG-2026-VERVOLG',
      });
      await advance(handle, '29 days');
      const result = await handle.result();
      expect(result.phase).toBe('closed');
      expect(result.questionnaires.end.status).toBe('no-response');
      expect(result.endEvaluation?.followUpCaseNumber).toBe('CJG-2026-VERVOLG');
    });
  });

  it('a verlenging at the end evaluation starts a new beschikking period and goes on monitoring', async () => {
    await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: true });
      await command(handle, 'requestEndEvaluation', { reason: storedText() });
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
      await advance(handle, '30 days');
      const reason = storedText();
      await command(handle, 'withdraw', { reason });
      const result = await handle.result();
      expect(result.phase).toBe('withdrawn');
      expect(result.withdrawal?.reason).toEqual(reason);
      expect(result.pendingDeadlines).toEqual([]);
    });
    expect(kinds(rec).at(-1)).toBe('trajectory-ended');
  });
});

describe('trajectoryWorkflow: re-assessment, long life and failures', () => {
  it('a policy re-assessment answered "not needed" stops the follow-up and tells client and providers', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: true });
      let s = await command(handle, 'requestReassessment', {
        batchId: 'apr-2026',
        decideBy: addToDate(await today(), 0, 14),
      });
      expect(s.reassessment?.status).toBe('pending');
      s = await command(handle, 'answerReassessment', { followUpNeeded: false });
      expect(s.coordination?.coordinate).toBe(false);
      expect(s.monitoring.nextReviewDue).toBeUndefined();
    });
    const outcome = rec.letters.find((l) => l.kind === 'reassessment-outcome');
    expect(outcome?.facts).toMatchObject({ followUpNeeded: false, answered: true });
    expect(outcome?.to).toEqual([
      { role: 'client', id: 'client-0001' },
      { role: 'provider', agbCode: AGB_A },
    ]);
  });

  it('a re-assessment without an answer by its date is recorded as such', async () => {
    await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: true });
      await command(handle, 'requestReassessment', {
        batchId: 'apr-2026',
        decideBy: addToDate(await today(), 0, 7),
      });
      await advance(handle, '9 days');
      const s = await eventually(
        () => state(handle),
        (v) => v.reassessment?.status === 'no-answer',
      );
      expect(s.coordination?.coordinate).toBe(true);
    });
  });

  it('keeps retrying a letter while the mail server is down; deadlines still fire meanwhile', async () => {
    const rec = await withTrajectory(
      input(),
      async (handle) => {
        await advance(handle, '43 days');
        const s = await eventually(
          () => state(handle),
          (v) => v.awb.warned && v.intakeLetterSent,
        );
        expect(s.awb.warned).toBe(true);
      },
      { failingLetters: 4 },
    );
    expect(rec.letterFailures).toBe(4);
    expect(kinds(rec)).toEqual(expect.arrayContaining(['intake-registered', 'awb-warning']));
  });

  it('records a letter the mail server refuses on the case and tells the coordinator, once', async () => {
    const rec = await withTrajectory(
      input(),
      async (handle, rec) => {
        await command(handle, 'agreeResults', { plan: PLAN });
        const s = await eventually(
          () => state(handle),
          (v) => (v.deliveryProblems ?? []).length > 0,
        );
        expect(s.deliveryProblems).toEqual([
          {
            letter: 'plan-deel-1',
            sequence: 2,
            recipient: 'client:client-0001',
            reason: 'refused',
            at: expect.any(String),
          },
        ]);
        await eventually(
          async () => kinds(rec),
          (k) => k.includes('delivery-failed'),
        );
      },
      {
        refuse: (request) =>
          request.kind === 'plan-deel-1'
            ? [{ recipient: { role: 'client', id: 'client-0001' }, reason: 'refused' }]
            : [],
      },
    );
    const notices = rec.letters.filter((l) => l.kind === 'delivery-failed');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      to: [{ role: 'coordinator', id: 'coord-anna' }],
      facts: { letter: 'plan-deel-1', recipientRole: 'client', reason: 'refused' },
    });
    // The refused letter itself is not sent again.
    expect(kinds(rec).filter((k) => k === 'plan-deel-1')).toHaveLength(1);
  });

  it('refuses malformed input without touching the world', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const { activities, rec } = stubActivities();
    const bad = { ...input(), municipalityCode: '957', coordinatorId: 'anna@cjg.example' };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      dataConverter: testDataConverter,
      taskQueue,
      workflowBundle: testBundle(),
      activities,
    });
    const failure = await worker.runUntil(
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
    const cause = (failure as WorkflowFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe('InvalidTrajectoryInput');
    expect(cause.message).toMatch(/municipalityCode.*coordinatorId/);
    expect(rec.projections).toHaveLength(0);
    expect(rec.letters).toHaveLength(0);
  });
});
