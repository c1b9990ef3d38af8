import {
  HttpException,
  Inject,
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
import { isValidPersonId } from '@cjg/domain';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { API_CONFIG, type ApiConfig } from '../config';
import { AuditService, isReadAction, type AuditEntry, type AuditOutcome } from './audit.service';

export const AUDIT_ACTION = 'cjg:audit-action';

export interface AuditOptions {
  /** The route parameter that names the client the call concerns (`/clients/:id`). */
  clientIdParam?: string;
}

interface AuditSpec extends AuditOptions {
  action: string;
}

/**
 * Every call of this route is written to the audit trail under `action`, whatever its result.
 * An action starting with `read:` is a read of case or personal data (NEN 7513): it is written
 * before the answer leaves, and when it cannot be written the data does not leave either.
 */
export const Audited = (action: string, options: AuditOptions = {}): CustomDecorator =>
  SetMetadata(AUDIT_ACTION, { action, ...options } satisfies AuditSpec);

/** What a handler adds to its audit entry, from what it has at hand (no extra round trip). */
export interface AuditNote {
  clientId?: string;
  /** How many rows a report or list answered, when its body does not say. */
  count?: number;
  /** Other ids and codes that say what was read (a batch id). Never personal data. */
  detail?: Record<string, unknown>;
}

/** Adds to the audit entry of this request (read by the interceptor when the answer is ready). */
export function noteAudit(response: Response, note: AuditNote): void {
  response.locals.audit = { ...(response.locals.audit as AuditNote | undefined), ...note };
}

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
 * The case the call is about: the route's case number, a command's case number in its body,
 * else the process's own id (a handover, a transfer).
 */
export function subjectOf(request: Pick<Request, 'params' | 'body'>): string | undefined {
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  const fromBody = (request.body as { caseNumber?: unknown } | undefined)?.caseNumber;
  return (
    params.caseNumber ??
    (typeof fromBody === 'string' ? fromBody : undefined) ??
    params.handoverId ??
    params.transferId
  );
}

/** A client id the value names as `clientId` (a case's view, a start's body), if a valid one. */
function clientIdIn(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const clientId = (value as { clientId?: unknown }).clientId;
  return typeof clientId === 'string' && isValidPersonId(clientId) ? clientId : undefined;
}

/**
 * Writes one audit entry per audited call after it has been answered, with its outcome:
 * accepted, invalid (400 from validation), forbidden, not-found, refused by the workflow or
 * failed. Authentication failures (401) never reach a handler and are in the access log only.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT_ACTION, context.getHandler());
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const principal = request.principal;
    if (!spec || !principal) return next.handle();
    const read = isReadAction(spec.action);
    if (read && !this.config.audit.auditReads) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    const requestId =
      ((request as unknown as { id?: unknown }).id as string | undefined) ??
      (response.getHeader('x-request-id') as string | undefined);
    const routeClientId = spec.clientIdParam
      ? clientIdIn({ clientId: request.params?.[spec.clientIdParam] })
      : undefined;
    const base = {
      principal,
      action: spec.action,
      caseNumber: subjectOf(request),
      requestId,
    };
    return next.handle().pipe(
      mergeMap((body: unknown) => {
        const note = (response.locals.audit as AuditNote | undefined) ?? {};
        const entry: AuditEntry = {
          ...base,
          clientId: routeClientId ?? note.clientId ?? clientIdIn(body) ?? clientIdIn(request.body),
          outcome: 'accepted',
          statusCode: response.statusCode,
          detail: {
            ...auditDetail(body, response),
            ...(read ? readDetail(body, request, note) : {}),
          },
        };
        // A read is written before its data leaves, or the data does not leave (the error
        // answers: 503 while PostgreSQL is away). A command has already happened: it is answered.
        const written = read ? this.audit.recordRead(entry) : this.audit.record(entry);
        return from(written.then(() => body));
      }),
      catchError((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : 500;
        const reasons = reasonsOf(error);
        const detail = { ...auditDetailOf(response), ...(reasons ? { reasons } : {}) };
        return from(
          this.audit
            .record({
              ...base,
              clientId: routeClientId ?? clientIdIn(request.body),
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

const MAX_FILTER_KEYS = 20;
const MAX_FILTER_VALUE = 100;

/**
 * A list's or report's filter and how many rows it answered, not the rows (NEN 7513 asks who
 * looked at what; the filter and the count say it). The query has passed the route's whitelist
 * validation, so it holds ids, codes, dates and flags only.
 */
export function readDetail(
  body: unknown,
  request: Pick<Request, 'query'>,
  note: AuditNote = {},
): Record<string, unknown> {
  const detail: Record<string, unknown> = {};
  const filter: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.query ?? {}).slice(0, MAX_FILTER_KEYS)) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (typeof text === 'string') filter[key.slice(0, 40)] = text.slice(0, MAX_FILTER_VALUE);
  }
  if (Object.keys(filter).length > 0) detail.filter = filter;
  const page = (body && typeof body === 'object' ? body : {}) as {
    items?: unknown;
    total?: unknown;
  };
  const count = note.count ?? (Array.isArray(page.items) ? page.items.length : undefined);
  if (count !== undefined) detail.count = count;
  if (typeof page.total === 'number') detail.total = page.total;
  return { ...detail, ...note.detail };
}
