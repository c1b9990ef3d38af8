import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The read model of one trajectory, written by the workflow's activities (never by the API). */
@Entity({ name: 'trajectory' })
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
}
