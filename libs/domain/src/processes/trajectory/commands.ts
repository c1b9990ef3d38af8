/**
 * The trajectory's commands: what each takes, in which phase it is possible, and every reason it
 * is refused. The workflow's update validators call `commandProblems`, so a refused command never
 * enters the history; the API answers a refusal by the state with 409 and one by the data with 422.
 */
import { problem, type Problem } from '../../problems';
import {
  BESCHIKKING_NUMBER_PATTERN,
  MAX_EXPECTED_DURATION_WEEKS,
  MAX_OMVANG_VOLUME,
  MAX_PGB_BUDGET_EURO,
  MAX_RESULTS,
  PRODUCT_CODE_PATTERN,
  RESULT_ID_PATTERN,
  RESULT_OUTCOMES,
  REVIEW_DECISIONS,
  TOEWIJZINGNUMMER_PATTERN,
} from './limits';
import { isValidCaseNumber } from '../../case-number';
import {
  isEndReason,
  isFrequency,
  isProductCategory,
  isUnit,
  isValidAgbCode,
  omvangExceeds,
  type EndReason,
  type Omvang,
} from '../../codes';
import { coordinationCriteriaProblems, type CoordinationCriteria } from '../../coordination';
import { isValidPersonId } from '../../ids';
import { reviewIntervalProblems } from './review-outcome';
import { drangProblems, type DrangSource } from './drang';
import { byRulesOf2026_12 } from './rules';
import {
  ADVICE_CODES,
  REJECTION_GROUNDS,
  isAdviceCode,
  isRejectionGround,
  type AdviceCode,
  type RejectionGround,
} from './intake-outcomes';
import { intervalWithin } from '../../monitoring';
import { textRefProblems, type TextRef } from '../../text-ref';
import {
  amsterdamDate,
  compareDates,
  isCalendarDate,
  isDuration,
  type CalendarDate,
} from '../../time';
import {
  referredProviders,
  reviewAnchor,
  type Beschikking,
  type Inzet,
  type PlanDeel1,
  type ResultJudgement,
  type ReviewDecision,
  type TrajectoryPhase,
  type TrajectoryState,
} from './state';

/**
 * The commands. Every free text travels as a reference to a text the API stored in PostgreSQL
 * (COMMAND_FREE_TEXT lists where); the validators refuse the text itself.
 */
export type TrajectoryCommand =
  | { type: 'agreeResults'; plan: PlanDeel1<TextRef> }
  /** Verwijzing: the family chose this provider; it may now record its intake. */
  | { type: 'referToProvider'; agbCode: string }
  | {
      type: 'recordProviderIntake';
      agbCode: string;
      activities: TextRef;
      expectedDurationWeeks: number;
      requestedInzet?: Inzet;
    }
  | { type: 'decideDivergence'; agbCode: string; accept: boolean; reason: TextRef }
  /** `motivation`: why, in the coordinator's words (Awb 3:46); without it the letter gives the standard one. */
  | { type: 'issueBeschikking'; beschikking: Beschikking; motivation?: TextRef }
  | { type: 'recordVerdaging'; newDueDate: CalendarDate; reason: TextRef }
  | {
      type: 'decideCoordination';
      coordinate: boolean;
      criteria: CoordinationCriteria;
      reviewInterval?: string;
    }
  | {
      type: 'recordReview';
      outcomes: ResultJudgement[];
      decision: ReviewDecision;
      /** With afschalen or opschalen: how often the CJG follows up from now on (rules of 2026-12). */
      reviewInterval?: string;
    }
  | { type: 'requestEndEvaluation'; reason: TextRef }
  | {
      type: 'recordEndEvaluation';
      goals: ResultJudgement[];
      decision: 'close' | 'verlenging' | 'vervolgtraject';
      verlenging?: { number: string; endDate: CalendarDate };
      followUpCaseNumber?: string;
    }
  | { type: 'withdraw'; reason: TextRef }
  | {
      type: 'reportEvaluation';
      agbCode: string;
      kind: 'interim' | 'end';
      outcomes: ResultJudgement[];
    }
  | { type: 'startZorg'; agbCode: string; date: CalendarDate }
  | { type: 'stopZorg'; agbCode: string; date: CalendarDate; reason: EndReason }
  | { type: 'answerThreeMonthCheck'; fitting: boolean }
  | {
      type: 'answerQuestionnaire';
      moment: 'midway' | 'end';
      /** The help (of the provider), 1–5. */
      rating: number;
      /** The CJG, 1–5 (004; absent in answers from before). */
      ratingCjg?: number;
      /** The coordinator, 1–5 (004; absent in answers from before). */
      ratingCoordinator?: number;
    }
  | { type: 'requestReassessment'; batchId: string; decideBy: CalendarDate }
  | { type: 'answerReassessment'; followUpNeeded: boolean }
  /** The team lead moves the case to another coordinator. */
  | { type: 'reassignCoordinator'; coordinatorId: string; reason: TextRef }
  /** The intake ends without specialised care: the family gets the advice in writing. */
  | { type: 'closeWithAdvice'; advice: AdviceCode; explanation: TextRef }
  /** Afwijzing: the college refuses the request, a decision with its motivation. */
  | { type: 'rejectRequest'; ground: RejectionGround; motivation: TextRef }
  /**
   * A registered professional (BPP or gedragswetenschapper, SKJ or BIG) signs off plan deel 1
   * (002 §3.4); the API checks the registry first.
   */
  | { type: 'signOffPlan'; professionalId: string }
  /** Drang (002 §3.6): registered apart, so that it is counted. */
  | { type: 'markDrang'; since: CalendarDate; source: DrangSource; reason: TextRef };

export type CommandType = TrajectoryCommand['type'];

/** The fields each command takes (besides its type); anything else is refused. */
export const COMMAND_FIELDS: Record<CommandType, readonly string[]> = {
  agreeResults: ['plan'],
  referToProvider: ['agbCode'],
  recordProviderIntake: ['agbCode', 'activities', 'expectedDurationWeeks', 'requestedInzet'],
  decideDivergence: ['agbCode', 'accept', 'reason'],
  issueBeschikking: ['beschikking', 'motivation'],
  recordVerdaging: ['newDueDate', 'reason'],
  decideCoordination: ['coordinate', 'criteria', 'reviewInterval'],
  recordReview: ['outcomes', 'decision', 'reviewInterval'],
  requestEndEvaluation: ['reason'],
  recordEndEvaluation: ['goals', 'decision', 'verlenging', 'followUpCaseNumber'],
  withdraw: ['reason'],
  reportEvaluation: ['agbCode', 'kind', 'outcomes'],
  startZorg: ['agbCode', 'date'],
  stopZorg: ['agbCode', 'date', 'reason'],
  answerThreeMonthCheck: ['fitting'],
  answerQuestionnaire: ['moment', 'rating', 'ratingCjg', 'ratingCoordinator'],
  requestReassessment: ['batchId', 'decideBy'],
  answerReassessment: ['followUpNeeded'],
  reassignCoordinator: ['coordinatorId', 'reason'],
  closeWithAdvice: ['advice', 'explanation'],
  rejectRequest: ['ground', 'motivation'],
  markDrang: ['since', 'source', 'reason'],
  signOffPlan: ['professionalId'],
};

/**
 * Where each command carries free text, as paths into its data (`[]`: every item of a list). The
 * API stores each such text in PostgreSQL and hands the workflow a TextRef in its place; a list
 * of strings (the activities) becomes one text of as many items.
 */
export const COMMAND_FREE_TEXT: Partial<Record<CommandType, readonly string[]>> = {
  agreeResults: ['plan.results[].description', 'plan.results[].measure'],
  recordProviderIntake: ['activities'],
  decideDivergence: ['reason'],
  issueBeschikking: ['motivation'],
  recordVerdaging: ['reason'],
  requestEndEvaluation: ['reason'],
  withdraw: ['reason'],
  reassignCoordinator: ['reason'],
  closeWithAdvice: ['explanation'],
  rejectRequest: ['motivation'],
  markDrang: ['reason'],
};

/** Fields of the body that the command does not take. */
export function unknownCommandFields(type: CommandType, body: object): string[] {
  const allowed = COMMAND_FIELDS[type];
  return Object.keys(body).filter((key) => !allowed.includes(key));
}

/** Which commands each phase accepts at all (the data is checked after). */
const PHASE_COMMANDS: Record<TrajectoryPhase, readonly CommandType[]> = {
  intake: [
    'agreeResults',
    'recordVerdaging',
    'closeWithAdvice',
    'rejectRequest',
    'markDrang',
    'withdraw',
    'reassignCoordinator',
  ],
  'results-agreed': [
    'referToProvider',
    'recordProviderIntake',
    'recordVerdaging',
    'closeWithAdvice',
    'rejectRequest',
    'markDrang',
    'signOffPlan',
    'withdraw',
    'reassignCoordinator',
  ],
  'provider-intake': [
    'referToProvider',
    'recordProviderIntake',
    'decideDivergence',
    'issueBeschikking',
    'recordVerdaging',
    'rejectRequest',
    'markDrang',
    'signOffPlan',
    'withdraw',
    'reassignCoordinator',
  ],
  // The 3-month check and the midway questionnaire go out from the beschikking's start (004),
  // so the family may answer them before the coordination decision is made.
  beschikking: [
    'decideCoordination',
    'startZorg',
    'stopZorg',
    'answerThreeMonthCheck',
    'answerQuestionnaire',
    'markDrang',
    'withdraw',
    'reassignCoordinator',
  ],
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
    'markDrang',
    'withdraw',
    'reassignCoordinator',
  ],
  'end-evaluation': [
    'recordEndEvaluation',
    'reportEvaluation',
    'stopZorg',
    'answerThreeMonthCheck',
    'answerQuestionnaire',
    'markDrang',
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
export function commandStateProblems(state: TrajectoryState, type: CommandType): Problem[] {
  if (!PHASE_COMMANDS[state.phase].includes(type)) {
    return [problem('not-possible-now', `${type} is not possible in phase ${state.phase}`)];
  }
  const ended = state.endEvaluation?.recordedAt !== undefined;
  switch (type) {
    case 'issueBeschikking':
      if (state.providerIntakes.some((i) => i.divergence?.status === 'pending'))
        return [
          problem(
            'divergence-pending',
            'a divergence of a provider intake is still to be accepted or refused',
          ),
        ];
      // 002 §3.4 (rules of 2026-12): every toegang involves a BPP or gedragswetenschapper.
      return byRulesOf2026_12(state) && !state.planSignOff
        ? [
            problem(
              'plan-not-signed-off',
              'plan deel 1 is not signed off yet by a registered professional (BPP or gedragswetenschapper)',
            ),
          ]
        : [];
    case 'decideDivergence':
      return state.providerIntakes.some((i) => i.divergence?.status === 'pending')
        ? []
        : [problem('nothing-pending', 'no divergence is pending')];
    case 'recordVerdaging':
      return state.beschikking
        ? [problem('beschikking-already-issued', 'the beschikking is already issued')]
        : [];
    case 'recordReview':
      return state.coordination?.coordinate
        ? []
        : [problem('not-coordinated', 'reviews are for coordinated trajectories')];
    case 'answerThreeMonthCheck':
      return state.threeMonthCheck.status === 'sent'
        ? []
        : [problem('nothing-pending', 'the 3-month check is not awaiting an answer')];
    case 'requestReassessment':
      // 001: only a case the CJG coordinates is re-assessed; its letter says whether that goes on.
      if (!state.coordination?.coordinate)
        return [
          problem(
            'not-coordinated',
            'the CJG does not coordinate this trajectory: there is nothing to re-assess',
          ),
        ];
      return state.reassessment?.status === 'pending'
        ? [problem('already-pending', 'a re-assessment is already pending')]
        : [];
    case 'answerReassessment':
      return state.reassessment?.status === 'pending'
        ? []
        : [problem('nothing-pending', 'no re-assessment is pending')];
    case 'recordEndEvaluation':
      return ended ? [problem('already-recorded', 'the end evaluation is already recorded')] : [];
    case 'markDrang':
      return state.drang
        ? [problem('already-recorded', 'the trajectory is already registered as drang')]
        : [];
    case 'signOffPlan':
      return state.planSignOff
        ? [problem('already-recorded', 'plan deel 1 is already signed off')]
        : [];
    case 'withdraw':
      if (ended)
        return [
          problem('case-closing', 'the end evaluation is recorded; the trajectory is closing'),
        ];
      return state.withdrawal
        ? [
            problem(
              'already-withdrawn',
              'the withdrawal is recorded; the end evaluation follows (002 §3.5)',
            ),
          ]
        : [];
    default:
      return [];
  }
}

function omvangProblems(omvang: Omvang | undefined, path: string): Problem[] {
  const problems: Problem[] = [];
  if (!omvang || typeof omvang !== 'object') return [problem('required', `${path} is required`)];
  if (
    typeof omvang.volume !== 'number' ||
    !Number.isInteger(omvang.volume) ||
    omvang.volume < 1 ||
    omvang.volume > MAX_OMVANG_VOLUME
  ) {
    problems.push(
      problem(
        'out-of-range',
        `${path}.volume must be a whole number from 1 to ${MAX_OMVANG_VOLUME}`,
      ),
    );
  }
  if (!isUnit(omvang.unit))
    problems.push(problem('not-in-list', `${path}.unit must be a WJ756 eenheid code`));
  if (!isFrequency(omvang.frequency))
    problems.push(problem('not-in-list', `${path}.frequency must be a WMO757 frequentie code`));
  return problems;
}

function inzetProblems(inzet: Inzet | undefined, path: string): Problem[] {
  if (!inzet || typeof inzet !== 'object') return [problem('required', `${path} is required`)];
  const problems: Problem[] = [];
  if (!isProductCategory(inzet.productCategory))
    problems.push(
      problem('not-in-list', `${path}.productCategory must be a JZ020 productcategorie`),
    );
  if (inzet.productCode !== undefined && !PRODUCT_CODE_PATTERN.test(inzet.productCode)) {
    problems.push(problem('invalid-format', `${path}.productCode must be five characters 0-9/A-Z`));
  }
  if (
    inzet.productCode !== undefined &&
    isProductCategory(inzet.productCategory) &&
    !inzet.productCode.startsWith(inzet.productCategory)
  ) {
    problems.push(
      problem('invalid-format', `${path}.productCode must start with its productCategory`),
    );
  }
  return [...problems, ...omvangProblems(inzet.omvang, `${path}.omvang`)];
}

function judgementProblems(
  state: TrajectoryState,
  outcomes: ResultJudgement[],
  path: string,
  complete: boolean,
): Problem[] {
  if (!Array.isArray(outcomes)) return [problem('wrong-type', `${path} must be a list`)];
  const ids = new Set(state.plan?.results.map((r) => r.id) ?? []);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const [i, o] of outcomes.entries()) {
    if (!ids.has(o?.resultId))
      problems.push(
        problem('unknown-result', `${path}[${i}].resultId is not a result of the plan`),
      );
    if (seen.has(o?.resultId))
      problems.push(problem('duplicate', `${path}[${i}].resultId is judged twice`));
    seen.add(o?.resultId);
    if (!(RESULT_OUTCOMES as readonly string[]).includes(o?.outcome))
      problems.push(problem('not-in-list', `${path}[${i}].outcome must be reached, partly or not`));
  }
  if (complete && problems.length === 0 && seen.size !== ids.size)
    problems.push(problem('results-incomplete', `${path} must judge every result of the plan`));
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
): Problem[] {
  const phase = commandStateProblems(state, command.type);
  if (phase.length > 0) return phase;
  const p: Problem[] = [];
  switch (command.type) {
    case 'agreeResults': {
      const { plan } = command;
      if (
        !Array.isArray(plan?.results) ||
        plan.results.length === 0 ||
        plan.results.length > MAX_RESULTS
      ) {
        p.push(problem('out-of-range', `plan.results must list 1 to ${MAX_RESULTS} results`));
      } else {
        const ids = new Set<string>();
        plan.results.forEach((r, i) => {
          if (!RESULT_ID_PATTERN.test(r?.id ?? ''))
            p.push(
              problem('invalid-format', `plan.results[${i}].id must be a short id (a-z, 0-9, -)`),
            );
          if (ids.has(r?.id)) p.push(problem('duplicate', `plan.results[${i}].id is used twice`));
          ids.add(r?.id);
          p.push(...textRefProblems(r?.description, `plan.results[${i}].description`));
          p.push(...textRefProblems(r?.measure, `plan.results[${i}].measure (how it is judged)`));
        });
      }
      p.push(...inzetProblems(plan?.inzet, 'plan.inzet'));
      break;
    }
    case 'recordProviderIntake':
      if (!isValidAgbCode(command.agbCode))
        p.push(problem('invalid-format', 'agbCode must be 8 digits'));
      if (state.providerIntakes.some((i) => i.agbCode === command.agbCode))
        p.push(
          problem('already-recorded', `provider ${command.agbCode} already recorded its intake`),
        );
      p.push(...textRefProblems(command.activities, 'activities (what the provider will do)'));
      if (
        !Number.isInteger(command.expectedDurationWeeks) ||
        command.expectedDurationWeeks < 1 ||
        command.expectedDurationWeeks > MAX_EXPECTED_DURATION_WEEKS
      ) {
        p.push(
          problem(
            'out-of-range',
            `expectedDurationWeeks must be a whole number from 1 to ${MAX_EXPECTED_DURATION_WEEKS}`,
          ),
        );
      }
      if (command.requestedInzet !== undefined)
        p.push(...inzetProblems(command.requestedInzet, 'requestedInzet'));
      break;
    case 'decideDivergence': {
      const intake = state.providerIntakes.find((i) => i.agbCode === command.agbCode);
      if (!intake?.divergence || intake.divergence.status !== 'pending')
        p.push(problem('nothing-pending', `provider ${command.agbCode} has no pending divergence`));
      if (typeof command.accept !== 'boolean')
        p.push(problem('wrong-type', 'accept must be true or false'));
      p.push(...textRefProblems(command.reason, 'reason'));
      break;
    }
    case 'issueBeschikking': {
      const b = command.beschikking;
      if (!BESCHIKKING_NUMBER_PATTERN.test(b?.number ?? ''))
        p.push(problem('invalid-format', 'beschikking.number must be 3-40 characters A-Z, 0-9, -'));
      if (!isCalendarDate(b?.startDate))
        p.push(problem('invalid-date', 'beschikking.startDate must be a calendar date YYYY-MM-DD'));
      if (!isCalendarDate(b?.endDate))
        p.push(problem('invalid-date', 'beschikking.endDate must be a calendar date YYYY-MM-DD'));
      if (
        isCalendarDate(b?.startDate) &&
        isCalendarDate(b?.endDate) &&
        compareDates(b.endDate, b.startDate) < 0
      ) {
        p.push(problem('date-too-early', 'beschikking.endDate must not be before its startDate'));
      }
      if (b?.kind === 'zin') {
        if (!Array.isArray(b.toewijzingen) || b.toewijzingen.length === 0)
          p.push(problem('required', 'a ZIN beschikking needs at least one toewijzing'));
        else {
          const intakes = new Set(state.providerIntakes.map((i) => i.agbCode));
          const numbers = new Set<string>();
          b.toewijzingen.forEach((t, i) => {
            if (!isValidAgbCode(t?.agbCode))
              p.push(
                problem(
                  'invalid-format',
                  `beschikking.toewijzingen[${i}].agbCode must be 8 digits`,
                ),
              );
            else if (!intakes.has(t.agbCode))
              p.push(
                problem(
                  'no-provider-intake',
                  `beschikking.toewijzingen[${i}]: provider ${t.agbCode} has no recorded intake`,
                ),
              );
            if (!TOEWIJZINGNUMMER_PATTERN.test(t?.toewijzingnummer ?? ''))
              p.push(
                problem(
                  'invalid-format',
                  `beschikking.toewijzingen[${i}].toewijzingnummer must be 1-20 characters A-Z, 0-9, -`,
                ),
              );
            if (numbers.has(t?.toewijzingnummer))
              p.push(
                problem(
                  'duplicate',
                  `beschikking.toewijzingen[${i}].toewijzingnummer is used twice`,
                ),
              );
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
                problem(
                  'exceeds-plan',
                  `beschikking.toewijzingen[${i}] grants more or other care than plan deel 1 (and any accepted divergence)`,
                ),
              );
            }
          });
        }
      } else if (b?.kind === 'pgb') {
        if (
          typeof b.budgetEuro !== 'number' ||
          !(b.budgetEuro > 0) ||
          b.budgetEuro > MAX_PGB_BUDGET_EURO
        )
          p.push(
            problem(
              'out-of-range',
              `beschikking.budgetEuro must be a positive amount up to ${MAX_PGB_BUDGET_EURO}`,
            ),
          );
      } else {
        p.push(problem('not-in-list', 'beschikking.kind must be zin or pgb'));
      }
      if (command.motivation !== undefined)
        p.push(...textRefProblems(command.motivation, 'motivation'));
      break;
    }
    case 'recordVerdaging': {
      const currentDue = amsterdamDate(new Date(state.awb.dueAt));
      if (!isCalendarDate(command.newDueDate))
        p.push(problem('invalid-date', 'newDueDate must be a calendar date YYYY-MM-DD'));
      else if (compareDates(command.newDueDate, currentDue) <= 0)
        p.push(
          problem('date-too-early', `newDueDate must be after the current due date ${currentDue}`),
        );
      p.push(...textRefProblems(command.reason, 'reason (Awb 4:14: the applicant is told why)'));
      break;
    }
    case 'decideCoordination':
      if (typeof command.coordinate !== 'boolean')
        p.push(problem('wrong-type', 'coordinate must be true or false'));
      p.push(...coordinationCriteriaProblems(command.criteria));
      if (command.reviewInterval !== undefined) {
        if (!isDuration(command.reviewInterval))
          p.push(
            problem('invalid-format', 'reviewInterval must be an ISO 8601 duration such as P3M'),
          );
        else if (
          !intervalWithin(
            reviewAnchor(state, now),
            command.reviewInterval,
            state.policy.maxReviewInterval,
          )
        ) {
          p.push(
            problem(
              'out-of-range',
              `reviewInterval may not be longer than ${state.policy.maxReviewInterval}: reviews are at least half-yearly (001)`,
            ),
          );
        }
      }
      if (command.reviewInterval !== undefined && command.coordinate === false)
        p.push(problem('not-allowed', 'reviewInterval only applies when coordinating'));
      break;
    case 'recordReview':
      p.push(...judgementProblems(state, command.outcomes, 'outcomes', true));
      if (!(REVIEW_DECISIONS as readonly string[]).includes(command.decision))
        p.push(problem('not-in-list', 'decision must be continue, afschalen, opschalen or end'));
      else p.push(...reviewIntervalProblems(state, command.decision, command.reviewInterval, now));
      break;
    case 'requestEndEvaluation':
    case 'withdraw':
      // The reason is a text the API stored, never the words themselves.
      p.push(...textRefProblems(command.reason, 'reason'));
      break;
    case 'recordEndEvaluation':
      p.push(...judgementProblems(state, command.goals, 'goals', true));
      if (command.decision === 'verlenging') {
        const v = command.verlenging;
        if (!v)
          p.push(problem('required', 'verlenging (number, endDate) is required for a verlenging'));
        else {
          if (!BESCHIKKING_NUMBER_PATTERN.test(v.number ?? ''))
            p.push(
              problem('invalid-format', 'verlenging.number must be 3-40 characters A-Z, 0-9, -'),
            );
          if (
            v.number === state.beschikking?.number ||
            state.previousBeschikkingen.some((b) => b.number === v.number)
          )
            p.push(problem('duplicate', 'verlenging.number must be a new beschikking number'));
          if (!isCalendarDate(v.endDate))
            p.push(problem('invalid-date', 'verlenging.endDate must be a calendar date'));
          else if (state.beschikking && compareDates(v.endDate, state.beschikking.endDate) <= 0)
            p.push(
              problem('date-too-early', 'verlenging.endDate must be after the current end date'),
            );
        }
      } else if (command.decision === 'vervolgtraject') {
        if (!isValidCaseNumber(command.followUpCaseNumber ?? ''))
          p.push(problem('invalid-format', 'followUpCaseNumber must be a valid case number'));
        if (command.followUpCaseNumber === state.caseNumber)
          p.push(problem('same-case', 'followUpCaseNumber must be another case'));
      } else if (command.decision !== 'close') {
        p.push(problem('not-in-list', 'decision must be close, verlenging or vervolgtraject'));
      }
      if (state.withdrawal && command.decision !== 'close')
        p.push(
          problem(
            'withdrawn-close-only',
            'the family withdrew: the end evaluation can only close the trajectory',
          ),
        );
      break;
    case 'reportEvaluation':
      if (!isAssigned(state, command.agbCode))
        p.push(
          problem(
            'provider-not-assigned',
            `provider ${command.agbCode} is not assigned to this trajectory`,
          ),
        );
      if (command.kind !== 'interim' && command.kind !== 'end')
        p.push(problem('not-in-list', 'kind must be interim or end'));
      if (command.kind === 'end' && state.phase !== 'end-evaluation')
        p.push(
          problem(
            'not-possible-now',
            'an end evaluation is reported once the end evaluation is required',
          ),
        );
      if (
        command.kind === 'end' &&
        state.evaluations.some((e) => e.kind === 'end' && e.agbCode === command.agbCode)
      )
        p.push(problem('already-recorded', 'this provider already reported its end evaluation'));
      p.push(...judgementProblems(state, command.outcomes, 'outcomes', command.kind === 'end'));
      break;
    case 'startZorg': {
      if (!isAssigned(state, command.agbCode))
        p.push(
          problem(
            'provider-not-assigned',
            `provider ${command.agbCode} is not assigned to this trajectory`,
          ),
        );
      if (state.care[command.agbCode]?.startedOn)
        p.push(problem('already-recorded', 'start zorg is already recorded for this provider'));
      if (!isCalendarDate(command.date))
        p.push(problem('invalid-date', 'date must be a calendar date'));
      else if (
        state.beschikking &&
        (compareDates(command.date, state.beschikking.startDate) < 0 ||
          compareDates(command.date, state.beschikking.endDate) > 0)
      ) {
        p.push(
          problem('outside-beschikking-period', 'date must lie within the beschikking period'),
        );
      }
      break;
    }
    case 'stopZorg': {
      const care = state.care[command.agbCode];
      if (!isAssigned(state, command.agbCode))
        p.push(
          problem(
            'provider-not-assigned',
            `provider ${command.agbCode} is not assigned to this trajectory`,
          ),
        );
      if (care?.stoppedOn)
        p.push(problem('already-recorded', 'stop zorg is already recorded for this provider'));
      if (!isCalendarDate(command.date))
        p.push(problem('invalid-date', 'date must be a calendar date'));
      else if (care?.startedOn && compareDates(command.date, care.startedOn) < 0)
        p.push(problem('date-too-early', 'date must not be before the start of care'));
      if (!isEndReason(command.reason))
        p.push(problem('not-in-list', 'reason must be a JZ588 reden beëindiging code'));
      break;
    }
    case 'answerThreeMonthCheck':
      if (typeof command.fitting !== 'boolean')
        p.push(problem('wrong-type', 'fitting must be true or false'));
      break;
    case 'answerQuestionnaire': {
      const q = state.questionnaires[command.moment];
      if (!q) p.push(problem('not-in-list', 'moment must be midway or end'));
      else if (q.status !== 'sent')
        p.push(
          problem(
            'nothing-pending',
            `the ${command.moment} questionnaire is not awaiting an answer`,
          ),
        );
      for (const key of ['rating', 'ratingCjg', 'ratingCoordinator'] as const) {
        const value = command[key];
        if (key !== 'rating' && value === undefined) continue;
        if (!Number.isInteger(value) || value! < 1 || value! > 5)
          p.push(problem('out-of-range', `${key} must be a whole number from 1 to 5`));
      }
      break;
    }
    case 'requestReassessment':
      if (!/^[A-Za-z0-9-]{1,64}$/.test(command.batchId ?? ''))
        p.push(problem('invalid-format', 'batchId must be 1-64 characters A-Z, a-z, 0-9, -'));
      if (!isCalendarDate(command.decideBy))
        p.push(problem('invalid-date', 'decideBy must be a calendar date'));
      else if (compareDates(command.decideBy, amsterdamDate(now)) < 0)
        p.push(problem('date-too-early', 'decideBy must not be in the past'));
      break;
    case 'answerReassessment':
      if (typeof command.followUpNeeded !== 'boolean')
        p.push(problem('wrong-type', 'followUpNeeded must be true or false'));
      break;
    case 'referToProvider':
      if (!isValidAgbCode(command.agbCode))
        p.push(problem('invalid-format', 'agbCode must be 8 digits'));
      else if (referredProviders(state).includes(command.agbCode))
        p.push(problem('already-recorded', `provider ${command.agbCode} is already referred`));
      break;
    case 'closeWithAdvice':
      if (!isAdviceCode(command.advice))
        p.push(
          problem('not-in-list', `advice must be one of ${Object.keys(ADVICE_CODES).join(', ')}`),
        );
      p.push(...textRefProblems(command.explanation, 'explanation (the advice in words)'));
      break;
    case 'rejectRequest':
      if (!isRejectionGround(command.ground))
        p.push(
          problem(
            'not-in-list',
            `ground must be one of ${Object.keys(REJECTION_GROUNDS).join(', ')}`,
          ),
        );
      p.push(
        ...textRefProblems(command.motivation, 'motivation (Awb 3:46: a decision is motivated)'),
      );
      break;
    case 'markDrang':
      p.push(...drangProblems(command, now));
      break;
    case 'signOffPlan':
      if (!isValidPersonId(command.professionalId))
        p.push(problem('invalid-format', 'professionalId is not a valid id'));
      break;
    case 'reassignCoordinator':
      if (!isValidPersonId(command.coordinatorId))
        p.push(problem('invalid-format', 'coordinatorId is not a valid id'));
      else if (command.coordinatorId === state.coordinatorId)
        p.push(problem('unchanged', 'the case is already with this coordinator'));
      p.push(...textRefProblems(command.reason, 'reason'));
      break;
  }
  return p;
}
