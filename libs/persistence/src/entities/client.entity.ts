import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The young person (jeugdige) a trajectory is for. Every column but the id is personal data and
 * lives only here: workflows and search attributes carry the id.
 */
@Entity({ name: 'client' })
export class ClientEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Burgerservicenummer; optional at intake. */
  @Column({ type: 'varchar', length: 9, nullable: true })
  bsn!: string | null;

  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth!: string | null;

  /** Where letters to the family go. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /**
   * The coordinator (token subject) that registered the client, and the municipalities of its
   * token then: until a case names the client, the coordinators of those municipalities reach it.
   */
  @Column({ name: 'registered_by', type: 'varchar', length: 64, nullable: true })
  registeredBy!: string | null;

  @Column({ name: 'registered_municipality_codes', type: 'text', array: true, nullable: true })
  registeredMunicipalityCodes!: string[] | null;

  /** Set when the retention sweep or a request (Jeugdwet 7.3.9) destroyed the data above. */
  @Column({ name: 'personal_data_destroyed_at', type: 'timestamptz', nullable: true })
  personalDataDestroyedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
