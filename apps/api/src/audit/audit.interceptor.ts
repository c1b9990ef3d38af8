import {
  HttpException,
  Injectable,
  SetMetadata,
  type CallHandler,
  type CustomDecorator,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { AuditService, type AuditOutcome } from './audit.service';

export const AUDIT_ACTION = 'cjg:audit-action';

/** Every call of this route is written to the audit trail under `action`, whatever its result. */
export const Audited = (action: string): CustomDecorator => SetMetadata(AUDIT_ACTION, action);

/**
 * Adds ids and counts to this request's audit entry, whatever its outcome (a decode's payload
 * count, never their contents).
 */
export function addAuditDetail(response: Response, detail: Record<string, unknown>): void {
  response.locals.auditDetail = { ...auditDetailOf(response), ...detail };
}

function auditDetailOf(response: Response): Record<string, unknown> {
  return (response.locals?.auditDetail as Record<string, unknown> | undefined) ?? {};
}

function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'accepted';
  if (status === 400) return 'invalid';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 422) return 'refused';
  return 'failed';
}

/** Reasons from an error answer, for the audit detail (they name ids and rules, not people). */
function reasonsOf(error: unknown): string[] | undefined {
  if (!(error instanceof HttpException)) return undefined;
  const body = error.getResponse();
  const message = typeof body === 'object' ? (body as { message?: unknown }).message : body;
  if (Array.isArray(message)) return message.map(String).slice(0, 20);
  return typeof message === 'string' ? [message] : undefined;
}

/**
 * Writes one audit entry per command after it has been answered, with its outcome: accepted,
 * invalid (400 from validation), forbidden, not-found, refused by the workflow or failed.
 * Authentication failures (401) never reach a handler and are in the access log only.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const action = this.reflector.get<string | undefined>(AUDIT_ACTION, context.getHandler());
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const principal = request.principal;
    if (!action || !principal) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    const caseNumber =
      (request.params?.caseNumber as string | undefined) ??
      (typeof request.body?.caseNumber === 'string' ? request.body.caseNumber : undefined);
    const requestId =
      ((request as unknown as { id?: unknown }).id as string | undefined) ??
      (response.getHeader('x-request-id') as string | undefined);
    const base = { principal, action, caseNumber: caseNumber?.slice(0, 40), requestId };
    return next.handle().pipe(
      mergeMap((body: unknown) =>
        from(
          this.audit
            .record({
              ...base,
              outcome: 'accepted',
              statusCode: response.statusCode,
              detail: auditDetail(body, response),
            })
            .then(() => body),
        ),
      ),
      catchError((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : 500;
        const reasons = reasonsOf(error);
        const detail = { ...auditDetailOf(response), ...(reasons ? { reasons } : {}) };
        return from(
          this.audit
            .record({
              ...base,
              outcome: outcomeOf(status),
              statusCode: status,
              ...(Object.keys(detail).length > 0 ? { detail } : {}),
            })
            .then(() => {
              throw error;
            }),
        );
      }),
    );
  }
}

function auditDetail(body: unknown, response: Response): Record<string, unknown> {
  const detail: Record<string, unknown> = { ...auditDetailOf(response) };
  if (body && typeof body === 'object') {
    const { revision, phase, created } = body as Record<string, unknown>;
    if (typeof revision === 'number') detail.revision = revision;
    if (typeof phase === 'string') detail.phase = phase;
    if (typeof created === 'boolean') detail.created = created;
  }
  if (response.getHeader('idempotent-replayed') === 'true') detail.replayed = true;
  return detail;
}
