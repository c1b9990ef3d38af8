import { ReportQuery, type ReportDb, type ReportFilter } from './report-filter';

export interface GoalAttainmentFigures {
  /** Trajectories whose end evaluation (with at least one goal) was recorded in the period. */
  endEvaluations: number;
  goalsTotal: number;
  goalsReached: number;
  /** Doelrealisatie: `goalsReached / goalsTotal` in %, one decimal. */
  goalsReachedPct: number | null;
  /** Trajectories with every goal reached. */
  allGoalsReached: number;
  /** `allGoalsReached / endEvaluations` in %, one decimal. */
  allGoalsReachedPct: number | null;
}

export interface GoalAttainmentRow extends GoalAttainmentFigures {
  municipalityCode: string;
  municipalityName: string | null;
}

export interface GoalAttainmentReport {
  rows: GoalAttainmentRow[];
  total: GoalAttainmentFigures;
}

/** The SELECT list of the goal figures over trajectories `t` (shared with monitoring effort). */
export const GOAL_FIGURES = `
  count(*)::int AS "endEvaluations",
  coalesce(sum(t.goals_total), 0)::int AS "goalsTotal",
  coalesce(sum(t.goals_reached), 0)::int AS "goalsReached",
  round(100.0 * sum(t.goals_reached) / NULLIF(sum(t.goals_total), 0), 1)::float8 AS "goalsReachedPct",
  count(*) FILTER (WHERE t.goals_reached = t.goals_total)::int AS "allGoalsReached",
  round(100.0 * count(*) FILTER (WHERE t.goals_reached = t.goals_total) / NULLIF(count(*), 0), 1)::float8
    AS "allGoalsReachedPct"`;

/**
 * Doelrealisatie per municipality: over the trajectories whose end evaluation was recorded in
 * the period (`end_recorded_at`) and judged at least one goal (the results of plan deel 1), the
 * goals reached as a share of all goals judged (`sum(goals_reached) / sum(goals_total)`), and
 * the share of those trajectories that reached every goal. Percentages with one decimal.
 */
export async function goalAttainmentReport(
  db: ReportDb,
  filter: ReportFilter,
): Promise<GoalAttainmentReport> {
  const q = new ReportQuery(filter);
  const p = q.period;
  const rows: Array<GoalAttainmentRow & { isTotal: boolean }> = await db.query(
    `SELECT t.municipality_code AS "municipalityCode", m.name AS "municipalityName",
       GROUPING(t.municipality_code) = 1 AS "isTotal", ${GOAL_FIGURES}
     FROM trajectory t
     LEFT JOIN municipality m ON m.code = t.municipality_code
     WHERE t.end_recorded_at >= ${q.add(p.fromInstant)} AND t.end_recorded_at < ${q.add(p.untilInstant)}
       AND t.goals_total > 0 AND ${q.scope('t')}
     GROUP BY GROUPING SETS ((t.municipality_code, m.name), ())
     ORDER BY "isTotal", t.municipality_code`,
    q.values,
  );
  const total = rows.find((r) => r.isTotal);
  return {
    rows: rows.filter((r) => !r.isTotal).map(({ isTotal: _, ...row }) => row),
    total: {
      endEvaluations: total?.endEvaluations ?? 0,
      goalsTotal: total?.goalsTotal ?? 0,
      goalsReached: total?.goalsReached ?? 0,
      goalsReachedPct: total?.goalsReachedPct ?? null,
      allGoalsReached: total?.allGoalsReached ?? 0,
      allGoalsReachedPct: total?.allGoalsReachedPct ?? null,
    },
  };
}
