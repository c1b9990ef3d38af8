/**
 * Ids of coordinators and clients as the workflows carry them: opaque keys into PostgreSQL, where
 * the personal data behind them lives. A name, BSN or e-mail address is never an id: the pattern
 * allows no `@`, no spaces, and a nine-digit number (a BSN) is refused outright.
 */
export const PERSON_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{1,63}$/;
const LOOKS_LIKE_BSN = /^\d{9}$/;

export function isValidPersonId(value: string): boolean {
  return PERSON_ID_PATTERN.test(value) && !LOOKS_LIKE_BSN.test(value);
}
