import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The verzoek tot onderzoek (VTO) at the Raad voor de Kinderbescherming (002 §3.6):
 *
 * - `vto`: the read model, one row per VTO, written by the workflow's projection at every change
 *   (newest revision wins). Ids, codes and dates only. The weekly agenda run selects the requests
 *   waiting for the beschermingsplein from it; `GET /vtos` lists from it.
 * - `vto_explanation`: the coordinator's explanation of the request, written by the API when the
 *   VTO is proposed. Free text that may name people, so it stays here and never enters a workflow
 *   history or a letter; `explanation` is nullable so that it can be destroyed with the client's
 *   other personal data.
 */
export class Vto1763980000000 implements MigrationInterface {
  name = 'Vto1763980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE vto (
        case_number varchar(40) PRIMARY KEY,
        workflow_id varchar(80) NOT NULL,
        municipality_code char(4) NOT NULL,
        coordinator_id varchar(64) NOT NULL,
        client_id varchar(64) NOT NULL,
        family_id varchar(64) NOT NULL,
        trajectory_case_number varchar(40),
        grounds text[] NOT NULL,
        status varchar(24) NOT NULL CHECK (status IN ('parents-to-inform', 'awaiting-agenda',
          'on-agenda', 'sent-to-raad', 'raad-investigates', 'raad-declined', 'not-sent', 'withdrawn')),
        proposed_at timestamptz NOT NULL,
        parents_informed_on date,
        meeting_date date,
        decision varchar(16) CHECK (decision IN ('send', 'not-send')),
        not_sent_reason varchar(40),
        investigation_started boolean,
        next_due_at timestamptz,
        next_due_kind varchar(32),
        overdue boolean NOT NULL DEFAULT false,
        closed_at timestamptz,
        revision integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX vto_status_idx ON vto (status, parents_informed_on)`);
    await q.query(`CREATE INDEX vto_municipality_idx ON vto (municipality_code, status)`);
    await q.query(`CREATE INDEX vto_meeting_date_idx ON vto (meeting_date)`);
    await q.query(`CREATE INDEX vto_trajectory_idx ON vto (trajectory_case_number)`);
    await q.query(`CREATE INDEX vto_client_idx ON vto (client_id)`);
    await q.query(`
      CREATE TABLE vto_explanation (
        case_number varchar(40) PRIMARY KEY,
        explanation text,
        recorded_by varchar(64) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE vto_explanation`);
    await q.query(`DROP TABLE vto`);
  }
}
