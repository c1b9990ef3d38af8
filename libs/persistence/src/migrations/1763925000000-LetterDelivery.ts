import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the letter ledger needs to send exactly once and report what could not be delivered:
 * attempts, the last (address-free) error, and resends after an attempt that died mid-way.
 */
export class LetterDelivery1763925000000 implements MigrationInterface {
  name = 'LetterDelivery1763925000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notification_ledger
        ADD COLUMN attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN uncertain_resends integer NOT NULL DEFAULT 0,
        ADD COLUMN last_error text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(
      `CREATE INDEX notification_ledger_status_idx ON notification_ledger (status)
         WHERE status NOT IN ('sent')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification_ledger_status_idx`);
    await queryRunner.query(`
      ALTER TABLE notification_ledger
        DROP COLUMN attempts, DROP COLUMN uncertain_resends, DROP COLUMN last_error,
        DROP COLUMN updated_at`);
  }
}
