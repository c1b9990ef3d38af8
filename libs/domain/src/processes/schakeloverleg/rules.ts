/**
 * The changes of the Schakeloverleg transfer's rules since its first cases, oldest first
 * (`Process.ruleSets`). A transfer runs by the rules it started under, to its end: a new one by
 * all of them, one from before a change by the older rules (`followsRules(state, level)`). Each id
 * is the `patched()` marker in the histories of the transfers started under it: never rename or
 * remove one.
 */
export const SCHAKELOVERLEG_RULE_SETS = [
  'schakeloverleg-rules-2026-12',
  'schakeloverleg-rules-2026-12-waits',
] as const;

/**
 * December 2026 (issue 17): the care after the measure is decided before the measure ends, so
 * the promise that it goes on without interruption is true. When agreed, the toegang trajectory
 * starts at once (not on the measure's end date) with its beschikking due before that date
 * (`decideBefore`, reminded and escalated in the trajectory: trajectory/decide-before.ts); the
 * transfer stays `agreed` until the end date, when the voluntary frame begins (`started`).
 */
export const RULES_2026_12 = 1;

/**
 * December 2026 (issue 17, item 4: no silent waits): the outcome of a held Schakeloverleg is
 * reminded first (`outcome-reminder`, to the coordinator, no longer marking the transfer late),
 * then escalated (`outcome-overdue`: the transfer is overdue and the team lead, `escalateToId`,
 * is told). Transfers started under RULES_2026_12 keep the reminder that marks them late.
 */
export const RULES_2026_12_WAITS = 2;
