import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A municipality on whose behalf the CJG grants access (CBS gemeentecode). */
@Entity({ name: 'municipality' })
export class MunicipalityEntity {
  @PrimaryColumn({ type: 'char', length: 4 })
  code!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;
}
