import type { HandoverCommandType } from '@cjg/domain';
import type { Role } from '../auth/principal';
import { partnerProcessAccess } from '../processes/process-access';

/**
 * Who gives which command (the routes' @Roles are made from it; it also narrows the
 * `allowedCommands` a caller sees). Veilig Thuis hands over and may withdraw; the CJG's team
 * lead or a coordinator accepts or refuses; the coordinators run the rest. Ops read only.
 */
export const HANDOVER_COMMAND_ROLES: Readonly<Record<HandoverCommandType, readonly Role[]>> = {
  accept: ['coordinator', 'team-lead'],
  refuse: ['coordinator', 'team-lead'],
  planMeeting: ['coordinator'],
  recordMeeting: ['coordinator'],
  startTrajectory: ['coordinator'],
  closeWithBasicSupport: ['coordinator'],
  withdraw: ['veilig-thuis'],
};

/**
 * The handover's access table (processes/process-access.ts). Who may see and act on a handover:
 * the Veilig Thuis organisation that handed it over, the coordinators and team leads of its
 * municipality, and ops (reading). The facts are its row.
 */
export const HANDOVER_ACCESS = partnerProcessAccess('veilig-thuis', HANDOVER_COMMAND_ROLES, {
  partner: 'the handover belongs to another organisation',
  municipality: 'the handover belongs to a municipality outside the token scope',
});

/** Whether the principal may see this handover. */
export const canSeeHandover = HANDOVER_ACCESS.canSee;
