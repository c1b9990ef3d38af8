/**
 * The bodies of the trajectory commands (`POST /trajectories/{caseNumber}/commands/{command}`),
 * one class per command. They check shape and format, everything that can be judged without the
 * case: a malformed body is answered with 400 before it reaches the workflow. Whether the body
 * fits the case (phase, plan deel 1, recorded intakes, dates against the beschikking…) is still
 * judged by the domain's `commandProblems` in the workflow's update validator.
 *
 * The limits mirror `commandProblems` in libs/domain/src/trajectory.ts; keep them in step.
 */
import { applyDecorators } from '@nestjs/common';
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
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  compareDates,
  isCalendarDate,
  isProductCategory,
  JZ020_PRODUCT_CATEGORIES,
  JZ588_END_REASONS,
  WJ756_UNITS,
  WMO757_FREQUENCIES,
  type CommandType,
  type CoordinationCriteria,
  type ResultOutcome,
  type ReviewDecision,
} from '@cjg/domain';
import {
  IsAgbCode,
  IsCalendarDate,
  IsCaseNumber,
  IsEndReason,
  IsFrequency,
  IsIsoDuration,
  IsPersonId,
  IsProductCategory,
  IsUnit,
} from '../../common/validators';

// ───────────────────────────────────────────────────────────── limits (as in commandProblems)

/** Free texts: reasons, result descriptions and measures. */
const MAX_TEXT = 2000;
/** One activity of plan deel 2. */
const MAX_ACTIVITY = 500;
/** Plan deel 1 has 1–20 results, so judgements list at most 20. */
const MAX_RESULTS = 20;
/** Not limited by the domain; bounded here. */
const MAX_ACTIVITIES = 20;
const MAX_TOEWIJZINGEN = 20;

const RESULT_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
const PRODUCT_CODE = /^[0-9A-Z]{5}$/;
const BESCHIKKING_NUMBER = /^[A-Z0-9][A-Z0-9-]{2,39}$/;
const TOEWIJZINGNUMMER = /^[A-Z0-9-]{1,20}$/;
const BATCH_ID = /^[A-Za-z0-9-]{1,64}$/;

const OUTCOMES = ['reached', 'partly', 'not'] as const satisfies readonly ResultOutcome[];
const REVIEW_DECISIONS = [
  'continue',
  'afschalen',
  'opschalen',
  'end',
] as const satisfies readonly ReviewDecision[];
const END_DECISIONS = ['close', 'verlenging', 'vervolgtraject'] as const;
const BESCHIKKING_KINDS = ['zin', 'pgb'] as const;
const EVALUATION_KINDS = ['interim', 'end'] as const;
const QUESTIONNAIRE_MOMENTS = ['midway', 'end'] as const;
const TYPES_OF_CARE = [
  'ambulant',
  'dagbehandeling',
  'verblijf',
  'ggz',
  'pgb',
  'other',
] as const satisfies readonly CoordinationCriteria['typeOfCare'][];
const COMPLEXITIES = [
  'low',
  'medium',
  'high',
] as const satisfies readonly CoordinationCriteria['complexity'][];
const HELP_QUESTIONS = [
  'clear',
  'unclear',
  'multiple',
] as const satisfies readonly CoordinationCriteria['helpQuestion'][];
const SELF_RELIANCES = [
  'high',
  'medium',
  'low',
] as const satisfies readonly CoordinationCriteria['selfReliance'][];

// ───────────────────────────────────────────────────────────── building blocks

type Body = Record<string, unknown>;

/**
 * A rule that says what is wrong in one message: `problem` returns it (with `$property`), or
 * undefined when the value is fine. A missing field gets one message, not one per constraint.
 * It may look at the value's siblings in the same object, never at the case's state.
 */
const Rule = (name: string, problem: (value: unknown, body: Body) => string | undefined) =>
  ValidateBy({
    name,
    validator: {
      validate: (value, args) => problem(value, (args?.object ?? {}) as Body) === undefined,
      defaultMessage: (args) => problem(args?.value, (args?.object ?? {}) as Body) ?? '',
    },
  });

function textProblem(value: unknown, max: number, path = '$property'): string | undefined {
  if (typeof value !== 'string') return `${path} must be a text`;
  if (!/\S/.test(value)) return `${path} must not be blank`;
  if (value.length > max) return `${path} must be at most ${max} characters`;
  return undefined;
}

function listProblem(value: unknown, min: number, max: number, what: string): string | undefined {
  const count = (n: number) => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (!Array.isArray(value)) return `$property must be a list of ${min}–${max} ${what}s`;
  if (value.length < min) return `$property must list at least ${count(min)}`;
  if (value.length > max) return `$property must list at most ${count(max)}`;
  return undefined;
}

/** Free text the domain requires (`nonEmpty`): a string, not blank, at most `max` characters. */
const IsText = (max: number = MAX_TEXT) => Rule('isText', (value) => textProblem(value, max));

/** A list of `min`–`max` texts, each not blank and at most `maxLength` characters. */
const IsTextList = (min: number, max: number, maxLength: number) =>
  Rule('isTextList', (value) => {
    const list = listProblem(value, min, max, 'text');
    if (list) return list;
    for (const [i, item] of (value as unknown[]).entries()) {
      const problem = textProblem(item, maxLength, `$property[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  });

/**
 * An optional field: absent is fine, but a present value (also `null`) is checked, as the domain
 * does (`value !== undefined`).
 */
const Optional = () => ValidateIf((_body: object, value: unknown) => value !== undefined);

/** A required nested object of class `type`; its unknown fields are refused like top-level ones. */
const NestedObject = (type: () => new () => object) =>
  applyDecorators(IsObject(), ValidateNested(), Type(type));

/** A list of `min`–`max` nested objects of class `type`. */
const NestedList = (type: () => new () => object, min: number, max: number) =>
  applyDecorators(
    Rule('isList', (value) => {
      const list = listProblem(value, min, max, 'item');
      if (list) return list;
      const i = (value as unknown[]).findIndex(
        (item) => typeof item !== 'object' || item === null || Array.isArray(item),
      );
      return i < 0 ? undefined : `$property[${i}] must be an object`;
    }),
    ValidateNested({ each: true }),
    Type(type),
  );

/** No two items of a list share `key` (items without it are left to their own checks). */
const UniqueBy = (key: string, used: string) =>
  Rule('uniqueBy', (value) => {
    if (!Array.isArray(value)) return undefined;
    const seen = new Set<unknown>();
    for (const [i, item] of value.entries()) {
      const id = (item as Body | null)?.[key];
      if (id === undefined) continue;
      if (seen.has(id)) return `$property[${i}].${key} ${used}`;
      seen.add(id);
    }
    return undefined;
  });

/** Required when `when` holds for the body, and refused when it does not. */
const RequiredWhen = (when: (body: Body) => boolean, condition: string) =>
  applyDecorators(
    ValidateIf((body: Body, value: unknown) => when(body) || value !== undefined),
    Rule('requiredWhen', (value, body) =>
      when(body) === (value !== undefined)
        ? undefined
        : when(body)
          ? `$property is required ${condition}`
          : `$property is only allowed ${condition}`,
    ),
  );

// ───────────────────────────────────────────────────────────── examples (one coherent case)

const AGB = '12345678';
const OMVANG_EXAMPLE = { volume: 4, unit: '04', frequency: '2' };
const INZET_EXAMPLE = { productCategory: '45', productCode: '45A01', omvang: OMVANG_EXAMPLE };
const RESULTS_EXAMPLE = [
  {
    id: 'school',
    description: 'Het kind gaat weer vijf dagen per week naar school',
    measure: 'Aanwezigheid volgens de mentor, zes weken achter elkaar',
  },
  {
    id: 'rust-thuis',
    description: 'Minder escalaties thuis; de ouders houden een vast avondritme aan',
    measure: 'Ouders en kind geven de rust thuis een 7 of hoger',
  },
];
const TOEWIJZING_EXAMPLE = { agbCode: AGB, toewijzingnummer: 'T-2027-0001', ...INZET_EXAMPLE };
const ZIN_EXAMPLE = {
  number: 'B-2027-001',
  kind: 'zin',
  startDate: '2027-01-04',
  endDate: '2027-12-31',
  toewijzingen: [TOEWIJZING_EXAMPLE],
};
const CRITERIA_EXAMPLE = {
  typeOfCare: 'ambulant',
  numberOfProducts: 1,
  complexity: 'high',
  helpQuestion: 'clear',
  selfReliance: 'medium',
};
const REVIEW_OUTCOMES_EXAMPLE = [
  { resultId: 'school', outcome: 'partly' },
  { resultId: 'rust-thuis', outcome: 'reached' },
];
const END_GOALS_EXAMPLE = [
  { resultId: 'school', outcome: 'reached' },
  { resultId: 'rust-thuis', outcome: 'partly' },
];
const VERLENGING_EXAMPLE = { number: 'B-2027-118', endDate: '2028-06-30' };

const codes = (list: object) => Object.keys(list).sort();

// ───────────────────────────────────────────────────────────── nested parts

/** Omvang of an inzet or toewijzing: volume per unit per frequency (iJw). */
export class OmvangDto {
  @ApiProperty({
    type: 'integer',
    description: 'Volume: a whole number 1–100000',
    example: 4,
    minimum: 1,
    maximum: 100_000,
  })
  @IsInt()
  @Min(1)
  @Max(100_000)
  volume!: number;

  @ApiProperty({ description: 'WJ756 eenheid (04 = uur)', enum: codes(WJ756_UNITS), example: '04' })
  @IsUnit()
  unit!: string;

  @ApiProperty({
    description: 'WMO757 frequentie (2 = per week)',
    enum: codes(WMO757_FREQUENCIES),
    example: '2',
  })
  @IsFrequency()
  frequency!: string;
}

/** Inzet: the care the CJG decides in plan deel 1 (002 §6 item 14: the provider cannot raise it). */
export class InzetDto {
  @ApiProperty({
    description: 'JZ020 productcategorie (45 = jeugdhulp ambulant)',
    enum: codes(JZ020_PRODUCT_CATEGORIES),
    example: '45',
  })
  @IsProductCategory()
  productCategory!: string;

  @ApiPropertyOptional({
    description: 'iJw productcode: five characters 0–9/A–Z, starting with the productcategorie',
    pattern: PRODUCT_CODE.source,
    example: '45A01',
  })
  @Optional()
  @Matches(PRODUCT_CODE, { message: '$property must be five characters 0-9/A-Z' })
  @Rule('startsWithProductCategory', (value, inzet) =>
    isProductCategory(inzet.productCategory) &&
    typeof value === 'string' &&
    !value.startsWith(inzet.productCategory)
      ? `$property must start with its productCategory ${inzet.productCategory}`
      : undefined,
  )
  productCode?: string;

  @ApiProperty({
    description: 'Omvang: volume, WJ756 eenheid, WMO757 frequentie',
    type: () => OmvangDto,
    example: OMVANG_EXAMPLE,
  })
  @NestedObject(() => OmvangDto)
  omvang!: OmvangDto;
}

/** A result of plan deel 1: what should be reached, and how it is judged. */
export class ResultDto {
  @ApiProperty({
    description: 'Short id, unique within the plan: a–z, 0–9 and -, at most 32 characters',
    pattern: RESULT_ID.source,
    example: 'school',
  })
  @Matches(RESULT_ID, { message: '$property must be a short id (a-z, 0-9, -; at most 32)' })
  id!: string;

  @ApiProperty({
    description: 'The result, in the family’s words',
    maxLength: MAX_TEXT,
    example: RESULTS_EXAMPLE[0]!.description,
  })
  @IsText()
  description!: string;

  @ApiProperty({
    description: 'How it is judged whether the result is reached',
    maxLength: MAX_TEXT,
    example: RESULTS_EXAMPLE[0]!.measure,
  })
  @IsText()
  measure!: string;
}

/** Plan deel 1: the results agreed with the family and the inzet the CJG decides. */
export class PlanDeel1Dto {
  @ApiProperty({
    description: 'The agreed results: 1–20, ids unique',
    type: () => ResultDto,
    isArray: true,
    minItems: 1,
    maxItems: MAX_RESULTS,
    example: RESULTS_EXAMPLE,
  })
  @NestedList(() => ResultDto, 1, MAX_RESULTS)
  @UniqueBy('id', 'is used twice')
  results!: ResultDto[];

  @ApiProperty({
    description: 'The inzet: JZ020 productcategorie and omvang',
    type: () => InzetDto,
    example: INZET_EXAMPLE,
  })
  @NestedObject(() => InzetDto)
  inzet!: InzetDto;
}

/** Toewijzing (JW301): the part of a ZIN beschikking assigned to one provider. */
export class ToewijzingDto extends InzetDto {
  @ApiProperty({
    description: 'AGB code of the provider (8 digits); it recorded its intake',
    pattern: '^\\d{8}$',
    example: AGB,
  })
  @IsAgbCode()
  agbCode!: string;

  @ApiProperty({
    description: 'Toewijzingnummer: 1–20 characters A–Z, 0–9, -; unique within the beschikking',
    pattern: TOEWIJZINGNUMMER.source,
    example: 'T-2027-0001',
  })
  @Matches(TOEWIJZINGNUMMER, { message: '$property must be 1-20 characters A-Z, 0-9, -' })
  toewijzingnummer!: string;
}

/** What every beschikking has, ZIN or PGB; `kind` (in the subclasses) says which it is. */
export class BeschikkingBaseDto {
  @ApiProperty({
    description: 'Beschikkingnummer: 3–40 characters A–Z, 0–9, -',
    pattern: BESCHIKKING_NUMBER.source,
    example: 'B-2027-001',
  })
  @Matches(BESCHIKKING_NUMBER, { message: '$property must be 3-40 characters A-Z, 0-9, -' })
  number!: string;

  @ApiProperty({
    description: 'First day of the beschikking (YYYY-MM-DD)',
    format: 'date',
    example: '2027-01-04',
  })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({
    description: 'Last day of the beschikking (YYYY-MM-DD), not before startDate',
    format: 'date',
    example: '2027-12-31',
  })
  @IsCalendarDate()
  @Rule('notBeforeStartDate', (value, b) =>
    isCalendarDate(value) && isCalendarDate(b.startDate) && compareDates(value, b.startDate) < 0
      ? '$property must not be before its startDate'
      : undefined,
  )
  endDate!: string;
}

/**
 * A beschikking of no known kind: class-transformer falls back to it when `kind` is missing or
 * neither zin nor pgb, so that `kind` is refused (and the fields of either kind with it).
 */
export class UnknownBeschikkingDto extends BeschikkingBaseDto {
  @ApiProperty({ description: 'zin or pgb', enum: BESCHIKKING_KINDS, example: 'zin' })
  @IsIn(BESCHIKKING_KINDS)
  kind!: string;
}

/** A ZIN beschikking (zorg in natura): the care is assigned to providers by toewijzingen. */
export class ZinBeschikkingDto extends BeschikkingBaseDto {
  @ApiProperty({ description: 'zin: zorg in natura', enum: ['zin'], example: 'zin' })
  @IsIn(['zin'])
  kind!: 'zin';

  @ApiProperty({
    description: 'Toewijzingen: 1–20, toewijzingnummers unique; each within plan deel 1',
    type: () => ToewijzingDto,
    isArray: true,
    minItems: 1,
    maxItems: MAX_TOEWIJZINGEN,
    example: [TOEWIJZING_EXAMPLE],
  })
  @NestedList(() => ToewijzingDto, 1, MAX_TOEWIJZINGEN)
  @UniqueBy('toewijzingnummer', 'is used twice')
  toewijzingen!: ToewijzingDto[];
}

/** A PGB beschikking (persoonsgebonden budget): the family buys the care itself. */
export class PgbBeschikkingDto extends BeschikkingBaseDto {
  @ApiProperty({ description: 'pgb: persoonsgebonden budget', enum: ['pgb'], example: 'pgb' })
  @IsIn(['pgb'])
  kind!: 'pgb';

  @ApiProperty({
    description: 'Budget in euro: more than 0, at most 1000000, in whole cents',
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 1_000_000,
    example: 4800,
  })
  @Rule('isBudget', (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      return '$property must be an amount in euro';
    if (value <= 0) return '$property must be more than 0';
    if (value > 1_000_000) return '$property must be at most 1000000';
    // Whole cents: 4800.5 is fine, 4800.005 is not (with room for binary fractions).
    if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6)
      return '$property must be in whole cents';
    return undefined;
  })
  budgetEuro!: number;
}

/** The judgement of one result of plan deel 1. */
export class ResultJudgementDto {
  @ApiProperty({
    description: 'Id of a result of plan deel 1',
    pattern: RESULT_ID.source,
    example: 'school',
  })
  @Matches(RESULT_ID, { message: '$property must be a result id (a-z, 0-9, -; at most 32)' })
  resultId!: string;

  @ApiProperty({ description: 'Whether the result is reached', enum: OUTCOMES, example: 'partly' })
  @IsIn(OUTCOMES)
  outcome!: ResultOutcome;
}

/** The criteria of 001 by which the CJG decides whether it coordinates and follows up. */
export class CoordinationCriteriaDto {
  @ApiProperty({
    description: 'The heaviest care in the beschikking',
    enum: TYPES_OF_CARE,
    example: 'ambulant',
  })
  @IsIn(TYPES_OF_CARE)
  typeOfCare!: CoordinationCriteria['typeOfCare'];

  @ApiProperty({
    type: 'integer',
    description: 'Number of products: a whole number 0–50',
    minimum: 0,
    maximum: 50,
    example: 1,
  })
  @IsInt()
  @Min(0)
  @Max(50)
  numberOfProducts!: number;

  @ApiProperty({ description: 'Complexity of the case', enum: COMPLEXITIES, example: 'high' })
  @IsIn(COMPLEXITIES)
  complexity!: CoordinationCriteria['complexity'];

  @ApiProperty({
    description: 'Is the help question clear and single, unclear, or several at once?',
    enum: HELP_QUESTIONS,
    example: 'clear',
  })
  @IsIn(HELP_QUESTIONS)
  helpQuestion!: CoordinationCriteria['helpQuestion'];

  @ApiProperty({
    description: 'Zelfredzaamheid en eigen kracht of client and family',
    enum: SELF_RELIANCES,
    example: 'medium',
  })
  @IsIn(SELF_RELIANCES)
  selfReliance!: CoordinationCriteria['selfReliance'];
}

/** Verlenging: a new beschikking number and a later end date for the same care. */
export class VerlengingDto {
  @ApiProperty({
    description: 'Number of the new beschikking: 3–40 characters A–Z, 0–9, -',
    pattern: BESCHIKKING_NUMBER.source,
    example: 'B-2027-118',
  })
  @Matches(BESCHIKKING_NUMBER, { message: '$property must be 3-40 characters A-Z, 0-9, -' })
  number!: string;

  @ApiProperty({
    description: 'New end date (YYYY-MM-DD), after the current one',
    format: 'date',
    example: '2028-06-30',
  })
  @IsCalendarDate()
  endDate!: string;
}

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
    description: 'Expected duration in weeks: a whole number 1–520',
    minimum: 1,
    maximum: 520,
    example: 26,
  })
  @IsInt()
  @Min(1)
  @Max(520)
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
    body.coordinate === false ? '$property only applies when coordinating' : undefined,
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
    description: 'Rating: a whole number 1–5',
    minimum: 1,
    maximum: 5,
    example: 4,
  })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;
}

/** requestReassessment: the case is part of a re-assessment batch (herbeoordeling, 001). */
export class RequestReassessmentDto {
  @ApiProperty({
    description: 'Batch id: 1–64 characters A–Z, a–z, 0–9, -',
    pattern: BATCH_ID.source,
    example: 'apr-2027',
  })
  @Matches(BATCH_ID, { message: '$property must be 1-64 characters A-Z, a-z, 0-9, -' })
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
};
