import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases closed before the read model kept an archive action date get one now (closed + 20
 * years, Jeugdwet 7.3.8, on the Amsterdam calendar date of closing), so the retention sweep
 * does not pass them by.
 */
export class BackfillArchiveActionDate1763990000000 implements MigrationInterface {
  name = 'BackfillArchiveActionDate1763990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE trajectory
         SET archive_action_date = ((closed_at AT TIME ZONE 'Europe/Amsterdam')::date + interval '20 years')::date
       WHERE closed_at IS NOT NULL AND archive_action_date IS NULL`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the dates are what the projection writes for newly closed cases.
  }
}
