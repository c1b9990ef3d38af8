import { ReportQuery, percentage, type ReportDb, type ReportFilter } from './report-filter';

export interface OverdueFigures {
  /** Open trajectories now (`closed_at` null). */
  open: number;
  /** Open trajectories now overdue, of any kind. */
  overdue: number;
  /** The beschikking is overdue (Awb decision term passed, no beschikking yet). */
  beschikkingOverdue: number;
  /** A review (tussentijdse evaluatie) is overdue. */
  reviewOverdue: number;
  /** The end evaluation is overdue (reminders have gone out). */
  endEvaluationOverdue: number;
  /** Reviews recorded in the period. */
  reviewsRecorded: number;
  /** Of which recorded after they were due (`was_overdue`). */
  reviewsRecordedLate: number;
  /** `reviewsRecordedLate / reviewsRecorded` in %, one decimal. */
  reviewsRecordedLatePct: number | null;
}

export interface OverdueRow extends OverdueFigures {
  municipalityCode: string;
  municipalityName: string | null;
}

export interface OverdueReport {
  rows: OverdueRow[];
  total: OverdueFigures;
}

/**
 * Overdue reviews and evaluations, per municipality. Now (the period does not apply): open
 * trajectories whose read-model flag `overdue` is set, by what is overdue: no beschikking yet
 * (`beschikking_number` null: the Awb decision term), in the end evaluation (`phase`
 * end-evaluation: the evaluation is being chased), otherwise a review. (`next_due_kind` cannot
 * say this: once a deadline has passed the workflow waits for the next one, and that is what it
 * names.) In the period: reviews recorded (`recorded_at`), and how many of them late.
 */
export async function overdueReport(db: ReportDb, filter: ReportFilter): Promise<OverdueReport> {
  const q = new ReportQuery(filter);
  const p = q.period;
  const rows: Array<Omit<OverdueRow, 'reviewsRecordedLatePct'>> = await db.query(
    `WITH now_open AS (
       SELECT t.municipality_code,
         count(*)::int AS open,
         count(*) FILTER (WHERE t.overdue)::int AS overdue,
         count(*) FILTER (WHERE t.overdue AND t.beschikking_number IS NULL)::int AS beschikking,
         count(*) FILTER (WHERE t.overdue AND t.beschikking_number IS NOT NULL
           AND t.phase = 'end-evaluation')::int AS end_evaluation,
         count(*) FILTER (WHERE t.overdue AND t.beschikking_number IS NOT NULL
           AND t.phase <> 'end-evaluation')::int AS review
       FROM trajectory t
       WHERE t.closed_at IS NULL AND ${q.scope('t')}
       GROUP BY t.municipality_code
     ), reviews AS (
       SELECT t.municipality_code, count(*)::int AS recorded,
         count(*) FILTER (WHERE r.was_overdue)::int AS late
       FROM trajectory_review r
       JOIN trajectory t ON t.case_number = r.case_number
       WHERE r.recorded_at >= ${q.add(p.fromInstant)} AND r.recorded_at < ${q.add(p.untilInstant)}
         AND ${q.scope('t')}
       GROUP BY t.municipality_code
     )
     SELECT c.code AS "municipalityCode", m.name AS "municipalityName",
       coalesce(n.open, 0) AS open, coalesce(n.overdue, 0) AS overdue,
       coalesce(n.beschikking, 0) AS "beschikkingOverdue",
       coalesce(n.review, 0) AS "reviewOverdue",
       coalesce(n.end_evaluation, 0) AS "endEvaluationOverdue",
       coalesce(r.recorded, 0) AS "reviewsRecorded", coalesce(r.late, 0) AS "reviewsRecordedLate"
     FROM now_open n
     FULL JOIN reviews r USING (municipality_code)
     CROSS JOIN LATERAL (SELECT coalesce(n.municipality_code, r.municipality_code) AS code) c
     LEFT JOIN municipality m ON m.code = c.code
     ORDER BY c.code`,
    q.values,
  );
  const total: OverdueFigures = {
    open: 0,
    overdue: 0,
    beschikkingOverdue: 0,
    reviewOverdue: 0,
    endEvaluationOverdue: 0,
    reviewsRecorded: 0,
    reviewsRecordedLate: 0,
    reviewsRecordedLatePct: null,
  };
  const withPct = rows.map((row) => {
    for (const key of [
      'open',
      'overdue',
      'beschikkingOverdue',
      'reviewOverdue',
      'endEvaluationOverdue',
      'reviewsRecorded',
      'reviewsRecordedLate',
    ] as const) {
      total[key] += row[key];
    }
    return {
      ...row,
      reviewsRecordedLatePct: percentage(row.reviewsRecordedLate, row.reviewsRecorded),
    };
  });
  total.reviewsRecordedLatePct = percentage(total.reviewsRecordedLate, total.reviewsRecorded);
  return { rows: withPct, total };
}
