import { messagesOf } from '../../problems';
import { expectedNotice } from '../expected-letter';
import { amsterdamInstant } from '../../time';
import {
  allowedTransferCommands,
  applyTransferCommand,
  applyTransferDeadline,
  DEFAULT_SCHAKELOVERLEG_POLICY,
  initialTransferState,
  isTransferOverdue,
  linkedTrajectoryInput,
  parseTransferId,
  pendingTransferDeadlines,
  recordTrajectoryStarted,
  recordTransferDeliveryFailures,
  resolveSchakeloverlegPolicy,
  SCHAKELOVERLEG_PROCESS,
  SCHAKELOVERLEG_RULE_SETS,
  transferCommandProblems,
  transferCommandStateProblems,
  transferDates,
  transferIdOf,
  transferInputProblems,
  transferProposedEffects,
  transferTimingProblems,
  transferWorkflowId,
  type TransferCommand,
  type TransferEffect,
  type TransferInput,
  type TransferState,
} from '.';

/** Monday 23 November 2026, 11:00 in Amsterdam. */
const NOW = new Date('2026-11-23T10:00:00Z');
/** The measure ends on Monday 1 March 2027: reminder 4 Jan, plan by 18 Jan, meeting by 15 Feb. */
const END = '2027-03-01';
const at = (date: string, hour = 12) => amsterdamInstant(date, hour);

const input = (overrides: Partial<TransferInput> = {}): TransferInput => ({
  transferId: 'gi-limburg.JB-2026-1234',
  organisationId: 'gi-limburg',
  reference: 'JB-2026-1234',
  municipalityCode: '0957',
  familyId: 'fam-jansen',
  clientId: 'client-0001',
  measure: 'ots',
  measureEndDate: END,
  care: [
    { agbCode: '12345678', productCategory: '45' },
    { agbCode: '87654321', productCategory: '54' },
  ],
  contactId: 'coord-schakel',
  escalateToId: 'lead-bram',
  ...overrides,
});

const letters = (effects: TransferEffect[]) =>
  effects.flatMap((e) => (e.type === 'letter' ? [e] : []));
const recipients = (effects: TransferEffect[]) =>
  letters(effects).flatMap((l) =>
    l.to.map((r) => (r.role === 'provider' ? `provider:${r.agbCode}` : `${r.role}:${r.id}`)),
  );

const COORDINATOR = { role: 'coordinator', id: 'coord-anna' } as const;

const kindsDue = (state: TransferState) => pendingTransferDeadlines(state).map((d) => d.kind);

/** Who hears how the transfer ends: the GI, the providers whose care is carried over, the family. */
const GI_CARE_AND_FAMILY = [
  'organisation:gi-limburg',
  'provider:12345678',
  'provider:87654321',
  'client:client-0001',
];

function give(state: TransferState, command: TransferCommand, now: Date): TransferEffect[] {
  expect(messagesOf(transferCommandProblems(state, command, now))).toEqual([]);
  return applyTransferCommand(state, command, now);
}

function planned(meetingDate = '2027-02-03'): TransferState {
  const state = initialTransferState(input(), NOW);
  give(state, { type: 'plan', meetingDate, coordinatorId: 'coord-anna' }, NOW);
  return state;
}

describe('Schakeloverleg transfer (000)', () => {
  describe('dates in working days', () => {
    it('counts back from the end date over weekends', () => {
      expect(transferDates(END, DEFAULT_SCHAKELOVERLEG_POLICY)).toEqual({
        planningReminder: '2027-01-04',
        planBy: '2027-01-18',
        latestMeetingDate: '2027-02-15',
      });
    });

    it('skips Easter Monday and Koningsdag', () => {
      const policy = { ...DEFAULT_SCHAKELOVERLEG_POLICY, meetingLeadWorkingDays: 3 };
      // 2027: Easter Monday is 29 March. Wed 31 Mar − 3 working days: 30, 26, 25 March.
      expect(transferDates('2027-03-31', policy).latestMeetingDate).toBe('2027-03-25');
      // 2026: Koningsdag Mon 27 April. Wed 29 Apr − 3 working days: 28, 24, 23 April.
      expect(transferDates('2026-04-29', policy).latestMeetingDate).toBe('2026-04-23');
    });
  });

  describe('ids and input', () => {
    it('names a transfer by the GI and its own reference, unambiguously', () => {
      expect(transferIdOf('gi-limburg', 'JB-2026-1234')).toBe('gi-limburg.JB-2026-1234');
      expect(parseTransferId('gi-limburg.JB-2026-1234')).toEqual({
        organisationId: 'gi-limburg',
        reference: 'JB-2026-1234',
      });
      expect(transferWorkflowId('gi-limburg.JB-2026-1234')).toBe(
        'schakeloverleg-gi-limburg.JB-2026-1234',
      );
      for (const bad of ['gi-limburg', 'gi-limburg.jb-1', 'Gi.JB-2026-1', '.JB-2026-1', 'a.b.c'])
        expect(parseTransferId(bad)).toBeUndefined();
      expect(() => transferWorkflowId('nope')).toThrow(RangeError);
    });

    it('accepts a well-formed proposal and names every malformed field', () => {
      expect(messagesOf(transferInputProblems(input()))).toEqual([]);
      const problems = messagesOf(
        transferInputProblems(
          input({
            transferId: 'x',
            measure: 'voorlopige-ots' as never,
            measureEndDate: '2027-02-30',
            municipalityCode: '957',
            care: [
              { agbCode: '1234', productCategory: '45' },
              { agbCode: '12345678', productCategory: '99' as never },
            ],
          }),
        ),
      );
      expect(problems).toEqual([
        'transferId must be <organisationId>.<reference>',
        'municipalityCode must be a four-digit CBS gemeentecode',
        'measure must be one of ots, voogdij, jeugdreclassering',
        'measureEndDate must be a calendar date YYYY-MM-DD',
        'care[0].agbCode must be an AGB code of 8 digits',
        'care[1].productCategory must be a JZ020 productcategorie',
      ]);
      expect(
        messagesOf(
          transferInputProblems(
            input({
              care: [
                { agbCode: '12345678', productCategory: '45' },
                { agbCode: '12345678', productCategory: '45' },
              ],
            }),
          ),
        ),
      ).toEqual(['care[1] is listed twice']);
    });

    it('refuses a proposal too late for a Schakeloverleg before the end', () => {
      expect(messagesOf(transferTimingProblems(input(), NOW))).toEqual([]);
      expect(
        messagesOf(transferTimingProblems(input({ measureEndDate: '2026-11-23' }), NOW)),
      ).toEqual(['measureEndDate must be after today (2026-11-23)']);
      // Ends Fri 4 Dec: 10 working days before is Fri 20 Nov, already past.
      expect(
        messagesOf(transferTimingProblems(input({ measureEndDate: '2026-12-04' }), NOW))[0],
      ).toMatch(/can no longer be held 10 working days before it \(the last day was 2026-11-20\)/);
      // Ends Mon 7 Dec: the meeting can still be today, Mon 23 Nov.
      expect(
        messagesOf(transferTimingProblems(input({ measureEndDate: '2026-12-07' }), NOW)),
      ).toEqual([]);
    });
  });

  describe('proposed', () => {
    it('tells the municipality’s contact and waits for the planning deadlines and the end date', () => {
      const state = initialTransferState(input(), NOW);
      expect(state.status).toBe('proposed');
      const proposed = transferProposedEffects(state);
      expect(recipients(proposed)).toEqual(['coordinator:coord-schakel']);
      expect(letters(proposed)[0]!.facts).toMatchObject({
        caseNumber: 'gi-limburg.JB-2026-1234',
        planBy: '2027-01-18',
        latestMeetingDate: '2027-02-15',
        providers: 2,
      });
      expect(pendingTransferDeadlines(state)).toEqual([
        { kind: 'planning-reminder', at: '2027-01-04T07:00:00.000Z' },
        { kind: 'planning-overdue', at: '2027-01-18T07:00:00.000Z' },
        { kind: 'measure-end', at: '2027-03-01T07:00:00.000Z' },
      ]);
      expect(allowedTransferCommands(state, NOW)).toEqual(['plan', 'changeMeasureEnd', 'withdraw']);
    });

    it('sends no proposal letter when no contact is configured', () => {
      expect(
        transferProposedEffects(initialTransferState(input({ contactId: undefined }), NOW)),
      ).toEqual([]);
    });

    it('skips the reminder when proposed after its date, but still escalates', () => {
      const state = initialTransferState(input(), at('2027-01-11'));
      expect(kindsDue(state)).toEqual(['planning-overdue', 'measure-end']);
    });

    it('reminds, then escalates to the team lead, then lapses at the end date', () => {
      const state = initialTransferState(input(), NOW);
      const reminder = applyTransferDeadline(state, 'planning-reminder', at('2027-01-04', 8));
      expect(letters(reminder).map((l) => l.kind)).toEqual(['so-planning-reminder']);
      expect(recipients(reminder)).toEqual([
        'coordinator:coord-schakel',
        'organisation:gi-limburg',
      ]);
      expect(isTransferOverdue(state)).toBe(false);

      const overdue = applyTransferDeadline(state, 'planning-overdue', at('2027-01-18', 8));
      expect(letters(overdue).map((l) => l.kind)).toEqual(['so-planning-overdue']);
      expect(recipients(overdue)).toEqual([
        'coordinator:coord-schakel',
        'coordinator:lead-bram',
        'organisation:gi-limburg',
      ]);
      expect(isTransferOverdue(state)).toBe(true);
      expect(kindsDue(state)).toEqual(['measure-end']);

      const lapsed = applyTransferDeadline(state, 'measure-end', at(END, 8));
      expect(state.status).toBe('lapsed');
      expect(letters(lapsed)[0]).toMatchObject({ kind: 'so-lapsed', facts: { planned: false } });
      // The family was never invited, so it is not told here (the GI is).
      expect(recipients(lapsed)).toEqual(['organisation:gi-limburg', 'coordinator:coord-schakel']);
      expect(pendingTransferDeadlines(state)).toEqual([]);
      expect(allowedTransferCommands(state, at(END))).toEqual([]);
    });
  });

  describe('plan', () => {
    const plan = (meetingDate: string): TransferCommand => ({
      type: 'plan',
      meetingDate,
      coordinatorId: 'coord-anna',
    });

    it('refuses a day that is not a working day, in the past, or too close to the end', () => {
      const state = initialTransferState(input(), NOW);
      expect(messagesOf(transferCommandProblems(state, plan('2027-01-02'), NOW))).toEqual([
        'meetingDate must be a working day (not a weekend or public holiday)',
      ]);
      expect(messagesOf(transferCommandProblems(state, plan('2026-12-25'), NOW))).toEqual([
        'meetingDate must be a working day (not a weekend or public holiday)',
      ]);
      expect(messagesOf(transferCommandProblems(state, plan('2026-11-20'), NOW))).toEqual([
        'meetingDate must not be before today (2026-11-23)',
      ]);
      expect(messagesOf(transferCommandProblems(state, plan('2027-02-16'), NOW))).toEqual([
        'meetingDate must be at least 10 working days before the measure ends on 2027-03-01: on or before 2027-02-15',
      ]);
      expect(messagesOf(transferCommandProblems(state, plan('2027-02-15'), NOW))).toEqual([]);
    });

    it('invites the coordinator, the GI and the family, and waits for the outcome', () => {
      const state = initialTransferState(input(), NOW);
      const effects = give(state, plan('2027-02-03'), NOW);
      expect(state).toMatchObject({ status: 'planned', coordinatorId: 'coord-anna' });
      expect(letters(effects)[0]).toMatchObject({
        kind: 'so-planned',
        facts: { meetingDate: '2027-02-03', round: 1, replanned: false },
      });
      expect(recipients(effects)).toEqual([
        'coordinator:coord-anna',
        'organisation:gi-limburg',
        'client:client-0001',
      ]);
      // Outcome reminded two working days after the meeting (Wed 3 Feb → Fri 5 Feb), escalated
      // after five (Wed 10 Feb; RULES_2026_12_WAITS, below).
      expect(pendingTransferDeadlines(state)).toEqual([
        { kind: 'outcome-reminder', at: '2027-02-05T07:00:00.000Z' },
        { kind: 'outcome-overdue', at: '2027-02-10T07:00:00.000Z' },
        { kind: 'measure-end', at: '2027-03-01T07:00:00.000Z' },
      ]);
      // The outcome can be recorded from the meeting day on, not before.
      expect(
        messagesOf(transferCommandStateProblems(state, 'recordOutcome', at('2027-02-02'))),
      ).toEqual(['the Schakeloverleg is planned for 2027-02-03; record its outcome from that day']);
      expect(allowedTransferCommands(state, at('2027-02-03'))).toContain('recordOutcome');
    });

    it('moves a planned meeting (replanned) and reminds the coordinator of a missing outcome', () => {
      // Before RULES_2026_12_WAITS the reminder itself marks the transfer late.
      const state = planned();
      state.rules = 1;
      const moved = give(state, plan('2027-02-08'), NOW);
      expect(letters(moved)[0]!.facts.replanned).toBe(true);
      const reminder = applyTransferDeadline(state, 'outcome-reminder', at('2027-02-10', 8));
      expect(letters(reminder)[0]).toMatchObject({
        kind: 'so-outcome-reminder',
        to: [{ role: 'coordinator', id: 'coord-anna' }],
      });
      expect(isTransferOverdue(state)).toBe(true);
      // Still no outcome at the end date: it lapses, and the invited family is told.
      const lapsed = applyTransferDeadline(state, 'measure-end', at(END, 8));
      expect(letters(lapsed)[0]!.facts.planned).toBe(true);
      expect(recipients(lapsed)).toContain('client:client-0001');
    });
  });

  describe('outcome', () => {
    const agreed: TransferCommand = {
      type: 'recordOutcome',
      agreed: true,
      parentsConsent: true,
      caseNumber: 'CJG-2027-000042',
    };

    it('needs the parents’ consent and a case number to agree', () => {
      const state = planned();
      const day = at('2027-02-03');
      expect(
        messagesOf(transferCommandProblems(state, { ...agreed, parentsConsent: false }, day))[0],
      ).toMatch(/^parentsConsent must be true/);
      expect(
        messagesOf(transferCommandProblems(state, { ...agreed, caseNumber: 'x' }, day))[0],
      ).toMatch(/^caseNumber must be the case number/);
      expect(
        messagesOf(transferCommandProblems(state, { ...agreed, revisitDate: '2027-06-01' }, day)),
      ).toEqual(['revisitDate is only allowed when not agreed']);
    });

    it('agreed: tells GI, providers, family and coordinator; the trajectory starts on the end date (before the rules of 2026-12)', () => {
      const state = planned();
      // A transfer started before RULES_2026_12 (rules.ts; the new rules: rules-2026-12.spec.ts).
      delete state.rules;
      const effects = give(state, agreed, at('2027-02-03'));
      expect(state.status).toBe('agreed');
      expect(letters(effects)[0]).toMatchObject({
        kind: 'so-agreed',
        facts: { trajectoryCaseNumber: 'CJG-2027-000042', startDate: END, providers: 2 },
      });
      expect(recipients(effects)).toEqual([...GI_CARE_AND_FAMILY, 'coordinator:coord-anna']);
      expect(pendingTransferDeadlines(state)).toEqual([
        { kind: 'trajectory-start', at: '2027-03-01T07:00:00.000Z' },
      ]);

      const start = applyTransferDeadline(state, 'trajectory-start', at(END, 8));
      expect(start).toEqual([{ type: 'start-trajectory' }]);
      // While it starts, nothing else happens to the transfer.
      expect(pendingTransferDeadlines(state)).toEqual([]);
      expect(messagesOf(transferCommandStateProblems(state, 'withdraw', at(END, 8)))).toEqual([
        'the toegang trajectory is being started',
      ]);
      expect(linkedTrajectoryInput(state)).toEqual({
        caseNumber: 'CJG-2027-000042',
        municipalityCode: '0957',
        coordinatorId: 'coord-anna',
        clientId: 'client-0001',
        familyId: 'fam-jansen',
        previousCaseNumber: 'JB-2026-1234',
      });

      const started = recordTrajectoryStarted(state, false, at(END, 8));
      expect(state).toMatchObject({
        status: 'started',
        trajectory: { workflowId: 'trajectory-CJG-2027-000042', alreadyExisted: false },
      });
      expect(letters(started)[0]!.kind).toBe('so-trajectory-started');
      expect(recipients(started)).toEqual(GI_CARE_AND_FAMILY);
    });

    it('not agreed: stays in the forced frame until the revisit, then can be planned again', () => {
      const state = planned();
      const notAgreed: TransferCommand = {
        type: 'recordOutcome',
        agreed: false,
        reason: 'no-consent',
        revisitDate: '2027-09-01',
      };
      // Without the extended end date, a revisit in September leaves no time before 1 March.
      expect(messagesOf(transferCommandProblems(state, notAgreed, at('2027-02-03')))[0]).toMatch(
        /^revisitDate must leave time for a Schakeloverleg 10 working days before the measure ends on 2027-03-01/,
      );
      const effects = give(state, { ...notAgreed, measureEndDate: '2028-03-01' }, at('2027-02-03'));
      expect(state).toMatchObject({ status: 'not-agreed', round: 2, measureEndDate: '2028-03-01' });
      expect(letters(effects)[0]).toMatchObject({
        kind: 'so-not-agreed',
        facts: { reason: 'no-consent', revisitDate: '2027-09-01', measureEndDate: '2028-03-01' },
      });
      expect(recipients(effects)).toEqual(GI_CARE_AND_FAMILY);
      expect(pendingTransferDeadlines(state)).toEqual([
        { kind: 'revisit', at: '2027-09-01T06:00:00.000Z' },
      ]);

      const revisit = applyTransferDeadline(state, 'revisit', at('2027-09-01', 8));
      expect(state.status).toBe('proposed');
      expect(letters(revisit)[0]).toMatchObject({
        kind: 'so-revisit-due',
        facts: { round: 2, planBy: '2028-01-19', latestMeetingDate: '2028-02-16' },
      });
      expect(recipients(revisit)).toEqual(['coordinator:coord-anna', 'organisation:gi-limburg']);
      expect(kindsDue(state)).toEqual(['planning-reminder', 'planning-overdue', 'measure-end']);
      give(
        state,
        { type: 'plan', meetingDate: '2027-10-06', coordinatorId: 'coord-anna' },
        at('2027-09-01'),
      );
      expect(state.status).toBe('planned');
    });

    it('refuses an outcome without a Schakeloverleg planned', () => {
      const state = initialTransferState(input(), NOW);
      expect(messagesOf(transferCommandProblems(state, agreed, NOW))).toEqual([
        'recordOutcome is not possible when the transfer is proposed',
      ]);
    });
  });

  describe('changes and withdrawal by the GI', () => {
    it('moves the start of an agreed transfer with the measure’s new end date', () => {
      const state = planned();
      delete state.rules; // the trajectory starts on the end date (before RULES_2026_12)
      give(
        state,
        { type: 'recordOutcome', agreed: true, parentsConsent: true, caseNumber: 'CJG-2027-1' },
        at('2027-02-03'),
      );
      const effects = give(
        state,
        { type: 'changeMeasureEnd', endDate: '2027-04-01' },
        at('2027-02-04'),
      );
      expect(pendingTransferDeadlines(state)).toEqual([
        { kind: 'trajectory-start', at: '2027-04-01T06:00:00.000Z' },
      ]);
      expect(letters(effects)[0]).toMatchObject({
        kind: 'so-measure-end-changed',
        facts: { previousEndDate: END, measureEndDate: '2027-04-01', agreed: true },
      });
      expect(recipients(effects)).toEqual([
        'coordinator:coord-anna',
        'client:client-0001',
        'provider:12345678',
        'provider:87654321',
      ]);
    });

    it('refuses an end date that would leave the planned meeting too late', () => {
      const state = planned('2027-02-15');
      expect(
        messagesOf(
          transferCommandProblems(state, { type: 'changeMeasureEnd', endDate: '2027-02-26' }, NOW),
        ),
      ).toEqual([
        'the Schakeloverleg planned for 2027-02-15 would be less than 10 working days before 2027-02-26; the coordinator plans it earlier first',
      ]);
    });

    it('recomputes the planning deadlines of a proposal', () => {
      const state = initialTransferState(input(), NOW);
      applyTransferDeadline(state, 'planning-reminder', at('2027-01-04', 8));
      give(state, { type: 'changeMeasureEnd', endDate: '2027-06-01' }, at('2027-01-05'));
      expect(kindsDue(state)).toEqual(['planning-reminder', 'planning-overdue', 'measure-end']);
    });

    it('withdrawal tells the CJG, and the family only once invited', () => {
      const proposed = initialTransferState(input(), NOW);
      const early = give(proposed, { type: 'withdraw', reason: 'measure-continues' }, NOW);
      expect(recipients(early)).toEqual(['coordinator:coord-schakel']);
      expect(proposed.status).toBe('withdrawn');

      const state = planned();
      const late = give(state, { type: 'withdraw', reason: 'family-moved' }, NOW);
      expect(recipients(late)).toEqual(['coordinator:coord-anna', 'client:client-0001']);
      expect(
        messagesOf(
          transferCommandProblems(
            initialTransferState(input(), NOW),
            { type: 'withdraw', reason: 'because' as never },
            NOW,
          ),
        )[0],
      ).toMatch(/^reason must be one of measure-continues/);
    });
  });

  describe('delivery problems', () => {
    it('records an undelivered letter and tells the CJG side, never about itself', () => {
      const state = planned();
      const notice = recordTransferDeliveryFailures(
        state,
        'so-planned',
        1,
        [
          { recipient: { role: 'client', id: 'client-0001' }, reason: 'refused' },
          { recipient: { role: 'coordinator', id: 'coord-anna' }, reason: 'no-address' },
        ],
        NOW,
      );
      expect(state.deliveryProblems.map((p) => p.recipient)).toEqual([
        'client:client-0001',
        'coordinator:coord-anna',
      ]);
      expect(notice).toEqual([
        expectedNotice(COORDINATOR, 'gi-limburg.JB-2026-1234', 'so-planned', 'client', 'refused'),
      ]);
    });
  });

  describe('policy', () => {
    it('takes overrides and names every problem', () => {
      expect(resolveSchakeloverlegPolicy({ planByWorkingDays: 25 }).planByWorkingDays).toBe(25);
      expect(() =>
        resolveSchakeloverlegPolicy({ planByWorkingDays: 5, nonsense: 1 } as never),
      ).toThrow(
        /unknown Schakeloverleg policy setting nonsense; planByWorkingDays must be more than meetingLeadWorkingDays/,
      );
    });
  });
});

/** Planned for 3 February 2027 and agreed that day. */
function agreed(): { state: TransferState; effects: TransferEffect[] } {
  const state = planned();
  const effects = give(
    state,
    { type: 'recordOutcome', agreed: true, parentsConsent: true, caseNumber: 'CJG-2027-000042' },
    at('2027-02-03'),
  );
  return { state, effects };
}

describe('Schakeloverleg rules of December 2026 (issue 17): the care decided before the measure ends', () => {
  it('are the process’s rule sets, and a new transfer runs by them', () => {
    expect(SCHAKELOVERLEG_PROCESS.ruleSets).toEqual([
      'schakeloverleg-rules-2026-12',
      'schakeloverleg-rules-2026-12-waits',
    ]);
    expect(agreed().state.rules).toBe(SCHAKELOVERLEG_RULE_SETS.length);
  });

  it('agreed: the trajectory starts at once, its beschikking due before the end date', () => {
    const { state, effects } = agreed();
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'so-agreed',
        facts: expect.objectContaining({ startDate: END, beschikkingBefore: END }),
      }),
      { type: 'start-trajectory' },
    ]);
    // While it starts, nothing else happens to the transfer.
    expect(state.agreement?.startingAt).toBe(at('2027-02-03').toISOString());
    expect(pendingTransferDeadlines(state)).toEqual([]);
    expect(linkedTrajectoryInput(state)).toEqual({
      caseNumber: 'CJG-2027-000042',
      municipalityCode: '0957',
      coordinatorId: 'coord-anna',
      clientId: 'client-0001',
      familyId: 'fam-jansen',
      previousCaseNumber: 'JB-2026-1234',
      decideBefore: { date: END, why: 'measure-ends', escalateToId: 'lead-bram' },
    });
  });

  it('stays agreed until the measure ends; then the voluntary frame begins and the parties are told', () => {
    const { state } = agreed();
    expect(recordTrajectoryStarted(state, false, at('2027-02-03'))).toEqual([]);
    expect(state).toMatchObject({
      status: 'agreed',
      trajectory: { caseNumber: 'CJG-2027-000042', alreadyExisted: false },
    });
    expect(state.agreement?.startingAt).toBeUndefined();
    expect(allowedTransferCommands(state, at('2027-02-04'))).toEqual([
      'changeMeasureEnd',
      'withdraw',
    ]);
    expect(pendingTransferDeadlines(state)).toEqual([
      { kind: 'trajectory-start', at: amsterdamInstant(END, 8).toISOString() },
    ]);

    const effects = applyTransferDeadline(state, 'trajectory-start', amsterdamInstant(END, 8));
    expect(effects).toEqual([
      {
        type: 'letter',
        kind: 'so-trajectory-started',
        to: expect.any(Array),
        facts: {
          caseNumber: 'gi-limburg.JB-2026-1234',
          reference: 'JB-2026-1234',
          measure: 'ots',
          measureEndDate: END,
          trajectoryCaseNumber: 'CJG-2027-000042',
          startDate: END,
        },
      },
    ]);
    expect(recipients(effects)).toEqual(GI_CARE_AND_FAMILY);
    expect(state.status).toBe('started');
    expect(state.closedAt).toBe(amsterdamInstant(END, 8).toISOString());
  });

  it.each<[string, TransferCommand, string, object]>([
    [
      'a changed end date: the coordinator is told the beschikking’s term does not follow',
      { type: 'changeMeasureEnd', endDate: '2027-02-22' },
      'so-measure-end-changed',
      { agreed: true, trajectoryStarted: true, trajectoryCaseNumber: 'CJG-2027-000042' },
    ],
    [
      'withdrawn: the letter names the trajectory, for the coordinator to withdraw it',
      { type: 'withdraw', reason: 'measure-continues' },
      'so-withdrawn',
      { reason: 'measure-continues', trajectoryCaseNumber: 'CJG-2027-000042' },
    ],
  ])('after the trajectory started, %s', (_, command, kind, facts) => {
    const { state } = agreed();
    recordTrajectoryStarted(state, false, at('2027-02-03'));
    const [letter] = give(state, command, at('2027-02-04'));
    expect(letter).toMatchObject({ kind, facts });
    if (command.type === 'changeMeasureEnd')
      // The voluntary frame begins on the new date.
      expect(pendingTransferDeadlines(state)).toEqual([
        { kind: 'trajectory-start', at: amsterdamInstant('2027-02-22', 8).toISOString() },
      ]);
  });

  it('before the rules: agreed starts nothing until the end date, and the trajectory has no earlier due date', () => {
    const { state } = agreed();
    // The same transfer, as one started before the rules would have been agreed.
    const old = structuredClone(state);
    delete old.rules;
    old.agreement = { caseNumber: 'CJG-2027-000042', agreedAt: at('2027-02-03').toISOString() };
    expect(linkedTrajectoryInput(old)).not.toHaveProperty('decideBefore');
    expect(pendingTransferDeadlines(old)).toEqual([
      { kind: 'trajectory-start', at: amsterdamInstant(END, 8).toISOString() },
    ]);
    expect(applyTransferDeadline(old, 'trajectory-start', amsterdamInstant(END, 8))).toEqual([
      { type: 'start-trajectory' },
    ]);
    const started = recordTrajectoryStarted(old, false, amsterdamInstant(END, 8));
    expect(old.status).toBe('started');
    expect(started.map((e) => (e.type === 'letter' ? e.kind : e.type))).toEqual([
      'so-trajectory-started',
    ]);
  });
});

describe('Schakeloverleg rules of December 2026: no silent waits (issue 17, item 4)', () => {
  const kinds = (state: TransferState) => pendingTransferDeadlines(state).map((d) => d.kind);

  it('reminds the coordinator of a missing outcome, then escalates to the team lead', () => {
    const state = planned();
    const reminder = applyTransferDeadline(state, 'outcome-reminder', at('2027-02-05', 8));
    expect(recipients(reminder)).toEqual(['coordinator:coord-anna']);
    // A reminder, not yet late.
    expect(isTransferOverdue(state)).toBe(false);
    expect(kinds(state)).toEqual(['outcome-overdue', 'measure-end']);
    const escalation = applyTransferDeadline(state, 'outcome-overdue', at('2027-02-10', 8));
    expect(letters(escalation)).toEqual([
      expect.objectContaining({
        kind: 'so-outcome-overdue',
        to: [COORDINATOR, { role: 'coordinator', id: 'lead-bram' }],
        facts: expect.objectContaining({
          meetingDate: '2027-02-03',
          coordinatorId: 'coord-anna',
          teamLeadTold: true,
        }),
      }),
    ]);
    expect(isTransferOverdue(state)).toBe(true);
    expect(kinds(state)).toEqual(['measure-end']);
  });

  it('without a team lead the transfer is still marked late, and the coordinator told', () => {
    const state = initialTransferState(input({ escalateToId: undefined }), NOW);
    give(state, { type: 'plan', meetingDate: '2027-02-03', coordinatorId: 'coord-anna' }, NOW);
    const escalation = applyTransferDeadline(state, 'outcome-overdue', at('2027-02-10', 8));
    expect(recipients(escalation)).toEqual(['coordinator:coord-anna']);
    expect(letters(escalation)[0]!.facts.teamLeadTold).toBeUndefined();
    expect(isTransferOverdue(state)).toBe(true);
  });

  it('a meeting planned again starts the outcome’s reminder and escalation afresh', () => {
    const state = planned();
    applyTransferDeadline(state, 'outcome-overdue', at('2027-02-10', 8));
    give(
      state,
      { type: 'plan', meetingDate: '2027-02-12', coordinatorId: 'coord-anna' },
      at('2027-02-10'),
    );
    expect(isTransferOverdue(state)).toBe(false);
    expect(kinds(state)).toEqual(['outcome-reminder', 'outcome-overdue', 'measure-end']);
  });

  it('before them: no escalation; the reminder marks the transfer late', () => {
    const state = planned();
    state.rules = 1;
    expect(kinds(state)).toEqual(['outcome-reminder', 'measure-end']);
    applyTransferDeadline(state, 'outcome-reminder', at('2027-02-05', 8));
    expect(isTransferOverdue(state)).toBe(true);
  });

  it('takes a policy from before the escalation, with its default, and refuses one that cannot work', () => {
    const { outcomeOverdueWorkingDays: _o, ...older } = DEFAULT_SCHAKELOVERLEG_POLICY;
    const state = initialTransferState(input({ policy: older }), NOW);
    give(state, { type: 'plan', meetingDate: '2027-02-03', coordinatorId: 'coord-anna' }, NOW);
    expect(pendingTransferDeadlines(state)[1]).toEqual({
      kind: 'outcome-overdue',
      at: '2027-02-10T07:00:00.000Z',
    });
    expect(() => resolveSchakeloverlegPolicy({ outcomeOverdueWorkingDays: 2 })).toThrow(
      /outcomeOverdueWorkingDays must be more than outcomeWorkingDays/,
    );
    expect(() => resolveSchakeloverlegPolicy({ outcomeOverdueWorkingDays: 10 })).toThrow(
      /outcomeOverdueWorkingDays must be fewer than meetingLeadWorkingDays/,
    );
    expect(() => resolveSchakeloverlegPolicy({ outcomeOverdueWorkingDays: 0.5 })).toThrow(
      /outcomeOverdueWorkingDays must be a whole number/,
    );
  });
});
