import { isValidCaseNumber } from './case-number';
import {
  isEndReason,
  isFrequency,
  isProductCategory,
  isUnit,
  isValidAgbCode,
  omvangExceeds,
  type EndReason,
  type Omvang,
  type ProductCategory,
} from './codes';
import {
  coordinationCriteriaProblems,
  proposeCoordination,
  type CoordinationCriteria,
} from './coordination';
import { isValidPersonId } from './ids';
import { SCHAKELOVERLEG_LETTER_KINDS } from './processes/schakeloverleg';
import { VEILIG_THUIS_LETTER_KINDS } from './processes/veilig-thuis';
import { VTO_LETTER_KINDS } from './processes/vto';
import { intervalWithin, nextReviewDue } from './monitoring';
import { isValidMunicipalityCode } from './municipality';
import { DEFAULT_POLICY, type TrajectoryPolicy } from './policy';
import {
  addDuration,
  addToDate,
  amsterdamDate,
  amsterdamInstant,
  compareDates,
  isCalendarDate,
  isDuration,
  subtractDuration,
  type CalendarDate,
} from './time';

// ───────────────────────────────────────────────────────────── phases

/** The phases of a toegang trajectory (002 §3.5, 001). */
export const TRAJECTORY_PHASES = [
  'intake',
  'results-agreed',
  'provider-intake',
  'beschikking',
  'monitoring',
  'end-evaluation',
  'closed',
  'withdrawn',
] as const;
export type TrajectoryPhase = (typeof TRAJECTORY_PHASES)[number];

export function isOpenPhase(phase: TrajectoryPhase): boolean {
  return phase !== 'closed' && phase !== 'withdrawn';
}

// ───────────────────────────────────────────────────────────── input

/** What a new trajectory starts with: ids and codes only, never personal data. */
export interface TrajectoryInput {
  caseNumber: string;
  /** CBS gemeentecode of the municipality on whose behalf the CJG grants access. */
  municipalityCode: string;
  coordinatorId: string;
  clientId: string;
  /** 1Gezin1Plan: the family this client belongs to. */
  familyId: string;
  /** Recorded in the trajectory; defaults to DEFAULT_POLICY. */
  policy?: TrajectoryPolicy;
  /** The case this one follows on (vervolgtraject or a transfer), if any. */
  previousCaseNumber?: string;
}

/**
 * Every reason the input cannot start a trajectory; empty when it can. The API validates first
 * and answers 400; the workflow checks again so that no other client can start a malformed case.
 */
export function trajectoryInputProblems(input: TrajectoryInput): string[] {
  const problems: string[] = [];
  if (!isValidCaseNumber(input.caseNumber)) problems.push('caseNumber is not a valid case number');
  if (!isValidMunicipalityCode(input.municipalityCode)) {
    problems.push('municipalityCode must be a four-digit CBS gemeentecode');
  }
  if (!isValidPersonId(input.coordinatorId)) problems.push('coordinatorId is not a valid id');
  if (!isValidPersonId(input.clientId)) problems.push('clientId is not a valid id');
  if (!isValidPersonId(input.familyId)) problems.push('familyId is not a valid id');
  if (input.previousCaseNumber !== undefined && !isValidCaseNumber(input.previousCaseNumber)) {
    problems.push('previousCaseNumber is not a valid case number');
  }
  return problems;
}

// ───────────────────────────────────────────────────────────── plan, beschikking

export interface Result {
  /** Short id, unique within the plan (`r1`, `school`…). */
  id: string;
  description: string;
  /** How it will be judged whether the result is reached. */
  measure: string;
}

/** The inzet the CJG decides (002 §6 item 14: the provider cannot change it). */
export interface Inzet {
  productCategory: ProductCategory;
  productCode?: string;
  omvang: Omvang;
}

export interface PlanDeel1 {
  results: Result[];
  inzet: Inzet;
}

export interface ProviderIntake {
  agbCode: string;
  /** Plan deel 2: what the provider will do. */
  activities: string[];
  expectedDurationWeeks: number;
  /** What the provider asks for, when it differs from the plan. */
  requestedInzet?: Inzet;
  recordedAt: string;
  divergence?: {
    status: 'pending' | 'accepted' | 'refused';
    reasons: string[];
    decisionReason?: string;
  };
}

export interface Toewijzing {
  agbCode: string;
  toewijzingnummer: string;
  productCategory: ProductCategory;
  productCode?: string;
  omvang: Omvang;
}

export type Beschikking =
  | {
      number: string;
      kind: 'zin';
      startDate: CalendarDate;
      endDate: CalendarDate;
      toewijzingen: Toewijzing[];
    }
  | {
      number: string;
      kind: 'pgb';
      startDate: CalendarDate;
      endDate: CalendarDate;
      budgetEuro: number;
    };

export type ResultOutcome = 'reached' | 'partly' | 'not';
export interface ResultJudgement {
  resultId: string;
  outcome: ResultOutcome;
}

export type ReviewDecision = 'continue' | 'afschalen' | 'opschalen' | 'end';

// ───────────────────────────────────────────────────────────── state

export type ClientAnswerStatus = 'not-sent' | 'sent' | 'answered' | 'no-response';

export interface TrajectoryState {
  caseNumber: string;
  municipalityCode: string;
  coordinatorId: string;
  clientId: string;
  familyId: string;
  previousCaseNumber?: string;
  phase: TrajectoryPhase;
  /** ISO instant the request for help was registered (the Awb clock starts here). */
  startedAt: string;
  policy: TrajectoryPolicy;
  /** Bumped at every change; projections keep the highest. */
  revision: number;
  /** Numbering of letters, unique within the trajectory. */
  letterSequence: number;
  intakeLetterSent: boolean;

  plan?: PlanDeel1 & { agreedAt: string };
  /** AGB codes of the providers the family was referred to (verwijzing), in order. */
  referrals?: string[];
  providerIntakes: ProviderIntake[];
  beschikking?: Beschikking & { issuedAt: string };
  /** Earlier periods, after a verlenging. */
  previousBeschikkingen: Beschikking[];
  awb: {
    dueAt: string;
    warned: boolean;
    overdue: boolean;
    verdagingen: Array<{ newDueDate: CalendarDate; reason: string; recordedAt: string }>;
  };
  coordination?: {
    coordinate: boolean;
    criteria: CoordinationCriteria;
    proposed: boolean;
    proposalReasons: string[];
    reviewInterval?: string;
    decidedAt: string;
  };
  reviews: Array<{
    recordedAt: string;
    outcomes: ResultJudgement[];
    decision: ReviewDecision;
    wasOverdue: boolean;
  }>;
  monitoring: { anchorAt?: string; nextReviewDue?: string; reminded: boolean; overdue: boolean };
  care: Record<
    string,
    { startedOn?: CalendarDate; stoppedOn?: CalendarDate; stopReason?: EndReason }
  >;
  evaluations: Array<{
    agbCode: string;
    kind: 'interim' | 'end';
    outcomes: ResultJudgement[];
    recordedAt: string;
  }>;
  threeMonthCheck: {
    status: 'waiting' | 'sent' | 'fitting' | 'not-fitting' | 'no-response';
    dueAt?: string;
    responseDeadline?: string;
    answeredAt?: string;
  };
  questionnaires: Record<
    'midway' | 'end',
    { status: ClientAnswerStatus; rating?: number; responseDeadline?: string; answeredAt?: string }
  >;
  endEvaluation?: {
    trigger: 'end-date' | 'stop-zorg' | 'coordinator';
    requiredSince: string;
    remindersSent: number;
    nextReminderAt: string;
    recordedAt?: string;
    goals?: ResultJudgement[];
    decision?: 'close' | 'verlenging' | 'vervolgtraject';
    followUpCaseNumber?: string;
  };
  reassessment?: {
    batchId: string;
    decideBy: CalendarDate;
    requestedAt: string;
    status: 'pending' | 'answered' | 'no-answer';
    followUpNeeded?: boolean;
    answeredAt?: string;
  };
  withdrawal?: { reason: string; at: string };
  /** Letters that could not be delivered (absent in runs from before it was recorded). */
  deliveryProblems?: DeliveryProblem[];
  closedAt?: string;
}

/** Why a letter did not reach a recipient; none of these gets better by trying again. */
export type DeliveryFailureReason = 'refused' | 'no-address' | 'unknown-recipient';

export interface DeliveryFailure {
  recipient: Recipient;
  reason: DeliveryFailureReason;
}

export interface DeliveryProblem {
  letter: LetterKind;
  sequence: number;
  /** `client:<id>`, `provider:<agb>`, `coordinator:<id>`: a reference, never an address. */
  recipient: string;
  reason: DeliveryFailureReason;
  at: string;
}

export function initialState(input: TrajectoryInput, now: Date): TrajectoryState {
  const policy = input.policy ?? DEFAULT_POLICY;
  return {
    caseNumber: input.caseNumber,
    municipalityCode: input.municipalityCode,
    coordinatorId: input.coordinatorId,
    clientId: input.clientId,
    familyId: input.familyId,
    ...(input.previousCaseNumber ? { previousCaseNumber: input.previousCaseNumber } : {}),
    phase: 'intake',
    startedAt: now.toISOString(),
    policy,
    revision: 1,
    letterSequence: 0,
    intakeLetterSent: false,
    providerIntakes: [],
    previousBeschikkingen: [],
    awb: {
      dueAt: addDuration(now, policy.awbDecisionPeriod).toISOString(),
      warned: false,
      overdue: false,
      verdagingen: [],
    },
    reviews: [],
    monitoring: { reminded: false, overdue: false },
    care: {},
    evaluations: [],
    threeMonthCheck: { status: 'waiting' },
    questionnaires: { midway: { status: 'not-sent' }, end: { status: 'not-sent' } },
  };
}

// ───────────────────────────────────────────────────────────── effects

export type Recipient =
  | { role: 'coordinator'; id: string }
  | { role: 'client'; id: string }
  | { role: 'provider'; agbCode: string }
  /** A partner organisation: Veilig Thuis, a GI, the Raad, the beschermingsplein. */
  | { role: 'organisation'; id: string };

/** The letters of a trajectory and its family. */
export const TRAJECTORY_LETTER_KINDS = [
  'intake-registered',
  'plan-deel-1',
  'divergence-alert',
  'beschikking-issued',
  'awb-warning',
  'awb-overdue',
  'coordination-decision',
  'review-reminder',
  'review-overdue',
  'three-month-check',
  'not-fitting-alert',
  'questionnaire',
  'evaluation-request',
  'evaluation-reminder',
  'reassessment-request',
  'reassessment-outcome',
  'samenloop-alert',
  'trajectory-ended',
  /** To the coordinator: a letter could not be delivered (refused address, none known). */
  'delivery-failed',
] as const;

/** Every letter kind of every process; each process lists its own in libs/domain/src/processes. */
export const LETTER_KINDS = [
  ...TRAJECTORY_LETTER_KINDS,
  ...VEILIG_THUIS_LETTER_KINDS,
  ...SCHAKELOVERLEG_LETTER_KINDS,
  ...VTO_LETTER_KINDS,
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Facts a letter may mention: codes, dates, numbers and choices, never personal data. */
export type LetterFacts = Record<string, string | number | boolean>;

export type Effect =
  | { type: 'letter'; kind: LetterKind; to: Recipient[]; facts: LetterFacts }
  /** The family's set of active providers changed (samenloop is judged per family). */
  | { type: 'family-care'; activeAgbCodes: string[] };

// ───────────────────────────────────────────────────────────── commands

export type TrajectoryCommand =
  | { type: 'agreeResults'; plan: PlanDeel1 }
  /** Verwijzing: the family chose this provider; it may now record its intake. */
  | { type: 'referToProvider'; agbCode: string }
  | {
      type: 'recordProviderIntake';
      agbCode: string;
      activities: string[];
      expectedDurationWeeks: number;
      requestedInzet?: Inzet;
    }
  | { type: 'decideDivergence'; agbCode: string; accept: boolean; reason: string }
  | { type: 'issueBeschikking'; beschikking: Beschikking }
  | { type: 'recordVerdaging'; newDueDate: CalendarDate; reason: string }
  | {
      type: 'decideCoordination';
      coordinate: boolean;
      criteria: CoordinationCriteria;
      reviewInterval?: string;
    }
  | { type: 'recordReview'; outcomes: ResultJudgement[]; decision: ReviewDecision }
  | { type: 'requestEndEvaluation'; reason: string }
  | {
      type: 'recordEndEvaluation';
      goals: ResultJudgement[];
      decision: 'close' | 'verlenging' | 'vervolgtraject';
      verlenging?: { number: string; endDate: CalendarDate };
      followUpCaseNumber?: string;
    }
  | { type: 'withdraw'; reason: string }
  | {
      type: 'reportEvaluation';
      agbCode: string;
      kind: 'interim' | 'end';
      outcomes: ResultJudgement[];
    }
  | { type: 'startZorg'; agbCode: string; date: CalendarDate }
  | { type: 'stopZorg'; agbCode: string; date: CalendarDate; reason: EndReason }
  | { type: 'answerThreeMonthCheck'; fitting: boolean }
  | { type: 'answerQuestionnaire'; moment: 'midway' | 'end'; rating: number }
  | { type: 'requestReassessment'; batchId: string; decideBy: CalendarDate }
  | { type: 'answerReassessment'; followUpNeeded: boolean }
  /** The team lead moves the case to another coordinator. */
  | { type: 'reassignCoordinator'; coordinatorId: string; reason: string };

export type CommandType = TrajectoryCommand['type'];

/** The fields each command takes (besides its type); anything else is refused. */
export const COMMAND_FIELDS: Record<CommandType, readonly string[]> = {
  agreeResults: ['plan'],
  referToProvider: ['agbCode'],
  recordProviderIntake: ['agbCode', 'activities', 'expectedDurationWeeks', 'requestedInzet'],
  decideDivergence: ['agbCode', 'accept', 'reason'],
  issueBeschikking: ['beschikking'],
  recordVerdaging: ['newDueDate', 'reason'],
  decideCoordination: ['coordinate', 'criteria', 'reviewInterval'],
  recordReview: ['outcomes', 'decision'],
  requestEndEvaluation: ['reason'],
  recordEndEvaluation: ['goals', 'decision', 'verlenging', 'followUpCaseNumber'],
  withdraw: ['reason'],
  reportEvaluation: ['agbCode', 'kind', 'outcomes'],
  startZorg: ['agbCode', 'date'],
  stopZorg: ['agbCode', 'date', 'reason'],
  answerThreeMonthCheck: ['fitting'],
  answerQuestionnaire: ['moment', 'rating'],
  requestReassessment: ['batchId', 'decideBy'],
  answerReassessment: ['followUpNeeded'],
  reassignCoordinator: ['coordinatorId', 'reason'],
};

/** Fields of the body that the command does not take. */
export function unknownCommandFields(type: CommandType, body: object): string[] {
  const allowed = COMMAND_FIELDS[type];
  return Object.keys(body).filter((key) => !allowed.includes(key));
}

/** Which commands each phase accepts at all (the data is checked after). */
const PHASE_COMMANDS: Record<TrajectoryPhase, readonly CommandType[]> = {
  intake: ['agreeResults', 'recordVerdaging', 'withdraw', 'reassignCoordinator'],
  'results-agreed': [
    'referToProvider',
    'recordProviderIntake',
    'recordVerdaging',
    'withdraw',
    'reassignCoordinator',
  ],
  'provider-intake': [
    'referToProvider',
    'recordProviderIntake',
    'decideDivergence',
    'issueBeschikking',
    'recordVerdaging',
    'withdraw',
    'reassignCoordinator',
  ],
  beschikking: ['decideCoordination', 'startZorg', 'stopZorg', 'withdraw', 'reassignCoordinator'],
  monitoring: [
    'recordReview',
    'requestEndEvaluation',
    'reportEvaluation',
    'startZorg',
    'stopZorg',
    'answerThreeMonthCheck',
    'answerQuestionnaire',
    'requestReassessment',
    'answerReassessment',
    'withdraw',
    'reassignCoordinator',
  ],
  'end-evaluation': [
    'recordEndEvaluation',
    'reportEvaluation',
    'stopZorg',
    'answerThreeMonthCheck',
    'answerQuestionnaire',
    'withdraw',
    'reassignCoordinator',
  ],
  closed: [],
  withdrawn: [],
};

/** The commands that make sense now: the phase allows them and nothing in the state forbids them. */
export function allowedCommands(state: TrajectoryState): CommandType[] {
  return PHASE_COMMANDS[state.phase].filter(
    (type) => commandStateProblems(state, type).length === 0,
  );
}

/** Reasons the state refuses a command of this type, whatever its data. */
export function commandStateProblems(state: TrajectoryState, type: CommandType): string[] {
  if (!PHASE_COMMANDS[state.phase].includes(type)) {
    return [`${type} is not possible in phase ${state.phase}`];
  }
  const ended = state.endEvaluation?.recordedAt !== undefined;
  switch (type) {
    case 'issueBeschikking':
      return state.providerIntakes.some((i) => i.divergence?.status === 'pending')
        ? ['a divergence of a provider intake is still to be accepted or refused']
        : [];
    case 'decideDivergence':
      return state.providerIntakes.some((i) => i.divergence?.status === 'pending')
        ? []
        : ['no divergence is pending'];
    case 'recordVerdaging':
      return state.beschikking ? ['the beschikking is already issued'] : [];
    case 'recordReview':
      return state.coordination?.coordinate ? [] : ['reviews are for coordinated trajectories'];
    case 'answerThreeMonthCheck':
      return state.threeMonthCheck.status === 'sent'
        ? []
        : ['the 3-month check is not awaiting an answer'];
    case 'requestReassessment':
      return state.reassessment?.status === 'pending' ? ['a re-assessment is already pending'] : [];
    case 'answerReassessment':
      return state.reassessment?.status === 'pending' ? [] : ['no re-assessment is pending'];
    case 'recordEndEvaluation':
      return ended ? ['the end evaluation is already recorded'] : [];
    case 'withdraw':
      return ended ? ['the end evaluation is recorded; the trajectory is closing'] : [];
    default:
      return [];
  }
}

const nonEmpty = (value: unknown, max = 2000): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;

function omvangProblems(omvang: Omvang | undefined, path: string): string[] {
  const problems: string[] = [];
  if (!omvang || typeof omvang !== 'object') return [`${path} is required`];
  if (
    typeof omvang.volume !== 'number' ||
    !Number.isInteger(omvang.volume) ||
    omvang.volume < 1 ||
    omvang.volume > 100_000
  ) {
    problems.push(`${path}.volume must be a whole number from 1 to 100000`);
  }
  if (!isUnit(omvang.unit)) problems.push(`${path}.unit must be a WJ756 eenheid code`);
  if (!isFrequency(omvang.frequency))
    problems.push(`${path}.frequency must be a WMO757 frequentie code`);
  return problems;
}

function inzetProblems(inzet: Inzet | undefined, path: string): string[] {
  if (!inzet || typeof inzet !== 'object') return [`${path} is required`];
  const problems: string[] = [];
  if (!isProductCategory(inzet.productCategory))
    problems.push(`${path}.productCategory must be a JZ020 productcategorie`);
  if (inzet.productCode !== undefined && !/^[0-9A-Z]{5}$/.test(inzet.productCode)) {
    problems.push(`${path}.productCode must be five characters 0-9/A-Z`);
  }
  if (
    inzet.productCode !== undefined &&
    isProductCategory(inzet.productCategory) &&
    !inzet.productCode.startsWith(inzet.productCategory)
  ) {
    problems.push(`${path}.productCode must start with its productCategory`);
  }
  return [...problems, ...omvangProblems(inzet.omvang, `${path}.omvang`)];
}

function judgementProblems(
  state: TrajectoryState,
  outcomes: ResultJudgement[],
  path: string,
  complete: boolean,
): string[] {
  if (!Array.isArray(outcomes)) return [`${path} must be a list`];
  const ids = new Set(state.plan?.results.map((r) => r.id) ?? []);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, o] of outcomes.entries()) {
    if (!ids.has(o?.resultId)) problems.push(`${path}[${i}].resultId is not a result of the plan`);
    if (seen.has(o?.resultId)) problems.push(`${path}[${i}].resultId is judged twice`);
    seen.add(o?.resultId);
    if (!['reached', 'partly', 'not'].includes(o?.outcome))
      problems.push(`${path}[${i}].outcome must be reached, partly or not`);
  }
  if (complete && problems.length === 0 && seen.size !== ids.size)
    problems.push(`${path} must judge every result of the plan`);
  return problems;
}

function isAssigned(state: TrajectoryState, agbCode: string): boolean {
  const b = state.beschikking;
  return b?.kind === 'zin' && b.toewijzingen.some((t) => t.agbCode === agbCode);
}

/**
 * Every reason the command is refused in this state; empty when it is accepted. Workflows call
 * this in their update validators, so a refused command never enters the history.
 */
export function commandProblems(
  state: TrajectoryState,
  command: TrajectoryCommand,
  now: Date,
): string[] {
  const phase = commandStateProblems(state, command.type);
  if (phase.length > 0) return phase;
  const p: string[] = [];
  switch (command.type) {
    case 'agreeResults': {
      const { plan } = command;
      if (!Array.isArray(plan?.results) || plan.results.length === 0 || plan.results.length > 20) {
        p.push('plan.results must list 1 to 20 results');
      } else {
        const ids = new Set<string>();
        plan.results.forEach((r, i) => {
          if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(r?.id ?? ''))
            p.push(`plan.results[${i}].id must be a short id (a-z, 0-9, -)`);
          if (ids.has(r?.id)) p.push(`plan.results[${i}].id is used twice`);
          ids.add(r?.id);
          if (!nonEmpty(r?.description)) p.push(`plan.results[${i}].description is required`);
          if (!nonEmpty(r?.measure))
            p.push(`plan.results[${i}].measure (how it is judged) is required`);
        });
      }
      p.push(...inzetProblems(plan?.inzet, 'plan.inzet'));
      break;
    }
    case 'recordProviderIntake':
      if (!isValidAgbCode(command.agbCode)) p.push('agbCode must be 8 digits');
      if (state.providerIntakes.some((i) => i.agbCode === command.agbCode))
        p.push(`provider ${command.agbCode} already recorded its intake`);
      if (
        !Array.isArray(command.activities) ||
        command.activities.length === 0 ||
        !command.activities.every((a) => nonEmpty(a, 500))
      ) {
        p.push('activities must list what the provider will do');
      }
      if (
        !Number.isInteger(command.expectedDurationWeeks) ||
        command.expectedDurationWeeks < 1 ||
        command.expectedDurationWeeks > 520
      ) {
        p.push('expectedDurationWeeks must be a whole number from 1 to 520');
      }
      if (command.requestedInzet !== undefined)
        p.push(...inzetProblems(command.requestedInzet, 'requestedInzet'));
      break;
    case 'decideDivergence': {
      const intake = state.providerIntakes.find((i) => i.agbCode === command.agbCode);
      if (!intake?.divergence || intake.divergence.status !== 'pending')
        p.push(`provider ${command.agbCode} has no pending divergence`);
      if (typeof command.accept !== 'boolean') p.push('accept must be true or false');
      if (!nonEmpty(command.reason)) p.push('reason is required');
      break;
    }
    case 'issueBeschikking': {
      const b = command.beschikking;
      if (!/^[A-Z0-9][A-Z0-9-]{2,39}$/.test(b?.number ?? ''))
        p.push('beschikking.number must be 3-40 characters A-Z, 0-9, -');
      if (!isCalendarDate(b?.startDate))
        p.push('beschikking.startDate must be a calendar date YYYY-MM-DD');
      if (!isCalendarDate(b?.endDate))
        p.push('beschikking.endDate must be a calendar date YYYY-MM-DD');
      if (
        isCalendarDate(b?.startDate) &&
        isCalendarDate(b?.endDate) &&
        compareDates(b.endDate, b.startDate) < 0
      ) {
        p.push('beschikking.endDate must not be before its startDate');
      }
      if (b?.kind === 'zin') {
        if (!Array.isArray(b.toewijzingen) || b.toewijzingen.length === 0)
          p.push('a ZIN beschikking needs at least one toewijzing');
        else {
          const intakes = new Set(state.providerIntakes.map((i) => i.agbCode));
          const numbers = new Set<string>();
          b.toewijzingen.forEach((t, i) => {
            if (!isValidAgbCode(t?.agbCode))
              p.push(`beschikking.toewijzingen[${i}].agbCode must be 8 digits`);
            else if (!intakes.has(t.agbCode))
              p.push(
                `beschikking.toewijzingen[${i}]: provider ${t.agbCode} has no recorded intake`,
              );
            if (!/^[A-Z0-9-]{1,20}$/.test(t?.toewijzingnummer ?? ''))
              p.push(
                `beschikking.toewijzingen[${i}].toewijzingnummer must be 1-20 characters A-Z, 0-9, -`,
              );
            if (numbers.has(t?.toewijzingnummer))
              p.push(`beschikking.toewijzingen[${i}].toewijzingnummer is used twice`);
            numbers.add(t?.toewijzingnummer);
            p.push(...inzetProblems(t as Inzet, `beschikking.toewijzingen[${i}]`));
            const intake = state.providerIntakes.find((x) => x.agbCode === t?.agbCode);
            const ceiling =
              intake?.divergence?.status === 'accepted' && intake.requestedInzet
                ? intake.requestedInzet
                : state.plan?.inzet;
            if (
              ceiling &&
              isProductCategory(t?.productCategory) &&
              t.omvang &&
              (t.productCategory !== ceiling.productCategory ||
                omvangExceeds(t.omvang, ceiling.omvang))
            ) {
              p.push(
                `beschikking.toewijzingen[${i}] grants more or other care than plan deel 1 (and any accepted divergence)`,
              );
            }
          });
        }
      } else if (b?.kind === 'pgb') {
        if (typeof b.budgetEuro !== 'number' || !(b.budgetEuro > 0) || b.budgetEuro > 1_000_000)
          p.push('beschikking.budgetEuro must be a positive amount up to 1000000');
      } else {
        p.push('beschikking.kind must be zin or pgb');
      }
      break;
    }
    case 'recordVerdaging': {
      const currentDue = amsterdamDate(new Date(state.awb.dueAt));
      if (!isCalendarDate(command.newDueDate))
        p.push('newDueDate must be a calendar date YYYY-MM-DD');
      else if (compareDates(command.newDueDate, currentDue) <= 0)
        p.push(`newDueDate must be after the current due date ${currentDue}`);
      if (!nonEmpty(command.reason))
        p.push('reason is required (Awb 4:14: the applicant is told why)');
      break;
    }
    case 'decideCoordination':
      if (typeof command.coordinate !== 'boolean') p.push('coordinate must be true or false');
      p.push(...coordinationCriteriaProblems(command.criteria));
      if (command.reviewInterval !== undefined) {
        if (!isDuration(command.reviewInterval))
          p.push('reviewInterval must be an ISO 8601 duration such as P3M');
        else if (
          !intervalWithin(
            reviewAnchor(state, now),
            command.reviewInterval,
            state.policy.maxReviewInterval,
          )
        ) {
          p.push(
            `reviewInterval may not be longer than ${state.policy.maxReviewInterval}: reviews are at least half-yearly (001)`,
          );
        }
      }
      if (command.reviewInterval !== undefined && command.coordinate === false)
        p.push('reviewInterval only applies when coordinating');
      break;
    case 'recordReview':
      p.push(...judgementProblems(state, command.outcomes, 'outcomes', true));
      if (!['continue', 'afschalen', 'opschalen', 'end'].includes(command.decision))
        p.push('decision must be continue, afschalen, opschalen or end');
      break;
    case 'requestEndEvaluation':
      if (!nonEmpty(command.reason)) p.push('reason is required');
      break;
    case 'recordEndEvaluation':
      p.push(...judgementProblems(state, command.goals, 'goals', true));
      if (command.decision === 'verlenging') {
        const v = command.verlenging;
        if (!v) p.push('verlenging (number, endDate) is required for a verlenging');
        else {
          if (!/^[A-Z0-9][A-Z0-9-]{2,39}$/.test(v.number ?? ''))
            p.push('verlenging.number must be 3-40 characters A-Z, 0-9, -');
          if (
            v.number === state.beschikking?.number ||
            state.previousBeschikkingen.some((b) => b.number === v.number)
          )
            p.push('verlenging.number must be a new beschikking number');
          if (!isCalendarDate(v.endDate)) p.push('verlenging.endDate must be a calendar date');
          else if (state.beschikking && compareDates(v.endDate, state.beschikking.endDate) <= 0)
            p.push('verlenging.endDate must be after the current end date');
        }
      } else if (command.decision === 'vervolgtraject') {
        if (!isValidCaseNumber(command.followUpCaseNumber ?? ''))
          p.push('followUpCaseNumber must be a valid case number');
        if (command.followUpCaseNumber === state.caseNumber)
          p.push('followUpCaseNumber must be another case');
      } else if (command.decision !== 'close') {
        p.push('decision must be close, verlenging or vervolgtraject');
      }
      break;
    case 'withdraw':
      if (!nonEmpty(command.reason)) p.push('reason is required');
      break;
    case 'reportEvaluation':
      if (!isAssigned(state, command.agbCode))
        p.push(`provider ${command.agbCode} is not assigned to this trajectory`);
      if (command.kind !== 'interim' && command.kind !== 'end')
        p.push('kind must be interim or end');
      if (command.kind === 'end' && state.phase !== 'end-evaluation')
        p.push('an end evaluation is reported once the end evaluation is required');
      if (
        command.kind === 'end' &&
        state.evaluations.some((e) => e.kind === 'end' && e.agbCode === command.agbCode)
      )
        p.push('this provider already reported its end evaluation');
      p.push(...judgementProblems(state, command.outcomes, 'outcomes', command.kind === 'end'));
      break;
    case 'startZorg': {
      if (!isAssigned(state, command.agbCode))
        p.push(`provider ${command.agbCode} is not assigned to this trajectory`);
      if (state.care[command.agbCode]?.startedOn)
        p.push('start zorg is already recorded for this provider');
      if (!isCalendarDate(command.date)) p.push('date must be a calendar date');
      else if (
        state.beschikking &&
        (compareDates(command.date, state.beschikking.startDate) < 0 ||
          compareDates(command.date, state.beschikking.endDate) > 0)
      ) {
        p.push('date must lie within the beschikking period');
      }
      break;
    }
    case 'stopZorg': {
      const care = state.care[command.agbCode];
      if (!isAssigned(state, command.agbCode))
        p.push(`provider ${command.agbCode} is not assigned to this trajectory`);
      if (care?.stoppedOn) p.push('stop zorg is already recorded for this provider');
      if (!isCalendarDate(command.date)) p.push('date must be a calendar date');
      else if (care?.startedOn && compareDates(command.date, care.startedOn) < 0)
        p.push('date must not be before the start of care');
      if (!isEndReason(command.reason)) p.push('reason must be a JZ588 reden beëindiging code');
      break;
    }
    case 'answerThreeMonthCheck':
      if (typeof command.fitting !== 'boolean') p.push('fitting must be true or false');
      break;
    case 'answerQuestionnaire': {
      const q = state.questionnaires[command.moment];
      if (!q) p.push('moment must be midway or end');
      else if (q.status !== 'sent')
        p.push(`the ${command.moment} questionnaire is not awaiting an answer`);
      if (!Number.isInteger(command.rating) || command.rating < 1 || command.rating > 5)
        p.push('rating must be a whole number from 1 to 5');
      break;
    }
    case 'requestReassessment':
      if (!/^[A-Za-z0-9-]{1,64}$/.test(command.batchId ?? ''))
        p.push('batchId must be 1-64 characters A-Z, a-z, 0-9, -');
      if (!isCalendarDate(command.decideBy)) p.push('decideBy must be a calendar date');
      else if (compareDates(command.decideBy, amsterdamDate(now)) < 0)
        p.push('decideBy must not be in the past');
      break;
    case 'answerReassessment':
      if (typeof command.followUpNeeded !== 'boolean')
        p.push('followUpNeeded must be true or false');
      break;
    case 'referToProvider':
      if (!isValidAgbCode(command.agbCode)) p.push('agbCode must be 8 digits');
      else if (referredProviders(state).includes(command.agbCode))
        p.push(`provider ${command.agbCode} is already referred`);
      break;
    case 'reassignCoordinator':
      if (!isValidPersonId(command.coordinatorId)) p.push('coordinatorId is not a valid id');
      else if (command.coordinatorId === state.coordinatorId)
        p.push('the case is already with this coordinator');
      if (!nonEmpty(command.reason)) p.push('reason is required');
      break;
  }
  return p;
}

// ───────────────────────────────────────────────────────────── applying

const coordinatorOf = (s: TrajectoryState): Recipient => ({
  role: 'coordinator',
  id: s.coordinatorId,
});
const clientOf = (s: TrajectoryState): Recipient => ({ role: 'client', id: s.clientId });

/** Providers the family was referred to (verwijzing); absent in runs from before referrals. */
export function referredProviders(state: TrajectoryState): string[] {
  return state.referrals ?? [];
}

/**
 * Every provider with a part in the case: referred, intake recorded, or granted care. A provider
 * sees and reports on exactly these trajectories.
 */
export function involvedProviders(state: TrajectoryState): string[] {
  return [
    ...new Set([
      ...referredProviders(state),
      ...state.providerIntakes.map((i) => i.agbCode),
      ...assignedProviders(state),
    ]),
  ];
}

export function assignedProviders(state: TrajectoryState): string[] {
  const b = state.beschikking;
  return b?.kind === 'zin' ? [...new Set(b.toewijzingen.map((t) => t.agbCode))] : [];
}

/** Providers whose care is granted and not stopped, while the trajectory is open. */
export function activeProviders(state: TrajectoryState): string[] {
  if (!isOpenPhase(state.phase) || state.endEvaluation?.recordedAt) return [];
  return assignedProviders(state).filter((agb) => !state.care[agb]?.stoppedOn);
}

const providersOf = (s: TrajectoryState): Recipient[] =>
  assignedProviders(s).map((agbCode) => ({ role: 'provider', agbCode }));

/** The instant the review schedule counts from: the beschikking start, at the due hour. */
function reviewAnchor(state: TrajectoryState, now: Date): Date {
  return state.beschikking
    ? amsterdamInstant(state.beschikking.startDate, state.policy.dueHour)
    : now;
}

/** The instant a deadline on a calendar date falls due. */
const dueOn = (state: TrajectoryState, date: CalendarDate): Date =>
  amsterdamInstant(date, state.policy.dueHour);

function scheduleNextReview(state: TrajectoryState, after: Date): void {
  const interval = state.coordination?.reviewInterval ?? state.policy.defaultReviewInterval;
  const anchor = state.monitoring.anchorAt ? new Date(state.monitoring.anchorAt) : after;
  state.monitoring.nextReviewDue = nextReviewDue(anchor, interval, after).toISOString();
  state.monitoring.reminded = false;
  state.monitoring.overdue = false;
}

function beginEndEvaluation(
  state: TrajectoryState,
  trigger: 'end-date' | 'stop-zorg' | 'coordinator',
  now: Date,
  reason: string,
): Effect[] {
  state.phase = 'end-evaluation';
  state.monitoring.nextReviewDue = undefined;
  state.endEvaluation = {
    trigger,
    requiredSince: now.toISOString(),
    remindersSent: 0,
    nextReminderAt: addDuration(now, state.policy.endEvaluationReminderInterval).toISOString(),
  };
  return [
    {
      type: 'letter',
      kind: 'evaluation-request',
      to: [coordinatorOf(state), ...providersOf(state)],
      facts: { caseNumber: state.caseNumber, trigger, reason },
    },
  ];
}

function close(state: TrajectoryState, now: Date): Effect[] {
  state.phase = 'closed';
  state.closedAt = now.toISOString();
  return [
    { type: 'family-care', activeAgbCodes: [] },
    {
      type: 'letter',
      kind: 'trajectory-ended',
      to: [clientOf(state), coordinatorOf(state), ...providersOf(state)],
      facts: { caseNumber: state.caseNumber, decision: state.endEvaluation?.decision ?? 'close' },
    },
  ];
}

/**
 * Applies an accepted command to the state (mutating it) and returns what must happen in the
 * world. Call `commandProblems` first: this assumes the command is valid.
 */
export function applyCommand(
  state: TrajectoryState,
  command: TrajectoryCommand,
  now: Date,
): Effect[] {
  const at = now.toISOString();
  state.revision += 1;
  const facts = { caseNumber: state.caseNumber };
  switch (command.type) {
    case 'agreeResults':
      state.plan = { ...command.plan, agreedAt: at };
      state.phase = 'results-agreed';
      return [
        {
          type: 'letter',
          kind: 'plan-deel-1',
          to: [clientOf(state)],
          facts: {
            ...facts,
            results: command.plan.results.length,
            productCategory: command.plan.inzet.productCategory,
          },
        },
      ];
    case 'recordProviderIntake': {
      const reasons: string[] = [];
      const plan = state.plan?.inzet;
      if (plan && command.requestedInzet) {
        if (command.requestedInzet.productCategory !== plan.productCategory)
          reasons.push('another product category');
        if (omvangExceeds(command.requestedInzet.omvang, plan.omvang)) reasons.push('more omvang');
      }
      state.providerIntakes.push({
        agbCode: command.agbCode,
        activities: command.activities,
        expectedDurationWeeks: command.expectedDurationWeeks,
        ...(command.requestedInzet ? { requestedInzet: command.requestedInzet } : {}),
        recordedAt: at,
        ...(reasons.length > 0 ? { divergence: { status: 'pending' as const, reasons } } : {}),
      });
      state.phase = 'provider-intake';
      return reasons.length > 0
        ? [
            {
              type: 'letter',
              kind: 'divergence-alert',
              to: [coordinatorOf(state)],
              facts: { ...facts, agbCode: command.agbCode, reasons: reasons.join(', ') },
            },
          ]
        : [];
    }
    case 'decideDivergence': {
      const intake = state.providerIntakes.find((i) => i.agbCode === command.agbCode);
      if (intake?.divergence) {
        intake.divergence.status = command.accept ? 'accepted' : 'refused';
        intake.divergence.decisionReason = command.reason;
      }
      return [];
    }
    case 'issueBeschikking': {
      state.beschikking = { ...command.beschikking, issuedAt: at };
      state.phase = 'beschikking';
      state.awb.overdue = false;
      const start = dueOn(state, command.beschikking.startDate);
      state.monitoring.anchorAt = start.toISOString();
      state.threeMonthCheck = {
        status: 'waiting',
        dueAt: addDuration(start, state.policy.threeMonthCheckAfter).toISOString(),
      };
      return [
        { type: 'family-care', activeAgbCodes: activeProviders(state) },
        {
          type: 'letter',
          kind: 'beschikking-issued',
          to: [clientOf(state), ...providersOf(state)],
          facts: {
            ...facts,
            beschikkingNumber: command.beschikking.number,
            kind: command.beschikking.kind,
            startDate: command.beschikking.startDate,
            endDate: command.beschikking.endDate,
          },
        },
      ];
    }
    case 'recordVerdaging':
      state.awb.verdagingen.push({
        newDueDate: command.newDueDate,
        reason: command.reason,
        recordedAt: at,
      });
      // Due at the end of the new date.
      state.awb.dueAt = amsterdamInstant(addToDate(command.newDueDate, 0, 1), 0).toISOString();
      state.awb.overdue = false;
      return [];
    case 'decideCoordination': {
      const proposal = proposeCoordination(command.criteria);
      state.coordination = {
        coordinate: command.coordinate,
        criteria: command.criteria,
        proposed: proposal.coordinate,
        proposalReasons: proposal.reasons,
        ...(command.coordinate
          ? { reviewInterval: command.reviewInterval ?? state.policy.defaultReviewInterval }
          : {}),
        decidedAt: at,
      };
      state.phase = 'monitoring';
      if (command.coordinate) scheduleNextReview(state, now);
      return [
        {
          type: 'letter',
          kind: 'coordination-decision',
          to: [clientOf(state), ...providersOf(state)],
          facts: {
            ...facts,
            coordinate: command.coordinate,
            reviewInterval: state.coordination.reviewInterval ?? '',
          },
        },
      ];
    }
    case 'recordReview': {
      state.reviews.push({
        recordedAt: at,
        outcomes: command.outcomes,
        decision: command.decision,
        wasOverdue: state.monitoring.overdue,
      });
      if (command.decision === 'end')
        return beginEndEvaluation(state, 'coordinator', now, 'review decided to end the care');
      // This review answers the one due now (even when early): the next is the slot after it.
      const answered = state.monitoring.nextReviewDue
        ? new Date(state.monitoring.nextReviewDue)
        : now;
      scheduleNextReview(state, answered > now ? answered : now);
      return [];
    }
    case 'requestEndEvaluation':
      return beginEndEvaluation(state, 'coordinator', now, command.reason);
    case 'recordEndEvaluation': {
      const ev = state.endEvaluation;
      if (!ev) return [];
      if (command.decision === 'verlenging' && command.verlenging && state.beschikking) {
        // A new beschikking period: back to monitoring, the schedule goes on from the old anchor.
        const { issuedAt: _issued, ...previous } = state.beschikking;
        state.previousBeschikkingen.push(previous);
        state.beschikking = {
          ...state.beschikking,
          number: command.verlenging.number,
          endDate: command.verlenging.endDate,
          issuedAt: at,
        };
        state.endEvaluation = undefined;
        state.phase = 'monitoring';
        if (state.coordination?.coordinate) scheduleNextReview(state, now);
        return [
          {
            type: 'letter',
            kind: 'beschikking-issued',
            to: [clientOf(state), ...providersOf(state)],
            facts: {
              ...facts,
              beschikkingNumber: command.verlenging.number,
              kind: state.beschikking.kind,
              startDate: state.beschikking.startDate,
              endDate: command.verlenging.endDate,
              verlenging: true,
            },
          },
        ];
      }
      ev.recordedAt = at;
      ev.goals = command.goals;
      ev.decision = command.decision;
      if (command.followUpCaseNumber) ev.followUpCaseNumber = command.followUpCaseNumber;
      state.questionnaires.end = {
        status: 'sent',
        responseDeadline: addDuration(now, state.policy.clientResponseWindow).toISOString(),
      };
      return [
        { type: 'family-care', activeAgbCodes: [] },
        {
          type: 'letter',
          kind: 'questionnaire',
          to: [clientOf(state)],
          facts: { ...facts, moment: 'end' },
        },
      ];
    }
    case 'withdraw':
      state.withdrawal = { reason: command.reason, at };
      state.phase = 'withdrawn';
      state.closedAt = at;
      return [
        { type: 'family-care', activeAgbCodes: [] },
        {
          type: 'letter',
          kind: 'trajectory-ended',
          to: [clientOf(state), coordinatorOf(state), ...providersOf(state)],
          facts: { ...facts, decision: 'withdrawn' },
        },
      ];
    case 'reportEvaluation':
      state.evaluations.push({
        agbCode: command.agbCode,
        kind: command.kind,
        outcomes: command.outcomes,
        recordedAt: at,
      });
      return [];
    case 'startZorg':
      state.care[command.agbCode] = { ...state.care[command.agbCode], startedOn: command.date };
      return [];
    case 'stopZorg': {
      state.care[command.agbCode] = {
        ...state.care[command.agbCode],
        stoppedOn: command.date,
        stopReason: command.reason,
      };
      const effects: Effect[] = [{ type: 'family-care', activeAgbCodes: activeProviders(state) }];
      if (
        (state.phase === 'monitoring' || state.phase === 'beschikking') &&
        activeProviders(state).length === 0
      ) {
        effects.push(
          ...beginEndEvaluation(state, 'stop-zorg', now, `stop zorg (${command.reason})`),
        );
      }
      return effects;
    }
    case 'answerThreeMonthCheck':
      state.threeMonthCheck.status = command.fitting ? 'fitting' : 'not-fitting';
      state.threeMonthCheck.answeredAt = at;
      return command.fitting
        ? []
        : [{ type: 'letter', kind: 'not-fitting-alert', to: [coordinatorOf(state)], facts }];
    case 'answerQuestionnaire': {
      state.questionnaires[command.moment] = {
        ...state.questionnaires[command.moment],
        status: 'answered',
        rating: command.rating,
        answeredAt: at,
      };
      if (command.moment === 'end' && state.endEvaluation?.recordedAt) return close(state, now);
      return [];
    }
    case 'requestReassessment':
      state.reassessment = {
        batchId: command.batchId,
        decideBy: command.decideBy,
        requestedAt: at,
        status: 'pending',
      };
      return [
        {
          type: 'letter',
          kind: 'reassessment-request',
          to: [coordinatorOf(state)],
          facts: { ...facts, decideBy: command.decideBy },
        },
      ];
    case 'referToProvider':
      state.referrals = [...referredProviders(state), command.agbCode];
      return [];
    case 'reassignCoordinator':
      state.coordinatorId = command.coordinatorId;
      // The family workflow addresses samenloop alerts to each case's coordinator.
      return [{ type: 'family-care', activeAgbCodes: activeProviders(state) }];
    case 'answerReassessment': {
      const r = state.reassessment;
      if (!r) return [];
      r.status = 'answered';
      r.followUpNeeded = command.followUpNeeded;
      r.answeredAt = at;
      if (!command.followUpNeeded && state.coordination?.coordinate) {
        state.coordination.coordinate = false;
        state.monitoring.nextReviewDue = undefined;
        state.monitoring.overdue = false;
      }
      return [
        {
          type: 'letter',
          kind: 'reassessment-outcome',
          to: [clientOf(state), ...providersOf(state)],
          facts: { ...facts, followUpNeeded: command.followUpNeeded, answered: true },
        },
      ];
    }
  }
}

// ───────────────────────────────────────────────────────────── delivery

export function recipientRef(recipient: Recipient): string {
  return recipient.role === 'provider'
    ? `provider:${recipient.agbCode}`
    : `${recipient.role}:${recipient.id}`;
}

/**
 * A letter that could not be delivered is recorded on the case, and the coordinator is told by
 * a letter of its own (unless the coordinator is the one it did not reach, or it is itself such a
 * notice). It is not sent again: a refused address does not become valid by retrying.
 */
export function recordDeliveryFailures(
  state: TrajectoryState,
  letter: LetterKind,
  sequence: number,
  failures: readonly DeliveryFailure[],
  now: Date,
): Effect[] {
  if (failures.length === 0) return [];
  state.revision += 1;
  state.deliveryProblems = [
    ...(state.deliveryProblems ?? []),
    ...failures.map((failure) => ({
      letter,
      sequence,
      recipient: recipientRef(failure.recipient),
      reason: failure.reason,
      at: now.toISOString(),
    })),
  ];
  if (letter === 'delivery-failed') return [];
  return failures
    .filter((failure) => failure.recipient.role !== 'coordinator')
    .map((failure) => ({
      type: 'letter' as const,
      kind: 'delivery-failed' as const,
      to: [coordinatorOf(state)],
      facts: {
        caseNumber: state.caseNumber,
        letter,
        recipientRole: failure.recipient.role,
        ...(failure.recipient.role === 'provider' ? { agbCode: failure.recipient.agbCode } : {}),
        reason: failure.reason,
      },
    }));
}

// ───────────────────────────────────────────────────────────── deadlines

export const DEADLINE_KINDS = [
  'awb-warning',
  'awb-overdue',
  'review-reminder',
  'review-overdue',
  'three-month-check',
  'three-month-check-expired',
  'midway-questionnaire-expired',
  'beschikking-end',
  'end-evaluation-reminder',
  'end-questionnaire-expired',
  'reassessment-expired',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  kind: DeadlineKind;
  /** ISO instant. */
  at: string;
}

/** Every deadline the trajectory is waiting for, earliest first. */
export function pendingDeadlines(state: TrajectoryState): Deadline[] {
  if (!isOpenPhase(state.phase)) return [];
  const d: Deadline[] = [];
  const add = (kind: DeadlineKind, at: Date | string | undefined) => {
    if (at !== undefined) d.push({ kind, at: typeof at === 'string' ? at : at.toISOString() });
  };
  if (!state.beschikking) {
    if (!state.awb.warned)
      add('awb-warning', addDuration(new Date(state.startedAt), state.policy.awbWarningAfter));
    if (!state.awb.overdue) add('awb-overdue', state.awb.dueAt);
  }
  const m = state.monitoring;
  if (state.phase === 'monitoring' && state.coordination?.coordinate && m.nextReviewDue) {
    const due = new Date(m.nextReviewDue);
    if (!m.reminded) add('review-reminder', subtractDuration(due, state.policy.reviewReminderLead));
    if (!m.overdue) add('review-overdue', due);
  }
  const check = state.threeMonthCheck;
  if (state.beschikking && !state.endEvaluation?.recordedAt) {
    if (check.status === 'waiting' && check.dueAt) add('three-month-check', check.dueAt);
    if (check.status === 'sent') add('three-month-check-expired', check.responseDeadline);
  }
  if (state.questionnaires.midway.status === 'sent')
    add('midway-questionnaire-expired', state.questionnaires.midway.responseDeadline);
  if ((state.phase === 'monitoring' || state.phase === 'beschikking') && state.beschikking) {
    // Due at the start of the day after the end date: the end date is the last day of care.
    add('beschikking-end', amsterdamInstant(addToDate(state.beschikking.endDate, 0, 1), 0));
  }
  const ev = state.endEvaluation;
  if (state.phase === 'end-evaluation' && ev && !ev.recordedAt)
    add('end-evaluation-reminder', ev.nextReminderAt);
  if (state.questionnaires.end.status === 'sent')
    add('end-questionnaire-expired', state.questionnaires.end.responseDeadline);
  if (state.reassessment?.status === 'pending') {
    add('reassessment-expired', amsterdamInstant(addToDate(state.reassessment.decideBy, 0, 1), 0));
  }
  return d.sort((a, b) => a.at.localeCompare(b.at));
}

/** Handles a deadline that has come (mutating the state) and returns the effects. */
export function applyDeadline(state: TrajectoryState, kind: DeadlineKind, now: Date): Effect[] {
  state.revision += 1;
  const facts = { caseNumber: state.caseNumber };
  switch (kind) {
    case 'awb-warning':
      state.awb.warned = true;
      return [
        {
          type: 'letter',
          kind: 'awb-warning',
          to: [coordinatorOf(state)],
          facts: { ...facts, dueDate: amsterdamDate(new Date(state.awb.dueAt)) },
        },
      ];
    case 'awb-overdue':
      state.awb.overdue = true;
      state.awb.warned = true;
      return [
        {
          type: 'letter',
          kind: 'awb-overdue',
          to: [coordinatorOf(state)],
          facts: { ...facts, dueDate: amsterdamDate(new Date(state.awb.dueAt)) },
        },
      ];
    case 'review-reminder':
      state.monitoring.reminded = true;
      return [
        {
          type: 'letter',
          kind: 'review-reminder',
          to: [coordinatorOf(state)],
          facts: { ...facts, dueAt: state.monitoring.nextReviewDue ?? '' },
        },
      ];
    case 'review-overdue':
      state.monitoring.reminded = true;
      state.monitoring.overdue = true;
      return [
        {
          type: 'letter',
          kind: 'review-overdue',
          to: [coordinatorOf(state)],
          facts: { ...facts, dueAt: state.monitoring.nextReviewDue ?? '' },
        },
      ];
    case 'three-month-check': {
      const deadline = addDuration(now, state.policy.clientResponseWindow).toISOString();
      state.threeMonthCheck = {
        ...state.threeMonthCheck,
        status: 'sent',
        responseDeadline: deadline,
      };
      state.questionnaires.midway = { status: 'sent', responseDeadline: deadline };
      return [
        { type: 'letter', kind: 'three-month-check', to: [clientOf(state)], facts },
        {
          type: 'letter',
          kind: 'questionnaire',
          to: [clientOf(state)],
          facts: { ...facts, moment: 'midway' },
        },
      ];
    }
    case 'three-month-check-expired':
      state.threeMonthCheck.status = 'no-response';
      return [];
    case 'midway-questionnaire-expired':
      state.questionnaires.midway.status = 'no-response';
      return [];
    case 'beschikking-end':
      return beginEndEvaluation(
        state,
        'end-date',
        now,
        `beschikking ends ${state.beschikking?.endDate ?? ''}`,
      );
    case 'end-evaluation-reminder': {
      const ev = state.endEvaluation;
      if (!ev) return [];
      ev.remindersSent += 1;
      ev.nextReminderAt = addDuration(
        now,
        state.policy.endEvaluationReminderInterval,
      ).toISOString();
      const waitingFor = assignedProviders(state).filter(
        (agb) => !state.evaluations.some((e) => e.kind === 'end' && e.agbCode === agb),
      );
      return [
        {
          type: 'letter',
          kind: 'evaluation-reminder',
          to: [
            coordinatorOf(state),
            ...waitingFor.map((agbCode): Recipient => ({ role: 'provider', agbCode })),
          ],
          facts: { ...facts, reminder: ev.remindersSent },
        },
      ];
    }
    case 'end-questionnaire-expired':
      state.questionnaires.end.status = 'no-response';
      return close(state, now);
    case 'reassessment-expired': {
      const r = state.reassessment;
      if (!r) return [];
      r.status = 'no-answer';
      return [
        {
          type: 'letter',
          kind: 'reassessment-outcome',
          to: [clientOf(state), ...providersOf(state)],
          facts: {
            ...facts,
            followUpNeeded: state.coordination?.coordinate ?? false,
            answered: false,
          },
        },
      ];
    }
  }
}

// ───────────────────────────────────────────────────────────── views

/** Whether anything is overdue: the Awb decision, a review or the end evaluation. */
export function isOverdue(state: TrajectoryState): boolean {
  return (
    isOpenPhase(state.phase) &&
    (state.awb.overdue || state.monitoring.overdue || (state.endEvaluation?.remindersSent ?? 0) > 0)
  );
}

/** A one-line summary without personal data, for the Temporal UI memo. */
export function summary(state: TrajectoryState): string {
  const parts = [`fase ${state.phase}`];
  const b = state.beschikking;
  if (b) parts.push(`beschikking ${b.number} ${b.kind.toUpperCase()} ${b.startDate}..${b.endDate}`);
  if (state.coordination)
    parts.push(state.coordination.coordinate ? 'gecoördineerd' : 'niet gecoördineerd');
  if (state.reviews.length > 0) parts.push(`${state.reviews.length} evaluatie(s)`);
  if (isOverdue(state)) parts.push('TE LAAT');
  if (state.withdrawal) parts.push('afgebroken');
  return parts.join('; ');
}
