import type { ServerResponse } from 'node:http';
import {
  accessLogFields,
  createLogger,
  errorSummary,
  formatTextLine,
  loggerOptionsFromEnv,
  PinoLoggerService,
} from './logger';
import { runWithRequestId } from './request-context';

/** None of the secrets is anywhere in the written lines (named, so a failure says which). */
function expectNoneIn(lines: Record<string, unknown>[], secrets: string[]): void {
  const text = JSON.stringify(lines);
  const found = secrets.filter((secret) => text.includes(secret));
  expect(found).toEqual([]);
}

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(
    { level: 'debug', pretty: false },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}

describe(PinoLoggerService.name, () => {
  it('writes Nest log calls as JSON with context and the current request id', () => {
    const { logger, lines } = capture();
    const service = new PinoLoggerService(logger);
    runWithRequestId('req-9', () => service.log('started', 'Bootstrap'));
    service.warn({ msg: 'slow', ms: 1200 }, 'Trajectories');
    service.verbose('not at debug level');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'started',
        context: 'Bootstrap',
        requestId: 'req-9',
      }),
      expect.objectContaining({ level: 'warn', msg: 'slow', ms: 1200, context: 'Trajectories' }),
    ]);
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('tells a stack from a context in error calls', () => {
    const { logger, lines } = capture();
    const service = new PinoLoggerService(logger);
    const stack = new Error('x').stack!;
    service.error('failed', stack, 'ExceptionHandler');
    service.error('failed too', 'Scheduler');
    service.error(new Error('thrown'));
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'failed',
      context: 'ExceptionHandler',
      stack,
    });
    expect(lines[1]).toMatchObject({ msg: 'failed too', context: 'Scheduler' });
    expect(lines[2]).toMatchObject({ msg: 'thrown', err: { type: 'Error', message: 'thrown' } });
  });

  it('redacts personal data that slips into a log call', () => {
    const { logger, lines } = capture();
    const service = new PinoLoggerService(logger);
    service.log({
      msg: 'oops',
      email: 'a@b.nl',
      client: {
        name: 'Jan Jansen',
        bsn: '111222333',
        address: 'Dorpsstraat 1',
        dateOfBirth: '2015-01-01',
      },
    });
    logger.info({ req: { headers: { authorization: 'Bearer secret' } } }, 'headers');
    expectNoneIn(lines, [
      'a@b.nl',
      'Jan Jansen',
      '111222333',
      'Dorpsstraat',
      '2015-01-01',
      'Bearer secret',
    ]);
    expect(lines[0]).toMatchObject({ email: '[redacted]', client: { name: '[redacted]' } });
  });

  it('redacts personal data at any depth, in arrays, in errors and in the message', () => {
    const { logger, lines } = capture();
    const service = new PinoLoggerService(logger);
    const nested = {
      msg: 'import failed',
      batch: {
        rows: [
          {
            caseNumber: 'CJG-2026-000123',
            client: { person: { name: 'Sam Jansen', bsn: '111222333' } },
          },
          [
            {
              contact: { emailAddress: 'ouders.jansen@gezin.example', phone_number: '0612345678' },
            },
          ],
        ],
        request: { headers: { Authorization: 'Bearer eyJhbGciOi.secret.sig', cookie: 'sid=1' } },
        plan: { results: [{ id: 'school', description: 'Sam gaat weer naar school' }] },
        vto: { deeper: { still: { explanation: 'Vader slaat', answerToken: 'p.mac' } } },
        cause: Object.assign(new Error('550 <ouders.jansen@gezin.example> rejected'), {
          rejected: ['ouders.jansen@gezin.example'],
        }),
      },
    };
    service.warn(nested, 'Import');
    logger.info(
      { a: { b: { c: { d: { e: { f: { g: { h: { dateOfBirth: '2015-01-01' } } } } } } } } },
      'deep',
    );
    logger.info('mail to ouders.jansen@gezin.example failed, Bearer abc.def.ghi');
    expectNoneIn(lines, [
      'Sam Jansen',
      '111222333',
      'ouders.jansen@gezin.example',
      '0612345678',
      'eyJhbGciOi',
      'sid=1',
      'Sam gaat weer naar school',
      'Vader slaat',
      'p.mac',
      '2015-01-01',
      'abc.def.ghi',
    ]);
    // Ids and codes stay readable.
    expect(lines[0]).toMatchObject({
      context: 'Import',
      batch: {
        rows: [
          { caseNumber: 'CJG-2026-000123', client: { person: { name: '[redacted]' } } },
          [{ contact: { emailAddress: '[redacted]' } }],
        ],
        plan: { results: [{ id: 'school', description: '[redacted]' }] },
        cause: { type: 'Error', message: '550 <[email]> rejected' },
      },
    });
    expect(lines[2]!.msg).toBe('mail to [email] failed, Bearer [redacted]');
  });

  it('logs errors as type, message, code and stack only', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('duplicate key'), {
      code: '23505',
      parameters: ['111222333'],
      detail: 'Key (bsn)=(111222333) already exists.',
    });
    logger.error({ err: error }, 'failed');
    expect(lines[0]!.err).toEqual({
      type: 'Error',
      message: 'duplicate key',
      code: '23505',
      stack: error.stack,
    });
    expect(errorSummary('plain')).toEqual({ type: 'string', message: 'plain' });
  });
});

describe(accessLogFields.name, () => {
  it('has method, path without query, route, status, duration, request id and actor ids only', () => {
    const req = {
      method: 'GET',
      url: '/c/1?q=Jansen',
      originalUrl: '/clients/client-1?q=Jansen',
      headers: {},
      route: { path: '/clients/:id' },
      principal: { sub: 'coord-anna', role: 'coordinator', name: 'Anna', email: 'anna@cjg.nl' },
    };
    const res = { statusCode: 200, writableFinished: true } as ServerResponse;
    const fields = runWithRequestId('req-3', () => accessLogFields(req as never, res, 12));
    expect(fields).toEqual({
      context: 'HTTP',
      requestId: 'req-3',
      method: 'GET',
      path: '/clients/client-1',
      route: '/clients/:id',
      status: 200,
      durationMs: 12,
      actor: { sub: 'coord-anna', role: 'coordinator' },
    });
  });

  it('leaves the actor out when nobody signed in', () => {
    const res = { statusCode: 401, writableFinished: true } as ServerResponse;
    const fields = accessLogFields(
      { method: 'POST', url: '/trajectories', headers: {} } as never,
      res,
      1,
    );
    expect(fields).not.toHaveProperty('actor');
    expect(fields).toMatchObject({ path: '/trajectories', status: 401 });
  });
});

describe(loggerOptionsFromEnv.name, () => {
  it('reads LOG_LEVEL and LOG_FORMAT, defaulting to text on a terminal', () => {
    expect(loggerOptionsFromEnv({}, false)).toEqual({ level: 'info', pretty: false });
    expect(loggerOptionsFromEnv({}, true)).toEqual({ level: 'info', pretty: true });
    expect(loggerOptionsFromEnv({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'json' }, true)).toEqual({
      level: 'debug',
      pretty: false,
    });
    expect(loggerOptionsFromEnv({ LOG_FORMAT: 'pretty' }, false).pretty).toBe(true);
    expect(() => loggerOptionsFromEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loggerOptionsFromEnv({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});

describe(formatTextLine.name, () => {
  it('prints one readable line', () => {
    const line = JSON.stringify({
      level: 'info',
      time: '2026-01-02T03:04:05.678Z',
      service: 'cjg-api',
      pid: 1,
      hostname: 'h',
      context: 'HTTP',
      msg: 'GET /health 200',
      status: 200,
      requestId: 'r-1',
    });
    expect(formatTextLine(line)).toBe(
      '03:04:05.678 INFO  [HTTP] GET /health 200 {"status":200} (r-1)\n',
    );
  });
});
