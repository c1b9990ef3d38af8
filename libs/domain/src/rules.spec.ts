import { omvangExceeds } from './codes';
import { proposeCoordination } from './coordination';
import { intervalWithin, nextReviewDue } from './monitoring';
import { DEFAULT_POLICY, resolvePolicy } from './policy';
import { amsterdamInstant } from './time';
import {
  allowedCommands,
  applyCommand,
  applyDeadline,
  commandProblems,
  initialState,
  involvedProviders,
  pendingDeadlines,
} from './trajectory';

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
  it('refuses intervals longer than the maximum', () => {
    expect(intervalWithin(anchor, 'P6M', 'P6M')).toBe(true);
    expect(intervalWithin(anchor, 'P7M', 'P6M')).toBe(false);
    expect(intervalWithin(anchor, 'P185D', 'P6M')).toBe(false);
  });
});

describe('policy', () => {
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
      'withdraw',
      'reassignCoordinator',
    ]);
    expect(pendingDeadlines(state).map((d) => d.kind)).toEqual(['awb-warning', 'awb-overdue']);
  });

  it('refuses by phase first, then by data', () => {
    const state = fresh();
    expect(
      commandProblems(state, { type: 'recordReview', outcomes: [], decision: 'continue' }, now),
    ).toEqual(['recordReview is not possible in phase intake']);
    const problems = commandProblems(
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
    expect(commandProblems(state, { type: 'referToProvider', agbCode: '12345678' }, now)).toEqual([
      'referToProvider is not possible in phase intake',
    ]);
    state.phase = 'results-agreed';
    expect(commandProblems(state, { type: 'referToProvider', agbCode: '1234' }, now)).toEqual([
      'agbCode must be 8 digits',
    ]);
    applyCommand(state, { type: 'referToProvider', agbCode: '12345678' }, now);
    expect(involvedProviders(state)).toEqual(['12345678']);
    expect(commandProblems(state, { type: 'referToProvider', agbCode: '12345678' }, now)).toEqual([
      'provider 12345678 is already referred',
    ]);
  });

  it('reassigns the case to another coordinator and tells the family workflow', () => {
    const state = fresh();
    expect(
      commandProblems(
        state,
        { type: 'reassignCoordinator', coordinatorId: 'coord-a', reason: '' },
        now,
      ),
    ).toEqual(['the case is already with this coordinator', 'reason is required']);
    const effects = applyCommand(
      state,
      { type: 'reassignCoordinator', coordinatorId: 'coord-b', reason: 'verlof' },
      now,
    );
    expect(state.coordinatorId).toBe('coord-b');
    expect(effects).toEqual([{ type: 'family-care', activeAgbCodes: [] }]);
  });

  it('withdraws from any open phase and then waits for nothing', () => {
    const state = fresh();
    applyCommand(state, { type: 'withdraw', reason: 'verhuisd' }, now);
    expect(state.phase).toBe('withdrawn');
    expect(pendingDeadlines(state)).toEqual([]);
    expect(allowedCommands(state)).toEqual([]);
  });
});
