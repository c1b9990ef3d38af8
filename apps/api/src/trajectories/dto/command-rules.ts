/**
 * The rules the trajectory command bodies are checked with (commands.dto.ts): each rule says what
 * is wrong in one message, so a client is told once per field. The limits and code lists are the
 * domain's own (libs/domain, processes/trajectory/limits.ts and coordination.ts), imported by the
 * DTOs, so the API and the workflow's validator judge a command by the same numbers; only the
 * limits the domain has no part in (free texts, which it takes by reference) stand here.
 */
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { problem, type Problem } from '@cjg/domain';
import { CodedRule } from '../../common/validation';

// ───────────────────────────────────────────── limits the API adds (the domain takes free text by reference)

/** Free texts: reasons, result descriptions and measures (stored by the API, case-texts). */
export const MAX_TEXT = 2000;
/** One activity of plan deel 2. */
export const MAX_ACTIVITY = 500;
/** Not limited by the domain; bounded here. */
export const MAX_ACTIVITIES = 20;
export const MAX_TOEWIJZINGEN = 20;

// ───────────────────────────────────────────────────────────── building blocks

export type Body = Record<string, unknown>;

/**
 * A rule that says what is wrong in one problem, with its code: `problem` returns it (its message
 * with `$property`), or undefined when the value is fine. A missing field gets one message, not
 * one per constraint. It may look at the value's siblings in the same object, never at the
 * case's state.
 */
export const Rule = (name: string, check: (value: unknown, body: Body) => Problem | undefined) =>
  CodedRule(name, check);

export function textProblem(value: unknown, max: number, path = '$property'): Problem | undefined {
  if (typeof value !== 'string') return problem('wrong-type', `${path} must be a text`);
  if (!/\S/.test(value)) return problem('required', `${path} must not be blank`);
  if (value.length > max) return problem('too-long', `${path} must be at most ${max} characters`);
  return undefined;
}

export function listProblem(
  value: unknown,
  min: number,
  max: number,
  what: string,
): Problem | undefined {
  const count = (n: number) => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (!Array.isArray(value))
    return problem('wrong-type', `$property must be a list of ${min}–${max} ${what}s`);
  if (value.length < min) return problem('too-short', `$property must list at least ${count(min)}`);
  if (value.length > max) return problem('too-long', `$property must list at most ${count(max)}`);
  return undefined;
}

/** Free text the domain requires (`nonEmpty`): a string, not blank, at most `max` characters. */
export const IsText = (max: number = MAX_TEXT) =>
  Rule('isText', (value) => textProblem(value, max));

/** A list of `min`–`max` texts, each not blank and at most `maxLength` characters. */
export const IsTextList = (min: number, max: number, maxLength: number) =>
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
export const Optional = () => ValidateIf((_body: object, value: unknown) => value !== undefined);

/** A required nested object of class `type`; its unknown fields are refused like top-level ones. */
export const NestedObject = (type: () => new () => object) =>
  applyDecorators(IsObject(), ValidateNested(), Type(type));

/** A list of `min`–`max` nested objects of class `type`. */
export const NestedList = (type: () => new () => object, min: number, max: number) =>
  applyDecorators(
    Rule('isList', (value) => {
      const list = listProblem(value, min, max, 'item');
      if (list) return list;
      const i = (value as unknown[]).findIndex(
        (item) => typeof item !== 'object' || item === null || Array.isArray(item),
      );
      return i < 0 ? undefined : problem('wrong-type', `$property[${i}] must be an object`);
    }),
    ValidateNested({ each: true }),
    Type(type),
  );

/** No two items of a list share `key` (items without it are left to their own checks). */
export const UniqueBy = (key: string, used: string) =>
  Rule('uniqueBy', (value) => {
    if (!Array.isArray(value)) return undefined;
    const seen = new Set<unknown>();
    for (const [i, item] of value.entries()) {
      const id = (item as Body | null)?.[key];
      if (id === undefined) continue;
      if (seen.has(id)) return problem('duplicate', `$property[${i}].${key} ${used}`);
      seen.add(id);
    }
    return undefined;
  });

/** Required when `when` holds for the body, and refused when it does not. */
export const RequiredWhen = (when: (body: Body) => boolean, condition: string) =>
  applyDecorators(
    ValidateIf((body: Body, value: unknown) => when(body) || value !== undefined),
    Rule('requiredWhen', (value, body) =>
      when(body) === (value !== undefined)
        ? undefined
        : when(body)
          ? problem('required', `$property is required ${condition}`)
          : problem('not-allowed', `$property is only allowed ${condition}`),
    ),
  );
