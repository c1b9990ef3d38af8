import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A free text of a trajectory (a result, its measure, a provider's activities, a reason), one
 * item per entry of `items`. It may name people: it stays in PostgreSQL and the workflow carries
 * its id only (TextRef in libs/domain). Removed with the case.
 */
@Entity({ name: 'case_text' })
export class CaseTextEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('case_text_case_number_idx')
  @Column({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber!: string;

  /** Where the command carried it (a path of COMMAND_FREE_TEXT: `plan.results[].description`). */
  @Column({ type: 'varchar', length: 64 })
  field!: string;

  /** Whether it was typed as a list (the activities) or as one text. */
  @Column({ type: 'boolean' })
  list!: boolean;

  @Column({ type: 'jsonb' })
  items!: string[];

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
