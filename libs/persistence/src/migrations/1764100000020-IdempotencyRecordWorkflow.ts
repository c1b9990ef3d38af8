import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency records keep only what a replay needs, and go with the case they are about:
 * `workflow_id` names the workflow a request made or changed, so that destroying a client's
 * personal data (Jeugdwet 7.3.8/7.3.9) deletes the records of its cases too. A command's
 * success is answered again from the process's current view instead of a stored copy, so the
 * copies kept so far (views: plan texts, agreements, reasons in words) are emptied here; starts
 * keep their answer (ids only) and refusals theirs (ids, codes and the rule's reason).
 */
export class IdempotencyRecordWorkflow1764100000020 implements MigrationInterface {
  name = 'IdempotencyRecordWorkflow1764100000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_record ADD COLUMN workflow_id varchar(200)`);
    await q.query(
      `CREATE INDEX idempotency_record_workflow_id_idx ON idempotency_record (workflow_id)`,
    );
    // A view answered a command; a start answered ids (caseNumber/handoverId/transferId,
    // workflowId, created).
    await q.query(`
      UPDATE idempotency_record SET response = 'null'::jsonb
       WHERE status_code BETWEEN 200 AND 299 AND jsonb_typeof(response) = 'object'
         AND NOT response ? 'workflowId'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The emptied answers do not come back: a replay of those records answers the current view.
    await q.query(`DROP INDEX idempotency_record_workflow_id_idx`);
    await q.query(`ALTER TABLE idempotency_record DROP COLUMN workflow_id`);
  }
}
