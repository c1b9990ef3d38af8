import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 1Gezin1Plan: a family, known by its id only; samenloop is judged per family. */
@Entity({ name: 'family' })
export class FamilyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'now()' })
  firstSeenAt!: Date;

  /** Samenloop (004): the municipality that named the family itself, when one did. */
  @Column({ name: 'named_by_municipality', type: 'char', length: 4, nullable: true })
  namedByMunicipality!: string | null;

  @Column({ name: 'named_on', type: 'date', nullable: true })
  namedOn!: string | null;

  /** Whether the municipality says it informed the family that it named it. */
  @Column({ name: 'family_informed', type: 'boolean', nullable: true })
  familyInformed!: boolean | null;

  /** The family's answer: `given` or `refused`; null while not asked or not answered. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  consent!: 'given' | 'refused' | null;

  @Column({ name: 'consent_on', type: 'date', nullable: true })
  consentOn!: string | null;

  /** Who recorded the answer (token subject). */
  @Column({ name: 'consent_recorded_by', type: 'varchar', length: 64, nullable: true })
  consentRecordedBy!: string | null;
}
