import { messagesOf } from '../../problems';
import { expectedLetter, expectedNotice } from '../expected-letter';
import {
  agendaIdOf,
  allowedVtoCommands,
  applyVtoCommand,
  applyVtoDeadline,
  DEFAULT_VTO_POLICY,
  initialVtoState,
  isOpenVtoStatus,
  isVtoOverdue,
  nextMeetingDate,
  pendingVtoDeadlines,
  placeOnAgenda,
  recordVtoDeliveryFailures,
  vtoCommandProblems,
  vtoInputProblems,
  vtoOpeningLetters,
  vtoProjectionOf,
  vtoWorkflowId,
  VTO_PROCESS,
  VTO_RULE_SETS,
  type AgendaPlacement,
  type VtoCommand,
  type VtoInput,
  type VtoState,
} from '.';

/** Monday 23 November 2026, 10:00 in Amsterdam. */
const MONDAY = new Date('2026-11-23T09:00:00Z');
const at = (iso: string) => new Date(iso);

const INPUT: VtoInput = {
  caseNumber: 'VTO-2026-000012',
  municipalityCode: '0957',
  coordinatorId: 'coord-anna',
  clientId: 'client-0001',
  familyId: 'fam-jansen',
  trajectoryCaseNumber: 'CJG-2026-000123',
  grounds: ['ernstige-ontwikkelingsbedreiging', 'onvoldoende-beweging'],
};

/** Thursday 26 November 2026: the meeting of that week. */
const PLACEMENT: AgendaPlacement = {
  agendaId: 'BP-2026-11-26',
  meetingDate: '2026-11-26',
  beschermingspleinId: 'bp-midden-limburg',
  raadId: 'raad-limburg',
};

const give = (state: VtoState, command: VtoCommand, now: Date) => {
  expect(messagesOf(vtoCommandProblems(state, command, now))).toEqual([]);
  return applyVtoCommand(state, command, now);
};

const proposed = () => initialVtoState(INPUT, MONDAY);

function informed(): VtoState {
  const state = proposed();
  give(
    state,
    {
      type: 'recordParentsInformed',
      informedOn: '2026-11-23',
      how: 'conversation',
      recordedBy: 'coord-anna',
    },
    MONDAY,
  );
  return state;
}

function onAgenda(): VtoState {
  const state = informed();
  placeOnAgenda(state, PLACEMENT, at('2026-11-24T08:00:00Z'));
  return state;
}

/** The meeting day, in the afternoon. */
const MEETING = at('2026-11-26T14:00:00Z');

/** Sent to the Raad by the meeting. */
function sent(): VtoState {
  const state = onAgenda();
  give(state, { type: 'recordDecision', decision: 'send', recordedBy: 'lead-1' }, MEETING);
  return state;
}

const PARENTS = { role: 'client', id: 'client-0001' } as const;
const COORDINATOR = { role: 'coordinator', id: 'coord-anna' } as const;
const RAAD = { role: 'organisation', id: 'raad-limburg' } as const;

describe('VTO input', () => {
  it('takes ids, codes and the grounds, serious threats to development always among them', () => {
    expect(messagesOf(vtoInputProblems(INPUT))).toEqual([]);
    expect(messagesOf(vtoInputProblems({ ...INPUT, grounds: ['onvoldoende-beweging'] }))).toEqual([
      "grounds must include ernstige-ontwikkelingsbedreiging: a VTO is for (suspected) serious threats to the child's development (002 §3.6)",
    ]);
    expect(messagesOf(vtoInputProblems({ ...INPUT, grounds: [] }))).toEqual([
      'grounds must list at least one ground',
    ]);
    expect(
      messagesOf(
        vtoInputProblems({
          ...INPUT,
          grounds: ['ernstige-ontwikkelingsbedreiging', 'ernstige-ontwikkelingsbedreiging'],
        }),
      ),
    ).toEqual(['grounds must not repeat a ground']);
    expect(
      messagesOf(
        vtoInputProblems({
          ...INPUT,
          grounds: ['ernstige-ontwikkelingsbedreiging', 'boos' as never],
        }),
      )[0],
    ).toMatch(/^grounds\[1\] must be one of ernstige-ontwikkelingsbedreiging, /);
  });

  it('refuses names and malformed numbers, and a link to itself', () => {
    expect(
      messagesOf(
        vtoInputProblems({
          ...INPUT,
          caseNumber: 'vto 12',
          clientId: 'Sam Jansen',
          municipalityCode: '957',
          trajectoryCaseNumber: 'CJG-2026-000123',
        }),
      ),
    ).toEqual([
      'caseNumber is not a valid case number',
      'municipalityCode must be a four-digit CBS gemeentecode',
      'clientId is not a valid id',
    ]);
    expect(
      messagesOf(vtoInputProblems({ ...INPUT, trajectoryCaseNumber: INPUT.caseNumber })),
    ).toEqual(['trajectoryCaseNumber must be another case than the VTO itself']);
    expect(
      messagesOf(
        vtoInputProblems({
          ...INPUT,
          policy: { ...DEFAULT_VTO_POLICY, decisionWithinWorkingDays: 0 },
        }),
      ),
    ).toEqual([
      'policy.decisionWithinWorkingDays must be a whole number of working days from 1 to 60',
    ]);
  });

  it('names its workflow after its case number', () => {
    expect(vtoWorkflowId('VTO-2026-000012')).toBe('vto-VTO-2026-000012');
    expect(() => vtoWorkflowId('no')).toThrow(RangeError);
  });
});

describe('the parents first (002 §3.6)', () => {
  it('sends the written request to the parents, codes only, and waits for the coordinator', () => {
    const state = proposed();
    expect(state.status).toBe('parents-to-inform');
    expect(vtoOpeningLetters(state)).toEqual([
      expectedLetter('vto-parents-informed', [PARENTS], {
        caseNumber: 'VTO-2026-000012',
        grounds: 'ernstige-ontwikkelingsbedreiging,onvoldoende-beweging',
        proposedOn: '2026-11-23',
      }),
    ]);
    expect(allowedVtoCommands(state)).toEqual(['recordParentsInformed', 'withdraw']);
  });

  it('ignores the agenda until it is recorded that the parents were informed', () => {
    const state = proposed();
    expect(placeOnAgenda(state, PLACEMENT, MONDAY)).toEqual([]);
    expect(state.status).toBe('parents-to-inform');
    expect(state.revision).toBe(1);
  });

  it('records when and how the parents were informed; not in the future, not twice', () => {
    const state = proposed();
    const command: VtoCommand = {
      type: 'recordParentsInformed',
      informedOn: '2026-11-24',
      how: 'conversation',
      recordedBy: 'coord-anna',
    };
    expect(messagesOf(vtoCommandProblems(state, command, MONDAY))).toEqual([
      'informedOn must not be in the future',
    ]);
    expect(
      messagesOf(
        vtoCommandProblems(state, { ...command, how: 'sms' as never, extra: 1 } as never, MONDAY),
      ),
    ).toEqual([
      'recordParentsInformed does not take extra',
      'informedOn must not be in the future',
      'how must be one of conversation, letter',
    ]);
    const next = at('2026-11-24T12:00:00Z');
    expect(give(state, command, next)).toEqual([]);
    expect(state.status).toBe('awaiting-agenda');
    expect(state.parents).toMatchObject({
      informedOn: '2026-11-24',
      how: 'conversation',
      recordedBy: 'coord-anna',
    });
    expect(messagesOf(vtoCommandProblems(state, command, next))).toEqual([
      'recordParentsInformed is not possible in status awaiting-agenda',
    ]);
  });

  it('is overdue once reminded, until it is recorded that the parents were informed', () => {
    const state = proposed();
    expect(state.parents.dueOn).toBe('2026-11-30');
    applyVtoDeadline(state, 'parents-informed-reminder');
    expect(isVtoOverdue(state)).toBe(true);
    give(
      state,
      {
        type: 'recordParentsInformed',
        informedOn: '2026-12-01',
        how: 'letter',
        recordedBy: 'coord-anna',
      },
      at('2026-12-01T10:00:00Z'),
    );
    expect(isVtoOverdue(state)).toBe(false);
  });

  it('counts working days around Koningsdag: proposed on Friday 24 April 2026, due 4 May', () => {
    expect(initialVtoState(INPUT, at('2026-04-24T09:00:00Z')).parents.dueOn).toBe('2026-05-04');
  });
});

describe('the beschermingsplein', () => {
  it('meets on the Thursday of the week, the next working day when that is a holiday', () => {
    expect(nextMeetingDate('2026-11-24')).toBe('2026-11-26');
    expect(nextMeetingDate('2026-11-26')).toBe('2026-11-26');
    expect(nextMeetingDate('2026-11-27')).toBe('2026-12-03');
    // Hemelvaartsdag 2026 is Thursday 14 May.
    expect(nextMeetingDate('2026-05-12')).toBe('2026-05-15');
    expect(agendaIdOf('2026-11-26')).toBe('BP-2026-11-26');
  });

  it('puts a waiting request on the agenda, invites the parents and tells the coordinator', () => {
    const state = informed();
    const letters = placeOnAgenda(state, PLACEMENT, at('2026-11-24T08:00:00Z'));
    expect(letters).toEqual([
      expectedLetter('vto-on-agenda', [PARENTS, COORDINATOR], {
        caseNumber: 'VTO-2026-000012',
        meetingDate: '2026-11-26',
      }),
    ]);
    expect(state.status).toBe('on-agenda');
    expect(state.agenda?.decisionDueOn).toBe('2026-12-03');
    // A second run for the same meeting changes nothing.
    expect(placeOnAgenda(state, PLACEMENT, at('2026-11-24T09:00:00Z'))).toEqual([]);
  });

  it('refuses a placement that does not add up', () => {
    const state = informed();
    expect(placeOnAgenda(state, { ...PLACEMENT, agendaId: 'BP-2026-12-03' }, MONDAY)).toEqual([]);
    expect(state.status).toBe('awaiting-agenda');
  });

  it('takes the decision only once the meeting has taken place', () => {
    const state = onAgenda();
    const send: VtoCommand = { type: 'recordDecision', decision: 'send', recordedBy: 'lead-1' };
    expect(messagesOf(vtoCommandProblems(state, send, at('2026-11-25T12:00:00Z')))).toEqual([
      'the beschermingsplein of 2026-11-26 has not taken place yet',
    ]);
    expect(messagesOf(vtoCommandProblems(state, send, MEETING))).toEqual([]);
  });

  it('needs a reason when not sending, and none otherwise', () => {
    const state = onAgenda();
    expect(
      messagesOf(
        vtoCommandProblems(
          state,
          { type: 'recordDecision', decision: 'not-send', recordedBy: 'lead-1' },
          MEETING,
        ),
      ),
    ).toEqual([
      'reason must be one of vrijwillig-kader-voldoende, onvoldoende-grond, andere-route when not sent',
    ]);
    expect(
      messagesOf(
        vtoCommandProblems(
          state,
          {
            type: 'recordDecision',
            decision: 'send',
            reason: 'andere-route',
            recordedBy: 'lead-1',
          },
          MEETING,
        ),
      ),
    ).toEqual(['reason is only recorded when the request is not sent']);
  });

  it('holds a request over to the next agenda (aanhouden)', () => {
    const state = onAgenda();
    expect(
      give(state, { type: 'recordDecision', decision: 'postpone', recordedBy: 'lead-1' }, MEETING),
    ).toEqual([]);
    expect(state.status).toBe('awaiting-agenda');
    expect(state.agenda).toBeUndefined();
    expect(state.postponements).toEqual([
      {
        agendaId: 'BP-2026-11-26',
        meetingDate: '2026-11-26',
        recordedAt: MEETING.toISOString(),
        recordedBy: 'lead-1',
      },
    ]);
    const next = { ...PLACEMENT, agendaId: 'BP-2026-12-03', meetingDate: '2026-12-03' };
    expect(placeOnAgenda(state, next, at('2026-12-01T08:00:00Z'))).toHaveLength(1);
    expect(state.agenda?.meetingDate).toBe('2026-12-03');
  });
});

describe('to the Raad, or not', () => {
  it('sends it: the Raad and the parents are told, and the Raad’s answer is awaited', () => {
    const state = onAgenda();
    const letters = give(
      state,
      { type: 'recordDecision', decision: 'send', recordedBy: 'lead-1' },
      MEETING,
    );
    expect(letters).toEqual([
      expectedLetter('vto-sent-to-raad', [{ role: 'organisation', id: 'raad-limburg' }], {
        caseNumber: 'VTO-2026-000012',
        municipalityCode: '0957',
        grounds: 'ernstige-ontwikkelingsbedreiging,onvoldoende-beweging',
        meetingDate: '2026-11-26',
        parentsInformedOn: '2026-11-23',
        trajectoryCaseNumber: 'CJG-2026-000123',
      }),
      expectedLetter('vto-decision', [PARENTS], {
        caseNumber: 'VTO-2026-000012',
        decision: 'send',
        meetingDate: '2026-11-26',
      }),
    ]);
    expect(state.status).toBe('sent-to-raad');
    expect(state.raad).toEqual({
      organisationId: 'raad-limburg',
      sentOn: '2026-11-26',
      outcomeDueOn: '2026-12-10',
      reminded: false,
    });
    expect(pendingVtoDeadlines(state)).toEqual([
      // Reminded the working day before (RULES_2026_12, below), late the working day after.
      { kind: 'raad-outcome-due', at: '2026-12-09T07:00:00.000Z' },
      { kind: 'raad-outcome-reminder', at: '2026-12-11T07:00:00.000Z' },
    ]);
    expect(allowedVtoCommands(state)).toEqual(['recordRaadOutcome']);
  });

  it('records the Raad’s answer and closes: an investigation, or none', () => {
    for (const investigationStarted of [true, false]) {
      const state = sent();
      const later = at('2026-12-08T10:00:00Z');
      const answer: VtoCommand = {
        type: 'recordRaadOutcome',
        investigationStarted,
        decidedOn: '2026-11-25',
        raadReference: 'RvdK-2026/4711',
        recordedBy: 'coord-anna',
      };
      expect(messagesOf(vtoCommandProblems(state, answer, later))).toEqual([
        'decidedOn must not be before the request was sent (2026-11-26)',
      ]);
      expect(give(state, { ...answer, decidedOn: '2026-12-07' }, later)).toEqual([]);
      expect(state.status).toBe(investigationStarted ? 'raad-investigates' : 'raad-declined');
      expect(state.raad).toMatchObject({
        decidedOn: '2026-12-07',
        raadReference: 'RvdK-2026/4711',
      });
      expect(isOpenVtoStatus(state.status)).toBe(false);
      expect(state.closedAt).toBe(later.toISOString());
    }
  });

  it('does not send it: the parents are told why, and the VTO closes', () => {
    const state = onAgenda();
    expect(
      give(
        state,
        {
          type: 'recordDecision',
          decision: 'not-send',
          reason: 'vrijwillig-kader-voldoende',
          recordedBy: 'coord-anna',
        },
        MEETING,
      ),
    ).toEqual([
      expectedLetter('vto-decision', [PARENTS], {
        caseNumber: 'VTO-2026-000012',
        decision: 'not-send',
        reason: 'vrijwillig-kader-voldoende',
        meetingDate: '2026-11-26',
      }),
    ]);
    expect(state.status).toBe('not-sent');
    expect(state.decision).toMatchObject({ decision: 'not-send', meetingDate: '2026-11-26' });
    expect(pendingVtoDeadlines(state)).toEqual([]);
    expect(allowedVtoCommands(state)).toEqual([]);
  });
});

/** A VTO from before the rules of December 2026 (rules.ts). */
const beforeRules = (state: VtoState): VtoState => {
  delete state.rules;
  return state;
};

describe('before the rules of December 2026: the coordinator is told once, at 8:00 on the day a step is due', () => {
  it.each([
    {
      step: 'the parents informed, five working days after the proposal',
      make: proposed,
      kind: 'parents-informed-reminder',
      at: '2026-11-30T07:00:00.000Z',
      letter: 'vto-parents-reminder',
      dates: { dueOn: '2026-11-30' },
    },
    {
      step: 'the decision, a week after the meeting',
      make: onAgenda,
      kind: 'decision-reminder',
      at: '2026-12-03T07:00:00.000Z',
      letter: 'vto-decision-reminder',
      dates: { meetingDate: '2026-11-26', dueOn: '2026-12-03' },
    },
    {
      step: 'the Raad’s answer, ten working days after sending',
      make: sent,
      kind: 'raad-outcome-reminder',
      at: '2026-12-10T07:00:00.000Z',
      letter: 'vto-raad-outcome-reminder',
      dates: { sentOn: '2026-11-26', dueOn: '2026-12-10' },
    },
  ] as const)('$step', ({ make, kind, at: dueAt, letter, dates }) => {
    const state = beforeRules(make());
    expect(pendingVtoDeadlines(state)).toEqual([{ kind, at: dueAt }]);
    expect(applyVtoDeadline(state, kind)).toEqual([
      expectedLetter(letter, [COORDINATOR], { caseNumber: 'VTO-2026-000012', ...dates }),
    ]);
    expect(isVtoOverdue(state)).toBe(true);
    expect(pendingVtoDeadlines(state)).toEqual([]);
  });
});

describe('rules of December 2026: no silent waits (issue 17, item 4)', () => {
  it('are the process’s rule sets, and a new VTO runs by them', () => {
    expect(VTO_PROCESS.ruleSets).toEqual(['vto-rules-2026-12']);
    expect(proposed().rules).toBe(VTO_RULE_SETS.length);
  });

  it.each([
    {
      step: 'the parents informed: the coordinator, the working day before 30 November',
      make: proposed,
      due: ['parents-informed-due', '2026-11-27T07:00:00.000Z'],
      reminder: expectedLetter('vto-parents-due', [COORDINATOR], {
        caseNumber: 'VTO-2026-000012',
        dueOn: '2026-11-30',
      }),
      late: ['parents-informed-reminder', '2026-12-01T07:00:00.000Z'],
      lateLetter: expectedLetter('vto-parents-reminder', [COORDINATOR], {
        caseNumber: 'VTO-2026-000012',
        dueOn: '2026-11-30',
      }),
    },
    {
      step: 'the decision: the coordinator, the working day before 3 December',
      make: onAgenda,
      due: ['decision-due', '2026-12-02T07:00:00.000Z'],
      reminder: expectedLetter('vto-decision-due', [COORDINATOR], {
        caseNumber: 'VTO-2026-000012',
        meetingDate: '2026-11-26',
        dueOn: '2026-12-03',
      }),
      late: ['decision-reminder', '2026-12-04T07:00:00.000Z'],
      lateLetter: expectedLetter('vto-decision-reminder', [COORDINATOR], {
        caseNumber: 'VTO-2026-000012',
        meetingDate: '2026-11-26',
        dueOn: '2026-12-03',
      }),
    },
    {
      step: 'the Raad’s answer: the Raad itself, the working day before 10 December',
      make: sent,
      due: ['raad-outcome-due', '2026-12-09T07:00:00.000Z'],
      reminder: expectedLetter('vto-raad-reminder', [RAAD], {
        caseNumber: 'VTO-2026-000012',
        sentOn: '2026-11-26',
        dueOn: '2026-12-10',
      }),
      late: ['raad-outcome-reminder', '2026-12-11T07:00:00.000Z'],
      // The coordinator is told: someone besides the Raad, which is awaited.
      lateLetter: expectedLetter('vto-raad-outcome-reminder', [COORDINATOR], {
        caseNumber: 'VTO-2026-000012',
        sentOn: '2026-11-26',
        dueOn: '2026-12-10',
      }),
    },
  ] as const)(
    '$step; overdue from the working day after',
    ({ make, due, reminder, late, lateLetter }) => {
      const state = make();
      expect(pendingVtoDeadlines(state).map((d) => [d.kind, d.at])).toEqual([due, late]);
      expect(applyVtoDeadline(state, due[0])).toEqual([reminder]);
      // Reminded, not late yet.
      expect(isVtoOverdue(state)).toBe(false);
      expect(pendingVtoDeadlines(state).map((d) => [d.kind, d.at])).toEqual([late]);
      expect(applyVtoDeadline(state, late[0])).toEqual([lateLetter]);
      expect(isVtoOverdue(state)).toBe(true);
      expect(pendingVtoDeadlines(state)).toEqual([]);
    },
  );

  it('takes a policy from before the reminder, with its default of one working day', () => {
    const { reminderWorkingDays: _r, ...older } = DEFAULT_VTO_POLICY;
    expect(messagesOf(vtoInputProblems({ ...INPUT, policy: older }))).toEqual([]);
    const state = initialVtoState({ ...INPUT, policy: older }, MONDAY);
    expect(pendingVtoDeadlines(state)[0]).toEqual({
      kind: 'parents-informed-due',
      at: '2026-11-27T07:00:00.000Z',
    });
  });

  it('refuses a reminder that does not fall before every due date', () => {
    const problems = (reminderWorkingDays: number) =>
      messagesOf(
        vtoInputProblems({ ...INPUT, policy: { ...DEFAULT_VTO_POLICY, reminderWorkingDays } }),
      );
    expect(problems(0)).toEqual([]);
    expect(problems(5)).toEqual([
      'policy.reminderWorkingDays must be fewer than each step takes (parentsInformedWithinWorkingDays, decisionWithinWorkingDays, raadOutcomeWithinWorkingDays)',
    ]);
    expect(problems(1.5)).toEqual([
      'policy.reminderWorkingDays must be a whole number of working days from 0 to 59',
    ]);
  });
});

describe('withdrawing', () => {
  it('tells the parents, and the beschermingsplein when it was on its agenda', () => {
    const state = onAgenda();
    const command: VtoCommand = {
      type: 'withdraw',
      reason: 'ouders-werken-mee',
      recordedBy: 'coord-anna',
    };
    expect(give(state, command, MONDAY)).toEqual([
      expectedLetter(
        'vto-withdrawn',
        [PARENTS, { role: 'organisation', id: 'bp-midden-limburg' }],
        {
          caseNumber: 'VTO-2026-000012',
          reason: 'ouders-werken-mee',
          meetingDate: '2026-11-26',
        },
      ),
    ]);
    expect(state.status).toBe('withdrawn');
    const early = proposed();
    expect(give(early, command, MONDAY)[0]?.to).toEqual([PARENTS]);
  });

  it('is no longer possible once the beschermingsplein decided', () => {
    const state = sent();
    expect(
      messagesOf(
        vtoCommandProblems(
          state,
          { type: 'withdraw', reason: 'situatie-veranderd', recordedBy: 'coord-anna' },
          MEETING,
        ),
      ),
    ).toEqual(['withdraw is not possible in status sent-to-raad']);
  });
});

describe('letters that do not arrive', () => {
  it('are recorded and the coordinator is told, once', () => {
    const state = proposed();
    const letters = recordVtoDeliveryFailures(
      state,
      'vto-parents-informed',
      1,
      [{ recipient: PARENTS, reason: 'no-address' }],
      MONDAY,
    );
    expect(letters).toEqual([
      expectedNotice(
        COORDINATOR,
        'VTO-2026-000012',
        'vto-parents-informed',
        'client',
        'no-address',
      ),
    ]);
    expect(state.deliveryProblems).toEqual([
      {
        letter: 'vto-parents-informed',
        sequence: 1,
        recipient: 'client:client-0001',
        reason: 'no-address',
        at: MONDAY.toISOString(),
      },
    ]);
    expect(
      recordVtoDeliveryFailures(
        state,
        'delivery-failed',
        2,
        [{ recipient: COORDINATOR, reason: 'refused' }],
        MONDAY,
      ),
    ).toEqual([]);
  });
});

describe(vtoProjectionOf.name, () => {
  it('carries ids, codes and dates for the read model and the agenda', () => {
    const state = onAgenda();
    expect(vtoProjectionOf(state, 'vto-VTO-2026-000012')).toEqual({
      workflowId: 'vto-VTO-2026-000012',
      revision: 3,
      // The input's ids and codes, as proposed.
      ...INPUT,
      status: 'on-agenda',
      proposedAt: MONDAY.toISOString(),
      parentsInformedOn: '2026-11-23',
      meetingDate: '2026-11-26',
      decision: null,
      notSentReason: null,
      investigationStarted: null,
      nextDueAt: '2026-12-02T07:00:00.000Z',
      nextDueKind: 'decision-due',
      overdue: false,
      closedAt: null,
    });
  });
});
