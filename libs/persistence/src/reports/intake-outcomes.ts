import { ADVICE_CODES, REJECTION_GROUNDS } from '@cjg/domain';
import { ReportQuery, percentage, type ReportDb, type ReportFilter } from './report-filter';

/** How an intake ended: in a beschikking, with advice, in an afwijzing, or withdrawn before. */
export const INTAKE_OUTCOMES = ['beschikking', 'advice', 'rejected', 'withdrawn'] as const;
export type IntakeOutcomeKind = (typeof INTAKE_OUTCOMES)[number];

export interface IntakeOutcomeRow {
  outcome: IntakeOutcomeKind;
  /** The advice or the ground of the afwijzing; null for a beschikking or a withdrawal. */
  code: string | null;
  /** The code in words, as the family's letter says it. */
  label: string | null;
  trajectories: number;
  /** Of all intakes that ended in the period, one decimal. */
  pctOfAll: number | null;
}

export interface IntakeOutcomesReport {
  rows: IntakeOutcomeRow[];
  total: { trajectories: number };
}

const LABELS: Record<string, string> = { ...ADVICE_CODES, ...REJECTION_GROUNDS };

/**
 * How the intakes that ended in the period ended (issue 17): in a first beschikking
 * (`first_beschikking_at` in the period), with advice or an afwijzing (closed in the period,
 * `intake_outcome`, per advice or ground), or withdrawn before any beschikking (closed in the
 * period). A share of all of them per row.
 */
export async function intakeOutcomesReport(
  db: ReportDb,
  filter: ReportFilter,
): Promise<IntakeOutcomesReport> {
  const q = new ReportQuery(filter);
  const p = q.period;
  const from = q.add(p.fromInstant);
  const until = q.add(p.untilInstant);
  const rows: Array<{ outcome: IntakeOutcomeKind; code: string | null; trajectories: number }> =
    await db.query(
      `WITH ended AS (
         SELECT CASE
             WHEN t.first_beschikking_at >= ${from} AND t.first_beschikking_at < ${until} THEN 'beschikking'
             WHEN t.intake_outcome IS NOT NULL THEN t.intake_outcome
             ELSE 'withdrawn'
           END AS outcome,
           t.intake_outcome_code AS code
         FROM trajectory t
         WHERE ${q.scope('t')}
           AND ((t.first_beschikking_at >= ${from} AND t.first_beschikking_at < ${until})
             OR (t.first_beschikking_at IS NULL AND t.closed_at >= ${from} AND t.closed_at < ${until}
               AND (t.intake_outcome IS NOT NULL OR t.withdrawn)))
       )
       SELECT outcome, code, count(*)::int AS trajectories
       FROM ended
       GROUP BY outcome, code
       ORDER BY array_position(ARRAY['beschikking', 'advice', 'rejected', 'withdrawn'], outcome), code`,
      q.values,
    );
  const all = rows.reduce((sum, r) => sum + r.trajectories, 0);
  return {
    rows: rows.map((r) => ({
      outcome: r.outcome,
      code: r.code,
      label: r.code ? (LABELS[r.code] ?? null) : null,
      trajectories: r.trajectories,
      pctOfAll: percentage(r.trajectories, all),
    })),
    total: { trajectories: all },
  };
}
