import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The CJG's partner organisations that receive letters and act through the API: Veilig Thuis,
 * the certified institutions (GI), the Raad voor de Kinderbescherming and the
 * beschermingsplein. Organisation data, not personal data.
 */
export class PartnerOrganisations1763960000000 implements MigrationInterface {
  name = 'PartnerOrganisations1763960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partner_organisation (
        id varchar(64) PRIMARY KEY,
        kind varchar(24) NOT NULL
          CHECK (kind IN ('veilig-thuis', 'gi', 'raad', 'beschermingsplein')),
        name varchar(200) NOT NULL,
        email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX partner_organisation_kind_idx ON partner_organisation (kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partner_organisation`);
  }
}
