import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { REQUEST_REFERENCE_PATTERN } from '@cjg/workflows/retention.definitions';

/** A request under Jeugdwet 7.3.9 to destroy a client's personal data, as ops register it. */
export class DestructionRequestDto {
  @ApiProperty({
    description:
      'The request: its registration number in the records system (1-64 characters A-Z, a-z, ' +
      '0-9, . / : _ -). Not words: it is kept in the workflow history and the audit trail ' +
      'after the personal data is gone, so it may not name anyone. Keep the request itself, ' +
      'with its words, in the records system.',
    pattern: REQUEST_REFERENCE_PATTERN.source,
    example: 'AVG-2026-0042',
  })
  @IsString()
  @Matches(REQUEST_REFERENCE_PATTERN, {
    message:
      'reason must be the request’s registration number: 1-64 characters A-Z, a-z, 0-9, . / : _ -',
  })
  reason!: string;
}

export type DestructionStatus = 'destroyed' | 'already-destroyed' | 'running';

/** What became of a request. Ids only. */
export class DestructionDto {
  @ApiProperty({ example: 'CJG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ example: 'client-0001', description: 'The client whose personal data it is' })
  clientId!: string;

  @ApiProperty({
    enum: ['destroyed', 'already-destroyed', 'running'],
    example: 'destroyed',
    description:
      'destroyed: done now; already-destroyed: nothing was left (a repeat); running: not done ' +
      'within 20 s, it goes on by itself: repeat the request (harmless) to learn the end',
  })
  status!: DestructionStatus;

  @ApiProperty({
    type: [String],
    example: ['CJG-2021-000007', 'CJG-2026-000123'],
    description: "The client's cases whose personal data this request destroyed",
  })
  destroyedCaseNumbers!: string[];

  @ApiProperty({
    example: 'destruction-CJG-2026-000123',
    description: 'The workflow in the Temporal Web UI',
  })
  workflowId!: string;
}
