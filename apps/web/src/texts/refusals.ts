import type { ErrorBody, Schemas } from '../api/client';

/** A stable code of the API's error body: `code`, and each of `details[].codes`. */
export type RefusalCode = Schemas['ErrorCode'];

/**
 * What the app tells a person when the API refuses: one Dutch text per stable code, in this one
 * table. Typed from the API's own list (docs/openapi.json, the enum ErrorCode): a code the API
 * adds without a text here fails `npm run typecheck`. A problem of a field is shown after the
 * field's label ("Datum: Deze datum ligt te vroeg."), so those texts read well after a label.
 */
export const REFUSAL_TEXTS: Record<RefusalCode, string> = {
  // ── the request as a whole
  'validation-failed': 'Niet alle velden zijn goed ingevuld.',
  'bad-request': 'Niet alle velden zijn goed ingevuld.',
  'invalid-json': 'De gegevens konden niet worden gelezen. Probeer het opnieuw.',
  'body-unreadable': 'De gegevens kwamen niet goed aan. Probeer het opnieuw.',
  'invalid-path': 'Het adres van deze pagina klopt niet. Controleer de link.',
  'invalid-idempotency-key':
    'Het formulier kon niet worden verstuurd. Laad de pagina opnieuw en probeer het nog eens.',
  unauthenticated: 'U bent niet (meer) ingelogd.',
  forbidden: 'U mag dit niet doen of zien met uw rol.',
  'access-ended': 'Uw toegang tot deze zaak is voorbij: de zaak is al een tijd afgesloten.',
  'not-found': 'Dit bestaat niet, of u mag het niet zien.',
  'state-conflict': 'Dit kan niet in de huidige stand van de zaak.',
  'process-ended': 'Deze zaak is afgesloten. Er kan niets meer mee gebeuren.',
  'case-still-open':
    'De cliënt heeft nog een open traject. De gegevens kunnen pas weg als alle trajecten zijn afgesloten.',
  'personal-data-destroyed':
    'De persoonsgegevens van deze cliënt zijn vernietigd. Registreer de persoon opnieuw, met een nieuw kenmerk.',
  'body-too-large': 'De invoer is te groot.',
  'unsupported-media-type': 'De invoer heeft een vorm die de server niet aanneemt.',
  refused: 'Dit kan niet worden verwerkt.',
  'idempotency-key-reused':
    'Dit formulier is al eens voor iets anders verstuurd. Laad de pagina opnieuw en probeer het nog eens.',
  'answer-link-invalid': 'Deze link werkt niet.',
  'answer-link-wrong-case': 'Deze link hoort bij een andere zaak.',
  'answer-link-expired': 'Deze link is verlopen.',
  'answer-link-used': 'Deze link is al gebruikt.',
  'question-closed': 'Deze vraag staat niet meer open. Het antwoord is niet opgeslagen.',
  'answer-invalid': 'Kies een antwoord.',
  'rate-limited': 'Te veel verzoeken achter elkaar. Wacht even en probeer het opnieuw.',
  internal: 'Er ging iets mis aan onze kant.',
  unavailable: 'Een onderdeel van het systeem is even niet bereikbaar. Probeer het zo opnieuw.',

  // ── what is wrong with a value
  required: 'Dit is verplicht en ontbreekt nog.',
  'not-allowed': 'Dit hoort hier niet bij.',
  'wrong-type': 'Deze waarde is van de verkeerde soort.',
  'invalid-format': 'Dit is niet in de goede vorm ingevuld.',
  'invalid-date': 'Dit is geen bestaande datum.',
  'date-too-early': 'Deze datum ligt te vroeg.',
  'date-too-late': 'Deze datum ligt te laat.',
  'too-short': 'Dit is te kort.',
  'too-long': 'Dit is te lang.',
  'out-of-range': 'Deze waarde is te hoog of te laag.',
  'not-in-list': 'Kies een van de mogelijke waarden.',
  duplicate: 'Dit komt twee keer voor.',
  invalid: 'Dit is niet goed ingevuld.',

  // ── why the case does not allow it
  'not-possible-now': 'Dit kan niet in deze fase van de zaak.',
  'in-progress': 'Er wordt nu iets anders gedaan voor deze zaak. Probeer het zo opnieuw.',
  'already-recorded': 'Dit is al vastgelegd.',
  'already-pending': 'Hiervoor loopt al een verzoek.',
  'already-exists': 'Dit bestaat al.',
  unchanged: 'Dit is al zo. Er verandert niets.',
  'nothing-pending': 'Hier wordt nu geen antwoord of besluit op gewacht.',
  'divergence-pending':
    'Er moet eerst een besluit komen over de afwijking die de aanbieder heeft gevraagd.',
  'plan-not-signed-off':
    'Plan deel 1 moet eerst worden ondertekend door een geregistreerde BPP of gedragswetenschapper.',
  'beschikking-already-issued': 'De beschikking is al afgegeven. Verdagen kan niet meer.',
  'not-coordinated': 'Het CJG coördineert dit traject niet.',
  'already-withdrawn': 'De intrekking is al vastgelegd. De eindevaluatie volgt.',
  'case-closing': 'De eindevaluatie is vastgelegd. Het traject wordt afgesloten.',
  'withdrawn-close-only':
    'Het gezin heeft de hulpvraag ingetrokken. De eindevaluatie kan het traject alleen afsluiten.',
  'unknown-result': 'Dit resultaat staat niet in plan deel 1.',
  'results-incomplete': 'Beoordeel elk resultaat van plan deel 1.',
  'no-provider-intake': 'Deze aanbieder heeft nog geen intake vastgelegd.',
  'exceeds-plan': 'Deze toewijzing geeft meer of andere zorg dan plan deel 1.',
  'provider-not-assigned': 'Deze aanbieder heeft geen toewijzing in dit traject.',
  'outside-beschikking-period': 'Deze datum valt buiten de looptijd van de beschikking.',
  'same-case': 'Geef het nummer van een andere zaak, niet van deze zaak.',
  'meeting-not-yet-held':
    'Het overleg is nog niet geweest. Leg de uitkomst vast op of na de dag van het overleg.',
  'not-a-working-day': 'Kies een werkdag, geen weekend of feestdag.',
  'consent-required': 'Hiervoor is de instemming van de ouders nodig.',
  'no-time-for-meeting':
    'Er is geen tijd meer om het Schakeloverleg te houden voordat de maatregel afloopt.',
  'required-ground-missing':
    'Een VTO gaat altijd over een (vermoeden van) ernstige bedreiging van de ontwikkeling van het kind. Kies die grond.',
  'invalid-setting': 'Een instelling van het CJG klopt niet. Neem contact op met de beheerder.',
  'not-registered': 'Dit is niet (of nog niet) geregistreerd.',
  'does-not-match': 'Dit hoort niet bij de zaak die u noemt.',
};

/** The code of a refusal that came without a body (the network, a proxy), by its status. */
const STATUS_CODES: Partial<Record<number, RefusalCode>> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'state-conflict',
  413: 'body-too-large',
  415: 'unsupported-media-type',
  422: 'refused',
  429: 'rate-limited',
  500: 'internal',
  503: 'unavailable',
};

/** A refusal as the app shows it: one summary and the problems per field. */
export interface Refusal {
  summary: string;
  /** Problems of the request as a whole. */
  general: string[];
  /** Problems per field path (`plan.results[0].id`). */
  fields: Record<string, string[]>;
  requestId?: string;
}

/**
 * The Dutch text of a code; the API's English text only for a code this app does not know (an
 * API newer than the app: the typecheck rules it out for the API the app was built against).
 */
function textOf(code: string | undefined, english: string): string {
  return code !== undefined && Object.hasOwn(REFUSAL_TEXTS, code)
    ? REFUSAL_TEXTS[code as RefusalCode]
    : english;
}

function addOnce(list: string[], text: string): void {
  if (!list.includes(text)) list.push(text);
}

/** The API's refusal in Dutch: the summary by its `code`, each problem by its own code. */
export function describeRefusal(body: ErrorBody | undefined, status?: number): Refusal {
  if (!body) {
    return {
      summary: REFUSAL_TEXTS[STATUS_CODES[status ?? 503] ?? 'unavailable'],
      general: [],
      fields: {},
    };
  }
  const general: string[] = [];
  const fields: Record<string, string[]> = {};
  for (const detail of body.details ?? []) {
    const list = detail.field === '' ? general : (fields[detail.field] ??= []);
    detail.problems.forEach((problem, i) => addOnce(list, textOf(detail.codes?.[i], problem)));
  }
  const byStatus = STATUS_CODES[body.statusCode];
  return {
    summary: textOf(body.code, byStatus ? REFUSAL_TEXTS[byStatus] : body.message),
    general,
    fields,
    requestId: body.requestId,
  };
}
