/** The nested parts of the trajectory command bodies (commands.dto.ts), with their examples. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import {
  compareDates,
  isCalendarDate,
  isProductCategory,
  JZ020_PRODUCT_CATEGORIES,
  WJ756_UNITS,
  WMO757_FREQUENCIES,
  type CoordinationCriteria,
  type ResultOutcome,
  MAX_RESULTS,
  RESULT_ID_PATTERN,
  PRODUCT_CODE_PATTERN,
  BESCHIKKING_NUMBER_PATTERN,
  TOEWIJZINGNUMMER_PATTERN,
  RESULT_OUTCOMES,
  BESCHIKKING_KINDS,
  TYPES_OF_CARE,
  COMPLEXITIES,
  HELP_QUESTIONS,
  SELF_RELIANCES,
  MAX_OMVANG_VOLUME,
  MAX_PGB_BUDGET_EURO,
  MAX_NUMBER_OF_PRODUCTS,
  problem,
} from '@cjg/domain';
import {
  IsAgbCode,
  IsCalendarDate,
  IsFrequency,
  IsProductCategory,
  IsUnit,
} from '../../common/validators';

import {
  MAX_TEXT,
  MAX_TOEWIJZINGEN,
  Rule,
  IsText,
  Optional,
  NestedObject,
  NestedList,
  UniqueBy,
} from './command-rules';

// ───────────────────────────────────────────────────────────── examples (one coherent case)

export const AGB = '12345678';
export const OMVANG_EXAMPLE = { volume: 4, unit: '04', frequency: '2' };
export const INZET_EXAMPLE = {
  productCategory: '45',
  productCode: '45A01',
  omvang: OMVANG_EXAMPLE,
};
export const RESULTS_EXAMPLE = [
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
export const TOEWIJZING_EXAMPLE = {
  agbCode: AGB,
  toewijzingnummer: 'T-2027-0001',
  ...INZET_EXAMPLE,
};
export const ZIN_EXAMPLE = {
  number: 'B-2027-001',
  kind: 'zin',
  startDate: '2027-01-04',
  endDate: '2027-12-31',
  toewijzingen: [TOEWIJZING_EXAMPLE],
};
export const CRITERIA_EXAMPLE = {
  typeOfCare: 'ambulant',
  numberOfProducts: 1,
  complexity: 'high',
  helpQuestion: 'clear',
  selfReliance: 'medium',
};
export const REVIEW_OUTCOMES_EXAMPLE = [
  { resultId: 'school', outcome: 'partly' },
  { resultId: 'rust-thuis', outcome: 'reached' },
];
export const END_GOALS_EXAMPLE = [
  { resultId: 'school', outcome: 'reached' },
  { resultId: 'rust-thuis', outcome: 'partly' },
];
export const VERLENGING_EXAMPLE = { number: 'B-2027-118', endDate: '2028-06-30' };

export const codes = (list: object) => Object.keys(list).sort();

// ───────────────────────────────────────────────────────────── nested parts

/** Omvang of an inzet or toewijzing: volume per unit per frequency (iJw). */
export class OmvangDto {
  @ApiProperty({
    type: 'integer',
    description: `Volume: a whole number 1–${MAX_OMVANG_VOLUME}`,
    example: 4,
    minimum: 1,
    maximum: MAX_OMVANG_VOLUME,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_OMVANG_VOLUME)
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
    pattern: PRODUCT_CODE_PATTERN.source,
    example: '45A01',
  })
  @Optional()
  @Matches(PRODUCT_CODE_PATTERN, { message: '$property must be five characters 0-9/A-Z' })
  @Rule('startsWithProductCategory', (value, inzet) =>
    isProductCategory(inzet.productCategory) &&
    typeof value === 'string' &&
    !value.startsWith(inzet.productCategory)
      ? problem(
          'invalid-format',
          `$property must start with its productCategory ${inzet.productCategory}`,
        )
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
    pattern: RESULT_ID_PATTERN.source,
    example: 'school',
  })
  @Matches(RESULT_ID_PATTERN, { message: '$property must be a short id (a-z, 0-9, -; at most 32)' })
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
    description: `The agreed results: 1–${MAX_RESULTS}, ids unique`,
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
    pattern: TOEWIJZINGNUMMER_PATTERN.source,
    example: 'T-2027-0001',
  })
  @Matches(TOEWIJZINGNUMMER_PATTERN, { message: '$property must be 1-20 characters A-Z, 0-9, -' })
  toewijzingnummer!: string;
}

/** What every beschikking has, ZIN or PGB; `kind` (in the subclasses) says which it is. */
export class BeschikkingBaseDto {
  @ApiProperty({
    description: 'Beschikkingnummer: 3–40 characters A–Z, 0–9, -',
    pattern: BESCHIKKING_NUMBER_PATTERN.source,
    example: 'B-2027-001',
  })
  @Matches(BESCHIKKING_NUMBER_PATTERN, { message: '$property must be 3-40 characters A-Z, 0-9, -' })
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
      ? problem('date-too-early', '$property must not be before its startDate')
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
    description: `Budget in euro: more than 0, at most ${MAX_PGB_BUDGET_EURO}, in whole cents`,
    minimum: 0,
    exclusiveMinimum: true,
    maximum: MAX_PGB_BUDGET_EURO,
    example: 4800,
  })
  @Rule('isBudget', (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      return problem('wrong-type', '$property must be an amount in euro');
    if (value <= 0) return problem('out-of-range', '$property must be more than 0');
    if (value > MAX_PGB_BUDGET_EURO)
      return problem('out-of-range', `$property must be at most ${MAX_PGB_BUDGET_EURO}`);
    // Whole cents: 4800.5 is fine, 4800.005 is not (with room for binary fractions).
    if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6)
      return problem('invalid-format', '$property must be in whole cents');
    return undefined;
  })
  budgetEuro!: number;
}

/** The judgement of one result of plan deel 1. */
export class ResultJudgementDto {
  @ApiProperty({
    description: 'Id of a result of plan deel 1',
    pattern: RESULT_ID_PATTERN.source,
    example: 'school',
  })
  @Matches(RESULT_ID_PATTERN, {
    message: '$property must be a result id (a-z, 0-9, -; at most 32)',
  })
  resultId!: string;

  @ApiProperty({
    description: 'Whether the result is reached',
    enum: RESULT_OUTCOMES,
    example: 'partly',
  })
  @IsIn(RESULT_OUTCOMES)
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
    description: `Number of products: a whole number 0–${MAX_NUMBER_OF_PRODUCTS}`,
    minimum: 0,
    maximum: MAX_NUMBER_OF_PRODUCTS,
    example: 1,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_NUMBER_OF_PRODUCTS)
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
    pattern: BESCHIKKING_NUMBER_PATTERN.source,
    example: 'B-2027-118',
  })
  @Matches(BESCHIKKING_NUMBER_PATTERN, { message: '$property must be 3-40 characters A-Z, 0-9, -' })
  number!: string;

  @ApiProperty({
    description: 'New end date (YYYY-MM-DD), after the current one',
    format: 'date',
    example: '2028-06-30',
  })
  @IsCalendarDate()
  endDate!: string;
}
