/**
 * The bodies and answers of the Veilig Thuis warm handover endpoints (002 §3.6, §5.6). The
 * bodies check shape and format; whether a command fits the handover (its status, dates against
 * its acceptance) is judged by the domain's `handoverCommandProblems` in the workflow's update
 * validator. Free texts (safety conditions, agreements, an explanation) are lists of short items,
 * one per line of the letters; they are kept in PostgreSQL, never in the workflow.
 */
import { PageDto, PageQueryDto } from '../../common/page.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  CASE_NUMBER_PATTERN,
  HANDOVER_DEADLINE_KINDS,
  HANDOVER_REFUSAL_REASON_RULE,
  HANDOVER_REFUSAL_REASONS,
  FORMER_HANDOVER_REFUSAL_REASONS,
  HANDOVER_STATUSES,
  HANDOVER_TYPES,
  HANDOVER_URGENCIES,
  HANDOVER_WITHDRAWAL_REASONS,
  MAX_TEXT_ITEMS,
  type HandoverCommandType,
  type HandoverDeadlineKind,
  type HandoverRefusalReason,
  type HandoverStatus,
  type HandoverType,
  type HandoverUrgency,
  type HandoverWithdrawalReason,
} from '@cjg/domain';
import {
  IsCalendarDate,
  IsCaseNumber,
  IsMunicipalityCode,
  IsPersonId,
} from '../../common/validators';
import { QueryBoolean } from '../../common/query-params';

/** One item of a free text: a line of the letters. */
const MAX_ITEM = 1000;
const ONE_LINE = /^[^\r\n]*\S[^\r\n]*$/;

/** A list of 1–30 short, single-line texts. */
function TextItems(min: number): PropertyDecorator {
  return (target, key) => {
    IsArray()(target, key);
    ArrayMinSize(min)(target, key);
    ArrayMaxSize(MAX_TEXT_ITEMS)(target, key);
    IsString({ each: true })(target, key);
    MaxLength(MAX_ITEM, { each: true })(target, key);
    Matches(ONE_LINE, {
      each: true,
      message: '$property must hold single lines of text (one item per entry), none empty',
    })(target, key);
  };
}

const ITEMS_DOC = `a list of 1-${MAX_TEXT_ITEMS} single-line items of at most ${MAX_ITEM} characters; kept in PostgreSQL, sent in the letters, never in a workflow`;

// ───────────────────────────────────────────────────────────── create

export class CreateHandoverDto {
  @ApiProperty({
    example: 'VT-2026-04711',
    description: 'Veilig Thuis’s own case id (an administrative id, not personal data)',
  })
  @Matches(CASE_NUMBER_PATTERN, {
    message: 'reference must be 3–40 characters: A–Z, 0–9 and single hyphens (e.g. VT-2026-04711)',
  })
  reference!: string;

  @ApiProperty({
    enum: HANDOVER_URGENCIES,
    example: 'regular',
    description: 'urgent: shorter deadlines (accept within 1 working day instead of 5)',
  })
  @IsIn(HANDOVER_URGENCIES)
  urgency!: HandoverUrgency;

  @ApiProperty({
    enum: HANDOVER_TYPES,
    example: 'afschaling',
    description:
      'afschaling: safe enough to step down to the CJG; tijdens-onderzoek: the CJG is asked to join while Veilig Thuis investigates (002 §3.6)',
  })
  @IsIn(HANDOVER_TYPES)
  handoverType!: HandoverType;

  @ApiProperty({ example: '0957', description: 'CBS gemeentecode where the family lives' })
  @IsMunicipalityCode()
  municipalityCode!: string;

  @ApiProperty({
    type: [String],
    example: ['Vader woont tijdelijk elders', 'Geen alcohol in huis'],
    description: `The safety conditions (veiligheidsvoorwaarden): ${ITEMS_DOC}`,
  })
  @TextItems(1)
  safetyConditions!: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['Veilig Thuis belt na 6 weken met moeder'],
    description: `Who monitors what, and until when: ${ITEMS_DOC}`,
  })
  @IsOptional()
  @TextItems(0)
  monitoringAgreements?: string[];
}

export class HandoverCreatedDto {
  @ApiProperty({ example: 'VTH-2026-000123', description: 'The CJG’s number of the handover' })
  handoverId!: string;

  @ApiProperty({ example: 'veilig-thuis-handover-VTH-2026-000123' })
  workflowId!: string;

  @ApiProperty({
    description:
      'false when this organisation already handed over this reference (nothing was started)',
  })
  created!: boolean;
}

// ───────────────────────────────────────────────────────────── commands

export class AcceptHandoverDto {
  @ApiProperty({ example: 'coord-anna', description: 'The coordinator who takes the case' })
  @IsPersonId()
  coordinatorId!: string;
}

export class RefuseHandoverDto {
  @ApiProperty({
    enum: HANDOVER_REFUSAL_REASONS,
    example: 'outside-region',
    description:
      'Veilig Thuis judges safety, so the CJG refuses only when the case is not its own: outside-region (the family lives outside the municipalities it works for) or not-competent (the case is no matter for the CJG, e.g. no young person in the family; needs an explanation). Another reason is answered with 400. The handover lead is told of every refusal.',
  })
  @IsIn(HANDOVER_REFUSAL_REASONS, { message: HANDOVER_REFUSAL_REASON_RULE })
  reason!: (typeof HANDOVER_REFUSAL_REASONS)[number];

  @ApiPropertyOptional({
    type: [String],
    example: ['Het gezin woont sinds oktober in Venlo'],
    description: `The explanation for Veilig Thuis (required with not-competent): ${ITEMS_DOC}`,
  })
  @IsOptional()
  @TextItems(1)
  explanation?: string[];
}

export class PlanHandoverMeetingDto {
  @ApiProperty({ example: '2026-12-08', description: 'The day of the warm handover meeting' })
  @IsCalendarDate()
  date!: string;

  @ApiPropertyOptional({ example: '14:30', description: 'HH:MM, Amsterdam time' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time must be HH:MM (24 hours)' })
  time?: string;

  @ApiProperty({ description: 'A joint home visit of Veilig Thuis and the CJG (002 §3.6)' })
  @IsBoolean()
  jointHomeVisit!: boolean;

  @ApiProperty({
    example: 'client-0001',
    description: 'The client, registered first with PUT /clients/{id}; invited by letter',
  })
  @IsPersonId()
  clientId!: string;

  @ApiProperty({ example: 'fam-jansen', description: '1Gezin1Plan: the family' })
  @IsPersonId()
  familyId!: string;
}

export class RecordHandoverMeetingDto {
  @ApiProperty({ example: '2026-12-08' })
  @IsCalendarDate()
  heldOn!: string;

  @ApiProperty({ description: 'Whether it was held as a joint home visit' })
  @IsBoolean()
  jointHomeVisit!: boolean;

  @ApiProperty({
    type: [String],
    example: ['Moeder meldt zich bij de huisarts', 'De coördinator komt elke twee weken langs'],
    description: `The agreements made, sent in writing to Veilig Thuis, the family and the coordinator (002 §5.6): ${ITEMS_DOC}`,
  })
  @TextItems(1)
  agreements!: string[];
}

export class StartHandoverTrajectoryDto {
  @ApiProperty({
    example: 'CJG-2026-000123',
    description:
      'The case number of the new toegang trajectory; it starts for the client and family of the meeting, with the assigned coordinator',
  })
  @IsCaseNumber()
  caseNumber!: string;
}

/** Basic support (the voorliggend veld) needs no data. */
export class CloseHandoverWithBasicSupportDto {}

export class WithdrawHandoverDto {
  @ApiProperty({
    enum: HANDOVER_WITHDRAWAL_REASONS,
    example: 'veilig-thuis-continues',
    description: 'veilig-thuis-continues, family-moved or in-error',
  })
  @IsIn(HANDOVER_WITHDRAWAL_REASONS)
  reason!: HandoverWithdrawalReason;
}

export class PutHandoverLeadDto {
  @ApiProperty({
    example: 'lead-bram',
    description:
      'A registered coordinator (the team lead registers itself with PUT /coordinators/{id}) who receives new handovers and escalations for the municipality',
  })
  @IsPersonId()
  coordinatorId!: string;
}

export class HandoverLeadDto {
  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ example: 'lead-bram' })
  coordinatorId!: string;

  @ApiProperty({ description: 'false when the municipality had a handover lead already' })
  created!: boolean;
}

// ───────────────────────────────────────────────────────────── reading

class TextRefDto {
  @ApiProperty({ example: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d' })
  textId!: string;

  @ApiProperty({ example: 3 })
  items!: number;
}

class DeadlineDto {
  @ApiProperty({ enum: HANDOVER_DEADLINE_KINDS })
  kind!: HandoverDeadlineKind;

  @ApiProperty({ example: '2026-12-08T07:00:00.000Z' })
  at!: string;
}

class AcceptanceDto {
  @ApiProperty({ example: '2026-12-01', description: 'The last working day to accept' })
  dueDate!: string;

  @ApiProperty({ description: 'The deadline passed and the handover is not accepted yet' })
  overdue!: boolean;

  @ApiPropertyOptional({ example: '2026-11-24T09:12:00.000Z' })
  acceptedAt?: string;

  @ApiPropertyOptional({ description: 'Accepted after the deadline' })
  late?: boolean;
}

class PlannedMeetingDto {
  @ApiProperty({ example: '2026-12-08' })
  date!: string;

  @ApiPropertyOptional({ example: '14:30' })
  time?: string;

  @ApiProperty()
  jointHomeVisit!: boolean;

  @ApiProperty()
  plannedAt!: string;

  @ApiProperty({ example: 1, description: 'How often it was planned (more than 1: moved)' })
  times!: number;
}

class HeldMeetingDto {
  @ApiProperty({ example: '2026-12-08' })
  on!: string;

  @ApiProperty()
  jointHomeVisit!: boolean;

  @ApiProperty({ type: TextRefDto })
  agreements!: TextRefDto;

  @ApiProperty()
  recordedAt!: string;

  @ApiProperty({ description: 'Held after its deadline' })
  late!: boolean;
}

class MeetingDto {
  @ApiProperty({ example: '2026-12-14', description: 'The last working day to hold it' })
  dueDate!: string;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ description: 'The coordinator was reminded' })
  reminded!: boolean;

  @ApiPropertyOptional({ type: PlannedMeetingDto })
  planned?: PlannedMeetingDto;

  @ApiPropertyOptional({ type: HeldMeetingDto })
  held?: HeldMeetingDto;
}

class FeedbackDto {
  @ApiProperty({ example: '2026-12-15', description: 'The last working day to decide' })
  dueDate!: string;

  @ApiProperty()
  overdue!: boolean;
}

class OutcomeDto {
  @ApiProperty({ enum: ['trajectory', 'basic-support'] })
  decision!: 'trajectory' | 'basic-support';

  @ApiPropertyOptional({ example: 'CJG-2026-000123', description: 'The linked trajectory' })
  caseNumber?: string;

  @ApiProperty()
  at!: string;

  @ApiProperty({ description: 'Decided after the feedback deadline' })
  late!: boolean;
}

class RefusalDto {
  @ApiProperty({
    enum: [...HANDOVER_REFUSAL_REASONS, ...FORMER_HANDOVER_REFUSAL_REASONS],
    description:
      'not-safe-enough, care-elsewhere and other only in handovers refused before 2026-12',
  })
  reason!: HandoverRefusalReason;

  @ApiPropertyOptional({ type: TextRefDto })
  explanation?: TextRefDto;

  @ApiProperty()
  at!: string;
}

class WithdrawalDto {
  @ApiProperty({ enum: HANDOVER_WITHDRAWAL_REASONS })
  reason!: HandoverWithdrawalReason;

  @ApiProperty()
  at!: string;
}

class DeliveryProblemDto {
  @ApiProperty({ example: 'vt-receipt' })
  letter!: string;

  @ApiProperty()
  sequence!: number;

  @ApiProperty({ example: 'organisation:vt-limburg-noord' })
  recipient!: string;

  @ApiProperty({ enum: ['refused', 'no-address', 'unknown-recipient'] })
  reason!: string;

  @ApiProperty()
  at!: string;
}

/** The free texts of the handover, read from PostgreSQL for this answer only. */
class HandoverTextsDto {
  @ApiProperty({ type: [String] })
  safetyConditions!: string[];

  @ApiPropertyOptional({ type: [String] })
  monitoringAgreements?: string[];

  @ApiPropertyOptional({ type: [String], description: 'The meeting’s agreements' })
  agreements?: string[];

  @ApiPropertyOptional({ type: [String], description: 'A refusal’s explanation' })
  explanation?: string[];
}

const COMMANDS = [
  'accept',
  'refuse',
  'planMeeting',
  'recordMeeting',
  'startTrajectory',
  'closeWithBasicSupport',
  'withdraw',
] as const satisfies readonly HandoverCommandType[];

/** A handover as its workflow answers it, with its texts and what this caller can do next. */
export class HandoverDto {
  @ApiProperty({
    enum: ['case', 'partner'],
    description:
      'case: the whole handover (the CJG, ops); partner: Veilig Thuis’s own part, without the ' +
      'client and family the CJG linked and the letters’ recipients',
  })
  view!: 'case' | 'partner';

  @ApiProperty({ example: 'VTH-2026-000123' })
  handoverId!: string;

  @ApiProperty({ example: 'vt-limburg-noord' })
  organisationId!: string;

  @ApiProperty({ example: 'VT-2026-04711' })
  reference!: string;

  @ApiProperty({ enum: HANDOVER_URGENCIES })
  urgency!: HandoverUrgency;

  @ApiProperty({ enum: HANDOVER_TYPES })
  handoverType!: HandoverType;

  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ example: 'lead-bram', description: 'Receives new handovers and escalations' })
  handoverLeadId!: string;

  @ApiProperty({
    enum: HANDOVER_STATUSES,
    description:
      'received → accepted → meeting-planned → meeting-held → trajectory-started or basic-support; or refused, withdrawn',
  })
  status!: HandoverStatus;

  @ApiProperty()
  receivedAt!: string;

  @ApiProperty({ example: 4 })
  revision!: number;

  @ApiProperty({ type: AcceptanceDto })
  acceptance!: AcceptanceDto;

  @ApiPropertyOptional({ example: 'coord-anna' })
  coordinatorId?: string;

  @ApiPropertyOptional({ example: 'client-0001' })
  clientId?: string;

  @ApiPropertyOptional({ example: 'fam-jansen' })
  familyId?: string;

  @ApiPropertyOptional({ type: MeetingDto })
  meeting?: MeetingDto;

  @ApiPropertyOptional({ type: FeedbackDto })
  feedback?: FeedbackDto;

  @ApiPropertyOptional({ type: OutcomeDto })
  outcome?: OutcomeDto;

  @ApiPropertyOptional({ type: RefusalDto })
  refusal?: RefusalDto;

  @ApiPropertyOptional({ type: WithdrawalDto })
  withdrawal?: WithdrawalDto;

  @ApiPropertyOptional({
    type: [DeliveryProblemDto],
    description: 'Letters not delivered (not in the partner view)',
  })
  deliveryProblems?: DeliveryProblemDto[];

  @ApiPropertyOptional()
  closedAt?: string;

  @ApiPropertyOptional({
    description: 'Partner view: when Veilig Thuis stops seeing the handover (after its close)',
  })
  accessEndsAt?: string;

  @ApiProperty({ type: HandoverTextsDto })
  texts!: HandoverTextsDto;

  @ApiProperty({
    enum: COMMANDS,
    isArray: true,
    description: 'The commands this caller could give now',
  })
  allowedCommands!: HandoverCommandType[];

  @ApiProperty({ type: [DeadlineDto], description: 'What the workflow waits for, earliest first' })
  pendingDeadlines!: DeadlineDto[];

  @ApiProperty({ description: 'The step the handover waits for is past its deadline' })
  overdue!: boolean;
}

// ───────────────────────────────────────────────────────────── list

export class ListHandoversQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: HANDOVER_STATUSES })
  @IsOptional()
  @IsIn(HANDOVER_STATUSES)
  status?: HandoverStatus;

  @ApiPropertyOptional({ example: '0957' })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;

  @QueryBoolean({ description: 'Only overdue (true) or only not overdue (false)' })
  overdue?: boolean;
}

/** One handover from the read model: ids, codes and dates only. */
export class HandoverSummaryDto {
  @ApiProperty({ example: 'VTH-2026-000123' })
  handoverId!: string;

  @ApiProperty({ example: 'vt-limburg-noord' })
  organisationId!: string;

  @ApiProperty({ example: 'VT-2026-04711' })
  reference!: string;

  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ enum: HANDOVER_URGENCIES })
  urgency!: HandoverUrgency;

  @ApiProperty({ enum: HANDOVER_STATUSES })
  status!: HandoverStatus;

  @ApiProperty({ type: String, nullable: true, example: 'coord-anna' })
  coordinatorId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-01' })
  acceptDueDate!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-08' })
  meetingDate!: string | null;

  @ApiProperty({ type: String, nullable: true })
  nextDueAt!: string | null;

  @ApiProperty({ type: String, nullable: true, enum: HANDOVER_DEADLINE_KINDS })
  nextDueKind!: HandoverDeadlineKind | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'CJG-2026-000123' })
  trajectoryCaseNumber!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  closedAt!: string | null;
}

export class HandoverPageDto extends PageDto {
  @ApiProperty({ type: [HandoverSummaryDto] })
  items!: HandoverSummaryDto[];
}
