import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const PARTNER_KINDS = ['veilig-thuis', 'gi', 'raad', 'beschermingsplein'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/**
 * A partner organisation: Veilig Thuis, a gecertificeerde instelling (GI), the Raad voor de
 * Kinderbescherming or the beschermingsplein. Letters to it go to `email`; its liaisons act
 * through the API with an `org:<id>` scope.
 */
@Entity({ name: 'partner_organisation' })
export class PartnerOrganisationEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Index('partner_organisation_kind_idx')
  @Column({ type: 'varchar', length: 24 })
  kind!: PartnerKind;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text' })
  email!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
