/**
 * Applying the VTO's accepted commands and agenda placements, and its letters: to the parents
 * first (002 §3.6), the beschermingsplein, the Raad and the coordinator. Call `vtoCommandProblems`
 * first: this assumes the command is valid.
 */
import {
  coordinatorNotice,
  deliveryFailureRecorder,
  letter,
  type Letter,
  type Recipient,
} from '../../letters';
import { amsterdamDate } from '../../time';
import { addWorkingDays } from '../../working-days';
import { agendaPlacementProblems, type AgendaPlacement } from './codes';
import type { VtoCommand } from './commands';
import type { VtoState } from './state';

/** A letter of the VTO (every effect it has is a letter). */
export type VtoLetter = Letter;

export const coordinatorOf = (s: VtoState): Recipient => ({
  role: 'coordinator',
  id: s.coordinatorId,
});
export const parentsOf = (s: VtoState): Recipient => ({ role: 'client', id: s.clientId });

/**
 * The first letter: the written request to the parents (002 §3.6: they are always informed
 * first and receive it in writing). Grounds as codes; the template words them.
 */
export function vtoOpeningLetters(state: VtoState): VtoLetter[] {
  return [
    letter('vto-parents-informed', [parentsOf(state)], {
      caseNumber: state.caseNumber,
      grounds: state.grounds.join(','),
      proposedOn: amsterdamDate(new Date(state.proposedAt)),
    }),
  ];
}

/** Applies an accepted command (mutating the state) and returns the letters it causes. */
export function applyVtoCommand(state: VtoState, command: VtoCommand, now: Date): VtoLetter[] {
  state.revision += 1;
  const at = now.toISOString();
  const today = amsterdamDate(now);
  const facts = { caseNumber: state.caseNumber };
  /** Who recorded the step, and when. */
  const recorded = { recordedAt: at, recordedBy: command.recordedBy };
  switch (command.type) {
    case 'recordParentsInformed':
      state.parents = {
        ...state.parents,
        informedOn: command.informedOn,
        how: command.how,
        ...recorded,
      };
      state.status = 'awaiting-agenda';
      return [];
    case 'recordDecision': {
      const agenda = state.agenda;
      if (!agenda) return [];
      state.agenda = undefined;
      const meeting = { agendaId: agenda.agendaId, meetingDate: agenda.meetingDate };
      if (command.decision === 'postpone') {
        // Aanhouden: back in line for the next meeting's agenda.
        state.postponements.push({ ...meeting, ...recorded });
        state.status = 'awaiting-agenda';
        return [];
      }
      state.decision = {
        decision: command.decision,
        ...(command.reason ? { reason: command.reason } : {}),
        ...meeting,
        ...recorded,
      };
      if (command.decision === 'not-send') {
        state.status = 'not-sent';
        state.closedAt = at;
        return [
          letter('vto-decision', [parentsOf(state)], {
            ...facts,
            decision: 'not-send',
            reason: command.reason ?? '',
            meetingDate: agenda.meetingDate,
          }),
        ];
      }
      state.status = 'sent-to-raad';
      state.raad = {
        organisationId: agenda.raadId,
        sentOn: today,
        outcomeDueOn: addWorkingDays(today, state.policy.raadOutcomeWithinWorkingDays),
        reminded: false,
      };
      return [
        letter('vto-sent-to-raad', [{ role: 'organisation', id: agenda.raadId }], {
          ...facts,
          municipalityCode: state.municipalityCode,
          grounds: state.grounds.join(','),
          meetingDate: agenda.meetingDate,
          parentsInformedOn: state.parents.informedOn ?? '',
          ...(state.trajectoryCaseNumber
            ? { trajectoryCaseNumber: state.trajectoryCaseNumber }
            : {}),
        }),
        letter('vto-decision', [parentsOf(state)], {
          ...facts,
          decision: 'send',
          meetingDate: agenda.meetingDate,
        }),
      ];
    }
    case 'recordRaadOutcome': {
      if (!state.raad) return [];
      state.raad = {
        ...state.raad,
        investigationStarted: command.investigationStarted,
        decidedOn: command.decidedOn,
        ...(command.raadReference ? { raadReference: command.raadReference } : {}),
        ...recorded,
      };
      // The Raad tells the parents itself; the CJG records its answer to follow the case up.
      state.status = command.investigationStarted ? 'raad-investigates' : 'raad-declined';
      state.closedAt = at;
      return [];
    }
    case 'withdraw': {
      const onAgenda = state.agenda;
      state.withdrawal = { reason: command.reason, at, recordedBy: command.recordedBy };
      state.agenda = undefined;
      state.status = 'withdrawn';
      state.closedAt = at;
      return [
        letter(
          'vto-withdrawn',
          [
            parentsOf(state),
            ...(onAgenda
              ? [{ role: 'organisation', id: onAgenda.beschermingspleinId } as Recipient]
              : []),
          ],
          {
            ...facts,
            reason: command.reason,
            ...(onAgenda ? { meetingDate: onAgenda.meetingDate } : {}),
          },
        ),
      ];
    }
  }
}

/**
 * The agenda run placed the request on a meeting's agenda. Only a request waiting for the agenda
 * takes it; one in any other status (withdrawn meanwhile, already placed by a repeated run)
 * ignores it, and so nothing changes.
 */
export function placeOnAgenda(state: VtoState, placement: AgendaPlacement, now: Date): VtoLetter[] {
  if (state.status !== 'awaiting-agenda' || agendaPlacementProblems(placement).length > 0)
    return [];
  state.revision += 1;
  state.status = 'on-agenda';
  state.agenda = {
    agendaId: placement.agendaId,
    meetingDate: placement.meetingDate,
    beschermingspleinId: placement.beschermingspleinId,
    raadId: placement.raadId,
    placedAt: now.toISOString(),
    decisionDueOn: addWorkingDays(placement.meetingDate, state.policy.decisionWithinWorkingDays),
    reminded: false,
  };
  // 002 §3.6: the request is explained to and discussed with the parents at the meeting.
  return [
    letter('vto-on-agenda', [parentsOf(state), coordinatorOf(state)], {
      caseNumber: state.caseNumber,
      meetingDate: placement.meetingDate,
    }),
  ];
}

/**
 * A letter that could not be delivered is recorded on the VTO, and the coordinator is told (so
 * the parents can be reached another way). It is not sent again.
 */
export const recordVtoDeliveryFailures = deliveryFailureRecorder((state: VtoState) =>
  coordinatorNotice(state.caseNumber, coordinatorOf(state)),
);
