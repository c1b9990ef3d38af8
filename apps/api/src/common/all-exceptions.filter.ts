import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
  type LoggerService,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ErrorBody, ErrorDetail } from './error-body';
import { codeOfStatus, isErrorCode, type ErrorCode } from './error-codes';
import { errorSummary, pathOf } from './logger';
import { currentRequestId, requestIdOf } from './request-context';
import { classifyUnavailable, type UnavailableDependency } from './unavailable';
import type { Problem } from '@cjg/domain';
import { problemsFromMessages, validationSummary } from './validation';

/** How an exception is answered, before the request id is added. */
export interface ErrorOutcome {
  body: Omit<ErrorBody, 'requestId'>;
  /** Set as the Retry-After header (seconds) unless the response already has one. */
  retryAfterSeconds?: number;
  /** The dependency that is away, for a 503. */
  unavailable?: UnavailableDependency;
}

const UNAVAILABLE_MESSAGE: Record<UnavailableDependency, string> = {
  temporal: 'The workflow service is not available; try again shortly.',
  database: 'The database is not available; try again shortly.',
};

const SUMMARY: Partial<Record<number, string>> = {
  400: 'The request is not valid.',
  409: 'The request conflicts with the current state.',
  422: 'The request cannot be processed.',
};

/** Maps any exception to the stable error body; pure, so that it can be tested on its own. */
export function describeException(exception: unknown, retryAfterSeconds: number): ErrorOutcome {
  const parserError = bodyParserError(exception);
  if (parserError) return describeBodyParserError(parserError);

  const unavailable = classifyUnavailable(exception);
  if (unavailable) {
    return {
      body: outcome(
        HttpStatus.SERVICE_UNAVAILABLE,
        'unavailable',
        UNAVAILABLE_MESSAGE[unavailable],
      ),
      retryAfterSeconds,
      unavailable,
    };
  }

  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const fields: { message?: unknown; error?: unknown; details?: unknown; code?: unknown } =
      typeof response === 'object' && response !== null ? response : { message: response };
    const error =
      typeof fields.error === 'string' && fields.error !== '' ? fields.error : statusText(status);
    // A list of reasons is a failure of the status's kind (a 400's is a validation failure);
    // each reason keeps its own code, or gets the status's.
    const listed = Array.isArray(fields.message) || Array.isArray(fields.details);
    const code: ErrorCode = isErrorCode(fields.code)
      ? fields.code
      : status === HttpStatus.BAD_REQUEST && listed
        ? 'validation-failed'
        : codeOfStatus(status);
    let message =
      typeof fields.message === 'string' && fields.message !== '' ? fields.message : error;
    let details = detailsOf(fields.details, codeOfStatus(status));
    if (Array.isArray(fields.message)) {
      // Each reason a Problem with its code, or a sentence without one.
      const items = fields.message as unknown[];
      details ??= problemsFromMessages(
        items.map((item) => (typeof item === 'string' ? item : (item as Problem))),
        codeOfStatus(status),
      );
      message = summarize(status, error, items.length, details);
    }
    if (status === HttpStatus.TOO_MANY_REQUESTS) {
      message = 'Too many requests; wait the number of seconds in Retry-After and try again.';
    }
    return {
      body: { ...outcome(status, code, message, error), ...(details ? { details } : {}) },
      ...(status === HttpStatus.SERVICE_UNAVAILABLE ? { retryAfterSeconds } : {}),
    };
  }

  return {
    body: outcome(
      HttpStatus.INTERNAL_SERVER_ERROR,
      'internal',
      'Something went wrong on our side.',
    ),
  };
}

/**
 * One stable error body for every failure (see {@link ErrorBody}), with the request id that is
 * also in the X-Request-Id header and the logs. A 5xx is logged with its stack and answered
 * without internals; an unreachable Temporal or database is a 503 with Retry-After.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(
    private readonly options: { retryAfterSeconds: number } = { retryAfterSeconds: 5 },
    private readonly logger: LoggerService = new Logger('Errors'),
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request | undefined>();
    const response = http.getResponse<Response>();
    const requestId =
      (request && requestIdOf(request)) ??
      (typeof request?.id === 'string' ? request.id : undefined) ??
      currentRequestId() ??
      randomUUID();
    const { body, retryAfterSeconds, unavailable } = describeException(
      exception,
      this.options.retryAfterSeconds,
    );

    if (body.statusCode >= 500) {
      this.logger.error({
        msg: unavailable ? `${unavailable} unavailable` : 'request failed',
        requestId,
        status: body.statusCode,
        ...(request ? { method: request.method, path: pathOf(request) } : {}),
        err: errorSummary(exception),
      });
    }
    if (response.headersSent) {
      // Too late for an error body: cut the response short so the client sees it failed.
      response.destroy?.();
      return;
    }
    if (retryAfterSeconds !== undefined && response.getHeader('Retry-After') === undefined) {
      response.setHeader('Retry-After', String(retryAfterSeconds));
    }
    response.status(body.statusCode).json({ ...body, requestId } satisfies ErrorBody);
  }
}

interface BodyParserError {
  type: string;
  status: number;
  limit?: number;
}

/** Express' body parser fails with http-errors carrying `type`; Nest may wrap them as the `cause`. */
function bodyParserError(exception: unknown): BodyParserError | undefined {
  const candidates = [exception, (exception as { cause?: unknown } | null)?.cause];
  for (const candidate of candidates) {
    if (typeof candidate !== 'object' || candidate === null) continue;
    const { type, status, statusCode, limit } = candidate as Record<string, unknown>;
    const code = typeof status === 'number' ? status : statusCode;
    if (
      typeof type === 'string' &&
      /^(entity|encoding|charset|request|parameters|stream)\./.test(type) &&
      typeof code === 'number'
    ) {
      return { type, status: code, ...(typeof limit === 'number' ? { limit } : {}) };
    }
  }
  return undefined;
}

function describeBodyParserError(error: BodyParserError): ErrorOutcome {
  switch (error.type) {
    case 'entity.too.large':
      return {
        body: outcome(
          HttpStatus.PAYLOAD_TOO_LARGE,
          'body-too-large',
          error.limit !== undefined
            ? `The body is larger than the limit of ${error.limit} bytes.`
            : 'The body is too large.',
        ),
      };
    case 'entity.parse.failed':
      return {
        body: outcome(HttpStatus.BAD_REQUEST, 'invalid-json', 'The body is not valid JSON.'),
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        body: outcome(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          'unsupported-media-type',
          'The body must be JSON in UTF-8 without a content encoding the API does not support.',
        ),
      };
    case 'parameters.too.many':
      return {
        body: outcome(
          HttpStatus.PAYLOAD_TOO_LARGE,
          'body-too-large',
          'The body has too many parameters.',
        ),
      };
    case 'request.aborted':
      return {
        body: outcome(HttpStatus.BAD_REQUEST, 'body-unreadable', 'The request was aborted.'),
      };
    case 'request.size.invalid':
      return {
        body: outcome(
          HttpStatus.BAD_REQUEST,
          'body-unreadable',
          'The body does not have the size Content-Length announced.',
        ),
      };
    default:
      return error.status >= 400 && error.status < 500
        ? { body: outcome(error.status, 'body-unreadable', 'The body could not be read.') }
        : {
            body: outcome(
              HttpStatus.INTERNAL_SERVER_ERROR,
              'internal',
              'Something went wrong on our side.',
            ),
          };
  }
}

function summarize(
  status: number,
  error: string,
  count: number,
  details: readonly ErrorDetail[],
): string {
  if (details.length === 1 && details[0]!.field === '' && count === 1)
    return details[0]!.problems[0]!;
  if (details.length > 0 && details.every((detail) => detail.field !== '')) {
    return validationSummary(details);
  }
  const summary = (SUMMARY[status] ?? `${error}.`).replace(/\.$/, '');
  return `${summary}: ${count} problems (see details).`;
}

function outcome(
  statusCode: number,
  code: ErrorCode,
  message: string,
  error = statusText(statusCode),
): Omit<ErrorBody, 'requestId'> {
  return { statusCode, error, code, message };
}

function statusText(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'Server Error' : 'Error');
}

/**
 * `details` as an exception carried them (the validation pipe's, or an idempotency record's from
 * before the codes, whose entries have no `codes`: those get `fallback`), or undefined when they
 * are not a list of details.
 */
function detailsOf(value: unknown, fallback: ErrorCode): ErrorDetail[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const details: ErrorDetail[] = [];
  for (const item of value as unknown[]) {
    const { field, problems, codes } = (item ?? {}) as Partial<Record<keyof ErrorDetail, unknown>>;
    if (typeof field !== 'string' || !Array.isArray(problems)) return undefined;
    if (!problems.every((problem) => typeof problem === 'string')) return undefined;
    const given = Array.isArray(codes) && codes.length === problems.length ? codes : [];
    details.push({
      field,
      problems: problems as string[],
      codes: problems.map((_, i) =>
        isErrorCode(given[i]) ? given[i] : field === '' ? fallback : 'invalid',
      ),
    });
  }
  return details;
}
