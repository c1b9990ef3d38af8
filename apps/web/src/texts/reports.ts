/** Dutch names for the reports of team leads and ops (docs/reports.md), one place for them. */

/** The reports the werkplek shows, by the API's name: title, address and what it counts. */
export const REPORT_TEXTS = {
  caseload: {
    title: 'Caseload',
    slug: 'caseload',
    file: 'caseload',
    intro:
      'Per coördinator en per team: de zaken die open staan aan het eind van de periode, de zaken die in de periode liepen, en hoeveel er zijn gestart en afgesloten.',
  },
  'waiting-times': {
    title: 'Wachttijden',
    slug: 'wachttijden',
    file: 'wachttijden',
    intro:
      'Van de aanvraag tot de eerste beschikking, in kalenderdagen. Geteld: de zaken waarvan de eerste beschikking in de periode is afgegeven.',
  },
  overdue: {
    title: 'Te laat',
    slug: 'te-laat',
    file: 'te laat',
    intro:
      'Nu: de open zaken waarvan een termijn verstreken is, naar wat te laat is (de periode telt hier niet). In de periode: de vastgelegde evaluaties en hoeveel daarvan te laat waren.',
  },
  referrals: {
    title: 'Verwijzingen',
    slug: 'verwijzingen',
    file: 'verwijzingen',
    intro:
      'Toewijzingen aan zorgaanbieders en PGB-beschikkingen die in de periode ingaan, per periode en per productcategorie.',
  },
  'goal-attainment': {
    title: 'Doelrealisatie',
    slug: 'doelrealisatie',
    file: 'doelrealisatie',
    intro:
      'Voor de eindevaluaties die in de periode zijn vastgelegd: hoeveel van de doelen bereikt zijn, en bij hoeveel zaken alle doelen.',
  },
  'client-ratings': {
    title: 'Oordeel van cliënten',
    slug: 'clientoordeel',
    file: 'cliëntoordeel',
    intro:
      'De cliëntcheck na 3 maanden en de vragenlijsten: hoeveel er zijn gevraagd en beantwoord (de respons), en het gemiddelde cijfer van 1 tot 5 voor de hulp, het CJG en de coördinator.',
  },
} as const;

/** The moments at which clients are asked (client-ratings `question`). */
export const QUESTION_TEXTS: Record<string, string> = {
  'three-month-check': 'Cliëntcheck na 3 maanden',
  'questionnaire-midway': 'Tussentijdse vragenlijst',
  'questionnaire-end': 'Eindvragenlijst',
};

export function questionLabel(question: string): string {
  return QUESTION_TEXTS[question] ?? question;
}

/** A re-assessment batch's state (GET /reassessments, and `status` of its progress). */
export const BATCH_STATES: Record<string, string> = {
  selecting: 'Zaken zoeken',
  running: 'Bezig',
  done: 'Klaar',
  stopped: 'Gestopt voor het klaar was',
};

/** What became of a destruction request (DestructionDto `status`). */
export const DESTRUCTION_STATES: Record<string, string> = {
  destroyed: 'De persoonsgegevens zijn vernietigd.',
  'already-destroyed': 'Er was niets meer te vernietigen: dit verzoek was al uitgevoerd.',
  running:
    'De vernietiging loopt nog. Verstuur het verzoek later opnieuw om de uitkomst te zien; dat kan geen kwaad.',
};
