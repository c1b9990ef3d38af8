import type { DataSource } from 'typeorm';
import {
  caseloadReport,
  clientRatingsReport,
  createDataSource,
  dropoutsReport,
  goalAttainmentReport,
  monitoringEffortReport,
  overdueReport,
  referralsReport,
  samenloopReport,
  waitingTimesReport,
  type WaitingTimeRow,
} from '@cjg/persistence';
import { api, callers, sql, unique } from '../support/e2e';
import { scratchDatabase } from '../support/scratch-database';
import { CASE, load, PERIOD } from './reports.data-set';

jest.setTimeout(60_000);

/** The reports over the hand-worked data set of reports.data-set.ts (its comment says how). */
describe('the reports, on a data set worked out by hand', () => {
  let db: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await scratchDatabase('reports');
    dataSource = createDataSource(db.url);
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.transaction((tx) => load((text, values) => tx.query(text, values)));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('caseload: open at the end of the period, active, started and closed in it', async () => {
    // Period trajectories (started before 1 July 00:00, not closed before 1 January 00:00):
    //   c-anna: 1 (open, started), 2 (started, closed), 14 (closed)      → 1 / 3 / 2 / 2
    //   c-bram: 3 (open, started), 10 (closed 00:30 1 Jan), 12 (open, started 23:30 30 Jun)
    //                                                                    → 2 / 3 / 2 / 1
    //   c-cas:  4 (open: closed 10 July), 5, 6, 7 (open, started), 15 (closed); not 13 (1 July)
    //                                                                    → 4 / 5 / 3 / 1
    //   c-dirk: 9 (open, started), 16 (closed); not 8 (closed 23:30 31 Dec) → 1 / 2 / 1 / 1
    const report = await caseloadReport(dataSource, PERIOD);
    expect(report.asOf).toBe('2026-06-30');
    // prettier-ignore
    expect(report.coordinators).toEqual([
      { coordinatorId: 'c-anna', teamId: 'team-a', teamName: 'Team Noord', open: 1, active: 3, started: 2, closed: 2 },
      { coordinatorId: 'c-bram', teamId: 'team-a', teamName: 'Team Noord', open: 2, active: 3, started: 2, closed: 1 },
      { coordinatorId: 'c-cas', teamId: 'team-b', teamName: 'Team Zuid', open: 4, active: 5, started: 3, closed: 1 },
      { coordinatorId: 'c-dirk', teamId: null, teamName: null, open: 1, active: 2, started: 1, closed: 1 },
    ]);
    // Team Noord: anna + bram = 3 open over 2 coordinators = 1.5.
    // prettier-ignore
    expect(report.teams).toEqual([
      { teamId: 'team-a', teamName: 'Team Noord', coordinators: 2, open: 3, active: 6, started: 4, closed: 3, openPerCoordinator: 1.5 },
      { teamId: 'team-b', teamName: 'Team Zuid', coordinators: 1, open: 4, active: 5, started: 3, closed: 1, openPerCoordinator: 4 },
      { teamId: null, teamName: null, coordinators: 1, open: 1, active: 2, started: 1, closed: 1, openPerCoordinator: 1 },
    ]);
    // Only Roermond: the trajectories of 0957 (anna and bram), whatever their team.
    const roermond = await caseloadReport(dataSource, { ...PERIOD, municipalityCodes: ['0957'] });
    expect(roermond.coordinators.map((c) => [c.coordinatorId, c.open, c.active])).toEqual([
      ['c-anna', 1, 3],
      ['c-bram', 2, 3],
    ]);
    // As of the end of 31 March: 1, 3 (started 1 Feb), 4, 5, 9, 15 (closed 20 Feb: no), 14
    // (closed 20 March: no), 2 (closed 15 May: yes) → anna 1+2, bram 3, cas 4+5, dirk 9+16.
    const march = await caseloadReport(dataSource, { from: '2026-01-01', to: '2026-03-31' });
    expect(march.coordinators.map((c) => [c.coordinatorId, c.open])).toEqual([
      ['c-anna', 2],
      ['c-bram', 1],
      ['c-cas', 2],
      ['c-dirk', 2],
    ]);
  });

  it('waiting time from request to first beschikking per municipality', async () => {
    // In the period: 0935 [21]; 0957 [10, 30, 70]; 0983 [29, 42, 60]. Not 7 (1 July), 8 (31 Dec).
    // percentile_cont at position 1 + p·(n − 1): 0957 p90 = 30 + 0.8·(70 − 30) = 62;
    // 0983 p90 = 42 + 0.8·(60 − 42) = 56.4. All seven sorted: 10 21 29 30 42 60 70, sum 262:
    // mean 37.43, median 30, p90 at 6.4 = 60 + 0.4·10 = 64; over 56 days: 60 and 70.
    const report = await waitingTimesReport(dataSource, PERIOD);
    // prettier-ignore
    expect(report.rows).toEqual([
      { municipalityCode: '0935', municipalityName: 'Maastricht', trajectories: 1, meanDays: 21, medianDays: 21, p90Days: 21, maxDays: 21, overEightWeeks: 0 },
      { municipalityCode: '0957', municipalityName: 'Roermond', trajectories: 3, meanDays: 36.7, medianDays: 30, p90Days: 62, maxDays: 70, overEightWeeks: 1 },
      { municipalityCode: '0983', municipalityName: 'Venlo', trajectories: 3, meanDays: 43.7, medianDays: 42, p90Days: 56.4, maxDays: 60, overEightWeeks: 1 },
    ]);
    // prettier-ignore
    expect(report.total).toEqual({ trajectories: 7, meanDays: 37.4, medianDays: 30, p90Days: 64, maxDays: 70, overEightWeeks: 2 });
    // Two municipalities: 10 29 30 42 60 70, sum 241: mean 40.2, median (30 + 42) / 2 = 36,
    // p90 at 5.5 = 60 + 0.5·10 = 65.
    const two = await waitingTimesReport(dataSource, {
      ...PERIOD,
      municipalityCodes: ['0957', '0983'],
    });
    expect(two.rows.map((r) => r.municipalityCode)).toEqual(['0957', '0983']);
    // prettier-ignore
    expect(two.total).toEqual({ trajectories: 6, meanDays: 40.2, medianDays: 36, p90Days: 65, maxDays: 70, overEightWeeks: 2 });
    const none = await waitingTimesReport(dataSource, { from: '2030-01-01', to: '2030-12-31' });
    // prettier-ignore
    expect(none).toEqual({ rows: [], total: { trajectories: 0, meanDays: null, medianDays: null, p90Days: null, maxDays: null, overEightWeeks: 0 } });
  });

  it('waiting time counts from the day the request was received, when the start named it', async () => {
    // Received before their registration: 2 on 3 January (registered 10 January: 17 days, not
    // 10), 9 on 27 January (registered 10 February: 35 days, not 21), 5 on 20 January
    // (registered 1 March, beschikking 30 March in Amsterdam: 69 days, not 29; over 8 weeks).
    // Now 0935 [35]; 0957 [17, 30, 70]; 0983 [42, 60, 69]. 0957 p90 = 30 + 0.8·40 = 62; 0983
    // p90 = 60 + 0.8·9 = 67.2. All seven: 17 30 35 42 60 69 70, sum 323: mean 46.1, median 42,
    // p90 at 6.4 = 69 + 0.4·1 = 69.4; over 56 days: 60, 69 and 70.
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      for (const [n, receivedOn] of [
        [2, '2026-01-03'],
        [9, '2026-01-27'],
        [5, '2026-01-20'],
      ] as const) {
        await runner.query(`UPDATE trajectory SET received_on = $2 WHERE case_number = $1`, [
          CASE(n),
          receivedOn,
        ]);
      }
      const report = await waitingTimesReport(runner, PERIOD);
      const figures = (r: Omit<WaitingTimeRow, 'municipalityCode' | 'municipalityName'>) => [
        r.trajectories,
        r.meanDays,
        r.medianDays,
        r.p90Days,
        r.maxDays,
        r.overEightWeeks,
      ];
      expect(report.rows.map((r) => [r.municipalityCode, ...figures(r)])).toEqual([
        ['0935', 1, 35, 35, 35, 35, 0],
        ['0957', 3, 39, 30, 62, 70, 1],
        ['0983', 3, 57, 60, 67.2, 69, 2],
      ]);
      expect(figures(report.total)).toEqual([7, 46.1, 42, 69.4, 70, 3]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('referrals per month, quarter and period and product category', async () => {
    // Toewijzingen starting 1 January – 30 June: Jan 45 (4), 54 (2); Feb 45 ×2 (1); Mar 41 (9),
    // 54 (5); Apr 43, 45 (3); May 45 (4, verlenging); Jun 45 (6). Not 7 (1 July), 10 (31 Dec).
    // PGB beschikkingen, category `pgb`: Mar (5), Jun (2). Not 7 (1 July).
    const monthly = await referralsReport(dataSource, PERIOD);
    expect(monthly.group).toBe('month');
    expect(
      monthly.rows.map((r) => [r.period, r.productCategory, r.referrals, r.trajectories]),
    ).toEqual([
      ['2026-01', '45', 1, 1],
      ['2026-01', '54', 1, 1],
      ['2026-02', '45', 2, 1],
      ['2026-03', '41', 1, 1],
      ['2026-03', '54', 1, 1],
      ['2026-03', 'pgb', 1, 1],
      ['2026-04', '43', 1, 1],
      ['2026-04', '45', 1, 1],
      ['2026-05', '45', 1, 1],
      ['2026-06', '45', 1, 1],
      ['2026-06', 'pgb', 1, 1],
    ]);
    expect(monthly.rows[0]!.productCategoryName).toBe('Jeugdhulp ambulant');
    expect(monthly.rows.find((r) => r.productCategory === 'pgb')!.productCategoryName).toBe(
      'Persoonsgebonden budget (PGB)',
    );
    // 10 toewijzingen and 2 PGB beschikkingen of 7 trajectories (1, 2, 3, 4, 5, 6, 9).
    expect(monthly.total).toEqual({ referrals: 12, trajectories: 7 });
    // Q1: 41 (9); 45: 4, 1, 1 → 3 of 2 trajectories; 54: 2, 5. Q2: 43 (3); 45: 3, 4, 6.
    const quarterly = await referralsReport(dataSource, { ...PERIOD, group: 'quarter' });
    expect(
      quarterly.rows.map((r) => [r.period, r.productCategory, r.referrals, r.trajectories]),
    ).toEqual([
      ['2026-Q1', '41', 1, 1],
      ['2026-Q1', '45', 3, 2],
      ['2026-Q1', '54', 2, 2],
      ['2026-Q1', 'pgb', 1, 1],
      ['2026-Q2', '43', 1, 1],
      ['2026-Q2', '45', 3, 3],
      ['2026-Q2', 'pgb', 1, 1],
    ]);
    // The whole period: 45 of 1 (×2), 3, 4 (×2), 6 → 6 of 4 trajectories.
    const whole = await referralsReport(dataSource, { ...PERIOD, group: 'period' });
    expect(
      whole.rows.map((r) => [r.period, r.productCategory, r.referrals, r.trajectories]),
    ).toEqual([
      ['2026-01-01/2026-06-30', '41', 1, 1],
      ['2026-01-01/2026-06-30', '43', 1, 1],
      ['2026-01-01/2026-06-30', '45', 6, 4],
      ['2026-01-01/2026-06-30', '54', 2, 2],
      ['2026-01-01/2026-06-30', 'pgb', 2, 2],
    ]);
    // Roermond: 1 (Feb 45 ×2), 2 (Jan 54, Jun PGB), 3 (Apr 43, 45).
    const roermond = await referralsReport(dataSource, { ...PERIOD, municipalityCodes: ['0957'] });
    expect(roermond.total).toEqual({ referrals: 6, trajectories: 3 });
  });

  it('doelrealisatie: goals reached at the end evaluations of the period', async () => {
    // End evaluations in the period with goals: 2 (3/4) and 14 (2/5) in 0957; 4 (3/3, at 23:00
    // on 30 June) and 15 (0/2) in 0983. Not 16 (no goals), 10 and 11 (before).
    // 0957: 5/9 = 55.6 %, none all reached; 0983: 3/5 = 60 %, 1 of 2 all reached = 50 %.
    // Total: 8/14 = 57.1 %, 1 of 4 = 25 %.
    const report = await goalAttainmentReport(dataSource, PERIOD);
    // prettier-ignore
    expect(report.rows).toEqual([
      { municipalityCode: '0957', municipalityName: 'Roermond', endEvaluations: 2, goalsTotal: 9, goalsReached: 5, goalsReachedPct: 55.6, allGoalsReached: 0, allGoalsReachedPct: 0 },
      { municipalityCode: '0983', municipalityName: 'Venlo', endEvaluations: 2, goalsTotal: 5, goalsReached: 3, goalsReachedPct: 60, allGoalsReached: 1, allGoalsReachedPct: 50 },
    ]);
    // prettier-ignore
    expect(report.total).toEqual({ endEvaluations: 4, goalsTotal: 14, goalsReached: 8, goalsReachedPct: 57.1, allGoalsReached: 1, allGoalsReachedPct: 25 });
  });

  it('uitval: care stopped early, per JZ588 reason, as a share of all stops', async () => {
    // Stops in the period: 2/111 02, 2/222 03, 14/111 02, 15/333 04, 15/444 03, 4/222 02 (30 June),
    // 16/555 06 → 7 stops, 3 planned, 4 early in 3 trajectories (2, 15, 16).
    // 03: 2 of 7 = 28.6 %; 04 and 06: 1 of 7 = 14.3 %; early 4 of 7 = 57.1 %.
    const report = await dropoutsReport(dataSource, PERIOD);
    // prettier-ignore
    expect(report.rows).toEqual([
      { reasonCode: '03', reasonLabel: 'Levering is eenzijdig beëindigd door cliënt', stops: 2, trajectories: 2, pctOfAllStops: 28.6 },
      { reasonCode: '04', reasonLabel: 'Levering is eenzijdig beëindigd door aanbieder', stops: 1, trajectories: 1, pctOfAllStops: 14.3 },
      { reasonCode: '06', reasonLabel: 'Verhuizing naar andere gemeente', stops: 1, trajectories: 1, pctOfAllStops: 14.3 },
    ]);
    // Trajectories with a stop: 2, 14, 15, 4, 16.
    // prettier-ignore
    expect(report.total).toEqual({ careStops: 7, careStopTrajectories: 5, plannedStops: 3, earlyStops: 4, earlyTrajectories: 3, earlyStopsPct: 57.1 });
    // Without Maastricht (16): 6 stops, 3 early (50 %); 03: 2 of 6 = 33.3 %, 04: 16.7 %.
    const two = await dropoutsReport(dataSource, {
      ...PERIOD,
      municipalityCodes: ['0957', '0983'],
    });
    expect(two.rows.map((r) => [r.reasonCode, r.stops, r.pctOfAllStops])).toEqual([
      ['03', 2, 33.3],
      ['04', 1, 16.7],
    ]);
    // prettier-ignore
    expect(two.total).toEqual({ careStops: 6, careStopTrajectories: 4, plannedStops: 3, earlyStops: 3, earlyTrajectories: 2, earlyStopsPct: 50 });
  });

  it('client ratings: response rate and mean rating per question', async () => {
    // Checks (and midway questionnaires) sent in the period: 0957: 1 fitting (midway 4),
    // 3 sent (23:00 30 June; midway sent), 2 no-response (midway no-response); 0983: 5
    // not-fitting (midway 2), 4 fitting (midway 5). Not 9 (23:00 31 Dec), 14, 6 and 7 (waiting).
    // End questionnaires of the period's end evaluations: 0957: 2 answered 5, 14 no-response;
    // 0983: 4 sent, 15 answered 3; 0935: 16 answered 4. Not 10 (ended 2025).
    const report = await clientRatingsReport(dataSource, PERIOD);
    const row = (
      municipalityCode: string,
      municipalityName: string,
      question: string,
      f: number[],
      mean: number | null,
      fitting: number | null,
    ) => ({
      municipalityCode,
      municipalityName,
      question,
      asked: f[0],
      answered: f[1],
      noResponse: f[2],
      awaiting: f[3],
      responseRatePct: f[4],
      meanRating: mean,
      // The data set's answers are from before the three ratings (004): the help only.
      meanRatingCjg: null,
      meanRatingCoordinator: null,
      fittingPct: fitting,
    });
    expect(report.rows).toEqual([
      row('0935', 'Maastricht', 'questionnaire-end', [1, 1, 0, 0, 100], 4, null),
      row('0957', 'Roermond', 'three-month-check', [3, 1, 1, 1, 33.3], null, 100),
      row('0957', 'Roermond', 'questionnaire-midway', [3, 1, 1, 1, 33.3], 4, null),
      row('0957', 'Roermond', 'questionnaire-end', [2, 1, 1, 0, 50], 5, null),
      row('0983', 'Venlo', 'three-month-check', [2, 2, 0, 0, 100], null, 50),
      row('0983', 'Venlo', 'questionnaire-midway', [2, 2, 0, 0, 100], 3.5, null),
      row('0983', 'Venlo', 'questionnaire-end', [2, 1, 0, 1, 50], 3, null),
    ]);
    // Together: checks 5 asked, 3 answered (2 fitting: 66.7 %); midway 5 / 3, mean (4 + 2 + 5)
    // / 3 = 3.67; end 5 / 3, mean (5 + 3 + 4) / 3 = 4.
    // prettier-ignore
    expect(report.total).toEqual([
      { question: 'three-month-check', asked: 5, answered: 3, noResponse: 1, awaiting: 1, responseRatePct: 60, meanRating: null, meanRatingCjg: null, meanRatingCoordinator: null, fittingPct: 66.7 },
      { question: 'questionnaire-midway', asked: 5, answered: 3, noResponse: 1, awaiting: 1, responseRatePct: 60, meanRating: 3.67, meanRatingCjg: null, meanRatingCoordinator: null, fittingPct: null },
      { question: 'questionnaire-end', asked: 5, answered: 3, noResponse: 1, awaiting: 1, responseRatePct: 60, meanRating: 4, meanRatingCjg: null, meanRatingCoordinator: null, fittingPct: null },
    ]);
  });

  it('client ratings: the CJG and the coordinator rated too, over the answers that gave them (004)', async () => {
    // The midway answers (4, 2, 5 for the help) rate the CJG one higher, capped at 5, and the
    // coordinator 5; one of them (the 2) gives no rating of the CJG, as an older form.
    await dataSource.query(
      `UPDATE client_answer SET rating_cjg = CASE WHEN rating = 2 THEN NULL ELSE least(rating + 1, 5) END,
         rating_coordinator = 5
       WHERE question = 'questionnaire-midway' AND status = 'answered'`,
    );
    try {
      const midway = (await clientRatingsReport(dataSource, PERIOD)).total.find(
        (t) => t.question === 'questionnaire-midway',
      );
      // CJG: (5 + 5) / 2 = 5 over the two that gave one; coordinator: 5.
      expect(midway).toMatchObject({
        meanRating: 3.67,
        meanRatingCjg: 5,
        meanRatingCoordinator: 5,
      });
    } finally {
      await dataSource.query(
        `UPDATE client_answer SET rating_cjg = NULL, rating_coordinator = NULL
         WHERE question = 'questionnaire-midway'`,
      );
    }
  });

  it('overdue now by kind, and reviews recorded late in the period', async () => {
    // Open now: 0935: 9 (review overdue); 0957: 1 (review overdue), 3, 12 (no beschikking,
    // overdue); 0983: 5 (end evaluation overdue), 6, 7, 13 (no beschikking, overdue).
    // Reviews in the period: 0957: 1 (2, one late), 2 (2, one late), 14 (00:30 1 Jan late,
    // 15 Feb) → 6, 3 late = 50 %; 0935: 16 (late) → 1, 1; not 9 (1 July), 15 (Dec).
    const report = await overdueReport(dataSource, PERIOD);
    // prettier-ignore
    expect(report.rows).toEqual([
      { municipalityCode: '0935', municipalityName: 'Maastricht', open: 1, overdue: 1, beschikkingOverdue: 0, reviewOverdue: 1, endEvaluationOverdue: 0, reviewsRecorded: 1, reviewsRecordedLate: 1, reviewsRecordedLatePct: 100 },
      { municipalityCode: '0957', municipalityName: 'Roermond', open: 3, overdue: 2, beschikkingOverdue: 1, reviewOverdue: 1, endEvaluationOverdue: 0, reviewsRecorded: 6, reviewsRecordedLate: 3, reviewsRecordedLatePct: 50 },
      { municipalityCode: '0983', municipalityName: 'Venlo', open: 4, overdue: 2, beschikkingOverdue: 1, reviewOverdue: 0, endEvaluationOverdue: 1, reviewsRecorded: 0, reviewsRecordedLate: 0, reviewsRecordedLatePct: null },
    ]);
    // 4 late of 7 = 57.1 %.
    // prettier-ignore
    expect(report.total).toEqual({ open: 8, overdue: 5, beschikkingOverdue: 2, reviewOverdue: 2, endEvaluationOverdue: 1, reviewsRecorded: 7, reviewsRecordedLate: 4, reviewsRecordedLatePct: 57.1 });
  });

  it('samenloop: families with three or more providers active at once', async () => {
    // fam-1: 1 {111, 222} + 3 {222, 333} = 3 providers in 2 trajectories (2 is closed).
    // fam-2: 5 {444}, 6 {555}, 7 {666, 444} (0983) + 9 {777} (0935) = 4 in 4.
    // fam-3: 12 {} and 16 (closed: its stale providers do not count).
    const report = await samenloopReport(dataSource, PERIOD);
    expect(report).toEqual({
      threshold: 3,
      families: 2,
      rows: [
        {
          familyId: 'fam-2',
          providers: 4,
          trajectories: 4,
          namedByMunicipality: null,
          consent: null,
        },
        {
          familyId: 'fam-1',
          providers: 3,
          trajectories: 2,
          namedByMunicipality: null,
          consent: null,
        },
      ],
    });
    expect((await samenloopReport(dataSource, { ...PERIOD, threshold: 4 })).rows).toEqual([
      {
        familyId: 'fam-2',
        providers: 4,
        trajectories: 4,
        namedByMunicipality: null,
        consent: null,
      },
    ]);
    // Seen from Venlo only: fam-2 has 444, 555, 666 there: still 3.
    expect(
      (await samenloopReport(dataSource, { ...PERIOD, municipalityCodes: ['0983'] })).rows,
    ).toEqual([
      {
        familyId: 'fam-2',
        providers: 3,
        trajectories: 3,
        namedByMunicipality: null,
        consent: null,
      },
    ]);
    expect(
      (await samenloopReport(dataSource, { ...PERIOD, municipalityCodes: ['0935'] })).families,
    ).toBe(0);
  });

  it('samenloop: a family Roermond named itself counts there, whatever its count, with its consent', async () => {
    // fam-named has no trajectory in the data set: the municipality named it itself (004).
    await dataSource.query(
      `INSERT INTO family (id, named_by_municipality, named_on, family_informed, consent, consent_on)
       VALUES ('fam-named', '0957', '2026-06-01', true, 'given', '2026-06-03')`,
    );
    try {
      const roermond = await samenloopReport(dataSource, {
        ...PERIOD,
        municipalityCodes: ['0957'],
      });
      expect(roermond.rows).toContainEqual({
        familyId: 'fam-named',
        providers: 0,
        trajectories: 0,
        namedByMunicipality: '0957',
        consent: 'given',
      });
      // Venlo did not name it.
      const venlo = await samenloopReport(dataSource, { ...PERIOD, municipalityCodes: ['0983'] });
      expect(venlo.rows.map((r) => r.familyId)).not.toContain('fam-named');
    } finally {
      await dataSource.query(`DELETE FROM family WHERE id = 'fam-named'`);
    }
  });

  it('monitoring effort against outcome: doelrealisatie per number of reviews', async () => {
    // The four end evaluations of the goal report: 4 (0 reviews, not coordinated, 3/3),
    // 15 (1 review, no decision → not coordinated, 0/2), 2 (2, coordinated, 3/4),
    // 14 (4 → 3+, coordinated, 2/5).
    const report = await monitoringEffortReport(dataSource, PERIOD);
    const row = (reviews: string, coordination: string, meanReviews: number, f: number[]) => ({
      reviews,
      coordination,
      meanReviews,
      endEvaluations: f[0],
      goalsTotal: f[1],
      goalsReached: f[2],
      goalsReachedPct: f[3],
      allGoalsReached: f[4],
      allGoalsReachedPct: f[5],
    });
    expect(report.rows).toEqual([
      row('0', 'not-coordinated', 0, [1, 3, 3, 100, 1, 100]),
      row('0', 'all', 0, [1, 3, 3, 100, 1, 100]),
      row('1', 'not-coordinated', 1, [1, 2, 0, 0, 0, 0]),
      row('1', 'all', 1, [1, 2, 0, 0, 0, 0]),
      row('2', 'coordinated', 2, [1, 4, 3, 75, 0, 0]),
      row('2', 'all', 2, [1, 4, 3, 75, 0, 0]),
      row('3+', 'coordinated', 4, [1, 5, 2, 40, 0, 0]),
      row('3+', 'all', 4, [1, 5, 2, 40, 0, 0]),
      // coordinated: 2 + 14 → 5/9 = 55.6 %, mean (2 + 4) / 2 = 3
      row('all', 'coordinated', 3, [2, 9, 5, 55.6, 0, 0]),
      // not coordinated: 4 + 15 → 3/5 = 60 %, one of two all reached, mean 0.5
      row('all', 'not-coordinated', 0.5, [2, 5, 3, 60, 1, 50]),
      // all four: 8/14 = 57.1 %, mean (0 + 1 + 2 + 4) / 4 = 1.75
      row('all', 'all', 1.75, [4, 14, 8, 57.1, 1, 25]),
    ]);
  });
});

describe('GET /reports/* through the real API', () => {
  // The stack's own database is shared with the other e2e tests: this data set goes in under a
  // municipality no other test uses (and ids of its own), and out again at the end.
  const muni = '0888';
  const prefix = `r${unique()}-`;
  const from = '2026-01-01';
  const to = '2026-06-30';

  beforeAll(async () => {
    await load((text, values) => sql(text, values), { prefix, muni, withLookups: false });
  });

  afterAll(async () => {
    const cases = `SELECT case_number FROM trajectory WHERE municipality_code = '${muni}'`;
    for (const table of [
      'client_answer',
      'trajectory_care',
      'trajectory_review',
      'trajectory_toewijzing',
      'trajectory_beschikking',
    ]) {
      await sql(`DELETE FROM ${table} WHERE case_number IN (${cases})`);
    }
    await sql(`DELETE FROM trajectory WHERE municipality_code = $1`, [muni]);
    await sql(`DELETE FROM client WHERE id LIKE $1`, [`${prefix}%`]);
    await sql(`DELETE FROM coordinator WHERE id LIKE $1`, [`${prefix}%`]);
  });

  it('answers ops in JSON with the same figures as the query', async () => {
    // The whole data set in one municipality: the waiting times of the total above.
    const res = await api<Record<string, unknown>>(
      'GET',
      `/reports/waiting-times?from=${from}&to=${to}&municipalityCode=${muni}`,
      undefined,
      { as: callers.ops },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({
      report: 'waiting-times',
      from,
      to,
      municipalityCodes: [muni],
      rows: [{ municipalityCode: muni, trajectories: 7, medianDays: 30, p90Days: 64 }],
      total: { trajectories: 7, meanDays: 37.4, medianDays: 30, p90Days: 64, maxDays: 70 },
    });
  });

  it('counts a year up to today (Amsterdam) when the period is not named', async () => {
    const asOps = (path: string) =>
      api<Record<string, unknown>>('GET', path, undefined, { as: callers.ops });
    // Today in Amsterdam, and the day after the same date a year earlier.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    const [y, m, d] = today.split('-').map(Number);
    const yearBefore = new Date(Date.UTC(y - 1, m - 1, d + 1)).toISOString().slice(0, 10);
    const path = `/reports/waiting-times?municipalityCode=${muni}`;
    const res = await asOps(path);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ report: 'waiting-times', from: yearBefore, to: today });
    const named = await asOps(`${path}&from=${yearBefore}&to=${today}`);
    expect(res.body.total).toEqual(named.body.total);
    // One end named: the other is its default.
    const toOnly = await asOps(`/reports/caseload?to=${to}&municipalityCode=${muni}`);
    expect(toOnly.status).toBe(200);
    expect(toOnly.body).toMatchObject({ from: '2025-07-01', to, asOf: to });
    const fromOnly = await asOps(`/reports/caseload?from=${from}&municipalityCode=${muni}`);
    expect(fromOnly.status).toBe(200);
    expect(fromOnly.body).toMatchObject({ from, to: today });
  });

  it('answers CSV for Accept: text/csv and for ?format=csv', async () => {
    const byHeader = await api<string>(
      'GET',
      `/reports/dropouts?from=${from}&to=${to}&municipalityCode=${muni}`,
      undefined,
      { as: callers.ops, headers: { accept: 'text/csv' } },
    );
    expect(byHeader.status).toBe(200);
    expect(byHeader.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(byHeader.headers.get('content-disposition')).toBe(
      `attachment; filename="dropouts-${from}-${to}.csv"`,
    );
    // The reasons, then uitval together and all stops; CRLF line ends (RFC 4180).
    expect(byHeader.body).toBe(
      [
        'reasonCode,reasonLabel,stops,trajectories,pctOfAllStops',
        '03,Levering is eenzijdig beëindigd door cliënt,2,2,28.6',
        '04,Levering is eenzijdig beëindigd door aanbieder,1,1,14.3',
        '06,Verhuizing naar andere gemeente,1,1,14.3',
        'early,"uitval: every reason but 02, volgens plan",4,3,57.1',
        'all,all care stops,7,5,100',
        '',
      ].join('\r\n'),
    );
    const byQuery = await api<string>(
      'GET',
      `/reports/caseload?from=${from}&to=${to}&municipalityCode=${muni}&format=csv`,
      undefined,
      { as: callers.ops },
    );
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(byQuery.body.split('\r\n').slice(0, 2)).toEqual([
      'level,teamId,teamName,coordinatorId,coordinators,open,active,started,closed,openPerCoordinator',
      `coordinator,,,${prefix}c-anna,,1,3,2,2,`,
    ]);
  });

  it('lets a team lead see its own municipalities only', async () => {
    const own = await api<{
      rows: Array<{ municipalityCode: string }>;
      municipalityCodes: string[];
    }>('GET', `/reports/overdue?from=${from}&to=${to}`, undefined, { as: callers.teamLead });
    expect(own.status).toBe(200);
    expect(own.body.municipalityCodes).toEqual(['0957', '0983']);
    expect(own.body.rows.map((r) => r.municipalityCode)).not.toContain(muni);
    const other = await api(
      'GET',
      `/reports/overdue?from=${from}&to=${to}&municipalityCode=${muni}`,
      undefined,
      { as: callers.teamLead },
    );
    expect(other.status).toBe(403);
    const ops = await api<{ rows: Array<{ municipalityCode: string }> }>(
      'GET',
      `/reports/overdue?from=${from}&to=${to}`,
      undefined,
      { as: callers.ops },
    );
    expect(ops.body.rows.map((r) => r.municipalityCode)).toContain(muni);
  });

  it('refuses coordinators and providers, and a period that runs backwards', async () => {
    for (const name of [
      'caseload',
      'waiting-times',
      'referrals',
      'goal-attainment',
      'dropouts',
      'client-ratings',
      'overdue',
      'samenloop',
      'monitoring-effort',
    ]) {
      const path = `/reports/${name}?from=${from}&to=${to}`;
      expect((await api('GET', path, undefined, { as: callers.coordinator })).status).toBe(403);
      expect((await api('GET', path, undefined, { as: callers.provider('12345678') })).status).toBe(
        403,
      );
      expect((await api('GET', path, undefined, { as: null })).status).toBe(401);
      expect((await api('GET', path, undefined, { as: callers.teamLead })).status).toBe(200);
    }
    const backwards = await api<{ details: Array<{ field: string }> }>(
      'GET',
      `/reports/caseload?from=2026-06-30&to=2026-01-01`,
      undefined,
      { as: callers.ops },
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.details.map((d) => d.field)).toEqual(['to']);
    const tooLong = await api('GET', `/reports/caseload?from=2016-01-01&to=2026-01-01`, undefined, {
      as: callers.ops,
    });
    expect(tooLong.status).toBe(400);
    // Without `to` the period ends today: a `from` after today runs backwards, one 5 years or
    // more before today is too long.
    for (const start of ['2999-01-01', '2016-01-01']) {
      const fromOnly = await api<{ details: Array<{ field: string }> }>(
        'GET',
        `/reports/caseload?from=${start}`,
        undefined,
        { as: callers.ops },
      );
      expect(fromOnly.status).toBe(400);
      expect(fromOnly.body.details.map((d) => d.field)).toEqual(['from']);
    }
  });
});
