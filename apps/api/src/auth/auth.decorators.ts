import {
  createParamDecorator,
  SetMetadata,
  type CustomDecorator,
  type ExecutionContext,
} from '@nestjs/common';
import type { Principal, Role } from './principal';

export const PUBLIC_ROUTE = 'cjg:public';
export const ROUTE_ROLES = 'cjg:roles';

/** Reachable without a token (health probes, API docs). */
export const Public = (): CustomDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles reach the handler; any other valid token gets 403. */
export const Roles = (...roles: Role[]): CustomDecorator => SetMetadata(ROUTE_ROLES, roles);

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The verified caller of the request in `context` (not on a public route). */
export function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
}

/** The verified caller of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) =>
  principalOf(context),
);
