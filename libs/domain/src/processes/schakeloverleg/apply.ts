/**
 * Applying the Schakeloverleg transfer's accepted commands, and its letters: to the GI, the
 * providers whose care is carried over, the family and the CJG side (000). Call
 * `transferCommandProblems` first: this assumes the command is valid.
 */
import { trajectoryWorkflowId } from '../../case-number';
import {
  deliveryFailureRecorder,
  letter,
  recipientRef,
  type Letter,
  type LetterFacts,
  type Recipient,
} from '../../letters';
import { amsterdamDate, compareDates, type CalendarDate } from '../../time';
import { followsRules } from '../kit';
import type { SchakeloverlegNotAgreedReason } from './codes';
import type { TransferCommand } from './commands';
import type { SchakeloverlegLetterKind } from './letter-kinds';
import { transferDates } from './policy';
import { RULES_2026_12 } from './rules';
import { startPlanningRound, type TransferState } from './state';

/** Start the linked toegang trajectory now (the measure's end date has come). */
export interface StartTrajectoryEffect {
  type: 'start-trajectory';
}

export type TransferEffect = Letter | StartTrajectoryEffect;

export const gi = (s: TransferState): Recipient => ({ role: 'organisation', id: s.organisationId });
export const family = (s: TransferState): Recipient => ({ role: 'client', id: s.clientId });
export const coordinator = (id: string): Recipient => ({ role: 'coordinator', id });
export const providers = (s: TransferState): Recipient[] =>
  [...new Set(s.care.map((c) => c.agbCode))].map((agbCode) => ({ role: 'provider', agbCode }));

/** The CJG side: the coordinator once planned, before that the municipality's contact. */
export function cjg(s: TransferState): Recipient[] {
  const id = s.coordinatorId ?? s.contactId;
  return id ? [coordinator(id)] : [];
}

/** Distinct recipients, in order. */
function distinct(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = recipientRef(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A letter to each recipient once; none when nobody is to receive it. */
export function lettersTo(
  kind: SchakeloverlegLetterKind,
  to: Recipient[],
  facts: LetterFacts,
): TransferEffect[] {
  const recipients = distinct(to);
  return recipients.length > 0 ? [letter(kind, recipients, facts)] : [];
}

/**
 * The facts every letter of a transfer carries. `caseNumber` is the transfer id, the key the
 * letter is filed under (the toegang trajectory's case number is `trajectoryCaseNumber`).
 */
export function baseFacts(s: TransferState): LetterFacts {
  return {
    caseNumber: s.transferId,
    reference: s.reference,
    measure: s.measure,
    measureEndDate: s.measureEndDate,
  };
}

/** Applies an accepted command (mutating the state) and returns the effects. */
export function applyTransferCommand(
  state: TransferState,
  command: TransferCommand,
  now: Date,
): TransferEffect[] {
  state.revision += 1;
  const at = now.toISOString();
  switch (command.type) {
    case 'plan': {
      const replanned = state.status === 'planned';
      state.coordinatorId = command.coordinatorId;
      state.meeting = { date: command.meetingDate, plannedAt: at, outcomeReminded: false };
      state.status = 'planned';
      state.revisit = undefined;
      state.familyInvited = true;
      return lettersTo(
        'so-planned',
        [coordinator(command.coordinatorId), gi(state), family(state)],
        {
          ...baseFacts(state),
          meetingDate: command.meetingDate,
          round: state.round,
          replanned,
        },
      );
    }
    case 'recordOutcome': {
      const meetingDate = state.meeting?.date ?? amsterdamDate(now);
      state.meeting = undefined;
      if (command.agreed) {
        const caseNumber = command.caseNumber as string;
        state.outcomes.push({
          round: state.round,
          meetingDate,
          agreed: true,
          recordedAt: at,
          caseNumber,
        });
        state.agreement = { caseNumber, agreedAt: at };
        state.status = 'agreed';
        // Issue 17: the care after the measure is decided before it ends, so the trajectory
        // starts now, its beschikking due before the end date (linkedTrajectoryInput).
        const decideNow = followsRules(state, RULES_2026_12);
        if (decideNow) state.agreement.startingAt = at;
        // 000: the running care stays in place and goes on in the voluntary frame.
        return [
          ...lettersTo(
            'so-agreed',
            [gi(state), ...providers(state), family(state), ...cjg(state)],
            {
              ...baseFacts(state),
              trajectoryCaseNumber: caseNumber,
              startDate: state.measureEndDate,
              providers: state.care.length,
              ...(decideNow ? { beschikkingBefore: state.measureEndDate } : {}),
            },
          ),
          ...(decideNow ? [{ type: 'start-trajectory' } as const] : []),
        ];
      }
      const reason = command.reason as SchakeloverlegNotAgreedReason;
      const revisitDate = command.revisitDate as CalendarDate;
      state.outcomes.push({
        round: state.round,
        meetingDate,
        agreed: false,
        recordedAt: at,
        reason,
        revisitDate,
      });
      if (command.measureEndDate && command.measureEndDate !== state.measureEndDate) {
        state.measureEndChanges.push({
          from: state.measureEndDate,
          to: command.measureEndDate,
          at,
        });
        state.measureEndDate = command.measureEndDate;
      }
      state.status = 'not-agreed';
      state.round += 1;
      state.revisit = { date: revisitDate };
      return lettersTo('so-not-agreed', [gi(state), ...providers(state), family(state)], {
        ...baseFacts(state),
        reason,
        revisitDate,
      });
    }
    case 'changeMeasureEnd': {
      const from = state.measureEndDate;
      state.measureEndChanges.push({ from, to: command.endDate, at });
      state.measureEndDate = command.endDate;
      if (state.status === 'proposed') {
        // The planning deadlines follow the new end date; an escalation already sent stays sent.
        const escalated = state.planning.escalated;
        startPlanningRound(state, now);
        const { planBy } = transferDates(command.endDate, state.policy);
        state.planning.escalated = escalated && compareDates(planBy, amsterdamDate(now)) <= 0;
      }
      const agreed = state.status === 'agreed';
      return lettersTo(
        'so-measure-end-changed',
        [...cjg(state), ...(agreed ? [family(state), ...providers(state)] : [])],
        {
          ...baseFacts(state),
          previousEndDate: from,
          agreed,
          ...(state.agreement ? { trajectoryCaseNumber: state.agreement.caseNumber } : {}),
          // The trajectory runs already: its beschikking's due date does not follow (docs).
          ...(state.trajectory ? { trajectoryStarted: true } : {}),
        },
      );
    }
    case 'withdraw': {
      state.withdrawal = { reason: command.reason, at };
      state.status = 'withdrawn';
      state.closedAt = at;
      const told = state.outcomes.length > 0;
      return lettersTo(
        'so-withdrawn',
        [
          ...cjg(state),
          ...(state.familyInvited ? [family(state)] : []),
          ...(told ? providers(state) : []),
        ],
        {
          ...baseFacts(state),
          reason: command.reason,
          // Agreed and started already (RULES_2026_12): the coordinator withdraws it there.
          ...(state.trajectory ? { trajectoryCaseNumber: state.trajectory.caseNumber } : {}),
        },
      );
    }
  }
}

/** The letter that announces a new proposal to the municipality's CJG contact, if there is one. */
export function transferProposedEffects(state: TransferState): TransferEffect[] {
  const dates = transferDates(state.measureEndDate, state.policy);
  return lettersTo('so-proposed', state.contactId ? [coordinator(state.contactId)] : [], {
    ...baseFacts(state),
    municipalityCode: state.municipalityCode,
    planBy: dates.planBy,
    latestMeetingDate: dates.latestMeetingDate,
    providers: state.care.length,
  });
}

/**
 * The trajectory has been started (or the case number already named one: then it is linked).
 * Started on the measure's end date (before RULES_2026_12), the transfer ends here; started when
 * agreed, it stays `agreed` until that date (`voluntaryFrameBegins`).
 */
export function recordTrajectoryStarted(
  state: TransferState,
  alreadyExisted: boolean,
  now: Date,
): TransferEffect[] {
  const caseNumber = state.agreement?.caseNumber as string;
  state.revision += 1;
  state.trajectory = {
    caseNumber,
    workflowId: trajectoryWorkflowId(caseNumber),
    startedAt: now.toISOString(),
    alreadyExisted,
  };
  if (state.agreement) state.agreement.startingAt = undefined;
  if (followsRules(state, RULES_2026_12)) return [];
  return voluntaryFrameBegins(state, now);
}

/**
 * The measure has ended and the trajectory runs: the transfer ends; GI, providers and family are
 * told that the care has gone over to the voluntary frame.
 */
export function voluntaryFrameBegins(state: TransferState, now: Date): TransferEffect[] {
  state.status = 'started';
  state.closedAt = now.toISOString();
  return lettersTo('so-trajectory-started', [gi(state), ...providers(state), family(state)], {
    ...baseFacts(state),
    trajectoryCaseNumber: state.trajectory?.caseNumber as string,
    startDate: state.measureEndDate,
  });
}

/** What the linked trajectory starts with (TrajectoryInput): the transfer's ids and policy. */
export function linkedTrajectoryInput(state: TransferState) {
  const caseNumber = state.agreement?.caseNumber as string;
  return {
    caseNumber,
    municipalityCode: state.municipalityCode,
    coordinatorId: state.coordinatorId as string,
    clientId: state.clientId,
    familyId: state.familyId,
    ...(state.trajectoryPolicy ? { policy: state.trajectoryPolicy } : {}),
    // The trajectory's link back: the GI's reference of the measure it follows on.
    previousCaseNumber: state.reference,
    // Issue 17: started when agreed, its beschikking is due before the measure ends, escalated
    // to the team lead of the Schakeloverleg when it is not there in time.
    ...(followsRules(state, RULES_2026_12)
      ? {
          decideBefore: {
            date: state.measureEndDate,
            why: 'measure-ends' as const,
            ...(state.escalateToId ? { escalateToId: state.escalateToId } : {}),
          },
        }
      : {}),
  };
}

/** The carried-over care as one line for the trajectory's memo: `12345678:45, 87654321:54`. */
export function carriedCareSummary(state: TransferState): string {
  return state.care.map((c) => `${c.agbCode}:${c.productCategory}`).join(', ');
}

// ───────────────────────────────────────────────────────────── delivery

/**
 * A letter that could not be delivered is recorded on the transfer, and the CJG side (the
 * coordinator, else the contact) is told with a `delivery-failed` letter, unless it is the one the
 * letter did not reach or the letter is itself such a notice. Not sent again.
 */
export const recordTransferDeliveryFailures = deliveryFailureRecorder((state: TransferState) => ({
  caseNumber: state.transferId,
  to: cjg(state),
}));
