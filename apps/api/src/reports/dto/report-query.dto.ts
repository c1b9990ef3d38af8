import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, type ValidationOptions } from 'class-validator';
import { addToDate, amsterdamDate, isCalendarDate, problem, type Problem } from '@cjg/domain';
import { REFERRAL_GROUPS, type ReferralGroup } from '@cjg/persistence';
import { CodedRule } from '../../common/validation';
import { IsCalendarDate, IsMunicipalityCode } from '../../common/validators';

/** The longest period a report may cover, in years (a report over all history is an export). */
export const MAX_PERIOD_YEARS = 5;

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * A rule on the period, both ends calendar dates. It is checked on `to` when the query names
 * `to`, else on `from` against its default, today (an absent `from` is the default one, a year up
 * to `to`, which holds every rule); with either end malformed it passes (other rules report a
 * malformed date).
 */
const PeriodRule =
  (
    name: string,
    on: 'from' | 'to',
    holds: (from: string, to: string) => boolean,
    refusal: Problem,
  ) =>
  (options?: ValidationOptions) =>
    CodedRule(
      name,
      (_value, query) => {
        if (on === 'from' && query.to !== undefined) return undefined;
        const { from, to } = query;
        const end = to ?? amsterdamDate(new Date());
        return !isCalendarDate(from) || !isCalendarDate(end) || holds(from, end)
          ? undefined
          : refusal;
      },
      options,
    );

const notBefore = (from: string, to: string) => from <= to;
const withinMaxPeriod = (from: string, to: string) => to < addToDate(from, 12 * MAX_PERIOD_YEARS);

/** `to` may not lie before `from`. */
const IsNotBeforeFrom = PeriodRule(
  'isNotBeforeFrom',
  'to',
  notBefore,
  problem('date-too-early', '$property must not be before from'),
);

/** The period may span at most MAX_PERIOD_YEARS years. */
const IsWithinMaxPeriod = PeriodRule(
  'isWithinMaxPeriod',
  'to',
  withinMaxPeriod,
  problem(
    'date-too-late',
    `$property must be less than ${MAX_PERIOD_YEARS} years after from: a report covers at most ${MAX_PERIOD_YEARS} years`,
  ),
);

/** Without `to`: `from` may not lie after today, `to`'s default. */
const IsNotAfterToday = PeriodRule(
  'isNotAfterToday',
  'from',
  notBefore,
  problem('date-too-late', '$property must not be after today (the default to)'),
);

/** Without `to`: the period up to today may span at most MAX_PERIOD_YEARS years. */
const IsWithinMaxPeriodOfToday = PeriodRule(
  'isWithinMaxPeriodOfToday',
  'from',
  withinMaxPeriod,
  problem(
    'date-too-early',
    `$property must be less than ${MAX_PERIOD_YEARS} years before today (the default to): a report covers at most ${MAX_PERIOD_YEARS} years`,
  ),
);

/** The query every report takes: the period, the municipality and the format. */
export class ReportQueryDto {
  @ApiPropertyOptional({
    example: '2026-01-01',
    format: 'date',
    description:
      'First day of the period (Europe/Amsterdam), included. Default: the day after `to` one year earlier (a year up to `to`)',
  })
  @IsOptional()
  @IsCalendarDate()
  @IsNotAfterToday()
  @IsWithinMaxPeriodOfToday()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    format: 'date',
    description: `Last day of the period (Europe/Amsterdam), included; not before \`from\`, less than ${MAX_PERIOD_YEARS} years after it. Default: today (Europe/Amsterdam). The answer names the period counted (\`from\`, \`to\`)`,
  })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBeforeFrom()
  @IsWithinMaxPeriod()
  to?: string;

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
