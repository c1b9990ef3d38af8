import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A team of coordinators, led by a team lead; caseload is reported per team. */
@Entity({ name: 'team' })
export class TeamEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  @Column({ name: 'municipality_code', type: 'char', length: 4, nullable: true })
  municipalityCode!: string | null;
}
