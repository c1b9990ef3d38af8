import {
  BadRequestException,
  ConflictException,
  HttpException,
  NotFoundException,
  UnprocessableEntityException,
  type ArgumentsHost,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ServiceError } from '@temporalio/client';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter, describeException } from './all-exceptions.filter';
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
const errorBody = (statusCode: number, error: string, message: string, more: object = {}) => ({
  statusCode,
  error,
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
    expect(body).toEqual(errorBody(404, 'Not Found', 'No trajectory with case number X'));
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('passes validation details through', () => {
    const { status, body } = run(
      new RequestValidationException([
        { field: 'plan.results[0].id', problems: ['must be a string'] },
      ]),
    );
    expect(status).toBe(400);
    expect(body).toEqual(
      errorBody(400, 'Bad Request', 'The request has an invalid field: plan.results[0].id.', {
        details: [{ field: 'plan.results[0].id', problems: ['must be a string'] }],
      }),
    );
  });

  it('puts an array message into details with field "" and sums it up in message', () => {
    expect(
      run(new ConflictException(['the plan is not approved', 'the case has ended'])).body,
    ).toEqual(
      errorBody(
        409,
        'Conflict',
        'The request conflicts with the current state: 2 problems (see details).',
        { details: [{ field: '', problems: ['the plan is not approved', 'the case has ended'] }] },
      ),
    );
    expect(
      run(new UnprocessableEntityException(['clientId c-1 is not a registered client'])).body,
    ).toEqual(
      errorBody(422, 'Unprocessable Entity', 'clientId c-1 is not a registered client', {
        details: [{ field: '', problems: ['clientId c-1 is not a registered client'] }],
      }),
    );
  });

  it('names unknown properties thrown as "property x should not exist"', () => {
    expect(run(new BadRequestException(['property reason should not exist'])).body).toMatchObject({
      statusCode: 400,
      message: 'The request has an invalid field: reason.',
      details: [{ field: 'reason', problems: ['is not allowed'] }],
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
      expect(body).toMatchObject({ message: 'The database is not available; try again shortly.' });
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
        errorBody(413, 'Payload Too Large', 'The body is larger than the limit of 65536 bytes.'),
      );
      expect(logger.error).not.toHaveBeenCalled();
    }
    const parse = Object.assign(new SyntaxError('Unexpected token } in JSON: "{"bsn": 1}"'), {
      status: 400,
      type: 'entity.parse.failed',
    });
    expect(run(parse).body).toMatchObject({
      statusCode: 400,
      message: 'The body is not valid JSON.',
    });
    expect(JSON.stringify(run(parse).body)).not.toContain('bsn');
    const charset = Object.assign(new Error('unsupported charset "LATIN-9"'), {
      status: 415,
      type: 'charset.unsupported',
    });
    expect(run(charset).status).toBe(415);
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
    expect(body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });

  it('hides the internals of anything else and logs them', () => {
    const { status, body, logger } = run(
      new TypeError("Cannot read properties of undefined (reading 'bsn')"),
    );
    expect(status).toBe(500);
    expect(body).toEqual(
      errorBody(500, 'Internal Server Error', 'Something went wrong on our side.'),
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
