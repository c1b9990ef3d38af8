import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * `claimed` while the answer is on its way to the workflow, then `answered`, or `refused` when
 * the question was no longer open.
 */
export type AnswerTokenOutcome = 'claimed' | 'answered' | 'refused';

/**
 * One row per client answer link that was used (the token's jti): what makes a link single
 * use. Ids and codes only: the case number and the question, never who answered or what.
 */
@Entity({ name: 'answer_token_use' })
@Index('answer_token_use_case_number_idx', ['caseNumber', 'usedAt'])
export class AnswerTokenUseEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  jti!: string;

  @Column({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber!: string;

  /** three-month-check, questionnaire-midway or questionnaire-end. */
  @Column({ type: 'varchar', length: 32 })
  question!: string;

  @Column({ name: 'used_at', type: 'timestamptz', default: () => 'now()' })
  usedAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  outcome!: AnswerTokenOutcome;
}
