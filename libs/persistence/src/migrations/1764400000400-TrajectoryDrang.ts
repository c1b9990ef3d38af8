import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drang (002 §3.6, §5.6; issue 17): since when a trajectory is worked as drang and where the
 * concerns came from, so the drang report can count them. Trajectories from before have none.
 */
export class TrajectoryDrang1764400000400 implements MigrationInterface {
  name = 'TrajectoryDrang1764400000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE trajectory ADD COLUMN drang_since date, ADD COLUMN drang_source varchar(32)`,
    );
    await q.query(
      `CREATE INDEX trajectory_drang_idx ON trajectory (municipality_code, drang_since)
         WHERE drang_since IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX trajectory_drang_idx`);
    await q.query(`ALTER TABLE trajectory DROP COLUMN drang_since, DROP COLUMN drang_source`);
  }
}
