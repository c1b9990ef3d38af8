/**
 * The toegang trajectory (002 §3.5, 001, 004): one case from the registered request for help to
 * its end. Its phases, in order, and where each is decided:
 *
 * 1. `intake`: the request is registered and the Awb 4:13 clock starts (`initialState`, state.ts;
 *    the Awb warning and overdue deadlines, and `recordVerdaging`, in deadlines.ts and apply.ts).
 * 2. `results-agreed`: plan deel 1 with the family (`agreeResults`, apply.ts); the family chooses
 *    providers (`referToProvider`).
 * 3. `provider-intake`: plan deel 2 per provider (`recordProviderIntake`); what exceeds plan deel 1
 *    is a divergence the coordinator decides (`decideDivergence`).
 * 4. `beschikking`: ZIN or PGB (`issueBeschikking`); it may grant no more than plan deel 1 and
 *    accepted divergences (`commandProblems`, commands.ts). The 3-month check is scheduled.
 * 5. `monitoring`: the per-case coordination decision (`decideCoordination`, 001); when
 *    coordinated, half-yearly reviews with reminders and escalation (deadlines.ts); the 3-month
 *    check and midway questionnaire (004); re-assessment batches.
 * 6. `end-evaluation`: always when care ends (`beginEndEvaluation`, apply.ts): at the beschikking's
 *    end date (deadlines.ts), when the last provider stops, or as the coordinator decides;
 *    reminders until `recordEndEvaluation`, which closes, extends (verlenging, back to 5) or
 *    hands over to a vervolgtraject.
 * 7. `closed`, after the end questionnaire is answered or expires (`closeTrajectory`, apply.ts);
 *    or `withdrawn` from any open phase before the end evaluation is recorded (`withdraw`).
 *
 * Which command each phase takes is `PHASE_COMMANDS` in commands.ts; letters are listed in
 * letter-kinds.ts; the read model's projection and the provider's part are views.ts and
 * provider-view.ts.
 */
import { DEFAULT_ROLLOVER } from '../kit';
import { defineProcess } from '../process';
import { TRAJECTORY_LETTER_KINDS } from './letter-kinds';
import {
  applyCommand,
  intakeRegisteredLetters,
  recordDeliveryFailures,
  recordLetterSent,
} from './apply';
import { COMMAND_FIELDS, commandProblems, commandStateProblems } from './commands';
import { applyDeadline, pendingDeadlines } from './deadlines';
import { initialState, isOpenPhase, trajectoryInputProblems } from './state';
import { TRAJECTORY_RULE_SETS } from './rules';
import { isOverdue, summary, trajectoryView } from './views';

export * from './beschikking-letter';
export * from './letter-kinds';
export * from './policy';
export * from './state';
export * from './commands';
export * from './limits';
export * from './rules';
export * from './decide-before';
export * from './intake-outcomes';
export * from './waits';
export * from './review-outcome';
export * from './drang';
export {
  applyCommand,
  intakeRegisteredLetters,
  recordDeliveryFailures,
  type Effect,
  type FamilyCareEffect,
} from './apply';
export * from './deadlines';
export * from './views';
export * from './provider-view';

export const TRAJECTORY_PROCESS = defineProcess({
  commandFields: COMMAND_FIELDS,
  letterKinds: TRAJECTORY_LETTER_KINDS,
  ruleSets: TRAJECTORY_RULE_SETS,
  inputProblems: trajectoryInputProblems,
  initialState,
  openingEffects: intakeRegisteredLetters,
  isOpen: (state) => isOpenPhase(state.phase),
  commandStateProblems: (state, type) => commandStateProblems(state, type),
  commandProblems,
  applyCommand,
  pendingDeadlines,
  applyDeadline,
  letterSent: recordLetterSent,
  recordDeliveryFailures,
  nextDue: (state) => pendingDeadlines(state)[0],
  isOverdue,
  view: trajectoryView,
  summary,
  maxHistoryEvents: (state) => state.policy.maxHistoryEvents,
  rollover: (state) => ({
    fromEvents: state.policy.rolloverFromEvents ?? DEFAULT_ROLLOVER.fromEvents,
    after: state.policy.rolloverAfter ?? DEFAULT_ROLLOVER.after,
  }),
});
