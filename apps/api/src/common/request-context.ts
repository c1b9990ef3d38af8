import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What every log line written while serving a request knows about it. */
export interface RequestContext {
  readonly requestId: string;
}

export const REQUEST_ID_HEADER = 'X-Request-Id';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

const storage = new AsyncLocalStorage<RequestContext>();
const contextOf = new WeakMap<IncomingMessage, RequestContext>();

type RequestWithId = IncomingMessage & { id?: unknown };

/** The caller's `X-Request-Id` when it is a safe token, otherwise a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** The request id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The id {@link requestIdMiddleware} gave this request. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  return contextOf.get(req)?.requestId;
}

/**
 * The first middleware: gives the request its id (`req.id`, the `X-Request-Id` response header)
 * and runs the rest of the request inside its context, so that every log line carries the id.
 */
export function requestIdMiddleware(
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  const context: RequestContext = { requestId: requestIdFrom(req.headers['x-request-id']) };
  contextOf.set(req, context);
  (req as RequestWithId).id = context.requestId;
  res.setHeader(REQUEST_ID_HEADER, context.requestId);
  storage.run(context, next);
}

/**
 * Re-enters the request's context. Stream-based middleware (the body parser) calls `next` from
 * socket events, outside the context {@link requestIdMiddleware} opened; this restores it.
 */
export function restoreRequestContext(
  req: IncomingMessage,
  _res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  const context = contextOf.get(req);
  if (!context || storage.getStore() === context) return next();
  storage.run(context, next);
}

/** Runs `fn` inside a request context; for tests and background work tied to a request. */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}
