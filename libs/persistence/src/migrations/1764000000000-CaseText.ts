import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `case_text`: the free texts of a trajectory (the results of plan deel 1 and how they are
 * judged, a provider's activities, the coordinator's reasons), one row per text, one item per
 * line. They may name people, so they stay here and the workflow carries their ids only; the
 * API reads them back into the views it answers, the letters activity into letters. Removed with
 * the case by retention and destruction. No foreign key: the text is stored before the command
 * that names it reaches the workflow, which may be before the case's read-model row exists.
 */
export class CaseText1764000000000 implements MigrationInterface {
  name = 'CaseText1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_text (
        id uuid PRIMARY KEY,
        case_number varchar(40) NOT NULL,
        field varchar(64) NOT NULL,
        list boolean NOT NULL,
        items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
        created_by varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_text_case_number_idx ON case_text (case_number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_text`);
  }
}
