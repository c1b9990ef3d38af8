import { PageDto, PageQueryDto } from '../../common/page.dto';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TRAJECTORY_PHASES, type TrajectoryPhase } from '@cjg/domain';
import {
  IsAgbCode,
  IsCalendarDate,
  IsCaseNumber,
  IsMunicipalityCode,
  IsPersonId,
} from '../../common/validators';
import { QueryBoolean } from '../../common/query-params';

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

  @ApiProperty({ example: '2027-05-23T08:00:00.000Z', nullable: true, type: String })
  nextDueAt!: string | null;

  @ApiProperty({ example: 'review', nullable: true, type: String })
  nextDueKind!: string | null;

  @ApiProperty()
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
    type: 'object',
    additionalProperties: true,
    description: 'Plan deel 1: the results (with their words) and the inzet',
  })
  plan?: object;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Its own intake (plan deel 2); a divergence with its status only',
  })
  intake?: object;

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Its toewijzingen with beschikking number and period',
  })
  toewijzingen!: object[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Its start and stop zorg',
  })
  care!: object;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Its own evaluations' })
  evaluations!: object[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  endEvaluation?: object;

  @ApiProperty({ type: [DueItemDto], description: 'What falls due for this provider' })
  pendingDeadlines!: DueItemDto[];

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
