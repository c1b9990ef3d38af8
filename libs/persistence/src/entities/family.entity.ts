import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 1Gezin1Plan: a family, known by its id only; samenloop is judged per family. */
@Entity({ name: 'family' })
export class FamilyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'now()' })
  firstSeenAt!: Date;
}
