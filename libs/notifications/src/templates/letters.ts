import {
  providerNameKey,
  toewijzingPrefix,
  type LetterFacts,
  type LetterKind,
  type Recipient,
  type TRAJECTORY_LETTER_KINDS,
} from '@cjg/domain';
import { htmlLetter, type Letter, type LetterLink } from '../letter';
import {
  aanbieder,
  bezwaarParagraphs,
  contactParagraphs,
  datum,
  euro,
  f,
  omvangInWords,
  productInWords,
  toewijzingCount,
  vanGemeente,
  type Templates,
} from './common';
import { SCHAKELOVERLEG_TEMPLATES } from './schakeloverleg';
import { VEILIG_THUIS_TEMPLATES } from './veilig-thuis';
import { VTO_TEMPLATES } from './vto';
import { intakeRegistered } from './intake-registered';
import { INTAKE_AND_WAIT_TEMPLATES } from './intake-and-waits';

/** What a review decided (001), as the family reads it. */
const REVIEW_DECISIONS_IN_WORDS: Record<string, string> = {
  continue: 'De hulp gaat door zoals afgesproken.',
  afschalen:
    'Het gaat goed genoeg om de hulp af te schalen. Het CJG volgt de hulp daarom minder vaak op.',
  opschalen: 'Er is meer nodig. Het CJG volgt de hulp daarom vaker op.',
  end: 'De hulp kan stoppen. Eerst maken we samen met de zorgaanbieder de eindevaluatie.',
};

const decisions: Record<string, string> = {
  close: 'het traject wordt afgesloten',
  vervolgtraject: 'er volgt een vervolgtraject',
  withdrawn: 'het traject is afgebroken',
  advice: 'gespecialiseerde jeugdhulp is niet nodig; het gezin heeft een advies gekregen',
  rejected: 'de aanvraag is afgewezen',
};

/** The answer form of a client's letter, when the letter carries a link (see sendLetter). */
function answerLink(x: LetterFacts, label: string): LetterLink | undefined {
  const url = f(x, 'answerUrl');
  return url ? { label, url } : undefined;
}

/** Why a trajectory started by a Schakeloverleg transfer must decide early (decide-before.ts). */
const MEASURE_ENDS =
  'dan eindigt de maatregel in het gedwongen kader en gaat de hulp verder in het vrijwillig kader.';

const LETTER_NAMES: Partial<Record<LetterKind, string>> = {
  'plan-deel-1': 'ondersteuningsplan deel 1',
  'beschikking-issued': 'beschikking',
  'coordination-decision': 'besluit over coördinatie en opvolging',
  'three-month-check': '3-maandencheck',
  questionnaire: 'vragenlijst cliëntervaring',
  'evaluation-request': 'verzoek om eindevaluatie',
  'evaluation-reminder': 'herinnering eindevaluatie',
  'reassessment-outcome': 'uitkomst herbeoordeling',
  'trajectory-ended': 'einde traject',
  'vto-parents-informed': 'schriftelijk verzoek tot onderzoek aan de ouders',
  'vto-decision': 'besluit van het beschermingsplein',
  'vto-agenda': 'agenda van het beschermingsplein',
};
const ROLE_NAMES: Record<string, string> = {
  client: 'de cliënt (ouders/jeugdige)',
  provider: 'zorgaanbieder',
  coordinator: 'de coördinator',
  organisation: 'de partnerorganisatie',
};
const DELIVERY_REASONS: Record<string, string> = {
  refused: 'de mailserver weigert het adres',
  'no-address': 'er is geen e-mailadres bekend',
  'unknown-recipient': 'de ontvanger is niet geregistreerd',
};

/**
 * What a provider's intake asks beyond plan deel 1, in words: the domain records its reasons as
 * codes (`another product category`, `more omvang`, joined by ", "); an unknown one is named
 * generally rather than shown as it is.
 */
const DIVERGENCE_REASONS: Record<string, string> = {
  'another product category': 'een andere productcategorie',
  'more omvang': 'meer omvang',
};
const divergence = (facts: LetterFacts): string =>
  f(facts, 'reasons')
    .split(', ')
    .filter(Boolean)
    .map((reason) => DIVERGENCE_REASONS[reason] ?? 'andere inzet')
    .join(' en ') || 'andere inzet';

/**
 * The beschikking (ZIN toewijzing, PGB toekenning, or its verlenging) as a decision (Awb 3:46,
 * 3:45): on whose behalf, what is granted (product, omvang, provider, period, budget), why, and
 * how to object. Plain Dutch (B1): short sentences, the reader addressed as "u".
 */
function beschikking(x: LetterFacts): string[] {
  const pgb = f(x, 'kind') === 'pgb';
  const count = toewijzingCount(x);
  const items = Array.from({ length: count }, (_, i) => i + 1);
  const namens = `namens het college van burgemeester en wethouders ${vanGemeente(x)}`;
  const besluit = x.verlenging
    ? `Het Centrum voor Jeugd en Gezin (CJG) heeft ${namens} besloten de jeugdhulp te verlengen. Dit is de beschikking met nummer ${f(x, 'beschikkingNumber')}.`
    : `Het Centrum voor Jeugd en Gezin (CJG) heeft ${namens} besloten over uw aanvraag voor jeugdhulp. Dit is de beschikking met nummer ${f(x, 'beschikkingNumber')}.`;
  const wat = pgb
    ? [
        `U krijgt een persoonsgebonden budget (pgb) van ${euro(Number(x.budgetEuro))}. Met dit budget regelt en betaalt u de hulp zelf.`,
        ...(count > 0
          ? [
              `Het budget is voor de hulp uit deel 1 van uw ondersteuningsplan: ${items
                .map((n) => `${productInWords(x, n)}, ${omvangInWords(x, n)}`)
                .join('; ')}.`,
            ]
          : []),
      ]
    : [
        'U krijgt jeugdhulp in natura. De gemeente regelt en betaalt de hulp bij de zorgaanbieder.',
        ...items.map(
          (n) =>
            `U krijgt ${productInWords(x, n)}: ${omvangInWords(x, n)}, van ${f(x, providerNameKey(`${toewijzingPrefix(n)}AgbCode`)) || 'de zorgaanbieder'}.`,
        ),
      ];
  const waarom = x.motivation
    ? [`Waarom wij dit besluiten: ${f(x, 'motivation')}`]
    : [
        'Waarom wij dit besluiten: samen met u hebben wij in deel 1 van het ondersteuningsplan afgesproken welke resultaten de hulp moet opleveren. Om die resultaten te bereiken is deze hulp nodig.',
      ];
  return [
    besluit,
    ...wat,
    `De beschikking geldt van ${datum(f(x, 'startDate'))} tot en met ${datum(f(x, 'endDate'))}.`,
    ...waarom,
    'Wij nemen dit besluit op grond van de Jeugdwet: de hulp is een individuele voorziening (artikel 2.3).',
    ...bezwaarParagraphs(x, 'het nummer van deze beschikking'),
  ];
}

/** Subject and body paragraphs (after the greeting) of the trajectory's letters, in Dutch. */
const TRAJECTORY_TEMPLATES: Templates<(typeof TRAJECTORY_LETTER_KINDS)[number]> = {
  'intake-registered': intakeRegistered,
  'plan-deel-1': (x) => [
    `Uw ondersteuningsplan (deel 1), casus ${f(x, 'caseNumber')}`,
    [
      `Samen hebben we ${f(x, 'results')} resultaat/resultaten afgesproken die de hulp moet opleveren. Die staan in deel 1 van uw ondersteuningsplan.`,
      'De volgende stap is het intakegesprek met de zorgaanbieder. Die beschrijft in deel 2 hoe hij aan deze resultaten gaat werken.',
    ],
  ],
  'divergence-alert': (x) => [
    `Afwijking in de intake van ${aanbieder(x)}, casus ${f(x, 'caseNumber')}`,
    [
      `De intake (ondersteuningsplan deel 2) van ${aanbieder(x)} vraagt om ${divergence(x)} dan in deel 1 is vastgesteld.`,
      'De inzet bepaalt het CJG. Accepteer of weiger deze afwijking voordat de beschikking wordt afgegeven.',
    ],
  ],
  'beschikking-issued': (x) => [
    `${x.verlenging ? 'Verlenging beschikking' : 'Beschikking'} ${f(x, 'beschikkingNumber')}, casus ${f(x, 'caseNumber')}`,
    beschikking(x),
    undefined,
    { decision: true },
  ],
  'awb-warning': (x) => [
    `Beslistermijn loopt af: casus ${f(x, 'caseNumber')}`,
    x.decideBefore
      ? [
          `De beschikking in casus ${f(x, 'caseNumber')} moet er zijn vóór ${datum(f(x, 'decideBefore'))}: ${MEASURE_ENDS}`,
          'Geef de beschikking vóór die datum af, zodat de hulp zonder onderbreking doorgaat.',
        ]
      : [
          `De beslissing op de aanvraag in casus ${f(x, 'caseNumber')} moet uiterlijk ${datum(f(x, 'dueDate'))} genomen zijn (Awb 4:13).`,
          'Geef de beschikking af, of leg een verdaging vast (Awb 4:14) en laat de aanvrager weten waarom.',
        ],
  ],
  'awb-overdue': (x) => [
    `Beslistermijn verstreken: casus ${f(x, 'caseNumber')}`,
    x.decideBefore
      ? [
          `In casus ${f(x, 'caseNumber')}${x.coordinatorName ? ` (coördinator ${f(x, 'coordinatorName')})` : ''} is nog geen beschikking afgegeven, terwijl die er vóór ${datum(f(x, 'decideBefore'))} moest zijn: ${MEASURE_ENDS}`,
          'Zonder beschikking loopt de hulp vanaf die datum zonder besluit door. Neem vandaag een besluit; de casus staat als te laat gemarkeerd en de teamleider is op de hoogte gebracht.',
        ]
      : [
          `De beslistermijn in casus ${f(x, 'caseNumber')} is op ${datum(f(x, 'dueDate'))} verstreken zonder beschikking.`,
          'Neem zo snel mogelijk een besluit; de casus staat als te laat gemarkeerd.',
        ],
  ],
  'coordination-decision': (x) => [
    `Coördinatie en opvolging, casus ${f(x, 'caseNumber')}`,
    x.coordinate
      ? [
          'Het CJG blijft betrokken bij de hulp: wij coördineren en volgen de voortgang.',
          'Minimaal elk half jaar bekijken we samen of de resultaten behaald worden en of de hulp kan worden afgeschaald.',
        ]
      : [
          'Het CJG heeft besloten dat coördinatie en opvolging door het CJG in deze situatie niet nodig is.',
          'De zorgaanbieder blijft de hulp evalueren. U kunt altijd contact met ons opnemen.',
        ],
  ],
  'review-reminder': (x) => [
    `Tussentijdse evaluatie binnenkort: casus ${f(x, 'caseNumber')}`,
    [
      `De tussentijdse evaluatie van casus ${f(x, 'caseNumber')} is uiterlijk ${datum(f(x, 'dueAt'))} nodig.`,
    ],
  ],
  'review-overdue': (x) => [
    `Tussentijdse evaluatie te laat: casus ${f(x, 'caseNumber')}`,
    [
      `De tussentijdse evaluatie van casus ${f(x, 'caseNumber')} had op ${datum(f(x, 'dueAt'))} moeten plaatsvinden.`,
      'Plan de evaluatie zo snel mogelijk; de casus staat als te laat gemarkeerd.',
    ],
  ],
  'three-month-check': (x) => [
    `${x.reminder ? 'Herinnering: h' : 'H'}oe gaat het met de hulp? Casus ${f(x, 'caseNumber')}`,
    [
      ...(x.reminder ? ['We hebben nog geen antwoord van u gekregen op onze vraag.'] : []),
      'Drie maanden geleden is de hulp gestart. Wij willen graag weten of het de juiste hulp is en of die past bij wat u wilt bereiken.',
      x.answerUrl
        ? 'Laat het ons weten via de link hieronder (één vraag, ja of nee). Dan kunnen we zo nodig op tijd bijsturen.'
        : 'Laat het ons weten via uw coördinator, dan kunnen we zo nodig op tijd bijsturen.',
    ],
    answerLink(x, 'Beantwoord de vraag'),
  ],
  'not-fitting-alert': (x) => [
    `Hulp past niet: casus ${f(x, 'caseNumber')}`,
    [
      'Bij de 3-maandencheck gaf de cliënt aan dat de hulp niet past bij het doel. Neem contact op om bij te sturen.',
    ],
  ],
  questionnaire: (x) => [
    `${x.reminder ? 'Herinnering: u' : 'U'}w ervaring met de hulp${f(x, 'moment') === 'end' ? ' (afsluiting)' : ''}, casus ${f(x, 'caseNumber')}`,
    [
      ...(x.reminder ? ['We hebben uw cijfer nog niet ontvangen.'] : []),
      'Wij horen graag hoe u de hulp ervaart. Geef drie cijfers van 1 (slecht) tot 5 (heel goed): voor de hulp van de zorgaanbieder, voor het CJG en voor uw coördinator.',
      'Uw antwoord helpt ons de hulp voor iedereen beter te maken.',
    ],
    answerLink(x, 'Geef uw cijfer'),
  ],
  'delivery-failed': (x) => [
    `Bericht niet bezorgd: casus ${f(x, 'caseNumber')}`,
    [
      `Het bericht "${LETTER_NAMES[f(x, 'letter') as LetterKind] ?? f(x, 'letter')}" aan ${ROLE_NAMES[f(x, 'recipientRole')] ?? f(x, 'recipientRole')}${x.providerName ? ` ${f(x, 'providerName')}` : ''} in casus ${f(x, 'caseNumber')} kon niet worden bezorgd: ${DELIVERY_REASONS[f(x, 'reason')] ?? f(x, 'reason')}.`,
      'Controleer de contactgegevens en breng de ontvanger zo nodig op een andere manier op de hoogte. Het bericht wordt niet opnieuw verstuurd.',
    ],
  ],
  'evaluation-request': (x) => [
    `Eindevaluatie nodig: casus ${f(x, 'caseNumber')}`,
    [
      f(x, 'trigger') === 'withdrawal'
        ? `Het gezin in casus ${f(x, 'caseNumber')} stopt met de hulp${x.reason ? ` (${f(x, 'reason')})` : ''}.`
        : `De gespecialiseerde hulp in casus ${f(x, 'caseNumber')} eindigt${x.reason ? ` (${f(x, 'reason')})` : ''}.`,
      'Een eindevaluatie is altijd nodig: welke resultaten zijn behaald? Lever uw evaluatie aan.',
    ],
  ],
  'evaluation-reminder': (x) => [
    `Herinnering ${f(x, 'reminder')}: eindevaluatie casus ${f(x, 'caseNumber')}`,
    [
      `De eindevaluatie van casus ${f(x, 'caseNumber')} ontbreekt nog. Lever deze zo snel mogelijk aan.`,
    ],
  ],
  'reassessment-request': (x) => [
    `${x.reminder ? 'Herinnering: h' : 'H'}erbeoordeling opvolging: casus ${f(x, 'caseNumber')}`,
    [
      `Door een beleidswijziging beoordelen we opnieuw of coördinatie en opvolging in casus ${f(x, 'caseNumber')} nog nodig is.`,
      `Leg uw besluit uiterlijk ${datum(f(x, 'decideBy'))} vast.`,
    ],
  ],
  'reassessment-outcome': (x) => [
    `Opvolging door het CJG, casus ${f(x, 'caseNumber')}`,
    [
      x.followUpNeeded
        ? 'Het CJG blijft de hulp coördineren en opvolgen zoals nu.'
        : 'Het CJG stopt met de coördinatie en opvolging. De zorgaanbieder blijft de hulp evalueren.',
    ],
  ],
  'samenloop-alert': (x) => [
    `Samenloop in een gezin: ${f(x, 'caseNumbers')}`,
    [
      `In dit gezin zijn nu ${f(x, 'providers')} zorgaanbieders tegelijk actief (casussen ${f(x, 'caseNumbers')}).`,
      ...(x.namedByMunicipalityName
        ? [
            `De gemeente ${f(x, 'namedByMunicipalityName')} heeft dit gezin ook zelf bij het CJG genoemd.`,
          ]
        : []),
      // 004: further talks only with the family's full consent.
      f(x, 'consent') === 'given'
        ? `Het gezin heeft op ${datum(f(x, 'consentOn'))} ingestemd met een gesprek over de hulp. Stem samen af volgens 1Gezin1Plan.`
        : f(x, 'consent') === 'refused'
          ? `Het gezin heeft op ${datum(f(x, 'consentOn'))} laten weten geen gesprek te willen. Bespreek het gezin niet verder met de zorgaanbieders.`
          : 'Het gezin heeft nog niet ingestemd. Neem eerst contact op met het gezin en vraag of het een gesprek over de hulp wil; bespreek het gezin pas daarna met de zorgaanbieders, en leg het antwoord vast.',
    ],
  ],
  'trajectory-ended': (x) => [
    `Einde traject, casus ${f(x, 'caseNumber')}`,
    [
      `Het traject is beëindigd: ${decisions[f(x, 'decision')] ?? f(x, 'decision')}.`,
      'Dank voor de samenwerking.',
    ],
  ],
  'review-outcome': (x) => [
    `Uitkomst van de tussentijdse evaluatie, casus ${f(x, 'caseNumber')}`,
    [
      `We hebben samen bekeken hoe het gaat met de hulp. Van de ${f(x, 'total')} resultaten uit deel 1 van het ondersteuningsplan zijn er ${f(x, 'reached')} behaald en ${f(x, 'partly')} voor een deel behaald.`,
      REVIEW_DECISIONS_IN_WORDS[f(x, 'decision')] ?? 'De hulp gaat door zoals afgesproken.',
      ...(x.nextReviewDue
        ? [`De volgende tussentijdse evaluatie is uiterlijk ${datum(f(x, 'nextReviewDue'))}.`]
        : []),
    ],
  ],
  ...INTAKE_AND_WAIT_TEMPLATES,
};

/** Every process's templates, one per letter kind (the compiler checks none is missing). */
const BODIES: Templates<LetterKind> = {
  ...TRAJECTORY_TEMPLATES,
  ...VEILIG_THUIS_TEMPLATES,
  ...SCHAKELOVERLEG_TEMPLATES,
  ...VTO_TEMPLATES,
};

/**
 * Renders one letter for one addressee: "Beste <name>," (the carer, the young person or the
 * professional, read from PostgreSQL at send time), the body, where to ask questions, and the
 * closing; a decision is signed by the municipality's signatory when one is registered.
 */
export function renderLetter(
  kind: LetterKind,
  facts: LetterFacts,
  recipientName: string,
  recipientRole?: Recipient['role'],
): Letter {
  const [subject, body, link, options] = BODIES[kind](facts);
  const signatory = [f(facts, 'signatoryName'), f(facts, 'signatoryFunction')].filter(Boolean);
  const paragraphs = [
    `Beste ${recipientName},`,
    ...(options?.decision && recipientRole === 'provider'
      ? [
          'U krijgt een kopie van dit besluit, omdat u de zorgaanbieder bent. De brief is gericht aan de ouders of verzorgers.',
        ]
      : []),
    ...body,
    ...contactParagraphs(facts),
    'Met vriendelijke groet,',
    ...(options?.decision && signatory.length > 0 ? [signatory.join(', ')] : []),
    'Centrum voor Jeugd en Gezin',
  ];
  const text = link
    ? [...paragraphs.slice(0, 3), `${link.label}: ${link.url}`, ...paragraphs.slice(3)]
    : paragraphs;
  return {
    subject,
    text: text.join('\n\n') + '\n',
    html: htmlLetter(subject, paragraphs, link && { ...link, after: 2 }),
  };
}
