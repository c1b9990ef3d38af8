import { ApiProperty } from '@nestjs/swagger';

/** The most letters and timeline entries one answer lists (a case has tens, not hundreds). */
export const MAX_CASE_RECORDS = 500;

/** The statuses of the letter ledger (notification_ledger.status). */
export const LETTER_STATUSES = [
  'sending',
  'sent',
  'refused',
  'no-address',
  'unknown-recipient',
] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** One letter to one recipient, as the letter ledger keeps it: codes, references and dates. */
export class CaseLetterDto {
  @ApiProperty({ example: 'plan-deel-1', description: 'The kind of letter' })
  kind!: string;

  @ApiProperty({ example: 2, description: 'Its number within the case (the ledger key)' })
  sequence!: number;

  @ApiProperty({
    example: 'client:client-0001/carer:1',
    description:
      'To whom, as a reference: `client:<id>`, `client:<id>/carer:<n>`, `coordinator:<id>`, `provider:<agbCode>`, `organisation:<id>`; never the address',
  })
  recipient!: string;

  @ApiProperty({
    enum: LETTER_STATUSES,
    example: 'sent',
    description:
      'sending (under way, or to be retried), sent, or not deliverable: refused (the mail server refused the address), no-address (none known), unknown-recipient',
  })
  status!: LetterStatus;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-23T10:20:00.000Z' })
  sentAt!: string | null;

  @ApiProperty({ example: '2026-11-23T10:20:00.000Z', description: 'Last change of the status' })
  updatedAt!: string;

  @ApiProperty({ example: 1, description: 'Send attempts begun' })
  attempts!: number;
}

export class CaseLettersDto {
  @ApiProperty({ example: 'CJG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ type: [CaseLetterDto], description: 'In the order they were made' })
  items!: CaseLetterDto[];

  @ApiProperty({
    description: `More than the ${MAX_CASE_RECORDS} listed exist (the oldest are listed)`,
  })
  truncated!: boolean;
}

/** One thing that happened to a case, from the audit trail: who, what, when, the phase after it. */
export class TimelineEntryDto {
  @ApiProperty({ example: '2026-11-23T10:15:00.000Z' })
  at!: string;

  @ApiProperty({
    example: 'command:agreeResults',
    description:
      '`start`, `command:<type>` (a command given, or one the workflow applied without a person: the ops batch), `deadline:<kind>` (a deadline that came), `letter:<kind>` (a letter went out), `undelivered:<kind>` (a letter did not arrive), or another action of the audit trail (`retention:…`)',
  })
  action!: string;

  @ApiProperty({
    example: 'coordinator',
    description: 'The role of who did it; `workflow` for what the case did by itself',
  })
  actorRole!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'coord-anna',
    description:
      'The id of a CJG person (coordinator, team lead, ops); null for the workflow and for partners (their role says who)',
  })
  actorId!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'results-agreed',
    description: 'The phase after it, where the entry recorded it',
  })
  phase!: string | null;
}

export class CaseTimelineDto {
  @ApiProperty({ example: 'CJG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ type: [TimelineEntryDto], description: 'Oldest first' })
  items!: TimelineEntryDto[];

  @ApiProperty({
    description: `More than the ${MAX_CASE_RECORDS} listed exist (the oldest are listed)`,
  })
  truncated!: boolean;
}
