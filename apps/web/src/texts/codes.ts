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

/**
 * The case's other code lists (pages/case), from libs/domain (intake-outcomes.ts, drang.ts,
 * coordination.ts, limits.ts and the registry's DTOs): each that a request body takes is checked
 * against the API's enum with `satisfies`, as the tables above are by their keys.
 */
export type CodeList = Readonly<Record<string, string>>;

type Criteria = Schemas['CoordinationCriteriaDto'];

/** Where the family is pointed when no specialised care is needed (advies). */
export const ADVICE_CODES: CodeList = {
  basisondersteuning: 'Ondersteuning door het CJG zelf (basisondersteuning)',
  'voorliggend-veld': 'Een algemene voorziening in de buurt (voorliggend veld)',
  'eigen-netwerk': 'Hulp uit de eigen omgeving van het gezin',
  'andere-voorziening': 'Hulp via een andere wet of voorziening (huisarts, zorgverzekering)',
  'geen-hulp-nodig': 'Op dit moment is geen hulp nodig',
} satisfies Record<Schemas['CloseWithAdviceDto']['advice'], string>;

/** Why the request is refused (afwijzing, Jeugdwet 2.3). */
export const REJECTION_GROUNDS: CodeList = {
  'eigen-kracht': 'Het gezin kan het zelf oplossen, met het eigen netwerk',
  'voorliggende-voorziening': 'Een algemene of andere voorziening past en gaat voor',
  'geen-jeugdhulp': 'De hulpvraag is geen vraag om jeugdhulp',
  'andere-gemeente': 'Een andere gemeente is verantwoordelijk (woonplaatsbeginsel)',
  'andere-wet': 'De hulp valt onder een andere wet (Wlz, Zvw)',
} satisfies Record<Schemas['RejectRequestDto']['ground'], string>;

/** Where the concerns of a drang case came from. */
export const DRANG_SOURCES: CodeList = {
  basisvoorziening: 'Een basisvoorziening (school, huisarts, kinderopvang, GGD)',
  zorgaanbieder: 'Een zorgaanbieder',
  'veilig-thuis': 'Veilig Thuis',
  cjg: 'Het CJG zelf',
} satisfies Record<Schemas['MarkDrangDto']['source'], string>;

/** The criteria of the coordination decision (001). */
export const TYPES_OF_CARE: CodeList = {
  ambulant: 'Ambulant',
  dagbehandeling: 'Dagbehandeling',
  verblijf: 'Verblijf',
  ggz: 'Jeugd-GGZ',
  pgb: 'Persoonsgebonden budget',
  other: 'Anders',
} satisfies Record<Criteria['typeOfCare'], string>;
export const COMPLEXITIES: CodeList = {
  low: 'Laag',
  medium: 'Gemiddeld',
  high: 'Hoog',
} satisfies Record<Criteria['complexity'], string>;
export const HELP_QUESTIONS: CodeList = {
  clear: 'Duidelijk en enkelvoudig',
  unclear: 'Nog onduidelijk',
  multiple: 'Meerdere vragen tegelijk',
} satisfies Record<Criteria['helpQuestion'], string>;
export const SELF_RELIANCES: CodeList = {
  high: 'Hoog',
  medium: 'Gemiddeld',
  low: 'Laag',
} satisfies Record<Criteria['selfReliance'], string>;

/** What an interim review decides (001). */
export const REVIEW_DECISIONS: CodeList = {
  continue: 'Doorgaan zoals afgesproken',
  afschalen: 'Afschalen: minder vaak volgen',
  opschalen: 'Opschalen: vaker volgen',
  end: 'De hulp beëindigen (eindevaluatie)',
} satisfies Record<Schemas['RecordReviewDto']['decision'], string>;

/** How the end evaluation ends the trajectory. */
export const END_DECISIONS: CodeList = {
  close: 'Afsluiten',
  verlenging: 'Verlengen (nieuwe beschikking)',
  vervolgtraject: 'Vervolgtraject (nieuwe zaak)',
} satisfies Record<Schemas['RecordEndEvaluationDto']['decision'], string>;

/** What began the end evaluation. */
export const END_TRIGGERS: CodeList = {
  'end-date': 'De beschikking loopt af',
  'stop-zorg': 'De zorg is gestopt',
  coordinator: 'Gevraagd door de coördinator',
  withdrawal: 'Het gezin stopte',
};

export const BESCHIKKING_KINDS: CodeList = {
  zin: 'Zorg in natura (ZIN)',
  pgb: 'Persoonsgebonden budget (PGB)',
} satisfies Record<
  Schemas['ZinBeschikkingDto']['kind'] | Schemas['PgbBeschikkingDto']['kind'],
  string
>;

export const EVALUATION_KINDS: CodeList = { interim: 'Tussentijds', end: 'Eind' } satisfies Record<
  Schemas['ReportEvaluationDto']['kind'],
  string
>;

export const QUESTIONNAIRE_MOMENTS: CodeList = {
  midway: 'Tussentijdse vragenlijst',
  end: 'Eindvragenlijst',
} satisfies Record<Schemas['AnswerQuestionnaireDto']['moment'], string>;

/** A rating of 1 to 5, as the questionnaires ask it. */
export const RATINGS: CodeList = {
  '1': '1 – slecht',
  '2': '2',
  '3': '3',
  '4': '4',
  '5': '5 – heel goed',
};

/** How often the CJG follows up a coordinated case (ISO 8601 durations the API takes). */
export const REVIEW_INTERVALS: CodeList = {
  P1M: 'Elke maand',
  P2M: 'Elke 2 maanden',
  P3M: 'Elke 3 maanden',
  P4M: 'Elke 4 maanden',
  P6M: 'Elk half jaar',
};

/** The relation of a carer to the client (PUT /clients/{id}). */
export const CARER_RELATIONS: CodeList = {
  ouder: 'Ouder',
  verzorger: 'Verzorger',
  voogd: 'Voogd',
  pleegouder: 'Pleegouder',
} satisfies Record<Schemas['CarerDto']['relation'], string>;

/** The status of the 3-month check and the questionnaires. */
export const THREE_MONTH_CHECK_STATUSES: CodeList = {
  waiting: 'Nog niet verstuurd',
  sent: 'Verstuurd, wacht op antwoord',
  fitting: 'Beantwoord: de hulp past',
  'not-fitting': 'Beantwoord: de hulp past niet',
  'no-response': 'Geen antwoord gekomen',
};
export const QUESTIONNAIRE_STATUSES: CodeList = {
  'not-sent': 'Nog niet verstuurd',
  sent: 'Verstuurd, wacht op antwoord',
  answered: 'Beantwoord',
  'no-response': 'Geen antwoord gekomen',
};

export const DIVERGENCE_STATUSES: CodeList = {
  pending: 'Wacht op uw besluit',
  accepted: 'Geaccepteerd',
  refused: 'Geweigerd',
};

export const REASSESSMENT_STATUSES: CodeList = {
  pending: 'Wacht op uw antwoord',
  answered: 'Beantwoord',
  'no-answer': 'Niet beantwoord',
};

/** An ISO 8601 duration in words, for the review interval: P3M → "3 maanden". */
export function durationText(duration: string | null | undefined): string {
  if (!duration) return '—';
  const named = REVIEW_INTERVALS[duration];
  if (named) return named.toLowerCase();
  const match =
    /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(
      duration,
    );
  if (!match) return duration;
  const units = [
    ['jaar', 'jaar'],
    ['maand', 'maanden'],
    ['week', 'weken'],
    ['dag', 'dagen'],
    ['uur', 'uur'],
    ['minuut', 'minuten'],
    ['seconde', 'seconden'],
  ] as const;
  const parts = match
    .slice(1)
    .map((value, i) =>
      value ? `${value} ${Number(value) === 1 ? units[i]![0] : units[i]![1]}` : undefined,
    )
    .filter(Boolean);
  return parts.length > 0 ? `elke ${parts.join(' ')}` : duration;
}
