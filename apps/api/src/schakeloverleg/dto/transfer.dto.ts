import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  FORCED_FRAME_MEASURE_CODES,
  TRANSFER_REFERENCE_PATTERN,
  TRANSFER_STATUSES,
  type ForcedFrameMeasure,
  type ProductCategory,
  type TransferStatus,
} from '@cjg/domain';
import {
  IsAgbCode,
  IsMunicipalityCode,
  IsPersonId,
  IsCalendarDate,
  IsProductCategory,
} from '../../common/validators';
import { PageLimit, QueryBoolean } from '../../common/query-params';

const STATUS_DOC = {
  enum: TRANSFER_STATUSES,
  description:
    'proposed → planned → agreed → started; or not-agreed (back to proposed on the revisit date), withdrawn, lapsed',
};

/** A provider whose care is in place; it goes on in the voluntary frame when agreed. */
export class CarriedCareDto {
  @ApiProperty({ example: '12345678', description: 'AGB code of the zorgaanbieder' })
  @IsAgbCode()
  agbCode!: string;

  @ApiProperty({ example: '45', description: 'JZ020 productcategorie of the care' })
  @IsProductCategory()
  productCategory!: ProductCategory;
}

/** The GI proposes a transfer from the forced to the voluntary frame (000). */
export class ProposeTransferDto {
  @ApiProperty({
    example: 'JB-2026-1234',
    description:
      'The GI’s own reference of the measure (its dossier number): 3–40 characters A–Z, 0–9 and single hyphens. With the GI’s organisation id it names the transfer: the same reference again starts nothing.',
  })
  @Matches(TRANSFER_REFERENCE_PATTERN, {
    message: 'reference must be 3–40 characters: A–Z, 0–9 and single hyphens (e.g. JB-2026-1234)',
  })
  reference!: string;

  @ApiProperty({ example: '0957', description: 'CBS gemeentecode of the family’s municipality' })
  @IsMunicipalityCode()
  municipalityCode!: string;

  @ApiProperty({
    example: 'fam-jansen',
    description: '1Gezin1Plan: the family id (the trajectory that follows carries it)',
  })
  @IsPersonId()
  familyId!: string;

  @ApiProperty({
    example: 'client-0001',
    description:
      'The client (the young person and the parents) as the CJG registers it (PUT /clients/{id}); the CJG registers it before planning',
  })
  @IsPersonId()
  clientId!: string;

  @ApiProperty({
    enum: FORCED_FRAME_MEASURE_CODES,
    example: 'ots',
    description:
      'ots: ondertoezichtstelling (BW 1:255, 1:260); voogdij: voogdij by a GI (BW 1:302 lid 2); jeugdreclassering (Jeugdwet art. 1.1)',
  })
  @IsIn(FORCED_FRAME_MEASURE_CODES)
  measure!: ForcedFrameMeasure;

  @ApiProperty({
    example: '2027-03-01',
    description:
      'The date the measure ends as planned; when agreed, the beschikking of the trajectory is due before it and the voluntary frame begins on it',
  })
  @IsCalendarDate()
  measureEndDate!: string;

  @ApiProperty({
    type: [CarriedCareDto],
    description:
      'The care in place (at most 20): registered providers (PUT /providers/{agbCode}) and their category',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CarriedCareDto)
  care!: CarriedCareDto[];
}

export class TransferProposedDto {
  @ApiProperty({ example: 'gi-limburg.JB-2026-1234', description: '<organisation>.<reference>' })
  transferId!: string;

  @ApiProperty({ example: 'schakeloverleg-gi-limburg.JB-2026-1234' })
  workflowId!: string;

  @ApiProperty({
    description: 'false when this GI had already proposed this reference (nothing was started)',
  })
  created!: boolean;
}

export class TransferDueItemDto {
  @ApiProperty({
    example: 'planning-reminder',
    enum: [
      'planning-reminder',
      'planning-overdue',
      'outcome-reminder',
      'measure-end',
      'revisit',
      'trajectory-start',
    ],
  })
  kind!: string;

  @ApiProperty({ example: '2027-01-04T07:00:00.000Z' })
  at!: string;
}

export class TransferDatesDto {
  @ApiProperty({ example: '2027-01-04', description: 'Reminder when not planned by then' })
  planningReminder!: string;

  @ApiProperty({ example: '2027-01-18', description: 'To be planned by then; escalated after' })
  planBy!: string;

  @ApiProperty({
    example: '2027-02-15',
    description: 'The last day the Schakeloverleg may be held',
  })
  latestMeetingDate!: string;
}

/**
 * A transfer as its workflow answers the `state` query: ids, codes, dates and decisions, never
 * personal data. `allowedCommands` lists what this caller can do now.
 */
export class TransferStateDto {
  @ApiProperty({
    enum: ['case', 'partner'],
    description:
      'case: the whole transfer (the CJG, ops); partner: the GI’s own part, without the ' +
      'letters’ recipients',
  })
  view!: 'case' | 'partner';

  @ApiProperty({ example: 'gi-limburg.JB-2026-1234' })
  transferId!: string;

  @ApiProperty({ example: 'gi-limburg' })
  organisationId!: string;

  @ApiProperty({ example: 'JB-2026-1234' })
  reference!: string;

  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ example: 'fam-jansen' })
  familyId!: string;

  @ApiProperty({ example: 'client-0001' })
  clientId!: string;

  @ApiProperty({ enum: FORCED_FRAME_MEASURE_CODES, example: 'ots' })
  measure!: string;

  @ApiProperty({ example: '2027-03-01' })
  measureEndDate!: string;

  @ApiProperty({ type: [CarriedCareDto] })
  care!: CarriedCareDto[];

  @ApiProperty({ ...STATUS_DOC, example: 'planned' })
  status!: TransferStatus;

  @ApiProperty({
    example: 1,
    description: 'The Schakeloverleg round (one more after "not agreed")',
  })
  round!: number;

  @ApiPropertyOptional({ example: 'coord-anna', description: 'Set when planned' })
  coordinatorId?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { date: '2027-02-03', plannedAt: '2026-11-24T09:00:00.000Z', outcomeReminded: false },
  })
  meeting?: object;

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Each Schakeloverleg held',
  })
  outcomes!: object[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { date: '2027-09-01' },
  })
  revisit?: object;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { caseNumber: 'CJG-2027-000042', agreedAt: '2027-02-03T14:00:00.000Z' },
  })
  agreement?: object;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'The toegang trajectory, started when agreed (before December 2026: on the measure’s end date)',
    example: {
      caseNumber: 'CJG-2027-000042',
      workflowId: 'trajectory-CJG-2027-000042',
      startedAt: '2027-03-01T07:00:00.000Z',
      alreadyExisted: false,
    },
  })
  trajectory?: object;

  @ApiProperty({ example: ['plan', 'withdraw'], type: [String] })
  allowedCommands!: string[];

  @ApiProperty({
    type: [TransferDueItemDto],
    description: 'What the workflow waits for, earliest first',
  })
  pendingDeadlines!: TransferDueItemDto[];

  @ApiProperty({
    description: 'Planning escalated, or the outcome of a held Schakeloverleg missing',
  })
  overdue!: boolean;

  @ApiProperty({
    type: TransferDatesDto,
    description: 'The deadlines that follow from the end date',
  })
  dates!: TransferDatesDto;

  @ApiProperty({ example: '2026-11-23T10:15:00.000Z' })
  proposedAt!: string;

  @ApiProperty({ example: 3 })
  revision!: number;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } })
  deliveryProblems?: object[];

  @ApiPropertyOptional({ example: '2027-03-01T07:00:00.000Z' })
  closedAt?: string;

  @ApiPropertyOptional({
    description: 'Partner view: when the GI stops seeing the transfer (after its close)',
  })
  accessEndsAt?: string;
}

/** Filters of GET /transfers; every filter narrows the caller's own scope. */
export class ListTransfersQueryDto {
  @ApiPropertyOptional({ ...STATUS_DOC, example: 'proposed' })
  @IsOptional()
  @IsIn(TRANSFER_STATUSES)
  status?: TransferStatus;

  @ApiPropertyOptional({ example: '0957' })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;

  @QueryBoolean({ description: 'Only overdue (true) or only not overdue (false) transfers' })
  overdue?: boolean;

  @PageLimit()
  limit?: number;
}

export class TransferSummaryDto {
  @ApiProperty({ example: 'gi-limburg.JB-2026-1234' })
  transferId!: string;

  @ApiProperty({ ...STATUS_DOC, example: 'proposed' })
  status!: string;

  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ example: 'gi-limburg' })
  organisationId!: string;

  @ApiProperty({ example: 'coord-anna', nullable: true, type: String })
  coordinatorId!: string | null;

  @ApiProperty({ example: 'CJG-2027-000042', nullable: true, type: String })
  caseNumber!: string | null;

  @ApiProperty({ example: '2027-01-04T07:00:00.000Z', nullable: true, type: String })
  nextDueAt!: string | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ example: '2026-11-23T10:15:00.000Z' })
  proposedAt!: string;

  @ApiProperty({ nullable: true, type: String, example: null })
  closedAt!: string | null;
}

export class TransferListDto {
  @ApiProperty({
    type: [TransferSummaryDto],
    description:
      'Newest first, at most `limit`; from Temporal’s visibility store (may lag a second)',
  })
  items!: TransferSummaryDto[];
}
