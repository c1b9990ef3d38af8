import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referrals report counts a PGB beschikking as a referral (a budget instead of a provider):
 * the PGB beschikkingen starting in a period, found without reading the ZIN ones.
 */
export class PgbReferrals1764300000000 implements MigrationInterface {
  name = 'PgbReferrals1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX trajectory_beschikking_pgb_start_idx ON trajectory_beschikking (start_date)
         WHERE kind = 'pgb'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX trajectory_beschikking_pgb_start_idx');
  }
}
