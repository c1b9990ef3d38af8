/**
 * Free text by reference. What a person types (a result of plan deel 1, a provider's activities,
 * a reason, a handover's safety conditions) may name people, so it lives in PostgreSQL and a
 * workflow carries only its id: histories are read in the Temporal UI and CLI, archived and
 * backed up, and must hold ids and codes only (AVG, NEN 7510).
 */

import { problem, type Problem } from './problems';

/** A stored text: the id the process carries and how many items (lines) it holds. */
export interface TextRef {
  textId: string;
  items: number;
}

const TEXT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Items in one text (activities, conditions, agreements): enough for any real case, bounded. */
export const MAX_TEXT_ITEMS = 30;

export function isTextRef(value: unknown): value is TextRef {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const ref = value as Partial<TextRef>;
  return (
    typeof ref.textId === 'string' &&
    TEXT_ID.test(ref.textId) &&
    Number.isInteger(ref.items) &&
    Object.keys(value).length === 2
  );
}

/**
 * Why `ref` is not a reference to a stored text of `minItems`–MAX_TEXT_ITEMS items; empty when it
 * is. Free text in its place is refused: it would enter the history.
 */
export function textRefProblems(ref: unknown, path: string, minItems = 1): Problem[] {
  if (ref === undefined || ref === null) return [problem('required', `${path} is required`)];
  if (typeof ref !== 'object' || Array.isArray(ref))
    return [
      problem(
        'wrong-type',
        `${path} must be a reference to a stored text ({ textId, items }), never the text`,
      ),
    ];
  const { textId, items } = ref as Partial<TextRef>;
  const problems: Problem[] = [];
  if (typeof textId !== 'string' || !TEXT_ID.test(textId))
    problems.push(problem('invalid-format', `${path}.textId must be a UUID`));
  if (!Number.isInteger(items) || items! < minItems || items! > MAX_TEXT_ITEMS)
    problems.push(
      problem(
        'out-of-range',
        `${path}.items must be a whole number from ${minItems} to ${MAX_TEXT_ITEMS}`,
      ),
    );
  const extra = Object.keys(ref).filter((key) => key !== 'textId' && key !== 'items');
  if (extra.length > 0)
    problems.push(problem('not-allowed', `${path} takes textId and items only`));
  return problems;
}

/**
 * A free text in a state that may come from a run of before the texts moved out (then it is
 * the text itself, as that run's history already holds it) or from now on (a reference).
 */
export type FreeText = TextRef | string;
export type FreeTextList = TextRef | string[];

/** The letter facts for a free text: `<name>TextId` for a reference, the old text as it was. */
export function freeTextFacts(name: string, text: FreeText): Record<string, string> {
  return typeof text === 'string' ? { [name]: text } : { [`${name}TextId`]: text.textId };
}

/**
 * `data` with the value at each path replaced by `replace(value)`, in path order and within a
 * path in list order; `data` itself is left alone. A path is dot-separated keys, `[]` after a key
 * for every item of its list (`plan.results[].description`). Missing values are skipped: the
 * validators say what is missing.
 */
export function mapFreeText<T>(
  data: T,
  paths: readonly string[],
  replace: (value: unknown) => unknown,
): T {
  const copy = structuredClone(data) as unknown;
  for (const path of paths) replaceAt(copy, path.split('.'), replace);
  return copy as T;
}

function replaceAt(target: unknown, path: string[], replace: (value: unknown) => unknown): void {
  if (!target || typeof target !== 'object') return;
  const [head, ...rest] = path;
  const list = head!.endsWith('[]');
  const key = list ? head!.slice(0, -2) : head!;
  const record = target as Record<string, unknown>;
  if (!Object.hasOwn(record, key) || record[key] === undefined) return;
  if (list) {
    const items = record[key];
    if (!Array.isArray(items)) return;
    if (rest.length === 0) record[key] = items.map((item) => replace(item));
    else for (const item of items) replaceAt(item, rest, replace);
  } else if (rest.length === 0) {
    record[key] = replace(record[key]);
  } else {
    replaceAt(record[key], rest, replace);
  }
}
