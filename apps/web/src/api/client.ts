import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type ErrorBody = Schemas['ErrorBody'];

let accessToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** Set by the session: every call carries the token; a 401 ends the session. */
export function setAccessToken(token: string | undefined, whenRefused?: () => void): void {
  accessToken = token;
  onUnauthorized = whenRefused;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && accessToken) onUnauthorized?.();
    return response;
  },
};

/**
 * The API, typed from docs/openapi.json (src/api/schema.d.ts, `npm run openapi` writes both): a
 * route or field the API no longer has fails the typecheck.
 */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/** A new Idempotency-Key: one per submit of a form, kept for its retries. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** The API's error body when `error` is one, for the refusal texts. */
export function asErrorBody(error: unknown): ErrorBody | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const body = error as Partial<ErrorBody>;
  return typeof body.statusCode === 'number' && typeof body.message === 'string'
    ? (body as ErrorBody)
    : undefined;
}
