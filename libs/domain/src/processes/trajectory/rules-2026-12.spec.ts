/**
 * The rules of 2026-12 (rules.ts, issue 17): the intake's other two ends, no silent waits, the
 * 3-month check from the start of care, and the end evaluation after a withdrawal. Each rule also
 * has its "before" case: a case that started under the older rules keeps them.
 */
import { messagesOf } from '../../problems';
import { expectedLetter } from '../expected-letter';
import {
  allowedCommands,
  applyDeadline,
  commandProblems,
  commandStateProblems,
  isOverdue,
  pendingDeadlines,
  projectionOf,
  type TrajectoryState,
} from '.';
import {
  AGB_A,
  AGB_B,
  CLIENT,
  COORDINATOR,
  CRITERIA,
  JUDGED,
  PLAN,
  PROVIDER_A,
  at,
  due,
  fresh,
  issued,
  kindsDue,
  letters,
  monitored,
  run,
  text,
} from './fixtures';

const beforeTheRules = (s: TrajectoryState): TrajectoryState => {
  delete s.rules;
  return s;
};

function referred(agbCode = AGB_A): TrajectoryState {
  const s = fresh();
  run(s, { type: 'agreeResults', plan: PLAN }, at('2026-11-24'));
  run(s, { type: 'referToProvider', agbCode }, at('2026-11-24', 11));
  return s;
}

describe('the intake ends with advice or an afwijzing (item 1)', () => {
  it('closes with advice: the family gets it in writing, the coordinator learns the case ended', () => {
    const s = fresh();
    const explanation = text(7);
    const effects = run(
      s,
      { type: 'closeWithAdvice', advice: 'voorliggend-veld', explanation },
      at('2026-11-30'),
    );
    expect(effects).toEqual([
      expectedLetter('advice-given', [CLIENT], {
        caseNumber: 'CJG-2026-000123',
        municipalityCode: '0957',
        coordinatorId: 'coord-anna',
        advice: 'voorliggend-veld',
        explanationTextId: explanation.textId,
      }),
      expectedLetter('trajectory-ended', [COORDINATOR], {
        caseNumber: 'CJG-2026-000123',
        decision: 'advice',
      }),
    ]);
    expect(s.phase).toBe('closed');
    expect(s.intakeOutcome).toMatchObject({ kind: 'advice', advice: 'voorliggend-veld' });
    expect(pendingDeadlines(s)).toEqual([]);
    expect(projectionOf(s, 'wf')).toMatchObject({ phase: 'closed', withdrawn: false });
  });

  it('rejects the request: a decision to the family with its ground, motivation and date; referred providers are told', () => {
    const s = referred();
    const motivation = text(8);
    const effects = run(
      s,
      { type: 'rejectRequest', ground: 'voorliggende-voorziening', motivation },
      at('2026-11-30'),
    );
    expect(effects).toEqual([
      expectedLetter('request-rejected', [CLIENT], {
        caseNumber: 'CJG-2026-000123',
        municipalityCode: '0957',
        coordinatorId: 'coord-anna',
        ground: 'voorliggende-voorziening',
        motivationTextId: motivation.textId,
        decidedOn: '2026-11-30',
      }),
      expectedLetter('trajectory-ended', [COORDINATOR, PROVIDER_A], {
        caseNumber: 'CJG-2026-000123',
        decision: 'rejected',
      }),
    ]);
    expect(s.phase).toBe('closed');
    expect(s.providerIntakeWaits).toBeUndefined();
    expect(isOverdue(s)).toBe(false);
  });

  it('refuses an unknown advice or ground, text in place of a reference, and both once a beschikking is issued', () => {
    const s = fresh();
    expect(
      messagesOf(
        commandProblems(
          s,
          { type: 'closeWithAdvice', advice: 'cursus' as never, explanation: text(10) },
          at('2026-11-30'),
        ),
      ),
    ).toEqual([expect.stringMatching(/^advice must be one of basisondersteuning, /)]);
    expect(
      messagesOf(
        commandProblems(
          s,
          {
            type: 'rejectRequest',
            ground: 'voorliggende-voorziening',
            motivation: 'tekst' as never,
          },
          at('2026-11-30'),
        ),
      ),
    ).toEqual([expect.stringMatching(/motivation .* must be a reference to a stored text/)]);
    const granted = issued();
    expect(messagesOf(commandStateProblems(granted, 'rejectRequest'))).toEqual([
      'rejectRequest is not possible in phase beschikking',
    ]);
    expect(messagesOf(commandStateProblems(granted, 'closeWithAdvice'))).toEqual([
      'closeWithAdvice is not possible in phase beschikking',
    ]);
    // Once a provider is doing the intake, advice is no longer the intake's end; an afwijzing is.
    const s2 = referred();
    run(
      s2,
      {
        type: 'recordProviderIntake',
        agbCode: AGB_A,
        activities: text(5, 2),
        expectedDurationWeeks: 26,
      },
      at('2026-11-25'),
    );
    expect(allowedCommands(s2)).toContain('rejectRequest');
    expect(allowedCommands(s2)).not.toContain('closeWithAdvice');
  });
});

describe('no silent waits (item 4)', () => {
  it('the referral tells the provider by when its intake is due (10 working days), reminds it 2 working days before, then escalates', () => {
    const s = fresh();
    run(s, { type: 'agreeResults', plan: PLAN }, at('2026-11-24'));
    const effects = run(s, { type: 'referToProvider', agbCode: AGB_A }, at('2026-11-24', 11));
    expect(effects).toEqual([
      expectedLetter('referral', [PROVIDER_A], {
        caseNumber: 'CJG-2026-000123',
        agbCode: AGB_A,
        municipalityCode: '0957',
        coordinatorId: 'coord-anna',
        intakeBy: '2026-12-08',
      }),
    ]);
    expect(due(s, 'provider-intake-reminder')).toBe(at('2026-12-04', 8).toISOString());
    expect(letters(applyDeadline(s, 'provider-intake-reminder', at('2026-12-04', 8)))).toEqual([
      { kind: 'provider-intake-reminder', to: [PROVIDER_A] },
    ]);
    expect(isOverdue(s)).toBe(false);
    expect(due(s, 'provider-intake-overdue')).toBe(at('2026-12-08', 8).toISOString());
    expect(letters(applyDeadline(s, 'provider-intake-overdue', at('2026-12-08', 8)))).toEqual([
      { kind: 'provider-intake-overdue', to: [COORDINATOR, PROVIDER_A] },
    ]);
    expect(isOverdue(s)).toBe(true);
    expect(kindsDue(s)).not.toContain('provider-intake-overdue');
    // The intake, late, ends the wait and the escalation.
    run(
      s,
      {
        type: 'recordProviderIntake',
        agbCode: AGB_A,
        activities: text(5, 2),
        expectedDurationWeeks: 26,
      },
      at('2026-12-09'),
    );
    expect(isOverdue(s)).toBe(false);
    expect(kindsDue(s).filter((k) => k.startsWith('provider-intake'))).toEqual([]);
  });

  it('waits for each referred provider by itself', () => {
    const s = referred(AGB_A);
    run(s, { type: 'referToProvider', agbCode: AGB_B }, at('2026-11-26'));
    run(
      s,
      {
        type: 'recordProviderIntake',
        agbCode: AGB_A,
        activities: text(5, 2),
        expectedDurationWeeks: 26,
      },
      at('2026-11-27'),
    );
    expect(Object.keys(s.providerIntakeWaits ?? {})).toEqual([AGB_B]);
    expect(due(s, 'provider-intake-reminder')).toBe(at('2026-12-08', 8).toISOString());
  });

  it('the coordination decision is due two weeks after the beschikking: a reminder, then overdue; the decision ends the wait', () => {
    const s = issued();
    expect(due(s, 'coordination-decision-reminder')).toBe(at('2026-12-08').toISOString());
    expect(letters(applyDeadline(s, 'coordination-decision-reminder', at('2026-12-08')))).toEqual([
      { kind: 'coordination-decision-reminder', to: [COORDINATOR] },
    ]);
    expect(due(s, 'coordination-decision-overdue')).toBe(at('2026-12-11').toISOString());
    expect(letters(applyDeadline(s, 'coordination-decision-overdue', at('2026-12-11')))).toEqual([
      { kind: 'coordination-decision-overdue', to: [COORDINATOR] },
    ]);
    expect(isOverdue(s)).toBe(true);
    run(s, { type: 'decideCoordination', coordinate: true, criteria: CRITERIA }, at('2026-12-14'));
    expect(isOverdue(s)).toBe(false);
    expect(s.coordinationWait).toBeUndefined();
  });

  it('reminds the family halfway through the time to answer the check and the questionnaire', () => {
    const s = monitored();
    applyDeadline(s, 'three-month-check', at('2027-03-01', 8));
    expect(due(s, 'three-month-check-reminder')).toBe(at('2027-03-15', 8).toISOString());
    expect(due(s, 'midway-questionnaire-reminder')).toBe(at('2027-03-15', 8).toISOString());
    expect(applyDeadline(s, 'three-month-check-reminder', at('2027-03-15', 8))).toEqual([
      expectedLetter('three-month-check', [CLIENT], {
        caseNumber: 'CJG-2026-000123',
        reminder: true,
      }),
    ]);
    expect(applyDeadline(s, 'midway-questionnaire-reminder', at('2027-03-15', 8))).toEqual([
      expectedLetter('questionnaire', [CLIENT], {
        caseNumber: 'CJG-2026-000123',
        moment: 'midway',
        reminder: true,
      }),
    ]);
    expect(kindsDue(s)).not.toContain('three-month-check-reminder');
    // An answer after the reminder ends the wait: no notice to the coordinator follows.
    run(s, { type: 'answerThreeMonthCheck', fitting: true }, at('2027-03-16'));
    expect(kindsDue(s)).not.toContain('three-month-check-expired');
  });

  it('the end questionnaire is reminded too, and an unanswered one tells the coordinator as the case closes', () => {
    const s = monitored();
    run(s, { type: 'requestEndEvaluation', reason: text(6) }, at('2027-03-01'));
    run(
      s,
      { type: 'recordEndEvaluation', goals: [...JUDGED], decision: 'close' },
      at('2027-03-05'),
    );
    expect(due(s, 'end-questionnaire-reminder')).toBe(at('2027-03-19').toISOString());
    applyDeadline(s, 'end-questionnaire-reminder', at('2027-03-19'));
    expect(letters(applyDeadline(s, 'end-questionnaire-expired', at('2027-04-02')))).toEqual([
      { kind: 'client-no-response', to: [COORDINATOR] },
      { kind: 'trajectory-ended', to: [CLIENT, COORDINATOR, PROVIDER_A] },
    ]);
  });

  it('a case from before the rules waits as it did: no referral letter, no coordination deadline', () => {
    const s = beforeTheRules(fresh());
    run(s, { type: 'agreeResults', plan: PLAN }, at('2026-11-24'));
    expect(run(s, { type: 'referToProvider', agbCode: AGB_A }, at('2026-11-24', 11))).toEqual([]);
    run(
      s,
      {
        type: 'recordProviderIntake',
        agbCode: AGB_A,
        activities: text(5, 2),
        expectedDurationWeeks: 26,
      },
      at('2026-11-25'),
    );
    run(
      s,
      {
        type: 'issueBeschikking',
        beschikking: {
          number: 'B-2026-0001',
          kind: 'zin',
          startDate: '2026-12-01',
          endDate: '2027-11-30',
          toewijzingen: [
            {
              agbCode: AGB_A,
              toewijzingnummer: 'T1',
              productCategory: '45',
              omvang: { volume: 4, unit: '04', frequency: '2' },
            },
          ],
        },
      },
      at('2026-11-27'),
    );
    expect(kindsDue(s)).toEqual(['three-month-check', 'beschikking-end']);
    expect(s.threeMonthCheck.countsFrom).toBeUndefined();
  });
});

describe('the 3-month check counts from the start of care (item 5)', () => {
  it('from the referral (the beschikking start) until care starts, then from the first start of care', () => {
    const s = monitored();
    expect(s.threeMonthCheck).toMatchObject({ countsFrom: 'referral' });
    expect(due(s, 'three-month-check')).toBe(at('2027-03-01', 8).toISOString());
    run(s, { type: 'startZorg', agbCode: AGB_A, date: '2027-01-11' }, at('2027-01-11'));
    expect(s.threeMonthCheck).toMatchObject({ countsFrom: 'start-zorg' });
    expect(due(s, 'three-month-check')).toBe(at('2027-04-11', 8).toISOString());
  });

  it('a case from before the rules keeps counting from the beschikking start', () => {
    const s = beforeTheRules(monitored());
    delete s.threeMonthCheck.countsFrom;
    run(s, { type: 'startZorg', agbCode: AGB_A, date: '2027-01-11' }, at('2027-01-11'));
    expect(due(s, 'three-month-check')).toBe(at('2027-03-01', 8).toISOString());
  });
});

describe('the end evaluation always happens once care started (item 6)', () => {
  it('a withdrawal after the care started leads to the end evaluation with the reason, and then closes', () => {
    const s = monitored();
    run(s, { type: 'startZorg', agbCode: AGB_A, date: '2026-12-07' }, at('2026-12-07'));
    const reason = text(9);
    const effects = run(s, { type: 'withdraw', reason }, at('2027-02-01'));
    expect(effects).toEqual([
      expectedLetter('evaluation-request', [COORDINATOR, PROVIDER_A], {
        caseNumber: 'CJG-2026-000123',
        trigger: 'withdrawal',
        reasonTextId: reason.textId,
      }),
    ]);
    expect(s.phase).toBe('end-evaluation');
    expect(s.withdrawal?.reason).toEqual(reason);
    expect(messagesOf(commandStateProblems(s, 'withdraw'))).toEqual([
      'the withdrawal is recorded; the end evaluation follows (002 §3.5)',
    ]);
    expect(
      messagesOf(
        commandProblems(
          s,
          {
            type: 'recordEndEvaluation',
            goals: [...JUDGED],
            decision: 'verlenging',
            verlenging: { number: 'B-2027-0002', endDate: '2028-11-30' },
          },
          at('2027-02-10'),
        ),
      ),
    ).toContain('the family withdrew: the end evaluation can only close the trajectory');
    run(
      s,
      { type: 'recordEndEvaluation', goals: [...JUDGED], decision: 'close' },
      at('2027-02-10'),
    );
    run(s, { type: 'answerQuestionnaire', moment: 'end', rating: 3 }, at('2027-02-12'));
    expect(s.phase).toBe('closed');
    expect(projectionOf(s, 'wf')).toMatchObject({ withdrawn: true, endDecision: 'close' });
  });

  it('a withdrawal before any care started closes at once', () => {
    const s = monitored();
    run(s, { type: 'withdraw', reason: text(9) }, at('2026-12-03'));
    expect(s.phase).toBe('withdrawn');
  });

  it('a case from before the rules closes at once, as it did', () => {
    const s = beforeTheRules(monitored());
    run(s, { type: 'startZorg', agbCode: AGB_A, date: '2026-12-07' }, at('2026-12-07'));
    run(s, { type: 'withdraw', reason: text(9) }, at('2027-02-01'));
    expect(s.phase).toBe('withdrawn');
  });
});

describe('review outcomes in writing; afschalen and opschalen change the follow-up (item 7)', () => {
  const review = (
    s: TrajectoryState,
    decision: 'continue' | 'afschalen' | 'opschalen',
    when: Date,
    reviewInterval?: string,
  ) =>
    run(
      s,
      {
        type: 'recordReview',
        outcomes: [...JUDGED],
        decision,
        ...(reviewInterval ? { reviewInterval } : {}),
      },
      when,
    );

  it('tells the family and the providers what the review found and when the next one is', () => {
    const s = monitored();
    const effects = review(s, 'continue', at('2027-05-20'));
    expect(effects).toEqual([
      expectedLetter('review-outcome', [CLIENT, PROVIDER_A], {
        caseNumber: 'CJG-2026-000123',
        coordinatorId: 'coord-anna',
        decision: 'continue',
        reached: 1,
        partly: 1,
        total: 2,
        nextReviewDue: s.monitoring.nextReviewDue!,
      }),
    ]);
    // Continue keeps the half-yearly schedule from the beschikking's start: this review answers
    // the one due on 1 June, the next is due on 1 December.
    expect(s.monitoring.nextReviewDue).toBe(at('2027-12-01', 8).toISOString());
  });

  it('opschalen follows up more often from this review on; it needs a shorter interval', () => {
    const s = monitored();
    expect(
      messagesOf(
        commandProblems(
          s,
          { type: 'recordReview', outcomes: [...JUDGED], decision: 'opschalen' },
          at('2027-05-20'),
        ),
      ),
    ).toEqual([
      'reviewInterval is required with opschalen: how often the CJG follows up from now on',
    ]);
    expect(
      messagesOf(
        commandProblems(
          s,
          {
            type: 'recordReview',
            outcomes: [...JUDGED],
            decision: 'opschalen',
            reviewInterval: 'P6M',
          },
          at('2027-05-20'),
        ),
      ),
    ).toEqual(['opschalen follows up more often: reviewInterval must be shorter than P6M']);
    review(s, 'opschalen', at('2027-05-20'), 'P2M');
    expect(s.coordination?.reviewInterval).toBe('P2M');
    expect(s.monitoring.nextReviewDue).toBe(at('2027-07-20').toISOString());
  });

  it('afschalen follows up less often: half-yearly unless said, never more often than now', () => {
    const s = monitored();
    review(s, 'opschalen', at('2027-05-20'), 'P2M');
    expect(
      messagesOf(
        commandProblems(
          s,
          {
            type: 'recordReview',
            outcomes: [...JUDGED],
            decision: 'afschalen',
            reviewInterval: 'P1M',
          },
          at('2027-06-20'),
        ),
      ),
    ).toEqual(['afschalen follows up less often: reviewInterval may not be shorter than P2M']);
    review(s, 'afschalen', at('2027-07-20'));
    expect(s.coordination?.reviewInterval).toBe('P6M');
    expect(s.monitoring.nextReviewDue).toBe(at('2028-01-20').toISOString());
    expect(
      messagesOf(
        commandProblems(
          s,
          {
            type: 'recordReview',
            outcomes: [...JUDGED],
            decision: 'continue',
            reviewInterval: 'P3M',
          },
          at('2027-08-20'),
        ),
      ),
    ).toEqual(['reviewInterval only applies with afschalen or opschalen']);
  });

  it('a case from before the rules keeps its schedule and sends no outcome letter', () => {
    const s = beforeTheRules(monitored());
    expect(review(s, 'afschalen', at('2027-05-20'))).toEqual([]);
    expect(s.coordination?.reviewInterval).toBe('P6M');
    expect(s.monitoring.nextReviewDue).toBe(at('2027-12-01', 8).toISOString());
    expect(
      messagesOf(
        commandProblems(
          s,
          {
            type: 'recordReview',
            outcomes: [...JUDGED],
            decision: 'opschalen',
            reviewInterval: 'P2M',
          },
          at('2027-06-20'),
        ),
      ),
    ).toEqual(['reviewInterval is not taken by this trajectory']);
  });
});

describe('plan deel 1 signed off by a registered professional before the beschikking (item 8)', () => {
  const beschikking = {
    type: 'issueBeschikking',
    beschikking: {
      number: 'B-2026-0001',
      kind: 'pgb',
      startDate: '2026-12-01',
      endDate: '2027-11-30',
      budgetEuro: 4800,
    },
  } as const;

  function intakeDone(): TrajectoryState {
    const s = referred();
    run(
      s,
      {
        type: 'recordProviderIntake',
        agbCode: AGB_A,
        activities: text(5, 2),
        expectedDurationWeeks: 26,
      },
      at('2026-11-25'),
    );
    return s;
  }

  it('refuses the beschikking until a professional signed off, then takes it; once', () => {
    const s = intakeDone();
    expect(messagesOf(commandStateProblems(s, 'issueBeschikking'))).toEqual([
      'plan deel 1 is not signed off yet by a registered professional (BPP or gedragswetenschapper)',
    ]);
    expect(allowedCommands(s)).toContain('signOffPlan');
    expect(run(s, { type: 'signOffPlan', professionalId: 'gw-petra' }, at('2026-11-26'))).toEqual(
      [],
    );
    expect(s.planSignOff).toEqual({
      professionalId: 'gw-petra',
      at: at('2026-11-26').toISOString(),
    });
    expect(messagesOf(commandProblems(s, beschikking, at('2026-11-27')))).toEqual([]);
    expect(messagesOf(commandStateProblems(s, 'signOffPlan'))).toEqual([
      'plan deel 1 is already signed off',
    ]);
  });

  it('refuses a malformed professional id, and a sign-off before plan deel 1 is agreed', () => {
    const s = intakeDone();
    expect(
      messagesOf(
        commandProblems(
          s,
          { type: 'signOffPlan', professionalId: 'Petra Smeets!' },
          at('2026-11-26'),
        ),
      ),
    ).toEqual(['professionalId is not a valid id']);
    expect(messagesOf(commandStateProblems(fresh(), 'signOffPlan'))).toEqual([
      'signOffPlan is not possible in phase intake',
    ]);
  });

  it('a case from before the rules issues its beschikking as it did', () => {
    const s = beforeTheRules(intakeDone());
    expect(messagesOf(commandProblems(s, beschikking, at('2026-11-27')))).toEqual([]);
  });
});
