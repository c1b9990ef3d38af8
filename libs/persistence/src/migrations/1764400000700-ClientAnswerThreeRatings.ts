import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 004: the questionnaires rate the help, the CJG and the coordinator, each 1 to 5. `rating` stays
 * the help's; the two new ones are null in answers from before.
 */
export class ClientAnswerThreeRatings1764400000700 implements MigrationInterface {
  name = 'ClientAnswerThreeRatings1764400000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE client_answer ADD COLUMN rating_cjg smallint, ADD COLUMN rating_coordinator smallint`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE client_answer DROP COLUMN rating_cjg, DROP COLUMN rating_coordinator`,
    );
  }
}
