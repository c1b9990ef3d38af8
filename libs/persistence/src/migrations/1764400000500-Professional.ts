import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The registered professionals (BPP, gedragswetenschapper) who sign off plan deel 1 (002 §3.4). */
export class Professional1764400000500 implements MigrationInterface {
  name = 'Professional1764400000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE professional (
         id varchar(64) PRIMARY KEY,
         name text NOT NULL,
         kind varchar(24) NOT NULL,
         register varchar(3) NOT NULL,
         registration_number varchar(11) NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE professional`);
  }
}
