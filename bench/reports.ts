/**
 * Times every management report (libs/persistence/src/reports) over a read model of 100,000
 * trajectories. Not a test: it prints figures to compare with the 200 ms target.
 *
 *   npm run build && npm run bench:reports              # DATABASE_URL: a PostgreSQL server
 *   npm run bench:reports -- --reuse                    # keep the loaded database, time again
 *   npm run bench:reports -- --explain                  # also EXPLAIN (ANALYZE, BUFFERS) each
 *
 * It creates (or, with --reuse, reuses) the database `cjg_bench_reports` on the server of
 * DATABASE_URL (default: the local stack's), runs the migrations, loads the data with
 * INSERT … SELECT generate_series (deterministic: a hash of the row number, not random()),
 * runs VACUUM ANALYZE, then runs each report once to warm up and RUNS times timed, for the last
 * year up to today: once for all municipalities (ops), once for a team lead's two.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { addToDate, amsterdamDate } from '@cjg/domain';
import {
  caseloadReport,
  clientRatingsReport,
  createDataSource,
  databaseUrlFromEnv,
  dropoutsReport,
  goalAttainmentReport,
  monitoringEffortReport,
  overdueReport,
  referralsReport,
  samenloopReport,
  waitingTimesReport,
  type ReportDb,
  type ReportFilter,
} from '@cjg/persistence';

const DATABASE = 'cjg_bench_reports';
const TRAJECTORIES = Number(process.env.BENCH_TRAJECTORIES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 200;
const args = new Set(process.argv.slice(2));

/** Every report, as the API calls it (default grouping and threshold). */
const REPORTS: Array<[string, (db: ReportDb, filter: ReportFilter) => Promise<unknown>]> = [
  ['caseload', caseloadReport],
  ['waiting-times', waitingTimesReport],
  ['referrals', referralsReport],
  ['goal-attainment', goalAttainmentReport],
  ['dropouts', dropoutsReport],
  ['client-ratings', clientRatingsReport],
  ['overdue', overdueReport],
  ['samenloop', samenloopReport],
  ['monitoring-effort', monitoringEffortReport],
];

/**
 * The data, in dependency order. `bench_rnd(i, salt)` is a number in [0, 1) from a hash of the
 * row number: the same data on every run. `bench_t` holds one row per trajectory with every
 * draw and date the other tables derive from; `now()` is the load's moment, so open and closed
 * trajectories, waiting answers and overdue flags sit where they would on a live system.
 */
const LOAD: string[] = [
  `CREATE FUNCTION bench_rnd(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT (hashint8extended(i, salt) & 2147483647)::float8 / 2147483648 $$`,
  `INSERT INTO municipality (code, name) VALUES ('0957', 'Roermond'), ('0983', 'Venlo'),
     ('0935', 'Maastricht'), ('0917', 'Heerlen'), ('1894', 'Peel en Maas'), ('0988', 'Weert')`,
  // 8 teams: two each in Venlo and Maastricht, one in each other municipality.
  `INSERT INTO team (id, name, municipality_code)
   SELECT 'team-' || k, 'Team ' || k, (ARRAY['0983', '0983', '0935', '0935', '0957', '0917', '1894', '0988'])[k]
   FROM generate_series(1, 8) k`,
  // 40 coordinators, 5 per team.
  `INSERT INTO coordinator (id, name, email, team_id)
   SELECT 'coord-' || lpad(k::text, 2, '0'), 'Coordinator ' || k, 'c' || k || '@cjg.example',
     'team-' || ((k - 1) / 5 + 1)
   FROM generate_series(1, 40) k`,
  `INSERT INTO family (id) SELECT 'fam-' || k FROM generate_series(1, 3000) k`,
  `INSERT INTO client (id, name) SELECT 'client-' || i, 'Client ' || i FROM generate_series(1, $1::int) i`,
  `CREATE UNLOGGED TABLE bench_t AS
   WITH d AS (
     SELECT i, bench_rnd(i, 1) AS r_muni, bench_rnd(i, 2) AS r_team, bench_rnd(i, 3) AS r_coord,
       bench_rnd(i, 4) AS r_family, bench_rnd(i, 5) AS r_start, bench_rnd(i, 6) AS r_wait,
       bench_rnd(i, 7) AS r_withdraw, bench_rnd(i, 8) AS r_length, bench_rnd(i, 9) AS r_coordinated,
       bench_rnd(i, 10) AS r_goals, bench_rnd(i, 11) AS r_reached, bench_rnd(i, 12) AS r_agb1,
       bench_rnd(i, 13) AS r_agb2, bench_rnd(i, 14) AS r_overdue, bench_rnd(i, 15) AS r_end,
       bench_rnd(i, 16) AS r_reviews
     FROM generate_series(1, (SELECT count(*) FROM client)::int) i
   ), m AS (
     -- Venlo 25 %, Maastricht 25 %, Roermond 20 %, Heerlen 15 %, Peel en Maas 8 %, Weert 7 %
     SELECT d.*, CASE WHEN r_muni < 0.25 THEN '0983' WHEN r_muni < 0.50 THEN '0935'
       WHEN r_muni < 0.70 THEN '0957' WHEN r_muni < 0.85 THEN '0917' WHEN r_muni < 0.93 THEN '1894'
       ELSE '0988' END AS muni
     FROM d
   ), s AS (
     SELECT m.*,
       CASE muni WHEN '0983' THEN 1 + (r_team < 0.5)::int WHEN '0935' THEN 3 + (r_team < 0.5)::int
         WHEN '0957' THEN 5 WHEN '0917' THEN 6 WHEN '1894' THEN 7 ELSE 8 END AS team,
       -- requests over the last three years
       date_trunc('minute', now() - make_interval(secs => r_start * 3 * 365 * 86400)) AS started_at,
       -- waiting days skewed to the right: median about 30, p90 about 75
       10 + floor(r_wait * r_wait * 80)::int AS wait_days,
       CASE WHEN r_length < 0.1 THEN 3 WHEN r_length < 0.6 THEN 6 ELSE 12 END AS months,
       '1' || lpad((floor(r_agb1 * 150))::int::text, 7, '0') AS agb1,
       CASE WHEN r_agb2 < 0.3 THEN '2' || lpad((floor(r_agb2 * 500))::int::text, 7, '0') END AS agb2
     FROM m
   ), b AS (
     SELECT s.*,
       CASE WHEN r_withdraw >= 0.06 AND started_at + make_interval(days => wait_days, hours => 3) < now()
         THEN started_at + make_interval(days => wait_days, hours => 3) END AS first_beschikking_at
     FROM s
   ), e AS (
     SELECT b.*, (first_beschikking_at AT TIME ZONE 'Europe/Amsterdam')::date AS besch_start,
       ((first_beschikking_at AT TIME ZONE 'Europe/Amsterdam')::date
         + make_interval(months => months))::date - 1 AS besch_end
     FROM b
   ), f AS (
     SELECT e.*,
       CASE WHEN besch_end + (3 + floor(r_end * 40))::int < (now() AT TIME ZONE 'Europe/Amsterdam')::date
         THEN ((besch_end + (3 + floor(r_end * 40))::int)::timestamp + interval '10 hours')
           AT TIME ZONE 'Europe/Amsterdam' END AS end_recorded_at,
       -- zorgcoördinatie is decided some three weeks after the beschikking
       CASE WHEN first_beschikking_at IS NULL OR first_beschikking_at > now() - interval '21 days'
         THEN NULL ELSE r_coordinated < 0.45 END AS coordinated
     FROM e
   )
   SELECT f.*,
     'BENCH-' || lpad(i::text, 6, '0') AS case_number,
     'coord-' || lpad(((team - 1) * 5 + 1 + floor(r_coord * 5))::int::text, 2, '0') AS coordinator_id,
     'fam-' || (1 + floor(r_family * 3000))::int AS family_id,
     r_withdraw < 0.06 AS withdrawn,
     CASE WHEN r_withdraw < 0.06 THEN started_at + make_interval(days => 3 + floor(r_wait * 30)::int)
       ELSE end_recorded_at END AS closed_at,
     -- reviews: coordinated trajectories about every 4 months of care, others now and then
     CASE WHEN first_beschikking_at IS NULL THEN 0
       WHEN coordinated THEN least(6, floor(
         (least(coalesce(end_recorded_at, now()), now())::date - besch_start) / 120.0 * (0.6 + r_reviews)))::int
       ELSE (r_reviews < 0.2)::int END AS reviews_count
   FROM f`,
  // What lies in the future has not happened yet.
  `UPDATE bench_t SET withdrawn = false, closed_at = NULL WHERE withdrawn AND closed_at > now()`,
  `UPDATE bench_t SET end_recorded_at = NULL, closed_at = NULL WHERE end_recorded_at > now()`,
  `INSERT INTO trajectory (case_number, workflow_id, municipality_code, coordinator_id, client_id, phase,
     started_at, updated_at, revision, family_id, coordinated, beschikking_number, beschikking_start,
     beschikking_end, provider_agb_codes, active_provider_agb_codes, next_due_at, next_due_kind, overdue,
     closed_at, first_beschikking_at, reviews_count, end_recorded_at, end_decision, goals_total,
     goals_reached, withdrawn, archive_action_date)
   SELECT case_number, 'trajectory-' || case_number, muni, coordinator_id, 'client-' || i, phase,
     started_at, coalesce(closed_at, now()), 10, family_id, coordinated,
     CASE WHEN first_beschikking_at IS NOT NULL THEN 'B-' || i END, besch_start, besch_end,
     providers,
     CASE WHEN phase IN ('beschikking', 'monitoring') THEN providers ELSE '{}' END,
     CASE WHEN closed_at IS NULL THEN now() + make_interval(days => 1 + floor(r_overdue * 60)::int) END,
     CASE WHEN closed_at IS NOT NULL THEN NULL WHEN phase = 'monitoring' THEN 'review-reminder'
       WHEN phase = 'end-evaluation' THEN 'end-evaluation-reminder' WHEN phase = 'beschikking' THEN 'three-month-check'
       ELSE 'awb-overdue' END,
     closed_at IS NULL AND (
       (first_beschikking_at IS NULL AND started_at < now() - interval '56 days' AND r_overdue < 0.7)
       OR (phase = 'monitoring' AND coordinated AND r_overdue < 0.12)
       OR (phase = 'end-evaluation' AND besch_end < (now() - interval '14 days')::date)),
     closed_at, first_beschikking_at, reviews_count, end_recorded_at,
     CASE WHEN end_recorded_at IS NOT NULL THEN 'end' END,
     CASE WHEN end_recorded_at IS NOT NULL THEN goals END,
     CASE WHEN end_recorded_at IS NOT NULL THEN
       greatest(0, least(goals, round(goals * (0.55 + 0.08 * least(reviews_count, 3) + (r_reached - 0.5) * 0.6))::int))
     END,
     withdrawn, (closed_at AT TIME ZONE 'Europe/Amsterdam')::date + interval '20 years'
   FROM (
     SELECT bench_t.*, 1 + floor(r_goals * 5)::int AS goals,
       CASE WHEN agb2 IS NULL OR agb2 = agb1 THEN ARRAY[agb1] ELSE ARRAY[agb1, agb2] END AS providers,
       CASE WHEN withdrawn THEN 'withdrawn' WHEN closed_at IS NOT NULL THEN 'closed'
         WHEN first_beschikking_at IS NULL THEN
           CASE WHEN started_at > now() - interval '14 days' THEN 'intake'
             WHEN started_at > now() - interval '30 days' THEN 'results-agreed' ELSE 'provider-intake' END
         WHEN besch_end < (now() AT TIME ZONE 'Europe/Amsterdam')::date THEN 'end-evaluation'
         WHEN coordinated IS NULL THEN 'beschikking' ELSE 'monitoring' END AS phase
     FROM bench_t
   ) t`,
  // One beschikking per granted trajectory, and a verlenging for one in ten that ran its course.
  `INSERT INTO trajectory_beschikking (case_number, number, kind, start_date, end_date, issued_at)
   SELECT case_number, 'B-' || i, CASE WHEN bench_rnd(i, 20) < 0.05 THEN 'pgb' ELSE 'zin' END,
     besch_start, besch_end, first_beschikking_at
   FROM bench_t WHERE first_beschikking_at IS NOT NULL`,
  `INSERT INTO trajectory_beschikking (case_number, number, kind, start_date, end_date, issued_at)
   SELECT case_number, 'B-' || i || '-V', 'zin', besch_end + 1, (besch_end + interval '6 months')::date,
     (besch_end - 14)::timestamp AT TIME ZONE 'Europe/Amsterdam'
   FROM bench_t WHERE first_beschikking_at IS NOT NULL AND bench_rnd(i, 21) < 0.1 AND besch_end + 1 < now()::date`,
  // A toewijzing per provider of every ZIN beschikking; JZ020 categories weighted as in practice.
  `INSERT INTO trajectory_toewijzing (case_number, beschikking_number, toewijzingnummer, agb_code,
     product_category, product_code, volume, unit, frequency, start_date)
   SELECT b.case_number, b.number, 'T-' || k, p.agb, c.category, NULL, 4, '04', '2', b.start_date
   FROM trajectory_beschikking b
   JOIN bench_t t ON t.case_number = b.case_number
   CROSS JOIN LATERAL unnest(ARRAY[t.agb1, t.agb2]) WITH ORDINALITY AS p (agb, k)
   CROSS JOIN LATERAL (SELECT bench_rnd(t.i * 10 + k, 22) AS r) x
   CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.50 THEN '45' WHEN r < 0.65 THEN '54' WHEN r < 0.73 THEN '43'
     WHEN r < 0.77 THEN '44' WHEN r < 0.85 THEN '41' WHEN r < 0.88 THEN '46' WHEN r < 0.92 THEN '40'
     WHEN r < 0.97 THEN '50' ELSE '42' END AS category) c
   WHERE b.kind = 'zin' AND p.agb IS NOT NULL AND (k = 1 OR p.agb <> t.agb1)`,
  // Reviews spread over the care; 15 % recorded late.
  `INSERT INTO trajectory_review (case_number, review_no, recorded_at, decision, was_overdue, reached,
     partly, total)
   SELECT case_number, n, (besch_start + (n * 120 / (0.6 + r_reviews))::int)::timestamp
       AT TIME ZONE 'Europe/Amsterdam' + interval '11 hours',
     CASE WHEN n = reviews_count AND end_recorded_at IS NOT NULL THEN 'end' ELSE 'continue' END,
     bench_rnd(i * 10 + n, 23) < 0.15, 1, 1, 3
   FROM bench_t CROSS JOIN LATERAL generate_series(1, reviews_count) n
   WHERE reviews_count > 0`,
  // End evaluations of the providers.
  `INSERT INTO trajectory_evaluation (case_number, evaluation_no, agb_code, kind, recorded_at, reached,
     partly, total)
   SELECT case_number, 1, agb1, 'end', end_recorded_at - interval '7 days', 2, 1, 3
   FROM bench_t WHERE end_recorded_at IS NOT NULL`,
  // Care per provider: stopped volgens plan at the end for most, early (uitval) for 22 %.
  `INSERT INTO trajectory_care (case_number, agb_code, started_on, stopped_on, stop_reason)
   SELECT t.case_number, p.agb, t.besch_start + 5,
     CASE WHEN t.end_recorded_at IS NULL THEN NULL
       WHEN x.r < 0.22 THEN t.besch_start + 5 + floor((t.besch_end - t.besch_start - 5) * bench_rnd(t.i, 25))::int
       ELSE t.besch_end END,
     CASE WHEN t.end_recorded_at IS NULL THEN NULL WHEN x.r >= 0.22 THEN '02'
       WHEN x.r < 0.08 THEN '03' WHEN x.r < 0.11 THEN '04' WHEN x.r < 0.15 THEN '05' WHEN x.r < 0.18 THEN '06'
       WHEN x.r < 0.19 THEN '07' WHEN x.r < 0.20 THEN '11' WHEN x.r < 0.21 THEN '12' ELSE '08' END
   FROM bench_t t
   CROSS JOIN LATERAL unnest(ARRAY[t.agb1, t.agb2]) WITH ORDINALITY AS p (agb, k)
   CROSS JOIN LATERAL (SELECT bench_rnd(t.i * 10 + k, 24) AS r) x
   WHERE t.first_beschikking_at IS NOT NULL AND t.besch_start + 5 < now()::date AND p.agb IS NOT NULL
     AND (k = 1 OR p.agb <> t.agb1)`,
  // The 3-month check and the questionnaires (004), with the statuses the workflow gives them.
  `INSERT INTO client_answer (case_number, question, status, rating, fitting, due_at, answered_at)
   SELECT case_number, 'three-month-check', status,
     NULL, CASE status WHEN 'fitting' THEN true WHEN 'not-fitting' THEN false END, due_at,
     CASE WHEN status IN ('fitting', 'not-fitting') THEN due_at + interval '5 days' END
   FROM (
     SELECT t.case_number, (t.besch_start + interval '3 months' + interval '8 hours') AS due_at,
       CASE WHEN t.besch_start + interval '3 months' > now()
           OR t.end_recorded_at < t.besch_start + interval '3 months' THEN 'waiting'
         WHEN t.besch_start + interval '3 months 28 days' > now() THEN 'sent'
         WHEN bench_rnd(t.i, 26) < 0.52 THEN 'fitting' WHEN bench_rnd(t.i, 26) < 0.62 THEN 'not-fitting'
         ELSE 'no-response' END AS status
     FROM bench_t t WHERE t.first_beschikking_at IS NOT NULL
   ) c`,
  `INSERT INTO client_answer (case_number, question, status, rating, due_at, answered_at)
   SELECT c.case_number, 'questionnaire-midway', s.status,
     CASE WHEN s.status = 'answered' THEN 1 + floor(5 * sqrt(bench_rnd(t.i, 28)))::int END, NULL,
     CASE WHEN s.status = 'answered' THEN c.due_at + interval '6 days' END
   FROM client_answer c
   JOIN bench_t t ON t.case_number = c.case_number
   CROSS JOIN LATERAL (SELECT CASE c.status WHEN 'waiting' THEN 'not-sent' WHEN 'sent' THEN 'sent'
     ELSE CASE WHEN bench_rnd(t.i, 27) < 0.45 THEN 'answered' ELSE 'no-response' END END AS status) s
   WHERE c.question = 'three-month-check'`,
  `INSERT INTO client_answer (case_number, question, status, rating, due_at, answered_at)
   SELECT t.case_number, 'questionnaire-end', s.status,
     CASE WHEN s.status = 'answered' THEN 1 + floor(5 * sqrt(bench_rnd(t.i, 30)))::int END, NULL,
     CASE WHEN s.status = 'answered' THEN t.end_recorded_at + interval '9 days' END
   FROM bench_t t
   CROSS JOIN LATERAL (SELECT CASE WHEN t.end_recorded_at IS NULL THEN 'not-sent'
     WHEN t.end_recorded_at + interval '28 days' > now() THEN 'sent'
     WHEN bench_rnd(t.i, 29) < 0.40 THEN 'answered' ELSE 'no-response' END AS status) s
   WHERE t.first_beschikking_at IS NOT NULL`,
  `DROP TABLE bench_t`,
  `DROP FUNCTION bench_rnd`,
];

const ROW_COUNTS = [
  'trajectory',
  'trajectory_beschikking',
  'trajectory_toewijzing',
  'trajectory_review',
  'trajectory_evaluation',
  'trajectory_care',
  'client_answer',
  'family',
];

function serverUrl(database: string): string {
  const url = new URL(databaseUrlFromEnv());
  url.pathname = `/${database}`;
  return url.toString();
}

async function prepare(): Promise<string> {
  const url = serverUrl(DATABASE);
  const admin = createDataSource(databaseUrlFromEnv());
  await admin.initialize();
  try {
    const exists =
      (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE])).length > 0;
    if (exists && args.has('--reuse')) {
      console.log(`reusing database ${DATABASE}`);
      return url;
    }
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.destroy();
  }
  const db = createDataSource(url);
  await db.initialize();
  try {
    let started = performance.now();
    await db.runMigrations({ transaction: 'each' });
    console.log(`migrations: ${Math.round(performance.now() - started)} ms`);
    started = performance.now();
    for (const statement of LOAD) {
      await db.query(statement, statement.includes('$1') ? [TRAJECTORIES] : []);
    }
    console.log(`load: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    await db.query('VACUUM (ANALYZE)');
    console.log(`vacuum analyze: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.destroy();
  }
  return url;
}

/** A data source that prints the plan of every statement a report runs, then runs it. */
function explaining(db: ReportDb, name: string): ReportDb {
  return {
    query: async (sql: string, parameters?: unknown[]) => {
      const plan: Array<{ 'QUERY PLAN': string }> = await db.query(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        parameters,
      );
      console.log(`\n### ${name}\n\n${plan.map((row) => row['QUERY PLAN']).join('\n')}`);
      return db.query(sql, parameters);
    },
  } as ReportDb;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
/** Nearest rank: with 5 runs the p95 is the slowest. */
const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.ceil(0.95 * values.length) - 1]!;

interface Timing {
  min: number;
  median: number;
  p95: number;
  rows: number;
}

async function time(
  db: ReportDb,
  run: (db: ReportDb, filter: ReportFilter) => Promise<unknown>,
  filter: ReportFilter,
): Promise<Timing> {
  const first = (await run(db, filter)) as Record<string, unknown>;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run(db, filter);
    samples.push(performance.now() - started);
  }
  const rows = Array.isArray(first.rows)
    ? first.rows.length
    : Array.isArray(first.coordinators)
      ? first.coordinators.length
      : 0;
  return { min: Math.min(...samples), median: median(samples), p95: p95(samples), rows };
}

async function main(): Promise<void> {
  const url = await prepare();
  const db = createDataSource(url);
  await db.initialize();
  try {
    const to = amsterdamDate(new Date());
    const period = { from: addToDate(to, -12, 1), to };
    const teamLead = ['0957', '0983'];
    const [{ server_version: version }] = await db.query(`SHOW server_version`);
    const settings: Array<{ name: string; setting: string }> = await db.query(
      `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY ($1) ORDER BY name`,
      [
        [
          'shared_buffers',
          'work_mem',
          'effective_cache_size',
          'max_parallel_workers_per_gather',
          'jit',
          'random_page_cost',
        ],
      ],
    );
    const counts: string[] = [];
    for (const table of ROW_COUNTS) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
      counts.push(`${table} ${Number(n).toLocaleString('en')}`);
    }
    const [{ open }] = await db.query(
      `SELECT count(*)::int AS open FROM trajectory WHERE closed_at IS NULL`,
    );

    const cpus = os.cpus();
    console.log(`\n## Report benchmark\n`);
    console.log(
      `- machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ` +
        `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}, Node ${process.version}; ` +
        `load average before the runs ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')} (1 / 5 / 15 min)`,
    );
    console.log(
      `- PostgreSQL ${version}: ${settings.map((s) => `${s.name}=${s.setting}`).join(', ')}`,
    );
    console.log(`- rows: ${counts.join(', ')}; open trajectories ${open.toLocaleString('en')}`);
    console.log(
      `- period ${period.from} – ${period.to}; warm-up, then ${RUNS} runs each; ` +
        `ops = all municipalities, team lead = ${teamLead.join(' + ')}; target ${TARGET_MS} ms\n`,
    );
    console.log(
      '| report | rows | ops median ms | ops p95 ms | ops min ms | team lead median ms | team lead p95 ms | team lead min ms |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    let over = 0;
    for (const [name, run] of REPORTS) {
      const all = await time(db, run, period);
      const lead = await time(db, run, { ...period, municipalityCodes: teamLead });
      if (Math.max(all.p95, lead.p95) > TARGET_MS) over += 1;
      const ms = (value: number) => value.toFixed(1);
      console.log(
        `| ${name} | ${all.rows} | ${ms(all.median)} | ${ms(all.p95)} | ${ms(all.min)} | ` +
          `${ms(lead.median)} | ${ms(lead.p95)} | ${ms(lead.min)} |`,
      );
    }
    console.log(
      over === 0
        ? `\nevery report under ${TARGET_MS} ms`
        : `\n${over} report(s) over ${TARGET_MS} ms: run with --explain`,
    );
    if (args.has('--explain')) {
      for (const [name, run] of REPORTS) {
        await run(explaining(db, `${name} (ops)`), period);
        await run(explaining(db, `${name} (team lead)`), {
          ...period,
          municipalityCodes: teamLead,
        });
      }
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
