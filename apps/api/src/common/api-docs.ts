import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  type ApiParamOptions,
} from '@nestjs/swagger';
import { ErrorBody } from './error-body';

/**
 * The answers every protected route may give besides its own: the bearer token it needs, and
 * 400, 401, 403, 429 and 503 in the one error body.
 */
export const ApiProtected = (forbidden = 'Not for this role, or outside the token scope') =>
  applyDecorators(
    ApiBearerAuth(),
    ApiBadRequestResponse({ type: ErrorBody, description: 'Malformed input; nothing was changed' }),
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
  /** The path parameter naming the process (case number, handover or transfer id). */
  param: ApiParamOptions;
  /** 200: the process's state after the command. */
  ok: { type: Type<unknown>; description: string };
  /** 404, when the controller does not document it for all its routes. */
  notFound?: string;
  /** 409: refused in this state. */
  conflict: string;
  /** 422: refused by the data, when the command can be. */
  unprocessable?: string;
}

/**
 * What a process command route (a workflow update behind `POST …/:id/<command>`) documents
 * besides its operation: the process's path parameter, the Idempotency-Key, 200 with the state
 * after the command, and its refusals (404, 409, 422) in the one error body.
 */
export const ApiCommandAnswers = (options: ApiCommandAnswersOptions) =>
  applyDecorators(
    ApiParam(options.param),
    ApiIdempotencyKey(),
    ApiOkResponse(options.ok),
    ...(options.notFound
      ? [ApiNotFoundResponse({ type: ErrorBody, description: options.notFound })]
      : []),
    ApiConflictResponse({ type: ErrorBody, description: options.conflict }),
    ...(options.unprocessable
      ? [ApiUnprocessableEntityResponse({ type: ErrorBody, description: options.unprocessable })]
      : []),
  );
