/**
 * iJw code lists used by the trajectory (iStandaarden iJw 3.2). Only codes are stored and sent;
 * the descriptions are for people.
 */

/** JZ020 productcategorie (Jeugdwet): what kind of care a beschikking grants. */
export const JZ020_PRODUCT_CATEGORIES = {
  '40': 'Persoonlijke verzorging',
  '41': 'Dagbehandeling',
  '42': 'Vervoerdiensten',
  '43': 'Jeugdhulp verblijf (incl. behandeling)',
  '44': 'Jeugdhulp verblijf (excl. behandeling)',
  '45': 'Jeugdhulp ambulant',
  '46': 'Jeugdhulp crisis',
  '47': 'Jeugdreclassering',
  '48': 'Jeugdbescherming',
  '49': 'Activiteiten in het preventief justitieel kader',
  '50': 'Maatwerkarrangementen jeugd',
  '54': 'Jeugd-GGZ',
} as const;
export type ProductCategory = keyof typeof JZ020_PRODUCT_CATEGORIES;

/** The categories with verblijf (residential care): the heaviest inzet. */
export const RESIDENTIAL_CATEGORIES: readonly ProductCategory[] = ['43', '44'];

/** WJ756 eenheid: the unit of an omvang. */
export const WJ756_UNITS = {
  '01': 'Minuut',
  '04': 'Uur',
  '14': 'Etmaal',
  '16': 'Dagdeel (4 uur)',
  '82': 'Stuks (inspanning)',
  '83': 'Euro’s',
  '84': 'Stuks (output)',
} as const;
export type Unit = keyof typeof WJ756_UNITS;

/** WMO757 frequentie: per what period the volume of an omvang counts. */
export const WMO757_FREQUENCIES = {
  '1': 'Per dag',
  '2': 'Per week',
  '4': 'Per maand',
  '6': 'Totaal binnen geldigheidsduur toewijzing',
} as const;
export type Frequency = keyof typeof WMO757_FREQUENCIES;

/**
 * JZ588 reden beëindiging: why a provider stopped the care (stop zorg, JW307). The values follow
 * the iJw list as published; check them against the iStandaarden release a region runs.
 */
export const JZ588_END_REASONS = {
  '01': 'Overlijden',
  '02': 'Levering is volgens plan beëindigd',
  '03': 'Levering is eenzijdig beëindigd door cliënt',
  '04': 'Levering is eenzijdig beëindigd door aanbieder',
  '05': 'Levering is beëindigd in overeenstemming met cliënt',
  '06': 'Verhuizing naar andere gemeente',
  '07': 'Overdracht toewijzing',
  '08': 'Voortzetting in de sociale basisondersteuning (voorliggend veld)',
  '09': 'Voortzetting in de Zorgverzekeringswet',
  '10': 'Voortzetting in de Wet langdurige zorg',
  '11': 'Aanbieder kan de zorg niet leveren',
  '12': 'Geïnitieerd door de gemeente',
} as const;
export type EndReason = keyof typeof JZ588_END_REASONS;

export function isProductCategory(value: unknown): value is ProductCategory {
  return typeof value === 'string' && Object.hasOwn(JZ020_PRODUCT_CATEGORIES, value);
}
export function isUnit(value: unknown): value is Unit {
  return typeof value === 'string' && Object.hasOwn(WJ756_UNITS, value);
}
export function isFrequency(value: unknown): value is Frequency {
  return typeof value === 'string' && Object.hasOwn(WMO757_FREQUENCIES, value);
}
export function isEndReason(value: unknown): value is EndReason {
  return typeof value === 'string' && Object.hasOwn(JZ588_END_REASONS, value);
}

/** AGB code of a zorgaanbieder: eight digits. */
export function isValidAgbCode(value: unknown): value is string {
  return typeof value === 'string' && /^\d{8}$/.test(value);
}

/**
 * Frequencies in a comparable "per day" weight; `6` (total over the whole toewijzing) is only
 * comparable with itself.
 */
const PER_DAY: Record<Frequency, number | undefined> = {
  '1': 1,
  '2': 1 / 7,
  '4': 12 / 365,
  '6': undefined,
};

export interface Omvang {
  volume: number;
  unit: Unit;
  frequency: Frequency;
}

/**
 * Whether `requested` asks for more than `granted`: another unit, a larger volume, or a volume
 * that is larger once both are converted to the same period. 002 §6 item 14: the provider may
 * not raise what the CJG decided.
 */
export function omvangExceeds(requested: Omvang, granted: Omvang): boolean {
  if (requested.unit !== granted.unit) return true;
  if (requested.frequency === granted.frequency) return requested.volume > granted.volume;
  const r = PER_DAY[requested.frequency];
  const g = PER_DAY[granted.frequency];
  if (r === undefined || g === undefined) return true;
  return requested.volume * r > granted.volume * g + 1e-9;
}
