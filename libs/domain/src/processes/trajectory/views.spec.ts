import { expectedNotice } from '../expected-letter';
import {
  allowedCommands,
  applyDeadline,
  pendingDeadlines,
  projectionOf,
  providerDue,
  providerMaySee,
  providerView,
  recordDeliveryFailures,
  summary,
  TRAJECTORY_PROCESS,
  trajectoryView,
  type TrajectoryState,
} from '.';
import {
  AGB_A,
  AGB_B,
  CASE_NUMBER,
  COORDINATOR,
  CLIENT,
  PROVIDER_A,
  text,
  at,
  JUDGED,
  START,
  fresh,
  run,
  monitored,
  inEndEvaluation,
  PLAN,
} from './fixtures';

describe('the trajectory process: undelivered letters, continue-as-new, what it shows', () => {
  describe('letters that could not be delivered', () => {
    it('are recorded on the case, and the coordinator is told about each recipient not reached', () => {
      const s = monitored();
      const revision = s.revision;
      const effects = recordDeliveryFailures(
        s,
        'coordination-decision',
        4,
        [
          { recipient: CLIENT, reason: 'no-address' },
          { recipient: PROVIDER_A, reason: 'refused' },
        ],
        at('2026-12-01', 11),
      );
      expect(s.revision).toBe(revision + 1);
      expect(s.deliveryProblems).toEqual([
        {
          letter: 'coordination-decision',
          sequence: 4,
          recipient: 'client:client-0001',
          reason: 'no-address',
          at: at('2026-12-01', 11).toISOString(),
        },
        {
          letter: 'coordination-decision',
          sequence: 4,
          recipient: `provider:${AGB_A}`,
          reason: 'refused',
          at: at('2026-12-01', 11).toISOString(),
        },
      ]);
      expect(effects).toEqual([
        expectedNotice(COORDINATOR, CASE_NUMBER, 'coordination-decision', 'client', 'no-address'),
        expectedNotice(
          COORDINATOR,
          CASE_NUMBER,
          'coordination-decision',
          'provider',
          'refused',
          AGB_A,
        ),
      ]);
    });

    it('tell nobody when the coordinator is the one not reached, or the letter was itself such a notice', () => {
      const s = fresh();
      const refused = [{ recipient: COORDINATOR, reason: 'refused' }] as const;
      expect(recordDeliveryFailures(s, 'awb-warning', 2, refused, START)).toEqual([]);
      expect(recordDeliveryFailures(s, 'delivery-failed', 3, refused, START)).toEqual([]);
      expect(s.deliveryProblems).toHaveLength(2);
      expect(recordDeliveryFailures(s, 'plan-deel-1', 4, [], START)).toEqual([]);
      expect(s.revision).toBe(3);
    });

    it('are recorded on a case of a run from before they were (no list yet)', () => {
      const s = fresh();
      delete s.deliveryProblems;
      recordDeliveryFailures(
        s,
        'plan-deel-1',
        2,
        [{ recipient: CLIENT, reason: 'refused' }],
        START,
      );
      expect(s.deliveryProblems).toHaveLength(1);
    });
  });

  describe('continue-as-new carries the whole case', () => {
    it('a state handed to a next run waits for the same deadlines and takes the same commands', () => {
      const s = monitored();
      applyDeadline(s, 'three-month-check', at('2027-03-01', 8));
      const carried: TrajectoryState = JSON.parse(JSON.stringify(s));
      expect(pendingDeadlines(carried)).toEqual(pendingDeadlines(s));
      expect(allowedCommands(carried)).toEqual(allowedCommands(s));
      expect(applyDeadline(carried, 'review-overdue', at('2027-06-01', 8))).toEqual(
        applyDeadline(s, 'review-overdue', at('2027-06-01', 8)),
      );
      expect(carried).toEqual(s);
    });

    it('continues as new at the bound of its policy', () => {
      const s = fresh();
      expect(TRAJECTORY_PROCESS.maxHistoryEvents(s)).toBe(600);
      s.policy = { ...s.policy, maxHistoryEvents: 200 };
      expect(TRAJECTORY_PROCESS.maxHistoryEvents(s)).toBe(200);
    });
  });

  describe('what it shows', () => {
    it('the state query: the state, what may happen next, and whether anything is overdue', () => {
      const s = monitored();
      expect(trajectoryView(s)).toEqual({
        ...s,
        allowedCommands: allowedCommands(s),
        pendingDeadlines: pendingDeadlines(s),
        overdue: false,
      });
      expect(TRAJECTORY_PROCESS.view(s, START)).toEqual(trajectoryView(s));
      expect(TRAJECTORY_PROCESS.nextDue(s)).toEqual(pendingDeadlines(s)[0]);
    });

    it('the memo: a summary without personal data', () => {
      const s = monitored();
      applyDeadline(s, 'review-overdue', at('2027-06-01', 8));
      expect(summary(s)).toBe(
        'fase monitoring; beschikking B-2026-0001 ZIN 2026-12-01..2027-11-30; gecoördineerd; TE LAAT',
      );
    });

    it('the read model: ids, codes, dates and counts, and what changed', () => {
      const s = inEndEvaluation();
      run(
        s,
        { type: 'recordEndEvaluation', goals: [...JUDGED], decision: 'close' },
        at('2027-03-10'),
      );
      const row = projectionOf(s, 'trajectory-CJG-2026-000123', ['command:recordEndEvaluation']);
      expect(row).toMatchObject({
        workflowId: 'trajectory-CJG-2026-000123',
        causes: ['command:recordEndEvaluation'],
        phase: 'end-evaluation',
        coordinated: true,
        providerAgbCodes: [AGB_A],
        activeProviderAgbCodes: [],
        endDecision: 'close',
        goalsTotal: 2,
        goalsReached: 1,
        nextDueKind: 'end-questionnaire-reminder',
        withdrawn: false,
        closedAt: null,
      });
      expect(JSON.stringify(row)).not.toContain(text(1).textId);
    });

    it('what a provider is asked for: its own intake by its own date, overdue marked, not the CJG’s deadlines', () => {
      const s = fresh();
      run(s, { type: 'agreeResults', plan: PLAN }, at('2026-11-24'));
      run(s, { type: 'referToProvider', agbCode: AGB_A }, at('2026-11-24', 11));
      run(s, { type: 'referToProvider', agbCode: AGB_B }, at('2026-11-26'));
      expect(providerDue(s, AGB_A)).toEqual([
        { kind: 'provider-intake', at: at('2026-12-08', 8).toISOString(), overdue: false },
      ]);
      // The Awb clock runs too, but it is the CJG's.
      expect(pendingDeadlines(s).map((d) => d.kind)).toContain('awb-warning');
      applyDeadline(s, 'provider-intake-reminder', at('2026-12-04', 8));
      applyDeadline(s, 'provider-intake-overdue', at('2026-12-08', 8));
      expect(providerDue(s, AGB_A)).toEqual([
        { kind: 'provider-intake', at: at('2026-12-08', 8).toISOString(), overdue: true },
      ]);
      expect(providerView(s, AGB_A, 'P3M')).toMatchObject({
        overdue: true,
        pendingDeadlines: [{ kind: 'provider-intake', overdue: true }],
      });
      expect(providerView(s, AGB_B, 'P3M')).toMatchObject({
        overdue: false,
        pendingDeadlines: [
          { kind: 'provider-intake', at: at('2026-12-10', 8).toISOString(), overdue: false },
        ],
      });
      expect(projectionOf(s, 'trajectory-CJG-2026-000123').providerDue).toEqual([
        {
          agbCode: AGB_A,
          nextDueAt: at('2026-12-08', 8).toISOString(),
          nextDueKind: 'provider-intake',
          overdue: true,
        },
        {
          agbCode: AGB_B,
          nextDueAt: at('2026-12-10', 8).toISOString(),
          nextDueKind: 'provider-intake',
          overdue: false,
        },
      ]);
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
      expect(providerDue(s, AGB_A)).toEqual([]);
      expect(providerView(s, AGB_A, 'P3M').overdue).toBe(false);
    });

    it('what a provider is asked for once granted: the end of its care, then its end evaluation until it reports it', () => {
      const s = monitored();
      expect(providerDue(s, AGB_A)).toEqual([
        { kind: 'beschikking-end', at: at('2027-12-01', 0).toISOString(), overdue: false },
      ]);
      expect(providerDue(s, AGB_B)).toEqual([]);
      run(s, { type: 'requestEndEvaluation', reason: text(6) }, at('2027-03-01'));
      const first = s.endEvaluation!.nextReminderAt;
      expect(providerDue(s, AGB_A)).toEqual([
        { kind: 'end-evaluation', at: first, overdue: false },
      ]);
      applyDeadline(s, 'end-evaluation-reminder', new Date(first));
      expect(providerDue(s, AGB_A)).toEqual([{ kind: 'end-evaluation', at: first, overdue: true }]);
      run(
        s,
        { type: 'reportEvaluation', agbCode: AGB_A, kind: 'end', outcomes: [...JUDGED] },
        at('2027-03-20'),
      );
      expect(providerDue(s, AGB_A)).toEqual([]);
    });

    it('a provider sees its own part only, until some time after the case closed (need-to-know)', () => {
      const s = monitored([AGB_A, AGB_B]);
      const view = providerView(s, AGB_A, 'P3M');
      expect(view.toewijzingen.map((t) => t.agbCode)).toEqual([AGB_A]);
      expect(view).not.toHaveProperty('questionnaires');
      expect(providerMaySee(s, '11111111', 'P3M', at('2027-01-01'))).toBe(false);
      run(s, { type: 'withdraw', reason: text(10) }, at('2027-01-10'));
      expect(providerMaySee(s, AGB_A, 'P3M', at('2027-04-09'))).toBe(true);
      expect(providerMaySee(s, AGB_A, 'P3M', at('2027-04-11'))).toBe(false);
    });
  });
});
