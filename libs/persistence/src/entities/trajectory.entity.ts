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
}
