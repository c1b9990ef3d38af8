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

  /** Send attempts begun for this row. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /**
   * Resends after an attempt that ended without recording its result (the worker died between
   * the SMTP server's answer and the ledger update): sent again with the same Message-ID.
   */
  @Column({ name: 'uncertain_resends', type: 'integer', default: 0 })
  uncertainResends!: number;

  /** The last error, with e-mail addresses blanked out. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
