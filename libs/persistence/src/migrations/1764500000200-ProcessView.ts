import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19 (half the work per trajectory): the view of each process (trajectory, Veilig Thuis
 * handover, VTO) as of its last projection, kept by the projection. A command then answers its
 * revision instead of its whole view, so the view is not stored in the workflow's history once per
 * command; the API reads it here. Ids, codes and dates only, like the history it replaces.
 */
export class ProcessView1764500000200 implements MigrationInterface {
  name = 'ProcessView1764500000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE process_view (
        workflow_id varchar(120) PRIMARY KEY,
        revision integer NOT NULL,
        view jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE process_view`);
  }
}
