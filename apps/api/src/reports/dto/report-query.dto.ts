import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { addToDate, isCalendarDate } from '@cjg/domain';
import { REFERRAL_GROUPS, type ReferralGroup } from '@cjg/persistence';
import { IsCalendarDate, IsMunicipalityCode } from '../../common/validators';

/** The longest period a report may cover, in years (a report over all history is an export). */
export const MAX_PERIOD_YEARS = 5;

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * A rule on `to` with `from`, both calendar dates; with either of them malformed it passes (other
 * rules report a malformed date).
 */
const PeriodRule =
  (name: string, holds: (from: string, to: string) => boolean, message: string) =>
  (options?: ValidationOptions) =>
    ValidateBy(
      {
        name,
        validator: {
          validate: (to: unknown, args) => {
            const from = (args?.object as { from?: unknown }).from;
            return !isCalendarDate(from) || !isCalendarDate(to) || holds(from, to);
          },
          defaultMessage: () => message,
        },
      },
      options,
    );

/** `to` may not lie before `from`. */
const IsNotBeforeFrom = PeriodRule(
  'isNotBeforeFrom',
  (from, to) => from <= to,
  '$property must not be before from',
);

/** The period may span at most MAX_PERIOD_YEARS years. */
const IsWithinMaxPeriod = PeriodRule(
  'isWithinMaxPeriod',
  (from, to) => to < addToDate(from, 12 * MAX_PERIOD_YEARS),
  `$property must be less than ${MAX_PERIOD_YEARS} years after from: a report covers at most ${MAX_PERIOD_YEARS} years`,
);

/** The query every report takes: the period, the municipality and the format. */
export class ReportQueryDto {
  @ApiProperty({
    example: '2026-01-01',
    description: 'First day of the period (Europe/Amsterdam), included',
  })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    example: '2026-12-31',
    description: `Last day of the period (Europe/Amsterdam), included; not before \`from\`, less than ${MAX_PERIOD_YEARS} years after it`,
  })
  @IsCalendarDate()
  @IsNotBeforeFrom()
  @IsWithinMaxPeriod()
  to!: string;

  @ApiPropertyOptional({
    example: '0957',
    description:
      'Only this municipality (CBS gemeentecode). Without it: all of the token’s municipalities (team lead) or all (ops). A team lead naming another municipality gets 403.',
  })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'csv: the same figures as CSV (also with `Accept: text/csv`); default json',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class ReferralsQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({
    enum: REFERRAL_GROUPS,
    default: 'month',
    description: 'Group the start dates per month, quarter, year, or the whole period',
  })
  @IsOptional()
  @IsIn(REFERRAL_GROUPS)
  group?: ReferralGroup;
}

export class SamenloopQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({
    minimum: 2,
    maximum: 20,
    description: 'Providers active at once that make a samenloop family; default the policy’s (3)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(20)
  threshold?: number;
}
