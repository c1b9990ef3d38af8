import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model for reports and retention (issue 6): municipalities, teams and families; per
 * trajectory its beschikkingen, toewijzingen, reviews, evaluations, care and client answers;
 * the figures the reports filter and group on; the archive action date (Jeugdwet 7.3.8); and the
 * audit trail's workflow entries. Every report filter has a named index.
 */
export class ReadModelReports1763940000000 implements MigrationInterface {
  name = 'ReadModelReports1763940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE municipality (
        code char(4) PRIMARY KEY,
        name varchar(80) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE team (
        id varchar(64) PRIMARY KEY,
        name varchar(80) NOT NULL,
        municipality_code char(4) REFERENCES municipality (code)
      )`);
    await q.query(`ALTER TABLE coordinator ADD COLUMN team_id varchar(64) REFERENCES team (id)`);
    await q.query(`CREATE INDEX coordinator_team_id_idx ON coordinator (team_id)`);
    await q.query(`
      CREATE TABLE family (
        id varchar(64) PRIMARY KEY,
        first_seen_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      ALTER TABLE client
        ADD COLUMN personal_data_destroyed_at timestamptz`);

    await q.query(`
      ALTER TABLE trajectory
        ADD COLUMN first_beschikking_at timestamptz,
        ADD COLUMN reviews_count integer NOT NULL DEFAULT 0,
        ADD COLUMN end_recorded_at timestamptz,
        ADD COLUMN end_decision varchar(16),
        ADD COLUMN goals_total integer,
        ADD COLUMN goals_reached integer,
        ADD COLUMN withdrawn boolean NOT NULL DEFAULT false,
        ADD COLUMN archive_action_date date,
        ADD COLUMN destroyed_at timestamptz`);
    await q.query(`CREATE INDEX trajectory_started_at_idx ON trajectory (started_at)`);
    await q.query(
      `CREATE INDEX trajectory_municipality_started_idx ON trajectory (municipality_code, started_at)`,
    );
    await q.query(
      `CREATE INDEX trajectory_first_beschikking_at_idx ON trajectory (municipality_code, first_beschikking_at)`,
    );
    await q.query(
      `CREATE INDEX trajectory_end_recorded_at_idx ON trajectory (municipality_code, end_recorded_at)`,
    );
    await q.query(
      `CREATE INDEX trajectory_closed_at_idx ON trajectory (municipality_code, closed_at)`,
    );
    await q.query(
      `CREATE INDEX trajectory_open_coordinator_idx ON trajectory (coordinator_id) WHERE closed_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX trajectory_active_providers_idx ON trajectory USING gin (active_provider_agb_codes)`,
    );
    await q.query(
      `CREATE INDEX trajectory_archive_action_date_idx ON trajectory (archive_action_date)
         WHERE destroyed_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE trajectory_beschikking (
        case_number varchar(40) NOT NULL REFERENCES trajectory (case_number) ON DELETE CASCADE,
        number varchar(40) NOT NULL,
        kind varchar(4) NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        issued_at timestamptz,
        PRIMARY KEY (case_number, number)
      )`);
    await q.query(`
      CREATE TABLE trajectory_toewijzing (
        case_number varchar(40) NOT NULL,
        beschikking_number varchar(40) NOT NULL,
        toewijzingnummer varchar(20) NOT NULL,
        agb_code char(8) NOT NULL,
        product_category char(2) NOT NULL,
        product_code varchar(5),
        volume integer NOT NULL,
        unit varchar(2) NOT NULL,
        frequency varchar(2) NOT NULL,
        start_date date NOT NULL,
        PRIMARY KEY (case_number, beschikking_number, toewijzingnummer),
        FOREIGN KEY (case_number, beschikking_number)
          REFERENCES trajectory_beschikking (case_number, number) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX trajectory_toewijzing_start_idx ON trajectory_toewijzing (start_date, product_category)`,
    );
    await q.query(`
      CREATE TABLE trajectory_review (
        case_number varchar(40) NOT NULL REFERENCES trajectory (case_number) ON DELETE CASCADE,
        review_no integer NOT NULL,
        recorded_at timestamptz NOT NULL,
        decision varchar(16) NOT NULL,
        was_overdue boolean NOT NULL,
        reached integer NOT NULL,
        partly integer NOT NULL,
        total integer NOT NULL,
        PRIMARY KEY (case_number, review_no)
      )`);
    await q.query(
      `CREATE INDEX trajectory_review_recorded_at_idx ON trajectory_review (recorded_at)`,
    );
    await q.query(`
      CREATE TABLE trajectory_evaluation (
        case_number varchar(40) NOT NULL REFERENCES trajectory (case_number) ON DELETE CASCADE,
        evaluation_no integer NOT NULL,
        agb_code char(8) NOT NULL,
        kind varchar(8) NOT NULL,
        recorded_at timestamptz NOT NULL,
        reached integer NOT NULL,
        partly integer NOT NULL,
        total integer NOT NULL,
        PRIMARY KEY (case_number, evaluation_no)
      )`);
    await q.query(`
      CREATE TABLE trajectory_care (
        case_number varchar(40) NOT NULL REFERENCES trajectory (case_number) ON DELETE CASCADE,
        agb_code char(8) NOT NULL,
        started_on date,
        stopped_on date,
        stop_reason char(2),
        PRIMARY KEY (case_number, agb_code)
      )`);
    await q.query(
      `CREATE INDEX trajectory_care_stopped_on_idx ON trajectory_care (stopped_on, stop_reason)`,
    );
    await q.query(`
      CREATE TABLE client_answer (
        case_number varchar(40) NOT NULL REFERENCES trajectory (case_number) ON DELETE CASCADE,
        question varchar(32) NOT NULL,
        status varchar(16) NOT NULL,
        rating smallint,
        fitting boolean,
        due_at timestamptz,
        answered_at timestamptz,
        PRIMARY KEY (case_number, question)
      )`);
    await q.query(
      `CREATE INDEX client_answer_question_status_idx ON client_answer (question, status)`,
    );

    // The audit trail's workflow entries: one per change and revision, whatever the retries.
    await q.query(`ALTER TABLE audit_event ALTER COLUMN status_code DROP NOT NULL`);
    await q.query(`
      CREATE UNIQUE INDEX audit_event_workflow_change_uq
        ON audit_event (case_number, ((detail ->> 'revision')::int), ((detail ->> 'seq')::int))
        WHERE actor_role = 'workflow'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_event_workflow_change_uq`);
    await q.query(`SET LOCAL cjg.retention_sweep = 'on'`);
    await q.query(`DELETE FROM audit_event WHERE status_code IS NULL`);
    await q.query(`ALTER TABLE audit_event ALTER COLUMN status_code SET NOT NULL`);
    for (const table of [
      'client_answer',
      'trajectory_care',
      'trajectory_evaluation',
      'trajectory_review',
      'trajectory_toewijzing',
      'trajectory_beschikking',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    for (const index of [
      'trajectory_started_at_idx',
      'trajectory_municipality_started_idx',
      'trajectory_first_beschikking_at_idx',
      'trajectory_end_recorded_at_idx',
      'trajectory_closed_at_idx',
      'trajectory_open_coordinator_idx',
      'trajectory_active_providers_idx',
      'trajectory_archive_action_date_idx',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query(`
      ALTER TABLE trajectory
        DROP COLUMN first_beschikking_at, DROP COLUMN reviews_count, DROP COLUMN end_recorded_at,
        DROP COLUMN end_decision, DROP COLUMN goals_total, DROP COLUMN goals_reached,
        DROP COLUMN withdrawn, DROP COLUMN archive_action_date, DROP COLUMN destroyed_at`);
    await q.query(`ALTER TABLE client DROP COLUMN personal_data_destroyed_at`);
    await q.query(`DROP TABLE family`);
    await q.query(`DROP INDEX coordinator_team_id_idx`);
    await q.query(`ALTER TABLE coordinator DROP COLUMN team_id`);
    await q.query(`DROP TABLE team`);
    await q.query(`DROP TABLE municipality`);
  }
}
