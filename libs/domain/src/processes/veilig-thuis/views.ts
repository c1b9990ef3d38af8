/**
 * What a Veilig Thuis handover shows: the `state` query's view, whether it is overdue and when its
 * next step is due, the memo's summary, the read model's projection, and Veilig Thuis's own part.
 */
import type { CalendarDate } from '../../time';
import { partnerAccessEndsAt, processView } from '../kit';
import type { ProcessView } from '../process';
import { isOpenHandover, type HandoverStatus } from './codes';
import { allowedHandoverCommands, type HandoverCommandType } from './commands';
import { missedAt, pendingHandoverDeadlines, type HandoverDeadlineKind } from './deadlines';
import type { HandoverState } from './state';

/** What the `state` query answers: the state plus what may happen next. */
export interface HandoverView
  extends HandoverState, ProcessView<HandoverCommandType, HandoverDeadlineKind> {}

export function handoverView(state: HandoverState): HandoverView {
  return processView(
    state,
    allowedHandoverCommands(state),
    pendingHandoverDeadlines(state),
    isHandoverOverdue(state),
  );
}

/** Whether the step the handover waits for is past its deadline. */
export function isHandoverOverdue(state: HandoverState): boolean {
  switch (state.status) {
    case 'received':
      return state.acceptance.overdue;
    case 'accepted':
    case 'meeting-planned':
      return state.meeting?.overdue ?? false;
    case 'meeting-held':
      return state.feedback?.overdue ?? false;
    default:
      return false;
  }
}

/**
 * When the step the handover waits for is due: the next pending deadline, or, once a deadline
 * is missed, the moment it was missed, so the handover stays at the top of a list sorted by due
 * date (and `Overdue` in the Temporal UI) until the step is taken.
 */
export function handoverNextDue(
  state: HandoverState,
): { kind: HandoverDeadlineKind; at: string } | undefined {
  if (!isOpenHandover(state.status)) return undefined;
  if (isHandoverOverdue(state)) {
    const [kind, dueDate] =
      state.status === 'received'
        ? (['accept-overdue', state.acceptance.dueDate] as const)
        : state.status === 'meeting-held'
          ? (['feedback-overdue', state.feedback!.dueDate] as const)
          : (['meeting-overdue', state.meeting!.dueDate] as const);
    return { kind, at: missedAt(state, dueDate).toISOString() };
  }
  return pendingHandoverDeadlines(state)[0];
}

/** A one-line summary without personal data, for the Temporal UI memo. */
export function handoverSummary(state: HandoverState): string {
  const parts = [
    `Veilig Thuis ${state.reference}`,
    state.urgency === 'urgent' ? 'spoed' : 'regulier',
    `status ${state.status}`,
  ];
  if (state.status === 'received') parts.push(`accepteren uiterlijk ${state.acceptance.dueDate}`);
  if (state.meeting?.planned && !state.meeting.held)
    parts.push(
      `overdracht ${state.meeting.planned.date}${state.meeting.planned.jointHomeVisit ? ' (huisbezoek)' : ''}`,
    );
  if (state.outcome?.caseNumber) parts.push(`traject ${state.outcome.caseNumber}`);
  if (isHandoverOverdue(state)) parts.push('TE LAAT');
  return parts.join('; ');
}

/** What the read model (table veilig_thuis_handover) keeps of a handover: ids, codes, dates. */
export interface HandoverProjection {
  handoverId: string;
  workflowId: string;
  status: HandoverStatus;
  revision: number;
  coordinatorId: string | null;
  clientId: string | null;
  familyId: string | null;
  acceptDueDate: CalendarDate;
  acceptedAt: string | null;
  acceptedLate: boolean | null;
  meetingDate: CalendarDate | null;
  jointHomeVisit: boolean | null;
  meetingHeldOn: CalendarDate | null;
  nextDueAt: string | null;
  nextDueKind: HandoverDeadlineKind | null;
  overdue: boolean;
  outcome: 'trajectory' | 'basic-support' | 'refused' | 'withdrawn' | null;
  trajectoryCaseNumber: string | null;
  closedAt: string | null;
}

export function handoverProjectionOf(state: HandoverState, workflowId: string): HandoverProjection {
  const next = handoverNextDue(state);
  const held = state.meeting?.held;
  return {
    handoverId: state.handoverId,
    workflowId,
    status: state.status,
    revision: state.revision,
    coordinatorId: state.coordinatorId ?? null,
    clientId: state.clientId ?? null,
    familyId: state.familyId ?? null,
    acceptDueDate: state.acceptance.dueDate,
    acceptedAt: state.acceptance.acceptedAt ?? null,
    acceptedLate: state.acceptance.acceptedAt ? (state.acceptance.late ?? false) : null,
    meetingDate: held?.on ?? state.meeting?.planned?.date ?? null,
    jointHomeVisit: held?.jointHomeVisit ?? state.meeting?.planned?.jointHomeVisit ?? null,
    meetingHeldOn: held?.on ?? null,
    nextDueAt: next?.at ?? null,
    nextDueKind: next?.kind ?? null,
    overdue: isHandoverOverdue(state),
    outcome:
      state.outcome?.decision ??
      (state.status === 'refused' || state.status === 'withdrawn' ? state.status : null),
    trajectoryCaseNumber: state.outcome?.caseNumber ?? null,
    closedAt: state.closedAt ?? null,
  };
}

/**
 * What Veilig Thuis sees of a handover it made: the handover, its acceptance, the meeting and
 * the agreements it is party to, a refusal, and the outcome with the trajectory's case number
 * (002 §3.6: the feedback it is owed, which its letter names too). Not the client and family the
 * CJG linked, not the letters' recipients.
 */
export function veiligThuisPartView<
  T extends Omit<HandoverState, 'deliveryProblems'> & { deliveryProblems?: unknown },
>(
  view: T,
  after: string,
): Omit<T, 'clientId' | 'familyId' | 'deliveryProblems'> & {
  view: 'partner';
  accessEndsAt?: string;
} {
  const { clientId: _client, familyId: _family, deliveryProblems: _letters, ...rest } = view;
  const accessEndsAt = partnerAccessEndsAt(view.closedAt, after);
  return { view: 'partner', ...rest, ...(accessEndsAt ? { accessEndsAt } : {}) };
}
