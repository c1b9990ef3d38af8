import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from './error-codes';

/** The problems of one field; `field` is '' when they concern the request as a whole. */
export class ErrorDetail {
  @ApiProperty({
    description:
      "Path of the field: dotted for objects, indexed for arrays (`plan.results[0].id`); '' when the problems concern the request as a whole",
    example: 'municipalityCode',
  })
  field!: string;

  @ApiProperty({
    type: [String],
    description: 'What is wrong, phrased after the field name',
    example: ['must be a four-digit CBS gemeentecode (e.g. 0957)'],
  })
  problems!: string[];

  @ApiProperty({
    enum: ERROR_CODES,
    enumName: 'ErrorCode',
    isArray: true,
    description:
      'The stable code of each problem, parallel to `problems` (same length, same order): what a client shows in its own words',
    example: ['invalid-format'],
  })
  codes!: ErrorCode[];
}

/**
 * The one error body every failing request gets. `message` is always one sentence; the
 * individual problems of a 400 validation error, and of a 409/422 refused with several reasons,
 * are in `details`.
 */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ description: 'The HTTP status text', example: 'Bad Request' })
  error!: string;

  @ApiProperty({
    enum: ERROR_CODES,
    enumName: 'ErrorCode',
    description:
      'What kind of failure this is, stable for programs (`validation-failed`, `state-conflict`, `refused`, `not-found`…); with `details`, each problem has its own code as well. The list and its meaning: docs/configuration.md, "Error codes"',
    example: 'validation-failed',
  })
  code!: ErrorCode;

  @ApiProperty({
    description: 'One sentence for humans; never personal data or internals',
    example: 'The request has invalid fields: municipalityCode, extra.',
  })
  message!: string;

  @ApiPropertyOptional({
    type: [ErrorDetail],
    description:
      'Present on a 400 validation error (one entry per field) and on a 4xx refused for a list of reasons, which come as one entry with field \'\' (a 409 then reads `[{ "field": "", "problems": ["recordReview is not possible in phase intake"], "codes": ["not-possible-now"] }]`). Absent otherwise.',
    example: [
      {
        field: 'municipalityCode',
        problems: ['must be a four-digit CBS gemeentecode (e.g. 0957)'],
        codes: ['invalid-format'],
      },
      { field: 'extra', problems: ['is not allowed'], codes: ['not-allowed'] },
    ],
  })
  details?: ErrorDetail[];

  @ApiProperty({
    description:
      'The id of this request, also in the X-Request-Id header and on every log line about it; quote it to ops',
    example: '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b',
  })
  requestId!: string;
}
