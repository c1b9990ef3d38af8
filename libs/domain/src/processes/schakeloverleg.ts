/**
 * The Schakeloverleg transfer from the forced to the voluntary frame (000): its rules, pure and deterministic (safe in workflows).
 */

/** The letters this process sends; their Dutch texts are in libs/notifications. */
export const SCHAKELOVERLEG_LETTER_KINDS = [] as const;
