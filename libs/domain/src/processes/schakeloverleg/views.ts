/**
 * What a Schakeloverleg transfer shows: the `state` query's view (with the dates that apply),
 * whether it is late, the memo's summary, and the GI's own part.
 */
import { followsRules, partnerAccessEndsAt, processView } from '../kit';
import type { ProcessView } from '../process';
import { allowedTransferCommands, type TransferCommandType } from './commands';
import { pendingTransferDeadlines, type TransferDeadlineKind } from './deadlines';
import { transferDates, type TransferDates } from './policy';
import { RULES_2026_12_WAITS } from './rules';
import type { TransferState } from './state';

/**
 * Whether the transfer is late: planning escalated, or the outcome of a held meeting missing
 * (escalated since RULES_2026_12_WAITS; before them, from its reminder).
 */
export function isTransferOverdue(state: TransferState): boolean {
  const outcomeLate = followsRules(state, RULES_2026_12_WAITS)
    ? state.meeting?.outcomeEscalated
    : state.meeting?.outcomeReminded;
  return (
    (state.status === 'proposed' && state.planning.escalated) ||
    (state.status === 'planned' && (outcomeLate ?? false))
  );
}

/** What the `state` query answers: the state, what may happen next and the dates that apply. */
/** What the `state` query answers: the state, what may happen next and the dates that apply. */
export interface TransferView
  extends TransferState, ProcessView<TransferCommandType, TransferDeadlineKind> {
  dates: TransferDates;
}

export function transferView(state: TransferState, now: Date): TransferView {
  return {
    ...processView(
      state,
      allowedTransferCommands(state, now),
      pendingTransferDeadlines(state),
      isTransferOverdue(state),
    ),
    dates: transferDates(state.measureEndDate, state.policy),
  };
}

/** A one-line summary without personal data, for the Temporal UI memo. */
export function transferSummary(state: TransferState): string {
  const parts = [
    `status ${state.status}`,
    `${state.measure} eindigt ${state.measureEndDate}`,
    `ronde ${state.round}`,
  ];
  if (state.meeting) parts.push(`Schakeloverleg ${state.meeting.date}`);
  if (state.revisit) parts.push(`herbespreking ${state.revisit.date}`);
  if (state.agreement) parts.push(`traject ${state.agreement.caseNumber}`);
  parts.push(`${state.care.length} aanbieder(s)`);
  if (isTransferOverdue(state)) parts.push('TE LAAT');
  return parts.join('; ');
}

/**
 * What a GI sees of a transfer it proposed: the transfer as it proposed it (its client and
 * family are its own), the Schakeloverleg's planning and outcomes, and the trajectory that took
 * over. Not the letters' recipients.
 */
export function giPartView<
  T extends Omit<TransferState, 'deliveryProblems'> & { deliveryProblems?: unknown },
>(
  view: T,
  after: string,
): Omit<T, 'deliveryProblems'> & { view: 'partner'; accessEndsAt?: string } {
  const { deliveryProblems: _letters, ...rest } = view;
  const accessEndsAt = partnerAccessEndsAt(view.closedAt, after);
  return { view: 'partner', ...rest, ...(accessEndsAt ? { accessEndsAt } : {}) };
}
