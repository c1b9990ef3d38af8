import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How an intake ended without a beschikking (issue 17): `advice` (no specialised care needed)
 * or `rejected` (afwijzing), with the advice or the ground as a code. The intake-outcomes report
 * counts them; trajectories from before have none.
 */
export class TrajectoryIntakeOutcome1764300000200 implements MigrationInterface {
  name = 'TrajectoryIntakeOutcome1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE trajectory ADD COLUMN intake_outcome varchar(16), ADD COLUMN intake_outcome_code varchar(32)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE trajectory DROP COLUMN intake_outcome, DROP COLUMN intake_outcome_code`,
    );
  }
}
