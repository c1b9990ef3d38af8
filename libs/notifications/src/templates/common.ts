import {
  isFrequency,
  isProductCategory,
  isUnit,
  JZ020_PRODUCT_CATEGORIES,
  toewijzingPrefix,
  type Frequency,
  type LetterFacts,
  type Unit,
} from '@cjg/domain';
import type { LetterLink } from '../letter';

/**
 * What a letter says: subject, the paragraphs after the greeting, a link to follow, and whether
 * it is a decision (Awb 1:3) signed on behalf of the college by the municipality's signatory.
 */
export type Body = [
  subject: string,
  paragraphs: string[],
  link?: LetterLink,
  options?: { decision?: boolean },
];

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

// ─────────────────────────────────────────────────────────── what a decision grants, in words

/**
 * The product of the n-th toewijzing (from 1, `toewijzing<n>…` facts, see the domain's
 * beschikking-letter.ts): the JZ020 category's name, with the product code beside it. A region's
 * product codes have no national names, so the code is shown as it is, never a made-up name.
 */
export function productInWords(facts: LetterFacts, n: number): string {
  const p = toewijzingPrefix(n);
  const category = f(facts, `${p}ProductCategory`);
  const code = f(facts, `${p}ProductCode`);
  const name = isProductCategory(category)
    ? JZ020_PRODUCT_CATEGORIES[category]
    : `productcategorie ${category}`;
  return code ? `${name} (productcode ${code})` : name;
}

/** WJ756 units as a count reads in Dutch: [one, many]; money is written as an amount. */
const UNIT_WORDS: Record<Unit, [string, string] | undefined> = {
  '01': ['minuut', 'minuten'],
  '04': ['uur', 'uur'],
  '14': ['etmaal', 'etmalen'],
  '16': ['dagdeel van 4 uur', 'dagdelen van 4 uur'],
  '82': ['keer', 'keer'],
  '83': undefined,
  '84': ['stuk', 'stuks'],
};

/** WMO757 frequencies as the end of a Dutch sentence part. */
const FREQUENCY_WORDS: Record<Frequency, string> = {
  '1': 'per dag',
  '2': 'per week',
  '4': 'per maand',
  '6': 'in totaal voor de hele periode',
};

/** An amount in euros as Dutch readers write it: € 12.000,00. */
export const euro = (amount: number): string =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(amount);

/** The omvang of the n-th toewijzing in words: "4 uur per week", "€ 250,00 per maand". */
export function omvangInWords(facts: LetterFacts, n: number): string {
  const p = toewijzingPrefix(n);
  const volume = Number(facts[`${p}Volume`]);
  const unit = f(facts, `${p}Unit`);
  const frequency = f(facts, `${p}Frequency`);
  const per = isFrequency(frequency) ? FREQUENCY_WORDS[frequency] : '';
  const words = isUnit(unit) ? UNIT_WORDS[unit] : undefined;
  const amount =
    unit === '83' ? euro(volume) : `${volume} ${words ? words[volume === 1 ? 0 : 1] : 'eenheden'}`;
  return per ? `${amount} ${per}` : amount;
}

/** How many toewijzingen (or, for a PGB, inzet items) the facts describe. */
export const toewijzingCount = (facts: LetterFacts): number => Number(facts.toewijzingen ?? 0) || 0;

// ─────────────────────────────────────────────────────────── contact and signature

/**
 * Where the reader can ask a question, at the end of every letter: the coordinator by name (with
 * e-mail) and the municipality's contact details, as registered; without them the CJG in words.
 * The send path puts these in (`contact…` facts) from the registry at send time.
 */
export function contactParagraphs(facts: LetterFacts): string[] {
  const name = f(facts, 'contactName');
  const email = f(facts, 'contactEmail');
  const first = name
    ? `Heeft u vragen? Neem dan contact op met ${name}, coördinator bij het Centrum voor Jeugd en Gezin${email ? `: ${email}` : ''}.`
    : 'Heeft u vragen? Neem dan contact op met het Centrum voor Jeugd en Gezin.';
  const details = [
    f(facts, 'contactAddress'),
    facts.contactPhone ? `telefoon ${f(facts, 'contactPhone')}` : '',
    f(facts, 'contactEmailAddress'),
    f(facts, 'contactWebsite'),
  ].filter(Boolean);
  const municipality = f(facts, 'contactMunicipalityName');
  return municipality && details.length > 0
    ? [first, `Gemeente ${municipality}: ${details.join(', ')}.`]
    : [first];
}

/**
 * How to object to a decision (Awb 3:45, 6:5, 6:7): within six weeks after the day of sending, to
 * the college, at its registered objection address, and what the objection names. `reference`
 * says which number to quote ("het nummer van deze beschikking").
 */
export function bezwaarParagraphs(facts: LetterFacts, reference: string): string[] {
  const address = f(facts, 'objectionAddress') || f(facts, 'contactAddress');
  return [
    `Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Dat doet u binnen zes weken na de dag waarop deze brief is verstuurd. Stuur een brief aan het college van burgemeester en wethouders ${vanGemeente(facts)}${address ? `, ${address}` : ''}.`,
    `Schrijf in die brief uw naam en adres, de datum, ${reference} en waarom u het niet eens bent met het besluit. Zet uw handtekening onder de brief. Wilt u eerst met ons praten? Dat kan altijd.`,
  ];
}

/** "van Roermond", or "van de gemeente" when the municipality has no registered name. */
export const vanGemeente = (facts: LetterFacts): string =>
  facts.municipalityName ? `van ${String(facts.municipalityName)}` : 'van de gemeente';
