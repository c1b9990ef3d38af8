import { followsRules } from '../kit';

/**
 * The changes of the trajectory's rules since its first cases, oldest first (`Process.ruleSets`).
 * A case runs by the rules it started under, to its end: a new case by all of them, a case from
 * before a change by the older rules (`followsRules(state, level)`). Each id is the `patched()`
 * marker in the histories of the cases started under it: never rename or remove one.
 */
export const TRAJECTORY_RULE_SETS = ['trajectory-rules-2026-12'] as const;

/**
 * December 2026, the process as the seeds and the law ask it (issue 17): the provider's intake
 * and the coordination decision have a deadline, a reminder and an escalation; an unanswered
 * 3-month check or questionnaire is reminded and the coordinator told; the 3-month check counts
 * from the start of care; a withdrawal after the care started goes through the end evaluation.
 */
export const RULES_2026_12 = 1;

/** Whether the case runs by the rules of 2026-12 (started under them). */
export const byRulesOf2026_12 = (state: { rules?: number }): boolean =>
  followsRules(state, RULES_2026_12);
