import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
  type ApiResponseOptions,
} from '@nestjs/swagger';
import { ErrorBody } from './error-body';

/**
 * What the body parsers answer on any route before it is reached (common/http.config.ts:
 * BODY_LIMIT, JSON in UTF-8 only): 413 and 415 in the one error body.
 */
export const ApiBodyRefusals = () =>
  applyDecorators(
    ApiPayloadTooLargeResponse({
      type: ErrorBody,
      description: 'The body is larger than BODY_LIMIT, or has too many parameters',
    }),
    ApiUnsupportedMediaTypeResponse({
      type: ErrorBody,
      description: 'The body is not JSON in UTF-8, or has a content encoding the API does not take',
    }),
  );

/**
 * The answers every protected route may give besides its own: the bearer token it needs, and
 * 400, 401, 403, 413, 415, 429 and 503 in the one error body.
 */
export const ApiProtected = (forbidden = 'Not for this role, or outside the token scope') =>
  applyDecorators(
    ApiBearerAuth(),
    ApiBadRequestResponse({ type: ErrorBody, description: 'Malformed input; nothing was changed' }),
    ApiBodyRefusals(),
    ApiUnauthorizedResponse({
      type: ErrorBody,
      description:
        'No bearer token, or one that is expired, wrongly signed or for another audience',
    }),
    ApiForbiddenResponse({ type: ErrorBody, description: forbidden }),
    ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Rate limit; see Retry-After' }),
    ApiServiceUnavailableResponse({
      type: ErrorBody,
      description: 'Temporal, a worker or the database is away; retry after Retry-After seconds',
    }),
  );

/** The optional Idempotency-Key header of a route that changes something. */
export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A key of your own (e.g. a UUID): a retry with the same key has its effect once',
  });

export interface ApiCommandAnswersOptions {
  /** 200: the process's state after the command. */
  ok: ApiResponseOptions;
  /** 404: no process with this id. */
  notFound: string;
  /** 409: refused in this state. */
  conflict: string;
  /** 422: refused by the data, when the command can be. */
  unprocessable?: string;
}

/**
 * What a process command route (a workflow update behind `POST …/:id/<command>`) answers
 * besides the answers of every protected route: 200 with the state after the command, and its
 * refusals (404, 409, 422) in the one error body.
 */
export const ApiCommandAnswers = (options: ApiCommandAnswersOptions) =>
  applyDecorators(
    ApiOkResponse(options.ok),
    ApiNotFoundResponse({ type: ErrorBody, description: options.notFound }),
    ApiConflictResponse({ type: ErrorBody, description: options.conflict }),
    ...(options.unprocessable
      ? [ApiUnprocessableEntityResponse({ type: ErrorBody, description: options.unprocessable })]
      : []),
  );
