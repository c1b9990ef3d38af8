import { BadRequestException, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/** One field's problems; `field` is a dotted/indexed path (`plan.results[0].id`), '' for the request as a whole. */
export interface FieldProblems {
  field: string;
  problems: string[];
}

export const NOT_ALLOWED = 'is not allowed';
export const NOT_AN_OBJECT = 'must be a JSON object';

const UNKNOWN_PROPERTY = /^property (.+) should not exist$/;

/** Flattens class-validator's tree into one entry per failing field, deepest paths first-class. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  parentPath = '',
  parentIsArray = false,
): FieldProblems[] {
  const out: FieldProblems[] = [];
  for (const error of errors) {
    const property = typeof error.property === 'string' ? error.property : '';
    const path = property === '' ? parentPath : joinPath(parentPath, property, parentIsArray);
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      out.push({
        field: path,
        problems: constraints.map(([name, message]) =>
          name === 'whitelistValidation'
            ? NOT_ALLOWED
            : name === 'unknownValue'
              ? NOT_AN_OBJECT
              : withoutSubject(message, property),
        ),
      });
    }
    if (error.children && error.children.length > 0) {
      out.push(...flattenValidationErrors(error.children, path, Array.isArray(error.value)));
    }
  }
  return out;
}

/**
 * Problems given as a list of sentences (services throw `new ConflictException([...])`): "property
 * x should not exist" becomes `{ field: 'x', problems: ['is not allowed'] }`, the rest one entry
 * with field ''.
 */
export function problemsFromMessages(messages: readonly string[]): FieldProblems[] {
  const out: FieldProblems[] = [];
  const general: string[] = [];
  for (const message of messages) {
    const unknown = UNKNOWN_PROPERTY.exec(message);
    if (unknown) out.push({ field: unknown[1]!, problems: [NOT_ALLOWED] });
    else general.push(message);
  }
  return general.length > 0 ? [{ field: '', problems: general }, ...out] : out;
}

/** The one-sentence summary of a validation failure; names fields, never values. */
export function validationSummary(details: readonly FieldProblems[]): string {
  const fields = [...new Set(details.map((detail) => detail.field).filter((field) => field))];
  if (fields.length === 0) return 'The request is not valid.';
  return `The request has ${fields.length === 1 ? 'an invalid field' : 'invalid fields'}: ${fields.join(', ')}.`;
}

/** A 400 whose body carries `details`; what the global ValidationPipe throws. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly details: FieldProblems[]) {
    super({ statusCode: 400, error: 'Bad Request', message: validationSummary(details), details });
  }
}

/** The global pipe: whitelisted DTOs, unknown properties refused, errors as `details`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Values never go back to the client or into logs.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}

function joinPath(parent: string, property: string, parentIsArray: boolean): string {
  if (parentIsArray || (parent !== '' && /^\d+$/.test(property))) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

function withoutSubject(message: string, property: string): string {
  if (property === '') return message;
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
