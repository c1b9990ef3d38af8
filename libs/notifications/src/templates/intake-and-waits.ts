import { ADVICE_CODES, REJECTION_GROUNDS, type LetterFacts } from '@cjg/domain';
import {
  aanbieder,
  bezwaarParagraphs,
  coordinatorName,
  datum,
  f,
  gemeente,
  type Templates,
} from './common';

/**
 * The letters of the intake's other two ends (advice, afwijzing) and of the waits that are never
 * silent (the referral and the provider's intake, the coordination decision, a family's answer):
 * rules of 2026-12, libs/domain/src/processes/trajectory/waits.ts and intake-outcomes.ts.
 */
type Kind =
  | 'referral'
  | 'provider-intake-reminder'
  | 'provider-intake-overdue'
  | 'coordination-decision-reminder'
  | 'coordination-decision-overdue'
  | 'client-no-response'
  | 'advice-given'
  | 'request-rejected';

const QUESTIONS: Record<string, string> = {
  'three-month-check': 'de 3-maandencheck (past de hulp?)',
  'questionnaire-midway': 'de vragenlijst halverwege de hulp',
  'questionnaire-end': 'de vragenlijst bij de afsluiting',
};

const college = (x: LetterFacts): string =>
  x.municipalityName
    ? `het college van burgemeester en wethouders van ${gemeente(x)}`
    : 'het college van burgemeester en wethouders van uw gemeente';

export const INTAKE_AND_WAIT_TEMPLATES: Templates<Kind> = {
  referral: (x) => [
    `Verwijzing naar ${aanbieder(x)}, casus ${f(x, 'caseNumber')}`,
    [
      `Het gezin in casus ${f(x, 'caseNumber')} heeft gekozen voor hulp van ${aanbieder(x)}. ${coordinatorName(x, 'De coördinator van het CJG')} heeft het gezin naar u verwezen.`,
      `Houd het intakegesprek en leg het ondersteuningsplan deel 2 vast, uiterlijk ${datum(f(x, 'intakeBy'))}.`,
      'Lukt dat niet? Neem dan contact op met de coördinator.',
    ],
  ],
  'provider-intake-reminder': (x) => [
    `Herinnering: intake casus ${f(x, 'caseNumber')} uiterlijk ${datum(f(x, 'intakeBy'))}`,
    [
      `De intake van ${aanbieder(x)} in casus ${f(x, 'caseNumber')} moet uiterlijk ${datum(f(x, 'intakeBy'))} vastgelegd zijn.`,
      'Het gezin wacht op de hulp. Leg de intake op tijd vast, of neem contact op met de coördinator.',
    ],
  ],
  'provider-intake-overdue': (x) => [
    `Intake te laat: casus ${f(x, 'caseNumber')}`,
    [
      `De intake van ${aanbieder(x)} in casus ${f(x, 'caseNumber')} had uiterlijk ${datum(f(x, 'intakeBy'))} vastgelegd moeten zijn.`,
      'De casus staat als te laat gemarkeerd. Coördinator: neem contact op met de zorgaanbieder en met het gezin.',
    ],
  ],
  'coordination-decision-reminder': (x) => [
    `Besluit over coördinatie nodig: casus ${f(x, 'caseNumber')}`,
    [
      `De beschikking in casus ${f(x, 'caseNumber')} is afgegeven. Besluit uiterlijk ${datum(f(x, 'dueAt'))} of het CJG de hulp coördineert en opvolgt.`,
    ],
  ],
  'coordination-decision-overdue': (x) => [
    `Besluit over coördinatie te laat: casus ${f(x, 'caseNumber')}`,
    [
      `Het besluit over coördinatie en opvolging in casus ${f(x, 'caseNumber')} was uiterlijk ${datum(f(x, 'dueAt'))} nodig.`,
      'De casus staat als te laat gemarkeerd. Neem het besluit zo snel mogelijk.',
    ],
  ],
  'client-no-response': (x) => [
    `Geen antwoord van het gezin: casus ${f(x, 'caseNumber')}`,
    [
      `Het gezin in casus ${f(x, 'caseNumber')} heeft ${QUESTIONS[f(x, 'question')] ?? 'een vraag van het CJG'} niet beantwoord, ook niet na een herinnering.`,
      'Neem contact op met het gezin om te horen hoe het gaat.',
    ],
  ],
  'advice-given': (x) => [
    `Ons advies over uw hulpvraag, casus ${f(x, 'caseNumber')}`,
    [
      'U heeft ons om hulp gevraagd. Samen hebben we gekeken wat u nodig heeft.',
      `Gespecialiseerde jeugdhulp is niet nodig. Ons advies: ${ADVICE_CODES[f(x, 'advice') as keyof typeof ADVICE_CODES] ?? 'zie de toelichting hieronder'}.`,
      ...(x.explanation ? [`Toelichting: ${f(x, 'explanation')}`] : []),
      // Whom to contact is the contact block's, under every letter.
      `Uw aanvraag bij ${gemeente(x)} is hiermee afgerond. Verandert er iets, of heeft u toch meer hulp nodig? U kunt altijd opnieuw hulp aanvragen.`,
    ],
  ],
  'request-rejected': (x) => [
    `Besluit op uw aanvraag voor jeugdhulp, casus ${f(x, 'caseNumber')}`,
    [
      `Namens ${college(x)} laten wij u weten dat uw aanvraag voor jeugdhulp (casus ${f(x, 'caseNumber')}) is afgewezen. Dit besluit is genomen op ${datum(f(x, 'decidedOn'))}.`,
      `Waarom: ${REJECTION_GROUNDS[f(x, 'ground') as keyof typeof REJECTION_GROUNDS] ?? 'zie de toelichting hieronder'} (Jeugdwet, artikel 2.3).`,
      ...(x.motivation ? [`Toelichting: ${f(x, 'motivation')}`] : []),
      ...bezwaarParagraphs(x, `het casusnummer ${f(x, 'caseNumber')}`),
    ],
    undefined,
    { decision: true },
  ],
};
