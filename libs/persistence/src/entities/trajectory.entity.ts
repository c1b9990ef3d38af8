import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The read model of one trajectory, written by the workflow's activities (never by the API). */
@Entity({ name: 'trajectory' })
@Index('trajectory_drang_idx', ['municipalityCode', 'drangSince'], {
  where: 'drang_since IS NOT NULL',
})
export class TrajectoryEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber!: string;

  @Index('trajectory_workflow_id_uq', { unique: true })
  @Column({ name: 'workflow_id', type: 'varchar', length: 80 })
  workflowId!: string;

  @Index('trajectory_municipality_code_idx')
  @Column({ name: 'municipality_code', type: 'char', length: 4 })
  municipalityCode!: string;

  @Index('trajectory_coordinator_id_idx')
  @Column({ name: 'coordinator_id', type: 'varchar', length: 64 })
  coordinatorId!: string;

  @Index('trajectory_client_id_idx')
  @Column({ name: 'client_id', type: 'varchar', length: 64 })
  clientId!: string;

  @Index('trajectory_phase_idx')
  @Column({ type: 'varchar', length: 32 })
  phase!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  /** The day the request was received, when given at the start (the Awb clock runs from it). */
  @Column({ name: 'received_on', type: 'date', nullable: true })
  receivedOn!: string | null;

  /** Since when the case is worked as drang (002 §3.6); null when it is not. */
  @Column({ name: 'drang_since', type: 'date', nullable: true })
  drangSince!: string | null;

  /** Where the concerns came from (DRANG_SOURCES). */
  @Column({ name: 'drang_source', type: 'varchar', length: 32, nullable: true })
  drangSource!: string | null;

  /** How the intake ended without a beschikking: `advice` or `rejected` (afwijzing). */
  @Column({ name: 'intake_outcome', type: 'varchar', length: 16, nullable: true })
  intakeOutcome!: 'advice' | 'rejected' | null;

  /** The advice (ADVICE_CODES) or the ground of the afwijzing (REJECTION_GROUNDS). */
  @Column({ name: 'intake_outcome_code', type: 'varchar', length: 32, nullable: true })
  intakeOutcomeCode!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** The workflow's revision this row shows; a late, older projection never overwrites it. */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @Index('trajectory_family_id_idx')
  @Column({ name: 'family_id', type: 'varchar', length: 64, nullable: true })
  familyId!: string | null;

  @Column({ type: 'boolean', nullable: true })
  coordinated!: boolean | null;

  @Column({ name: 'beschikking_number', type: 'varchar', length: 40, nullable: true })
  beschikkingNumber!: string | null;

  @Column({ name: 'beschikking_start', type: 'date', nullable: true })
  beschikkingStart!: string | null;

  @Column({ name: 'beschikking_end', type: 'date', nullable: true })
  beschikkingEnd!: string | null;

  @Column({ name: 'provider_agb_codes', type: 'text', array: true, default: '{}' })
  providerAgbCodes!: string[];

  @Column({ name: 'active_provider_agb_codes', type: 'text', array: true, default: '{}' })
  activeProviderAgbCodes!: string[];

  @Index('trajectory_next_due_at_idx')
  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  @Column({ name: 'next_due_kind', type: 'varchar', length: 40, nullable: true })
  nextDueKind!: string | null;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** When the first beschikking was issued: the end of the waiting time. */
  @Column({ name: 'first_beschikking_at', type: 'timestamptz', nullable: true })
  firstBeschikkingAt!: Date | null;

  @Column({ name: 'reviews_count', type: 'integer', default: 0 })
  reviewsCount!: number;

  @Column({ name: 'end_recorded_at', type: 'timestamptz', nullable: true })
  endRecordedAt!: Date | null;

  @Column({ name: 'end_decision', type: 'varchar', length: 16, nullable: true })
  endDecision!: string | null;

  /** Results of plan deel 1 judged at the end evaluation, and how many were reached. */
  @Column({ name: 'goals_total', type: 'integer', nullable: true })
  goalsTotal!: number | null;

  @Column({ name: 'goals_reached', type: 'integer', nullable: true })
  goalsReached!: number | null;

  @Column({ type: 'boolean', default: false })
  withdrawn!: boolean;

  /** Jeugdwet 7.3.8: closed + 20 years; the retention sweep destroys personal data after it. */
  @Column({ name: 'archive_action_date', type: 'date', nullable: true })
  archiveActionDate!: string | null;

  /** When the personal data of this case was destroyed (sweep or request, 7.3.9). */
  @Column({ name: 'destroyed_at', type: 'timestamptz', nullable: true })
  destroyedAt!: Date | null;
}
