import { ReportQuery, type ReportDb, type ReportFilter } from './report-filter';

export interface WaitingTimeRow {
  municipalityCode: string;
  municipalityName: string | null;
  /** Trajectories whose first beschikking was issued in the period. */
  trajectories: number;
  meanDays: number | null;
  medianDays: number | null;
  p90Days: number | null;
  maxDays: number | null;
  /** Waited more than the Awb term of 8 weeks (56 days; a verdaging is not taken into account). */
  overEightWeeks: number;
}

export interface WaitingTimesReport {
  rows: WaitingTimeRow[];
  /** All municipalities in scope together (its own median and p90, not an average of rows). */
  total: Omit<WaitingTimeRow, 'municipalityCode' | 'municipalityName'>;
}

/**
 * Waiting time from request to beschikking, per municipality: for trajectories whose first
 * beschikking was issued in the period (`first_beschikking_at`), the calendar days in
 * Amsterdam from the day the request was received (`received_on`, when the start named it; else
 * the day it was registered, `started_at`) to the day of that beschikking; count, mean, median and 90th percentile (`percentile_cont`, interpolated), the
 * maximum and how many waited longer than 8 weeks. Means and percentiles have one decimal.
 */
export async function waitingTimesReport(
  db: ReportDb,
  filter: ReportFilter,
): Promise<WaitingTimesReport> {
  const q = new ReportQuery(filter);
  const p = q.period;
  const rows: Array<WaitingTimeRow & { isTotal: boolean }> = await db.query(
    `WITH waited AS (
       SELECT t.municipality_code,
         (t.first_beschikking_at AT TIME ZONE 'Europe/Amsterdam')::date
           - coalesce(t.received_on, (t.started_at AT TIME ZONE 'Europe/Amsterdam')::date) AS days
       FROM trajectory t
       WHERE t.first_beschikking_at >= ${q.add(p.fromInstant)}
         AND t.first_beschikking_at < ${q.add(p.untilInstant)}
         AND ${q.scope('t')}
     )
     SELECT w.municipality_code AS "municipalityCode", m.name AS "municipalityName",
       GROUPING(w.municipality_code) = 1 AS "isTotal",
       count(*)::int AS trajectories,
       round(avg(w.days), 1)::float8 AS "meanDays",
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY w.days))::numeric, 1)::float8 AS "medianDays",
       round((percentile_cont(0.9) WITHIN GROUP (ORDER BY w.days))::numeric, 1)::float8 AS "p90Days",
       max(w.days)::int AS "maxDays",
       count(*) FILTER (WHERE w.days > 56)::int AS "overEightWeeks"
     FROM waited w
     LEFT JOIN municipality m ON m.code = w.municipality_code
     GROUP BY GROUPING SETS ((w.municipality_code, m.name), ())
     ORDER BY "isTotal", w.municipality_code`,
    q.values,
  );
  const total = rows.find((r) => r.isTotal);
  return {
    rows: rows.filter((r) => !r.isTotal).map(({ isTotal: _, ...row }) => row),
    total: total
      ? {
          trajectories: total.trajectories,
          meanDays: total.meanDays,
          medianDays: total.medianDays,
          p90Days: total.p90Days,
          maxDays: total.maxDays,
          overEightWeeks: total.overEightWeeks,
        }
      : {
          trajectories: 0,
          meanDays: null,
          medianDays: null,
          p90Days: null,
          maxDays: null,
          overEightWeeks: 0,
        },
  };
}
