import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Samenloop named by the municipality, and the family's consent (004; issue 17): the
 * municipality may name a family itself (and informs it), and the CJG talks the family's care
 * over only once the family agreed. Consent is recorded with its day and who recorded it.
 */
export class SamenloopNaming1764400000600 implements MigrationInterface {
  name = 'SamenloopNaming1764400000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE family
         ADD COLUMN named_by_municipality char(4),
         ADD COLUMN named_on date,
         ADD COLUMN family_informed boolean,
         ADD COLUMN consent varchar(8),
         ADD COLUMN consent_on date,
         ADD COLUMN consent_recorded_by varchar(64)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE family DROP COLUMN named_by_municipality, DROP COLUMN named_on,
         DROP COLUMN family_informed, DROP COLUMN consent, DROP COLUMN consent_on,
         DROP COLUMN consent_recorded_by`,
    );
  }
}
