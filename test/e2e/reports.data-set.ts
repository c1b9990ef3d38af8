import type { ReportFilter } from '@cjg/persistence';

/**
 * The data set of reports.e2e-spec.ts: a small read model whose reports are worked out by hand
 * there. The period is the first half of 2026 in Amsterdam: from 2025-12-31T23:00Z (CET) up to
 * 2026-06-30T22:00Z (CEST). Several rows sit just inside or just outside those instants, and one
 * waiting time crosses the switch to summer time, so a report that compares in UTC gets them
 * wrong.
 */
export const PERIOD: ReportFilter = { from: '2026-01-01', to: '2026-06-30' };

/** A trajectory of the data set; unlisted columns take their defaults. */
export interface T {
  n: number;
  muni: string;
  coord: string;
  family: string;
  phase: string;
  started: string;
  besch?: string;
  closed?: string;
  overdue?: boolean;
  coordinated?: boolean | null;
  active?: string[];
  reviews?: number;
  end?: string;
  goals?: [total: number, reached: number];
}

// Waiting days (Amsterdam calendar days from `started` to `besch`) are in the comments.
// prettier-ignore
export const TRAJECTORIES: T[] = [
  // 30 days
  { n: 1, muni: '0957', coord: 'c-anna', family: 'fam-1', phase: 'monitoring', started: '2026-01-05T09:00Z', besch: '2026-02-04T10:00Z', overdue: true, coordinated: true, active: ['11111111', '22222222'], reviews: 2 },
  // 10 days; ended 2026-05-01 with 3 of 4 goals after 2 reviews, coordinated
  { n: 2, muni: '0957', coord: 'c-anna', family: 'fam-1', phase: 'closed', started: '2026-01-10T10:00Z', besch: '2026-01-20T10:00Z', closed: '2026-05-15T10:00Z', coordinated: true, reviews: 2, end: '2026-05-01T10:00Z', goals: [4, 3] },
  // 70 days (over 8 weeks)
  { n: 3, muni: '0957', coord: 'c-bram', family: 'fam-1', phase: 'monitoring', started: '2026-02-01T10:00Z', besch: '2026-04-12T10:00Z', coordinated: true, active: ['22222222', '33333333'] },
  // 42 days, beschikking at 00:30 on 1 January in Amsterdam (in the period); open until 10 July;
  // ended at 23:00 on 30 June in Amsterdam with all 3 goals, no reviews, not coordinated
  { n: 4, muni: '0983', coord: 'c-cas', family: 'fam-4', phase: 'closed', started: '2025-11-20T10:00Z', besch: '2025-12-31T23:30Z', closed: '2026-07-10T10:00Z', coordinated: false, reviews: 0, end: '2026-06-30T21:00Z', goals: [3, 3] },
  // 29 days: 22:30Z on 29 March is 00:30 on the 30th in summer time (28 in UTC)
  { n: 5, muni: '0983', coord: 'c-cas', family: 'fam-2', phase: 'end-evaluation', started: '2026-03-01T10:00Z', besch: '2026-03-29T22:30Z', overdue: true, coordinated: true, active: ['44444444'] },
  // 60 days, beschikking at 23:30 on 30 June in Amsterdam (in the period)
  { n: 6, muni: '0983', coord: 'c-cas', family: 'fam-2', phase: 'monitoring', started: '2026-05-01T10:00Z', besch: '2026-06-30T21:30Z', coordinated: false, active: ['55555555'] },
  // beschikking at 00:30 on 1 July in Amsterdam: after the period
  { n: 7, muni: '0983', coord: 'c-cas', family: 'fam-2', phase: 'beschikking', started: '2026-06-01T10:00Z', besch: '2026-06-30T22:30Z', active: ['66666666', '44444444'] },
  // beschikking and closed at 23:30 on 31 December 2025 in Amsterdam: before the period
  { n: 8, muni: '0935', coord: 'c-dirk', family: 'fam-8', phase: 'closed', started: '2025-10-01T10:00Z', besch: '2025-12-31T22:30Z', closed: '2025-12-31T22:30Z' },
  // 21 days
  { n: 9, muni: '0935', coord: 'c-dirk', family: 'fam-2', phase: 'monitoring', started: '2026-02-10T10:00Z', besch: '2026-03-03T10:00Z', overdue: true, coordinated: true, active: ['77777777'] },
  // closed at 00:30 on 1 January in Amsterdam (in the period); ended before it
  { n: 10, muni: '0957', coord: 'c-bram', family: 'fam-5', phase: 'closed', started: '2025-06-01T10:00Z', besch: '2025-07-01T10:00Z', closed: '2025-12-31T23:30Z', coordinated: true, reviews: 1, end: '2025-12-20T10:00Z', goals: [2, 2] },
  // long over
  { n: 11, muni: '0957', coord: 'c-anna', family: 'fam-5', phase: 'closed', started: '2024-09-01T10:00Z', besch: '2024-10-01T10:00Z', closed: '2025-08-01T10:00Z', coordinated: true, reviews: 1, end: '2025-07-15T10:00Z', goals: [3, 3] },
  // registered at 23:30 on 30 June in Amsterdam (in the period); no beschikking yet, overdue
  { n: 12, muni: '0957', coord: 'c-bram', family: 'fam-3', phase: 'intake', started: '2026-06-30T21:30Z', overdue: true },
  // registered at 00:30 on 1 July in Amsterdam (after the period); overdue
  { n: 13, muni: '0983', coord: 'c-cas', family: 'fam-4', phase: 'intake', started: '2026-06-30T22:30Z', overdue: true },
  // ended 2026-03-10 with 2 of 5 goals after 4 reviews, coordinated
  { n: 14, muni: '0957', coord: 'c-anna', family: 'fam-6', phase: 'closed', started: '2025-03-01T10:00Z', besch: '2025-04-01T10:00Z', closed: '2026-03-20T10:00Z', coordinated: true, reviews: 4, end: '2026-03-10T10:00Z', goals: [5, 2] },
  // ended 2026-02-15 with 0 of 2 goals after 1 review, no coordination decision
  { n: 15, muni: '0983', coord: 'c-cas', family: 'fam-7', phase: 'closed', started: '2025-05-01T10:00Z', besch: '2025-06-01T10:00Z', closed: '2026-02-20T10:00Z', coordinated: null, reviews: 1, end: '2026-02-15T10:00Z', goals: [2, 0] },
  // ended 2026-04-01 without goals; closed, so its (stale) active providers do not count
  { n: 16, muni: '0935', coord: 'c-dirk', family: 'fam-3', phase: 'closed', started: '2025-09-01T10:00Z', besch: '2025-10-01T10:00Z', closed: '2026-04-05T10:00Z', coordinated: true, reviews: 1, end: '2026-04-01T10:00Z', goals: [0, 0], active: ['77777777', '88888888'] },
];

export const CASE = (n: number) => `RPT-${n}`;

/** beschikkingen with their toewijzingen: [trajectory, number, start date, [agb, category][]] */
export const BESCHIKKINGEN: Array<[number, string, string, Array<[string, string]>]> = [
  [
    1,
    'B-1',
    '2026-02-04',
    [
      ['11111111', '45'],
      ['22222222', '45'],
    ],
  ],
  [2, 'B-2', '2026-01-20', [['22222222', '54']]],
  [
    3,
    'B-3',
    '2026-04-12',
    [
      ['22222222', '45'],
      ['33333333', '43'],
    ],
  ],
  [4, 'B-4', '2026-01-01', [['22222222', '45']]],
  [4, 'B-4b', '2026-05-01', [['22222222', '45']]],
  [5, 'B-5', '2026-03-30', [['44444444', '54']]],
  [6, 'B-6', '2026-06-30', [['55555555', '45']]],
  [7, 'B-7', '2026-07-01', [['66666666', '45']]],
  [9, 'B-9', '2026-03-03', [['11111111', '41']]],
  [10, 'B-10', '2025-12-31', [['11111111', '45']]],
];

/** PGB beschikkingen (a budget, no toewijzing): [trajectory, number, start date] */
export const PGB_BESCHIKKINGEN: Array<[number, string, string]> = [
  [5, 'P-5', '2026-03-15'],
  [2, 'P-2', '2026-06-30'], // the last day: in
  [7, 'P-7', '2026-07-01'], // out
];

/** reviews: [trajectory, recorded at, was overdue] */
export const REVIEWS: Array<[number, string, boolean]> = [
  [1, '2026-03-01T10:00Z', false],
  [1, '2026-06-30T21:30Z', true], // 23:30 on 30 June: in
  [2, '2026-02-01T10:00Z', false],
  [2, '2026-04-01T10:00Z', true],
  [14, '2025-06-01T10:00Z', false],
  [14, '2025-09-01T10:00Z', true],
  [14, '2025-12-31T23:30Z', true], // 00:30 on 1 January: in
  [14, '2026-02-15T10:00Z', false],
  [15, '2025-12-01T10:00Z', false],
  [9, '2026-06-30T22:30Z', true], // 00:30 on 1 July: out
  [16, '2026-03-01T10:00Z', true],
];

/** care per provider: [trajectory, agb, stopped on, JZ588 reason] */
export const CARE: Array<[number, string, string | null, string | null]> = [
  [1, '11111111', null, null],
  [2, '11111111', '2026-05-01', '02'],
  [2, '22222222', '2026-03-15', '03'],
  [14, '11111111', '2026-03-10', '02'],
  [15, '33333333', '2026-02-10', '04'],
  [15, '44444444', '2026-02-12', '03'],
  [4, '22222222', '2026-06-30', '02'], // the last day: in
  [4, '33333333', '2026-07-01', '03'], // out
  [10, '11111111', '2025-12-31', '12'], // out
  [16, '55555555', '2026-04-01', '06'],
];

/** client answers: [trajectory, question, status, rating, due at] */
export const ANSWERS: Array<[number, string, string, number | null, string | null]> = [
  [1, 'three-month-check', 'fitting', null, '2026-04-05T08:00Z'],
  [1, 'questionnaire-midway', 'answered', 4, null],
  [3, 'three-month-check', 'sent', null, '2026-06-30T21:00Z'], // 23:00 on 30 June: in
  [3, 'questionnaire-midway', 'sent', null, null],
  [2, 'three-month-check', 'no-response', null, '2026-03-01T08:00Z'],
  [2, 'questionnaire-midway', 'no-response', null, null],
  [5, 'three-month-check', 'not-fitting', null, '2026-05-29T08:00Z'],
  [5, 'questionnaire-midway', 'answered', 2, null],
  [6, 'three-month-check', 'waiting', null, '2026-07-30T08:00Z'],
  [6, 'questionnaire-midway', 'not-sent', null, null],
  [4, 'three-month-check', 'fitting', null, '2026-02-20T08:00Z'],
  [4, 'questionnaire-midway', 'answered', 5, null],
  [9, 'three-month-check', 'fitting', null, '2025-12-31T22:00Z'], // 23:00 on 31 December: out
  [9, 'questionnaire-midway', 'answered', 3, null],
  [14, 'three-month-check', 'fitting', null, '2025-06-01T08:00Z'],
  [14, 'questionnaire-midway', 'answered', 1, null],
  [7, 'three-month-check', 'waiting', null, '2026-09-01T08:00Z'],
  [7, 'questionnaire-midway', 'not-sent', null, null],
  [2, 'questionnaire-end', 'answered', 5, null],
  [14, 'questionnaire-end', 'no-response', null, null],
  [4, 'questionnaire-end', 'sent', null, null],
  [15, 'questionnaire-end', 'answered', 3, null],
  [16, 'questionnaire-end', 'answered', 4, null],
  [10, 'questionnaire-end', 'answered', 1, null],
];

export type Query = (text: string, values?: unknown[]) => Promise<unknown>;

/** Writes the data set; `prefix` makes the ids unique, `muni` overrides every municipality. */
export async function load(
  query: Query,
  options: { prefix?: string; muni?: string; withLookups?: boolean } = {},
): Promise<void> {
  const prefix = options.prefix ?? '';
  const id = (name: string) => `${prefix}${name}`;
  const caseOf = (n: number) => `${prefix.toUpperCase()}${CASE(n)}`;
  if (options.withLookups !== false) {
    await query(
      `INSERT INTO municipality (code, name) VALUES ('0957', 'Roermond'), ('0983', 'Venlo'),
         ('0935', 'Maastricht')`,
    );
    await query(
      `INSERT INTO team (id, name, municipality_code) VALUES ('team-a', 'Team Noord', '0957'),
         ('team-b', 'Team Zuid', '0983')`,
    );
  }
  for (const [coordinator, team] of [
    ['c-anna', 'team-a'],
    ['c-bram', 'team-a'],
    ['c-cas', 'team-b'],
    ['c-dirk', null],
  ] as const) {
    await query(
      `INSERT INTO coordinator (id, name, email, team_id) VALUES ($1, 'Naam', 'c@cjg.example', $2)`,
      [id(coordinator), options.withLookups === false ? null : team],
    );
  }
  for (const t of TRAJECTORIES) {
    await query(`INSERT INTO client (id, name) VALUES ($1, 'Cliënt')`, [id(`cl-${t.n}`)]);
    await query(
      `INSERT INTO trajectory (case_number, workflow_id, municipality_code, coordinator_id, client_id,
         family_id, phase, started_at, updated_at, first_beschikking_at, beschikking_number, closed_at,
         overdue, coordinated, active_provider_agb_codes, reviews_count, end_recorded_at, goals_total,
         goals_reached)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        caseOf(t.n),
        `trajectory-${caseOf(t.n)}`,
        options.muni ?? t.muni,
        id(t.coord),
        id(`cl-${t.n}`),
        id(t.family),
        t.phase,
        t.started,
        t.besch ?? null,
        t.besch ? `B-${t.n}` : null,
        t.closed ?? null,
        t.overdue ?? false,
        t.coordinated ?? null,
        t.active ?? [],
        t.reviews ?? 0,
        t.end ?? null,
        t.goals?.[0] ?? null,
        t.goals?.[1] ?? null,
      ],
    );
  }
  for (const [n, number, start, toewijzingen] of BESCHIKKINGEN) {
    await query(
      `INSERT INTO trajectory_beschikking (case_number, number, kind, start_date, end_date)
       VALUES ($1, $2, 'zin', $3, ($3::date + 180))`,
      [caseOf(n), number, start],
    );
    for (const [i, [agb, category]] of toewijzingen.entries()) {
      await query(
        `INSERT INTO trajectory_toewijzing (case_number, beschikking_number, toewijzingnummer,
           agb_code, product_category, volume, unit, frequency, start_date)
         VALUES ($1, $2, $3, $4, $5, 4, '04', '2', $6)`,
        [caseOf(n), number, `${number}-${i + 1}`, agb, category, start],
      );
    }
  }
  for (const [n, number, start] of PGB_BESCHIKKINGEN) {
    await query(
      `INSERT INTO trajectory_beschikking (case_number, number, kind, start_date, end_date)
       VALUES ($1, $2, 'pgb', $3, ($3::date + 180))`,
      [caseOf(n), number, start],
    );
  }
  const reviewNo = new Map<number, number>();
  for (const [n, at, late] of REVIEWS) {
    reviewNo.set(n, (reviewNo.get(n) ?? 0) + 1);
    await query(
      `INSERT INTO trajectory_review (case_number, review_no, recorded_at, decision, was_overdue,
         reached, partly, total) VALUES ($1, $2, $3, 'continue', $4, 1, 0, 2)`,
      [caseOf(n), reviewNo.get(n), at, late],
    );
  }
  for (const [n, agb, stopped, reason] of CARE) {
    await query(
      `INSERT INTO trajectory_care (case_number, agb_code, started_on, stopped_on, stop_reason)
       VALUES ($1, $2, '2025-01-01', $3, $4)`,
      [caseOf(n), agb, stopped, reason],
    );
  }
  for (const [n, question, status, rating, due] of ANSWERS) {
    await query(
      `INSERT INTO client_answer (case_number, question, status, rating, due_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [caseOf(n), question, status, rating, due],
    );
  }
}
