/**
 * The verzoek tot onderzoek (VTO) at the Raad voor de Kinderbescherming (002 §3.6). In a drang case
 * with (suspected) serious threats to a child's development, where too little moves in the
 * voluntary frame, the CJG may ask the Raad to investigate. Its statuses, in order, and where each
 * is decided:
 *
 * 1. `parents-to-inform`: the written request goes to the parents first (`vtoOpeningLetters`,
 *    apply.ts); the request goes no further until the coordinator records that they were informed
 *    (`recordParentsInformed`), reminded when late (deadlines.ts); since rules.ts's RULES_2026_12
 *    every step below is reminded before its due date too, the Raad's answer to the Raad.
 * 2. `awaiting-agenda`: it waits for the weekly beschermingsplein; the agenda run places it
 *    (`placeOnAgenda`, apply.ts; the meeting dates in codes.ts).
 * 3. `on-agenda`: the meeting's decision (`recordDecision`, reminded a week after the meeting):
 *    held over (back to 2), `not-sent` (the parents are told why), or sent to the Raad.
 * 4. `sent-to-raad`: the Raad's answer (`recordRaadOutcome`, reminded when late):
 *    `raad-investigates` or `raad-declined`. Before the decision the coordinator may withdraw it
 *    (`withdraw`).
 *
 * Which command each status takes is `STATUS_COMMANDS` in commands.ts. A VTO is a case of its own
 * (its own case number), linked to the drang case's trajectory when there is one; its history
 * carries ids, codes and dates only.
 */
import { DEFAULT_MAX_HISTORY_EVENTS } from '../kit';
import { defineProcess } from '../process';
import { applyVtoCommand, recordVtoDeliveryFailures, vtoOpeningLetters } from './apply';
import { VTO_COMMAND_FIELDS, vtoCommandProblems, vtoCommandStateProblems } from './commands';
import { applyVtoDeadline, pendingVtoDeadlines } from './deadlines';
import { VTO_LETTER_KINDS } from './letter-kinds';
import { VTO_RULE_SETS } from './rules';
import { initialVtoState, isOpenVtoStatus, vtoInputProblems } from './state';
import { isVtoOverdue, vtoSummary, vtoView } from './views';

export * from './letter-kinds';
export * from './codes';
export * from './policy';
export * from './state';
export * from './commands';
export {
  applyVtoCommand,
  placeOnAgenda,
  recordVtoDeliveryFailures,
  vtoOpeningLetters,
  type VtoLetter,
} from './apply';
export * from './deadlines';
export { VTO_RULE_SETS, RULES_2026_12 as VTO_RULES_2026_12 } from './rules';
export * from './views';

export const VTO_PROCESS = defineProcess({
  commandFields: VTO_COMMAND_FIELDS,
  letterKinds: VTO_LETTER_KINDS,
  ruleSets: VTO_RULE_SETS,
  inputProblems: vtoInputProblems,
  initialState: initialVtoState,
  openingEffects: vtoOpeningLetters,
  isOpen: (state) => isOpenVtoStatus(state.status),
  commandStateProblems: (state, type) => vtoCommandStateProblems(state, type),
  commandProblems: vtoCommandProblems,
  applyCommand: applyVtoCommand,
  pendingDeadlines: pendingVtoDeadlines,
  applyDeadline: (state, kind) => applyVtoDeadline(state, kind),
  recordDeliveryFailures: recordVtoDeliveryFailures,
  nextDue: (state) => pendingVtoDeadlines(state)[0],
  isOverdue: isVtoOverdue,
  view: vtoView,
  summary: vtoSummary,
  maxHistoryEvents: (state) => state.policy.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS,
});
