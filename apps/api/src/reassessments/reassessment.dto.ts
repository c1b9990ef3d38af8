import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Length, Matches } from 'class-validator';
import { IsMunicipalityCode } from '../common/validators';

const DATE = { strict: true, strictSeparator: true };

/** 001: re-assess running trajectories whose beschikking ends in a window. */
export class StartReassessmentDto {
  @ApiProperty({
    example: 'apr-2026',
    description: 'Names the batch; recorded in every trajectory',
  })
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'batchId must be 1-64 characters A-Z, a-z, 0-9, -' })
  batchId!: string;

  @ApiProperty({ example: '2026-04-30', description: 'Coordinators decide by this date' })
  @IsISO8601(DATE)
  @Length(10, 10)
  decideBy!: string;

  @ApiProperty({ example: '2026-07-01', description: 'Beschikking ends on or after this date' })
  @IsISO8601(DATE)
  @Length(10, 10)
  beschikkingEndFrom!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Beschikking ends on or before this date' })
  @IsISO8601(DATE)
  @Length(10, 10)
  beschikkingEndTo!: string;

  @ApiPropertyOptional({ example: '0957' })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;
}

export class ReassessmentOutcomeDto {
  @ApiProperty({ example: 'apr-2026' })
  batchId!: string;

  @ApiProperty({ description: 'Running trajectories in monitoring that matched' })
  matched!: number;

  @ApiProperty({ description: 'Trajectories that accepted the request' })
  requested!: number;

  @ApiProperty({
    example: [{ caseNumber: 'CJG-2026-000123', reasons: ['a re-assessment is already pending'] }],
  })
  refused!: Array<{ caseNumber: string; reasons: string[] }>;
}
