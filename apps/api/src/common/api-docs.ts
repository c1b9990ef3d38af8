import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
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
