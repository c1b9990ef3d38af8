import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The details of a trajectory in the read model, written with it by the projection activity:
 * beschikkingen and toewijzingen, reviews, evaluations, care per provider and client answers.
 * Codes, dates and counts only.
 */
@Entity({ name: 'trajectory_beschikking' })
@Index('trajectory_beschikking_pgb_start_idx', ['startDate'], { where: "kind = 'pgb'" })
export class TrajectoryBeschikkingEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  number!: string;

  @Column({ type: 'varchar', length: 4 })
  kind!: 'zin' | 'pgb';

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;
}

/** A ZIN toewijzing: product, omvang and provider; a referral in the reports. */
@Entity({ name: 'trajectory_toewijzing' })
@Index('trajectory_toewijzing_start_idx', ['startDate', 'productCategory'])
export class TrajectoryToewijzingEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber!: string;

  @PrimaryColumn({ name: 'beschikking_number', type: 'varchar', length: 40 })
  beschikkingNumber!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  toewijzingnummer!: string;

  @Column({ name: 'agb_code', type: 'char', length: 8 })
  agbCode!: string;

  @Column({ name: 'product_category', type: 'char', length: 2 })
  productCategory!: string;

  @Column({ name: 'product_code', type: 'varchar', length: 5, nullable: true })
  productCode!: string | null;

  @Column({ type: 'integer' })
  volume!: number;

  @Column({ type: 'varchar', length: 2 })
  unit!: string;

  @Column({ type: 'varchar', length: 2 })
  frequency!: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;
}

/** A tussentijdse evaluatie: when, the decision, and how the results were judged. */
@Entity({ name: 'trajectory_review' })
@Index('trajectory_review_recorded_at_idx', ['recordedAt'])
export class TrajectoryReviewEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber!: string;

  @PrimaryColumn({ name: 'review_no', type: 'integer' })
  reviewNo!: number;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  decision!: string;

  @Column({ name: 'was_overdue', type: 'boolean' })
  wasOverdue!: boolean;

  @Column({ type: 'integer' })
  reached!: number;

  @Column({ type: 'integer' })
  partly!: number;

  @Column({ type: 'integer' })
  total!: number;
}

/** A provider's evaluation (interim or end). */
@Entity({ name: 'trajectory_evaluation' })
export class TrajectoryEvaluationEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber!: string;

  @PrimaryColumn({ name: 'evaluation_no', type: 'integer' })
  evaluationNo!: number;

  @Column({ name: 'agb_code', type: 'char', length: 8 })
  agbCode!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: 'interim' | 'end';

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'integer' })
  reached!: number;

  @Column({ type: 'integer' })
  partly!: number;

  @Column({ type: 'integer' })
  total!: number;
}

/** Start and stop zorg per provider, with the JZ588 reason of a stop. */
@Entity({ name: 'trajectory_care' })
@Index('trajectory_care_stopped_on_idx', ['stoppedOn', 'stopReason'])
export class TrajectoryCareEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber!: string;

  @PrimaryColumn({ name: 'agb_code', type: 'char', length: 8 })
  agbCode!: string;

  @Column({ name: 'started_on', type: 'date', nullable: true })
  startedOn!: string | null;

  @Column({ name: 'stopped_on', type: 'date', nullable: true })
  stoppedOn!: string | null;

  @Column({ name: 'stop_reason', type: 'char', length: 2, nullable: true })
  stopReason!: string | null;
}

/** The client's 3-month check and questionnaires (004): status, answer, when. */
@Entity({ name: 'client_answer' })
@Index('client_answer_question_status_idx', ['question', 'status'])
export class ClientAnswerEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber!: string;

  /** three-month-check | questionnaire-midway | questionnaire-end */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  question!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  /** The help, 1–5 (questionnaires). */
  @Column({ type: 'smallint', nullable: true })
  rating!: number | null;

  /** The CJG, 1–5 (004; null in answers from before). */
  @Column({ name: 'rating_cjg', type: 'smallint', nullable: true })
  ratingCjg!: number | null;

  /** The coordinator, 1–5 (004; null in answers from before). */
  @Column({ name: 'rating_coordinator', type: 'smallint', nullable: true })
  ratingCoordinator!: number | null;

  @Column({ type: 'boolean', nullable: true })
  fitting!: boolean | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}

/**
 * Per provider with a part in the case: what it is asked for first (its intake, its end
 * evaluation, the end of its care period) and whether something of it is late (providerDue).
 */
@Entity({ name: 'trajectory_provider_due' })
@Index('trajectory_provider_due_agb_due_idx', ['agbCode', 'nextDueAt'])
export class TrajectoryProviderDueEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber!: string;

  @PrimaryColumn({ name: 'agb_code', type: 'char', length: 8 })
  agbCode!: string;

  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  @Column({ name: 'next_due_kind', type: 'varchar', length: 40, nullable: true })
  nextDueKind!: string | null;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;
}
