import type { LetterFacts } from '@cjg/domain';
import type { LetterLink } from '../letter';

/** What a letter says: subject, the paragraphs after the greeting, and a link to follow. */
export type Body = [subject: string, paragraphs: string[], link?: LetterLink];

/** The templates of one process: a subject and body per letter kind. */
export type Templates<K extends string> = Record<K, (facts: LetterFacts) => Body>;

/** A fact as text ('' when absent). */
export const f = (facts: LetterFacts, key: string): string => String(facts[key] ?? '');

/** A date or instant as a Dutch reader expects it: 23 november 2026. */
export function datum(value: string): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}

// The people and places a letter names, by name. The workflow hands ids and codes; the send path
// looks the names up in the registry at send time (`…Name` facts, activities/trajectory.activities.ts)
// and a letter never shows the id itself: without a registered name it says who in words.

/** The coordinator by name, or `fallback` ('de coördinator') when none is registered. */
export const coordinatorName = (facts: LetterFacts, fallback = 'de coördinator'): string =>
  facts.coordinatorName ? String(facts.coordinatorName) : fallback;

/** "gemeente Roermond", or "de gemeente" when the municipality has no registered name. */
export const gemeente = (facts: LetterFacts): string =>
  facts.municipalityName ? `gemeente ${String(facts.municipalityName)}` : 'de gemeente';

/** The provider by name, or "de zorgaanbieder" when none is registered. */
export const aanbieder = (facts: LetterFacts): string =>
  facts.providerName ? String(facts.providerName) : 'de zorgaanbieder';
