/**
 * The bodies of the trajectory commands (`POST /trajectories/{caseNumber}/<command>`),
 * one class per command. They check shape and format, everything that can be judged without the
 * case: a malformed body is answered with 400 before it reaches the workflow. Whether the body
 * fits the case (phase, plan deel 1, recorded intakes, dates against the beschikking…) is still
 * judged by the domain's `commandProblems` in the workflow's update validator.
 *
 * Their limits and rules are in command-rules.ts, their nested parts in command-parts.dto.ts.
 */
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  JZ588_END_REASONS,
  type CommandType,
  type ReviewDecision,
  MAX_RESULTS,
  REVIEW_DECISIONS,
  END_DECISIONS,
  EVALUATION_KINDS,
  QUESTIONNAIRE_MOMENTS,
  MAX_EXPECTED_DURATION_WEEKS,
  ADVICE_CODES,
  DRANG_SOURCES,
  REJECTION_GROUNDS,
  type DrangSource,
  type AdviceCode,
  type RejectionGround,
  problem,
} from '@cjg/domain';
import {
  IsAgbCode,
  IsCalendarDate,
  IsCaseNumber,
  IsEndReason,
  IsIsoDuration,
  IsPersonId,
} from '../../common/validators';

import {
  MAX_TEXT,
  MAX_ACTIVITY,
  MAX_ACTIVITIES,
  Rule,
  IsText,
  IsTextList,
  Optional,
  NestedObject,
  NestedList,
  UniqueBy,
  RequiredWhen,
} from './command-rules';
import { BATCH_ID_PATTERN } from '@cjg/workflows/reassessment-batch.definitions';
import {
  AGB,
  OMVANG_EXAMPLE,
  INZET_EXAMPLE,
  RESULTS_EXAMPLE,
  ZIN_EXAMPLE,
  CRITERIA_EXAMPLE,
  REVIEW_OUTCOMES_EXAMPLE,
  END_GOALS_EXAMPLE,
  VERLENGING_EXAMPLE,
  codes,
  InzetDto,
  PlanDeel1Dto,
  UnknownBeschikkingDto,
  ZinBeschikkingDto,
  PgbBeschikkingDto,
  ResultJudgementDto,
  CoordinationCriteriaDto,
  VerlengingDto,
} from './command-parts.dto';

export * from './command-parts.dto';

// ───────────────────────────────────────────────────────────── commands

/** agreeResults: the coordinator and the family agree plan deel 1 (results and inzet). */
export class AgreeResultsDto {
  @ApiProperty({
    description: 'Plan deel 1',
    type: () => PlanDeel1Dto,
    example: { results: RESULTS_EXAMPLE, inzet: INZET_EXAMPLE },
  })
  @NestedObject(() => PlanDeel1Dto)
  plan!: PlanDeel1Dto;
}

/** referToProvider: verwijzing; the family chose this provider, which may now record its intake. */
export class ReferToProviderDto {
  @ApiProperty({
    description: 'AGB code of the provider (8 digits)',
    pattern: '^\\d{8}$',
    example: AGB,
  })
  @IsAgbCode()
  agbCode!: string;
}

/**
 * recordProviderIntake: the provider's intake, plan deel 2. Asking for more than plan deel 1 is
 * recorded as a divergence (002 §6 item 14) that the CJG accepts or refuses.
 */
export class RecordProviderIntakeDto {
  @ApiProperty({
    description: 'AGB code of the provider (8 digits)',
    pattern: '^\\d{8}$',
    example: AGB,
  })
  @IsAgbCode()
  agbCode!: string;

  @ApiProperty({
    description:
      'Plan deel 2: what the provider will do; 1–20 activities of at most 500 characters',
    type: String,
    isArray: true,
    minItems: 1,
    maxItems: MAX_ACTIVITIES,
    example: [
      'Wekelijkse gezinsbegeleiding thuis',
      'Overleg met de mentor over de terugkeer naar school',
    ],
  })
  @IsTextList(1, MAX_ACTIVITIES, MAX_ACTIVITY)
  activities!: string[];

  @ApiProperty({
    type: 'integer',
    description: `Expected duration in weeks: a whole number 1–${MAX_EXPECTED_DURATION_WEEKS}`,
    minimum: 1,
    maximum: MAX_EXPECTED_DURATION_WEEKS,
    example: 26,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_EXPECTED_DURATION_WEEKS)
  expectedDurationWeeks!: number;

  @ApiPropertyOptional({
    description: 'The inzet the provider asks for, when it differs from plan deel 1 (a divergence)',
    type: () => InzetDto,
    example: { ...INZET_EXAMPLE, omvang: { ...OMVANG_EXAMPLE, volume: 6 } },
  })
  @Optional()
  @NestedObject(() => InzetDto)
  requestedInzet?: InzetDto;
}

/** decideDivergence: the CJG accepts or refuses the inzet a provider asked for beyond plan deel 1. */
export class DecideDivergenceDto {
  @ApiProperty({
    description: 'AGB code of the provider whose divergence is decided',
    pattern: '^\\d{8}$',
    example: AGB,
  })
  @IsAgbCode()
  agbCode!: string;

  @ApiProperty({
    description: 'true: the requested inzet becomes the ceiling; false: plan deel 1 stays',
    example: false,
  })
  @IsBoolean()
  accept!: boolean;

  @ApiProperty({
    description: 'Why (told to the provider); at most 2000 characters',
    maxLength: MAX_TEXT,
    example:
      'Plan deel 1 gaat uit van 4 uur per week; na de tussenevaluatie bekijken we het opnieuw',
  })
  @IsText()
  reason!: string;
}

/** issueBeschikking: the CJG issues the beschikking (Jeugdwet art. 2.3), ZIN or PGB. */
@ApiExtraModels(ZinBeschikkingDto, PgbBeschikkingDto)
export class IssueBeschikkingDto {
  @ApiProperty({
    description: 'The beschikking: kind zin with toewijzingen, or kind pgb with budgetEuro',
    oneOf: [{ $ref: getSchemaPath(ZinBeschikkingDto) }, { $ref: getSchemaPath(PgbBeschikkingDto) }],
    discriminator: {
      propertyName: 'kind',
      mapping: { zin: getSchemaPath(ZinBeschikkingDto), pgb: getSchemaPath(PgbBeschikkingDto) },
    },
    example: ZIN_EXAMPLE,
  })
  @IsObject()
  @ValidateNested()
  @Type(() => UnknownBeschikkingDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'kind',
      subTypes: [
        { name: 'zin', value: ZinBeschikkingDto },
        { name: 'pgb', value: PgbBeschikkingDto },
      ],
    },
  })
  beschikking!: ZinBeschikkingDto | PgbBeschikkingDto;

  @ApiPropertyOptional({
    description:
      'Why this is decided (Awb 3:46), in words the family understands; printed in the beschikking letter. Without it the letter gives the standard motivation: the help is needed for the results agreed in plan deel 1 (Jeugdwet art. 2.3). Kept in PostgreSQL, never in the workflow; at most 2000 characters',
    maxLength: MAX_TEXT,
    example:
      'U wilt de hulp zelf regelen bij een zorgverlener die uw zoon al kent. Dat past bij de afspraken in deel 1 van het ondersteuningsplan.',
  })
  @Optional()
  @IsText()
  motivation?: string;
}

/** recordVerdaging: the decision period is extended (Awb 4:14); the applicant is told why. */
export class RecordVerdagingDto {
  @ApiProperty({
    description: 'The new due date (YYYY-MM-DD), after the current one (Awb 4:14)',
    format: 'date',
    example: '2027-02-01',
  })
  @IsCalendarDate()
  newDueDate!: string;

  @ApiProperty({
    description: 'Why the decision takes longer (Awb 4:14: told to the applicant)',
    maxLength: MAX_TEXT,
    example: 'Het advies van de jeugdarts is nodig voor de beslissing; dat volgt half januari',
  })
  @IsText()
  reason!: string;
}

/** decideCoordination: whether the CJG coordinates and follows up the case (001), and how often. */
export class DecideCoordinationDto {
  @ApiProperty({
    description: 'true: the CJG coordinates and reviews (regie); false: it does not',
    example: true,
  })
  @IsBoolean()
  coordinate!: boolean;

  @ApiProperty({
    description: 'The criteria of 001 the decision weighs',
    type: () => CoordinationCriteriaDto,
    example: CRITERIA_EXAMPLE,
  })
  @NestedObject(() => CoordinationCriteriaDto)
  criteria!: CoordinationCriteriaDto;

  @ApiPropertyOptional({
    description:
      'ISO 8601 review interval, only when coordinating; at most the policy maximum (P6M, 001)',
    maxLength: 32,
    example: 'P3M',
  })
  @Optional()
  @IsIsoDuration()
  @MaxLength(32)
  @Rule('onlyWhenCoordinating', (_value, body) =>
    body.coordinate === false
      ? problem('not-allowed', '$property only applies when coordinating')
      : undefined,
  )
  reviewInterval?: string;
}

/** recordReview: the coordinator's periodic review (heroverweging) of a coordinated case. */
export class RecordReviewDto {
  @ApiProperty({
    description: 'A judgement of every result of plan deel 1, each once',
    type: () => ResultJudgementDto,
    isArray: true,
    minItems: 1,
    maxItems: MAX_RESULTS,
    example: REVIEW_OUTCOMES_EXAMPLE,
  })
  @NestedList(() => ResultJudgementDto, 1, MAX_RESULTS)
  @UniqueBy('resultId', 'is judged twice')
  outcomes!: ResultJudgementDto[];

  @ApiProperty({
    description: 'continue, afschalen (less care), opschalen (more care) or end',
    enum: REVIEW_DECISIONS,
    example: 'continue',
  })
  @IsIn(REVIEW_DECISIONS)
  decision!: ReviewDecision;

  @ApiPropertyOptional({
    description:
      'With afschalen (at least the current interval; default half-yearly) or opschalen (shorter than the current; required): how often the CJG follows up from now on, an ISO 8601 duration of at most P6M',
    maxLength: 32,
    example: 'P3M',
  })
  @Optional()
  @IsIsoDuration()
  @MaxLength(32)
  @Rule('onlyWhenScaling', (_value, body) =>
    body.decision === 'afschalen' || body.decision === 'opschalen'
      ? undefined
      : problem('not-allowed', '$property only applies with afschalen or opschalen'),
  )
  reviewInterval?: string;
}

/** requestEndEvaluation: the coordinator starts the end evaluation before the end date. */
export class RequestEndEvaluationDto {
  @ApiProperty({
    description: 'Why the end evaluation starts now',
    maxLength: MAX_TEXT,
    example: 'De resultaten zijn bereikt; het gezin wil afronden',
  })
  @IsText()
  reason!: string;
}

/**
 * recordEndEvaluation: the end evaluation with its decision: close, verlenging (a new
 * beschikking for the same care) or vervolgtraject (a new case).
 */
export class RecordEndEvaluationDto {
  @ApiProperty({
    description: 'A judgement of every result of plan deel 1, each once',
    type: () => ResultJudgementDto,
    isArray: true,
    minItems: 1,
    maxItems: MAX_RESULTS,
    example: END_GOALS_EXAMPLE,
  })
  @NestedList(() => ResultJudgementDto, 1, MAX_RESULTS)
  @UniqueBy('resultId', 'is judged twice')
  goals!: ResultJudgementDto[];

  @ApiProperty({
    description: 'close, verlenging or vervolgtraject',
    enum: END_DECISIONS,
    example: 'verlenging',
  })
  @IsIn(END_DECISIONS)
  decision!: (typeof END_DECISIONS)[number];

  @ApiPropertyOptional({
    description: 'Required with decision verlenging, and only then: the new beschikking',
    type: () => VerlengingDto,
    example: VERLENGING_EXAMPLE,
  })
  @RequiredWhen((body) => body.decision === 'verlenging', 'when decision is verlenging')
  @IsObject()
  @ValidateNested()
  @Type(() => VerlengingDto)
  verlenging?: VerlengingDto;

  @ApiPropertyOptional({
    description:
      'Required with decision vervolgtraject, and only then: the zaaknummer of the new case',
    example: 'CJG-2027-000045',
  })
  @RequiredWhen((body) => body.decision === 'vervolgtraject', 'when decision is vervolgtraject')
  @IsCaseNumber()
  followUpCaseNumber?: string;
}

/** withdraw: the request for help is withdrawn (intrekking); the trajectory ends. */
export class WithdrawDto {
  @ApiProperty({
    description: 'Why the request is withdrawn',
    maxLength: MAX_TEXT,
    example: 'Het gezin is verhuisd naar een andere gemeente',
  })
  @IsText()
  reason!: string;
}

/** reportEvaluation: a provider reports its interim or end evaluation of the results. */
export class ReportEvaluationDto {
  @ApiProperty({
    description: 'AGB code of an assigned provider (8 digits)',
    pattern: '^\\d{8}$',
    example: AGB,
  })
  @IsAgbCode()
  agbCode!: string;

  @ApiProperty({
    description: 'interim, or end once the end evaluation is required',
    enum: EVALUATION_KINDS,
    example: 'interim',
  })
  @IsIn(EVALUATION_KINDS)
  kind!: (typeof EVALUATION_KINDS)[number];

  @ApiProperty({
    description: 'Judgements of results of plan deel 1, each once (all of them for kind end)',
    type: () => ResultJudgementDto,
    isArray: true,
    maxItems: MAX_RESULTS,
    example: REVIEW_OUTCOMES_EXAMPLE,
  })
  @NestedList(() => ResultJudgementDto, 0, MAX_RESULTS)
  @UniqueBy('resultId', 'is judged twice')
  outcomes!: ResultJudgementDto[];
}

/** startZorg: a provider reports the start of care (start zorg, JW305). */
export class StartZorgDto {
  @ApiProperty({
    description: 'AGB code of an assigned provider (8 digits)',
    pattern: '^\\d{8}$',
    example: AGB,
  })
  @IsAgbCode()
  agbCode!: string;

  @ApiProperty({
    description: 'First day of care (YYYY-MM-DD), within the beschikking',
    format: 'date',
    example: '2027-01-11',
  })
  @IsCalendarDate()
  date!: string;
}

/** stopZorg: a provider reports the end of care (stop zorg, JW307); the last stop starts the end evaluation. */
export class StopZorgDto {
  @ApiProperty({
    description: 'AGB code of an assigned provider (8 digits)',
    pattern: '^\\d{8}$',
    example: AGB,
  })
  @IsAgbCode()
  agbCode!: string;

  @ApiProperty({
    description: 'Last day of care (YYYY-MM-DD), not before its start',
    format: 'date',
    example: '2027-12-17',
  })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({
    description: 'JZ588 reden beëindiging (02 = volgens plan beëindigd)',
    enum: codes(JZ588_END_REASONS),
    example: '02',
  })
  @IsEndReason()
  reason!: string;
}

/** answerThreeMonthCheck: the client answers the 3-month check: does the care fit? */
export class AnswerThreeMonthCheckDto {
  @ApiProperty({
    description: 'Whether the care fits; false alerts the coordinator',
    example: true,
  })
  @IsBoolean()
  fitting!: boolean;
}

/** answerQuestionnaire: the client's rating in the midway or closing questionnaire. */
export class AnswerQuestionnaireDto {
  @ApiProperty({
    description: 'Which questionnaire: midway or end',
    enum: QUESTIONNAIRE_MOMENTS,
    example: 'midway',
  })
  @IsIn(QUESTIONNAIRE_MOMENTS)
  moment!: (typeof QUESTIONNAIRE_MOMENTS)[number];

  @ApiProperty({
    type: 'integer',
    description: 'The help (of the provider): a whole number 1–5',
    minimum: 1,
    maximum: 5,
    example: 4,
  })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'The CJG (004): a whole number 1–5',
    minimum: 1,
    maximum: 5,
    example: 4,
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(5)
  ratingCjg?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'The coordinator (004): a whole number 1–5',
    minimum: 1,
    maximum: 5,
    example: 5,
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(5)
  ratingCoordinator?: number;
}

/** requestReassessment: the case is part of a re-assessment batch (herbeoordeling, 001). */
export class RequestReassessmentDto {
  @ApiProperty({
    description: 'Batch id: 1–64 characters A–Z, a–z, 0–9, -',
    pattern: BATCH_ID_PATTERN.source,
    example: 'apr-2027',
  })
  @Matches(BATCH_ID_PATTERN, { message: '$property must be 1-64 characters A-Z, a-z, 0-9, -' })
  batchId!: string;

  @ApiProperty({
    description: 'Decide by this date (YYYY-MM-DD), not in the past',
    format: 'date',
    example: '2027-04-30',
  })
  @IsCalendarDate()
  decideBy!: string;
}

/** answerReassessment: the outcome of the re-assessment: is follow-up needed? */
export class AnswerReassessmentDto {
  @ApiProperty({
    description: 'Whether the case needs follow-up after the re-assessment',
    example: false,
  })
  @IsBoolean()
  followUpNeeded!: boolean;
}

/** reassignCoordinator: the team lead moves the case to another coordinator. */
export class ReassignCoordinatorDto {
  @ApiProperty({
    description: 'Id of the new coordinator (PUT /coordinators/:id), not the current one',
    example: 'coord-bram',
  })
  @IsPersonId()
  coordinatorId!: string;

  @ApiProperty({
    description: 'Why the case moves',
    maxLength: MAX_TEXT,
    example: 'Langdurig verlof van de coördinator; overgedragen binnen het team',
  })
  @IsText()
  reason!: string;
}

const ADVICE = Object.keys(ADVICE_CODES) as AdviceCode[];
const GROUNDS = Object.keys(REJECTION_GROUNDS) as RejectionGround[];

/** closeWithAdvice: no specialised care is needed; the intake ends with advice in writing. */
export class CloseWithAdviceDto {
  @ApiProperty({
    description: `Where the family is pointed: ${ADVICE.map((c) => `${c} (${ADVICE_CODES[c]})`).join('; ')}`,
    enum: ADVICE,
    example: 'voorliggend-veld',
  })
  @IsIn(ADVICE)
  advice!: AdviceCode;

  @ApiProperty({
    description: 'The advice in words, as the family reads it in the letter',
    maxLength: MAX_TEXT,
    example: 'De opvoedcursus van het buurtteam past bij uw vraag.',
  })
  @IsText()
  explanation!: string;
}

/** rejectRequest: afwijzing, the college refuses the request (a decision, Awb 1:3). */
export class RejectRequestDto {
  @ApiProperty({
    description: `The ground (Jeugdwet 2.3): ${GROUNDS.map((c) => `${c} (${REJECTION_GROUNDS[c]})`).join('; ')}`,
    enum: GROUNDS,
    example: 'voorliggende-voorziening',
  })
  @IsIn(GROUNDS)
  ground!: RejectionGround;

  @ApiProperty({
    description: 'The motivation (Awb 3:46), as the family reads it in the decision letter',
    maxLength: MAX_TEXT,
    example: 'De training van het buurtteam is passend; jeugdhulp is niet nodig.',
  })
  @IsText()
  motivation!: string;
}

const SOURCES = Object.keys(DRANG_SOURCES) as DrangSource[];

/** markDrang: the case is registered as drang (002 §3.6), so that it is counted. */
export class MarkDrangDto {
  @ApiProperty({
    description: 'Since when the case is worked as drang (a calendar date, not after today)',
    example: '2026-11-30',
  })
  @IsCalendarDate()
  since!: string;

  @ApiProperty({
    description: `Where the concerns came from: ${SOURCES.map((c) => `${c} (${DRANG_SOURCES[c]})`).join('; ')}`,
    enum: SOURCES,
    example: 'basisvoorziening',
  })
  @IsIn(SOURCES)
  source!: DrangSource;

  @ApiProperty({
    description: 'The concerns, in words (kept in PostgreSQL, never in the workflow history)',
    maxLength: MAX_TEXT,
    example: 'School maakt zich zorgen om verzuim; de ouders herkennen de zorgen nog niet.',
  })
  @IsText()
  reason!: string;
}

/** signOffPlan: a registered BPP or gedragswetenschapper signs off plan deel 1 (002 §3.4). */
export class SignOffPlanDto {
  @ApiProperty({
    description:
      'Id of a registered professional (PUT /professionals/:id): a BPP or gedragswetenschapper with an SKJ or BIG registration',
    example: 'gw-petra',
  })
  @IsPersonId()
  professionalId!: string;
}

/** The body class of every command, by command type. */
export const COMMAND_DTOS: { [T in CommandType]: new () => object } = {
  agreeResults: AgreeResultsDto,
  referToProvider: ReferToProviderDto,
  recordProviderIntake: RecordProviderIntakeDto,
  decideDivergence: DecideDivergenceDto,
  issueBeschikking: IssueBeschikkingDto,
  recordVerdaging: RecordVerdagingDto,
  decideCoordination: DecideCoordinationDto,
  recordReview: RecordReviewDto,
  requestEndEvaluation: RequestEndEvaluationDto,
  recordEndEvaluation: RecordEndEvaluationDto,
  withdraw: WithdrawDto,
  reportEvaluation: ReportEvaluationDto,
  startZorg: StartZorgDto,
  stopZorg: StopZorgDto,
  answerThreeMonthCheck: AnswerThreeMonthCheckDto,
  answerQuestionnaire: AnswerQuestionnaireDto,
  requestReassessment: RequestReassessmentDto,
  answerReassessment: AnswerReassessmentDto,
  reassignCoordinator: ReassignCoordinatorDto,
  closeWithAdvice: CloseWithAdviceDto,
  rejectRequest: RejectRequestDto,
  markDrang: MarkDrangDto,
  signOffPlan: SignOffPlanDto,
};
