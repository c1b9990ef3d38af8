/**
 * A trajectory in each phase, for the unit tests of this folder: registered on Monday
 * 23 November 2026, plan deel 1 and provider A's intake that week, a ZIN beschikking from
 * 1 December 2026 to 30 November 2027, coordinated with half-yearly reviews. Ids, codes and text
 * references only, as in a real case.
 */
import { amsterdamInstant } from '../../time';
import { messagesOf } from '../../problems';
import type { TextRef } from '../../text-ref';
import { applyCommand, type Effect } from './apply';
import { commandProblems, type TrajectoryCommand } from './commands';
import { pendingDeadlines, type DeadlineKind } from './deadlines';
import {
  initialState,
  type Beschikking,
  type TrajectoryInput,
  type TrajectoryState,
} from './state';

export const AGB_A = '12345678';
export const AGB_B = '87654321';
export const COORDINATOR = { role: 'coordinator', id: 'coord-anna' } as const;
export const CLIENT = { role: 'client', id: 'client-0001' } as const;
export const PROVIDER_A = { role: 'provider', agbCode: AGB_A } as const;
export const PROVIDER_B = { role: 'provider', agbCode: AGB_B } as const;

/** References to texts the API stored: the domain never sees the words. */
export const text = (n: number, items = 1): TextRef => ({
  textId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  items,
});

/** An Amsterdam instant: `hour`:00 on `date`. */
export const at = (date: string, hour = 10) => amsterdamInstant(date, hour);

export const INZET = {
  productCategory: '45',
  omvang: { volume: 4, unit: '04', frequency: '2' },
} as const;
export const PLAN = {
  results: [
    { id: 'school', description: text(1), measure: text(2) },
    { id: 'rust', description: text(3), measure: text(4) },
  ],
  inzet: INZET,
};
export const JUDGED = [
  { resultId: 'school', outcome: 'reached' },
  { resultId: 'rust', outcome: 'partly' },
] as const;
export const CRITERIA = {
  typeOfCare: 'ambulant',
  numberOfProducts: 1,
  complexity: 'high',
  helpQuestion: 'clear',
  selfReliance: 'medium',
} as const;

/** Registered on Monday 23 November 2026, 10:00. */
export const START = at('2026-11-23');

/** The case number of the trajectory every test starts from. */
export const CASE_NUMBER = 'CJG-2026-000123';

/** The input every test starts from. */
export const INPUT: TrajectoryInput = {
  caseNumber: CASE_NUMBER,
  municipalityCode: '0957',
  coordinatorId: 'coord-anna',
  clientId: 'client-0001',
  familyId: 'fam-jansen',
};

/** A trajectory registered at START (with what `extra` adds to the input). */
export function fresh(extra: Partial<TrajectoryInput> = {}): TrajectoryState {
  return initialState({ ...INPUT, ...extra }, START);
}

/** Gives a command that must be accepted, and answers its effects. */
export function run(state: TrajectoryState, command: TrajectoryCommand, now: Date): Effect[] {
  const problems = commandProblems(state, command, now);
  if (problems.length > 0)
    throw new Error(`${command.type} refused: ${messagesOf(problems).join('; ')}`);
  return applyCommand(state, command, now);
}

/** The letters among effects, as kind and recipients. */
export const letters = (effects: Effect[]) =>
  effects.flatMap((e) => (e.type === 'letter' ? [{ kind: e.kind, to: e.to }] : []));

export const zin = (startDate: string, endDate: string, agbCodes = [AGB_A]): Beschikking => ({
  number: 'B-2026-0001',
  kind: 'zin',
  startDate,
  endDate,
  toewijzingen: agbCodes.map((agbCode, i) => ({
    agbCode,
    toewijzingnummer: `T${i + 1}`,
    ...INZET,
  })),
});

/** Plan deel 1 agreed, provider A's intake recorded and the plan signed off, 24–26 November. */
export function withIntake(agbCodes = [AGB_A]): TrajectoryState {
  const s = fresh();
  run(s, { type: 'agreeResults', plan: PLAN }, at('2026-11-24'));
  for (const agbCode of agbCodes) {
    run(s, { type: 'referToProvider', agbCode }, at('2026-11-24', 11));
    run(
      s,
      { type: 'recordProviderIntake', agbCode, activities: text(5, 2), expectedDurationWeeks: 26 },
      at('2026-11-25'),
    );
  }
  // 002 §3.4: a registered gedragswetenschapper signs off plan deel 1 before the beschikking.
  run(s, { type: 'signOffPlan', professionalId: 'gw-petra' }, at('2026-11-26'));
  return s;
}

/** A ZIN beschikking from 1 December 2026 to 30 November 2027, issued 27 November. */
export function issued(agbCodes = [AGB_A]): TrajectoryState {
  const s = withIntake(agbCodes);
  run(
    s,
    { type: 'issueBeschikking', beschikking: zin('2026-12-01', '2027-11-30', agbCodes) },
    at('2026-11-27'),
  );
  return s;
}

/** Coordinated, half-yearly reviews from the beschikking's start, decided 1 December. */
export function monitored(agbCodes = [AGB_A]): TrajectoryState {
  const s = issued(agbCodes);
  run(s, { type: 'decideCoordination', coordinate: true, criteria: CRITERIA }, at('2026-12-01'));
  return s;
}

/** The end evaluation asked by the coordinator on 1 March 2027. */
export function inEndEvaluation(): TrajectoryState {
  const s = monitored();
  run(s, { type: 'requestEndEvaluation', reason: text(6) }, at('2027-03-01'));
  return s;
}

export const kindsDue = (s: TrajectoryState) => pendingDeadlines(s).map((d) => d.kind);
export const due = (s: TrajectoryState, kind: DeadlineKind) =>
  pendingDeadlines(s).find((d) => d.kind === kind)?.at;
