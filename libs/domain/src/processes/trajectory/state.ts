/**
 * The trajectory's state: what a case holds from the registered request for help to its end
 * (002 §3.5, 001, 004), and who has a part in it. Ids, codes, dates and text references only.
 */
import { problem, type Problem } from '../../problems';
import { isValidCaseNumber } from '../../case-number';
import type { EndReason, Omvang, ProductCategory } from '../../codes';
import type { CoordinationCriteria } from '../../coordination';
import { isValidPersonId } from '../../ids';
import type { DeliveryProblem, Recipient } from '../../letters';
import { isValidMunicipalityCode } from '../../municipality';
import type { FreeText, FreeTextList } from '../../text-ref';
import {
  addToDate,
  amsterdamDate,
  amsterdamInstant,
  isCalendarDate,
  type CalendarDate,
} from '../../time';
import { casePartiesOf } from '../kit';
import { decideBeforeProblems, initialDecisionDueAt, type DecideBefore } from './decide-before';
import type { Drang } from './drang';
import type { IntakeOutcome } from './intake-outcomes';
import { DEFAULT_POLICY, type TrajectoryPolicy } from './policy';
import { TRAJECTORY_RULE_SETS } from './rules';

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
  /**
   * The day the request for help was received, when before its registration (the start): the
   * Awb clock runs from the start of that day. Absent: from the registration itself.
   */
  receivedOn?: CalendarDate;
  /** A beschikking due before a date of its origin (a Schakeloverleg: decide-before.ts). */
  decideBefore?: DecideBefore;
}

/** How far before its registration a request may have been received, in months. */
export const RECEIVED_ON_MAX_MONTHS_BACK = 12;

/**
 * Every reason the input cannot start a trajectory; empty when it can. The API validates first
 * and answers 400; the workflow checks again so that no other client can start a malformed case.
 */
export function trajectoryInputProblems(input: TrajectoryInput, now: Date): Problem[] {
  const problems: Problem[] = [];
  if (!isValidCaseNumber(input.caseNumber))
    problems.push(problem('invalid-format', 'caseNumber is not a valid case number'));
  if (!isValidMunicipalityCode(input.municipalityCode)) {
    problems.push(
      problem('invalid-format', 'municipalityCode must be a four-digit CBS gemeentecode'),
    );
  }
  if (!isValidPersonId(input.coordinatorId))
    problems.push(problem('invalid-format', 'coordinatorId is not a valid id'));
  if (!isValidPersonId(input.clientId))
    problems.push(problem('invalid-format', 'clientId is not a valid id'));
  if (!isValidPersonId(input.familyId))
    problems.push(problem('invalid-format', 'familyId is not a valid id'));
  if (input.previousCaseNumber !== undefined && !isValidCaseNumber(input.previousCaseNumber)) {
    problems.push(problem('invalid-format', 'previousCaseNumber is not a valid case number'));
  }
  if (input.receivedOn !== undefined) problems.push(...receivedOnProblems(input.receivedOn, now));
  problems.push(...decideBeforeProblems(input.decideBefore));
  return problems;
}

/** Why the day a request was received cannot start its Awb clock at `now`; empty when it can. */
function receivedOnProblems(receivedOn: unknown, now: Date): Problem[] {
  if (!isCalendarDate(receivedOn))
    return [problem('invalid-date', 'receivedOn must be a calendar date YYYY-MM-DD')];
  const today = amsterdamDate(now);
  if (receivedOn > today)
    return [
      problem('date-too-late', `receivedOn must not be after the day of the start (${today})`),
    ];
  const earliest = addToDate(today, -RECEIVED_ON_MAX_MONTHS_BACK);
  if (receivedOn < earliest) {
    return [
      problem(
        'date-too-early',
        `receivedOn must not lie more than a year before the start (not before ${earliest})`,
      ),
    ];
  }
  return [];
}

// ───────────────────────────────────────────────────────────── plan, beschikking

/**
 * A result of plan deel 1. Its words are the family's and may name people: a command carries
 * them as stored texts (TextRef); a run from before the texts moved out holds the text itself.
 */
export interface Result<Text extends FreeText = FreeText> {
  /** Short id, unique within the plan (`r1`, `school`…). */
  id: string;
  description: Text;
  /** How it will be judged whether the result is reached. */
  measure: Text;
}

/** The inzet the CJG decides (002 §6 item 14: the provider cannot change it). */
export interface Inzet {
  productCategory: ProductCategory;
  productCode?: string;
  omvang: Omvang;
}

export interface PlanDeel1<Text extends FreeText = FreeText> {
  results: Result<Text>[];
  inzet: Inzet;
}

export interface ProviderIntake {
  agbCode: string;
  /** Plan deel 2: what the provider will do (one item per activity). */
  activities: FreeTextList;
  expectedDurationWeeks: number;
  /** What the provider asks for, when it differs from the plan. */
  requestedInzet?: Inzet;
  recordedAt: string;
  divergence?: {
    status: 'pending' | 'accepted' | 'refused';
    /** Generated by the domain (which part of the plan the intake exceeds), not typed. */
    reasons: string[];
    decisionReason?: FreeText;
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

/** What began the end evaluation; `withdrawal`: the family stopped after the care started. */
export type EndEvaluationTrigger = 'end-date' | 'stop-zorg' | 'coordinator' | 'withdrawal';

// ───────────────────────────────────────────────────────────── state

export type ClientAnswerStatus = 'not-sent' | 'sent' | 'answered' | 'no-response';

/**
 * A wait for someone else's step, with its reminder and escalation (rules of 2026-12): the
 * reminder goes out at `remindAt`, and at `dueAt` the case is overdue and the coordinator told.
 */
export interface Wait {
  remindAt: string;
  dueAt: string;
  reminded: boolean;
  overdue: boolean;
}

export interface TrajectoryState {
  caseNumber: string;
  municipalityCode: string;
  coordinatorId: string;
  clientId: string;
  familyId: string;
  previousCaseNumber?: string;
  phase: TrajectoryPhase;
  /** ISO instant the request for help was registered (the Awb clock starts here, or at receivedOn). */
  startedAt: string;
  /** The day the request was received, when given at the start (absent in older runs). */
  receivedOn?: CalendarDate;
  /** The beschikking is due before this date of its origin (decide-before.ts). */
  decideBefore?: DecideBefore;
  policy: TrajectoryPolicy;
  /** Bumped at every change; projections keep the highest. */
  revision: number;
  /** Numbering of letters, unique within the trajectory. */
  letterSequence: number;
  /** The rule sets it runs by (rules.ts); absent in cases from before the first change. */
  rules?: number;
  intakeLetterSent: boolean;

  plan?: PlanDeel1 & { agreedAt: string };
  /** AGB codes of the providers the family was referred to (verwijzing), in order. */
  referrals?: string[];
  /** Per referred provider, the wait for its intake (rules of 2026-12), until it is recorded. */
  providerIntakeWaits?: Record<string, Wait>;
  providerIntakes: ProviderIntake[];
  beschikking?: Beschikking & { issuedAt: string };
  /** Earlier periods, after a verlenging. */
  previousBeschikkingen: Beschikking[];
  awb: {
    dueAt: string;
    warned: boolean;
    overdue: boolean;
    verdagingen: Array<{ newDueDate: CalendarDate; reason: FreeText; recordedAt: string }>;
  };
  /** The wait for the coordination decision after the beschikking (rules of 2026-12). */
  coordinationWait?: Wait;
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
    /** What the check counts from (rules of 2026-12): the start of care, else the referral. */
    countsFrom?: 'referral' | 'start-zorg';
    responseDeadline?: string;
    /** When the family is reminded, once (rules of 2026-12). */
    remindAt?: string;
    answeredAt?: string;
  };
  questionnaires: Record<
    'midway' | 'end',
    {
      status: ClientAnswerStatus;
      /** The help, the CJG and the coordinator, each 1–5 (004). */
      rating?: number;
      ratingCjg?: number;
      ratingCoordinator?: number;
      responseDeadline?: string;
      /** When the family is reminded, once (rules of 2026-12). */
      remindAt?: string;
      answeredAt?: string;
    }
  >;
  endEvaluation?: {
    trigger: EndEvaluationTrigger;
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
    /** When the coordinator is reminded, once (rules of 2026-12); removed once reminded. */
    remindAt?: string;
    followUpNeeded?: boolean;
    answeredAt?: string;
  };
  withdrawal?: { reason: FreeText; at: string };
  /** Plan deel 1 signed off by a registered professional (002 §3.4), once it is. */
  planSignOff?: { professionalId: string; at: string };
  /** Registered as drang (002 §3.6), when it is. */
  drang?: Drang;
  /** How the intake ended when not in a beschikking: advice, or an afwijzing. */
  intakeOutcome?: IntakeOutcome & { text: FreeText };
  /** Letters that could not be delivered (absent in runs from before it was recorded). */
  deliveryProblems?: DeliveryProblem[];
  closedAt?: string;
}

export function initialState(input: TrajectoryInput, now: Date): TrajectoryState {
  const policy = input.policy ?? DEFAULT_POLICY;
  const receivedOn = input.receivedOn;
  const clockStart = receivedOn === undefined ? now : amsterdamInstant(receivedOn);
  return {
    ...casePartiesOf(input),
    ...(input.previousCaseNumber ? { previousCaseNumber: input.previousCaseNumber } : {}),
    phase: 'intake',
    startedAt: now.toISOString(),
    ...(receivedOn === undefined ? {} : { receivedOn }),
    ...(input.decideBefore ? { decideBefore: input.decideBefore } : {}),
    policy,
    revision: 1,
    letterSequence: 0,
    rules: TRAJECTORY_RULE_SETS.length,
    intakeLetterSent: false,
    providerIntakes: [],
    previousBeschikkingen: [],
    awb: {
      dueAt: initialDecisionDueAt(clockStart, policy, input.decideBefore),
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

// ───────────────────────────────────────────────────────────── who has a part

export const coordinatorOf = (s: TrajectoryState): Recipient => ({
  role: 'coordinator',
  id: s.coordinatorId,
});
export const clientOf = (s: TrajectoryState): Recipient => ({ role: 'client', id: s.clientId });

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

export const providersOf = (s: TrajectoryState): Recipient[] =>
  assignedProviders(s).map((agbCode) => ({ role: 'provider', agbCode }));

/** The instant the review schedule counts from: the beschikking start, at the due hour. */
export function reviewAnchor(state: TrajectoryState, now: Date): Date {
  return state.beschikking
    ? amsterdamInstant(state.beschikking.startDate, state.policy.dueHour)
    : now;
}

/** The instant the Awb clock runs from: 00:00 (Amsterdam) of receivedOn, else the registration. */
export function awbClockStart(state: TrajectoryState): Date {
  return state.receivedOn === undefined
    ? new Date(state.startedAt)
    : amsterdamInstant(state.receivedOn);
}

/** The instant a deadline on a calendar date falls due. */
export const dueOn = (state: TrajectoryState, date: CalendarDate): Date =>
  amsterdamInstant(date, state.policy.dueHour);
