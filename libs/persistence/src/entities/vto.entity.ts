import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The read model of one verzoek tot onderzoek (VTO, 002 §3.6), written by the workflow's
 * projection (never by the API). Ids, codes and dates only.
 */
@Entity({ name: 'vto' })
@Index('vto_status_idx', ['status', 'parentsInformedOn'])
@Index('vto_municipality_idx', ['municipalityCode', 'status'])
export class VtoEntity {
  /** The VTO's own case number (e.g. `VTO-2026-000012`). */
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber!: string;

  @Column({ name: 'workflow_id', type: 'varchar', length: 80 })
  workflowId!: string;

  @Column({ name: 'municipality_code', type: 'char', length: 4 })
  municipalityCode!: string;

  @Column({ name: 'coordinator_id', type: 'varchar', length: 64 })
  coordinatorId!: string;

  @Index('vto_client_idx')
  @Column({ name: 'client_id', type: 'varchar', length: 64 })
  clientId!: string;

  @Column({ name: 'family_id', type: 'varchar', length: 64 })
  familyId!: string;

  /** The drang case's trajectory, when there is one. */
  @Index('vto_trajectory_idx')
  @Column({ name: 'trajectory_case_number', type: 'varchar', length: 40, nullable: true })
  trajectoryCaseNumber!: string | null;

  /** Codes of VTO_GROUNDS. */
  @Column({ type: 'text', array: true })
  grounds!: string[];

  /** A VtoStatus: parents-to-inform, awaiting-agenda, on-agenda, sent-to-raad, or closed. */
  @Column({ type: 'varchar', length: 24 })
  status!: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt!: Date;

  @Column({ name: 'parents_informed_on', type: 'date', nullable: true })
  parentsInformedOn!: string | null;

  /** The beschermingsplein it is (or was, when decided) on the agenda of. */
  @Index('vto_meeting_date_idx')
  @Column({ name: 'meeting_date', type: 'date', nullable: true })
  meetingDate!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  decision!: 'send' | 'not-send' | null;

  @Column({ name: 'not_sent_reason', type: 'varchar', length: 40, nullable: true })
  notSentReason!: string | null;

  @Column({ name: 'investigation_started', type: 'boolean', nullable: true })
  investigationStarted!: boolean | null;

  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  @Column({ name: 'next_due_kind', type: 'varchar', length: 32, nullable: true })
  nextDueKind!: string | null;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The workflow's revision this row shows; a late, older projection never overwrites it. */
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/**
 * The coordinator's explanation of a VTO, in words: free text that may name people, so it lives
 * only here (never in a workflow history, a search attribute or a letter). Written by the API.
 */
@Entity({ name: 'vto_explanation' })
export class VtoExplanationEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber!: string;

  /** Null once destroyed with the client's personal data. */
  @Column({ type: 'text', nullable: true })
  explanation!: string | null;

  /** The proposing principal (token subject). */
  @Column({ name: 'recorded_by', type: 'varchar', length: 64 })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
