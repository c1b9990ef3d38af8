/**
 * Applying the trajectory's accepted commands: what each changes in the state and which letters
 * and reports follow (002 §3.5, 001, 004). Call `commandProblems` first: this assumes the command
 * is valid.
 */
import { omvangExceeds } from '../../codes';
import { proposeCoordination } from '../../coordination';
import {
  coordinatorNotice,
  deliveryFailureRecorder,
  letter,
  type Letter,
  type LetterFacts,
  type LetterKind,
  type Recipient,
} from '../../letters';
import { nextReviewDue } from '../../monitoring';
import { freeTextFacts, type FreeText } from '../../text-ref';
import { addDuration, addToDate, amsterdamDate, amsterdamInstant } from '../../time';
import { beschikkingLetterFacts } from './beschikking-letter';
import type { TrajectoryCommand } from './commands';
import {
  clientReminder,
  endProviderIntakeWaits,
  reassessmentReminder,
  startCoordinationWait,
  startProviderIntakeWait,
} from './waits';
import { byRulesOf2026_12 } from './rules';
import { reviewOutcomeLetter, scaleCoordination } from './review-outcome';
import {
  activeProviders,
  clientOf,
  coordinatorOf,
  dueOn,
  providersOf,
  referredProviders,
  type EndEvaluationTrigger,
  type TrajectoryState,
} from './state';

/** The family's set of active providers changed (samenloop is judged per family). */
export interface FamilyCareEffect {
  type: 'family-care';
  activeAgbCodes: string[];
}

export type Effect = Letter | FamilyCareEffect;

export function scheduleNextReview(state: TrajectoryState, after: Date): void {
  const interval = state.coordination?.reviewInterval ?? state.policy.defaultReviewInterval;
  const anchor = state.monitoring.anchorAt ? new Date(state.monitoring.anchorAt) : after;
  state.monitoring.nextReviewDue = nextReviewDue(anchor, interval, after).toISOString();
  state.monitoring.reminded = false;
  state.monitoring.overdue = false;
}

export function beginEndEvaluation(
  state: TrajectoryState,
  trigger: EndEvaluationTrigger,
  now: Date,
  /** Said by the system, or the coordinator's own words (stored, by reference). */
  reason: FreeText,
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
    letter('evaluation-request', [coordinatorOf(state), ...providersOf(state)], {
      caseNumber: state.caseNumber,
      trigger,
      ...freeTextFacts('reason', reason),
    }),
  ];
}

/** Whether care started for any provider: a case that never got care closes at once. */
export function careStarted(state: TrajectoryState): boolean {
  return Object.values(state.care).some((c) => c.startedOn !== undefined);
}

/**
 * The intake ends without a beschikking: with advice or an afwijzing. The family gets the letter
 * of `kind` (with the municipality and coordinator it names); the coordinator and every referred
 * provider learn that the case ended.
 */
function endIntake(
  state: TrajectoryState,
  now: Date,
  outcome: NonNullable<TrajectoryState['intakeOutcome']>,
  kind: 'advice-given' | 'request-rejected',
  facts: LetterFacts,
): Effect[] {
  state.intakeOutcome = outcome;
  state.phase = 'closed';
  state.closedAt = now.toISOString();
  endProviderIntakeWaits(state);
  const caseNumber = state.caseNumber;
  const referred = referredProviders(state).map((agbCode): Recipient => ({
    role: 'provider',
    agbCode,
  }));
  return [
    letter(kind, [clientOf(state)], {
      caseNumber,
      municipalityCode: state.municipalityCode,
      coordinatorId: state.coordinatorId,
      ...facts,
    }),
    letter('trajectory-ended', [coordinatorOf(state), ...referred], {
      caseNumber,
      decision: outcome.kind,
    }),
  ];
}

export function closeTrajectory(state: TrajectoryState, now: Date): Effect[] {
  state.phase = 'closed';
  state.closedAt = now.toISOString();
  return [
    { type: 'family-care', activeAgbCodes: [] },
    letter('trajectory-ended', [clientOf(state), coordinatorOf(state), ...providersOf(state)], {
      caseNumber: state.caseNumber,
      decision: state.endEvaluation?.decision ?? 'close',
    }),
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
        letter('plan-deel-1', [clientOf(state)], {
          ...facts,
          results: command.plan.results.length,
          productCategory: command.plan.inzet.productCategory,
        }),
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
      endProviderIntakeWaits(state, command.agbCode);
      return reasons.length > 0
        ? [
            letter('divergence-alert', [coordinatorOf(state)], {
              ...facts,
              agbCode: command.agbCode,
              reasons: reasons.join(', '),
            }),
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
        // 004: from the start of care; until one is reported, from the referral (the beschikking).
        ...(byRulesOf2026_12(state) ? { countsFrom: 'referral' as const } : {}),
      };
      endProviderIntakeWaits(state);
      startCoordinationWait(state, now);
      return [
        { type: 'family-care', activeAgbCodes: activeProviders(state) },
        letter('beschikking-issued', [clientOf(state), ...providersOf(state)], {
          ...facts,
          beschikkingNumber: command.beschikking.number,
          kind: command.beschikking.kind,
          startDate: command.beschikking.startDate,
          endDate: command.beschikking.endDate,
          ...beschikkingLetterFacts(state, command.beschikking, command.motivation),
        }),
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
      delete state.coordinationWait;
      state.phase = 'monitoring';
      if (command.coordinate) scheduleNextReview(state, now);
      return [
        letter('coordination-decision', [clientOf(state), ...providersOf(state)], {
          ...facts,
          coordinate: command.coordinate,
          reviewInterval: state.coordination.reviewInterval ?? '',
        }),
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
        return [
          ...beginEndEvaluation(state, 'coordinator', now, 'review decided to end the care'),
          ...reviewOutcomeLetter(state),
        ];
      if (scaleCoordination(state, command.decision, command.reviewInterval, now)) {
        scheduleNextReview(state, now);
      } else {
        // This review answers the one due now (even when early): the next is the slot after it.
        const answered = state.monitoring.nextReviewDue
          ? new Date(state.monitoring.nextReviewDue)
          : now;
        scheduleNextReview(state, answered > now ? answered : now);
      }
      return reviewOutcomeLetter(state);
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
          letter('beschikking-issued', [clientOf(state), ...providersOf(state)], {
            ...facts,
            beschikkingNumber: command.verlenging.number,
            kind: state.beschikking.kind,
            startDate: state.beschikking.startDate,
            endDate: command.verlenging.endDate,
            verlenging: true,
            ...beschikkingLetterFacts(state, state.beschikking),
          }),
        ];
      }
      ev.recordedAt = at;
      ev.goals = command.goals;
      ev.decision = command.decision;
      if (command.followUpCaseNumber) ev.followUpCaseNumber = command.followUpCaseNumber;
      const responseDeadline = addDuration(now, state.policy.clientResponseWindow).toISOString();
      state.questionnaires.end = {
        status: 'sent',
        responseDeadline,
        ...clientReminder(state, now, responseDeadline),
      };
      return [
        { type: 'family-care', activeAgbCodes: [] },
        letter('questionnaire', [clientOf(state)], { ...facts, moment: 'end' }),
      ];
    }
    case 'withdraw':
      state.withdrawal = { reason: command.reason, at };
      // 002 §3.5: once care has started, the end evaluation always happens (rules of 2026-12).
      if (byRulesOf2026_12(state) && careStarted(state)) {
        return state.phase === 'end-evaluation'
          ? []
          : beginEndEvaluation(state, 'withdrawal', now, command.reason);
      }
      state.phase = 'withdrawn';
      state.closedAt = at;
      return [
        { type: 'family-care', activeAgbCodes: [] },
        letter('trajectory-ended', [clientOf(state), coordinatorOf(state), ...providersOf(state)], {
          ...facts,
          decision: 'withdrawn',
        }),
      ];
    case 'reportEvaluation':
      state.evaluations.push({
        agbCode: command.agbCode,
        kind: command.kind,
        outcomes: command.outcomes,
        recordedAt: at,
      });
      return [];
    case 'startZorg': {
      state.care[command.agbCode] = { ...state.care[command.agbCode], startedOn: command.date };
      const check = state.threeMonthCheck;
      // 004: the 3-month check counts from the first start of care (rules of 2026-12).
      if (check.status === 'waiting' && check.countsFrom === 'referral') {
        check.countsFrom = 'start-zorg';
        check.dueAt = addDuration(
          dueOn(state, command.date),
          state.policy.threeMonthCheckAfter,
        ).toISOString();
      }
      return [];
    }
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
      return command.fitting ? [] : [letter('not-fitting-alert', [coordinatorOf(state)], facts)];
    case 'answerQuestionnaire': {
      state.questionnaires[command.moment] = {
        ...state.questionnaires[command.moment],
        status: 'answered',
        rating: command.rating,
        ...(command.ratingCjg === undefined ? {} : { ratingCjg: command.ratingCjg }),
        ...(command.ratingCoordinator === undefined
          ? {}
          : { ratingCoordinator: command.ratingCoordinator }),
        answeredAt: at,
      };
      if (command.moment === 'end' && state.endEvaluation?.recordedAt)
        return closeTrajectory(state, now);
      return [];
    }
    case 'requestReassessment':
      state.reassessment = {
        batchId: command.batchId,
        decideBy: command.decideBy,
        requestedAt: at,
        status: 'pending',
        ...reassessmentReminder(state, command.decideBy, now),
      };
      return [
        letter('reassessment-request', [coordinatorOf(state)], {
          ...facts,
          decideBy: command.decideBy,
        }),
      ];
    case 'referToProvider':
      state.referrals = [...referredProviders(state), command.agbCode];
      return startProviderIntakeWait(state, command.agbCode, now);
    case 'closeWithAdvice':
      return endIntake(
        state,
        now,
        { kind: 'advice', advice: command.advice, at, text: command.explanation },
        'advice-given',
        { advice: command.advice, ...freeTextFacts('explanation', command.explanation) },
      );
    case 'rejectRequest':
      return endIntake(
        state,
        now,
        { kind: 'rejected', ground: command.ground, at, text: command.motivation },
        'request-rejected',
        {
          ground: command.ground,
          ...freeTextFacts('motivation', command.motivation),
          decidedOn: amsterdamDate(now),
        },
      );
    case 'signOffPlan':
      state.planSignOff = { professionalId: command.professionalId, at };
      return [];
    case 'markDrang':
      state.drang = {
        since: command.since,
        source: command.source,
        reason: command.reason,
        markedAt: at,
      };
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
        letter('reassessment-outcome', [clientOf(state), ...providersOf(state)], {
          ...facts,
          followUpNeeded: command.followUpNeeded,
          answered: true,
        }),
      ];
    }
  }
}

// ───────────────────────────────────────────────────────────── delivery

/**
 * A letter that could not be delivered is recorded on the case, and the coordinator is told by a
 * letter of its own (unless the letter was to a coordinator, or is itself such a notice).
 */
export const recordDeliveryFailures = deliveryFailureRecorder((state: TrajectoryState) =>
  coordinatorNotice(state.caseNumber, coordinatorOf(state)),
);

// ───────────────────────────────────────────────────────────── letters of its own

/** 002 §3.5 step 1: the coordinator learns a new case is theirs. */
export function intakeRegisteredLetters(state: TrajectoryState): Effect[] {
  return [
    letter('intake-registered', [coordinatorOf(state)], {
      caseNumber: state.caseNumber,
      municipalityCode: state.municipalityCode,
    }),
  ];
}

/** The intake letter went out: the case keeps that (the read model shows it). */
export function recordLetterSent(state: TrajectoryState, kind: LetterKind): boolean {
  if (kind !== 'intake-registered') return false;
  state.intakeLetterSent = true;
  state.revision += 1;
  return true;
}
