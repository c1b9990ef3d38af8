/**
 * The Schakeloverleg transfer's deadlines, on dates counted back in working days from the
 * measure's end date: planning (a reminder, then escalation), the outcome (a reminder; since
 * RULES_2026_12_WAITS, then escalation), the revisit, and the
 * end date itself (the trajectory starts, or the proposal lapses). Each is kept in the state.
 */
import { amsterdamDate, amsterdamInstant, type CalendarDate } from '../../time';
import { addWorkingDays } from '../../working-days';
import { deadlineList, followsRules } from '../kit';
import type { ProcessDeadline } from '../process';
import {
  baseFacts,
  cjg,
  coordinator,
  family,
  gi,
  lettersTo,
  voluntaryFrameBegins,
  type TransferEffect,
} from './apply';
import { outcomeOverdueWorkingDays, transferDates } from './policy';
import { RULES_2026_12_WAITS } from './rules';
import { isOpenTransfer, startPlanningRound, type TransferState } from './state';

export const TRANSFER_DEADLINE_KINDS = [
  'planning-reminder',
  'planning-overdue',
  'outcome-reminder',
  'outcome-overdue',
  'measure-end',
  'revisit',
  'trajectory-start',
] as const;
export type TransferDeadlineKind = (typeof TRANSFER_DEADLINE_KINDS)[number];

export type TransferDeadline = ProcessDeadline<TransferDeadlineKind>;

/** Every deadline the transfer waits for, earliest first. */
export function pendingTransferDeadlines(state: TransferState): TransferDeadline[] {
  if (!isOpenTransfer(state.status)) return [];
  const deadlines = deadlineList<TransferDeadlineKind>();
  const add = (kind: TransferDeadlineKind, date: CalendarDate) =>
    deadlines.add(kind, amsterdamInstant(date, state.policy.dueHour));
  const dates = transferDates(state.measureEndDate, state.policy);
  switch (state.status) {
    case 'proposed':
      if (!state.planning.reminded) add('planning-reminder', dates.planningReminder);
      if (!state.planning.escalated) add('planning-overdue', dates.planBy);
      // Not held (or not recorded) by the end date: the proposal has lapsed.
      add('measure-end', state.measureEndDate);
      break;
    case 'planned':
      if (state.meeting && !state.meeting.outcomeReminded)
        add(
          'outcome-reminder',
          addWorkingDays(state.meeting.date, state.policy.outcomeWorkingDays),
        );
      if (
        state.meeting &&
        !state.meeting.outcomeEscalated &&
        followsRules(state, RULES_2026_12_WAITS)
      )
        add(
          'outcome-overdue',
          addWorkingDays(state.meeting.date, outcomeOverdueWorkingDays(state.policy)),
        );
      add('measure-end', state.measureEndDate);
      break;
    case 'not-agreed':
      if (state.revisit) add('revisit', state.revisit.date);
      break;
    case 'agreed':
      // 000: the voluntary frame begins on the measure's end date (and, before RULES_2026_12,
      // the trajectory starts then; since, it starts when agreed: apply.ts).
      if (!state.agreement?.startingAt) add('trajectory-start', state.measureEndDate);
      break;
  }
  return deadlines.earliestFirst();
}

/** Handles a deadline that has come (mutating the state) and returns the effects. */
export function applyTransferDeadline(
  state: TransferState,
  kind: TransferDeadlineKind,
  now: Date,
): TransferEffect[] {
  state.revision += 1;
  const dates = transferDates(state.measureEndDate, state.policy);
  switch (kind) {
    case 'planning-reminder':
      state.planning.reminded = true;
      return lettersTo('so-planning-reminder', [...cjg(state), gi(state)], {
        ...baseFacts(state),
        planBy: dates.planBy,
        latestMeetingDate: dates.latestMeetingDate,
      });
    case 'planning-overdue':
      state.planning.reminded = true;
      state.planning.escalated = true;
      return lettersTo(
        'so-planning-overdue',
        [
          ...cjg(state),
          ...(state.escalateToId ? [coordinator(state.escalateToId)] : []),
          gi(state),
        ],
        { ...baseFacts(state), planBy: dates.planBy, latestMeetingDate: dates.latestMeetingDate },
      );
    case 'outcome-reminder':
      if (!state.meeting) return [];
      state.meeting.outcomeReminded = true;
      return lettersTo('so-outcome-reminder', cjg(state), {
        ...baseFacts(state),
        meetingDate: state.meeting.date,
      });
    case 'outcome-overdue': {
      if (!state.meeting) return [];
      state.meeting.outcomeReminded = true;
      state.meeting.outcomeEscalated = true;
      const lead =
        state.escalateToId && state.escalateToId !== state.coordinatorId
          ? [coordinator(state.escalateToId)]
          : [];
      return lettersTo('so-outcome-overdue', [...cjg(state), ...lead], {
        ...baseFacts(state),
        meetingDate: state.meeting.date,
        ...(state.coordinatorId ? { coordinatorId: state.coordinatorId } : {}),
        ...(lead.length > 0 ? { teamLeadTold: true } : {}),
      });
    }
    case 'measure-end': {
      const planned = state.status === 'planned';
      state.status = 'lapsed';
      state.meeting = undefined;
      state.closedAt = now.toISOString();
      return lettersTo(
        'so-lapsed',
        [gi(state), ...cjg(state), ...(state.familyInvited ? [family(state)] : [])],
        { ...baseFacts(state), planned },
      );
    }
    case 'revisit': {
      const revisitDate = state.revisit?.date ?? amsterdamDate(now);
      state.revisit = undefined;
      state.status = 'proposed';
      startPlanningRound(state, now);
      return lettersTo('so-revisit-due', [...cjg(state), gi(state)], {
        ...baseFacts(state),
        revisitDate,
        round: state.round,
        planBy: dates.planBy,
        latestMeetingDate: dates.latestMeetingDate,
      });
    }
    case 'trajectory-start':
      // Started when agreed (RULES_2026_12): the measure has ended, the voluntary frame begins.
      if (state.trajectory) return voluntaryFrameBegins(state, now);
      if (state.agreement) state.agreement.startingAt = now.toISOString();
      return [{ type: 'start-trajectory' }];
  }
}
