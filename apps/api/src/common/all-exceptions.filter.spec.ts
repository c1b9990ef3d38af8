import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  GoneException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnauthorizedException,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
  type ArgumentsHost,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ServiceError } from '@temporalio/client';
import { QueryFailedError } from 'typeorm';
import { problem } from '@cjg/domain';
import { AllExceptionsFilter, describeException } from './all-exceptions.filter';
import { coded, ERROR_CODES } from './error-codes';
import { RequestValidationException } from './validation';

function fakeHost(requestId = 'req-1', headers: Record<string, string> = {}) {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = {
    headers: { ...headers },
  };
  const response = {
    headersSent: false,
    getHeader: (name: string) => sent.headers[name],
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const request = { id: requestId, method: 'POST', url: '/trajectories?x=1', headers: {} };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
    getType: () => 'http',
  } as unknown as ArgumentsHost;
  return { host, sent };
}

function run(exception: unknown, headers?: Record<string, string>) {
  const logger = { log: jest.fn(), error: jest.fn(), warn: jest.fn() };
  const filter = new AllExceptionsFilter({ retryAfterSeconds: 5 }, logger);
  const { host, sent } = fakeHost('req-1', headers);
  filter.catch(exception, host);
  return { ...sent, logger };
}

/** The body the filter answers for request req-1. */
const errorBody = (
  statusCode: number,
  error: string,
  code: string,
  message: string,
  more: object = {},
) => ({
  statusCode,
  error,
  code,
  message,
  ...more,
  requestId: 'req-1',
});

const pgRefused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
    code: 'ECONNREFUSED',
    errno: -111,
  });

describe(AllExceptionsFilter.name, () => {
  it('keeps the status and message of an HttpException and adds the request id', () => {
    const { status, body, logger } = run(new NotFoundException('No trajectory with case number X'));
    expect(status).toBe(404);
    expect(body).toEqual(
      errorBody(404, 'Not Found', 'not-found', 'No trajectory with case number X'),
    );
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('passes validation details through', () => {
    const { status, body } = run(
      new RequestValidationException([
        { field: 'plan.results[0].id', problems: ['must be a string'], codes: ['wrong-type'] },
      ]),
    );
    expect(status).toBe(400);
    expect(body).toEqual(
      errorBody(
        400,
        'Bad Request',
        'validation-failed',
        'The request has an invalid field: plan.results[0].id.',
        {
          details: [
            { field: 'plan.results[0].id', problems: ['must be a string'], codes: ['wrong-type'] },
          ],
        },
      ),
    );
  });

  it('puts an array message into details with field "" and sums it up in message', () => {
    expect(
      run(new ConflictException(['the plan is not approved', 'the case has ended'])).body,
    ).toEqual(
      errorBody(
        409,
        'Conflict',
        'state-conflict',
        'The request conflicts with the current state: 2 problems (see details).',
        {
          details: [
            {
              field: '',
              problems: ['the plan is not approved', 'the case has ended'],
              codes: ['state-conflict', 'state-conflict'],
            },
          ],
        },
      ),
    );
    expect(
      run(new UnprocessableEntityException(['clientId c-1 is not a registered client'])).body,
    ).toEqual(
      errorBody(422, 'Unprocessable Entity', 'refused', 'clientId c-1 is not a registered client', {
        details: [
          { field: '', problems: ['clientId c-1 is not a registered client'], codes: ['refused'] },
        ],
      }),
    );
  });

  it('gives each problem of a list its own code, parallel to the messages', () => {
    const body = run(
      new ConflictException([
        problem('divergence-pending', 'a divergence is still to be decided'),
        'a reason without a code',
        problem('plan-not-signed-off', 'plan deel 1 is not signed off yet'),
      ]),
    ).body as { code: string; details: Array<{ problems: string[]; codes: string[] }> };
    expect(body.code).toBe('state-conflict');
    expect(body.details).toEqual([
      {
        field: '',
        problems: [
          'a divergence is still to be decided',
          'a reason without a code',
          'plan deel 1 is not signed off yet',
        ],
        codes: ['divergence-pending', 'state-conflict', 'plan-not-signed-off'],
      },
    ]);
    // One problem is the whole answer: its message is the body's message.
    expect(
      run(new UnprocessableEntityException([problem('not-registered', 'x is not registered')]))
        .body,
    ).toMatchObject({
      code: 'refused',
      message: 'x is not registered',
      details: [{ field: '', problems: ['x is not registered'], codes: ['not-registered'] }],
    });
    // A list of reasons in a 400 is a validation failure.
    expect(
      run(new BadRequestException([problem('required', 'familyId is required')])).body,
    ).toMatchObject({ code: 'validation-failed' });
  });

  it('keeps the code of a single reason thrown with one', () => {
    expect(
      run(new ConflictException(coded('process-ended', 'The trajectory X has ended'))).body,
    ).toEqual(errorBody(409, 'Conflict', 'process-ended', 'The trajectory X has ended'));
    // A code that is not one of the API's is not passed on.
    expect(
      run(new ConflictException({ code: 'made-up', message: 'The trajectory X has ended' })).body,
    ).toMatchObject({ code: 'state-conflict' });
  });

  it('answers each status with its code when the exception names none', () => {
    const cases: Array<[HttpException, string]> = [
      [new BadRequestException('x'), 'bad-request'],
      [new UnauthorizedException('x'), 'unauthenticated'],
      [new ForbiddenException('x'), 'forbidden'],
      [new NotFoundException('x'), 'not-found'],
      [new ConflictException('x'), 'state-conflict'],
      [new GoneException('x'), 'bad-request'],
      [new PayloadTooLargeException('x'), 'body-too-large'],
      [new UnsupportedMediaTypeException('x'), 'unsupported-media-type'],
      [new UnprocessableEntityException('x'), 'refused'],
      [new ThrottlerException(), 'rate-limited'],
      [new HttpException('x', 500), 'internal'],
      [new HttpException('x', 502), 'internal'],
      [new ServiceUnavailableException('x'), 'unavailable'],
    ];
    for (const [exception, code] of cases) {
      const { body } = run(exception);
      expect({ status: exception.getStatus(), code: (body as { code: string }).code }).toEqual({
        status: exception.getStatus(),
        code,
      });
      expect(ERROR_CODES).toContain(code);
    }
  });

  it('gives the details of a stored answer from before the codes a code for each problem', () => {
    // An idempotency record replays the response it kept; one kept before the codes has none.
    const body = run(
      new HttpException(
        {
          statusCode: 400,
          error: 'Bad Request',
          message: 'The request has invalid fields: extra, reason.',
          details: [
            { field: 'extra', problems: ['is not allowed'] },
            { field: '', problems: ['a', 'b'], codes: ['required'] },
          ],
        },
        400,
      ),
    ).body as { code: string; details: unknown };
    expect(body.code).toBe('validation-failed');
    expect(body.details).toEqual([
      { field: 'extra', problems: ['is not allowed'], codes: ['invalid'] },
      { field: '', problems: ['a', 'b'], codes: ['bad-request', 'bad-request'] },
    ]);
  });

  it('names unknown properties thrown as "property x should not exist"', () => {
    expect(run(new BadRequestException(['property reason should not exist'])).body).toMatchObject({
      statusCode: 400,
      code: 'validation-failed',
      message: 'The request has an invalid field: reason.',
      details: [{ field: 'reason', problems: ['is not allowed'], codes: ['not-allowed'] }],
    });
  });

  it('answers a Temporal ServiceError with 503 and Retry-After, logged with its stack', () => {
    const { status, body, headers, logger } = run(new ServiceError('Failed to query workflow'));
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('5');
    expect(body).toEqual(
      errorBody(
        503,
        'Service Unavailable',
        'unavailable',
        'The workflow service is not available; try again shortly.',
      ),
    );
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({
        requestId: 'req-1',
        status: 503,
        path: '/trajectories',
        err: expect.objectContaining({ type: 'ServiceError', stack: expect.any(String) }),
      }),
    );
  });

  it('answers the database being unreachable with 503, raw or inside a TypeORM error', () => {
    for (const error of [
      pgRefused(),
      new QueryFailedError('SELECT 1', ['111222333'], pgRefused()),
    ]) {
      const { status, body, headers, logger } = run(error);
      expect(status).toBe(503);
      expect(headers['Retry-After']).toBe('5');
      expect(body).toMatchObject({
        code: 'unavailable',
        message: 'The database is not available; try again shortly.',
      });
      expect(JSON.stringify(logger.error.mock.calls)).not.toContain('111222333');
    }
  });

  it('maps body-parser errors, raw or as Nest wraps them', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      statusCode: 413,
      expose: true,
      type: 'entity.too.large',
      limit: 65536,
      length: 100000,
    });
    for (const exception of [
      tooLarge,
      new HttpException(tooLarge.message, 413, { cause: tooLarge }),
    ]) {
      const { status, body, logger } = run(exception);
      expect(status).toBe(413);
      expect(body).toEqual(
        errorBody(
          413,
          'Payload Too Large',
          'body-too-large',
          'The body is larger than the limit of 65536 bytes.',
        ),
      );
      expect(logger.error).not.toHaveBeenCalled();
    }
    const parse = Object.assign(new SyntaxError('Unexpected token } in JSON: "{"bsn": 1}"'), {
      status: 400,
      type: 'entity.parse.failed',
    });
    expect(run(parse).body).toMatchObject({
      statusCode: 400,
      code: 'invalid-json',
      message: 'The body is not valid JSON.',
    });
    expect(JSON.stringify(run(parse).body)).not.toContain('bsn');
    const charset = Object.assign(new Error('unsupported charset "LATIN-9"'), {
      status: 415,
      type: 'charset.unsupported',
    });
    expect(run(charset).status).toBe(415);
    expect(run(charset).body).toMatchObject({ code: 'unsupported-media-type' });
    const aborted = Object.assign(new Error('request aborted'), {
      status: 400,
      type: 'request.aborted',
    });
    expect(run(aborted).body).toMatchObject({ statusCode: 400, code: 'body-unreadable' });
    const encoding = Object.assign(new Error('unsupported content encoding "br2"'), {
      status: 415,
      type: 'encoding.unsupported',
    });
    expect(run(encoding).body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
  });

  it('keeps the throttler Retry-After and says what to do', () => {
    const { status, body, headers } = run(new ThrottlerException(), { 'Retry-After': '42' });
    expect(status).toBe(429);
    expect(headers['Retry-After']).toBe('42');
    expect(body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'rate-limited',
    });
  });

  it('hides the internals of anything else and logs them', () => {
    const { status, body, logger } = run(
      new TypeError("Cannot read properties of undefined (reading 'bsn')"),
    );
    expect(status).toBe(500);
    expect(body).toEqual(
      errorBody(500, 'Internal Server Error', 'internal', 'Something went wrong on our side.'),
    );
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({
        requestId: 'req-1',
        err: expect.objectContaining({ type: 'TypeError' }),
      }),
    );
  });
});

describe(describeException.name, () => {
  it('gives a 503 HttpException (health) a Retry-After too', () => {
    expect(
      describeException(new HttpException('Service Unavailable', 503), 9).retryAfterSeconds,
    ).toBe(9);
    expect(describeException(new NotFoundException(), 9).retryAfterSeconds).toBeUndefined();
  });
});
