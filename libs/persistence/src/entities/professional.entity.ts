import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A registered professional who signs off plan deel 1 (002 §3.4): a begeleider primair proces
 * (BPP) or a gedragswetenschapper, with its registration in the SKJ or BIG register. The
 * trajectory carries the id only.
 */
@Entity({ name: 'professional' })
export class ProfessionalEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** `bpp` or `gedragswetenschapper`. */
  @Column({ type: 'varchar', length: 24 })
  kind!: string;

  /** `SKJ` (Stichting Kwaliteitsregister Jeugd) or `BIG`. */
  @Column({ name: 'register', type: 'varchar', length: 3 })
  register!: string;

  @Column({ name: 'registration_number', type: 'varchar', length: 11 })
  registrationNumber!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
