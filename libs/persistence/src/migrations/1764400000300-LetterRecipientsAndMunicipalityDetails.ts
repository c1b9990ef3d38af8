import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What lawful letters need (issue 17): per municipality, the details a decision letter gives
 * (postal address, phone, e-mail, website, who signs on behalf of the college, and where
 * objections go: Awb 3:45, 6:4); and the carers (ouders/verzorgers) of a client, each of whom
 * gets the family's letters. A carer's name and address are personal data: they live here only,
 * go with the client (ON DELETE CASCADE) and are deleted when its personal data is destroyed.
 * Every municipality detail is optional: a letter without them says "de gemeente".
 */
export class LetterRecipientsAndMunicipalityDetails1764400000300 implements MigrationInterface {
  name = 'LetterRecipientsAndMunicipalityDetails1764400000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE municipality
        ADD COLUMN postal_address varchar(200),
        ADD COLUMN phone varchar(30),
        ADD COLUMN email varchar(254),
        ADD COLUMN website varchar(200),
        ADD COLUMN signatory_name varchar(200),
        ADD COLUMN signatory_function varchar(200),
        ADD COLUMN objection_address varchar(300)`);
    await q.query(`
      CREATE TABLE client_carer (
        client_id varchar(64) NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position BETWEEN 1 AND 10),
        name text NOT NULL,
        email text,
        relation varchar(20) NOT NULL,
        CONSTRAINT client_carer_pk PRIMARY KEY (client_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_carer`);
    await q.query(`
      ALTER TABLE municipality
        DROP COLUMN objection_address,
        DROP COLUMN signatory_function,
        DROP COLUMN signatory_name,
        DROP COLUMN website,
        DROP COLUMN email,
        DROP COLUMN phone,
        DROP COLUMN postal_address`);
  }
}
