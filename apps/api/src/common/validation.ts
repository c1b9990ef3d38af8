import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { ValidateBy, type ValidationError, type ValidationOptions } from 'class-validator';
import { isProblemCode, type Problem, type ProblemCode } from '@cjg/domain';
import type { ErrorCode } from './error-codes';

/**
 * One field's problems; `field` is a dotted/indexed path (`plan.results[0].id`), '' for the request
 * as a whole. `codes` is parallel to `problems`: the stable code of each.
 */
export interface FieldProblems {
  field: string;
  problems: string[];
  codes: ErrorCode[];
}

export const NOT_ALLOWED = 'is not allowed';
export const NOT_AN_OBJECT = 'must be a JSON object';

const UNKNOWN_PROPERTY = /^property (.+) should not exist$/;

/**
 * The code of each class-validator constraint the DTOs use. A rule of our own gives its code with
 * its message ({@link CodedRule}, {@link withCode}); common/validation-codes.spec.ts checks that
 * every constraint of every DTO has one of the two.
 */
export const CONSTRAINT_CODES: Readonly<Record<string, ProblemCode>> = {
  whitelistValidation: 'not-allowed',
  unknownValue: 'wrong-type',
  nestedValidation: 'wrong-type',
  isDefined: 'required',
  isNotEmpty: 'required',
  isString: 'wrong-type',
  isInt: 'wrong-type',
  isNumber: 'wrong-type',
  isBoolean: 'wrong-type',
  isArray: 'wrong-type',
  isObject: 'wrong-type',
  isIn: 'not-in-list',
  isEnum: 'not-in-list',
  matches: 'invalid-format',
  isEmail: 'invalid-format',
  isUuid: 'invalid-format',
  isIso8601: 'invalid-date',
  isDateString: 'invalid-date',
  min: 'out-of-range',
  max: 'out-of-range',
  isPositive: 'out-of-range',
  minLength: 'too-short',
  maxLength: 'too-long',
  arrayMinSize: 'too-short',
  arrayMaxSize: 'too-long',
  arrayNotEmpty: 'too-short',
  arrayUnique: 'duplicate',
};

/** Constraints whose messages carry their code ({@link CodedRule}), by name. */
export const CODED_CONSTRAINTS = new Set<string>();

const CODED_MESSAGE = /^\[([a-z-]+)\] /;

/**
 * A validation message that carries its code, for a rule's own message on a class-validator
 * decorator (`@Length(10, 10, { message: withCode('invalid-date', '…') })`); the pipe takes the
 * code off before the message reaches the client.
 */
export function withCode(code: ProblemCode, message: string): string {
  return `[${code}] ${message}`;
}

/** A message and the code it carries, if it carries one. */
export function splitCode(message: string): { code?: ProblemCode; message: string } {
  const marked = CODED_MESSAGE.exec(message);
  if (!marked || !isProblemCode(marked[1])) return { message };
  return { code: marked[1], message: message.slice(marked[0].length) };
}

/**
 * A validation rule of our own that says what is wrong, and its code, in one problem: `check`
 * returns it (its message may name `$property`), or undefined when the value is fine. It may
 * look at the value's siblings in the same object (`body`), never at a case's state.
 */
export function CodedRule(
  name: string,
  check: (value: unknown, body: Record<string, unknown>) => Problem | undefined,
  options?: ValidationOptions,
): PropertyDecorator {
  CODED_CONSTRAINTS.add(name);
  const problemOf = (value: unknown, object: unknown) =>
    check(value, (object ?? {}) as Record<string, unknown>);
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value, args) => problemOf(value, args?.object) === undefined,
        defaultMessage: (args) => {
          const found = problemOf(args?.value, args?.object);
          return found ? withCode(found.code, found.message) : '';
        },
      },
    },
    options,
  );
}

/** The code of one constraint that failed, and its message without a code it carried. */
function codedProblem(
  name: string,
  message: string,
  value: unknown,
): { code: ProblemCode; message: string } {
  const split = splitCode(message);
  if (name === 'whitelistValidation') return { code: 'not-allowed', message: NOT_ALLOWED };
  if (name === 'unknownValue') return { code: 'wrong-type', message: NOT_AN_OBJECT };
  // A missing value fails every constraint on it; what the user must do is give it.
  if (value === undefined) return { code: 'required', message: split.message };
  if (split.code) return { code: split.code, message: split.message };
  if (name === 'isLength') {
    const code = /longer than/.test(message)
      ? value === ''
        ? 'required'
        : 'too-short'
      : /shorter than/.test(message)
        ? 'too-long'
        : 'invalid-format';
    return { code, message };
  }
  return { code: CONSTRAINT_CODES[name] ?? 'invalid', message };
}

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
    const constraints = Object.entries(error.constraints ?? {}).map(([name, message]) =>
      codedProblem(name, message, error.value),
    );
    if (constraints.length > 0) {
      out.push({
        field: path,
        problems: constraints.map(({ message }) => withoutSubject(message, property)),
        codes: constraints.map(({ code }) => code),
      });
    }
    if (error.children && error.children.length > 0) {
      out.push(...flattenValidationErrors(error.children, path, Array.isArray(error.value)));
    }
  }
  return out;
}

/**
 * Problems given as a list (services throw `new UnprocessableEntityException(problems)`), each a
 * {@link Problem} with its code or a sentence without one (which gets `fallback`): "property x
 * should not exist" becomes `{ field: 'x', problems: ['is not allowed'], codes: ['not-allowed'] }`,
 * the rest one entry with field ''.
 */
export function problemsFromMessages(
  messages: ReadonlyArray<string | Problem>,
  fallback: ErrorCode,
): FieldProblems[] {
  const out: FieldProblems[] = [];
  const general: FieldProblems = { field: '', problems: [], codes: [] };
  for (const item of messages) {
    const { message, code } =
      typeof item === 'string' ? { message: item, code: fallback } : asProblem(item, fallback);
    const unknown = UNKNOWN_PROPERTY.exec(message);
    if (unknown) out.push({ field: unknown[1]!, problems: [NOT_ALLOWED], codes: ['not-allowed'] });
    else {
      general.problems.push(message);
      general.codes.push(code);
    }
  }
  return general.problems.length > 0 ? [general, ...out] : out;
}

/** A problem as a service threw it (or as an idempotency record kept it): its code checked. */
function asProblem(item: unknown, fallback: ErrorCode): { message: string; code: ErrorCode } {
  const { message, code } = (item ?? {}) as { message?: unknown; code?: unknown };
  return {
    message: typeof message === 'string' ? message : String(item),
    code: isProblemCode(code) ? code : fallback,
  };
}

/** The one-sentence summary of a validation failure; names fields, never values. */
export function validationSummary(details: readonly Omit<FieldProblems, 'codes'>[]): string {
  const fields = [...new Set(details.map((detail) => detail.field).filter((field) => field))];
  if (fields.length === 0) return 'The request is not valid.';
  return `The request has ${fields.length === 1 ? 'an invalid field' : 'invalid fields'}: ${fields.join(', ')}.`;
}

/** A 400 whose body carries `details`; what the global ValidationPipe throws. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly details: FieldProblems[]) {
    super({
      statusCode: 400,
      error: 'Bad Request',
      code: 'validation-failed' satisfies ErrorCode,
      message: validationSummary(details),
      details,
    });
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
