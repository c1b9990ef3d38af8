/**
 * The Veilig Thuis handover's deadlines, in working days: acceptance, the meeting and the feedback
 * to Veilig Thuis, each with a reminder to whoever is awaited (acceptance and feedback since
 * RULES_2026_12_WAITS) and an escalation when missed. Each is kept as data in the state.
 */
import { letter, type LetterFacts, type LetterKind, type Recipient } from '../../letters';
import { amsterdamInstant, type CalendarDate } from '../../time';
import { addWorkingDays, workingDaysBefore } from '../../working-days';
import { deadlineList, followsRules } from '../kit';
import type { ProcessDeadline } from '../process';
import {
  baseFacts,
  coordinator,
  lead,
  leadAndCoordinator,
  veiligThuis,
  type HandoverLetter,
} from './apply';
import { isOpenHandover } from './codes';
import { reminderWorkingDays } from './policy';
import { RULES_2026_12_WAITS } from './rules';
import { dueAfter, type HandoverState, type WorkingDayDeadline } from './state';

export const HANDOVER_DEADLINE_KINDS = [
  'accept-reminder',
  'accept-overdue',
  'meeting-reminder',
  'meeting-overdue',
  'feedback-reminder',
  'feedback-overdue',
] as const;
export type HandoverDeadlineKind = (typeof HANDOVER_DEADLINE_KINDS)[number];

export type HandoverDeadline = ProcessDeadline<HandoverDeadlineKind>;

/**
 * A deadline's due date is the last working day to act; it is missed at the policy's due hour
 * (8:00) of the next working day, when the team starts its day.
 */
export function missedAt(state: HandoverState, dueDate: CalendarDate): Date {
  return amsterdamInstant(addWorkingDays(dueDate, 1), state.policy.dueHour);
}

/** The meeting reminder: at the due hour, `meetingReminderWorkingDays` before its last day. */
function meetingReminderAt(state: HandoverState): Date | undefined {
  const accepted = state.acceptance.acceptedAt;
  const lead = state.policy.meetingReminderWorkingDays;
  if (!accepted || lead === 0) return undefined;
  const days = state.policy.meetingWithinWorkingDays[state.urgency] - lead;
  return amsterdamInstant(dueAfter(new Date(accepted), days), state.policy.dueHour);
}

/** A reminder: at the due hour, `days` working days before a step's last day (RULES_2026_12_WAITS). */
function reminderAt(state: HandoverState, dueDate: CalendarDate, days: number): Date {
  return amsterdamInstant(workingDaysBefore(dueDate, days), state.policy.dueHour);
}

/** Every deadline the handover is waiting for, earliest first. */
export function pendingHandoverDeadlines(state: HandoverState): HandoverDeadline[] {
  if (!isOpenHandover(state.status)) return [];
  const { add, earliestFirst } = deadlineList<HandoverDeadlineKind>();
  const waits = followsRules(state, RULES_2026_12_WAITS);
  const a = state.acceptance;
  if (state.status === 'received' && !a.overdue) {
    if (waits && !a.reminded)
      add(
        'accept-reminder',
        reminderAt(state, a.dueDate, reminderWorkingDays(state.policy).accept[state.urgency]),
      );
    add('accept-overdue', missedAt(state, a.dueDate));
  }
  const m = state.meeting;
  if ((state.status === 'accepted' || state.status === 'meeting-planned') && m) {
    if (!m.reminded && !m.overdue) add('meeting-reminder', meetingReminderAt(state));
    if (!m.overdue) add('meeting-overdue', missedAt(state, m.dueDate));
  }
  const f = state.feedback;
  if (state.status === 'meeting-held' && f && !f.overdue) {
    if (waits && !f.reminded)
      add(
        'feedback-reminder',
        reminderAt(state, f.dueDate, reminderWorkingDays(state.policy).feedback),
      );
    add('feedback-overdue', missedAt(state, f.dueDate));
  }
  return earliestFirst();
}

/** Handles a deadline that has come (mutating the state) and returns the letters to send. */
export function applyHandoverDeadline(
  state: HandoverState,
  kind: HandoverDeadlineKind,
  _now: Date,
): HandoverLetter[] {
  state.revision += 1;
  const facts = baseFacts(state);
  /** A deadline's letter names its last day, and then what else it is about. */
  const dueLetter = (
    letterKind: LetterKind,
    to: Recipient[],
    deadline: WorkingDayDeadline,
    more: LetterFacts = {},
  ) => letter(letterKind, to, { ...facts, dueDate: deadline.dueDate, ...more });
  /** The coordinator, once there is one (the handover lead is told who). */
  const coordinatorFact = (): LetterFacts =>
    state.coordinatorId ? { coordinatorId: state.coordinatorId } : {};
  /** Whether the meeting is planned, and for when. */
  const plannedFacts = (m: NonNullable<HandoverState['meeting']>): LetterFacts => ({
    planned: m.planned !== undefined,
    ...(m.planned ? { date: m.planned.date } : {}),
  });
  switch (kind) {
    case 'accept-reminder':
      state.acceptance.reminded = true;
      return [dueLetter('vt-acceptance-reminder', [lead(state)], state.acceptance)];
    case 'accept-overdue':
      // The handover stays `received` and marked overdue until someone accepts or refuses it.
      state.acceptance.overdue = true;
      return [
        dueLetter('vt-acceptance-overdue', [lead(state)], state.acceptance),
        dueLetter('vt-acceptance-delayed', [veiligThuis(state)], state.acceptance),
      ];
    case 'meeting-reminder': {
      const m = state.meeting!;
      m.reminded = true;
      return [dueLetter('vt-meeting-reminder', coordinator(state), m, plannedFacts(m))];
    }
    case 'meeting-overdue': {
      const m = state.meeting!;
      m.overdue = true;
      m.reminded = true;
      return [
        dueLetter('vt-meeting-overdue', leadAndCoordinator(state), m, {
          ...coordinatorFact(),
          ...plannedFacts(m),
        }),
      ];
    }
    case 'feedback-reminder': {
      const f = state.feedback!;
      f.reminded = true;
      return [
        dueLetter('vt-feedback-reminder', coordinator(state), f, {
          ...(state.meeting?.held ? { heldOn: state.meeting.held.on } : {}),
        }),
      ];
    }
    case 'feedback-overdue': {
      const f = state.feedback!;
      f.overdue = true;
      return [dueLetter('vt-feedback-overdue', leadAndCoordinator(state), f, coordinatorFact())];
    }
  }
}
