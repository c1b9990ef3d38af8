import { DUE_KINDS } from './labels';

/**
 * The Dutch words of a case's events: its commands (the forms and the timeline), its letters
 * (GET /trajectories/{caseNumber}/letters) and what the audit trail records
 * (GET /trajectories/{caseNumber}/timeline).
 */

/** Each trajectory command: the form's title and what the timeline says happened. */
export const COMMANDS: Readonly<Record<string, { title: string; done: string }>> = {
  agreeResults: {
    title: 'Resultaten afspreken (plan deel 1)',
    done: 'Resultaten afgesproken (plan deel 1)',
  },
  signOffPlan: { title: 'Plan deel 1 laten aftekenen', done: 'Plan deel 1 afgetekend' },
  referToProvider: { title: 'Verwijzen naar een aanbieder', done: 'Verwezen naar een aanbieder' },
  recordProviderIntake: {
    title: 'Intake van de aanbieder vastleggen (namens de aanbieder)',
    done: 'Intake van de aanbieder vastgelegd (plan deel 2)',
  },
  decideDivergence: {
    title: 'Besluiten over een afwijkende intake',
    done: 'Besloten over een afwijkende intake',
  },
  issueBeschikking: { title: 'Beschikking afgeven', done: 'Beschikking afgegeven' },
  recordVerdaging: { title: 'Beslistermijn verdagen', done: 'Beslistermijn verdaagd' },
  decideCoordination: {
    title: 'Besluiten over coördinatie en opvolging',
    done: 'Besloten over coördinatie en opvolging',
  },
  recordReview: {
    title: 'Tussentijdse evaluatie vastleggen',
    done: 'Tussentijdse evaluatie vastgelegd',
  },
  requestEndEvaluation: { title: 'Eindevaluatie starten', done: 'Eindevaluatie gestart' },
  recordEndEvaluation: { title: 'Eindevaluatie vastleggen', done: 'Eindevaluatie vastgelegd' },
  withdraw: { title: 'Traject intrekken', done: 'Traject ingetrokken' },
  closeWithAdvice: { title: 'Afsluiten met advies', done: 'Afgesloten met advies' },
  rejectRequest: { title: 'Aanvraag afwijzen', done: 'Aanvraag afgewezen' },
  markDrang: { title: 'Registreren als drang', done: 'Geregistreerd als drang' },
  reportEvaluation: {
    title: 'Evaluatie van de aanbieder vastleggen (namens de aanbieder)',
    done: 'Evaluatie van de aanbieder vastgelegd',
  },
  startZorg: {
    title: 'Start zorg vastleggen (namens de aanbieder)',
    done: 'Start zorg vastgelegd',
  },
  stopZorg: { title: 'Stop zorg vastleggen (namens de aanbieder)', done: 'Stop zorg vastgelegd' },
  answerThreeMonthCheck: {
    title: 'Antwoord op de cliëntcheck vastleggen',
    done: 'Antwoord op de cliëntcheck vastgelegd',
  },
  answerQuestionnaire: {
    title: 'Antwoord op de vragenlijst vastleggen',
    done: 'Antwoord op de vragenlijst vastgelegd',
  },
  requestReassessment: { title: 'Herbeoordeling vragen', done: 'Herbeoordeling gevraagd' },
  answerReassessment: {
    title: 'Herbeoordeling beantwoorden',
    done: 'Herbeoordeling beantwoord',
  },
  reassignCoordinator: {
    title: 'Andere coördinator toewijzen',
    done: 'Andere coördinator toegewezen',
  },
};

/** The letters of a trajectory. */
export const LETTER_KINDS: Readonly<Record<string, string>> = {
  'intake-registered': 'Aanmelding geregistreerd',
  'plan-deel-1': 'Ondersteuningsplan deel 1',
  'divergence-alert': 'Afwijkende intake van een aanbieder',
  'beschikking-issued': 'Beschikking',
  'awb-warning': 'Beslistermijn bijna om',
  'awb-overdue': 'Beslistermijn verstreken',
  'coordination-decision': 'Besluit over coördinatie en opvolging',
  'review-reminder': 'Herinnering tussentijdse evaluatie',
  'review-overdue': 'Tussentijdse evaluatie te laat',
  'three-month-check': 'Cliëntcheck na 3 maanden',
  'not-fitting-alert': 'Melding: de hulp past niet',
  questionnaire: 'Vragenlijst over de hulp',
  'evaluation-request': 'Eindevaluatie nodig',
  'evaluation-reminder': 'Herinnering eindevaluatie',
  'reassessment-request': 'Vraag om herbeoordeling',
  'reassessment-outcome': 'Uitkomst van de herbeoordeling',
  'samenloop-alert': 'Melding samenloop in het gezin',
  'trajectory-ended': 'Einde traject',
  'delivery-failed': 'Melding: brief niet bezorgd',
  referral: 'Verwijzing',
  'provider-intake-reminder': 'Herinnering intake aanbieder',
  'provider-intake-overdue': 'Intake aanbieder te laat',
  'coordination-decision-reminder': 'Herinnering besluit coördinatie',
  'coordination-decision-overdue': 'Besluit coördinatie te laat',
  'client-no-response': 'Melding: geen antwoord van het gezin',
  'advice-given': 'Advies',
  'request-rejected': 'Afwijzing',
  'review-outcome': 'Uitkomst van de tussentijdse evaluatie',
};

export const letterKindLabel = (kind: string): string => LETTER_KINDS[kind] ?? kind;

/** The status of one letter to one recipient (the letter ledger). */
export const LETTER_STATUSES: Readonly<
  Record<string, { label: string; status: 'neutral' | 'valid' | 'warning' | 'error' }>
> = {
  sending: { label: 'Wordt verstuurd', status: 'neutral' },
  sent: { label: 'Verstuurd', status: 'valid' },
  refused: { label: 'Niet bezorgd: adres geweigerd', status: 'error' },
  'no-address': { label: 'Niet bezorgd: geen e-mailadres bekend', status: 'error' },
  'unknown-recipient': { label: 'Niet bezorgd: ontvanger onbekend', status: 'error' },
};

/** Why a letter did not arrive (the case's `deliveryProblems`). */
export const DELIVERY_REASONS: Readonly<Record<string, string>> = {
  refused: 'het adres werd geweigerd',
  'no-address': 'er is geen e-mailadres bekend',
  'unknown-recipient': 'de ontvanger is onbekend',
};

/**
 * To whom, from the ledger's reference: `client:<id>`, `client:<id>/carer:<n>`,
 * `coordinator:<id>`, `provider:<agbCode>`, `organisation:<id>`.
 */
export function recipientLabel(ref: string): string {
  const carer = /^client:([^/]+)\/carer:(\d+)$/.exec(ref);
  if (carer) return `Ouder of verzorger ${carer[2]} (cliënt ${carer[1]})`;
  const [role, ...rest] = ref.split(':');
  const id = rest.join(':');
  switch (role) {
    case 'client':
      return `Cliënt en gezin (${id})`;
    case 'coordinator':
      return `Coördinator (${id})`;
    case 'provider':
      return `Aanbieder (AGB ${id})`;
    case 'organisation':
      return `Organisatie (${id})`;
    default:
      return ref;
  }
}

/** Who did it, in the timeline. */
export const ACTOR_ROLES: Readonly<Record<string, string>> = {
  workflow: 'Het systeem',
  coordinator: 'Coördinator',
  'team-lead': 'Teamleider',
  ops: 'Beheer',
  provider: 'Aanbieder',
  'veilig-thuis': 'Veilig Thuis',
  gi: 'Gecertificeerde instelling',
};

/** What the audit trail records, in words: `command:agreeResults` → "Resultaten afgesproken". */
export function timelineActionLabel(action: string): string {
  if (action === 'start') return 'Traject gestart';
  const [kind, ...rest] = action.split(':');
  const what = rest.join(':');
  switch (kind) {
    case 'command':
      return COMMANDS[what]?.done ?? what;
    case 'deadline':
      return `Termijn: ${DUE_KINDS[what] ?? what}`;
    case 'letter':
      return `Brief verstuurd: ${letterKindLabel(what)}`;
    case 'undelivered':
      return `Brief niet bezorgd: ${letterKindLabel(what)}`;
    case 'retention':
      return what === 'destroyed-on-request'
        ? 'Persoonsgegevens vernietigd op verzoek'
        : 'Persoonsgegevens vernietigd (bewaartermijn voorbij)';
    default:
      return action;
  }
}
