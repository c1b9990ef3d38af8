import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';
import { REPORT_FORMATS, type ReportFormat } from '../../reports/dto/report-query.dto';

export class AccessLogQueryDto {
  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'First day (Europe/Amsterdam), included; default: since the first entry',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'Last day (Europe/Amsterdam), included; default: up to now',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'csv: the same entries as CSV (also with `Accept: text/csv`); default json',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class AccessLogEntryDto {
  @ApiProperty({ example: '2026-11-24T09:12:03.120Z' })
  at!: string;

  @ApiProperty({ example: 'coord-anna', description: 'The token subject' })
  actorSub!: string;

  @ApiProperty({ example: 'coordinator' })
  actorRole!: string;

  @ApiProperty({
    example: 'read:trajectory',
    description: '`read:<thing>` for a read, else the command or registration',
  })
  action!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'CJG-2026-000123',
    description: 'The case number, handover, transfer or VTO id; null for the registry record',
  })
  caseNumber!: string | null;

  @ApiProperty({
    example: 'accepted',
    description: 'accepted, or why not: forbidden, not-found, invalid, refused, failed',
  })
  outcome!: string;
}

export class AccessLogDto {
  @ApiProperty({ example: 'client-0001' })
  clientId!: string;

  @ApiProperty({ type: String, nullable: true, example: '2026-01-01' })
  from!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-31' })
  to!: string | null;

  @ApiProperty({ example: 12 })
  count!: number;

  @ApiProperty({
    description: `More than ${10_000} entries matched: only the first are listed; ask a shorter period`,
  })
  truncated!: boolean;

  @ApiProperty({ type: [AccessLogEntryDto], description: 'Oldest first' })
  entries!: AccessLogEntryDto[];
}
