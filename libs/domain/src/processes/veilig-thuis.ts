/**
 * The Veilig Thuis warm handover (002 §3.6, §5.6): its rules, pure and deterministic (safe in workflows).
 */

/** The letters this process sends; their Dutch texts are in libs/notifications. */
export const VEILIG_THUIS_LETTER_KINDS = [] as const;
