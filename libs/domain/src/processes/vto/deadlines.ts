/**
 * The VTO's deadlines, kept in the state: per status that waits for someone, a late notice to the
 * coordinator that marks the VTO overdue, and since RULES_2026_12 a reminder before the due date
 * to whoever is awaited (rules.ts).
 */
import { letter, type LetterFacts, type LetterKind, type Recipient } from '../../letters';
import { amsterdamInstant, type CalendarDate } from '../../time';
import { addWorkingDays, workingDaysBefore } from '../../working-days';
import { deadlineList, followsRules } from '../kit';
import type { ProcessDeadline } from '../process';
import { coordinatorOf, type VtoLetter } from './apply';
import { vtoReminderWorkingDays } from './policy';
import { RULES_2026_12 } from './rules';
import type { VtoState } from './state';

export const VTO_DEADLINE_KINDS = [
  'parents-informed-due',
  'parents-informed-reminder',
  'decision-due',
  'decision-reminder',
  'raad-outcome-due',
  'raad-outcome-reminder',
] as const;
export type VtoDeadlineKind = (typeof VTO_DEADLINE_KINDS)[number];

export type VtoDeadline = ProcessDeadline<VtoDeadlineKind>;

/** A step of the VTO that waits: its due date, and which of its two letters went out. */
interface WaitingStep {
  dueOn: CalendarDate;
  dueReminded?: boolean;
  reminded: boolean;
}

/** The deadlines the VTO waits for now, earliest first (one step per status). */
export function pendingVtoDeadlines(state: VtoState): VtoDeadline[] {
  const { add, earliestFirst } = deadlineList<VtoDeadlineKind>();
  const hour = state.policy.dueHour;
  const rules = followsRules(state, RULES_2026_12);
  const step = (before: VtoDeadlineKind, late: VtoDeadlineKind, s: WaitingStep) => {
    if (s.reminded) return;
    if (!rules) {
      // Before the rules: one letter, on the morning of the due date, marking the VTO overdue.
      add(late, amsterdamInstant(s.dueOn, hour));
      return;
    }
    if (!s.dueReminded)
      add(
        before,
        amsterdamInstant(workingDaysBefore(s.dueOn, vtoReminderWorkingDays(state.policy)), hour),
      );
    // Late once the due date has passed: at the due hour of the next working day.
    add(late, amsterdamInstant(addWorkingDays(s.dueOn, 1), hour));
  };
  switch (state.status) {
    case 'parents-to-inform':
      step('parents-informed-due', 'parents-informed-reminder', state.parents);
      break;
    case 'on-agenda':
      if (state.agenda)
        step('decision-due', 'decision-reminder', {
          ...state.agenda,
          dueOn: state.agenda.decisionDueOn,
        });
      break;
    case 'sent-to-raad':
      if (state.raad)
        step('raad-outcome-due', 'raad-outcome-reminder', {
          ...state.raad,
          dueOn: state.raad.outcomeDueOn,
        });
      break;
  }
  return earliestFirst();
}

/** Handles a deadline that has come (mutating the state) and returns the letters. */
export function applyVtoDeadline(state: VtoState, kind: VtoDeadlineKind): VtoLetter[] {
  state.revision += 1;
  const facts = { caseNumber: state.caseNumber };
  const send = (letterKind: LetterKind, to: Recipient, dates: LetterFacts): VtoLetter[] => [
    letter(letterKind, [to], { ...facts, ...dates }),
  ];
  switch (kind) {
    case 'parents-informed-due':
      state.parents.dueReminded = true;
      return send('vto-parents-due', coordinatorOf(state), { dueOn: state.parents.dueOn });
    case 'parents-informed-reminder':
      state.parents.reminded = true;
      return send('vto-parents-reminder', coordinatorOf(state), { dueOn: state.parents.dueOn });
    case 'decision-due':
    case 'decision-reminder': {
      if (!state.agenda) return [];
      const due = kind === 'decision-due';
      if (due) state.agenda.dueReminded = true;
      else state.agenda.reminded = true;
      return send(due ? 'vto-decision-due' : 'vto-decision-reminder', coordinatorOf(state), {
        meetingDate: state.agenda.meetingDate,
        dueOn: state.agenda.decisionDueOn,
      });
    }
    case 'raad-outcome-due':
    case 'raad-outcome-reminder': {
      if (!state.raad) return [];
      const dates = { sentOn: state.raad.sentOn, dueOn: state.raad.outcomeDueOn };
      if (kind === 'raad-outcome-due') {
        // The Raad is awaited: it is asked itself; the coordinator hears when it is late.
        state.raad.dueReminded = true;
        return send(
          'vto-raad-reminder',
          { role: 'organisation', id: state.raad.organisationId },
          dates,
        );
      }
      state.raad.reminded = true;
      return send('vto-raad-outcome-reminder', coordinatorOf(state), dates);
    }
  }
}
