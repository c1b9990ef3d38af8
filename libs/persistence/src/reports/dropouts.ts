import { JZ588_END_REASONS } from '@cjg/domain';
import { ReportQuery, percentage, type ReportDb, type ReportFilter } from './report-filter';

/** JZ588 `02`: levering is volgens plan beëindigd; every other reason is uitval. */
export const PLANNED_END_REASON = '02';

export interface DropoutRow {
  /** JZ588 reden beëindiging; `null` for a stop recorded without a reason. */
  reasonCode: string | null;
  reasonLabel: string | null;
  /** Care stops (one provider in one trajectory) in the period with this reason. */
  stops: number;
  /** Distinct trajectories among them. */
  trajectories: number;
  /** `stops` as % of all care stops in the period, one decimal. */
  pctOfAllStops: number | null;
}

export interface DropoutsReport {
  rows: DropoutRow[];
  total: {
    /** Every care stop in the period, planned or not. */
    careStops: number;
    /** Distinct trajectories with at least one care stop. */
    careStopTrajectories: number;
    /** Stopped volgens plan (JZ588 02). */
    plannedStops: number;
    /** Uitval: stopped for any other reason. */
    earlyStops: number;
    /** Distinct trajectories with at least one early stop. */
    earlyTrajectories: number;
    earlyStopsPct: number | null;
  };
}

/**
 * Uitval: care stopped early. Over the care stops (stop zorg, per provider per trajectory)
 * whose `stopped_on` falls in the period, those with a JZ588 reason other than `02` (volgens
 * plan beëindigd), per reason with its label, each also as a share of all care stops in the
 * period. A stop without a reason counts as early, under reason `null`.
 */
export async function dropoutsReport(db: ReportDb, filter: ReportFilter): Promise<DropoutsReport> {
  const q = new ReportQuery(filter);
  const p = q.period;
  const planned = q.add(PLANNED_END_REASON);
  // Stops and distinct trajectories without count(DISTINCT) over grouping sets (a sort per
  // group): counted per trajectory and reason first, then per reason and over all.
  const rows: Array<{
    kind: 'reason' | 'all' | 'early';
    reasonCode: string | null;
    stops: number;
    trajectories: number;
  }> = await db.query(
    `WITH per_reason AS (
       SELECT c.case_number, c.stop_reason, count(*) AS stops
       FROM trajectory_care c
       ${q.scopeJoin('c')}
       WHERE c.stopped_on BETWEEN ${q.add(p.fromDate)}::date AND ${q.add(p.toDate)}::date
       GROUP BY c.case_number, c.stop_reason
     ), per_trajectory AS (
       SELECT case_number, sum(stops) AS stops,
         coalesce(sum(stops) FILTER (WHERE stop_reason IS DISTINCT FROM ${planned}::bpchar), 0) AS early
       FROM per_reason
       GROUP BY case_number
     )
     SELECT 'reason' AS kind, stop_reason AS "reasonCode", sum(stops)::int AS stops,
       count(*)::int AS trajectories
     FROM per_reason
     WHERE stop_reason IS DISTINCT FROM ${planned}::bpchar
     GROUP BY stop_reason
     UNION ALL
     SELECT 'all', NULL, coalesce(sum(stops), 0)::int, count(*)::int FROM per_trajectory
     UNION ALL
     SELECT 'early', NULL, coalesce(sum(early), 0)::int, count(*) FILTER (WHERE early > 0)::int
     FROM per_trajectory`,
    q.values,
  );
  const all = rows.find((r) => r.kind === 'all');
  const careStops = all?.stops ?? 0;
  const early = rows.find((r) => r.kind === 'early');
  const share = (stops: number) => percentage(stops, careStops);
  const labels: Record<string, string> = JZ588_END_REASONS;
  return {
    rows: rows
      .filter((r) => r.kind === 'reason')
      .sort((a, b) => (a.reasonCode ?? '99').localeCompare(b.reasonCode ?? '99'))
      .map((r) => ({
        reasonCode: r.reasonCode,
        reasonLabel: r.reasonCode === null ? null : (labels[r.reasonCode] ?? null),
        stops: r.stops,
        trajectories: r.trajectories,
        pctOfAllStops: share(r.stops),
      })),
    total: {
      careStops,
      careStopTrajectories: all?.trajectories ?? 0,
      plannedStops: careStops - (early?.stops ?? 0),
      earlyStops: early?.stops ?? 0,
      earlyTrajectories: early?.trajectories ?? 0,
      earlyStopsPct: share(early?.stops ?? 0),
    },
  };
}
