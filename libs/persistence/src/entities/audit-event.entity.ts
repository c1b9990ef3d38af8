import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per command given, and per read of case or personal data, through the API: who (token
 * subject and role), what, on which case, when, and how it ended (NEN 7513). Append-only (a
 * trigger refuses updates and deletes); ids and codes only, never personal data.
 */
@Entity({ name: 'audit_event' })
@Index('audit_event_case_number_idx', ['caseNumber', 'at'])
@Index('audit_event_actor_idx', ['actorSub', 'at'])
@Index('audit_event_client_idx', ['clientId', 'at'], { where: 'client_id IS NOT NULL' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_sub', type: 'varchar', length: 64 })
  actorSub!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole!: string;

  /** `start`, `command:<type>`, `batch:reassessment`, `registry:<kind>`, `read:<thing>`… */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  /** The case number, or the process's own id: a handover id, a transfer id, a VTO's number. */
  @Column({ name: 'case_number', type: 'varchar', length: 120, nullable: true })
  caseNumber!: string | null;

  /** The client the call concerned, where its answer or route named one (an inzageverzoek). */
  @Column({ name: 'client_id', type: 'varchar', length: 64, nullable: true })
  clientId!: string | null;

  /** accepted | refused | forbidden | failed */
  @Column({ type: 'varchar', length: 16 })
  outcome!: string;

  @Column({ name: 'status_code', type: 'smallint' })
  statusCode!: number;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  /**
   * Non-personal detail: the workflow's refusal reasons, the revision reached, a replay; for a
   * list or report read its filter and how many it answered.
   */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  detail!: Record<string, unknown>;
}
