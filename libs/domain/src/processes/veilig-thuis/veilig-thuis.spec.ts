import { messagesOf } from '../../problems';
import { expectedLetter, expectedNotice } from '../expected-letter';
import { amsterdamInstant } from '../../time';
import {
  applyHandoverCommand,
  applyHandoverDeadline,
  DEFAULT_VEILIG_THUIS_POLICY,
  handoverCommandProblems,
  handoverInputProblems,
  handoverLetterFactsFor,
  handoverNextDue,
  handoverProjectionOf,
  handoverReceivedLetters,
  handoverRefusedByState,
  handoverWorkflowId,
  initialHandoverState,
  isHandoverOverdue,
  missedAt,
  pendingHandoverDeadlines,
  recordHandoverDeliveryFailures,
  resolveVeiligThuisPolicy,
  veiligThuisPolicyProblems,
  VEILIG_THUIS_PROCESS,
  VEILIG_THUIS_RULE_SETS,
  type HandoverCommand,
  type HandoverInput,
  type HandoverState,
} from '.';

const SAFETY = { textId: '6f1c2a9e-3b0d-4c1e-9a57-2d8e4f0b7c11', items: 3 };
const MONITORING = { textId: '0b7a9c3d-5e21-4f6a-8d90-1c2b3a4d5e6f', items: 2 };
const AGREEMENTS = { textId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d', items: 4 };
const EXPLANATION = { textId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', items: 1 };

function input(overrides: Partial<HandoverInput> = {}): HandoverInput {
  return {
    handoverId: 'VTH-2026-000001',
    organisationId: 'vt-limburg-noord',
    reference: 'VT-2026-04711',
    urgency: 'regular',
    handoverType: 'afschaling',
    municipalityCode: '0957',
    handoverLeadId: 'lead-bram',
    safetyConditions: SAFETY,
    monitoringAgreements: MONITORING,
    ...overrides,
  };
}

const LEAD = { role: 'coordinator', id: 'lead-bram' } as const;
const COORDINATOR = { role: 'coordinator', id: 'coord-anna' } as const;
const VEILIG_THUIS = { role: 'organisation', id: 'vt-limburg-noord' } as const;
const FAMILY = { role: 'client', id: 'client-0001' } as const;
/** The facts every letter of the handover carries. */
const HANDOVER_FACTS = {
  caseNumber: 'VTH-2026-000001',
  reference: 'VT-2026-04711',
  urgency: 'regular',
};

/** 10:00 Amsterdam on a date. */
const at = (date: string, hour = 10) => amsterdamInstant(date, hour);

function run(state: HandoverState, command: HandoverCommand, now: Date) {
  expect(messagesOf(handoverCommandProblems(state, command, now))).toEqual([]);
  return applyHandoverCommand(state, command, now);
}

/** A handover received on Friday 20 November 2026, accepted the Monday after. */
function accepted(): HandoverState {
  const s = initialHandoverState(input(), at('2026-11-20'));
  run(s, { type: 'accept', coordinatorId: 'coord-anna' }, at('2026-11-23'));
  return s;
}

/** Accepted, and the meeting planned for Thursday 26 November, without a joint home visit. */
function planned(): HandoverState {
  const s = accepted();
  run(
    s,
    {
      type: 'planMeeting',
      date: '2026-11-26',
      jointHomeVisit: false,
      clientId: 'client-0001',
      familyId: 'fam-jansen',
    },
    at('2026-11-24'),
  );
  return s;
}

function held(): HandoverState {
  const s = accepted();
  const plan: HandoverCommand = {
    type: 'planMeeting',
    date: '2026-11-26',
    time: '14:30',
    jointHomeVisit: true,
    clientId: 'client-0001',
    familyId: 'fam-jansen',
  };
  run(s, plan, at('2026-11-24'));
  run(
    s,
    { type: 'recordMeeting', heldOn: '2026-11-26', jointHomeVisit: true, agreements: AGREEMENTS },
    at('2026-11-26', 16),
  );
  return s;
}

describe('Veilig Thuis policy', () => {
  it('has valid defaults: accept in 5 working days (1 when urgent), meet in 10 (5)', () => {
    expect(veiligThuisPolicyProblems(DEFAULT_VEILIG_THUIS_POLICY)).toEqual([]);
    expect(DEFAULT_VEILIG_THUIS_POLICY.acceptWithinWorkingDays).toEqual({ regular: 5, urgent: 1 });
  });

  it('takes overrides per urgency and refuses what cannot work', () => {
    expect(resolveVeiligThuisPolicy({ acceptWithinWorkingDays: { regular: 3 } } as never)).toEqual({
      ...DEFAULT_VEILIG_THUIS_POLICY,
      acceptWithinWorkingDays: { regular: 3, urgent: 1 },
    });
    expect(() => resolveVeiligThuisPolicy({ acceptWithin: 3 } as never)).toThrow(
      /unknown policy setting acceptWithin/,
    );
    expect(() =>
      resolveVeiligThuisPolicy({ acceptWithinWorkingDays: { regular: 2, urgent: 4 } }),
    ).toThrow(/urgent must not be longer/);
    expect(() => resolveVeiligThuisPolicy({ meetingReminderWorkingDays: 5 })).toThrow(
      /meetingReminderWorkingDays must be shorter/,
    );
    expect(() => resolveVeiligThuisPolicy({ feedbackWithinWorkingDays: 0 })).toThrow(
      /feedbackWithinWorkingDays/,
    );
  });
});

describe('handover input', () => {
  it('accepts ids and codes, and names every problem otherwise', () => {
    expect(messagesOf(handoverInputProblems(input()))).toEqual([]);
    expect(
      messagesOf(
        handoverInputProblems(
          input({
            handoverId: 'VTH-1',
            reference: 'Jansen, Sam',
            urgency: 'soon' as never,
            municipalityCode: '957',
            safetyConditions: { textId: 'x', items: 0 },
          }),
        ),
      ),
    ).toEqual([
      'handoverId is not a valid handover id',
      'reference must be 3-40 characters A-Z, 0-9 and single hyphens',
      'urgency must be regular or urgent',
      'municipalityCode must be a four-digit CBS gemeentecode',
      'safetyConditions.textId must be a UUID',
      'safetyConditions.items must be a whole number from 1 to 30',
    ]);
    expect(handoverWorkflowId('VTH-2026-000001')).toBe('veilig-thuis-handover-VTH-2026-000001');
  });
});

describe('acceptance deadline (working days)', () => {
  it('is 5 working days after a Friday receipt, missed at 8:00 the next working day', () => {
    const s = initialHandoverState(input(), at('2026-11-20'));
    expect(s.acceptance.dueDate).toBe('2026-11-27');
    expect(pendingHandoverDeadlines(s)).toEqual([
      // Reminded a working day before (RULES_2026_12_WAITS, below).
      { kind: 'accept-reminder', at: amsterdamInstant('2026-11-26', 8).toISOString() },
      { kind: 'accept-overdue', at: amsterdamInstant('2026-11-30', 8).toISOString() },
    ]);
  });

  it('skips Christmas, New Year and the weekends in between', () => {
    const s = initialHandoverState(input(), at('2026-12-23'));
    expect(s.acceptance.dueDate).toBe('2026-12-31');
    // 1 January is a holiday, then a weekend: missed on Monday 4 January at 8:00 (CET).
    expect(missedAt(s, s.acceptance.dueDate).toISOString()).toBe('2027-01-04T07:00:00.000Z');
  });

  it('gives an urgent handover one working day: Easter Monday does not count', () => {
    const s = initialHandoverState(input({ urgency: 'urgent' }), at('2026-04-03'));
    expect(s.acceptance.dueDate).toBe('2026-04-07');
  });

  it('when missed: escalates to the handover lead, tells Veilig Thuis, stays overdue until accepted', () => {
    const s = initialHandoverState(input(), at('2026-11-20'));
    const letters = applyHandoverDeadline(s, 'accept-overdue', at('2026-11-30', 8));
    expect(letters).toEqual([
      expectedLetter('vt-acceptance-overdue', [LEAD], { ...HANDOVER_FACTS, dueDate: '2026-11-27' }),
      expectedLetter(
        'vt-acceptance-delayed',
        [VEILIG_THUIS],
        expect.objectContaining({ dueDate: '2026-11-27' }),
      ),
    ]);
    expect(s.status).toBe('received');
    expect(isHandoverOverdue(s)).toBe(true);
    expect(pendingHandoverDeadlines(s)).toEqual([]);
    // Still listed at its missed deadline, so a list sorted by due date shows it first.
    expect(handoverNextDue(s)).toEqual({
      kind: 'accept-overdue',
      at: amsterdamInstant('2026-11-30', 8).toISOString(),
    });
    run(s, { type: 'accept', coordinatorId: 'coord-anna' }, at('2026-12-01'));
    expect(isHandoverOverdue(s)).toBe(false);
    expect(s.acceptance.late).toBe(true);
    expect(handoverProjectionOf(s, 'wf').acceptedLate).toBe(true);
  });
});

describe('the warm handover, step by step', () => {
  it('tells the handover lead and Veilig Thuis of a new handover', () => {
    const s = initialHandoverState(input(), at('2026-11-20'));
    expect(handoverReceivedLetters(s).map((l) => [l.kind, l.to])).toEqual([
      ['vt-handover-received', [LEAD]],
      ['vt-receipt', [VEILIG_THUIS]],
    ]);
  });

  it('accepts: Veilig Thuis hears who, the coordinator gets the conditions by their text ids', () => {
    const s = initialHandoverState(input(), at('2026-11-20'));
    const letters = run(s, { type: 'accept', coordinatorId: 'coord-anna' }, at('2026-11-23'));
    expect(s.status).toBe('accepted');
    // 10 working days from Monday 23 November: Monday 7 December.
    expect(s.meeting?.dueDate).toBe('2026-12-07');
    expect(letters.map((l) => [l.kind, l.to, l.facts])).toEqual([
      [
        'vt-accepted',
        [VEILIG_THUIS],
        expect.objectContaining({ coordinatorId: 'coord-anna', meetingDueDate: '2026-12-07' }),
      ],
      [
        'vt-coordinator-assigned',
        [COORDINATOR],
        expect.objectContaining({
          safetyConditionsTextId: SAFETY.textId,
          monitoringAgreementsTextId: MONITORING.textId,
        }),
      ],
    ]);
    // Reminder two working days before the last day (Thursday 3 December), overdue after it.
    expect(pendingHandoverDeadlines(s)).toEqual([
      { kind: 'meeting-reminder', at: amsterdamInstant('2026-12-03', 8).toISOString() },
      { kind: 'meeting-overdue', at: amsterdamInstant('2026-12-08', 8).toISOString() },
    ]);
  });

  it('plans the meeting with the family: invitations to Veilig Thuis, the family and the coordinator', () => {
    const s = accepted();
    const plan: HandoverCommand = {
      type: 'planMeeting',
      date: '2026-11-26',
      jointHomeVisit: true,
      clientId: 'client-0001',
      familyId: 'fam-jansen',
    };
    let letters = run(s, plan, at('2026-11-24'));
    expect(s.status).toBe('meeting-planned');
    expect(letters[0]?.to).toEqual([VEILIG_THUIS, FAMILY, COORDINATOR]);
    expect(letters[0]?.facts).toMatchObject({ jointHomeVisit: true, moved: false });
    letters = run(s, { ...plan, date: '2026-11-30' }, at('2026-11-25'));
    expect(letters[0]?.facts).toMatchObject({ date: '2026-11-30', moved: true });
    expect(s.meeting?.planned?.times).toBe(2);
  });

  it('records the meeting: the agreements in writing to all parties, feedback due in 5 working days', () => {
    const s = held();
    expect(s.status).toBe('meeting-held');
    expect(s.feedback?.dueDate).toBe('2026-12-03');
    expect(pendingHandoverDeadlines(s)).toEqual([
      { kind: 'feedback-reminder', at: amsterdamInstant('2026-12-02', 8).toISOString() },
      { kind: 'feedback-overdue', at: amsterdamInstant('2026-12-04', 8).toISOString() },
    ]);
  });

  it('starts a linked trajectory and feeds the outcome back to Veilig Thuis and the family', () => {
    const s = held();
    const letters = run(
      s,
      { type: 'startTrajectory', caseNumber: 'CJG-2026-000123' },
      at('2026-11-27'),
    );
    expect(s.status).toBe('trajectory-started');
    expect(s.closedAt).toBeDefined();
    expect(letters).toEqual([
      expectedLetter(
        'vt-feedback',
        [VEILIG_THUIS, FAMILY],
        expect.objectContaining({
          decision: 'trajectory',
          trajectoryCaseNumber: 'CJG-2026-000123',
        }),
      ),
    ]);
    expect(pendingHandoverDeadlines(s)).toEqual([]);
    expect(handoverProjectionOf(s, 'wf')).toMatchObject({
      status: 'trajectory-started',
      outcome: 'trajectory',
      trajectoryCaseNumber: 'CJG-2026-000123',
      meetingHeldOn: '2026-11-26',
      jointHomeVisit: true,
    });
  });

  it('closes with basic support', () => {
    const s = held();
    const [letter] = run(s, { type: 'closeWithBasicSupport' }, at('2026-11-27'));
    expect(s.status).toBe('basic-support');
    expect(letter?.facts.decision).toBe('basic-support');
  });

  it('refuses back to Veilig Thuis with the reason and the explanation by its text id', () => {
    const s = initialHandoverState(input(), at('2026-11-20'));
    const explanation = { textId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', items: 1 };
    const [letter] = run(
      s,
      { type: 'refuse', reason: 'outside-region', explanation },
      at('2026-11-23'),
    );
    expect(s.status).toBe('refused');
    expect(letter).toMatchObject({
      kind: 'vt-refused',
      to: [VEILIG_THUIS],
      facts: { reason: 'outside-region', explanationTextId: explanation.textId },
    });
  });

  it('lets Veilig Thuis withdraw; the family hears it once it was invited', () => {
    const s = planned();
    const [letter] = run(
      s,
      { type: 'withdraw', reason: 'veilig-thuis-continues' },
      at('2026-11-25'),
    );
    expect(s.status).toBe('withdrawn');
    expect(letter?.to).toEqual([LEAD, COORDINATOR, FAMILY]);
  });
});

describe('refused commands', () => {
  it('by the state (409): a step out of order', () => {
    const s = initialHandoverState(input(), at('2026-11-20'));
    const record: HandoverCommand = {
      type: 'recordMeeting',
      heldOn: '2026-11-20',
      jointHomeVisit: false,
      agreements: AGREEMENTS,
    };
    expect(messagesOf(handoverCommandProblems(s, record, at('2026-11-20')))).toEqual([
      'recordMeeting is not possible when the handover is received',
    ]);
    expect(handoverRefusedByState(s, record)).toBe(true);
    const h = held();
    expect(
      messagesOf(
        handoverCommandProblems(h, { type: 'withdraw', reason: 'in-error' }, at('2026-11-27')),
      ),
    ).toEqual(['withdraw is not possible when the handover is meeting-held']);
  });

  it('by the data (422): dates, codes, unknown fields, an unexplained lack of competence', () => {
    const s = accepted();
    expect(
      messagesOf(
        handoverCommandProblems(
          s,
          {
            type: 'planMeeting',
            date: '2026-11-20',
            time: '25:00',
            jointHomeVisit: 'yes' as never,
            clientId: 'Sam Jansen',
            familyId: 'fam-jansen',
          },
          at('2026-11-24'),
        ),
      ),
    ).toEqual([
      'date must not be in the past',
      'time must be HH:MM (24 hours)',
      'jointHomeVisit must be true or false',
      'clientId is not a valid id',
    ]);
    const r = initialHandoverState(input(), at('2026-11-20'));
    expect(
      messagesOf(
        handoverCommandProblems(r, { type: 'refuse', reason: 'not-competent' }, at('2026-11-20')),
      ),
    ).toEqual(['a refusal for lack of competence needs an explanation: whose case it is']);
    expect(
      messagesOf(
        handoverCommandProblems(
          r,
          { type: 'accept', coordinatorId: 'coord-anna', note: 'x' } as never,
          at('2026-11-20'),
        ),
      ),
    ).toEqual(['note is not a field of accept']);
    const p = planned();
    expect(
      messagesOf(
        handoverCommandProblems(
          p,
          {
            type: 'recordMeeting',
            heldOn: '2026-11-20',
            jointHomeVisit: false,
            agreements: AGREEMENTS,
          },
          at('2026-11-26'),
        ),
      ),
    ).toEqual(['heldOn must not be before the handover was accepted']);
    expect(
      messagesOf(
        handoverCommandProblems(
          p,
          {
            type: 'recordMeeting',
            heldOn: '2026-11-27',
            jointHomeVisit: false,
            agreements: AGREEMENTS,
          },
          at('2026-11-26'),
        ),
      ),
    ).toEqual(['heldOn must not be in the future']);
    const h = held();
    expect(
      messagesOf(
        handoverCommandProblems(
          h,
          { type: 'startTrajectory', caseNumber: 'VTH-2026-000001' },
          at('2026-11-27'),
        ),
      ),
    ).toEqual(['caseNumber must be a case number of its own, not the handover id']);
  });
});

describe('meeting and feedback deadlines', () => {
  it('reminds the coordinator, then escalates to the coordinator and the handover lead', () => {
    const s = accepted();
    const [reminder] = applyHandoverDeadline(s, 'meeting-reminder', at('2026-12-03', 8));
    expect(reminder).toMatchObject({
      kind: 'vt-meeting-reminder',
      to: [COORDINATOR],
      facts: { dueDate: '2026-12-07', planned: false },
    });
    expect(pendingHandoverDeadlines(s).map((d) => d.kind)).toEqual(['meeting-overdue']);
    const [overdue] = applyHandoverDeadline(s, 'meeting-overdue', at('2026-12-08', 8));
    expect(overdue).toMatchObject({
      kind: 'vt-meeting-overdue',
      to: [LEAD, COORDINATOR],
    });
    expect(isHandoverOverdue(s)).toBe(true);
    expect(pendingHandoverDeadlines(s)).toEqual([]);
  });

  it('marks a late outcome, and records that it was late once it comes', () => {
    const s = held();
    const [letter] = applyHandoverDeadline(s, 'feedback-overdue', at('2026-12-04', 8));
    expect(letter?.kind).toBe('vt-feedback-overdue');
    expect(isHandoverOverdue(s)).toBe(true);
    run(s, { type: 'closeWithBasicSupport' }, at('2026-12-07'));
    expect(s.outcome?.late).toBe(true);
    expect(isHandoverOverdue(s)).toBe(false);
  });

  it('sends no meeting reminder when the policy sets none', () => {
    const s = initialHandoverState(
      input({ policy: { ...DEFAULT_VEILIG_THUIS_POLICY, meetingReminderWorkingDays: 0 } }),
      at('2026-11-20'),
    );
    run(s, { type: 'accept', coordinatorId: 'coord-anna' }, at('2026-11-23'));
    expect(pendingHandoverDeadlines(s).map((d) => d.kind)).toEqual(['meeting-overdue']);
  });
});

describe('undeliverable letters', () => {
  it('are recorded; the handover lead is told before acceptance, the coordinator after', () => {
    const s = initialHandoverState(input(), at('2026-11-20'));
    const failure = { recipient: VEILIG_THUIS, reason: 'refused' } as const;
    let letters = recordHandoverDeliveryFailures(s, 'vt-receipt', 2, [failure], at('2026-11-20'));
    expect(letters).toEqual([
      expectedNotice(LEAD, 'VTH-2026-000001', 'vt-receipt', 'organisation', 'refused'),
    ]);
    expect(s.deliveryProblems).toHaveLength(1);
    run(s, { type: 'accept', coordinatorId: 'coord-anna' }, at('2026-11-23'));
    letters = recordHandoverDeliveryFailures(s, 'vt-accepted', 3, [failure], at('2026-11-23'));
    expect(letters[0]?.to).toEqual([COORDINATOR]);
    // A notice that did not arrive is recorded, not noticed again.
    expect(
      recordHandoverDeliveryFailures(s, 'delivery-failed', 4, [failure], at('2026-11-23')),
    ).toEqual([]);
  });
});

/** A handover received on Friday 20 November 2026, by the rules of December 2026 or before. */
function received(rules: 'current' | 'before-2026-12'): HandoverState {
  const state = initialHandoverState(input(), at('2026-11-20'));
  if (rules === 'before-2026-12') delete state.rules;
  return state;
}

const REASON_RULE =
  "reason must be outside-region or not-competent: Veilig Thuis judges safety, the CJG refuses a handover only when the family lives outside its region or the case is not the CJG's to take";

describe('Veilig Thuis handover rules of December 2026 (issue 17)', () => {
  it('are the process’s rule sets, and a new handover runs by them', () => {
    expect(VEILIG_THUIS_PROCESS.ruleSets).toEqual([
      'veilig-thuis-rules-2026-12',
      'veilig-thuis-rules-2026-12-waits',
    ]);
    expect(received('current').rules).toBe(VEILIG_THUIS_RULE_SETS.length);
  });

  describe('refusal: only another region or lack of competence (Veilig Thuis judges safety)', () => {
    it.each(['not-safe-enough', 'care-elsewhere', 'other', 'unsafe'])(
      'refuses the reason %s, in every handover, also one from before the rules',
      (reason) => {
        for (const rules of ['current', 'before-2026-12'] as const) {
          const command = { type: 'refuse', reason, explanation: EXPLANATION } as never;
          expect(
            messagesOf(handoverCommandProblems(received(rules), command, at('2026-11-23'))),
          ).toEqual([REASON_RULE]);
        }
      },
    );

    it('takes lack of competence only with an explanation of whose case it is', () => {
      const state = received('current');
      expect(
        messagesOf(
          handoverCommandProblems(
            state,
            { type: 'refuse', reason: 'not-competent' },
            at('2026-11-23'),
          ),
        ),
      ).toEqual(['a refusal for lack of competence needs an explanation: whose case it is']);
      expect(
        messagesOf(
          handoverCommandProblems(
            state,
            { type: 'refuse', reason: 'not-competent', explanation: EXPLANATION },
            at('2026-11-23'),
          ),
        ),
      ).toEqual([]);
      // Another region is plain enough without one.
      expect(
        messagesOf(
          handoverCommandProblems(
            state,
            { type: 'refuse', reason: 'outside-region' },
            at('2026-11-23'),
          ),
        ),
      ).toEqual([]);
    });

    it('escalates a refusal to the handover lead, with the reason and the explanation', () => {
      const state = received('current');
      const letters = run(
        state,
        { type: 'refuse', reason: 'not-competent', explanation: EXPLANATION },
        at('2026-11-23'),
      );
      const facts = {
        caseNumber: 'VTH-2026-000001',
        reference: 'VT-2026-04711',
        urgency: 'regular',
        reason: 'not-competent',
        explanationTextId: EXPLANATION.textId,
      };
      expect(letters).toEqual([
        { type: 'letter', kind: 'vt-refused', to: [VEILIG_THUIS], facts },
        { type: 'letter', kind: 'vt-refusal-escalated', to: [LEAD], facts },
      ]);
      expect(state).toMatchObject({ status: 'refused', refusal: { reason: 'not-competent' } });
    });

    it('before the rules: the refusal goes to Veilig Thuis only', () => {
      const state = received('before-2026-12');
      const letters = run(state, { type: 'refuse', reason: 'outside-region' }, at('2026-11-23'));
      expect(letters.map((l) => [l.kind, l.to])).toEqual([['vt-refused', [VEILIG_THUIS]]]);
    });
  });

  describe('the safety conditions are not sent to the family in full', () => {
    /** The agreements letter of a held warm handover (any rules: it is the same letter). */
    function agreementsLetter() {
      const state = received('before-2026-12');
      run(state, { type: 'accept', coordinatorId: 'coord-anna' }, at('2026-11-23'));
      run(
        state,
        {
          type: 'planMeeting',
          date: '2026-11-26',
          jointHomeVisit: true,
          clientId: 'client-0001',
          familyId: 'fam-jansen',
        },
        at('2026-11-24'),
      );
      const [letter] = run(
        state,
        {
          type: 'recordMeeting',
          heldOn: '2026-11-26',
          jointHomeVisit: true,
          agreements: AGREEMENTS,
        },
        at('2026-11-26'),
      );
      return letter!;
    }

    it('the letter names the coordinator, so the family’s copy can say whom to ask', () => {
      const letter = agreementsLetter();
      expect(letter.kind).toBe('vt-agreements');
      expect(letter.to).toEqual([VEILIG_THUIS, FAMILY, COORDINATOR]);
      expect(letter.facts).toMatchObject({
        coordinatorId: 'coord-anna',
        safetyConditionsTextId: SAFETY.textId,
        monitoringAgreementsTextId: MONITORING.textId,
      });
    });

    it('the family’s copy leaves out the safety conditions and monitoring, keeps the agreements', () => {
      const { facts } = agreementsLetter();
      const forFamily = handoverLetterFactsFor(FAMILY, facts);
      expect(forFamily).not.toHaveProperty('safetyConditionsTextId');
      expect(forFamily).not.toHaveProperty('monitoringAgreementsTextId');
      expect(forFamily).toMatchObject({
        agreementsTextId: AGREEMENTS.textId,
        coordinatorId: 'coord-anna',
        safetyAgreementsWithheld: true,
      });
      // Veilig Thuis and the coordinator read them in full.
      expect(handoverLetterFactsFor(VEILIG_THUIS, facts)).toBe(facts);
      expect(handoverLetterFactsFor(COORDINATOR, facts)).toBe(facts);
    });

    it('a text already put in goes too; a letter without them is the family’s as it is', () => {
      const withText = {
        caseNumber: 'VTH-2026-000001',
        safetyConditionsTextId: 'x',
        safetyConditions: 'Vader woont elders',
      };
      expect(handoverLetterFactsFor(FAMILY, withText)).toEqual({
        caseNumber: 'VTH-2026-000001',
        safetyAgreementsWithheld: true,
      });
      const feedback = { caseNumber: 'VTH-2026-000001', decision: 'basic-support' };
      expect(handoverLetterFactsFor(FAMILY, feedback)).toBe(feedback);
    });
  });
});

describe('Veilig Thuis handover rules of December 2026: no silent waits (issue 17, item 4)', () => {
  /** A handover by the rules of today, or by those of RULES_2026_12 only (`rules: 1`). */
  const byRules = (state: HandoverState, rules: 'current' | 'before-waits') => {
    if (rules === 'before-waits') state.rules = 1;
    return state;
  };
  const kinds = (s: HandoverState) => pendingHandoverDeadlines(s).map((d) => d.kind);

  it('reminds the handover lead a working day before the last day to accept', () => {
    const s = byRules(initialHandoverState(input(), at('2026-11-20')), 'current');
    const [reminder] = pendingHandoverDeadlines(s);
    expect(reminder).toEqual({
      kind: 'accept-reminder',
      at: amsterdamInstant('2026-11-26', 8).toISOString(),
    });
    const letters = applyHandoverDeadline(s, 'accept-reminder', new Date(reminder!.at));
    expect(letters).toEqual([
      expectedLetter('vt-acceptance-reminder', [LEAD], {
        ...HANDOVER_FACTS,
        dueDate: '2026-11-27',
      }),
    ]);
    // A reminder, not yet late; the escalation follows as before.
    expect(isHandoverOverdue(s)).toBe(false);
    expect(kinds(s)).toEqual(['accept-overdue']);
    const escalation = applyHandoverDeadline(s, 'accept-overdue', at('2026-11-30', 8));
    expect(escalation.map((l) => [l.kind, l.to])).toEqual([
      ['vt-acceptance-overdue', [LEAD]],
      ['vt-acceptance-delayed', [VEILIG_THUIS]],
    ]);
    expect(isHandoverOverdue(s)).toBe(true);
  });

  it('reminds an urgent handover on the morning of its one working day', () => {
    // Friday 20 November, 10:00: accepted by Monday 23 November, reminded then at 8:00.
    const s = initialHandoverState(input({ urgency: 'urgent' }), at('2026-11-20'));
    expect(pendingHandoverDeadlines(s)[0]).toEqual({
      kind: 'accept-reminder',
      at: amsterdamInstant('2026-11-23', 8).toISOString(),
    });
  });

  it('reminds the coordinator of the outcome Veilig Thuis is owed, a working day before', () => {
    const s = held();
    const [reminder] = pendingHandoverDeadlines(s);
    expect(reminder?.kind).toBe('feedback-reminder');
    const letters = applyHandoverDeadline(s, 'feedback-reminder', new Date(reminder!.at));
    expect(letters).toEqual([
      expectedLetter('vt-feedback-reminder', [COORDINATOR], {
        ...HANDOVER_FACTS,
        dueDate: '2026-12-03',
        heldOn: '2026-11-26',
      }),
    ]);
    expect(isHandoverOverdue(s)).toBe(false);
    expect(kinds(s)).toEqual(['feedback-overdue']);
  });

  it('before them: no acceptance or outcome reminder, only the escalations', () => {
    const s = byRules(initialHandoverState(input(), at('2026-11-20')), 'before-waits');
    expect(kinds(s)).toEqual(['accept-overdue']);
    run(s, { type: 'accept', coordinatorId: 'coord-anna' }, at('2026-11-23'));
    expect(kinds(s)).toEqual(['meeting-reminder', 'meeting-overdue']);
    const h = byRules(held(), 'before-waits');
    expect(kinds(h)).toEqual(['feedback-overdue']);
  });

  it('takes a policy from before the reminders, with their defaults', () => {
    const {
      acceptReminderWorkingDays: _a,
      feedbackReminderWorkingDays: _f,
      ...older
    } = DEFAULT_VEILIG_THUIS_POLICY;
    expect(veiligThuisPolicyProblems(older)).toEqual([]);
    const s = initialHandoverState(input({ policy: older }), at('2026-11-20'));
    expect(pendingHandoverDeadlines(s)[0]).toEqual({
      kind: 'accept-reminder',
      at: amsterdamInstant('2026-11-26', 8).toISOString(),
    });
  });

  it('refuses a reminder that is not before the last day', () => {
    expect(() =>
      resolveVeiligThuisPolicy({ acceptReminderWorkingDays: { urgent: 1 } } as never),
    ).toThrow(
      /acceptReminderWorkingDays.urgent must be shorter than acceptWithinWorkingDays.urgent/,
    );
    expect(() => resolveVeiligThuisPolicy({ feedbackReminderWorkingDays: 5 })).toThrow(
      /feedbackReminderWorkingDays must be shorter than feedbackWithinWorkingDays/,
    );
    expect(() => resolveVeiligThuisPolicy({ feedbackReminderWorkingDays: -1 })).toThrow(
      /feedbackReminderWorkingDays must be a whole number from 0 to 60/,
    );
    expect(
      resolveVeiligThuisPolicy({ acceptReminderWorkingDays: { regular: 2 } } as never),
    ).toMatchObject({ acceptReminderWorkingDays: { regular: 2, urgent: 0 } });
  });
});
