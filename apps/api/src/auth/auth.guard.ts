import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { PUBLIC_ROUTE, ROUTE_ROLES, type AuthenticatedRequest } from './auth.decorators';
import { PrincipalError, type Principal, type Role } from './principal';
import { TokenVerifier } from './token-verifier';

/**
 * The principal of a request's `Authorization: Bearer <token>`: 401 (with `WWW-Authenticate`)
 * without one or with a bad one, 403 when the token is valid but gives no usable role or scope.
 */
export async function authenticate(
  verifier: TokenVerifier,
  request: Pick<Request, 'headers'>,
  response: Pick<Response, 'setHeader'>,
): Promise<Principal> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
  if (!match) {
    response.setHeader('WWW-Authenticate', 'Bearer');
    throw new UnauthorizedException(
      header ? 'The Authorization header must be "Bearer <token>"' : 'A bearer token is required',
    );
  }
  try {
    return await verifier.verify(match[1]!);
  } catch (error) {
    if (error instanceof UnauthorizedException) {
      response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
    }
    if (error instanceof PrincipalError) throw new ForbiddenException(error.message);
    throw error;
  }
}

/**
 * Every route needs a valid bearer token unless marked @Public: 401 without one or with a bad
 * one, 403 when the token is valid but its role may not use the route. Finer rules (which
 * municipality, which provider) are checked where the trajectory is known.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & AuthenticatedRequest>();
    request.principal = await authenticate(this.verifier, request, http.getResponse<Response>());
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (roles && !roles.includes(request.principal.role)) {
      throw new ForbiddenException(`The ${request.principal.role} role may not use this route`);
    }
    return true;
  }
}
