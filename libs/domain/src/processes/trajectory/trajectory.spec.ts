import { messagesOf } from '../../problems';
import { expectedLetter } from '../expected-letter';
import {
  allowedCommands,
  applyDeadline,
  commandProblems,
  commandStateProblems,
  DEFAULT_POLICY,
  isOverdue,
  pendingDeadlines,
  TRAJECTORY_PROCESS,
  trajectoryInputProblems,
  type Beschikking,
} from '.';
import {
  AGB_A,
  AGB_B,
  COORDINATOR,
  CLIENT,
  PROVIDER_A,
  PROVIDER_B,
  text,
  at,
  INZET,
  PLAN,
  JUDGED,
  CRITERIA,
  START,
  INPUT,
  fresh,
  run,
  letters,
  zin,
  withIntake,
  issued,
  monitored,
  inEndEvaluation,
  kindsDue,
  due,
} from './fixtures';

describe('the trajectory process (002 §3.5, 001, 004)', () => {
  describe('intake', () => {
    it('starts with the Awb clock: a warning after 6 weeks, the decision due after 8', () => {
      const s = fresh();
      expect(s.phase).toBe('intake');
      expect(s.policy).toEqual(DEFAULT_POLICY);
      expect(pendingDeadlines(s)).toEqual([
        { kind: 'awb-warning', at: at('2027-01-04').toISOString() },
        { kind: 'awb-overdue', at: at('2027-01-18').toISOString() },
      ]);
      expect(allowedCommands(s)).toEqual([
        'agreeResults',
        'recordVerdaging',
        'closeWithAdvice',
        'rejectRequest',
        'markDrang',
        'withdraw',
        'reassignCoordinator',
      ]);
    });

    it('runs the Awb clock from 00:00 of the day the request was received, when given', () => {
      const s = fresh({ receivedOn: '2026-11-09' });
      expect(s.receivedOn).toBe('2026-11-09');
      expect(s.startedAt).toBe(START.toISOString());
      expect(s.awb.dueAt).toBe(at('2027-01-04', 0).toISOString());
      expect(pendingDeadlines(s)).toEqual([
        { kind: 'awb-warning', at: at('2026-12-21', 0).toISOString() },
        { kind: 'awb-overdue', at: at('2027-01-04', 0).toISOString() },
      ]);
      // Received on the day of the start: from that day's midnight, not from the registration.
      expect(fresh({ receivedOn: '2026-11-23' }).awb.dueAt).toBe(at('2027-01-18', 0).toISOString());
      // Without it, exactly as before: from the registration.
      expect(fresh()).not.toHaveProperty('receivedOn');
      expect(fresh().awb.dueAt).toBe(at('2027-01-18').toISOString());
    });

    it('takes a receivedOn from the day of the start back to a year before it', () => {
      const problems = (receivedOn: string) =>
        messagesOf(trajectoryInputProblems({ ...INPUT, receivedOn }, START));
      expect(problems('2026-11-23')).toEqual([]);
      expect(problems('2025-11-23')).toEqual([]);
      expect(problems('2026-11-24')).toEqual([
        'receivedOn must not be after the day of the start (2026-11-23)',
      ]);
      expect(problems('2025-11-22')).toEqual([
        'receivedOn must not lie more than a year before the start (not before 2025-11-23)',
      ]);
      expect(problems('2026-02-30')).toEqual(['receivedOn must be a calendar date YYYY-MM-DD']);
      expect(problems('23-11-2026')).toEqual(['receivedOn must be a calendar date YYYY-MM-DD']);
    });

    it('judges "the day of the start" in Amsterdam: just after midnight there it is already the next day', () => {
      const justAfterMidnight = at('2026-11-24', 0);
      expect(justAfterMidnight.toISOString()).toBe('2026-11-23T23:00:00.000Z');
      expect(
        messagesOf(
          trajectoryInputProblems({ ...INPUT, receivedOn: '2026-11-24' }, justAfterMidnight),
        ),
      ).toEqual([]);
    });

    it('tells the coordinator the case is theirs, naming the municipality', () => {
      expect(TRAJECTORY_PROCESS.openingEffects(fresh())).toEqual([
        expectedLetter('intake-registered', [COORDINATOR], {
          caseNumber: 'CJG-2026-000123',
          municipalityCode: '0957',
        }),
      ]);
    });

    it('keeps that the intake letter went out (once), and nothing for other letters', () => {
      const s = fresh();
      expect(TRAJECTORY_PROCESS.letterSent?.(s, 'plan-deel-1')).toBe(false);
      expect(s.revision).toBe(1);
      expect(TRAJECTORY_PROCESS.letterSent?.(s, 'intake-registered')).toBe(true);
      expect(s).toMatchObject({ intakeLetterSent: true, revision: 2 });
    });

    it('warns, then marks the decision overdue, each once, to the coordinator', () => {
      const s = fresh();
      expect(letters(applyDeadline(s, 'awb-warning', at('2027-01-04')))).toEqual([
        { kind: 'awb-warning', to: [COORDINATOR] },
      ]);
      expect(kindsDue(s)).toEqual(['awb-overdue']);
      const overdue = applyDeadline(s, 'awb-overdue', at('2027-01-18'));
      expect(overdue).toEqual([
        expect.objectContaining({
          kind: 'awb-overdue',
          facts: { caseNumber: 'CJG-2026-000123', dueDate: '2027-01-18' },
        }),
      ]);
      expect(isOverdue(s)).toBe(true);
      expect(kindsDue(s)).toEqual([]);
    });

    it('a verdaging moves the decision to the end of its new date and clears the overdue mark (Awb 4:14)', () => {
      const s = fresh();
      applyDeadline(s, 'awb-overdue', at('2027-01-18'));
      expect(
        messagesOf(
          commandProblems(
            s,
            { type: 'recordVerdaging', newDueDate: '2027-01-18', reason: text(7) },
            at('2027-01-18', 12),
          ),
        ),
      ).toEqual(['newDueDate must be after the current due date 2027-01-18']);
      run(
        s,
        { type: 'recordVerdaging', newDueDate: '2027-02-15', reason: text(7) },
        at('2027-01-18', 12),
      );
      expect(s.awb).toMatchObject({ overdue: false, dueAt: at('2027-02-16', 0).toISOString() });
      expect(isOverdue(s)).toBe(false);
      expect(due(s, 'awb-overdue')).toBe(at('2027-02-16', 0).toISOString());
    });
  });

  describe('plan deel 1 and the provider intake', () => {
    it('agrees the results with the family and sends them plan deel 1', () => {
      const s = fresh();
      const effects = run(s, { type: 'agreeResults', plan: PLAN }, at('2026-11-24'));
      expect(s.phase).toBe('results-agreed');
      expect(effects).toEqual([
        expectedLetter('plan-deel-1', [CLIENT], {
          caseNumber: 'CJG-2026-000123',
          results: 2,
          productCategory: '45',
        }),
      ]);
    });

    it('refuses a result twice, and a result in words instead of a stored text', () => {
      const problems = messagesOf(
        commandProblems(
          fresh(),
          {
            type: 'agreeResults',
            plan: {
              results: [
                { id: 'school', description: text(1), measure: text(2) },
                { id: 'school', description: 'Sam gaat naar school' as never, measure: text(2) },
              ],
              inzet: INZET,
            },
          },
          START,
        ),
      );
      expect(problems).toEqual([
        'plan.results[1].id is used twice',
        'plan.results[1].description must be a reference to a stored text ({ textId, items }), never the text',
      ]);
    });

    it('records an intake within the plan without a divergence, and one asking more as a pending divergence', () => {
      const s = withIntake();
      expect(s.phase).toBe('provider-intake');
      expect(s.providerIntakes[0]?.divergence).toBeUndefined();
      run(s, { type: 'referToProvider', agbCode: AGB_B }, at('2026-11-25', 11));
      const effects = run(
        s,
        {
          type: 'recordProviderIntake',
          agbCode: AGB_B,
          activities: text(8),
          expectedDurationWeeks: 40,
          requestedInzet: {
            productCategory: '45',
            omvang: { volume: 8, unit: '04', frequency: '2' },
          },
        },
        at('2026-11-26'),
      );
      expect(effects).toEqual([
        expectedLetter('divergence-alert', [COORDINATOR], {
          caseNumber: 'CJG-2026-000123',
          agbCode: AGB_B,
          reasons: 'more omvang',
        }),
      ]);
      expect(messagesOf(commandStateProblems(s, 'issueBeschikking'))).toEqual([
        'a divergence of a provider intake is still to be accepted or refused',
      ]);
      run(
        s,
        { type: 'decideDivergence', agbCode: AGB_B, accept: true, reason: text(9) },
        at('2026-11-26', 12),
      );
      expect(s.providerIntakes[1]?.divergence).toMatchObject({
        status: 'accepted',
        decisionReason: text(9),
      });
      expect(messagesOf(commandStateProblems(s, 'decideDivergence'))).toEqual([
        'no divergence is pending',
      ]);
    });

    it('takes one intake per provider', () => {
      const s = withIntake();
      expect(
        messagesOf(
          commandProblems(
            s,
            {
              type: 'recordProviderIntake',
              agbCode: AGB_A,
              activities: text(5),
              expectedDurationWeeks: 26,
            },
            at('2026-11-26'),
          ),
        ),
      ).toEqual([`provider ${AGB_A} already recorded its intake`]);
    });
  });

  describe('the beschikking', () => {
    it('grants no more or other care than plan deel 1, and only to a provider with an intake (002 §6 item 14)', () => {
      const s = withIntake();
      const more = zin('2026-12-01', '2027-11-30');
      if (more.kind === 'zin')
        more.toewijzingen[0]!.omvang = { volume: 5, unit: '04', frequency: '2' };
      expect(
        messagesOf(
          commandProblems(s, { type: 'issueBeschikking', beschikking: more }, at('2026-11-27')),
        ),
      ).toEqual([
        'beschikking.toewijzingen[0] grants more or other care than plan deel 1 (and any accepted divergence)',
      ]);
      expect(
        messagesOf(
          commandProblems(
            s,
            { type: 'issueBeschikking', beschikking: zin('2026-12-01', '2027-11-30', [AGB_B]) },
            at('2026-11-27'),
          ),
        ),
      ).toEqual([`beschikking.toewijzingen[0]: provider ${AGB_B} has no recorded intake`]);
      expect(
        messagesOf(
          commandProblems(
            s,
            { type: 'issueBeschikking', beschikking: zin('2027-12-01', '2027-11-30') },
            at('2026-11-27'),
          ),
        ),
      ).toEqual(['beschikking.endDate must not be before its startDate']);
    });

    it('a PGB beschikking grants a budget, to no provider', () => {
      const s = withIntake();
      const pgb: Beschikking = {
        number: 'B-2026-0002',
        kind: 'pgb',
        startDate: '2026-12-01',
        endDate: '2027-11-30',
        budgetEuro: 0,
      };
      expect(
        messagesOf(
          commandProblems(s, { type: 'issueBeschikking', beschikking: pgb }, at('2026-11-27')),
        ),
      ).toEqual(['beschikking.budgetEuro must be a positive amount up to 1000000']);
      const effects = run(
        s,
        { type: 'issueBeschikking', beschikking: { ...pgb, budgetEuro: 12_000 } },
        at('2026-11-27'),
      );
      expect(effects[0]).toEqual({ type: 'family-care', activeAgbCodes: [] });
      expect(letters(effects)).toEqual([{ kind: 'beschikking-issued', to: [CLIENT] }]);
      // A PGB letter names the budget and the inzet of plan deel 1 it is for; no provider.
      expect(effects[1]).toEqual(
        expect.objectContaining({
          facts: expect.objectContaining({
            kind: 'pgb',
            budgetEuro: 12_000,
            toewijzingen: 1,
            toewijzing1ProductCategory: '45',
            toewijzing1Volume: 4,
          }),
        }),
      );
      expect(JSON.stringify(effects[1])).not.toContain('toewijzing1AgbCode');
    });

    it('issues it: the letters, the family report, the 3-month check from the start of care; the Awb clock stops', () => {
      const s = withIntake();
      const effects = run(
        s,
        { type: 'issueBeschikking', beschikking: zin('2026-12-01', '2027-11-30') },
        at('2026-11-27'),
      );
      expect(s.phase).toBe('beschikking');
      expect(effects).toEqual([
        { type: 'family-care', activeAgbCodes: [AGB_A] },
        expectedLetter('beschikking-issued', [CLIENT, PROVIDER_A], {
          caseNumber: 'CJG-2026-000123',
          beschikkingNumber: 'B-2026-0001',
          kind: 'zin',
          startDate: '2026-12-01',
          endDate: '2027-11-30',
          // What the decision letter says, as codes: on whose behalf, who to contact, what is granted.
          municipalityCode: INPUT.municipalityCode,
          coordinatorId: INPUT.coordinatorId,
          toewijzingen: 1,
          toewijzing1AgbCode: AGB_A,
          toewijzing1ProductCategory: '45',
          toewijzing1Volume: 4,
          toewijzing1Unit: '04',
          toewijzing1Frequency: '2',
        }),
      ]);
      // 004: the 3-month check counts from the referral until care starts; the coordination
      // decision is due two weeks after the beschikking, with a reminder three days before.
      expect(pendingDeadlines(s)).toEqual([
        { kind: 'coordination-decision-reminder', at: at('2026-12-08').toISOString() },
        { kind: 'three-month-check', at: at('2027-03-01', 8).toISOString() },
        { kind: 'beschikking-end', at: at('2027-12-01', 0).toISOString() },
      ]);
      expect(messagesOf(commandStateProblems(s, 'recordVerdaging'))).toEqual([
        'recordVerdaging is not possible in phase beschikking',
      ]);
    });

    it('takes the family’s answers while the coordination decision is still open (004)', () => {
      const s = issued();
      expect(messagesOf(commandStateProblems(s, 'answerThreeMonthCheck'))).toEqual([
        'the 3-month check is not awaiting an answer',
      ]);
      applyDeadline(s, 'three-month-check', at('2027-03-01', 8));
      expect(s.phase).toBe('beschikking');
      expect(allowedCommands(s)).toContain('answerThreeMonthCheck');
      expect(
        letters(run(s, { type: 'answerThreeMonthCheck', fitting: false }, at('2027-03-02'))),
      ).toEqual([{ kind: 'not-fitting-alert', to: [COORDINATOR] }]);
      run(s, { type: 'answerQuestionnaire', moment: 'midway', rating: 4 }, at('2027-03-02'));
      expect(s.threeMonthCheck.status).toBe('not-fitting');
      expect(s.questionnaires.midway.status).toBe('answered');
      expect(s.phase).toBe('beschikking');
    });
  });

  describe('monitoring (001)', () => {
    it('decides coordination per case, tells client and providers, and schedules half-yearly reviews', () => {
      const s = issued();
      const effects = run(
        s,
        { type: 'decideCoordination', coordinate: true, criteria: CRITERIA },
        at('2026-12-01'),
      );
      expect(s.phase).toBe('monitoring');
      expect(s.coordination).toMatchObject({
        coordinate: true,
        proposed: true,
        reviewInterval: 'P6M',
      });
      expect(effects).toEqual([
        expectedLetter('coordination-decision', [CLIENT, PROVIDER_A], {
          caseNumber: 'CJG-2026-000123',
          coordinate: true,
          reviewInterval: 'P6M',
        }),
      ]);
      expect(due(s, 'review-overdue')).toBe(at('2027-06-01', 8).toISOString());
      expect(due(s, 'review-reminder')).toBe(at('2027-05-18', 8).toISOString());
    });

    it('refuses a review interval longer than half a year, and reviews for an uncoordinated case', () => {
      const s = issued();
      expect(
        messagesOf(
          commandProblems(
            s,
            {
              type: 'decideCoordination',
              coordinate: true,
              criteria: CRITERIA,
              reviewInterval: 'P7M',
            },
            at('2026-12-01'),
          ),
        ),
      ).toEqual([
        'reviewInterval may not be longer than P6M: reviews are at least half-yearly (001)',
      ]);
      run(
        s,
        { type: 'decideCoordination', coordinate: false, criteria: CRITERIA },
        at('2026-12-01'),
      );
      expect(kindsDue(s)).not.toContain('review-overdue');
      expect(messagesOf(commandStateProblems(s, 'recordReview'))).toEqual([
        'reviews are for coordinated trajectories',
      ]);
    });

    it('reminds two weeks before a review, escalates when it is overdue, and a late review sets the next one', () => {
      const s = monitored();
      expect(letters(applyDeadline(s, 'review-reminder', at('2027-05-18', 8)))).toEqual([
        { kind: 'review-reminder', to: [COORDINATOR] },
      ]);
      expect(letters(applyDeadline(s, 'review-overdue', at('2027-06-01', 8)))).toEqual([
        { kind: 'review-overdue', to: [COORDINATOR] },
      ]);
      expect(isOverdue(s)).toBe(true);
      run(
        s,
        { type: 'recordReview', outcomes: [...JUDGED], decision: 'continue' },
        at('2027-06-03'),
      );
      expect(s.reviews.at(-1)).toMatchObject({ decision: 'continue', wasOverdue: true });
      expect(isOverdue(s)).toBe(false);
      expect(due(s, 'review-overdue')).toBe(at('2027-12-01', 8).toISOString());
    });

    it('a review that decides to end the care begins the end evaluation', () => {
      const s = monitored();
      const effects = run(
        s,
        { type: 'recordReview', outcomes: [...JUDGED], decision: 'end' },
        at('2027-05-20'),
      );
      expect(s.phase).toBe('end-evaluation');
      expect(effects).toEqual([
        expect.objectContaining({
          kind: 'evaluation-request',
          facts: {
            caseNumber: 'CJG-2026-000123',
            trigger: 'coordinator',
            reason: 'review decided to end the care',
          },
        }),
        // Rules of 2026-12: the family and provider learn the outcome (no next review).
        expectedLetter('review-outcome', [CLIENT, PROVIDER_A], {
          caseNumber: 'CJG-2026-000123',
          coordinatorId: 'coord-anna',
          decision: 'end',
          reached: 1,
          partly: 1,
          total: 2,
        }),
      ]);
      expect(kindsDue(s)).not.toContain('review-overdue');
    });

    it('refuses a review that does not judge every result of the plan', () => {
      expect(
        messagesOf(
          commandProblems(
            monitored(),
            { type: 'recordReview', outcomes: [JUDGED[0]], decision: 'continue' },
            at('2027-06-01'),
          ),
        ),
      ).toEqual(['outcomes must judge every result of the plan']);
    });

    it('asks the client after three months (004), and alerts the coordinator when the care does not fit', () => {
      const s = monitored();
      expect(letters(applyDeadline(s, 'three-month-check', at('2027-03-01', 8)))).toEqual([
        { kind: 'three-month-check', to: [CLIENT] },
        { kind: 'questionnaire', to: [CLIENT] },
      ]);
      expect(due(s, 'three-month-check-expired')).toBe(at('2027-03-29', 8).toISOString());
      expect(due(s, 'midway-questionnaire-expired')).toBe(at('2027-03-29', 8).toISOString());
      expect(
        letters(run(s, { type: 'answerThreeMonthCheck', fitting: false }, at('2027-03-05'))),
      ).toEqual([{ kind: 'not-fitting-alert', to: [COORDINATOR] }]);
      expect(s.threeMonthCheck.status).toBe('not-fitting');
      expect(messagesOf(commandStateProblems(s, 'answerThreeMonthCheck'))).toEqual([
        'the 3-month check is not awaiting an answer',
      ]);
    });

    it('records no answer to the check and the midway questionnaire when their window closes, and tells the coordinator', () => {
      const s = monitored();
      applyDeadline(s, 'three-month-check', at('2027-03-01', 8));
      expect(letters(applyDeadline(s, 'three-month-check-expired', at('2027-03-29', 8)))).toEqual([
        { kind: 'client-no-response', to: [COORDINATOR] },
      ]);
      expect(
        letters(applyDeadline(s, 'midway-questionnaire-expired', at('2027-03-29', 8))),
      ).toEqual([{ kind: 'client-no-response', to: [COORDINATOR] }]);
      expect(s.threeMonthCheck.status).toBe('no-response');
      expect(s.questionnaires.midway.status).toBe('no-response');
    });

    it('a case from before the rules of 2026-12 records no answer silently, as it did', () => {
      const s = monitored();
      delete s.rules;
      applyDeadline(s, 'three-month-check', at('2027-03-01', 8));
      expect(s.threeMonthCheck.remindAt).toBeUndefined();
      expect(applyDeadline(s, 'three-month-check-expired', at('2027-03-29', 8))).toEqual([]);
      expect(applyDeadline(s, 'midway-questionnaire-expired', at('2027-03-29', 8))).toEqual([]);
    });

    it('a re-assessment answered "not needed" ends the follow-up, and one left unanswered is recorded as such (001)', () => {
      const answered = monitored();
      expect(
        letters(
          run(
            answered,
            { type: 'requestReassessment', batchId: 'batch-1', decideBy: '2027-04-30' },
            at('2027-04-01'),
          ),
        ),
      ).toEqual([{ kind: 'reassessment-request', to: [COORDINATOR] }]);
      const effects = run(
        answered,
        { type: 'answerReassessment', followUpNeeded: false },
        at('2027-04-10'),
      );
      expect(effects).toEqual([
        expect.objectContaining({
          kind: 'reassessment-outcome',
          to: [CLIENT, PROVIDER_A],
          facts: { caseNumber: 'CJG-2026-000123', followUpNeeded: false, answered: true },
        }),
      ]);
      expect(answered.coordination?.coordinate).toBe(false);
      expect(kindsDue(answered)).not.toContain('review-overdue');

      const silent = monitored();
      run(
        silent,
        { type: 'requestReassessment', batchId: 'batch-1', decideBy: '2027-04-30' },
        at('2027-04-01'),
      );
      expect(due(silent, 'reassessment-expired')).toBe(at('2027-05-01', 0).toISOString());
      expect(applyDeadline(silent, 'reassessment-expired', at('2027-05-01', 0))).toEqual([
        expect.objectContaining({
          facts: { caseNumber: 'CJG-2026-000123', followUpNeeded: true, answered: false },
        }),
      ]);
      expect(silent.reassessment?.status).toBe('no-answer');
    });

    it('re-assesses only a case the CJG coordinates (001): an uncoordinated one refuses the request', () => {
      const uncoordinated = issued();
      run(
        uncoordinated,
        { type: 'decideCoordination', coordinate: false, criteria: CRITERIA },
        at('2026-12-01'),
      );
      expect(uncoordinated.phase).toBe('monitoring');
      expect(messagesOf(commandStateProblems(uncoordinated, 'requestReassessment'))).toEqual([
        'the CJG does not coordinate this trajectory: there is nothing to re-assess',
      ]);
      expect(messagesOf(commandStateProblems(monitored(), 'requestReassessment'))).toEqual([]);
    });

    it('starts and stops care per provider within the beschikking', () => {
      const s = monitored([AGB_A, AGB_B]);
      expect(
        messagesOf(
          commandProblems(
            s,
            { type: 'startZorg', agbCode: AGB_A, date: '2027-12-01' },
            at('2026-12-02'),
          ),
        ),
      ).toEqual(['date must lie within the beschikking period']);
      run(s, { type: 'startZorg', agbCode: AGB_A, date: '2026-12-02' }, at('2026-12-02'));
      expect(
        messagesOf(
          commandProblems(
            s,
            { type: 'stopZorg', agbCode: AGB_A, date: '2026-12-01', reason: '01' },
            at('2027-02-01'),
          ),
        ),
      ).toEqual(['date must not be before the start of care']);
      // One provider stops: the family report changes, the other provider's care goes on.
      expect(
        run(
          s,
          { type: 'stopZorg', agbCode: AGB_A, date: '2027-02-01', reason: '01' },
          at('2027-02-01'),
        ),
      ).toEqual([{ type: 'family-care', activeAgbCodes: [AGB_B] }]);
      expect(s.phase).toBe('monitoring');
    });
  });

  describe('the end evaluation: always (002 §3.5)', () => {
    it('begins when the last provider stops its care, asking coordinator and providers', () => {
      const s = monitored();
      const effects = run(
        s,
        { type: 'stopZorg', agbCode: AGB_A, date: '2027-02-01', reason: '01' },
        at('2027-02-01'),
      );
      expect(s.phase).toBe('end-evaluation');
      expect(effects).toEqual([
        { type: 'family-care', activeAgbCodes: [] },
        expectedLetter('evaluation-request', [COORDINATOR, PROVIDER_A], {
          caseNumber: 'CJG-2026-000123',
          trigger: 'stop-zorg',
          reason: 'stop zorg (01)',
        }),
      ]);
    });

    it('begins the day after the beschikking ends', () => {
      const s = monitored();
      expect(due(s, 'beschikking-end')).toBe(at('2027-12-01', 0).toISOString());
      applyDeadline(s, 'beschikking-end', at('2027-12-01', 0));
      expect(s.endEvaluation).toMatchObject({ trigger: 'end-date', remindersSent: 0 });
      expect(kindsDue(s)).toContain('end-evaluation-reminder');
    });

    it('reminds every two weeks, the coordinator and the providers whose end evaluation is missing', () => {
      const s = monitored([AGB_A, AGB_B]);
      run(s, { type: 'requestEndEvaluation', reason: text(6) }, at('2027-03-01'));
      expect(due(s, 'end-evaluation-reminder')).toBe(at('2027-03-15').toISOString());
      run(
        s,
        { type: 'reportEvaluation', agbCode: AGB_A, kind: 'end', outcomes: [...JUDGED] },
        at('2027-03-10'),
      );
      const reminder = applyDeadline(s, 'end-evaluation-reminder', at('2027-03-15'));
      expect(reminder).toEqual([
        expectedLetter('evaluation-reminder', [COORDINATOR, PROVIDER_B], {
          caseNumber: 'CJG-2026-000123',
          reminder: 1,
        }),
      ]);
      expect(isOverdue(s)).toBe(true);
      expect(due(s, 'end-evaluation-reminder')).toBe(at('2027-03-29').toISOString());
      expect(
        messagesOf(
          commandProblems(
            s,
            { type: 'reportEvaluation', agbCode: AGB_A, kind: 'end', outcomes: [...JUDGED] },
            at('2027-03-16'),
          ),
        ),
      ).toEqual(['this provider already reported its end evaluation']);
    });

    it('closes after the client answers the end questionnaire, telling client, coordinator and providers', () => {
      const s = inEndEvaluation();
      const recorded = run(
        s,
        { type: 'recordEndEvaluation', goals: [...JUDGED], decision: 'close' },
        at('2027-03-10'),
      );
      expect(recorded).toEqual([
        { type: 'family-care', activeAgbCodes: [] },
        expect.objectContaining({
          kind: 'questionnaire',
          to: [CLIENT],
          facts: { caseNumber: 'CJG-2026-000123', moment: 'end' },
        }),
      ]);
      expect(messagesOf(commandStateProblems(s, 'withdraw'))).toEqual([
        'the end evaluation is recorded; the trajectory is closing',
      ]);
      const closing = run(
        s,
        { type: 'answerQuestionnaire', moment: 'end', rating: 4 },
        at('2027-03-12'),
      );
      expect(s.phase).toBe('closed');
      expect(letters(closing)).toEqual([
        { kind: 'trajectory-ended', to: [CLIENT, COORDINATOR, PROVIDER_A] },
      ]);
      expect(pendingDeadlines(s)).toEqual([]);
      expect(allowedCommands(s)).toEqual([]);
      expect(TRAJECTORY_PROCESS.isOpen(s)).toBe(false);
    });

    it('closes without the answer when the questionnaire expires', () => {
      const s = inEndEvaluation();
      run(
        s,
        { type: 'recordEndEvaluation', goals: [...JUDGED], decision: 'close' },
        at('2027-03-10'),
      );
      expect(due(s, 'end-questionnaire-expired')).toBe(at('2027-04-07').toISOString());
      applyDeadline(s, 'end-questionnaire-expired', at('2027-04-07'));
      expect(s).toMatchObject({
        phase: 'closed',
        questionnaires: { end: { status: 'no-response' } },
      });
    });

    it('a verlenging starts a new beschikking period and goes back to monitoring', () => {
      const s = inEndEvaluation();
      expect(
        messagesOf(
          commandProblems(
            s,
            {
              type: 'recordEndEvaluation',
              goals: [...JUDGED],
              decision: 'verlenging',
              verlenging: { number: 'B-2026-0001', endDate: '2027-06-30' },
            },
            at('2027-03-10'),
          ),
        ),
      ).toEqual([
        'verlenging.number must be a new beschikking number',
        'verlenging.endDate must be after the current end date',
      ]);
      const effects = run(
        s,
        {
          type: 'recordEndEvaluation',
          goals: [...JUDGED],
          decision: 'verlenging',
          verlenging: { number: 'B-2027-0002', endDate: '2028-05-31' },
        },
        at('2027-03-10'),
      );
      expect(s.phase).toBe('monitoring');
      expect(s.endEvaluation).toBeUndefined();
      expect(s.previousBeschikkingen.map((b) => b.number)).toEqual(['B-2026-0001']);
      expect(effects).toEqual([
        expect.objectContaining({
          kind: 'beschikking-issued',
          facts: expect.objectContaining({
            beschikkingNumber: 'B-2027-0002',
            verlenging: true,
            toewijzing1AgbCode: AGB_A,
            municipalityCode: INPUT.municipalityCode,
          }),
        }),
      ]);
      expect(due(s, 'beschikking-end')).toBe(at('2028-06-01', 0).toISOString());
    });

    it('a vervolgtraject names another case', () => {
      const s = inEndEvaluation();
      expect(
        messagesOf(
          commandProblems(
            s,
            {
              type: 'recordEndEvaluation',
              goals: [...JUDGED],
              decision: 'vervolgtraject',
              followUpCaseNumber: 'CJG-2026-000123',
            },
            at('2027-03-10'),
          ),
        ),
      ).toEqual(['followUpCaseNumber must be another case']);
      run(
        s,
        {
          type: 'recordEndEvaluation',
          goals: [...JUDGED],
          decision: 'vervolgtraject',
          followUpCaseNumber: 'CJG-2027-000200',
        },
        at('2027-03-10'),
      );
      expect(s.endEvaluation).toMatchObject({
        decision: 'vervolgtraject',
        followUpCaseNumber: 'CJG-2027-000200',
      });
    });
  });

  describe('withdrawal and reassignment', () => {
    it('withdraws from any open phase, telling client, coordinator and providers, and waits for nothing after', () => {
      const s = monitored();
      const effects = run(s, { type: 'withdraw', reason: text(10) }, at('2027-01-10'));
      expect(s).toMatchObject({ phase: 'withdrawn', withdrawal: { reason: text(10) } });
      expect(effects).toEqual([
        { type: 'family-care', activeAgbCodes: [] },
        expectedLetter('trajectory-ended', [CLIENT, COORDINATOR, PROVIDER_A], {
          caseNumber: 'CJG-2026-000123',
          decision: 'withdrawn',
        }),
      ]);
      expect(pendingDeadlines(s)).toEqual([]);
      expect(messagesOf(commandStateProblems(s, 'withdraw'))).toEqual([
        'withdraw is not possible in phase withdrawn',
      ]);
    });

    it('moves the case to another coordinator, who then receives its letters', () => {
      const s = fresh();
      run(
        s,
        { type: 'reassignCoordinator', coordinatorId: 'coord-bram', reason: text(11) },
        at('2026-11-24'),
      );
      expect(letters(applyDeadline(s, 'awb-warning', at('2027-01-04')))).toEqual([
        { kind: 'awb-warning', to: [{ role: 'coordinator', id: 'coord-bram' }] },
      ]);
    });
  });
});
