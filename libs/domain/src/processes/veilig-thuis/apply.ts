/**
 * Applying the Veilig Thuis handover's accepted commands, and the letters they send: to Veilig
 * Thuis, the family, the coordinator and the handover lead (002 §3.6; §5.6: the agreements in
 * writing, to all). Call `handoverCommandProblems` first: this assumes the command is valid.
 */
import {
  deliveryFailureRecorder,
  letter,
  type Letter,
  type LetterFacts,
  type Recipient,
} from '../../letters';
import { followsRules } from '../kit';
import type { HandoverStatus } from './codes';
import type { HandoverCommand } from './commands';
import { RULES_2026_12 } from './rules';
import { dueAfter, type HandoverState } from './state';

/** A letter of the handover (every effect it has is a letter). */
export type HandoverLetter = Letter;

export const veiligThuis = (s: HandoverState): Recipient => ({
  role: 'organisation',
  id: s.organisationId,
});
export const lead = (s: HandoverState): Recipient => ({
  role: 'coordinator',
  id: s.handoverLeadId,
});
export const coordinator = (s: HandoverState): Recipient[] =>
  s.coordinatorId ? [{ role: 'coordinator', id: s.coordinatorId }] : [];
export const client = (s: HandoverState): Recipient[] =>
  s.clientId ? [{ role: 'client', id: s.clientId }] : [];
/** The lead and the coordinator, once each (the lead may have taken the case itself). */
export const leadAndCoordinator = (s: HandoverState): Recipient[] =>
  s.coordinatorId && s.coordinatorId !== s.handoverLeadId
    ? [lead(s), ...coordinator(s)]
    : [lead(s)];

/**
 * The facts every letter of a handover carries. `caseNumber` is the handover's id, the CJG's
 * registration number of the case until a trajectory starts; the texts go by their ids
 * (`…TextId`), which the letters activity replaces by the texts themselves at send time.
 */
export function baseFacts(s: HandoverState): LetterFacts {
  return { caseNumber: s.handoverId, reference: s.reference, urgency: s.urgency };
}

export function textFacts(s: HandoverState): LetterFacts {
  return {
    safetyConditionsTextId: s.safetyConditions.textId,
    ...(s.monitoringAgreements
      ? { monitoringAgreementsTextId: s.monitoringAgreements.textId }
      : {}),
  };
}

/** A new handover: the handover lead learns of it, Veilig Thuis gets a receipt. */
export function handoverReceivedLetters(state: HandoverState): HandoverLetter[] {
  const facts = { ...baseFacts(state), acceptDueDate: state.acceptance.dueDate };
  return [
    letter('vt-handover-received', [lead(state)], {
      ...facts,
      municipalityCode: state.municipalityCode,
      handoverType: state.handoverType,
    }),
    letter('vt-receipt', [veiligThuis(state)], facts),
  ];
}

function close(state: HandoverState, status: HandoverStatus, at: string): void {
  state.status = status;
  state.closedAt = at;
}

/**
 * Applies an accepted command to the state (mutating it) and returns the letters to send. Call
 * `handoverCommandProblems` first: this assumes the command is valid.
 */
export function applyHandoverCommand(
  state: HandoverState,
  command: HandoverCommand,
  now: Date,
): HandoverLetter[] {
  state.revision += 1;
  const at = now.toISOString();
  const facts = baseFacts(state);
  switch (command.type) {
    case 'accept': {
      state.status = 'accepted';
      state.coordinatorId = command.coordinatorId;
      state.acceptance = {
        ...state.acceptance,
        acceptedAt: at,
        late: state.acceptance.overdue,
        overdue: false,
      };
      const meetingDue = dueAfter(now, state.policy.meetingWithinWorkingDays[state.urgency]);
      state.meeting = { dueDate: meetingDue, overdue: false, reminded: false };
      return [
        letter('vt-accepted', [veiligThuis(state)], {
          ...facts,
          coordinatorId: command.coordinatorId,
          meetingDueDate: meetingDue,
        }),
        letter('vt-coordinator-assigned', coordinator(state), {
          ...facts,
          handoverType: state.handoverType,
          meetingDueDate: meetingDue,
          ...textFacts(state),
        }),
      ];
    }
    case 'refuse': {
      state.refusal = {
        reason: command.reason,
        ...(command.explanation ? { explanation: command.explanation } : {}),
        at,
      };
      state.acceptance.overdue = false;
      close(state, 'refused', at);
      const refusalFacts = {
        ...facts,
        reason: command.reason,
        ...(command.explanation ? { explanationTextId: command.explanation.textId } : {}),
      };
      return [
        letter('vt-refused', [veiligThuis(state)], refusalFacts),
        // Issue 17: a refusal is escalated to the municipality's handover lead, who sees every
        // case the CJG does not take.
        ...(followsRules(state, RULES_2026_12)
          ? [letter('vt-refusal-escalated', [lead(state)], refusalFacts)]
          : []),
      ];
    }
    case 'planMeeting': {
      const meeting = state.meeting!;
      state.status = 'meeting-planned';
      state.clientId = command.clientId;
      state.familyId = command.familyId;
      meeting.planned = {
        date: command.date,
        ...(command.time ? { time: command.time } : {}),
        jointHomeVisit: command.jointHomeVisit,
        plannedAt: at,
        times: (meeting.planned?.times ?? 0) + 1,
      };
      return [
        letter(
          'vt-meeting-planned',
          [veiligThuis(state), ...client(state), ...coordinator(state)],
          {
            ...facts,
            date: command.date,
            ...(command.time ? { time: command.time } : {}),
            jointHomeVisit: command.jointHomeVisit,
            moved: meeting.planned.times > 1,
          },
        ),
      ];
    }
    case 'recordMeeting': {
      const meeting = state.meeting!;
      state.status = 'meeting-held';
      meeting.held = {
        on: command.heldOn,
        jointHomeVisit: command.jointHomeVisit,
        agreements: command.agreements,
        recordedAt: at,
        late: meeting.overdue,
      };
      meeting.overdue = false;
      state.feedback = {
        dueDate: dueAfter(now, state.policy.feedbackWithinWorkingDays),
        overdue: false,
      };
      return [
        letter('vt-agreements', [veiligThuis(state), ...client(state), ...coordinator(state)], {
          ...facts,
          heldOn: command.heldOn,
          jointHomeVisit: command.jointHomeVisit,
          agreementsTextId: command.agreements.textId,
          ...textFacts(state),
          feedbackDueDate: state.feedback.dueDate,
          // The family's copy names its coordinator as the one to ask about the safety
          // conditions it does not show (family-letters.ts).
          ...(state.coordinatorId ? { coordinatorId: state.coordinatorId } : {}),
        }),
      ];
    }
    case 'startTrajectory':
    case 'closeWithBasicSupport': {
      const trajectory = command.type === 'startTrajectory';
      state.outcome = {
        decision: trajectory ? 'trajectory' : 'basic-support',
        ...(trajectory ? { caseNumber: command.caseNumber } : {}),
        at,
        late: state.feedback?.overdue ?? false,
      };
      if (state.feedback) state.feedback.overdue = false;
      close(state, trajectory ? 'trajectory-started' : 'basic-support', at);
      return [
        letter('vt-feedback', [veiligThuis(state), ...client(state)], {
          ...facts,
          decision: state.outcome.decision,
          ...(trajectory ? { trajectoryCaseNumber: command.caseNumber } : {}),
          ...(state.coordinatorId ? { coordinatorId: state.coordinatorId } : {}),
        }),
      ];
    }
    case 'withdraw': {
      const meetingPlanned = state.status === 'meeting-planned';
      state.withdrawal = { reason: command.reason, at };
      state.acceptance.overdue = false;
      if (state.meeting) state.meeting.overdue = false;
      close(state, 'withdrawn', at);
      // The family hears it only when it was invited to a meeting.
      const to = [...leadAndCoordinator(state), ...(meetingPlanned ? client(state) : [])];
      return [letter('vt-withdrawn', to, { ...facts, reason: command.reason })];
    }
  }
}

/**
 * A letter that could not be delivered is recorded on the handover, and the coordinator (or,
 * before acceptance, the handover lead) is told by a letter of its own, unless that is the one
 * it did not reach or it is itself such a notice. It is not sent again.
 */
export const recordHandoverDeliveryFailures = deliveryFailureRecorder((state: HandoverState) => {
  const notify: Recipient = state.coordinatorId
    ? { role: 'coordinator', id: state.coordinatorId }
    : lead(state);
  return { caseNumber: state.handoverId, to: [notify] };
});
