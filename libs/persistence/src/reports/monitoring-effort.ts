import { GOAL_FIGURES, type GoalAttainmentFigures } from './goal-attainment';
import { ReportQuery, type ReportDb, type ReportFilter } from './report-filter';

export interface MonitoringEffortRow extends GoalAttainmentFigures {
  /** Reviews held during the trajectory: `0`, `1`, `2`, `3+`, or `all`. */
  reviews: '0' | '1' | '2' | '3+' | 'all';
  /** `coordinated` (zorgcoördinatie decided), `not-coordinated`, or `all`. */
  coordination: 'coordinated' | 'not-coordinated' | 'all';
  /** Mean reviews per trajectory in the group, two decimals. */
  meanReviews: number | null;
}

export interface MonitoringEffortReport {
  rows: MonitoringEffortRow[];
}

/**
 * Monitoring effort against outcome (002 §6 item 15): the trajectories whose end evaluation was
 * recorded in the period (with at least one goal judged), grouped by how many reviews they had
 * (`reviews_count`: 0, 1, 2, 3+) and by whether zorgcoördinatie was decided (`coordinated`;
 * no decision counts as not coordinated), with the doelrealisatie of each group; plus the
 * subtotals per review bucket, per coordination and overall (`all`).
 */
export async function monitoringEffortReport(
  db: ReportDb,
  filter: ReportFilter,
): Promise<MonitoringEffortReport> {
  const q = new ReportQuery(filter);
  const p = q.period;
  const rows: MonitoringEffortRow[] = await db.query(
    `SELECT
       CASE WHEN GROUPING(b.reviews) = 1 THEN 'all' ELSE b.reviews END AS reviews,
       CASE WHEN GROUPING(b.coordination) = 1 THEN 'all' ELSE b.coordination END AS coordination,
       round(avg(t.reviews_count), 2)::float8 AS "meanReviews", ${GOAL_FIGURES}
     FROM trajectory t
     CROSS JOIN LATERAL (SELECT
       CASE WHEN t.reviews_count >= 3 THEN '3+' ELSE t.reviews_count::text END AS reviews,
       CASE WHEN t.coordinated THEN 'coordinated' ELSE 'not-coordinated' END AS coordination) b
     WHERE t.end_recorded_at >= ${q.add(p.fromInstant)} AND t.end_recorded_at < ${q.add(p.untilInstant)}
       AND t.goals_total > 0 AND ${q.scope('t')}
     GROUP BY CUBE (b.reviews, b.coordination)
     ORDER BY GROUPING(b.reviews), b.reviews, GROUPING(b.coordination), b.coordination`,
    q.values,
  );
  return { rows };
}
