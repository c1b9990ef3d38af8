import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A municipality on whose behalf the CJG grants access (CBS gemeentecode), with what its
 * letters give: where to reach it, who signs a decision on behalf of the college, and where an
 * objection goes. Every detail is optional; a letter without them says "de gemeente".
 */
@Entity({ name: 'municipality' })
export class MunicipalityEntity {
  @PrimaryColumn({ type: 'char', length: 4 })
  code!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  /** Postal address, one line: "Postbus 900, 6040 AX Roermond". */
  @Column({ name: 'postal_address', type: 'varchar', length: 200, nullable: true })
  postalAddress!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  website!: string | null;

  /** Who signs a decision on behalf of the college (mandaat): name, and function. */
  @Column({ name: 'signatory_name', type: 'varchar', length: 200, nullable: true })
  signatoryName!: string | null;

  @Column({ name: 'signatory_function', type: 'varchar', length: 200, nullable: true })
  signatoryFunction!: string | null;

  /** Where an objection (bezwaarschrift) is sent, when not the postal address. */
  @Column({ name: 'objection_address', type: 'varchar', length: 300, nullable: true })
  objectionAddress!: string | null;
}
