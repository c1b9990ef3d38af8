import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The answer given to a request sent with an Idempotency-Key, replayed to its retries. */
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

  @Column({ type: 'jsonb' })
  response!: unknown;

  @Index('idempotency_record_created_at_idx')
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
