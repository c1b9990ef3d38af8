import { HttpStatus } from '@nestjs/common';
import { isProblemCode, PROBLEM_CODES, type ProblemCode } from '@cjg/domain';

/**
 * The codes of a failed request as a whole (the error body's `code`); the reasons a request is
 * refused for (`details[].codes`, and `code` when one reason is the whole answer) are the domain's
 * PROBLEM_CODES. Stable: add a code for a new kind of failure, never rename or remove one. The web
 * app has one Dutch text per code (apps/web/src/texts/refusals.ts; its typecheck fails on a code
 * without one).
 */
export const REQUEST_ERROR_CODES = [
  /** 400: fields of the body, query or path are invalid (each in `details`). */
  'validation-failed',
  /** 400 without a more precise code. */
  'bad-request',
  /** 400: the body is not valid JSON. */
  'invalid-json',
  /** 400: the body could not be read (aborted, or not the size announced). */
  'body-unreadable',
  /** 400: a path parameter (case number, id) is malformed. */
  'invalid-path',
  /** 400: the Idempotency-Key header is malformed. */
  'invalid-idempotency-key',
  /** 401: no bearer token, or one that is not accepted. */
  'unauthenticated',
  /** 403: not for this role, or outside the token's scope. */
  'forbidden',
  /** 403: a partner's access to a closed case has ended. */
  'access-ended',
  /** 404: no such thing, or the route does not exist. */
  'not-found',
  /** 409: the request conflicts with the current state (the reasons in `details`). */
  'state-conflict',
  /** 409: the process (trajectory, handover, transfer, VTO) has ended; it takes no more commands. */
  'process-ended',
  /** 409: the client still has an open trajectory (destruction of personal data waits for it). */
  'case-still-open',
  /** 409: the client's personal data was destroyed; register the person under a new id. */
  'personal-data-destroyed',
  /** 413: the body is larger than the limit, or has too many parameters. */
  'body-too-large',
  /** 415: the body is not JSON in UTF-8, or has an encoding the API does not take. */
  'unsupported-media-type',
  /** 422: the request cannot be processed (the reasons in `details`). */
  'refused',
  /** 422: this Idempotency-Key was used for another request. */
  'idempotency-key-reused',
  /** Client answer links (answers/): the link is not valid. */
  'answer-link-invalid',
  /** Client answer links: the link belongs to another case. */
  'answer-link-wrong-case',
  /** Client answer links: the link has expired (410). */
  'answer-link-expired',
  /** Client answer links: the link has been used already. */
  'answer-link-used',
  /** Client answer links: the question is no longer open. */
  'question-closed',
  /** Client answer links: the form was sent without a (valid) answer. */
  'answer-invalid',
  /** 429: too many requests; wait Retry-After seconds. */
  'rate-limited',
  /** 500: something went wrong on the API's side (logged under the request id). */
  'internal',
  /** 503: Temporal, a worker, the database or the identity provider is away; retry later. */
  'unavailable',
] as const;

/** Every code the API answers with, in `code` and in `details[].codes`: the OpenAPI enum ErrorCode. */
export const ERROR_CODES = [...REQUEST_ERROR_CODES, ...PROBLEM_CODES] as const;

export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];
export type ErrorCode = RequestErrorCode | ProblemCode;

export function isErrorCode(value: unknown): value is ErrorCode {
  return (
    isProblemCode(value) ||
    (typeof value === 'string' && (REQUEST_ERROR_CODES as readonly string[]).includes(value))
  );
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'bad-request',
  [HttpStatus.UNAUTHORIZED]: 'unauthenticated',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.NOT_FOUND]: 'not-found',
  [HttpStatus.CONFLICT]: 'state-conflict',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'body-too-large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported-media-type',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'refused',
  [HttpStatus.TOO_MANY_REQUESTS]: 'rate-limited',
  [HttpStatus.INTERNAL_SERVER_ERROR]: 'internal',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'unavailable',
};

/** The code of a failure that names none of its own: by its status. */
export function codeOfStatus(status: number): ErrorCode {
  return STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'bad-request');
}

/**
 * The response of an HttpException whose one reason is the whole answer, with its code:
 * `throw new ConflictException(coded('process-ended', 'The trajectory … has ended'))`. A list of
 * reasons is thrown as a list of Problems instead (`new UnprocessableEntityException(problems)`).
 */
export function coded(code: ErrorCode, message: string): { code: ErrorCode; message: string } {
  return { code, message };
}
