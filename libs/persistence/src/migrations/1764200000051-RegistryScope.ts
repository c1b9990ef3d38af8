import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry by need-to-know: who registered a client and for which municipalities (its
 * token's), so the coordinators there reach a client before any case names it. Clients
 * registered before this migration have neither: until a case names them only ops reach them
 * (who registered them was never recorded, so it cannot be filled in).
 */
export class RegistryScope1764200000051 implements MigrationInterface {
  name = 'RegistryScope1764200000051';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE client
        ADD COLUMN registered_by varchar(64),
        ADD COLUMN registered_municipality_codes text[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE client
        DROP COLUMN registered_municipality_codes,
        DROP COLUMN registered_by`);
  }
}
