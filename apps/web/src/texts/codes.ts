import type { Schemas } from '../api/client';
import type { Option } from '../ui/ui';

/**
 * The code lists of a case, with their Dutch names: the codes are the API's (libs/domain:
 * codes.ts, coordination.ts, intake-outcomes.ts, drang.ts, limits.ts; the web package cannot
 * import @cjg/domain), the words are for people. Each table that a request body takes is checked
 * against the API's enum (`satisfies`, from docs/openapi.json): a code the API adds or drops fails
 * the typecheck until it is named here. A code outside every table shows as itself (`labelOf`).
 */

/** A code list: code → Dutch name, in the order a select offers them. */
export type CodeList = Readonly<Record<string, string>>;

/** The options of a <select> for a code list. */
export function optionsOf(list: CodeList, withCode = false): Option[] {
  return Object.entries(list).map(([value, label]) => ({
    value,
    label: withCode ? `${value} – ${label}` : label,
  }));
}

/** The Dutch name of a code, or the code itself when the table does not know it. */
export function labelOf(list: CodeList, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return list[code] ?? code;
}

/** JZ020 productcategorie (iJw): what kind of care is granted. */
export const PRODUCT_CATEGORIES: CodeList = {
  '40': 'Persoonlijke verzorging',
  '41': 'Dagbehandeling',
  '42': 'Vervoerdiensten',
  '43': 'Jeugdhulp verblijf (met behandeling)',
  '44': 'Jeugdhulp verblijf (zonder behandeling)',
  '45': 'Jeugdhulp ambulant',
  '46': 'Jeugdhulp crisis',
  '47': 'Jeugdreclassering',
  '48': 'Jeugdbescherming',
  '49': 'Activiteiten in het preventief justitieel kader',
  '50': 'Maatwerkarrangementen jeugd',
  '54': 'Jeugd-GGZ',
} satisfies Record<Schemas['InzetDto']['productCategory'], string>;

/** WJ756 eenheid: the unit of an omvang. */
export const UNITS: CodeList = {
  '01': 'minuten',
  '04': 'uur',
  '14': 'etmalen',
  '16': 'dagdelen (4 uur)',
  '82': 'stuks (inspanning)',
  '83': 'euro',
  '84': 'stuks (output)',
} satisfies Record<Schemas['OmvangDto']['unit'], string>;

/** WMO757 frequentie: per what period the volume counts. */
export const FREQUENCIES: CodeList = {
  '1': 'per dag',
  '2': 'per week',
  '4': 'per maand',
  '6': 'in totaal (hele toewijzing)',
} satisfies Record<Schemas['OmvangDto']['frequency'], string>;

/** JZ588 reden beëindiging: why a provider stopped the care. */
export const END_REASONS: CodeList = {
  '01': 'Overlijden',
  '02': 'Zorg volgens plan beëindigd',
  '03': 'Eenzijdig beëindigd door de cliënt',
  '04': 'Eenzijdig beëindigd door de aanbieder',
  '05': 'Beëindigd in overleg met de cliënt',
  '06': 'Verhuizing naar een andere gemeente',
  '07': 'Overdracht van de toewijzing',
  '08': 'Voortzetting in de basisondersteuning (voorliggend veld)',
  '09': 'Voortzetting in de Zorgverzekeringswet',
  '10': 'Voortzetting in de Wet langdurige zorg',
  '11': 'Aanbieder kan de zorg niet leveren',
  '12': 'Op initiatief van de gemeente',
} satisfies Record<Schemas['StopZorgDto']['reason'], string>;

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

type Criteria = Schemas['CoordinationCriteriaDto'];

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

/** How a result is judged. */
export const RESULT_OUTCOMES: CodeList = {
  reached: 'Behaald',
  partly: 'Deels behaald',
  not: 'Niet behaald',
} satisfies Record<Schemas['ResultJudgementDto']['outcome'], string>;

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

/** An omvang in words: "4 uur per week". */
export function omvangText(
  omvang: { volume: number; unit: string; frequency: string } | undefined,
): string {
  if (!omvang) return '—';
  return `${omvang.volume} ${labelOf(UNITS, omvang.unit)} ${labelOf(FREQUENCIES, omvang.frequency)}`;
}

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
