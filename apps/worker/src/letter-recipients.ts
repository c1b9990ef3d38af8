import { DEFAULT_OWN_LETTERS_FROM_AGE, OWN_LETTERS_AGE_RANGE } from '@cjg/domain';

/**
 * CLIENT_OWN_LETTERS_FROM_AGE: from this age the young person gets the family's letters himself,
 * next to his registered carers (docs/letters.md, "Who gets the family's letters"). A whole
 * number from 12 to 18; unset: 16. A malformed value stops the worker at start.
 */
export function ownLettersFromAgeFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CLIENT_OWN_LETTERS_FROM_AGE?.trim();
  if (raw === undefined || raw === '') return DEFAULT_OWN_LETTERS_FROM_AGE;
  const { min, max } = OWN_LETTERS_AGE_RANGE;
  const age = Number(raw);
  if (!/^\d+$/.test(raw) || age < min || age > max) {
    throw new Error(
      `CLIENT_OWN_LETTERS_FROM_AGE must be a whole number from ${min} to ${max}, got ${JSON.stringify(env.CLIENT_OWN_LETTERS_FROM_AGE)}`,
    );
  }
  return age;
}
