import type { Schemas } from '../api/client';
import type { Option } from '../ui/ui';

/**
 * The iJw code lists the forms offer (iStandaarden iJw 3.2), with their Dutch names. The API
 * checks every code; these are copies of libs/domain/src/codes.ts (the app cannot import the
 * domain). Each table is keyed by the API's own enum of the code, so that a code the API adds or
 * drops fails the typecheck until it is named here.
 */

export type ProductCategory = Schemas['InzetDto']['productCategory'];
export type Unit = Schemas['OmvangDto']['unit'];
export type Frequency = Schemas['OmvangDto']['frequency'];
export type EndReason = Schemas['StopZorgDto']['reason'];
export type ResultOutcome = Schemas['ResultJudgementDto']['outcome'];

/** JZ020 productcategorie: what kind of care. */
export const JZ020_PRODUCT_CATEGORIES: Record<ProductCategory, string> = {
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
};

/** WJ756 eenheid: the unit of an omvang. */
export const WJ756_UNITS: Record<Unit, string> = {
  '01': 'Minuut',
  '04': 'Uur',
  '14': 'Etmaal',
  '16': 'Dagdeel (4 uur)',
  '82': 'Stuks (inspanning)',
  '83': 'Euro’s',
  '84': 'Stuks (output)',
};

/** WMO757 frequentie: per what period the volume counts. */
export const WMO757_FREQUENCIES: Record<Frequency, string> = {
  '1': 'Per dag',
  '2': 'Per week',
  '4': 'Per maand',
  '6': 'Totaal binnen geldigheidsduur toewijzing',
};

/** JZ588 reden beëindiging: why the care stopped (stop zorg). */
export const JZ588_END_REASONS: Record<EndReason, string> = {
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
};

/** How far a result of plan deel 1 is reached. */
export const RESULT_OUTCOMES: Record<ResultOutcome, string> = {
  reached: 'Bereikt',
  partly: 'Deels bereikt',
  not: 'Niet bereikt',
};

/** A code list as the options of a <select>: the Dutch name first, the code after it. */
export function codeOptions<K extends string>(list: Record<K, string>, withCode = true): Option[] {
  return (Object.entries(list) as [K, string][]).map(([value, name]) => ({
    value,
    label: withCode ? `${name} (${value})` : name,
  }));
}

/** A code's Dutch name, or the code itself when the list does not know it. */
export function codeName<K extends string>(
  list: Record<K, string>,
  code: string | null | undefined,
): string {
  if (!code) return '—';
  return (list as Record<string, string>)[code] ?? code;
}

/** An omvang as people say it: "4 uur per week". */
export function omvangText(omvang: { volume: number; unit: string; frequency: string }): string {
  const unit = codeName(WJ756_UNITS, omvang.unit).toLowerCase();
  const frequency = codeName(WMO757_FREQUENCIES, omvang.frequency).toLowerCase();
  return `${omvang.volume} ${unit} ${frequency}`;
}
