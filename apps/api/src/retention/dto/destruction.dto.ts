import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { REQUEST_REFERENCE_MAX_LENGTH } from '@cjg/workflows/retention.definitions';

/** A request under Jeugdwet 7.3.9 to destroy a client's personal data, as ops register it. */
export class DestructionRequestDto {
  @ApiProperty({
    description:
      'What the request is: its reference number in the records system, or a short note. ' +
      'Kept in the audit trail after the personal data is gone, so it must not contain ' +
      'personal data (no names, BSN, addresses or dates of birth).',
    maxLength: REQUEST_REFERENCE_MAX_LENGTH,
    example: 'AVG-2026-0042, verzoek 7.3.9 ontvangen 2026-03-02',
  })
  @IsString()
  @Length(1, REQUEST_REFERENCE_MAX_LENGTH)
  @Matches(/\S/, { message: 'reason must not be blank' })
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
