import {
  applyDecorators,
  createParamDecorator,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiIdempotencyKey } from '../common/api-docs';
import { pathOf } from '../common/logger';
import { IdempotencyService, type IdempotentAnswer } from './idempotency.service';

/** What a route that starts or commands a process answers: the body, how, and where. */
export interface HttpAnswer<T> extends IdempotentAnswer<T> {
  /** The `Location` of what a start made (or found). */
  location?: string;
}

/** Who asks, with which Idempotency-Key, on which path: what a process service needs of a request. */
export interface Caller {
  principal: Principal;
  idempotencyKey: string | undefined;
  /** The request's path (no query string); with the body it makes the request's hash. */
  path: string;
}

interface IdempotentRequest extends Request, AuthenticatedRequest {
  idempotencyKey?: string;
}

/**
 * The idempotency headers, in one place: reads and validates `Idempotency-Key` (400 when it is
 * malformed) before the handler, and answers the handler's {@link HttpAnswer} with its status,
 * its `Location` and, for a replay, `Idempotent-Replayed: true`. Inside the audit interceptor,
 * so the audit entry sees the status and the replay.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<IdempotentRequest>();
    const response = http.getResponse<Response>();
    request.idempotencyKey = IdempotencyService.key(request.header('idempotency-key'));
    return next.handle().pipe(
      map((answer: HttpAnswer<unknown>) => {
        response.status(answer.statusCode);
        if (answer.location) response.location(answer.location);
        if (answer.replayed) response.setHeader('Idempotent-Replayed', 'true');
        return answer.body;
      }),
    );
  }
}

/** A route that starts or commands a process: its handler answers an {@link HttpAnswer}. */
export const Idempotent = () =>
  applyDecorators(UseInterceptors(IdempotencyInterceptor), ApiIdempotencyKey());

/** The {@link Caller} of an {@link Idempotent} route. */
export const CallerOf = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<IdempotentRequest>();
  if (!request.principal) throw new Error('CallerOf used on a public route');
  return {
    principal: request.principal,
    idempotencyKey: request.idempotencyKey,
    path: pathOf(request),
  };
});
