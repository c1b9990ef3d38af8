import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE coordinator (
        id varchar(64) PRIMARY KEY,
        name text NOT NULL,
        email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE client (
        id varchar(64) PRIMARY KEY,
        name text NOT NULL,
        bsn varchar(9),
        date_of_birth date,
        email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE trajectory (
        case_number varchar(40) PRIMARY KEY,
        workflow_id varchar(80) NOT NULL,
        municipality_code char(4) NOT NULL,
        coordinator_id varchar(64) NOT NULL REFERENCES coordinator(id),
        client_id varchar(64) NOT NULL REFERENCES client(id),
        phase varchar(32) NOT NULL,
        started_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX trajectory_workflow_id_uq ON trajectory (workflow_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX trajectory_municipality_code_idx ON trajectory (municipality_code)`,
    );
    await queryRunner.query(
      `CREATE INDEX trajectory_coordinator_id_idx ON trajectory (coordinator_id)`,
    );
    await queryRunner.query(`CREATE INDEX trajectory_client_id_idx ON trajectory (client_id)`);
    await queryRunner.query(`CREATE INDEX trajectory_phase_idx ON trajectory (phase)`);
    await queryRunner.query(`
      CREATE TABLE notification_ledger (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workflow_id varchar(80) NOT NULL,
        kind varchar(64) NOT NULL,
        sequence integer NOT NULL,
        recipient_ref varchar(100) NOT NULL,
        status varchar(16) NOT NULL,
        message_id text,
        sent_at timestamptz,
        CONSTRAINT notification_ledger_letter_uq UNIQUE (workflow_id, kind, sequence)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification_ledger`);
    await queryRunner.query(`DROP TABLE trajectory`);
    await queryRunner.query(`DROP TABLE client`);
    await queryRunner.query(`DROP TABLE coordinator`);
  }
}
