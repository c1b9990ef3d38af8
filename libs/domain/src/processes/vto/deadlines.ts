/** The VTO's deadlines: one reminder per status that waits for someone, kept in the state. */
import { letter, type LetterFacts, type LetterKind } from '../../letters';
import { amsterdamInstant, type CalendarDate } from '../../time';
import type { ProcessDeadline } from '../process';
import { coordinatorOf, type VtoLetter } from './apply';
import type { VtoState } from './state';

export const VTO_DEADLINE_KINDS = [
  'parents-informed-reminder',
  'decision-reminder',
  'raad-outcome-reminder',
] as const;
export type VtoDeadlineKind = (typeof VTO_DEADLINE_KINDS)[number];

export type VtoDeadline = ProcessDeadline<VtoDeadlineKind>;

/** The deadline the VTO waits for now, if any (one per status). */
export function pendingVtoDeadlines(state: VtoState): VtoDeadline[] {
  const at = (date: CalendarDate) => amsterdamInstant(date, state.policy.dueHour).toISOString();
  switch (state.status) {
    case 'parents-to-inform':
      return state.parents.reminded
        ? []
        : [{ kind: 'parents-informed-reminder', at: at(state.parents.dueOn) }];
    case 'on-agenda':
      return state.agenda && !state.agenda.reminded
        ? [{ kind: 'decision-reminder', at: at(state.agenda.decisionDueOn) }]
        : [];
    case 'sent-to-raad':
      return state.raad && !state.raad.reminded
        ? [{ kind: 'raad-outcome-reminder', at: at(state.raad.outcomeDueOn) }]
        : [];
    default:
      return [];
  }
}

/** Handles a deadline that has come (mutating the state) and returns the letters. */
export function applyVtoDeadline(state: VtoState, kind: VtoDeadlineKind): VtoLetter[] {
  state.revision += 1;
  const facts = { caseNumber: state.caseNumber };
  /** Every reminder goes to the coordinator, with the dates it is about. */
  const remind = (letterKind: LetterKind, dates: LetterFacts): VtoLetter[] => [
    letter(letterKind, [coordinatorOf(state)], { ...facts, ...dates }),
  ];
  switch (kind) {
    case 'parents-informed-reminder':
      state.parents.reminded = true;
      return remind('vto-parents-reminder', { dueOn: state.parents.dueOn });
    case 'decision-reminder':
      if (!state.agenda) return [];
      state.agenda.reminded = true;
      return remind('vto-decision-reminder', {
        meetingDate: state.agenda.meetingDate,
        dueOn: state.agenda.decisionDueOn,
      });
    case 'raad-outcome-reminder':
      if (!state.raad) return [];
      state.raad.reminded = true;
      return remind('vto-raad-outcome-reminder', {
        sentOn: state.raad.sentOn,
        dueOn: state.raad.outcomeDueOn,
      });
  }
}
