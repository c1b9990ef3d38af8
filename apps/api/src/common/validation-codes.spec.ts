import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { CODED_CONSTRAINTS, CONSTRAINT_CODES } from './validation';

const SRC = join(__dirname, '..');

/** Every source file of the API that declares validation (DTOs, query and path rules). */
function validatedFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return validatedFiles(path);
    if (!/\.ts$/.test(entry.name) || /\.(spec|testing)\.ts$/.test(entry.name)) return [];
    return readFileSync(path, 'utf8').includes("from 'class-validator'") ? [path] : [];
  });
}

/** The name a failing constraint has in a ValidationError (its key in `constraints`). */
function constraintName(metadata: ValidationMetadata): string | undefined {
  switch (metadata.type) {
    case ValidationTypes.CUSTOM_VALIDATION:
      return getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls)[0]?.name;
    case ValidationTypes.NESTED_VALIDATION:
      return 'nestedValidation';
    case ValidationTypes.IS_DEFINED:
      return 'isDefined';
    case ValidationTypes.WHITELIST:
      return 'whitelistValidation';
    default:
      // ValidateIf, IsOptional: they decide whether to validate, they never fail.
      return undefined;
  }
}

describe('the code of every validation problem', () => {
  it('is known for every constraint of every DTO: a class-validator one, or a rule of our own', async () => {
    const files = validatedFiles();
    for (const file of files) await import(file);
    expect(files.length).toBeGreaterThan(15);

    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, ValidationMetadata[]>;
    };
    const names = new Set<string>();
    for (const list of storage.validationMetadatas.values()) {
      for (const metadata of list) {
        const name = constraintName(metadata);
        if (name) names.add(name);
      }
    }
    // isLength is told apart by its message (too short or too long), or carries its code.
    const uncoded = [...names].filter(
      (name) => !(name in CONSTRAINT_CODES) && !CODED_CONSTRAINTS.has(name) && name !== 'isLength',
    );
    expect(uncoded).toEqual([]);
    // The rules of our own are there too (the check above would pass on an empty storage).
    for (const name of ['isCaseNumber', 'isText', 'isBudget', 'whenAgreedIs', 'isNotBeforeFrom'])
      expect({ name, coded: CODED_CONSTRAINTS.has(name) && names.has(name) }).toEqual({
        name,
        coded: true,
      });
  });
});
