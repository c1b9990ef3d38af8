import type {
  CaseloadReport,
  ClientRatingsReport,
  DrangReport,
  DropoutsReport,
  GoalAttainmentReport,
  IntakeOutcomesReport,
  MonitoringEffortReport,
  OverdueReport,
  ReferralsReport,
  SamenloopReport,
  WaitingTimesReport,
} from '@cjg/persistence';
import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ReportFormat } from './dto/report-query.dto';

type Cell = string | number | boolean | null | undefined;

/** A report as one table: a header row and the rows. */
export interface ReportTable {
  columns: string[];
  rows: Cell[][];
}

/**
 * A field as RFC 4180 wants it: quoted (with doubled quotes) when it holds a comma, quote or
 * line break. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe: team names are free text.
 */
function field(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV when asked for by `format`, else when the Accept header prefers it over JSON. */
export function wantsCsv(format: ReportFormat | undefined, request: Request): boolean {
  if (format) return format === 'csv';
  return request.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/** The answer as JSON, or as the CSV attachment `filename` when the caller asks for CSV. */
export function jsonOrCsv<T>(
  answer: { body: T; csv: () => string; filename: string },
  format: ReportFormat | undefined,
  request: Request,
  response: Response,
): T | string {
  response.vary('Accept');
  if (!wantsCsv(format, request)) return answer.body;
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${answer.filename}"`);
  return answer.csv();
}

/** The 200 of a route answering JSON of `type` or the same as CSV (see {@link jsonOrCsv}). */
export const ApiJsonOrCsvResponse = (type: Type, description: string) =>
  applyDecorators(
    ApiProduces('application/json', 'text/csv'),
    ApiExtraModels(type),
    ApiOkResponse({
      description,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
  );

/** The table as CSV: header row, CRLF line ends, a CRLF after the last row too. */
export function toCsv(table: ReportTable): string {
  return [table.columns, ...table.rows].map((row) => `${row.map(field).join(',')}\r\n`).join('');
}

/** The table of objects, one row each, in the order of `columns`. */
function tableOf<T extends object>(columns: Array<keyof T & string>, objects: T[]): ReportTable {
  return { columns, rows: objects.map((o) => columns.map((c) => o[c] as Cell)) };
}

/** A total row under a per-municipality table: `total` in the code column. */
const asTotal = <T extends object>(figures: T) => ({
  municipalityCode: 'total',
  municipalityName: null,
  ...figures,
});

/**
 * A per-municipality table: the code and name, then `columns`; the rows, then the total row
 * (or one per question).
 */
function perMunicipality<F extends object>(
  columns: Array<keyof F & string>,
  report: {
    rows: Array<F & { municipalityCode: string; municipalityName: string | null }>;
    total: F | F[];
  },
): ReportTable {
  const totals = Array.isArray(report.total) ? report.total : [report.total];
  return tableOf(
    ['municipalityCode', 'municipalityName', ...columns],
    [...report.rows, ...totals.map(asTotal)],
  );
}

/** The goal figures (persistence's GOAL_FIGURES): goal attainment's, and monitoring effort's. */
const GOAL_COLUMNS = [
  'endEvaluations',
  'goalsTotal',
  'goalsReached',
  'goalsReachedPct',
  'allGoalsReached',
  'allGoalsReachedPct',
] as const;

/** How each report is laid out as one CSV table; the JSON answer carries the same figures. */
export const REPORT_TABLES = {
  caseload: (r: CaseloadReport): ReportTable => {
    const columns = [
      'level',
      'teamId',
      'teamName',
      'coordinatorId',
      'coordinators',
      'open',
      'active',
      'started',
      'closed',
      'openPerCoordinator',
    ];
    return {
      columns,
      rows: [
        ...r.coordinators.map((c) => [
          'coordinator',
          c.teamId,
          c.teamName,
          c.coordinatorId,
          null,
          c.open,
          c.active,
          c.started,
          c.closed,
          null,
        ]),
        ...r.teams.map((t) => [
          'team',
          t.teamId,
          t.teamName,
          null,
          t.coordinators,
          t.open,
          t.active,
          t.started,
          t.closed,
          t.openPerCoordinator,
        ]),
      ],
    };
  },
  'waiting-times': (r: WaitingTimesReport): ReportTable =>
    perMunicipality(
      ['trajectories', 'meanDays', 'medianDays', 'p90Days', 'maxDays', 'overEightWeeks'],
      r,
    ),
  drang: (r: DrangReport): ReportTable =>
    tableOf(
      ['source', 'sourceLabel', 'marked', 'openAtEnd', 'closed'],
      [...r.rows, { source: 'total', sourceLabel: null, ...r.total }],
    ),
  'intake-outcomes': (r: IntakeOutcomesReport): ReportTable =>
    tableOf(
      ['outcome', 'code', 'label', 'trajectories', 'pctOfAll'],
      [
        ...r.rows,
        {
          outcome: 'total',
          code: null,
          label: null,
          trajectories: r.total.trajectories,
          pctOfAll: r.total.trajectories > 0 ? 100 : null,
        },
      ],
    ),
  referrals: (r: ReferralsReport): ReportTable =>
    tableOf(
      ['period', 'productCategory', 'productCategoryName', 'referrals', 'trajectories'],
      [...r.rows, { period: 'total', productCategory: '', productCategoryName: null, ...r.total }],
    ),
  'goal-attainment': (r: GoalAttainmentReport): ReportTable =>
    perMunicipality([...GOAL_COLUMNS], r),
  dropouts: (r: DropoutsReport): ReportTable => ({
    columns: ['reasonCode', 'reasonLabel', 'stops', 'trajectories', 'pctOfAllStops'],
    rows: [
      ...r.rows.map((d) => [d.reasonCode, d.reasonLabel, d.stops, d.trajectories, d.pctOfAllStops]),
      [
        'early',
        'uitval: every reason but 02, volgens plan',
        r.total.earlyStops,
        r.total.earlyTrajectories,
        r.total.earlyStopsPct,
      ],
      [
        'all',
        'all care stops',
        r.total.careStops,
        r.total.careStopTrajectories,
        r.total.careStops > 0 ? 100 : null,
      ],
    ],
  }),
  'client-ratings': (r: ClientRatingsReport): ReportTable =>
    perMunicipality(
      [
        'question',
        'asked',
        'answered',
        'noResponse',
        'awaiting',
        'responseRatePct',
        'meanRating',
        'meanRatingCjg',
        'meanRatingCoordinator',
        'fittingPct',
      ],
      r,
    ),
  overdue: (r: OverdueReport): ReportTable =>
    perMunicipality(
      [
        'open',
        'overdue',
        'beschikkingOverdue',
        'reviewOverdue',
        'endEvaluationOverdue',
        'reviewsRecorded',
        'reviewsRecordedLate',
        'reviewsRecordedLatePct',
      ],
      r,
    ),
  samenloop: (r: SamenloopReport): ReportTable =>
    tableOf(['familyId', 'providers', 'trajectories', 'namedByMunicipality', 'consent'], r.rows),
  'monitoring-effort': (r: MonitoringEffortReport): ReportTable =>
    tableOf(['reviews', 'coordination', 'meanReviews', ...GOAL_COLUMNS], r.rows),
};

export type ReportName = keyof typeof REPORT_TABLES;
