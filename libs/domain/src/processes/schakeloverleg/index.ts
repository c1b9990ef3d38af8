/**
 * The Schakeloverleg transfer from the forced to the voluntary frame (000). A gecertificeerde
 * instelling (GI) proposes to end a child protection or youth probation measure with the family
 * going on in the voluntary frame. Its statuses, in order, and where each is decided:
 *
 * 1. `proposed`: the municipality's CJG contact is told (`transferProposedEffects`, apply.ts); the
 *    planning reminder and escalation run, counted back from the measure's end date
 *    (`transferDates`, policy.ts; deadlines.ts).
 * 2. `planned`: the Schakeloverleg of GI, CJG and parents, before the measure ends (`plan`); the
 *    outcome is due from the meeting's day, reminded after and, since RULES_2026_12_WAITS,
 *    escalated to the team lead (deadlines.ts).
 * 3. `agreed` (the parents consent; the care in place is carried over) or `not-agreed` (the family
 *    stays in the forced frame until a revisit date, then back to 1): `recordOutcome`, apply.ts.
 * 4. `started`: on the measure's end date the voluntary frame begins (`trajectory-start`,
 *    deadlines.ts). Since rules.ts's RULES_2026_12 the toegang trajectory starts when agreed,
 *    with its beschikking due before that date; before them it started on the end date
 *    (`recordTrajectoryStarted`, apply.ts).
 *    Or `withdrawn` by the GI (`withdraw`), or `lapsed` when the measure ends without an agreement
 *    (`measure-end`, deadlines.ts). The GI may move the end date meanwhile (`changeMeasureEnd`).
 *
 * Which command each status takes is `STATUS_COMMANDS` in commands.ts. Only ids, codes, dates and
 * yes/no live here, and so in the workflow's history.
 */
import { defineProcess } from '../process';
import {
  applyTransferCommand,
  recordTransferDeliveryFailures,
  transferProposedEffects,
} from './apply';
import {
  TRANSFER_COMMAND_FIELDS,
  transferCommandProblems,
  transferCommandStateProblems,
} from './commands';
import { applyTransferDeadline, pendingTransferDeadlines } from './deadlines';
import { SCHAKELOVERLEG_LETTER_KINDS } from './letter-kinds';
import { SCHAKELOVERLEG_RULE_SETS } from './rules';
import { initialTransferState, isOpenTransfer, transferInputProblems } from './state';
import { isTransferOverdue, transferSummary, transferView } from './views';

export * from './letter-kinds';
export * from './codes';
export * from './policy';
export {
  initialTransferState,
  isOpenTransfer,
  parseTransferId,
  TRANSFER_REFERENCE_PATTERN,
  TRANSFER_STATUSES,
  transferIdFromWorkflowId,
  transferIdOf,
  transferInputProblems,
  transferTimingProblems,
  transferWorkflowId,
} from './state';
export type {
  CarriedCare,
  TransferInput,
  TransferOutcome,
  TransferState,
  TransferStatus,
} from './state';
export * from './commands';
export {
  SCHAKELOVERLEG_RULE_SETS,
  RULES_2026_12 as SCHAKELOVERLEG_RULES_2026_12,
  RULES_2026_12_WAITS as SCHAKELOVERLEG_RULES_2026_12_WAITS,
} from './rules';
export {
  applyTransferCommand,
  carriedCareSummary,
  linkedTrajectoryInput,
  recordTrajectoryStarted,
  recordTransferDeliveryFailures,
  transferProposedEffects,
  type StartTrajectoryEffect,
  type TransferEffect,
} from './apply';
export * from './deadlines';
export * from './views';

export const SCHAKELOVERLEG_PROCESS = defineProcess({
  commandFields: TRANSFER_COMMAND_FIELDS,
  letterKinds: SCHAKELOVERLEG_LETTER_KINDS,
  ruleSets: SCHAKELOVERLEG_RULE_SETS,
  inputProblems: transferInputProblems,
  initialState: initialTransferState,
  openingEffects: transferProposedEffects,
  isOpen: (state) => isOpenTransfer(state.status),
  commandStateProblems: transferCommandStateProblems,
  commandProblems: transferCommandProblems,
  applyCommand: applyTransferCommand,
  pendingDeadlines: pendingTransferDeadlines,
  applyDeadline: applyTransferDeadline,
  recordDeliveryFailures: recordTransferDeliveryFailures,
  nextDue: (state) => pendingTransferDeadlines(state)[0],
  isOverdue: isTransferOverdue,
  view: transferView,
  summary: transferSummary,
  maxHistoryEvents: (state) => state.policy.maxHistoryEvents,
});
