import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { HandoverTextKind } from '@cjg/domain';

/**
 * A Veilig Thuis warm handover (002 §3.6): written by the API when Veilig Thuis hands a case
 * over, then kept up to date by the workflow's projection. Ids, codes and dates only; the free
 * texts are in `veilig_thuis_handover_text`. Migration 1763970000000-VeiligThuisHandover.
 */
@Entity({ name: 'veilig_thuis_handover' })
@Unique('veilig_thuis_handover_reference_key', ['organisationId', 'reference'])
@Index('veilig_thuis_handover_municipality_idx', ['municipalityCode', 'status'])
@Index('veilig_thuis_handover_status_idx', ['status', 'nextDueAt'])
export class VeiligThuisHandoverEntity {
  /** `VTH-2026-000123`. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 64 })
  organisationId!: string;

  /** Veilig Thuis's own case id. */
  @Column({ type: 'varchar', length: 40 })
  reference!: string;

  @Column({ name: 'municipality_code', type: 'char', length: 4 })
  municipalityCode!: string;

  @Column({ type: 'varchar', length: 8 })
  urgency!: 'regular' | 'urgent';

  @Column({ name: 'handover_type', type: 'varchar', length: 20 })
  handoverType!: 'afschaling' | 'tijdens-onderzoek';

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'workflow_id', type: 'varchar', length: 100, nullable: true })
  workflowId!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'received' })
  status!: string;

  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @Index('veilig_thuis_handover_coordinator_idx')
  @Column({ name: 'coordinator_id', type: 'varchar', length: 64, nullable: true })
  coordinatorId!: string | null;

  @Index('veilig_thuis_handover_client_idx')
  @Column({ name: 'client_id', type: 'varchar', length: 64, nullable: true })
  clientId!: string | null;

  @Column({ name: 'family_id', type: 'varchar', length: 64, nullable: true })
  familyId!: string | null;

  @Column({ name: 'accept_due_date', type: 'date', nullable: true })
  acceptDueDate!: string | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'accepted_late', type: 'boolean', nullable: true })
  acceptedLate!: boolean | null;

  @Column({ name: 'meeting_date', type: 'date', nullable: true })
  meetingDate!: string | null;

  @Column({ name: 'joint_home_visit', type: 'boolean', nullable: true })
  jointHomeVisit!: boolean | null;

  @Column({ name: 'meeting_held_on', type: 'date', nullable: true })
  meetingHeldOn!: string | null;

  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  @Column({ name: 'next_due_kind', type: 'varchar', length: 24, nullable: true })
  nextDueKind!: string | null;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  /** `trajectory`, `basic-support`, `refused` or `withdrawn` once it has ended. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: string | null;

  @Column({ name: 'trajectory_case_number', type: 'varchar', length: 40, nullable: true })
  trajectoryCaseNumber!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/**
 * A free text of a handover, one item per entry of `items`. It may name people: it stays in
 * PostgreSQL and the workflow carries its id only. Deleted with its handover.
 */
@Entity({ name: 'veilig_thuis_handover_text' })
export class VeiligThuisHandoverTextEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('veilig_thuis_handover_text_handover_idx')
  @Column({ name: 'handover_id', type: 'varchar', length: 40 })
  handoverId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: HandoverTextKind;

  @Column({ type: 'jsonb' })
  items!: string[];

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Per municipality, the CJG's handover lead: new handovers and escalations go to it. */
@Entity({ name: 'veilig_thuis_handover_lead' })
export class VeiligThuisHandoverLeadEntity {
  @PrimaryColumn({ name: 'municipality_code', type: 'char', length: 4 })
  municipalityCode!: string;

  /** A coordinator id (the team lead registered as a coordinator, so letters reach it). */
  @Column({ name: 'coordinator_id', type: 'varchar', length: 64 })
  coordinatorId!: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
