import type { ValidationOptions } from 'class-validator';
import {
  isCalendarDate,
  isDuration,
  isEndReason,
  isFrequency,
  isProductCategory,
  isUnit,
  isValidAgbCode,
  isValidBsn,
  isValidCaseNumber,
  isValidMunicipalityCode,
  isValidPersonId,
  JZ020_PRODUCT_CATEGORIES,
  JZ588_END_REASONS,
  problem,
  WJ756_UNITS,
  WMO757_FREQUENCIES,
  type ProblemCode,
} from '@cjg/domain';
import { CodedRule } from './validation';

/**
 * A class-validator decorator for a string rule of the domain, with the message it refuses with
 * and its code (`invalid-format` unless the rule says otherwise).
 */
function rule(
  name: string,
  test: (value: string) => boolean,
  message: string,
  code: ProblemCode = 'invalid-format',
) {
  return (options?: ValidationOptions): PropertyDecorator =>
    CodedRule(
      name,
      (value) => (typeof value === 'string' && test(value) ? undefined : problem(code, message)),
      options,
    );
}

export const IsCaseNumber = rule(
  'isCaseNumber',
  isValidCaseNumber,
  '$property must be 3–40 characters: A–Z, 0–9 and single hyphens (e.g. CJG-2026-000123)',
);

export const IsMunicipalityCode = rule(
  'isMunicipalityCode',
  isValidMunicipalityCode,
  '$property must be a four-digit CBS gemeentecode (e.g. 0957)',
);

export const IsPersonId = rule(
  'isPersonId',
  isValidPersonId,
  '$property must be an id of 2–64 characters a–z, 0–9, - and _ (not a name, e-mail or BSN)',
);

export const IsBsn = rule(
  'isBsn',
  isValidBsn,
  '$property must be a valid BSN (nine digits, elfproef)',
);

export const IsAgbCode = rule(
  'isAgbCode',
  isValidAgbCode,
  '$property must be an AGB code of 8 digits',
);

export const IsCalendarDate = rule(
  'isCalendarDate',
  isCalendarDate,
  '$property must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)',
  'invalid-date',
);

export const IsIsoDuration = rule(
  'isIsoDuration',
  isDuration,
  '$property must be an ISO 8601 duration (e.g. P3M, P6W, P1DT12H)',
);

/**
 * A rule that a value is a code of an iJw code list; the message names the codes, sorted
 * ("01, 04, 14": JS lists "14" before "01").
 */
const codeListRule = (
  name: string,
  test: (value: string) => boolean,
  list: string,
  codes: object,
) =>
  rule(
    name,
    test,
    `$property must be a ${list}: ${Object.keys(codes).sort().join(', ')}`,
    'not-in-list',
  );

export const IsProductCategory = codeListRule(
  'isProductCategory',
  isProductCategory,
  'JZ020 productcategorie',
  JZ020_PRODUCT_CATEGORIES,
);
export const IsUnit = codeListRule('isUnit', isUnit, 'WJ756 eenheid', WJ756_UNITS);
export const IsFrequency = codeListRule(
  'isFrequency',
  isFrequency,
  'WMO757 frequentie',
  WMO757_FREQUENCIES,
);
export const IsEndReason = codeListRule(
  'isEndReason',
  isEndReason,
  'JZ588 reden beëindiging',
  JZ588_END_REASONS,
);
