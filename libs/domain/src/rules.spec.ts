import { messagesOf } from './problems';
import { omvangExceeds } from './codes';
import { proposeCoordination } from './coordination';
import { intervalWithin, nextReviewDue } from './monitoring';
import { DEFAULT_POLICY, resolvePolicy } from './processes/trajectory/policy';
import { addDuration, amsterdamInstant, parseDuration } from './time';
import { randomUUID } from 'node:crypto';
import { isTextRef, mapFreeText, type TextRef } from './text-ref';
import {
  allowedCommands,
  applyCommand,
  applyDeadline,
  COMMAND_FREE_TEXT,
  commandProblems,
  initialState,
  involvedProviders,
  pendingDeadlines,
  type TrajectoryCommand,
  type TrajectoryState,
} from './processes/trajectory';

/** A reference to a text the API stored (the workflow never takes the text). */
const text = (items = 1): TextRef => ({ textId: randomUUID(), items });

describe('coordination proposal (001)', () => {
  const base = {
    typeOfCare: 'ambulant',
    numberOfProducts: 1,
    complexity: 'low',
    helpQuestion: 'clear',
    selfReliance: 'high',
  } as const;

  it('proposes no coordination for a light, clear case', () => {
    expect(proposeCoordination(base)).toEqual({ coordinate: false, reasons: [] });
  });

  it('names every criterion that calls for coordination', () => {
    expect(
      proposeCoordination({
        ...base,
        typeOfCare: 'verblijf',
        numberOfProducts: 2,
        selfReliance: 'low',
      }).reasons,
    ).toEqual(['care with verblijf', '2 products', 'low self-reliance']);
    expect(
      proposeCoordination({ ...base, complexity: 'medium', selfReliance: 'medium' }).coordinate,
    ).toBe(true);
    expect(proposeCoordination({ ...base, complexity: 'medium' }).coordinate).toBe(false);
  });
});

describe('omvang (002 §6 item 14: the provider cannot raise it)', () => {
  const granted = { volume: 4, unit: '04', frequency: '2' } as const;
  it('compares volumes across frequencies and refuses another unit', () => {
    expect(omvangExceeds({ volume: 4, unit: '04', frequency: '2' }, granted)).toBe(false);
    expect(omvangExceeds({ volume: 5, unit: '04', frequency: '2' }, granted)).toBe(true);
    expect(omvangExceeds({ volume: 16, unit: '04', frequency: '4' }, granted)).toBe(false);
    expect(omvangExceeds({ volume: 30, unit: '04', frequency: '4' }, granted)).toBe(true);
    expect(omvangExceeds({ volume: 1, unit: '14', frequency: '2' }, granted)).toBe(true);
  });
});

describe('review schedule', () => {
  const anchor = amsterdamInstant('2026-01-01', 8);
  it('is anchored half-yearly at the beschikking start', () => {
    expect(nextReviewDue(anchor, 'P6M', anchor).toISOString()).toBe(
      amsterdamInstant('2026-07-01', 8).toISOString(),
    );
    expect(nextReviewDue(anchor, 'P6M', amsterdamInstant('2026-08-01', 8)).toISOString()).toBe(
      amsterdamInstant('2027-01-01', 8).toISOString(),
    );
  });
  it('finds the same review as counting intervals one by one from the start', () => {
    // The reference: the smallest n ≥ 1 with anchor + n × interval after `after`, by stepping.
    const stepping = (from: Date, interval: string, after: Date): Date => {
      const d = parseDuration(interval);
      for (let n = 1; ; n += 1) {
        const due = addDuration(from, {
          months: d.months * n,
          days: d.days * n,
          seconds: d.seconds * n,
        });
        if (due.getTime() > after.getTime()) return due;
      }
    };
    let seed = 19;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const intervals = ['P6M', 'P1M', 'P3M', 'P2W', 'P10D', 'P1Y', 'PT90S', 'P1M15D', 'P1DT12H'];
    for (let i = 0; i < 400; i += 1) {
      const from = new Date(Date.UTC(2024, 0, 1) + next(1_000) * 86_400_000 + next(86_400) * 1000);
      const interval = intervals[i % intervals.length]!;
      // From before the anchor up to about ten years after it, and exactly on a due moment.
      const after =
        i % 7 === 0
          ? stepping(from, interval, new Date(from.getTime() + next(3_000) * 86_400_000))
          : new Date(from.getTime() + (next(3_700) - 30) * 86_400_000 + next(86_400) * 1000);
      const short = interval === 'PT90S' ? new Date(from.getTime() + next(100_000) * 1000) : after;
      expect([interval, nextReviewDue(from, interval, short).toISOString()]).toEqual([
        interval,
        stepping(from, interval, short).toISOString(),
      ]);
    }
  });
  it('refuses a schedule of more than 100,000 intervals', () => {
    expect(() => nextReviewDue(anchor, 'PT1S', new Date(anchor.getTime() + 200_000_000))).toThrow(
      /too short/,
    );
  });
  it('refuses intervals longer than the maximum', () => {
    expect(intervalWithin(anchor, 'P6M', 'P6M')).toBe(true);
    expect(intervalWithin(anchor, 'P7M', 'P6M')).toBe(false);
    expect(intervalWithin(anchor, 'P185D', 'P6M')).toBe(false);
  });
});

describe('policy', () => {
  it('takes a rollover within its bounds and refuses one outside them', () => {
    expect(resolvePolicy({}).rolloverFromEvents).toBe(60);
    expect(resolvePolicy({}).rolloverAfter).toBe('P1D');
    expect(resolvePolicy({ rolloverFromEvents: 40, rolloverAfter: 'PT1M' }).rolloverAfter).toBe(
      'PT1M',
    );
    expect(() => resolvePolicy({ rolloverFromEvents: 39 })).toThrow(/rolloverFromEvents/);
    expect(() => resolvePolicy({ rolloverFromEvents: 600 })).toThrow(/rolloverFromEvents/);
    expect(() => resolvePolicy({ rolloverFromEvents: 45.5 })).toThrow(/rolloverFromEvents/);
    expect(() => resolvePolicy({ rolloverAfter: 'PT59S' })).toThrow(/rolloverAfter/);
    expect(() => resolvePolicy({ rolloverAfter: 'soon' })).toThrow(/rolloverAfter/);
  });
  it('takes overrides and refuses a review interval beyond half a year or nonsense', () => {
    expect(resolvePolicy({ defaultReviewInterval: 'P3M' }).defaultReviewInterval).toBe('P3M');
    expect(() => resolvePolicy({ maxReviewInterval: 'P1Y' })).toThrow(/half-yearly/);
    expect(() => resolvePolicy({ awbWarningAfter: 'P9W' })).toThrow(
      /shorter than awbDecisionPeriod/,
    );
    expect(() => resolvePolicy({ nonsense: 1 } as never)).toThrow(
      /unknown policy setting nonsense/,
    );
  });
});

describe('trajectory rules', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const fresh = () =>
    initialState(
      {
        caseNumber: 'CJG-1-2',
        municipalityCode: '0957',
        coordinatorId: 'coord-a',
        clientId: 'client-a',
        familyId: 'fam-a',
      },
      now,
    );

  it('starts in intake with the Awb deadline 8 weeks out', () => {
    const state = fresh();
    expect(state.policy).toEqual(DEFAULT_POLICY);
    expect(allowedCommands(state)).toEqual([
      'agreeResults',
      'recordVerdaging',
      'closeWithAdvice',
      'rejectRequest',
      'markDrang',
      'withdraw',
      'reassignCoordinator',
    ]);
    expect(pendingDeadlines(state).map((d) => d.kind)).toEqual(['awb-warning', 'awb-overdue']);
  });

  it('refuses by phase first, then by data', () => {
    const state = fresh();
    expect(
      messagesOf(
        commandProblems(state, { type: 'recordReview', outcomes: [], decision: 'continue' }, now),
      ),
    ).toEqual(['recordReview is not possible in phase intake']);
    const problems = messagesOf(
      commandProblems(
        state,
        {
          type: 'agreeResults',
          plan: {
            results: [],
            inzet: {
              productCategory: '99' as never,
              omvang: { volume: 0, unit: '04', frequency: '2' },
            },
          },
        },
        now,
      ),
    );
    expect(problems).toEqual([
      'plan.results must list 1 to 20 results',
      'plan.inzet.productCategory must be a JZ020 productcategorie',
      'plan.inzet.omvang.volume must be a whole number from 1 to 100000',
    ]);
  });

  it('marks the Awb decision overdue and tells the coordinator', () => {
    const state = fresh();
    const effects = applyDeadline(state, 'awb-overdue', now);
    expect(state.awb.overdue).toBe(true);
    expect(effects).toEqual([
      {
        type: 'letter',
        kind: 'awb-overdue',
        to: [{ role: 'coordinator', id: 'coord-a' }],
        facts: { caseNumber: 'CJG-1-2', dueDate: '2027-01-18' },
      },
    ]);
  });

  it('refers the family to providers once each, after the results are agreed', () => {
    const state = fresh();
    expect(
      messagesOf(commandProblems(state, { type: 'referToProvider', agbCode: '12345678' }, now)),
    ).toEqual(['referToProvider is not possible in phase intake']);
    state.phase = 'results-agreed';
    expect(
      messagesOf(commandProblems(state, { type: 'referToProvider', agbCode: '1234' }, now)),
    ).toEqual(['agbCode must be 8 digits']);
    applyCommand(state, { type: 'referToProvider', agbCode: '12345678' }, now);
    expect(involvedProviders(state)).toEqual(['12345678']);
    expect(
      messagesOf(commandProblems(state, { type: 'referToProvider', agbCode: '12345678' }, now)),
    ).toEqual(['provider 12345678 is already referred']);
  });

  it('reassigns the case to another coordinator and tells the family workflow', () => {
    const state = fresh();
    expect(
      messagesOf(
        commandProblems(
          state,
          { type: 'reassignCoordinator', coordinatorId: 'coord-a', reason: '' as never },
          now,
        ),
      ),
    ).toEqual([
      'the case is already with this coordinator',
      'reason must be a reference to a stored text ({ textId, items }), never the text',
    ]);
    const effects = applyCommand(
      state,
      { type: 'reassignCoordinator', coordinatorId: 'coord-b', reason: text() },
      now,
    );
    expect(state.coordinatorId).toBe('coord-b');
    expect(effects).toEqual([{ type: 'family-care', activeAgbCodes: [] }]);
  });

  it('withdraws from any open phase and then waits for nothing', () => {
    const state = fresh();
    applyCommand(state, { type: 'withdraw', reason: text() }, now);
    expect(state.phase).toBe('withdrawn');
    expect(pendingDeadlines(state)).toEqual([]);
    expect(allowedCommands(state)).toEqual([]);
  });
});

describe('free text by reference (histories hold ids and codes only)', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  const inzet = {
    productCategory: '45',
    omvang: { volume: 4, unit: '04', frequency: '2' },
  } as const;

  /** A state in which each command with free text is allowed, and that command with refs. */
  const cases: Array<{ state: () => TrajectoryState; command: TrajectoryCommand }> = [];
  const at = (phase: TrajectoryState['phase']) => () => {
    const state = initialState(
      {
        caseNumber: 'CJG-1-2',
        municipalityCode: '0957',
        coordinatorId: 'coord-a',
        clientId: 'client-1',
        familyId: 'fam-1',
      },
      now,
    );
    state.phase = phase;
    state.plan = {
      results: [{ id: 'school', description: text(), measure: text() }],
      inzet,
      agreedAt: now.toISOString(),
    };
    state.providerIntakes = [
      {
        agbCode: '12345678',
        activities: text(2),
        expectedDurationWeeks: 10,
        recordedAt: now.toISOString(),
        divergence: { status: 'pending', reasons: ['more omvang'] },
      },
    ];
    return state;
  };
  cases.push(
    {
      state: at('intake'),
      command: {
        type: 'agreeResults',
        plan: { results: [{ id: 'school', description: text(), measure: text() }], inzet },
      },
    },
    {
      state: at('results-agreed'),
      command: {
        type: 'recordProviderIntake',
        agbCode: '87654321',
        activities: text(3),
        expectedDurationWeeks: 12,
      },
    },
    {
      state: at('provider-intake'),
      command: { type: 'decideDivergence', agbCode: '12345678', accept: true, reason: text() },
    },
    {
      state: () => {
        const state = at('provider-intake')();
        state.providerIntakes[0]!.divergence!.status = 'accepted';
        state.planSignOff = { professionalId: 'gw-petra', at: now.toISOString() };
        return state;
      },
      command: {
        type: 'issueBeschikking',
        beschikking: {
          number: 'B-2026-0001',
          kind: 'pgb',
          startDate: '2026-12-01',
          endDate: '2027-11-30',
          budgetEuro: 4800,
        },
        motivation: text(),
      },
    },
    {
      state: at('intake'),
      command: { type: 'recordVerdaging', newDueDate: '2027-03-01', reason: text() },
    },
    { state: at('monitoring'), command: { type: 'requestEndEvaluation', reason: text() } },
    { state: at('intake'), command: { type: 'withdraw', reason: text() } },
    {
      state: at('intake'),
      command: { type: 'closeWithAdvice', advice: 'voorliggend-veld', explanation: text() },
    },
    {
      state: at('provider-intake'),
      command: { type: 'rejectRequest', ground: 'eigen-kracht', motivation: text() },
    },
    {
      state: at('monitoring'),
      command: { type: 'markDrang', since: '2026-11-20', source: 'zorgaanbieder', reason: text() },
    },
    {
      state: at('intake'),
      command: { type: 'reassignCoordinator', coordinatorId: 'coord-b', reason: text() },
    },
  );

  it('knows every command that carries free text', () => {
    expect(cases.map((c) => c.command.type).sort()).toEqual(Object.keys(COMMAND_FREE_TEXT).sort());
  });

  it.each(cases.map((c) => [c.command.type, c] as const))(
    '%s takes references and refuses the text itself in each free-text field',
    (_type, { state, command }) => {
      expect(messagesOf(commandProblems(state(), command, now))).toEqual([]);
      for (const path of COMMAND_FREE_TEXT[command.type]!) {
        const withText = mapFreeText(command, [path], () => 'Sam gaat weer naar school');
        const problems = messagesOf(commandProblems(state(), withText, now));
        expect(problems.join('\n')).toMatch(/must be a reference to a stored text/);
      }
    },
  );

  it('keeps the references in the state and names them in letter facts', () => {
    const state = at('monitoring')();
    const reason = text();
    const effects = applyCommand(state, { type: 'requestEndEvaluation', reason }, now);
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'evaluation-request',
        facts: { caseNumber: 'CJG-1-2', trigger: 'coordinator', reasonTextId: reason.textId },
      }),
    ]);
    const withdrawal = text();
    applyCommand(state, { type: 'withdraw', reason: withdrawal }, now);
    expect(isTextRef(state.withdrawal?.reason)).toBe(true);
    expect(JSON.stringify(state)).not.toMatch(/Sam|school gaat/);
  });

  it('names the motivation of a beschikking by reference in its letter', () => {
    const state = at('provider-intake')();
    state.providerIntakes = [];
    const motivation = text();
    const beschikking = {
      number: 'B-2026-0001',
      kind: 'pgb',
      startDate: '2026-12-01',
      endDate: '2027-11-30',
      budgetEuro: 4800,
    } as const;
    const [, withWords] = applyCommand(
      state,
      { type: 'issueBeschikking', beschikking, motivation },
      now,
    );
    expect(withWords).toEqual(
      expect.objectContaining({
        facts: expect.objectContaining({ motivationTextId: motivation.textId }),
      }),
    );
    const [, without] = applyCommand(
      at('provider-intake')(),
      { type: 'issueBeschikking', beschikking },
      now,
    );
    expect(Object.keys((without as { facts: object }).facts)).not.toContain('motivationTextId');
  });

  it('still applies a command of a run from before, with the text itself in the history', () => {
    const state = at('monitoring')();
    const effects = applyCommand(
      state,
      { type: 'requestEndEvaluation', reason: 'einddatum nadert' as never },
      now,
    );
    expect(effects[0]).toEqual(
      expect.objectContaining({
        facts: { caseNumber: 'CJG-1-2', trigger: 'coordinator', reason: 'einddatum nadert' },
      }),
    );
  });
});
