import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Veilig Thuis warm handover (002 §3.6, §5.6):
 *
 * - `veilig_thuis_handover`: one row per handover, written by the API when Veilig Thuis hands a
 *   case over (its id `VTH-<year>-<number>`, the number from the sequence
 *   `veilig_thuis_handover_no`; unique per organisation and Veilig Thuis reference,
 *   so handing the same case over twice starts nothing), then kept up to date by the workflow's
 *   projection: status, coordinator, deadlines, outcome. Ids, codes and dates only.
 * - `veilig_thuis_handover_text`: the free texts of a handover (safety conditions, monitoring
 *   agreements, the meeting's agreements, a refusal's explanation), one item per line. They may
 *   name people, so they stay here and the workflow carries their ids only.
 * - `veilig_thuis_handover_lead`: per municipality, the CJG's handover lead (a team lead
 *   registered as a coordinator) who receives new handovers and the escalations.
 */
export class VeiligThuisHandover1763970000000 implements MigrationInterface {
  name = 'VeiligThuisHandover1763970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE veilig_thuis_handover_no`);
    await q.query(`
      CREATE TABLE veilig_thuis_handover (
        id varchar(40) PRIMARY KEY,
        organisation_id varchar(64) NOT NULL,
        reference varchar(40) NOT NULL,
        municipality_code char(4) NOT NULL,
        urgency varchar(8) NOT NULL CHECK (urgency IN ('regular', 'urgent')),
        handover_type varchar(20) NOT NULL
          CHECK (handover_type IN ('afschaling', 'tijdens-onderzoek')),
        created_by varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        workflow_id varchar(100),
        status varchar(20) NOT NULL DEFAULT 'received',
        revision integer NOT NULL DEFAULT 0,
        coordinator_id varchar(64),
        client_id varchar(64),
        family_id varchar(64),
        accept_due_date date,
        accepted_at timestamptz,
        accepted_late boolean,
        meeting_date date,
        joint_home_visit boolean,
        meeting_held_on date,
        next_due_at timestamptz,
        next_due_kind varchar(24),
        overdue boolean NOT NULL DEFAULT false,
        outcome varchar(16),
        trajectory_case_number varchar(40),
        closed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT veilig_thuis_handover_reference_key UNIQUE (organisation_id, reference)
      )`);
    await q.query(
      `CREATE INDEX veilig_thuis_handover_municipality_idx ON veilig_thuis_handover (municipality_code, status)`,
    );
    await q.query(
      `CREATE INDEX veilig_thuis_handover_status_idx ON veilig_thuis_handover (status, next_due_at)`,
    );
    await q.query(
      `CREATE INDEX veilig_thuis_handover_coordinator_idx ON veilig_thuis_handover (coordinator_id)`,
    );
    await q.query(
      `CREATE INDEX veilig_thuis_handover_client_idx ON veilig_thuis_handover (client_id)`,
    );
    await q.query(`
      CREATE TABLE veilig_thuis_handover_text (
        id uuid PRIMARY KEY,
        handover_id varchar(40) NOT NULL
          REFERENCES veilig_thuis_handover (id) ON DELETE CASCADE,
        kind varchar(24) NOT NULL CHECK (kind IN
          ('safety-conditions', 'monitoring-agreements', 'meeting-agreements', 'refusal-explanation')),
        items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
        created_by varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX veilig_thuis_handover_text_handover_idx ON veilig_thuis_handover_text (handover_id)`,
    );
    await q.query(`
      CREATE TABLE veilig_thuis_handover_lead (
        municipality_code char(4) PRIMARY KEY,
        coordinator_id varchar(64) NOT NULL,
        updated_by varchar(64) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE veilig_thuis_handover_lead`);
    await q.query(`DROP TABLE veilig_thuis_handover_text`);
    await q.query(`DROP TABLE veilig_thuis_handover`);
    await q.query(`DROP SEQUENCE veilig_thuis_handover_no`);
  }
}
