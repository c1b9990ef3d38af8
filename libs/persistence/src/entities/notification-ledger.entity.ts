import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One row per letter and recipient: (workflow, kind, sequence, recipient) is unique, so a retried
 * activity finds the letter it already sent and does not send it again.
 */
@Entity({ name: 'notification_ledger' })
@Unique('notification_ledger_letter_uq', ['workflowId', 'kind', 'sequence', 'recipientRef'])
export class NotificationLedgerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workflow_id', type: 'varchar', length: 80 })
  workflowId!: string;

  @Column({ type: 'varchar', length: 64 })
  kind!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  /** Who it went to, as a reference (`coordinator:<id>`), never the address itself. */
  @Column({ name: 'recipient_ref', type: 'varchar', length: 100 })
  recipientRef!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: 'sending' | 'sent' | 'refused' | 'no-address' | 'unknown-recipient';

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
