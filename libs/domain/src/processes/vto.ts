/**
 * The verzoek tot onderzoek at the Raad voor de Kinderbescherming (002 §3.6): its rules, pure and deterministic (safe in workflows).
 */

/** The letters this process sends; their Dutch texts are in libs/notifications. */
export const VTO_LETTER_KINDS = [] as const;
