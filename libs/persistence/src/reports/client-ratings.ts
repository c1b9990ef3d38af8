import { ReportQuery, type ReportDb, type ReportFilter } from './report-filter';

/** The client's questions (004) as `client_answer.question` names them. */
export const CLIENT_QUESTIONS = [
  'three-month-check',
  'questionnaire-midway',
  'questionnaire-end',
] as const;
export type ClientQuestion = (typeof CLIENT_QUESTIONS)[number];

export interface ClientRatingFigures {
  question: ClientQuestion;
  /** Sent to the client in the period (see the report for when each question is sent). */
  asked: number;
  /** Answered: `fitting` / `not-fitting` (3-month check) or `answered` (questionnaires). */
  answered: number;
  /** The answer window closed without an answer. */
  noResponse: number;
  /** Still within the answer window (`sent`). */
  awaiting: number;
  /** `answered / asked` in %, one decimal. */
  responseRatePct: number | null;
  /** Questionnaires: mean rating (1–5) of the help, two decimals; `null` for the check. */
  meanRating: number | null;
  /** Questionnaires: mean rating of the CJG (004), over the answers that gave one. */
  meanRatingCjg: number | null;
  /** Questionnaires: mean rating of the coordinator (004), over the answers that gave one. */
  meanRatingCoordinator: number | null;
  /** 3-month check: share of answers saying the care fits, in %; `null` for questionnaires. */
  fittingPct: number | null;
}

export interface ClientRatingRow extends ClientRatingFigures {
  municipalityCode: string;
  municipalityName: string | null;
}

export interface ClientRatingsReport {
  rows: ClientRatingRow[];
  /** Per question, all municipalities in scope together. */
  total: ClientRatingFigures[];
}

/**
 * Client ratings and response rate, per municipality and question. A question counts for the
 * period in which it was sent: the 3-month check and the midway questionnaire go out together
 * when the check falls due (the check's `due_at`), the end questionnaire when the end evaluation
 * is recorded (`end_recorded_at`); a question still `waiting` / `not-sent` was not asked.
 * Response rate = answered / asked, where asked includes questions whose answer window is still
 * open (`awaiting`): for a period that ended less than the window (4 weeks) ago it can rise.
 * Mean rating over the answered questionnaires; fitting share over the answered checks.
 */
export async function clientRatingsReport(
  db: ReportDb,
  filter: ReportFilter,
): Promise<ClientRatingsReport> {
  const q = new ReportQuery(filter);
  const p = q.period;
  const from = q.add(p.fromInstant);
  const until = q.add(p.untilInstant);
  // The checks sent in the period are joined to their trajectory once, for the check and its
  // midway questionnaire both (a CTE used twice); the end questionnaires start from the end
  // evaluations of the period (index-only on trajectory_end_recorded_cover_idx).
  const rows: Array<ClientRatingRow & { isTotal: boolean }> = await db.query(
    `WITH checked AS MATERIALIZED (
       SELECT c.case_number, c.status, t.municipality_code
       FROM client_answer c
       JOIN trajectory t ON t.case_number = c.case_number
       WHERE c.question = 'three-month-check' AND c.due_at >= ${from} AND c.due_at < ${until}
         AND c.status NOT IN ('waiting', 'not-sent') AND ${q.scope('t')}
     ), asked AS (
       SELECT municipality_code, 'three-month-check' AS question, status, NULL::smallint AS rating,
         NULL::smallint AS rating_cjg, NULL::smallint AS rating_coordinator
       FROM checked
       UNION ALL
       SELECT c.municipality_code, m.question, m.status, m.rating, m.rating_cjg,
         m.rating_coordinator
       FROM checked c
       JOIN client_answer m ON m.case_number = c.case_number AND m.question = 'questionnaire-midway'
       WHERE m.status <> 'not-sent'
       UNION ALL
       SELECT t.municipality_code, e.question, e.status, e.rating, e.rating_cjg,
         e.rating_coordinator
       FROM trajectory t
       JOIN client_answer e ON e.case_number = t.case_number AND e.question = 'questionnaire-end'
       WHERE t.end_recorded_at >= ${from} AND t.end_recorded_at < ${until}
         AND e.status <> 'not-sent' AND ${q.scope('t')}
     ), figures AS (
       SELECT municipality_code, question, GROUPING(municipality_code) = 1 AS is_total,
         count(*)::int AS asked,
         count(*) FILTER (WHERE status IN ('fitting', 'not-fitting', 'answered'))::int AS answered,
         count(*) FILTER (WHERE status = 'no-response')::int AS no_response,
         count(*) FILTER (WHERE status = 'sent')::int AS awaiting,
         count(*) FILTER (WHERE status = 'fitting')::int AS fitting,
         avg(rating) FILTER (WHERE status = 'answered') AS mean_rating,
         avg(rating_cjg) FILTER (WHERE status = 'answered') AS mean_rating_cjg,
         avg(rating_coordinator) FILTER (WHERE status = 'answered') AS mean_rating_coordinator
       FROM asked
       GROUP BY GROUPING SETS ((municipality_code, question), (question))
     )
     SELECT f.municipality_code AS "municipalityCode", m.name AS "municipalityName",
       f.is_total AS "isTotal", f.question, f.asked, f.answered, f.no_response AS "noResponse",
       f.awaiting,
       round(100.0 * f.answered / NULLIF(f.asked, 0), 1)::float8 AS "responseRatePct",
       CASE WHEN f.question <> 'three-month-check' THEN round(f.mean_rating, 2)::float8 END
         AS "meanRating",
       round(f.mean_rating_cjg, 2)::float8 AS "meanRatingCjg",
       round(f.mean_rating_coordinator, 2)::float8 AS "meanRatingCoordinator",
       CASE WHEN f.question = 'three-month-check'
         THEN round(100.0 * f.fitting / NULLIF(f.answered, 0), 1)::float8 END AS "fittingPct"
     FROM figures f
     LEFT JOIN municipality m ON m.code = f.municipality_code
     ORDER BY f.is_total, f.municipality_code,
       array_position(ARRAY['three-month-check', 'questionnaire-midway', 'questionnaire-end'],
         f.question::text)`,
    q.values,
  );
  return {
    rows: rows.filter((r) => !r.isTotal).map(({ isTotal: _, ...row }) => row),
    total: rows
      .filter((r) => r.isTotal)
      .map(({ isTotal: _, municipalityCode: _c, municipalityName: _n, ...row }) => row),
  };
}
