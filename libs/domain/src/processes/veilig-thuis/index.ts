/**
 * The Veilig Thuis warm handover (002 §3.6, §5.6). Veilig Thuis hands a case down to the CJG when
 * it judges the situation safe enough (afschaling), or asks the CJG to join while it investigates
 * (tijdens onderzoek). Its statuses, in order, and where each is decided:
 *
 * 1. `received`: the handover lead is told and Veilig Thuis gets a receipt
 *    (`handoverReceivedLetters`, apply.ts); the acceptance deadline runs (deadlines.ts).
 * 2. `accepted`, with a coordinator assigned (`accept`, apply.ts); or `refused`, back to Veilig
 *    Thuis with the reason (`refuse`: only another region or lack of competence, codes.ts; the
 *    handover lead is told, rules.ts).
 * 3. `meeting-planned`: the warm handover, where needed a joint home visit (`planMeeting`; planning
 *    again moves it); reminded and escalated in working days (deadlines.ts), as are acceptance
 *    and the outcome (since RULES_2026_12_WAITS, rules.ts).
 * 4. `meeting-held`: the agreements in writing, to all parties (`recordMeeting`; 002 §5.6).
 * 5. The outcome, the feedback Veilig Thuis is owed: `trajectory-started` (`startTrajectory`; the
 *    workflow starts the linked trajectory first) or `basic-support` (`closeWithBasicSupport`).
 *    Veilig Thuis may withdraw it before the meeting is held (`withdraw`).
 *
 * Which command each status takes is `STATUS_COMMANDS` in commands.ts. The safety conditions,
 * monitoring agreements, meeting agreements and a refusal's explanation are free texts that may
 * name people: the process carries only their ids (`TextRef`). The family's copy of a letter
 * leaves out the safety conditions and monitoring agreements (family-letters.ts).
 */
import { DEFAULT_MAX_HISTORY_EVENTS } from '../kit';
import { defineProcess } from '../process';
import {
  applyHandoverCommand,
  handoverReceivedLetters,
  recordHandoverDeliveryFailures,
} from './apply';
import { isOpenHandover } from './codes';
import {
  HANDOVER_COMMAND_FIELDS,
  handoverCommandProblems,
  handoverCommandStateProblems,
} from './commands';
import { applyHandoverDeadline, pendingHandoverDeadlines } from './deadlines';
import { VEILIG_THUIS_LETTER_KINDS } from './letter-kinds';
import { VEILIG_THUIS_RULE_SETS } from './rules';
import { handoverInputProblems, initialHandoverState } from './state';
import { handoverNextDue, handoverSummary, handoverView, isHandoverOverdue } from './views';

export * from './letter-kinds';
export * from './codes';
export * from './policy';
export { handoverInputProblems, initialHandoverState } from './state';
export type { HandoverInput, HandoverState, WorkingDayDeadline } from './state';
export * from './commands';
export {
  VEILIG_THUIS_RULE_SETS,
  RULES_2026_12 as VEILIG_THUIS_RULES_2026_12,
  RULES_2026_12_WAITS as VEILIG_THUIS_RULES_2026_12_WAITS,
} from './rules';
export * from './family-letters';
export {
  applyHandoverCommand,
  handoverReceivedLetters,
  recordHandoverDeliveryFailures,
  type HandoverLetter,
} from './apply';
export * from './deadlines';
export * from './views';

export const VEILIG_THUIS_PROCESS = defineProcess({
  commandFields: HANDOVER_COMMAND_FIELDS,
  letterKinds: VEILIG_THUIS_LETTER_KINDS,
  ruleSets: VEILIG_THUIS_RULE_SETS,
  inputProblems: handoverInputProblems,
  initialState: initialHandoverState,
  openingEffects: handoverReceivedLetters,
  isOpen: (state) => isOpenHandover(state.status),
  commandStateProblems: (state, type) => handoverCommandStateProblems(state, type),
  commandProblems: handoverCommandProblems,
  applyCommand: applyHandoverCommand,
  pendingDeadlines: pendingHandoverDeadlines,
  applyDeadline: applyHandoverDeadline,
  recordDeliveryFailures: recordHandoverDeliveryFailures,
  nextDue: handoverNextDue,
  isOverdue: isHandoverOverdue,
  view: handoverView,
  summary: handoverSummary,
  maxHistoryEvents: (state) => state.policy.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS,
});
