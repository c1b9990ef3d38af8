import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A zorgaanbieder, by its AGB code; where its letters go. */
@Entity({ name: 'provider' })
export class ProviderEntity {
  @PrimaryColumn({ name: 'agb_code', type: 'char', length: 8 })
  agbCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  email!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
