import type { LetterFacts, VEILIG_THUIS_LETTER_KINDS } from '@cjg/domain';
import { datum, f, gemeente, type Templates } from './common';

type Kind = (typeof VEILIG_THUIS_LETTER_KINDS)[number];

const URGENCY: Record<string, string> = { regular: 'regulier', urgent: 'spoed' };

const HANDOVER_TYPES: Record<string, string> = {
  afschaling:
    'Veilig Thuis vindt de situatie voldoende veilig om de casus af te schalen naar het CJG.',
  'tijdens-onderzoek': 'Veilig Thuis vraagt de inzet van het CJG tijdens zijn onderzoek.',
};

/** The reasons a refusal may have; the last three only in handovers refused before issue 17. */
const REFUSAL_REASONS: Record<string, string> = {
  'outside-region': 'het gezin woont buiten de gemeenten waarvoor het CJG werkt',
  'not-competent': 'het CJG is voor deze casus niet bevoegd (zie de toelichting)',
  'not-safe-enough':
    'de situatie is naar ons oordeel nog niet veilig genoeg voor het vrijwillig kader',
  'care-elsewhere': 'een andere organisatie voert de regie over de hulp aan dit gezin',
  other: 'een andere reden (zie de toelichting)',
};

const WITHDRAWAL_REASONS: Record<string, string> = {
  'veilig-thuis-continues': 'Veilig Thuis houdt de casus zelf in behandeling',
  'family-moved': 'het gezin is verhuisd',
  'in-error': 'de overdracht is ten onrechte of dubbel gedaan',
};

/** The case as every letter names it: the CJG's handover number and Veilig Thuis's reference. */
const ref = (x: LetterFacts) =>
  `overdracht ${f(x, 'caseNumber')} (Veilig Thuis-kenmerk ${f(x, 'reference')})`;

/** `24 november 2026` or `24 november 2026 om 14:30`. */
const when = (x: LetterFacts) =>
  `${datum(f(x, 'date'))}${f(x, 'time') ? ` om ${f(x, 'time')}` : ''}`;

/**
 * A free text the letters activity read from PostgreSQL at send time (one item per line), as
 * paragraphs under a heading; without it (never sent that way) a pointer to the file.
 */
function items(x: LetterFacts, key: string, heading: string): string[] {
  const text = f(x, key).trim();
  if (!text) return [`${heading}: zie het dossier van ${ref(x)}.`];
  return [`${heading}:`, ...text.split('\n').map((line) => `• ${line.trim()}`)];
}

/** The letters of the Veilig Thuis warm handover, in Dutch. */
export const VEILIG_THUIS_TEMPLATES: Templates<Kind> = {
  'vt-handover-received': (x) => [
    `Nieuwe overdracht van Veilig Thuis: ${f(x, 'caseNumber')}`,
    [
      `Veilig Thuis heeft een casus aan het CJG overgedragen: ${ref(x)}, ${gemeente(x)}, urgentie ${URGENCY[f(x, 'urgency')] ?? f(x, 'urgency')}.`,
      HANDOVER_TYPES[f(x, 'handoverType')] ?? '',
      `Accepteer de overdracht en wijs een coördinator toe, of weiger haar met een reden, uiterlijk ${datum(f(x, 'acceptDueDate'))}.`,
    ].filter(Boolean),
  ],
  'vt-receipt': (x) => [
    `Ontvangstbevestiging overdracht ${f(x, 'caseNumber')}`,
    [
      `Het CJG heeft uw overdracht ontvangen en geregistreerd als ${ref(x)}.`,
      `Uiterlijk ${datum(f(x, 'acceptDueDate'))} laten we u weten welke coördinator de casus oppakt, of waarom wij haar niet overnemen.`,
    ],
  ],
  'vt-acceptance-reminder': (x) => [
    `Herinnering: overdracht accepteren of weigeren, ${f(x, 'caseNumber')}`,
    [
      `De ${ref(x)} is nog niet geaccepteerd of geweigerd. Dat moet uiterlijk ${datum(f(x, 'dueDate'))} gebeuren.`,
      'Wijs een coördinator toe, of weiger de overdracht met een reden. Gebeurt dat niet op tijd, dan hoort Veilig Thuis dat wij te laat zijn.',
    ],
  ],
  'vt-acceptance-overdue': (x) => [
    `Overdracht nog niet geaccepteerd: ${f(x, 'caseNumber')}`,
    [
      `De ${ref(x)} had uiterlijk ${datum(f(x, 'dueDate'))} geaccepteerd of geweigerd moeten zijn. Dat is niet gebeurd.`,
      'Wijs vandaag een coördinator toe of weiger de overdracht met een reden. Veilig Thuis is op de hoogte gebracht van de vertraging.',
    ],
  ],
  'vt-acceptance-delayed': (x) => [
    `Vertraging bij overdracht ${f(x, 'caseNumber')}`,
    [
      `Wij hadden u uiterlijk ${datum(f(x, 'dueDate'))} laten weten wie de ${ref(x)} oppakt. Dat is ons niet gelukt.`,
      'De teamleider is ingeschakeld; u hoort zo snel mogelijk van ons. Bel ons gerust als de veiligheid van het gezin dat vraagt.',
    ],
  ],
  'vt-accepted': (x) => [
    `Overdracht geaccepteerd: ${f(x, 'caseNumber')}`,
    [
      `Het CJG neemt de ${ref(x)} over. ${x.coordinatorName ? `Coördinator ${f(x, 'coordinatorName')}` : 'Een coördinator van het CJG'} neemt contact met u op om de warme overdracht met het gezin te plannen.`,
      `De warme overdracht vindt uiterlijk ${datum(f(x, 'meetingDueDate'))} plaats.`,
    ],
  ],
  'vt-coordinator-assigned': (x) => [
    `U bent coördinator van overdracht ${f(x, 'caseNumber')}`,
    [
      `U bent toegewezen aan de ${ref(x)}, urgentie ${URGENCY[f(x, 'urgency')] ?? f(x, 'urgency')}.`,
      HANDOVER_TYPES[f(x, 'handoverType')] ?? '',
      `Plan de warme overdracht met het gezin en Veilig Thuis, zo nodig als gezamenlijk huisbezoek; zij moet uiterlijk ${datum(f(x, 'meetingDueDate'))} plaatsvinden.`,
      ...items(x, 'safetyConditions', 'Veiligheidsvoorwaarden van Veilig Thuis'),
      ...(f(x, 'monitoringAgreementsTextId') || f(x, 'monitoringAgreements')
        ? items(x, 'monitoringAgreements', 'Afspraken over monitoring')
        : []),
    ].filter(Boolean),
  ],
  'vt-refused': (x) => [
    `Overdracht niet overgenomen: ${f(x, 'caseNumber')}`,
    [
      `Het CJG neemt de ${ref(x)} niet over: ${REFUSAL_REASONS[f(x, 'reason')] ?? f(x, 'reason')}.`,
      ...(f(x, 'explanationTextId') || f(x, 'explanation')
        ? items(x, 'explanation', 'Toelichting')
        : []),
      'De casus blijft bij Veilig Thuis. Neem contact met ons op als u hierover wilt overleggen.',
    ],
  ],
  'vt-refusal-escalated': (x) => [
    `Overdracht geweigerd: ${f(x, 'caseNumber')}`,
    [
      `Het CJG heeft de ${ref(x)} niet overgenomen: ${REFUSAL_REASONS[f(x, 'reason')] ?? f(x, 'reason')}. Veilig Thuis heeft hierover een brief gekregen.`,
      ...(f(x, 'explanationTextId') || f(x, 'explanation')
        ? items(x, 'explanation', 'Toelichting')
        : []),
      'Het CJG weigert een overdracht alleen als het gezin buiten de regio woont of als het CJG niet bevoegd is; of de situatie veilig genoeg is, beoordeelt Veilig Thuis. Klopt de weigering niet, neem dan vandaag contact op met Veilig Thuis.',
    ],
  ],
  'vt-meeting-planned': (x) => [
    `${x.moved ? 'Nieuwe datum warme overdracht' : 'Uitnodiging warme overdracht'}: ${f(x, 'caseNumber')}`,
    [
      `${x.moved ? 'De warme overdracht is verplaatst naar' : 'De warme overdracht vindt plaats op'} ${when(x)}, met het gezin, Veilig Thuis en de coördinator van het CJG. Het gaat om de ${ref(x)}.`,
      x.jointHomeVisit
        ? 'Het gesprek is een gezamenlijk huisbezoek van Veilig Thuis en het CJG bij het gezin thuis.'
        : 'Het gesprek vindt plaats op een locatie die de coördinator met u afstemt.',
      'In het gesprek maken we samen afspraken over de veiligheid en de hulp. Die afspraken ontvangt iedereen daarna op schrift.',
    ],
  ],
  'vt-meeting-reminder': (x) => [
    `Herinnering warme overdracht: ${f(x, 'caseNumber')}`,
    [
      `De warme overdracht van de ${ref(x)} moet uiterlijk ${datum(f(x, 'dueDate'))} plaatsvinden.`,
      x.planned
        ? `Zij staat gepland op ${datum(f(x, 'date'))}. Leg de afspraken vast zodra zij is gehouden.`
        : 'Zij is nog niet gepland. Plan haar met het gezin en Veilig Thuis.',
    ],
  ],
  'vt-meeting-overdue': (x) => [
    `Warme overdracht te laat: ${f(x, 'caseNumber')}`,
    [
      `De warme overdracht van de ${ref(x)} had uiterlijk ${datum(f(x, 'dueDate'))} plaats moeten vinden${x.coordinatorName ? ` (coördinator ${f(x, 'coordinatorName')})` : ''}.`,
      x.planned
        ? `Zij stond gepland op ${datum(f(x, 'date'))}, maar er zijn nog geen afspraken vastgelegd.`
        : 'Zij is nog niet gepland.',
      'Plan of houd de overdracht zo snel mogelijk en leg de afspraken vast; de casus staat als te laat gemarkeerd.',
    ],
  ],
  'vt-agreements': (x) => [
    `Afspraken warme overdracht: ${f(x, 'caseNumber')}`,
    [
      `Op ${datum(f(x, 'heldOn'))} vond de warme overdracht plaats${x.jointHomeVisit ? ' als gezamenlijk huisbezoek' : ''}. Het gaat om de ${ref(x)}. Hieronder staan de afspraken die we samen hebben gemaakt.`,
      ...items(x, 'agreements', 'Afspraken'),
      // The family's copy (family-letters.ts in libs/domain): that there are safety agreements
      // and whom to ask, not what they say.
      ...(x.safetyAgreementsWithheld
        ? [
            `Veilig Thuis heeft ook veiligheidsafspraken met het CJG gemaakt over uw gezin. Die zijn in het gesprek met u besproken en staan niet in deze brief. Heeft u er vragen over, neem dan contact op met ${x.coordinatorName ? `uw coördinator ${f(x, 'coordinatorName')}` : 'uw coördinator van het CJG'}.`,
          ]
        : [
            ...items(x, 'safetyConditions', 'Veiligheidsvoorwaarden'),
            ...(f(x, 'monitoringAgreementsTextId') || f(x, 'monitoringAgreements')
              ? items(x, 'monitoringAgreements', 'Monitoring')
              : []),
          ]),
      `Uiterlijk ${datum(f(x, 'feedbackDueDate'))} laat het CJG weten hoe de hulp verder gaat. Klopt iets niet in deze afspraken, neem dan contact op met de coördinator.`,
    ],
  ],
  'vt-feedback': (x) => [
    `Terugkoppeling overdracht ${f(x, 'caseNumber')}`,
    [
      f(x, 'decision') === 'trajectory'
        ? `Na de warme overdracht start het CJG een toegangstraject voor specialistische jeugdhulp, casus ${f(x, 'trajectoryCaseNumber')}${x.coordinatorName ? `, met coördinator ${f(x, 'coordinatorName')}` : ''}.`
        : 'Na de warme overdracht is geen specialistische jeugdhulp nodig. Het gezin gaat verder met ondersteuning uit de basisvoorzieningen (het voorliggend veld).',
      `Dit is de terugkoppeling van het CJG over de ${ref(x)}. De gemaakte afspraken blijven gelden.`,
    ],
  ],
  'vt-feedback-reminder': (x) => [
    `Herinnering: terugkoppeling aan Veilig Thuis, ${f(x, 'caseNumber')}`,
    [
      `${x.heldOn ? `Op ${datum(f(x, 'heldOn'))} vond de warme overdracht plaats. ` : ''}Veilig Thuis hoort uiterlijk ${datum(f(x, 'dueDate'))} hoe de hulp na de ${ref(x)} verder gaat.`,
      'Start een toegangstraject of sluit af met basisondersteuning; Veilig Thuis krijgt dan vanzelf de terugkoppeling. Lukt dat niet op tijd, dan hoort de teamleider het.',
    ],
  ],
  'vt-feedback-overdue': (x) => [
    `Terugkoppeling aan Veilig Thuis te laat: ${f(x, 'caseNumber')}`,
    [
      `Na de warme overdracht van de ${ref(x)} had uiterlijk ${datum(f(x, 'dueDate'))} besloten moeten zijn hoe de hulp verder gaat${x.coordinatorName ? ` (coördinator ${f(x, 'coordinatorName')})` : ''}.`,
      'Start een toegangstraject of sluit af met basisondersteuning; Veilig Thuis krijgt dan vanzelf de terugkoppeling.',
    ],
  ],
  'vt-withdrawn': (x) => [
    `Overdracht ingetrokken door Veilig Thuis: ${f(x, 'caseNumber')}`,
    [
      `Veilig Thuis heeft de ${ref(x)} ingetrokken: ${WITHDRAWAL_REASONS[f(x, 'reason')] ?? f(x, 'reason')}.`,
      'Het CJG onderneemt in deze overdracht geen verdere stappen; een geplande warme overdracht gaat niet door.',
    ],
  ],
};

const base = { caseNumber: 'VTH-2026-000123', reference: 'VT-2026-04711', urgency: 'regular' };
const SAFETY =
  'Vader woont tijdelijk elders\nGeen alcohol in huis\nSchool meldt verzuim dezelfde dag';
const MONITORING =
  'Veilig Thuis belt na 6 weken met moeder\nCJG bespreekt de voorwaarden maandelijks';

/**
 * One realistic set of facts per letter kind of this process, as renderLetter receives them:
 * the free texts (`safetyConditions`, `agreements`…) as the letters activity puts them in from
 * PostgreSQL in place of their `…TextId` (tests and documentation).
 */
export const VEILIG_THUIS_EXAMPLES: Record<Kind, LetterFacts> = {
  'vt-handover-received': {
    ...base,
    municipalityCode: '0957',
    handoverType: 'afschaling',
    acceptDueDate: '2026-12-01',
  },
  'vt-receipt': { ...base, acceptDueDate: '2026-12-01' },
  'vt-acceptance-reminder': { ...base, dueDate: '2026-12-01' },
  'vt-acceptance-overdue': { ...base, dueDate: '2026-12-01' },
  'vt-acceptance-delayed': { ...base, dueDate: '2026-12-01' },
  'vt-accepted': { ...base, coordinatorId: 'coord-anna', meetingDueDate: '2026-12-14' },
  'vt-coordinator-assigned': {
    ...base,
    handoverType: 'afschaling',
    meetingDueDate: '2026-12-14',
    safetyConditionsTextId: '6f1c2a9e-3b0d-4c1e-9a57-2d8e4f0b7c11',
    safetyConditions: SAFETY,
    monitoringAgreementsTextId: '0b7a9c3d-5e21-4f6a-8d90-1c2b3a4d5e6f',
    monitoringAgreements: MONITORING,
  },
  'vt-refused': {
    ...base,
    reason: 'outside-region',
    explanationTextId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    explanation: 'Het gezin woont sinds oktober in Venlo',
  },
  'vt-refusal-escalated': {
    ...base,
    reason: 'not-competent',
    explanationTextId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    explanation: 'In het gezin woont geen jeugdige; de vraag hoort bij het Wmo-loket',
  },
  'vt-meeting-planned': {
    ...base,
    date: '2026-12-08',
    time: '14:30',
    jointHomeVisit: true,
    moved: false,
  },
  'vt-meeting-reminder': { ...base, dueDate: '2026-12-14', planned: true, date: '2026-12-08' },
  'vt-meeting-overdue': {
    ...base,
    dueDate: '2026-12-14',
    coordinatorId: 'coord-anna',
    planned: false,
  },
  'vt-agreements': {
    ...base,
    heldOn: '2026-12-08',
    jointHomeVisit: true,
    agreementsTextId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
    agreements:
      'Moeder meldt zich bij de huisarts\nDe coördinator komt elke twee weken langs\nVader ziet de kinderen alleen onder begeleiding',
    safetyConditionsTextId: '6f1c2a9e-3b0d-4c1e-9a57-2d8e4f0b7c11',
    safetyConditions: SAFETY,
    monitoringAgreementsTextId: '0b7a9c3d-5e21-4f6a-8d90-1c2b3a4d5e6f',
    monitoringAgreements: MONITORING,
    feedbackDueDate: '2026-12-15',
    coordinatorId: 'coord-anna',
  },
  'vt-feedback': {
    ...base,
    decision: 'trajectory',
    trajectoryCaseNumber: 'CJG-2026-000123',
    coordinatorId: 'coord-anna',
  },
  'vt-feedback-reminder': { ...base, dueDate: '2026-12-15', heldOn: '2026-12-08' },
  'vt-feedback-overdue': { ...base, dueDate: '2026-12-15', coordinatorId: 'coord-anna' },
  'vt-withdrawn': { ...base, reason: 'veilig-thuis-continues' },
};
