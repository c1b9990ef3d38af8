import type { Schemas } from '../../api/client';

/**
 * The whole case as GET /trajectories/{caseNumber} answers it (`view: case`). The OpenAPI
 * document types its parts as plain objects; these are their shapes as the domain writes them
 * (libs/domain/src/processes/trajectory/state.ts), with the free texts read back in (a string,
 * or null once destroyed). Every part is read defensively: older runs lack some.
 */
export type CaseState = Schemas['TrajectoryStateDto'];

export interface Omvang {
  volume: number;
  unit: string;
  frequency: string;
}

export interface Inzet {
  productCategory: string;
  productCode?: string;
  omvang: Omvang;
}

export interface Result {
  id: string;
  description: string | null;
  measure: string | null;
}

export interface Plan {
  results: Result[];
  inzet: Inzet;
  agreedAt: string;
}

export interface ProviderIntake {
  agbCode: string;
  activities: string[] | string | null;
  expectedDurationWeeks: number;
  requestedInzet?: Inzet;
  recordedAt: string;
  divergence?: {
    status: 'pending' | 'accepted' | 'refused';
    reasons: string[];
    decisionReason?: string | null;
  };
}

export interface Toewijzing extends Inzet {
  agbCode: string;
  toewijzingnummer: string;
}

export type Beschikking = {
  number: string;
  startDate: string;
  endDate: string;
  issuedAt?: string;
} & ({ kind: 'zin'; toewijzingen: Toewijzing[] } | { kind: 'pgb'; budgetEuro: number });

export interface Judgement {
  resultId: string;
  outcome: string;
}

export interface Awb {
  dueAt: string;
  warned: boolean;
  overdue: boolean;
  verdagingen: Array<{ newDueDate: string; reason: string | null; recordedAt: string }>;
}

export interface Coordination {
  coordinate: boolean;
  criteria: Record<string, string | number>;
  proposed: boolean;
  proposalReasons: string[];
  reviewInterval?: string;
  decidedAt: string;
}

export interface Review {
  recordedAt: string;
  outcomes: Judgement[];
  decision: string;
  wasOverdue: boolean;
}

export interface Monitoring {
  nextReviewDue?: string;
  overdue: boolean;
}

export type Care = Record<string, { startedOn?: string; stoppedOn?: string; stopReason?: string }>;

export interface Evaluation {
  agbCode: string;
  kind: 'interim' | 'end';
  outcomes: Judgement[];
  recordedAt: string;
}

export interface ThreeMonthCheck {
  status: string;
  dueAt?: string;
  responseDeadline?: string;
  answeredAt?: string;
}

export interface Questionnaire {
  status: string;
  rating?: number;
  ratingCjg?: number;
  ratingCoordinator?: number;
  responseDeadline?: string;
  answeredAt?: string;
}

export interface EndEvaluation {
  trigger: string;
  requiredSince: string;
  remindersSent: number;
  recordedAt?: string;
  goals?: Judgement[];
  decision?: string;
  followUpCaseNumber?: string;
}

export interface Reassessment {
  batchId: string;
  decideBy: string;
  status: string;
  followUpNeeded?: boolean;
  answeredAt?: string;
}

export interface DeliveryProblem {
  letter: string;
  sequence: number;
  recipient: string;
  reason: string;
  at: string;
}

/** The parts of the case view the page reads, typed. */
export interface CaseParts {
  plan?: Plan;
  planSignOff?: { professionalId: string; at: string };
  referrals: string[];
  providerIntakes: ProviderIntake[];
  beschikking?: Beschikking;
  previousBeschikkingen: Beschikking[];
  awb?: Awb;
  coordination?: Coordination;
  reviews: Review[];
  monitoring?: Monitoring;
  care: Care;
  evaluations: Evaluation[];
  threeMonthCheck?: ThreeMonthCheck;
  questionnaires: Partial<Record<'midway' | 'end', Questionnaire>>;
  endEvaluation?: EndEvaluation;
  reassessment?: Reassessment;
  withdrawal?: { reason: string | null; at: string };
  drang?: { since: string; source: string; reason: string | null; markedAt: string };
  intakeOutcome?: {
    kind: 'advice' | 'rejected';
    advice?: string;
    ground?: string;
    at: string;
    text: string | null;
  };
  deliveryProblems: DeliveryProblem[];
  previousCaseNumber?: string;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const record = <T>(value: unknown): T | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : undefined;

/** The typed parts of a case view. */
export function partsOf(view: CaseState): CaseParts {
  const raw = view as unknown as Record<string, unknown>;
  return {
    plan: record<Plan>(raw.plan),
    planSignOff: record(raw.planSignOff),
    referrals: list<string>(raw.referrals),
    providerIntakes: list<ProviderIntake>(raw.providerIntakes),
    beschikking: record<Beschikking>(raw.beschikking),
    previousBeschikkingen: list<Beschikking>(raw.previousBeschikkingen),
    awb: record<Awb>(raw.awb),
    coordination: record<Coordination>(raw.coordination),
    reviews: list<Review>(raw.reviews),
    monitoring: record<Monitoring>(raw.monitoring),
    care: record<Care>(raw.care) ?? {},
    evaluations: list<Evaluation>(raw.evaluations),
    threeMonthCheck: record<ThreeMonthCheck>(raw.threeMonthCheck),
    questionnaires: record<CaseParts['questionnaires']>(raw.questionnaires) ?? {},
    endEvaluation: record<EndEvaluation>(raw.endEvaluation),
    reassessment: record<Reassessment>(raw.reassessment),
    withdrawal: record(raw.withdrawal),
    drang: record(raw.drang),
    intakeOutcome: record(raw.intakeOutcome),
    deliveryProblems: list<DeliveryProblem>(raw.deliveryProblems),
    previousCaseNumber:
      typeof raw.previousCaseNumber === 'string' ? raw.previousCaseNumber : undefined,
  };
}

/** Every provider with a part in the case: referred, intake recorded, or granted care. */
export function involvedProviders(parts: CaseParts): string[] {
  const granted = parts.beschikking?.kind === 'zin' ? parts.beschikking.toewijzingen : [];
  return [
    ...new Set([
      ...parts.referrals,
      ...parts.providerIntakes.map((intake) => intake.agbCode),
      ...granted.map((t) => t.agbCode),
    ]),
  ];
}

/** The providers granted care in the current beschikking (ZIN). */
export function assignedProviders(parts: CaseParts): string[] {
  return parts.beschikking?.kind === 'zin'
    ? [...new Set(parts.beschikking.toewijzingen.map((t) => t.agbCode))]
    : [];
}

/**
 * The furthest phase of the way a case got, from what it holds: an open case is where it is; a
 * closed or withdrawn one as far as its plan, intakes, beschikking and evaluations show.
 */
export function reachedPhase(view: CaseState, parts: CaseParts): CaseState['phase'] {
  if (view.phase !== 'closed' && view.phase !== 'withdrawn') return view.phase;
  if (parts.endEvaluation) return 'end-evaluation';
  if (parts.coordination) return 'monitoring';
  if (parts.beschikking) return 'beschikking';
  if (parts.providerIntakes.length > 0) return 'provider-intake';
  if (parts.plan) return 'results-agreed';
  return 'intake';
}

/** A result's words, or its id when its text is gone. */
export function resultText(parts: CaseParts, resultId: string): string {
  const result = parts.plan?.results.find((r) => r.id === resultId);
  return result?.description ?? resultId;
}
