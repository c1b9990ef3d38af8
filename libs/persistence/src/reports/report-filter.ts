import {
  addToDate,
  amsterdamDate,
  amsterdamInstant,
  isCalendarDate,
  type CalendarDate,
} from '@cjg/domain';
import type { DataSource } from 'typeorm';

/** What a report query needs of a data source (a DataSource, a QueryRunner, a transaction). */
export type ReportDb = Pick<DataSource, 'query'>;

/**
 * The filter every report takes: a period of calendar dates in Europe/Amsterdam, both days
 * included (by default a year up to today: `reportPeriod`), and optionally the municipalities
 * to count.
 */
export interface ReportFilter {
  /** First day of the period, `YYYY-MM-DD`, included; default the day after `to` a year earlier. */
  from?: CalendarDate;
  /** Last day of the period, `YYYY-MM-DD`, included; default today (Amsterdam). */
  to?: CalendarDate;
  /**
   * Only trajectories of these municipalities (CBS codes); `undefined` or `null`: all of them.
   * The API passes the caller's scope here (a team lead's token municipalities).
   */
  municipalityCodes?: readonly string[] | null;
}

/** A report's period and scope as SQL parameters. */
export interface PeriodParams {
  /** The period's first day, for `date` columns. */
  fromDate: CalendarDate;
  /** The period's last day, for `date` columns. */
  toDate: CalendarDate;
  /** 00:00 of `from` in Amsterdam: instants `>=` this are in the period. */
  fromInstant: string;
  /** 00:00 of the day after `to` in Amsterdam: instants `<` this are in the period. */
  untilInstant: string;
  /** `null` for all municipalities. */
  municipalityCodes: string[] | null;
}

/** A report's period: its first and last day, both included. */
export interface ReportPeriod {
  from: CalendarDate;
  to: CalendarDate;
}

/**
 * The period a report covers, its absent ends by default: `to` today (Amsterdam, at `now`),
 * `from` the day after the same date a year before `to`, so that a call without either covers
 * the year up to today.
 */
export function reportPeriod(
  period: { from?: CalendarDate; to?: CalendarDate },
  now: Date,
): ReportPeriod {
  const to = period.to ?? amsterdamDate(now);
  return { from: period.from ?? addToDate(to, -12, 1), to };
}

/**
 * The period as the instants and dates the SQL compares with (Amsterdam midnights, DST-aware);
 * an absent end of the period is its default at `now` (`reportPeriod`).
 */
export function periodParams(filter: ReportFilter, now = new Date()): PeriodParams {
  const { from, to } = reportPeriod(filter, now);
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isCalendarDate(value)) throw new RangeError(`${name} must be a calendar date YYYY-MM-DD`);
  }
  if (from > to) throw new RangeError('from must not be after to');
  return {
    fromDate: from,
    toDate: to,
    fromInstant: amsterdamInstant(from).toISOString(),
    untilInstant: amsterdamInstant(addToDate(to, 0, 1)).toISOString(),
    municipalityCodes: filter.municipalityCodes ? [...filter.municipalityCodes] : null,
  };
}

/** The parameters of one statement: `add(value)` keeps the value and gives its placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * One statement of a report: its parameters, the filter's period (validated) and the scope as
 * conditions on the statement's aliases.
 */
export class ReportQuery extends SqlParams {
  readonly period: PeriodParams;

  constructor(filter: ReportFilter) {
    super();
    this.period = periodParams(filter);
  }

  /** `scopeCondition` on this statement's alias. */
  scope(alias: string): string {
    return scopeCondition(alias, this, this.period.municipalityCodes);
  }

  /** `scopeJoin` on this statement's alias. */
  scopeJoin(alias: string): string {
    return scopeJoin(alias, this, this.period.municipalityCodes);
  }
}

/**
 * The scope as a condition on a trajectory alias: `TRUE` for all municipalities, else the
 * codes as one parameter. Two statement shapes on purpose, not `($n IS NULL OR …)`: an OR
 * keeps PostgreSQL from turning a scope subquery into a join and from using the municipality
 * index, and its cost estimate then switches JIT compilation on (40 ms for nothing).
 */
export function scopeCondition(alias: string, params: SqlParams, codes: string[] | null): string {
  return codes === null
    ? 'TRUE'
    : `${alias}.municipality_code = ANY (${params.add(codes)}::bpchar[])`;
}

/**
 * For a table whose rows only need the trajectory for the scope: a join to it when the report is
 * limited to some municipalities, nothing when it counts them all.
 */
export function scopeJoin(alias: string, params: SqlParams, codes: string[] | null): string {
  return codes === null
    ? ''
    : `JOIN trajectory scope ON scope.case_number = ${alias}.case_number
         AND scope.municipality_code = ANY (${params.add(codes)}::bpchar[])`;
}

/** `part / whole` in % with one decimal, rounded as the SQL `round` does; `null` for 0 / 0. */
export function percentage(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((1000 * part) / whole) / 10;
}
