/**
 * The changes of the Veilig Thuis handover's rules since its first cases, oldest first
 * (`Process.ruleSets`). A handover runs by the rules it started under, to its end: a new one by
 * all of them, one from before a change by the older rules (`followsRules(state, level)`). Each id
 * is the `patched()` marker in the histories of the handovers started under it: never rename or
 * remove one.
 */
export const VEILIG_THUIS_RULE_SETS = [
  'veilig-thuis-rules-2026-12',
  'veilig-thuis-rules-2026-12-waits',
] as const;

/**
 * December 2026 (issue 17): Veilig Thuis judges safety, so the CJG refuses a handover only for
 * another region or lack of competence (the reasons themselves are checked for every handover,
 * codes.ts); each refusal is escalated to the municipality's handover lead
 * (`vt-refusal-escalated`).
 */
export const RULES_2026_12 = 1;

/**
 * December 2026 (issue 17, item 4: no silent waits): every step the handover waits for is
 * reminded before its last day, to whoever is awaited. The handover lead is reminded of a
 * handover to accept or refuse (`accept-reminder`), the coordinator of the outcome Veilig Thuis
 * is owed (`feedback-reminder`); the meeting already was. The escalations stay as they were. A
 * rule set of its own: handovers started under RULES_2026_12 keep their waits.
 */
export const RULES_2026_12_WAITS = 2;
