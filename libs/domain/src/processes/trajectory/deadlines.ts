/**
 * The trajectory's deadlines: each is kept as data in the state (so continue-as-new carries it),
 * and the workflow wakes at the earliest and applies it here.
 */
import { letter, type LetterFacts, type LetterKind, type Recipient } from '../../letters';
import { deadlineList } from '../kit';
import type { ProcessDeadline } from '../process';
import {
  addDuration,
  addToDate,
  amsterdamDate,
  amsterdamInstant,
  subtractDuration,
} from '../../time';
import { beginEndEvaluation, closeTrajectory, type Effect } from './apply';
import { awbWarningAt, decisionDeadlineLetter } from './decide-before';
import {
  WAIT_DEADLINE_KINDS,
  applyWaitDeadline,
  clientReminder,
  noResponseNotice,
  waitDeadlines,
  type WaitDeadlineKind,
} from './waits';
import { byRulesOf2026_12 } from './rules';
import {
  assignedProviders,
  awbClockStart,
  clientOf,
  coordinatorOf,
  isOpenPhase,
  providersOf,
  type TrajectoryState,
} from './state';

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
  ...WAIT_DEADLINE_KINDS,
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type Deadline = ProcessDeadline<DeadlineKind>;

/** Every deadline the trajectory is waiting for, earliest first. */
export function pendingDeadlines(state: TrajectoryState): Deadline[] {
  if (!isOpenPhase(state.phase)) return [];
  const { add, earliestFirst } = deadlineList<DeadlineKind>();
  if (!state.beschikking) {
    if (!state.awb.warned) add('awb-warning', awbWarningAt(state, awbClockStart(state)));
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
  waitDeadlines(state, add);
  return earliestFirst();
}

/** Handles a deadline that has come (mutating the state) and returns the effects. */
export function applyDeadline(state: TrajectoryState, kind: DeadlineKind, now: Date): Effect[] {
  state.revision += 1;
  const facts = { caseNumber: state.caseNumber };
  /** A letter to the coordinator, with when the step is due. */
  const tellCoordinator = (letterKind: LetterKind, due: LetterFacts): Effect[] => [
    letter(letterKind, [coordinatorOf(state)], { ...facts, ...due }),
  ];
  const awbDue = () => ({ dueDate: amsterdamDate(new Date(state.awb.dueAt)) });
  const reviewDue = () => ({ dueAt: state.monitoring.nextReviewDue ?? '' });
  switch (kind) {
    case 'awb-warning':
    case 'awb-overdue':
      if (kind === 'awb-overdue') state.awb.overdue = true;
      // Overdue counts as warned too: no warning comes after it.
      state.awb.warned = true;
      return tellCoordinator(kind, awbDue()).map((l) =>
        l.type === 'letter' ? decisionDeadlineLetter(state, kind, l) : l,
      );
    case 'review-reminder':
    case 'review-overdue':
      state.monitoring.reminded = true;
      if (kind === 'review-overdue') state.monitoring.overdue = true;
      return tellCoordinator(kind, reviewDue());
    case 'three-month-check': {
      const deadline = addDuration(now, state.policy.clientResponseWindow).toISOString();
      const reminder = clientReminder(state, now, deadline);
      state.threeMonthCheck = {
        ...state.threeMonthCheck,
        status: 'sent',
        responseDeadline: deadline,
        ...reminder,
      };
      state.questionnaires.midway = { status: 'sent', responseDeadline: deadline, ...reminder };
      return [
        letter('three-month-check', [clientOf(state)], facts),
        letter('questionnaire', [clientOf(state)], { ...facts, moment: 'midway' }),
      ];
    }
    case 'three-month-check-expired':
      state.threeMonthCheck.status = 'no-response';
      delete state.threeMonthCheck.remindAt;
      return noResponseNotice(state, 'three-month-check');
    case 'midway-questionnaire-expired':
      state.questionnaires.midway.status = 'no-response';
      delete state.questionnaires.midway.remindAt;
      return noResponseNotice(state, 'questionnaire-midway');
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
        letter(
          'evaluation-reminder',
          [
            coordinatorOf(state),
            ...waitingFor.map((agbCode): Recipient => ({ role: 'provider', agbCode })),
          ],
          { ...facts, reminder: ev.remindersSent },
        ),
      ];
    }
    case 'end-questionnaire-expired':
      state.questionnaires.end.status = 'no-response';
      delete state.questionnaires.end.remindAt;
      return [...noResponseNotice(state, 'questionnaire-end'), ...closeTrajectory(state, now)];
    case 'reassessment-expired': {
      const r = state.reassessment;
      if (!r) return [];
      r.status = 'no-answer';
      delete r.remindAt;
      // Rules of 2026-12: the coordinator who did not answer is told what now applies.
      const coordinator = byRulesOf2026_12(state) ? [coordinatorOf(state)] : [];
      return [
        letter('reassessment-outcome', [clientOf(state), ...providersOf(state), ...coordinator], {
          ...facts,
          followUpNeeded: state.coordination?.coordinate ?? false,
          answered: false,
        }),
      ];
    }
    default:
      return applyWaitDeadline(state, kind satisfies WaitDeadlineKind);
  }
}
