import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How a carer relates to the young person; said in the registry, not in letters. */
export const CARER_RELATIONS = ['ouder', 'verzorger', 'voogd', 'pleegouder'] as const;
export type CarerRelation = (typeof CARER_RELATIONS)[number];

/**
 * A parent or carer (ouder/verzorger) of a client: each one with an e-mail address gets the
 * letters meant for the family (docs/letters.md). Personal data: it lives only here, and goes
 * when the client's personal data is destroyed (docs/retention.md).
 */
@Entity({ name: 'client_carer' })
export class ClientCarerEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 64 })
  clientId!: string;

  /** 1, 2, …: the carer's place in the registered list, and its letters' ledger reference. */
  @PrimaryColumn({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 20 })
  relation!: CarerRelation;
}
