import { PageDto, PageQueryDto } from '../../common/page.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import {
  PARENTS_INFORMED_HOW,
  RAAD_REFERENCE_PATTERN,
  VTO_DECISIONS,
  VTO_GROUNDS,
  VTO_NOT_SENT_REASONS,
  VTO_STATUSES,
  VTO_WITHDRAWAL_REASONS,
  type ParentsInformedHow,
  type VtoDecision,
  type VtoGround,
  type VtoNotSentReason,
  type VtoStatus,
  type VtoWithdrawalReason,
} from '@cjg/domain';
import {
  IsCalendarDate,
  IsCaseNumber,
  IsMunicipalityCode,
  IsPersonId,
} from '../../common/validators';
import { QueryBoolean } from '../../common/query-params';

const GROUNDS = Object.keys(VTO_GROUNDS) as VtoGround[];
const NOT_SENT_REASONS = Object.keys(VTO_NOT_SENT_REASONS) as VtoNotSentReason[];
const WITHDRAWAL_REASONS = Object.keys(VTO_WITHDRAWAL_REASONS) as VtoWithdrawalReason[];

/** Longest explanation taken (a few paragraphs; the case file holds the rest). */
export const EXPLANATION_MAX_LENGTH = 4000;

/** 002 §3.6: a coordinator proposes a verzoek tot onderzoek at the Raad for a drang case. */
export class ProposeVtoDto {
  @ApiProperty({
    example: 'VTO-2026-000012',
    description:
      "The VTO's own case number in the CJG's case system; the workflow id derives from it",
  })
  @IsCaseNumber()
  caseNumber!: string;

  @ApiProperty({ example: '0957', description: 'CBS gemeentecode (four digits)' })
  @IsMunicipalityCode()
  municipalityCode!: string;

  @ApiProperty({
    example: 'coord-anna',
    description: 'The coordinator of the VTO, who gets its reminders (PUT /coordinators/:id)',
  })
  @IsPersonId()
  coordinatorId!: string;

  @ApiPropertyOptional({
    example: 'CJG-2026-000123',
    description:
      'The trajectory of the drang case, in the same municipality; its client and family are the VTO’s',
  })
  @IsOptional()
  @IsCaseNumber()
  trajectoryCaseNumber?: string;

  @ApiPropertyOptional({
    example: 'client-0001',
    description:
      'The child (a registered client; letters to the parents go to its address). Required without trajectoryCaseNumber',
  })
  @IsOptional()
  @IsPersonId()
  clientId?: string;

  @ApiPropertyOptional({
    example: 'fam-jansen',
    description: 'The family (1Gezin1Plan). Required without trajectoryCaseNumber',
  })
  @IsOptional()
  @IsPersonId()
  familyId?: string;

  @ApiProperty({
    enum: GROUNDS,
    isArray: true,
    example: ['ernstige-ontwikkelingsbedreiging', 'onvoldoende-beweging'],
    description: 'The grounds as codes; ernstige-ontwikkelingsbedreiging is always one of them',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(GROUNDS.length)
  @ArrayUnique()
  @IsIn(GROUNDS, { each: true })
  grounds!: VtoGround[];

  @ApiProperty({
    example: 'Na drie gesprekken en een gezamenlijk huisbezoek …',
    description:
      'The explanation in words. It may name people, so it is kept in PostgreSQL only: never in the workflow, a letter or a search attribute',
    maxLength: EXPLANATION_MAX_LENGTH,
  })
  @IsString()
  @Length(1, EXPLANATION_MAX_LENGTH)
  explanation!: string;
}

export class VtoProposedDto {
  @ApiProperty({ example: 'VTO-2026-000012' })
  caseNumber!: string;

  @ApiProperty({ example: 'vto-VTO-2026-000012' })
  workflowId!: string;

  @ApiProperty({
    description: 'false when a VTO with this case number already existed (nothing was started)',
  })
  created!: boolean;
}

export class RecordParentsInformedDto {
  @ApiProperty({ example: '2026-11-24', description: 'When the parents were informed' })
  @IsCalendarDate()
  informedOn!: string;

  @ApiProperty({ enum: PARENTS_INFORMED_HOW, example: 'conversation' })
  @IsIn(PARENTS_INFORMED_HOW)
  how!: ParentsInformedHow;
}

export class RecordDecisionDto {
  @ApiProperty({
    enum: VTO_DECISIONS,
    example: 'send',
    description:
      'The beschermingsplein’s decision: send to the Raad, not send (with a reason), or postpone (held over to the next agenda)',
  })
  @IsIn(VTO_DECISIONS)
  decision!: VtoDecision;

  @ApiPropertyOptional({ enum: NOT_SENT_REASONS, description: 'Required when not sent' })
  @IsOptional()
  @IsIn(NOT_SENT_REASONS)
  reason?: VtoNotSentReason;
}

export class RecordRaadOutcomeDto {
  @ApiProperty({ description: 'Whether the Raad starts an investigation' })
  @IsBoolean()
  investigationStarted!: boolean;

  @ApiProperty({ example: '2026-12-08', description: 'The date of the Raad’s answer' })
  @IsCalendarDate()
  decidedOn!: string;

  @ApiPropertyOptional({ example: 'RvdK-2026/4711', description: 'The Raad’s own reference' })
  @IsOptional()
  @Matches(RAAD_REFERENCE_PATTERN, {
    message: 'raadReference must be 1-40 characters A-Z, a-z, 0-9, /, . or -',
  })
  raadReference?: string;
}

export class WithdrawVtoDto {
  @ApiProperty({ enum: WITHDRAWAL_REASONS, example: 'ouders-werken-mee' })
  @IsIn(WITHDRAWAL_REASONS)
  reason!: VtoWithdrawalReason;
}

export class VtoDueDto {
  @ApiProperty({ example: 'decision-reminder' })
  kind!: string;

  @ApiProperty({ example: '2026-12-03T07:00:00.000Z' })
  at!: string;
}

/** The state of one VTO as its workflow answers it. */
export class VtoStateDto {
  @ApiProperty({ example: 'VTO-2026-000012' })
  caseNumber!: string;

  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ example: 'coord-anna' })
  coordinatorId!: string;

  @ApiProperty({ example: 'client-0001' })
  clientId!: string;

  @ApiProperty({ example: 'fam-jansen' })
  familyId!: string;

  @ApiPropertyOptional({ example: 'CJG-2026-000123' })
  trajectoryCaseNumber?: string;

  @ApiProperty({ enum: GROUNDS, isArray: true })
  grounds!: VtoGround[];

  @ApiProperty({ enum: VTO_STATUSES, example: 'on-agenda' })
  status!: VtoStatus;

  @ApiProperty({ example: '2026-11-23T09:12:00.000Z' })
  proposedAt!: string;

  @ApiProperty({ example: 3 })
  revision!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'dueOn, reminded, informedOn, how, recordedBy',
  })
  parents!: object;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The meeting it is on the agenda of: agendaId, meetingDate, decisionDueOn, …',
  })
  agenda?: object;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Held over (aanhouden)' })
  postponements!: object[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  decision?: object;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'sentOn, outcomeDueOn, investigationStarted, decidedOn, raadReference, …',
  })
  raad?: object;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  withdrawal?: object;

  @ApiProperty({ type: 'array', items: { type: 'object' } })
  deliveryProblems!: object[];

  @ApiPropertyOptional({ example: null, type: String })
  closedAt?: string;

  @ApiProperty({
    example: ['recordDecision', 'withdraw'],
    type: [String],
    description: 'What this caller could give now',
  })
  allowedCommands!: string[];

  @ApiProperty({ type: [VtoDueDto], description: 'What the workflow waits for' })
  pendingDeadlines!: VtoDueDto[];

  @ApiProperty()
  overdue!: boolean;

  @ApiPropertyOptional({
    description:
      'The coordinator’s explanation (coordinators and team leads only; absent once destroyed)',
    type: String,
  })
  explanation?: string;
}

/** Filters and page of GET /vtos; every filter narrows the caller's own scope. */
export class ListVtosQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VTO_STATUSES })
  @IsOptional()
  @IsIn(VTO_STATUSES)
  status?: VtoStatus;

  @ApiPropertyOptional({ example: '0957' })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;

  @ApiPropertyOptional({ example: '2026-11-26', description: 'On (or decided at) this meeting' })
  @IsOptional()
  @IsCalendarDate()
  meetingDate?: string;

  @ApiPropertyOptional({ example: 'CJG-2026-000123' })
  @IsOptional()
  @IsCaseNumber()
  trajectoryCaseNumber?: string;

  @ApiPropertyOptional({ example: 'coord-anna' })
  @IsOptional()
  @IsPersonId()
  coordinatorId?: string;

  @QueryBoolean()
  overdue?: boolean;
}

export class VtoSummaryDto {
  @ApiProperty({ example: 'VTO-2026-000012' })
  caseNumber!: string;

  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ example: 'coord-anna' })
  coordinatorId!: string;

  @ApiProperty({ example: 'fam-jansen' })
  familyId!: string;

  @ApiProperty({ example: 'CJG-2026-000123', nullable: true, type: String })
  trajectoryCaseNumber!: string | null;

  @ApiProperty({ enum: VTO_STATUSES })
  status!: VtoStatus;

  @ApiProperty({ example: '2026-11-23T09:12:00.000Z' })
  proposedAt!: string;

  @ApiProperty({ example: '2026-11-24', nullable: true, type: String })
  parentsInformedOn!: string | null;

  @ApiProperty({ example: '2026-11-26', nullable: true, type: String })
  meetingDate!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, enum: ['send', 'not-send'] })
  decision!: 'send' | 'not-send' | null;

  @ApiProperty({ example: '2026-12-03T07:00:00.000Z', nullable: true, type: String })
  nextDueAt!: string | null;

  @ApiProperty({ example: 'decision-reminder', nullable: true, type: String })
  nextDueKind!: string | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ nullable: true, type: String, example: null })
  closedAt!: string | null;
}

export class VtoPageDto extends PageDto {
  @ApiProperty({ type: [VtoSummaryDto] })
  items!: VtoSummaryDto[];
}
