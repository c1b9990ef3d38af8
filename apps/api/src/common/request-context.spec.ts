import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  currentRequestId,
  requestIdFrom,
  requestIdMiddleware,
  requestIdOf,
  restoreRequestContext,
} from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe(requestIdFrom.name, () => {
  it.each(['abc', 'A.b_c-1', 'x'.repeat(64), '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b'])(
    'accepts the safe token %s',
    (id) => expect(requestIdFrom(id)).toBe(id),
  );

  it.each(['', 'x'.repeat(65), 'has space', 'semi;colon', 'new\nline', 'ünï', '<script>', 'a/b'])(
    'replaces %j with a UUID',
    (id) => expect(requestIdFrom(id)).toMatch(UUID),
  );

  it('generates one when there is none, and takes the first of several', () => {
    expect(requestIdFrom(undefined)).toMatch(UUID);
    expect(requestIdFrom(['first', 'second'])).toBe('first');
  });
});

describe(requestIdMiddleware.name, () => {
  function fakeRequest(headers: Record<string, string>) {
    return { headers } as unknown as IncomingMessage & { id?: unknown };
  }
  function fakeResponse() {
    const headers: Record<string, string> = {};
    return {
      headers,
      setHeader: (name: string, value: string) => (headers[name] = value),
    } as unknown as ServerResponse & { headers: Record<string, string> };
  }

  it('sets req.id, the response header and the context of everything after it', async () => {
    const req = fakeRequest({ 'x-request-id': 'abc-1' });
    const res = fakeResponse();
    const seen = await new Promise<string | undefined>((resolve) =>
      requestIdMiddleware(req, res, () => setTimeout(() => resolve(currentRequestId()), 1)),
    );
    expect(seen).toBe('abc-1');
    expect(req.id).toBe('abc-1');
    expect(requestIdOf(req)).toBe('abc-1');
    expect(res.headers['X-Request-Id']).toBe('abc-1');
    expect(currentRequestId()).toBeUndefined();
  });

  it('is restored for a middleware called back from an event outside the context', async () => {
    const req = fakeRequest({});
    const res = fakeResponse();
    const socket = new EventEmitter();
    requestIdMiddleware(req, res, () => undefined);
    const seen = new Promise<string | undefined>((resolve) =>
      socket.once('end', () => restoreRequestContext(req, res, () => resolve(currentRequestId()))),
    );
    socket.emit('end'); // emitted here, outside the request's context
    expect(await seen).toBe(requestIdOf(req));
  });
});
