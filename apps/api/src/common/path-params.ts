import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import {
  CASE_NUMBER_PATTERN,
  CBS_MUNICIPALITY_CODE_PATTERN,
  HANDOVER_ID_PATTERN,
  isValidAgbCode,
  isValidCaseNumber,
  isValidHandoverId,
  isValidMunicipalityCode,
  isValidPersonId,
  parseTransferId,
  PERSON_ID_PATTERN,
  TRANSFER_REFERENCE_PATTERN,
} from '@cjg/domain';
import { BATCH_ID_PATTERN } from '@cjg/workflows/reassessment-batch.definitions';
import { coded } from './error-codes';

/**
 * The path parameters that name something (a case, a handover, a transfer, a person, a code):
 * each validated by the domain's own rule (400 with one sentence otherwise) and documented with
 * the same rule as its `pattern`, so the OpenAPI document states what the API enforces.
 */
interface PathParamRule {
  /** The domain's test; the pattern alone may say less (a BSN is not a person id). */
  valid: (value: string) => boolean;
  /** The domain's pattern, as the document states it (ECMA-262, as OpenAPI reads patterns). */
  pattern: string;
  maxLength?: number;
  /** The 400 message: `<name> must …`. */
  must: string;
  example: string;
}

class RulePipe implements PipeTransform<string, string> {
  constructor(
    private readonly name: string,
    private readonly rule: PathParamRule,
  ) {}

  transform(value: string): string {
    if (!this.rule.valid(value))
      throw new BadRequestException(coded('invalid-path', `${this.name} must ${this.rule.must}`));
    return value;
  }
}

/** The source of a domain pattern without its anchors, to compose another from it. */
const inner = (pattern: RegExp) => pattern.source.replace(/^\^/, '').replace(/\$$/, '');

/** Not a BSN: nine digits alone are refused (ids.ts). */
const PERSON_ID = `^(?!\\d{9}$)${inner(PERSON_ID_PATTERN)}$`;

export const PATH_PARAM_RULES = {
  caseNumber: {
    valid: isValidCaseNumber,
    pattern: CASE_NUMBER_PATTERN.source,
    must: 'be 3–40 characters: A–Z, 0–9 and single hyphens (e.g. CJG-2026-000123)',
    example: 'CJG-2026-000123',
  },
  handoverId: {
    valid: isValidHandoverId,
    pattern: HANDOVER_ID_PATTERN.source,
    maxLength: 40,
    must: 'be a handover id (e.g. VTH-2026-000123)',
    example: 'VTH-2026-000123',
  },
  transferId: {
    valid: (value) => parseTransferId(value) !== undefined,
    pattern: `^${inner(PERSON_ID_PATTERN)}\\.${inner(TRANSFER_REFERENCE_PATTERN)}$`,
    must: 'be <organisation id>.<reference>, e.g. gi-limburg.JB-2026-1234',
    example: 'gi-limburg.JB-2026-1234',
  },
  personId: {
    valid: isValidPersonId,
    pattern: PERSON_ID,
    must: 'be 2–64 characters a–z, 0–9, - and _ (not a name, e-mail or BSN)',
    example: 'client-0001',
  },
  municipalityCode: {
    valid: isValidMunicipalityCode,
    pattern: CBS_MUNICIPALITY_CODE_PATTERN.source,
    must: 'be a four-digit CBS gemeentecode (e.g. 0957)',
    example: '0957',
  },
  agbCode: {
    valid: isValidAgbCode,
    pattern: '^\\d{8}$',
    must: 'be 8 digits',
    example: '12345678',
  },
  batchId: {
    valid: (value) => BATCH_ID_PATTERN.test(value),
    pattern: BATCH_ID_PATTERN.source,
    must: 'be 1-64 characters A-Z, a-z, 0-9, -',
    example: 'apr-2026',
  },
} satisfies Record<string, PathParamRule>;

export type PathParamKind = keyof typeof PATH_PARAM_RULES;

/**
 * The path parameter `name`, validated and documented by the rule of `kind` (the name when
 * omitted): `@PathParam('caseNumber') caseNumber: string`, `@PathParam('personId', 'id') id`.
 */
export function PathParam(
  kind: PathParamKind,
  name: string = kind,
  example?: string,
): ParameterDecorator {
  const rule: PathParamRule = PATH_PARAM_RULES[kind];
  return (target, key, index) => {
    Param(name, new RulePipe(name, rule))(target, key, index);
    if (key === undefined) return;
    ApiParam({
      name,
      schema: {
        type: 'string',
        example: example ?? rule.example,
        pattern: rule.pattern,
        ...(rule.maxLength ? { maxLength: rule.maxLength } : {}),
      },
    })(target, key, Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor);
  };
}
