/**
 * The changes of the VTO's rules since its first cases, oldest first (`Process.ruleSets`). A VTO
 * runs by the rules it started under, to its end: a new one by all of them, one from before a
 * change by the older rules (`followsRules(state, level)`). Each id is the `patched()` marker in
 * the histories of the VTOs started under it: never rename or remove one.
 */
export const VTO_RULE_SETS = ['vto-rules-2026-12'] as const;

/**
 * December 2026 (issue 17, item 4: no silent waits): each step the VTO waits for is reminded
 * before its due date, to whoever is awaited: the coordinator for the parents informed
 * (`parents-informed-due`) and the beschermingsplein's decision (`decision-due`), the Raad for its
 * answer (`raad-outcome-due`). The late notice that was the reminder (`…-reminder`, marking the
 * VTO overdue; the coordinator told of the Raad's answer) comes when the due date has passed, at
 * the due hour of the next working day, no longer on the morning of the due date itself.
 */
export const RULES_2026_12 = 1;
