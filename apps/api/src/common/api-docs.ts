import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
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
