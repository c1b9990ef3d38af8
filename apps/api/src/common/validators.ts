import { ValidateBy, type ValidationOptions } from 'class-validator';
import {
  isValidBsn,
  isValidCaseNumber,
  isValidMunicipalityCode,
  isValidPersonId,
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
