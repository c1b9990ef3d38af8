import { ValidateBy, type ValidationOptions } from 'class-validator';
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
  WJ756_UNITS,
  WMO757_FREQUENCIES,
} from '@cjg/domain';

function rule(
  name: string,
  test: (value: string) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && test(value),
        defaultMessage: () => message,
      },
    },
    options,
  );
}

export const IsCaseNumber = (options?: ValidationOptions) =>
  rule(
    'isCaseNumber',
    isValidCaseNumber,
    '$property must be 3–40 characters: A–Z, 0–9 and single hyphens (e.g. CJG-2026-000123)',
    options,
  );

export const IsMunicipalityCode = (options?: ValidationOptions) =>
  rule(
    'isMunicipalityCode',
    isValidMunicipalityCode,
    '$property must be a four-digit CBS gemeentecode (e.g. 0957)',
    options,
  );

export const IsPersonId = (options?: ValidationOptions) =>
  rule(
    'isPersonId',
    isValidPersonId,
    '$property must be an id of 2–64 characters a–z, 0–9, - and _ (not a name, e-mail or BSN)',
    options,
  );

export const IsBsn = (options?: ValidationOptions) =>
  rule('isBsn', isValidBsn, '$property must be a valid BSN (nine digits, elfproef)', options);

export const IsAgbCode = (options?: ValidationOptions) =>
  rule('isAgbCode', isValidAgbCode, '$property must be an AGB code of 8 digits', options);

export const IsCalendarDate = (options?: ValidationOptions) =>
  rule(
    'isCalendarDate',
    isCalendarDate,
    '$property must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)',
    options,
  );

export const IsIsoDuration = (options?: ValidationOptions) =>
  rule(
    'isIsoDuration',
    isDuration,
    '$property must be an ISO 8601 duration (e.g. P3M, P6W, P1DT12H)',
    options,
  );

/** The codes of an iJw code list, for messages: "01, 04, 14" (sorted: JS lists "14" before "01"). */
const codesOf = (list: object): string => Object.keys(list).sort().join(', ');

export const IsProductCategory = (options?: ValidationOptions) =>
  rule(
    'isProductCategory',
    isProductCategory,
    `$property must be a JZ020 productcategorie: ${codesOf(JZ020_PRODUCT_CATEGORIES)}`,
    options,
  );

export const IsUnit = (options?: ValidationOptions) =>
  rule('isUnit', isUnit, `$property must be a WJ756 eenheid: ${codesOf(WJ756_UNITS)}`, options);

export const IsFrequency = (options?: ValidationOptions) =>
  rule(
    'isFrequency',
    isFrequency,
    `$property must be a WMO757 frequentie: ${codesOf(WMO757_FREQUENCIES)}`,
    options,
  );

export const IsEndReason = (options?: ValidationOptions) =>
  rule(
    'isEndReason',
    isEndReason,
    `$property must be a JZ588 reden beëindiging: ${codesOf(JZ588_END_REASONS)}`,
    options,
  );
