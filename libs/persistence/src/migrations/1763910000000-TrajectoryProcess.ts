import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole trajectory process: read-model columns, providers, one ledger row per recipient. */
export class TrajectoryProcess1763910000000 implements MigrationInterface {
  name = 'TrajectoryProcess1763910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE trajectory
        ADD COLUMN revision integer NOT NULL DEFAULT 0,
        ADD COLUMN family_id varchar(64),
        ADD COLUMN coordinated boolean,
        ADD COLUMN beschikking_number varchar(40),
        ADD COLUMN beschikking_start date,
        ADD COLUMN beschikking_end date,
        ADD COLUMN provider_agb_codes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN active_provider_agb_codes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN next_due_at timestamptz,
        ADD COLUMN next_due_kind varchar(40),
        ADD COLUMN overdue boolean NOT NULL DEFAULT false,
        ADD COLUMN closed_at timestamptz`);
    await queryRunner.query(`CREATE INDEX trajectory_family_id_idx ON trajectory (family_id)`);
    await queryRunner.query(`CREATE INDEX trajectory_next_due_at_idx ON trajectory (next_due_at)`);
    await queryRunner.query(
      `CREATE INDEX trajectory_overdue_idx ON trajectory (overdue) WHERE overdue`,
    );
    await queryRunner.query(
      `CREATE INDEX trajectory_provider_agb_codes_idx ON trajectory USING gin (provider_agb_codes)`,
    );
    await queryRunner.query(`
      CREATE TABLE provider (
        agb_code char(8) PRIMARY KEY,
        name text NOT NULL,
        email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `ALTER TABLE notification_ledger DROP CONSTRAINT notification_ledger_letter_uq`,
    );
    await queryRunner.query(`
      ALTER TABLE notification_ledger
        ADD CONSTRAINT notification_ledger_letter_uq UNIQUE (workflow_id, kind, sequence, recipient_ref)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE notification_ledger DROP CONSTRAINT notification_ledger_letter_uq`,
    );
    await queryRunner.query(
      `ALTER TABLE notification_ledger ADD CONSTRAINT notification_ledger_letter_uq UNIQUE (workflow_id, kind, sequence)`,
    );
    await queryRunner.query(`DROP TABLE provider`);
    await queryRunner.query(`
      ALTER TABLE trajectory
        DROP COLUMN revision, DROP COLUMN family_id, DROP COLUMN coordinated,
        DROP COLUMN beschikking_number, DROP COLUMN beschikking_start, DROP COLUMN beschikking_end,
        DROP COLUMN provider_agb_codes, DROP COLUMN active_provider_agb_codes,
        DROP COLUMN next_due_at, DROP COLUMN next_due_kind, DROP COLUMN overdue, DROP COLUMN closed_at`);
  }
}
