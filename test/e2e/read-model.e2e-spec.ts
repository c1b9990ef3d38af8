import type { DataSource } from 'typeorm';
import { createTrajectoryActivities } from '@cjg/activities';
import {
  applyCommand,
  initialState,
  projectionOf,
  type TrajectoryCommand,
  type TrajectoryState,
} from '@cjg/domain';
import { createDataSource, MIGRATIONS } from '@cjg/persistence';
import { scratchDatabase } from '../support/scratch-database';

jest.setTimeout(60_000);

const TABLES = `SELECT table_name FROM information_schema.tables
  WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY table_name`;

describe('the read model in PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await scratchDatabase('readmodel');
    dataSource = createDataSource(db.url);
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('migrates up from empty, all the way down, and up again', async () => {
    const up = await dataSource.runMigrations({ transaction: 'each' });
    expect(up.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    const tables = (await dataSource.query(TABLES)) as Array<{ table_name: string }>;
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['trajectory', 'trajectory_review', 'client_answer', 'audit_event']),
    );
    for (let i = 0; i < MIGRATIONS.length; i += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    expect(await dataSource.query(TABLES)).toEqual([]);
    expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
  });

  describe('projections', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const agb = '12345678';
    const judged = [
      { resultId: 'school', outcome: 'reached' as const },
      { resultId: 'rust', outcome: 'partly' as const },
    ];
    /** A trajectory walked to the end evaluation, as a state. */
    function walked(): TrajectoryState {
      const state = initialState(
        {
          caseNumber: 'CJG-RM-1',
          municipalityCode: '0957',
          coordinatorId: 'coord-a',
          clientId: 'client-a',
          familyId: 'fam-a',
        },
        now,
      );
      const inzet = { productCategory: '45', omvang: { volume: 4, unit: '04', frequency: '2' } };
      const commands = [
        {
          type: 'agreeResults',
          plan: {
            results: [
              { id: 'school', description: 'school', measure: 'aanwezig' },
              { id: 'rust', description: 'rust', measure: 'cijfer' },
            ],
            inzet,
          },
        },
        { type: 'referToProvider', agbCode: agb },
        {
          type: 'recordProviderIntake',
          agbCode: agb,
          activities: ['x'],
          expectedDurationWeeks: 20,
        },
        {
          type: 'issueBeschikking',
          beschikking: {
            number: 'B-1',
            kind: 'zin',
            startDate: '2026-11-20',
            endDate: '2027-11-19',
            toewijzingen: [{ agbCode: agb, toewijzingnummer: 'T1', ...inzet }],
          },
        },
        {
          type: 'decideCoordination',
          coordinate: true,
          criteria: {
            typeOfCare: 'ambulant',
            numberOfProducts: 1,
            complexity: 'high',
            helpQuestion: 'clear',
            selfReliance: 'medium',
          },
        },
        { type: 'startZorg', agbCode: agb, date: '2026-11-23' },
        { type: 'recordReview', outcomes: judged, decision: 'continue' },
        { type: 'stopZorg', agbCode: agb, date: '2026-12-01', reason: '03' },
        { type: 'recordEndEvaluation', goals: judged, decision: 'close' },
      ] as TrajectoryCommand[];
      for (const command of commands) applyCommand(state, command, now);
      return state;
    }
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          [
            'trajectory',
            'family',
            'trajectory_beschikking',
            'trajectory_toewijzing',
            'trajectory_review',
            'trajectory_care',
            'trajectory_provider_due',
            'client_answer',
            'audit_event',
          ].map(async (table) => [
            table,
            Number(
              (
                (await dataSource.query(`SELECT count(*) AS n FROM ${table}`)) as Array<{
                  n: string;
                }>
              )[0]!.n,
            ),
          ]),
        ),
      );

    beforeAll(async () => {
      await dataSource.query(
        `INSERT INTO coordinator (id, name, email) VALUES ('coord-a', 'Anna', 'a@cjg.example')`,
      );
      await dataSource.query(`INSERT INTO client (id, name) VALUES ('client-a', 'Sam')`);
    });

    it('writes a trajectory and its details once, however often it is repeated', async () => {
      const activities = createTrajectoryActivities({ dataSource, mailer: { send: jest.fn() } });
      const state = walked();
      const projection = projectionOf(state, 'trajectory-CJG-RM-1', [
        'command:recordEndEvaluation',
      ]);
      await activities.projectTrajectory(projection);
      const first = await counts();
      expect(first).toEqual({
        trajectory: 1,
        family: 1,
        trajectory_beschikking: 1,
        trajectory_toewijzing: 1,
        trajectory_review: 1,
        trajectory_care: 1,
        trajectory_provider_due: 1,
        client_answer: 3,
        audit_event: 1,
      });
      await activities.projectTrajectory(projection);
      await activities.projectTrajectory(projection);
      expect(await counts()).toEqual(first);
      const [row] = (await dataSource.query(
        `SELECT phase, reviews_count, goals_total, goals_reached, first_beschikking_at IS NOT NULL AS beschikt
           FROM trajectory`,
      )) as Array<Record<string, unknown>>;
      expect(row).toEqual({
        phase: 'end-evaluation',
        reviews_count: 1,
        goals_total: 2,
        goals_reached: 1,
        beschikt: true,
      });
      const [care] = (await dataSource.query(
        `SELECT stop_reason, stopped_on::text FROM trajectory_care`,
      )) as Array<Record<string, unknown>>;
      expect(care).toEqual({ stop_reason: '03', stopped_on: '2026-12-01' });
    });

    it('never lets a late, older projection overwrite a newer one', async () => {
      const activities = createTrajectoryActivities({ dataSource, mailer: { send: jest.fn() } });
      const state = walked();
      const older = projectionOf(
        { ...state, revision: 2, phase: 'results-agreed', reviews: [], care: {} },
        'trajectory-CJG-RM-1',
        ['command:agreeResults'],
      );
      await activities.projectTrajectory(older);
      const [row] = (await dataSource.query(`SELECT phase, revision FROM trajectory`)) as Array<
        Record<string, unknown>
      >;
      expect(row).toEqual({ phase: 'end-evaluation', revision: state.revision });
      // Its audit entry is a fact of its own and is kept, once.
      await activities.projectTrajectory(older);
      const audit = (await dataSource.query(
        `SELECT action FROM audit_event ORDER BY (detail ->> 'revision')::int`,
      )) as Array<{ action: string }>;
      expect(audit.map((a) => a.action)).toEqual([
        'command:agreeResults',
        'command:recordEndEvaluation',
      ]);
    });
  });
});
