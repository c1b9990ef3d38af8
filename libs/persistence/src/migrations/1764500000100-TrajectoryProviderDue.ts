import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 (the provider's start page): what each provider with a part in a case is asked for
 * first (its intake, its end evaluation, the end of its care period) and whether it is late. The
 * case row's next due item is the CJG's (the Awb clock, reviews); a provider lists its cases by
 * its own. Rows come with a case's next projection: cases projected before have none yet.
 */
export class TrajectoryProviderDue1764500000100 implements MigrationInterface {
  name = 'TrajectoryProviderDue1764500000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE trajectory_provider_due (
        case_number varchar(40) NOT NULL REFERENCES trajectory (case_number) ON DELETE CASCADE,
        agb_code char(8) NOT NULL,
        next_due_at timestamptz,
        next_due_kind varchar(40),
        overdue boolean NOT NULL DEFAULT false,
        PRIMARY KEY (case_number, agb_code)
      )`);
    await q.query(
      `CREATE INDEX trajectory_provider_due_agb_due_idx ON trajectory_provider_due (agb_code, next_due_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE trajectory_provider_due`);
  }
}
