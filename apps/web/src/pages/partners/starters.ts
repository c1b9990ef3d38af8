import type { Role } from '../../auth/session';

/**
 * Who may start a partner process (the API's POST routes decide; these only show the forms and
 * their links): a handover Veilig Thuis (veilig-thuis.controller.ts), a Schakeloverleg transfer
 * the GI (schakeloverleg.controller.ts; no CJG role proposes one), a VTO a coordinator
 * (vto.controller.ts).
 */
export const HANDOVER_STARTERS: readonly Role[] = ['veilig-thuis'];
export const TRANSFER_STARTERS: readonly Role[] = ['gi'];
export const VTO_STARTERS: readonly Role[] = ['coordinator'];
