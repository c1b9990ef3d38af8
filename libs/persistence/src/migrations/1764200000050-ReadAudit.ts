import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read audit (NEN 7513) and the inzageverzoek (AVG art. 15).
 *
 * - `audit_event.client_id`: the client a read or command concerned, where its answer or route
 *   named one, so "who looked at this client's file" finds every access, also to cases whose own
 *   rows say nothing of the client (a Schakeloverleg transfer lives in Temporal only).
 * - `audit_event.case_number` holds a transfer id too (`<organisation>.<reference>`, up to 105
 *   characters). Widening a varchar rewrites nothing, so the append-only trigger is not involved.
 */
export class ReadAudit1764200000050 implements MigrationInterface {
  name = 'ReadAudit1764200000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_event
        ADD COLUMN client_id varchar(64),
        ALTER COLUMN case_number TYPE varchar(120)`);
    await q.query(
      `CREATE INDEX audit_event_client_idx ON audit_event (client_id, at) WHERE client_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_event_client_idx`);
    // A rewrite of the table (no row trigger fires); a transfer id longer than 40 is cut.
    await q.query(`
      ALTER TABLE audit_event
        DROP COLUMN client_id,
        ALTER COLUMN case_number TYPE varchar(40) USING left(case_number, 40)`);
  }
}
