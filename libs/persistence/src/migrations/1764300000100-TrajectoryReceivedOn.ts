import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day a request for help was received, when given at the start: the Awb clock and the
 * waiting-times report count from it. Trajectories started before it have none (they count
 * from `started_at`, as before).
 */
export class TrajectoryReceivedOn1764300000100 implements MigrationInterface {
  name = 'TrajectoryReceivedOn1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE trajectory ADD COLUMN received_on date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE trajectory DROP COLUMN received_on`);
  }
}
