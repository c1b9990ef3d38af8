import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The answer given to a request sent with an Idempotency-Key, replayed to its retries within
 * IDEMPOTENCY_TTL (apps/api/src/idempotency).
 */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'actor_sub', type: 'varchar', length: 64 })
  actorSub!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 128 })
  idempotencyKey!: string;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  @Column({ name: 'status_code', type: 'smallint' })
  statusCode!: number;

  /**
   * What a replay answers: a refusal's body, a start's ids; null for a command's success, which
   * is answered again from the process's current view.
   */
  @Column({ type: 'jsonb' })
  response!: unknown;

  /** The workflow the request made or changed: the record goes with its case's destruction. */
  @Index('idempotency_record_workflow_id_idx')
  @Column({ name: 'workflow_id', type: 'varchar', length: 200, nullable: true })
  workflowId!: string | null;

  @Index('idempotency_record_created_at_idx')
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
