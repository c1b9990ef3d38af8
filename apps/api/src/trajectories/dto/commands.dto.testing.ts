/** The bodies the command DTO tests share: valid examples of every command, and helpers. */
import 'reflect-metadata';
import { type CommandType } from '@cjg/domain';

export type Dto = new () => object;
export type Body = Record<string, unknown>;

export { problems } from '../../common/dto-problems.testing';

/** A copy of `body` with the value at `path` (`plan.results.0.id`) replaced, or removed. */
export function change(body: Body, path: string, value: unknown): Body {
  // Not structuredClone: under Jest its objects come from another realm (not `instanceof Object`).
  const copy = JSON.parse(JSON.stringify(body)) as Body;
  const keys = path.split('.');
  const last = keys.pop()!;
  let at: Record<string, unknown> = copy;
  for (const key of keys) at = at[key] as Record<string, unknown>;
  if (value === REMOVE) delete at[last];
  else at[last] = value;
  return copy;
}
export const REMOVE = Symbol('remove');

// ───────────────────────────────────────────── the swagger examples, by hand: one coherent case

export const AGB = '12345678';
export const omvang = { volume: 4, unit: '04', frequency: '2' };
export const inzet = { productCategory: '45', productCode: '45A01', omvang };
export const results = [
  {
    id: 'school',
    description: 'Het kind gaat weer vijf dagen per week naar school',
    measure: 'Aanwezigheid volgens de mentor, zes weken achter elkaar',
  },
  {
    id: 'rust-thuis',
    description: 'Minder escalaties thuis; de ouders houden een vast avondritme aan',
    measure: 'Ouders en kind geven de rust thuis een 7 of hoger',
  },
];
export const toewijzing = { agbCode: AGB, toewijzingnummer: 'T-2027-0001', ...inzet };
export const zin = {
  number: 'B-2027-001',
  kind: 'zin',
  startDate: '2027-01-04',
  endDate: '2027-12-31',
  toewijzingen: [toewijzing],
};
export const pgb = {
  number: 'B-2027-002',
  kind: 'pgb',
  startDate: '2027-01-04',
  endDate: '2027-12-31',
  budgetEuro: 4800,
};

export const EXAMPLES: Record<CommandType, Body> = {
  agreeResults: { plan: { results, inzet } },
  referToProvider: { agbCode: AGB },
  recordProviderIntake: {
    agbCode: AGB,
    activities: [
      'Wekelijkse gezinsbegeleiding thuis',
      'Overleg met de mentor over de terugkeer naar school',
    ],
    expectedDurationWeeks: 26,
    requestedInzet: { ...inzet, omvang: { ...omvang, volume: 6 } },
  },
  decideDivergence: {
    agbCode: AGB,
    accept: false,
    reason:
      'Plan deel 1 gaat uit van 4 uur per week; na de tussenevaluatie bekijken we het opnieuw',
  },
  issueBeschikking: { beschikking: zin },
  recordVerdaging: {
    newDueDate: '2027-02-01',
    reason: 'Het advies van de jeugdarts is nodig voor de beslissing; dat volgt half januari',
  },
  decideCoordination: {
    coordinate: true,
    criteria: {
      typeOfCare: 'ambulant',
      numberOfProducts: 1,
      complexity: 'high',
      helpQuestion: 'clear',
      selfReliance: 'medium',
    },
    reviewInterval: 'P3M',
  },
  recordReview: {
    outcomes: [
      { resultId: 'school', outcome: 'partly' },
      { resultId: 'rust-thuis', outcome: 'reached' },
    ],
    decision: 'continue',
  },
  requestEndEvaluation: { reason: 'De resultaten zijn bereikt; het gezin wil afronden' },
  recordEndEvaluation: {
    goals: [
      { resultId: 'school', outcome: 'reached' },
      { resultId: 'rust-thuis', outcome: 'partly' },
    ],
    decision: 'verlenging',
    verlenging: { number: 'B-2027-118', endDate: '2028-06-30' },
  },
  withdraw: { reason: 'Het gezin is verhuisd naar een andere gemeente' },
  reportEvaluation: {
    agbCode: AGB,
    kind: 'interim',
    outcomes: [
      { resultId: 'school', outcome: 'partly' },
      { resultId: 'rust-thuis', outcome: 'reached' },
    ],
  },
  startZorg: { agbCode: AGB, date: '2027-01-11' },
  stopZorg: { agbCode: AGB, date: '2027-12-17', reason: '02' },
  answerThreeMonthCheck: { fitting: true },
  answerQuestionnaire: { moment: 'midway', rating: 4 },
  requestReassessment: { batchId: 'apr-2027', decideBy: '2027-04-30' },
  answerReassessment: { followUpNeeded: false },
  reassignCoordinator: {
    coordinatorId: 'coord-bram',
    reason: 'Langdurig verlof van de coördinator; overgedragen binnen het team',
  },
  closeWithAdvice: {
    advice: 'voorliggend-veld',
    explanation: 'De opvoedcursus van het buurtteam past bij uw vraag.',
  },
  signOffPlan: { professionalId: 'gw-petra' },
  markDrang: {
    since: '2026-11-30',
    source: 'basisvoorziening',
    reason: 'School maakt zich zorgen om verzuim; de ouders herkennen de zorgen nog niet.',
  },
  rejectRequest: {
    ground: 'voorliggende-voorziening',
    motivation: 'De training van het buurtteam is passend; jeugdhulp is niet nodig.',
  },
};
