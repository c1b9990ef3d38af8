import { PageDto, PageQueryDto } from '../../common/page.dto';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  PROVIDER_DUE_KINDS,
  TRAJECTORY_PHASES,
  type ProviderDueKind,
  type TrajectoryPhase,
} from '@cjg/domain';
import {
  IsAgbCode,
  IsCalendarDate,
  IsCaseNumber,
  IsMunicipalityCode,
  IsPersonId,
} from '../../common/validators';
import { QueryBoolean } from '../../common/query-params';
import { InzetDto, OmvangDto, ResultDto, ResultJudgementDto } from './command-parts.dto';

export class StartTrajectoryDto {
  @ApiProperty({
    example: 'CJG-2026-000123',
    description: 'Zaaknummer; the workflow id derives from it',
  })
  @IsCaseNumber()
  caseNumber!: string;

  @ApiProperty({ example: '0957', description: 'CBS gemeentecode (four digits)' })
  @IsMunicipalityCode()
  municipalityCode!: string;

  @ApiProperty({
    example: 'coord-anna',
    description: 'A registered coordinator (PUT /coordinators/:id)',
  })
  @IsPersonId()
  coordinatorId!: string;

  @ApiProperty({ example: 'client-0001', description: 'A registered client (PUT /clients/:id)' })
  @IsPersonId()
  clientId!: string;

  @ApiProperty({
    example: 'fam-jansen',
    description: '1Gezin1Plan: the family id (samenloop is judged per family)',
  })
  @IsPersonId()
  familyId!: string;

  @ApiPropertyOptional({
    example: '2026-11-16',
    format: 'date',
    description:
      'The day the request for help was received (Europe/Amsterdam), when before its registration: ' +
      'the Awb decision deadline and the waiting-times report count from the start of that day. ' +
      'Not after today and not more than a year before it (else 422). Without it: from the registration.',
  })
  @IsOptional()
  @IsCalendarDate()
  receivedOn?: string;
}

export class TrajectoryStartedDto {
  @ApiProperty({ example: 'CJG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ example: 'trajectory-CJG-2026-000123' })
  workflowId!: string;

  @ApiProperty({
    description:
      'false when a trajectory with this case number already existed (nothing was started)',
  })
  created!: boolean;
}

const PHASE_DOC = {
  enum: TRAJECTORY_PHASES,
  description:
    'intake → results-agreed → provider-intake → beschikking → monitoring → end-evaluation → closed (or withdrawn)',
};

/** Filters, order and page of GET /trajectories; every filter narrows the caller's own scope. */
export class ListTrajectoriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '0957', description: 'CBS gemeentecode' })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;

  @ApiPropertyOptional({ ...PHASE_DOC, example: 'monitoring' })
  @IsOptional()
  @IsIn(TRAJECTORY_PHASES)
  phase?: TrajectoryPhase;

  @ApiPropertyOptional({ example: 'coord-anna' })
  @IsOptional()
  @IsPersonId()
  coordinatorId?: string;

  @ApiPropertyOptional({ example: '12345678', description: 'A provider with a part in the case' })
  @IsOptional()
  @IsAgbCode()
  agbCode?: string;

  @ApiPropertyOptional({ example: 'fam-jansen' })
  @IsOptional()
  @IsPersonId()
  familyId?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'Only cases whose next due item falls before this date (Europe/Amsterdam)',
  })
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;

  @QueryBoolean({ description: 'Only overdue (true) or only not overdue (false) cases' })
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: ['caseNumber', 'startedAt', 'updatedAt', 'nextDueAt'],
    default: 'caseNumber',
  })
  @IsOptional()
  @IsIn(['caseNumber', 'startedAt', 'updatedAt', 'nextDueAt'])
  sort?: 'caseNumber' | 'startedAt' | 'updatedAt' | 'nextDueAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

/** One row of the read model: ids, codes and dates only. */
export class TrajectorySummaryDto {
  @ApiProperty({ example: 'CJG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ example: 'coord-anna' })
  coordinatorId!: string;

  @ApiProperty({ example: 'fam-jansen', nullable: true, type: String })
  familyId!: string | null;

  @ApiProperty({ ...PHASE_DOC, example: 'monitoring' })
  phase!: TrajectoryPhase;

  @ApiProperty({ example: '2026-11-23T10:15:00.000Z' })
  startedAt!: string;

  @ApiProperty({ example: '2026-11-24T08:00:00.000Z' })
  updatedAt!: string;

  @ApiProperty({ nullable: true, type: Boolean, description: 'Coordination and follow-up (001)' })
  coordinated!: boolean | null;

  @ApiProperty({ example: '2027-06-30', nullable: true, type: String })
  beschikkingEnd!: string | null;

  @ApiProperty({ example: ['12345678'], type: [String] })
  providerAgbCodes!: string[];

  @ApiProperty({
    example: '2027-05-23T08:00:00.000Z',
    nullable: true,
    type: String,
    description:
      'When the next item falls due. For a provider: its own (its intake, its end evaluation, the end of its care), not the CJG’s',
  })
  nextDueAt!: string | null;

  @ApiProperty({
    example: 'review-reminder',
    nullable: true,
    type: String,
    description:
      'What falls due next (a deadline kind); for a provider one of provider-intake, end-evaluation, beschikking-end',
  })
  nextDueKind!: string | null;

  @ApiProperty({ description: 'Something is late; for a provider: something of its own' })
  overdue!: boolean;

  @ApiProperty({ nullable: true, type: String, example: null })
  closedAt!: string | null;
}

export class TrajectoryPageDto extends PageDto {
  @ApiProperty({ type: [TrajectorySummaryDto] })
  items!: TrajectorySummaryDto[];
}

/** A deadline the workflow waits for. */
export class DueItemDto {
  @ApiProperty({ example: 'awb-warning', description: 'What falls due' })
  kind!: string;

  @ApiProperty({ example: '2027-01-04T08:00:00.000Z' })
  at!: string;
}

/** What a provider is asked for in a case, and by when. */
export class ProviderDueItemDto {
  @ApiProperty({
    enum: PROVIDER_DUE_KINDS,
    example: 'provider-intake',
    description:
      'provider-intake: its intake (plan deel 2) after the referral; end-evaluation: its end evaluation; beschikking-end: the end of its care period',
  })
  kind!: ProviderDueKind;

  @ApiProperty({ example: '2027-01-04T08:00:00.000Z' })
  at!: string;

  @ApiProperty({ description: 'Past due and still not done' })
  overdue!: boolean;
}

/**
 * The state of a trajectory as its workflow answers the `state` query: ids, codes, dates and
 * decisions, never personal data. `allowedCommands` lists what this caller can do now.
 */
export class TrajectoryStateDto {
  @ApiProperty({
    enum: ['case'],
    example: 'case',
    description: 'The whole case (coordinators, team leads, ops); a provider gets `provider`',
  })
  view!: 'case';

  @ApiProperty({ example: 'CJG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ example: 'coord-anna' })
  coordinatorId!: string;

  @ApiProperty({ example: 'client-0001' })
  clientId!: string;

  @ApiProperty({ example: 'fam-jansen' })
  familyId!: string;

  @ApiProperty({ ...PHASE_DOC, example: 'intake' })
  phase!: TrajectoryPhase;

  @ApiProperty({ example: '2026-11-23T10:15:00.000Z' })
  startedAt!: string;

  @ApiPropertyOptional({
    example: '2026-11-16',
    format: 'date',
    description:
      'The day the request was received, when given at the start: the Awb clock runs from 00:00 of it',
  })
  receivedOn?: string;

  @ApiProperty({ example: 3, description: 'Increases with every change' })
  revision!: number;

  @ApiProperty({
    description: 'Whether the coordinator has been sent the "intake registered" letter',
  })
  intakeLetterSent!: boolean;

  @ApiProperty({ example: ['agreeResults', 'withdraw'], type: [String] })
  allowedCommands!: string[];

  @ApiProperty({ type: [DueItemDto], description: 'What the workflow waits for, earliest first' })
  pendingDeadlines!: DueItemDto[];

  @ApiProperty({ description: 'A review, Awb decision or evaluation is past due' })
  overdue!: boolean;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Plan deel 1' })
  plan?: object;

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Plan deel 2 per provider',
  })
  providerIntakes!: object[];

  @ApiPropertyOptional({ example: ['12345678'], type: [String], description: 'Verwijzingen' })
  referrals?: string[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  beschikking?: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Awb decision clock' })
  awb!: object;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  coordination?: object;

  @ApiProperty({ type: 'array', items: { type: 'object' } })
  reviews!: object[];

  @ApiProperty({ type: 'object', additionalProperties: true })
  monitoring!: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Zorg per AGB code' })
  care!: object;

  @ApiProperty({ type: 'array', items: { type: 'object' } })
  evaluations!: object[];

  @ApiProperty({ type: 'object', additionalProperties: true })
  threeMonthCheck!: object;

  @ApiProperty({ type: 'object', additionalProperties: true })
  questionnaires!: object;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  endEvaluation?: object;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  reassessment?: object;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  withdrawal?: object;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description:
      'Letters that could not be delivered: which letter, to whom (a reference such as client:<id>), why (refused, no-address, unknown-recipient) and when; the coordinator is told by mail',
    example: [
      {
        letter: 'plan-deel-1',
        sequence: 2,
        recipient: 'client:client-0001',
        reason: 'refused',
        at: '2026-11-23T10:20:00.000Z',
      },
    ],
  })
  deliveryProblems?: object[];

  @ApiPropertyOptional({ example: '2027-12-01T10:00:00.000Z' })
  closedAt?: string;
}

/** Plan deel 1 as a provider sees it: the results it works towards and the inzet the CJG decided. */
export class ProviderPlanDto {
  @ApiProperty({ type: [ResultDto], description: 'The results, in the family’s words' })
  results!: ResultDto[];

  @ApiProperty({ type: () => InzetDto })
  inzet!: InzetDto;

  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' })
  agreedAt!: string;
}

/** A divergence of an intake as its provider sees it: whether it was accepted, not why. */
export class ProviderDivergenceDto {
  @ApiProperty({ enum: ['pending', 'accepted', 'refused'], example: 'pending' })
  status!: 'pending' | 'accepted' | 'refused';

  @ApiProperty({
    type: [String],
    description: 'Which part of plan deel 1 the intake exceeds (generated by the domain)',
  })
  reasons!: string[];
}

/** The provider's own intake: plan deel 2. */
export class ProviderIntakeDto {
  @ApiProperty({ example: '12345678' })
  agbCode!: string;

  @ApiProperty({ type: [String], example: ['Wekelijkse gezinsbegeleiding thuis'] })
  activities!: string[];

  @ApiProperty({ type: 'integer', example: 26 })
  expectedDurationWeeks!: number;

  @ApiPropertyOptional({ type: () => InzetDto, description: 'What it asked beyond plan deel 1' })
  requestedInzet?: InzetDto;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  recordedAt!: string;

  @ApiPropertyOptional({ type: () => ProviderDivergenceDto })
  divergence?: ProviderDivergenceDto;
}

/** One of the provider's toewijzingen, with its beschikking's number and period. */
export class ProviderToewijzingDto {
  @ApiProperty({ example: '12345678' })
  agbCode!: string;

  @ApiProperty({ example: 'T-2027-0001' })
  toewijzingnummer!: string;

  @ApiProperty({ example: '45', description: 'JZ020 productcategorie' })
  productCategory!: string;

  @ApiPropertyOptional({ example: '45A01' })
  productCode?: string;

  @ApiProperty({ type: () => OmvangDto })
  omvang!: OmvangDto;

  @ApiProperty({ example: 'B-2027-001' })
  beschikkingNumber!: string;

  @ApiProperty({ example: '2027-01-04', format: 'date' })
  startDate!: string;

  @ApiProperty({ example: '2027-12-31', format: 'date' })
  endDate!: string;
}

/** The provider's start and stop zorg. */
export class ProviderCareDto {
  @ApiPropertyOptional({ example: '2027-01-11', format: 'date' })
  startedOn?: string;

  @ApiPropertyOptional({ example: '2027-12-17', format: 'date' })
  stoppedOn?: string;

  @ApiPropertyOptional({ example: '02', description: 'JZ588 reden beëindiging' })
  stopReason?: string;
}

/** One of the provider's own evaluations. */
export class ProviderEvaluationDto {
  @ApiProperty({ enum: ['interim', 'end'], example: 'interim' })
  kind!: 'interim' | 'end';

  @ApiProperty({ type: [ResultJudgementDto] })
  outcomes!: ResultJudgementDto[];

  @ApiProperty({ example: '2027-04-01T10:00:00.000Z' })
  recordedAt!: string;
}

/** The end evaluation, when the CJG asks for it: since when, and whether this provider delivered. */
export class ProviderEndEvaluationDto {
  @ApiProperty({ example: '2027-11-01T10:00:00.000Z' })
  requiredSince!: string;

  @ApiProperty()
  delivered!: boolean;

  @ApiPropertyOptional({ example: '2027-11-20T10:00:00.000Z' })
  recordedAt?: string;
}

/**
 * What a provider sees of a trajectory: its own part (need-to-know). The results of plan deel 1
 * it works towards, its referral, intake, toewijzingen, care, evaluations and due items; not the
 * other providers, the family's answers, the coordinator's reasons or linked cases. Its access
 * ends PARTNER_ACCESS_AFTER_END (default three months) after the case closed and its care ended.
 */
export class ProviderTrajectoryViewDto {
  @ApiProperty({ enum: ['provider'], example: 'provider' })
  view!: 'provider';

  @ApiProperty({ example: 'CJG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ example: 'coord-anna', description: 'The coordinator of the case' })
  coordinatorId!: string;

  @ApiProperty({ ...PHASE_DOC, example: 'monitoring' })
  phase!: TrajectoryPhase;

  @ApiProperty({ example: 9 })
  revision!: number;

  @ApiProperty({ description: 'The family chose this provider (verwijzing)' })
  referred!: boolean;

  @ApiPropertyOptional({
    type: () => ProviderPlanDto,
    description: 'Plan deel 1: the results (with their words) and the inzet',
  })
  plan?: ProviderPlanDto;

  @ApiPropertyOptional({
    type: () => ProviderIntakeDto,
    description: 'Its own intake (plan deel 2); a divergence with its status only',
  })
  intake?: ProviderIntakeDto;

  @ApiProperty({
    type: [ProviderToewijzingDto],
    description: 'Its toewijzingen with beschikking number and period',
  })
  toewijzingen!: ProviderToewijzingDto[];

  @ApiProperty({ type: () => ProviderCareDto, description: 'Its start and stop zorg' })
  care!: ProviderCareDto;

  @ApiProperty({ type: [ProviderEvaluationDto], description: 'Its own evaluations' })
  evaluations!: ProviderEvaluationDto[];

  @ApiPropertyOptional({ type: () => ProviderEndEvaluationDto })
  endEvaluation?: ProviderEndEvaluationDto;

  @ApiProperty({
    type: [ProviderDueItemDto],
    description: 'What falls due for this provider, earliest first; a late item stays, marked',
  })
  pendingDeadlines!: ProviderDueItemDto[];

  @ApiProperty({ description: 'Something of this provider is late: its intake or end evaluation' })
  overdue!: boolean;

  @ApiProperty({ example: ['reportEvaluation', 'stopZorg'], type: [String] })
  allowedCommands!: string[];

  @ApiPropertyOptional({ example: '2027-12-01T10:00:00.000Z' })
  closedAt?: string;

  @ApiPropertyOptional({
    example: '2028-03-01T10:00:00.000Z',
    description: 'When this provider stops seeing the case',
  })
  accessEndsAt?: string;
}

/** What a case read or command answers: the whole case, or a provider's part (`view` says which). */
export const CASE_VIEW_RESPONSE = {
  schema: {
    oneOf: [
      { $ref: getSchemaPath(TrajectoryStateDto) },
      { $ref: getSchemaPath(ProviderTrajectoryViewDto) },
    ],
    discriminator: {
      propertyName: 'view',
      mapping: {
        case: getSchemaPath(TrajectoryStateDto),
        provider: getSchemaPath(ProviderTrajectoryViewDto),
      },
    },
  },
};
