import { ApiProperty } from '@nestjs/swagger';

/** The one error body every failing request gets. */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: ['caseNumber must be 3–40 characters: A–Z, 0–9 and single hyphens'],
  })
  message!: string | string[];

  @ApiProperty({ description: 'Quote this id to ops; it is in the API log.', example: 'e3b0c442' })
  errorId!: string;
}
