import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client answer links are single use: the API claims a token's jti here before it gives the
 * answer to the workflow. A claim whose answer could not be delivered (Temporal away) is removed
 * again, so the client can retry; one the workflow refused stays, as used.
 */
export class AnswerTokens1763930000000 implements MigrationInterface {
  name = 'AnswerTokens1763930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE answer_token_use (
        jti varchar(64) PRIMARY KEY,
        case_number varchar(40) NOT NULL,
        question varchar(32) NOT NULL,
        used_at timestamptz NOT NULL DEFAULT now(),
        outcome varchar(16) NOT NULL
          CONSTRAINT answer_token_use_outcome_check CHECK (outcome IN ('claimed', 'answered', 'refused'))
      )`);
    await queryRunner.query(
      `CREATE INDEX answer_token_use_case_number_idx ON answer_token_use (case_number, used_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE answer_token_use`);
  }
}
