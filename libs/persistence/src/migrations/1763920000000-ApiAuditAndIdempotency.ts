import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API's own records: an append-only audit trail of every command (who, role, what, when,
 * result) and the answers to requests sent with an Idempotency-Key, so a retry is answered
 * instead of redone.
 */
export class ApiAuditAndIdempotency1763920000000 implements MigrationInterface {
  name = 'ApiAuditAndIdempotency1763920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_sub varchar(64) NOT NULL,
        actor_role varchar(32) NOT NULL,
        action varchar(64) NOT NULL,
        case_number varchar(40),
        outcome varchar(16) NOT NULL,
        status_code smallint NOT NULL,
        request_id varchar(64),
        detail jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_event_case_number_idx ON audit_event (case_number, at)`,
    );
    await queryRunner.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_sub, at)`);
    // Append-only: the API's database role may insert and read, never change history.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('cjg.retention_sweep', true) = 'on' THEN
          RETURN COALESCE(NEW, OLD);
        END IF;
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);

    await queryRunner.query(`
      CREATE TABLE idempotency_record (
        actor_sub varchar(64) NOT NULL,
        idempotency_key varchar(128) NOT NULL,
        request_hash char(64) NOT NULL,
        status_code smallint NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor_sub, idempotency_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX idempotency_record_created_at_idx ON idempotency_record (created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_record`);
    await queryRunner.query(`DROP TRIGGER audit_event_append_only ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
    await queryRunner.query(`DROP TABLE audit_event`);
  }
}
