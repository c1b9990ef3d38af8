import {
  isAgbCodeFact,
  providerNameKey,
  type LetterFacts,
  type LetterKind,
  type TRAJECTORY_LETTER_KINDS,
} from '@cjg/domain';
import { SCHAKELOVERLEG_EXAMPLES } from './schakeloverleg';
import { VEILIG_THUIS_EXAMPLES } from './veilig-thuis';
import { VTO_EXAMPLES } from './vto';

/** The first toewijzing of the examples' beschikking: 4 hours a week of ambulant care. */
const AMBULANT_BIJ_JEUGDHULP_ZUID = {
  toewijzing1AgbCode: '12345678',
  toewijzing1ProductCategory: '45',
  toewijzing1ProductCode: '45A13',
  toewijzing1Volume: 4,
  toewijzing1Unit: '04',
  toewijzing1Frequency: '2',
};

/**
 * One realistic set of facts per letter kind, as the trajectory and family workflows hand them
 * to sendLetter: for the rendering tests, the end-to-end test that sends every kind through a
 * real SMTP server, and the documentation.
 */
const TRAJECTORY_EXAMPLES: Record<(typeof TRAJECTORY_LETTER_KINDS)[number], LetterFacts> = {
  'intake-registered': { caseNumber: 'CJG-2026-000123', municipalityCode: '0957' },
  'plan-deel-1': { caseNumber: 'CJG-2026-000123', results: 2, productCategory: '45' },
  'divergence-alert': {
    caseNumber: 'CJG-2026-000123',
    agbCode: '12345678',
    reasons: 'more omvang',
  },
  'beschikking-issued': {
    caseNumber: 'CJG-2026-000123',
    beschikkingNumber: 'B-2026-001',
    kind: 'zin',
    startDate: '2026-12-01',
    endDate: '2027-11-30',
    municipalityCode: '0957',
    coordinatorId: 'coord-anna',
    toewijzingen: 1,
    ...AMBULANT_BIJ_JEUGDHULP_ZUID,
  },
  'awb-warning': { caseNumber: 'CJG-2026-000123', dueDate: '2027-01-18' },
  'awb-overdue': { caseNumber: 'CJG-2026-000123', dueDate: '2027-01-18' },
  'coordination-decision': { caseNumber: 'CJG-2026-000123', coordinate: true },
  'review-reminder': { caseNumber: 'CJG-2026-000123', dueAt: '2027-06-01T07:00:00.000Z' },
  'review-overdue': { caseNumber: 'CJG-2026-000123', dueAt: '2027-06-01T07:00:00.000Z' },
  'three-month-check': {
    caseNumber: 'CJG-2026-000123',
    answerUrl: 'https://cjg.example/answers/CJG-2026-000123?token=abc.def',
  },
  'not-fitting-alert': { caseNumber: 'CJG-2026-000123' },
  questionnaire: {
    caseNumber: 'CJG-2026-000123',
    moment: 'midway',
    answerUrl: 'https://cjg.example/answers/CJG-2026-000123?token=abc.def',
  },
  'evaluation-request': { caseNumber: 'CJG-2026-000123', trigger: 'end-date', reason: 'einddatum' },
  'evaluation-reminder': { caseNumber: 'CJG-2026-000123', reminder: 1 },
  'reassessment-request': { caseNumber: 'CJG-2026-000123', decideBy: '2026-04-30' },
  'reassessment-outcome': { caseNumber: 'CJG-2026-000123', followUpNeeded: false, answered: true },
  'samenloop-alert': { familyId: 'fam-jansen', providers: 3, caseNumbers: 'CJG-2026-000123' },
  'trajectory-ended': { caseNumber: 'CJG-2026-000123', decision: 'close' },
  referral: {
    caseNumber: 'CJG-2026-000123',
    agbCode: '12345678',
    municipalityCode: '0957',
    coordinatorId: 'coord-anna',
    intakeBy: '2026-12-18',
  },
  'provider-intake-reminder': {
    caseNumber: 'CJG-2026-000123',
    agbCode: '12345678',
    coordinatorId: 'coord-anna',
    intakeBy: '2026-12-18',
  },
  'provider-intake-overdue': {
    caseNumber: 'CJG-2026-000123',
    agbCode: '12345678',
    coordinatorId: 'coord-anna',
    intakeBy: '2026-12-18',
  },
  'coordination-decision-reminder': {
    caseNumber: 'CJG-2026-000123',
    dueAt: '2026-12-15T07:00:00.000Z',
  },
  'coordination-decision-overdue': {
    caseNumber: 'CJG-2026-000123',
    dueAt: '2026-12-15T07:00:00.000Z',
  },
  'client-no-response': { caseNumber: 'CJG-2026-000123', question: 'three-month-check' },
  'review-outcome': {
    caseNumber: 'CJG-2026-000123',
    coordinatorId: 'coord-anna',
    decision: 'afschalen',
    reached: 1,
    partly: 1,
    total: 2,
    nextReviewDue: '2027-12-01T07:00:00.000Z',
  },
  'advice-given': {
    caseNumber: 'CJG-2026-000123',
    municipalityCode: '0957',
    coordinatorId: 'coord-anna',
    advice: 'voorliggend-veld',
    explanation: 'De opvoedcursus van het buurtteam past bij uw vraag.',
  },
  'request-rejected': {
    caseNumber: 'CJG-2026-000123',
    municipalityCode: '0957',
    coordinatorId: 'coord-anna',
    ground: 'voorliggende-voorziening',
    motivation: 'De training van het buurtteam is passend; jeugdhulp is niet nodig.',
    decidedOn: '2026-12-06',
  },
  'delivery-failed': {
    caseNumber: 'CJG-2026-000123',
    letter: 'plan-deel-1',
    recipientRole: 'client',
    reason: 'refused',
  },
};

export const LETTER_EXAMPLES: Record<LetterKind, LetterFacts> = {
  ...TRAJECTORY_EXAMPLES,
  ...VEILIG_THUIS_EXAMPLES,
  ...SCHAKELOVERLEG_EXAMPLES,
  ...VTO_EXAMPLES,
};

/**
 * The other forms of the decision letter (`beschikking-issued`): a PGB toekenning with a typed
 * motivation, and a verlenging of a ZIN toewijzing with two providers.
 */
export const DECISION_EXAMPLES: Record<'zin' | 'pgb' | 'verlenging', LetterFacts> = {
  zin: LETTER_EXAMPLES['beschikking-issued'],
  pgb: {
    caseNumber: 'CJG-2026-000124',
    beschikkingNumber: 'B-2026-002',
    kind: 'pgb',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    municipalityCode: '0957',
    coordinatorId: 'coord-anna',
    budgetEuro: 12000,
    toewijzingen: 1,
    toewijzing1ProductCategory: '54',
    toewijzing1Volume: 2,
    toewijzing1Unit: '16',
    toewijzing1Frequency: '2',
    motivationTextId: '3f1c2a9e-6d4b-4c8a-9f2e-1b7d5a0c8e42',
  },
  verlenging: {
    caseNumber: 'CJG-2026-000123',
    beschikkingNumber: 'B-2027-014',
    kind: 'zin',
    startDate: '2026-12-01',
    endDate: '2028-05-31',
    verlenging: true,
    municipalityCode: '0957',
    coordinatorId: 'coord-anna',
    toewijzingen: 2,
    ...AMBULANT_BIJ_JEUGDHULP_ZUID,
    toewijzing2AgbCode: '87654321',
    toewijzing2ProductCategory: '41',
    toewijzing2Volume: 1,
    toewijzing2Unit: '16',
    toewijzing2Frequency: '2',
  },
};

/**
 * What the registry of the examples holds, put in as the send path does (sendLetter, at send
 * time): the names behind the ids and codes, the municipality's details, the case's coordinator
 * as contact, and the typed motivation. For the tests and the documentation.
 */
export const EXAMPLE_REGISTRY = {
  coordinators: { 'coord-anna': { name: 'Anna de Vries', email: 'anna.devries@cjg.example' } },
  municipalities: {
    '0957': {
      name: 'Roermond',
      postalAddress: 'Postbus 900, 6040 AX Roermond',
      phone: '14 0475',
      email: 'jeugd@roermond.example',
      website: 'www.roermond.example',
      signatoryName: 'Petra Smeets',
      signatoryFunction: 'de teamleider toegang, namens deze',
      objectionAddress: 'Postbus 900, 6040 AX Roermond, t.a.v. de bezwaarcommissie',
    },
  },
  providers: { '12345678': 'Jeugdhulp Zuid', '87654321': 'Dagbehandeling De Linde' },
  texts: {
    '3f1c2a9e-6d4b-4c8a-9f2e-1b7d5a0c8e42':
      'U wilt de hulp zelf regelen bij een zorgverlener die uw zoon al kent. Dat past bij de afspraken in deel 1 van het ondersteuningsplan.',
  },
  /** The coordinator of every example's case, as sendLetter finds it in the read model. */
  caseCoordinatorId: 'coord-anna',
  caseMunicipalityCode: '0957',
} as const;

/** `facts` with what the send path would put in from EXAMPLE_REGISTRY. */
export function withExampleRegistry(facts: LetterFacts): LetterFacts {
  const r = EXAMPLE_REGISTRY;
  const out: LetterFacts = { ...facts };
  const coordinator =
    r.coordinators[String(facts.coordinatorId ?? r.caseCoordinatorId) as 'coord-anna'];
  if (facts.coordinatorId && coordinator) out.coordinatorName = coordinator.name;
  if (coordinator) {
    out.contactName = coordinator.name;
    out.contactEmail = coordinator.email;
  }
  const municipality =
    r.municipalities[String(facts.municipalityCode ?? r.caseMunicipalityCode) as '0957'];
  if (facts.municipalityCode && municipality) out.municipalityName = municipality.name;
  if (municipality) {
    out.contactMunicipalityName = municipality.name;
    out.contactAddress = municipality.postalAddress;
    out.contactPhone = municipality.phone;
    out.contactEmailAddress = municipality.email;
    out.contactWebsite = municipality.website;
    out.signatoryName = municipality.signatoryName;
    out.signatoryFunction = municipality.signatoryFunction;
    out.objectionAddress = municipality.objectionAddress;
  }
  for (const [key, value] of Object.entries(facts)) {
    if (isAgbCodeFact(key) && typeof value === 'string') {
      const name = r.providers[value as '12345678'];
      if (name) out[providerNameKey(key)] = name;
    }
    if (key.endsWith('TextId') && typeof value === 'string') {
      const text = r.texts[value as keyof typeof r.texts];
      if (text) out[key.slice(0, -'TextId'.length)] = text;
    }
  }
  return out;
}

// Who reads each kind in the documentation: the first of its recipients, and a parent for every
// letter the family gets (docs/letters.md shows a letter as a carer receives it).
const FAMILY = 'Maria Jansen';
const COORDINATOR = 'Anna de Vries';
const PROVIDER = 'Jeugdhulp Zuid';
const VEILIG_THUIS = 'Veilig Thuis Limburg';
const BESCHERMINGSPLEIN = 'Beschermingsplein Midden-Limburg';
const RAAD = 'Raad voor de Kinderbescherming';

/** The name each kind's example is addressed to in the documentation. */
export const EXAMPLE_ADDRESSEES: Record<LetterKind, string> = {
  'intake-registered': COORDINATOR,
  'plan-deel-1': FAMILY,
  'divergence-alert': COORDINATOR,
  'beschikking-issued': FAMILY,
  'awb-warning': COORDINATOR,
  'awb-overdue': COORDINATOR,
  'coordination-decision': FAMILY,
  'review-reminder': COORDINATOR,
  'review-overdue': COORDINATOR,
  'three-month-check': FAMILY,
  'not-fitting-alert': COORDINATOR,
  questionnaire: FAMILY,
  'evaluation-request': PROVIDER,
  'evaluation-reminder': PROVIDER,
  'reassessment-request': COORDINATOR,
  'reassessment-outcome': FAMILY,
  'samenloop-alert': COORDINATOR,
  'trajectory-ended': FAMILY,
  referral: PROVIDER,
  'provider-intake-reminder': PROVIDER,
  'provider-intake-overdue': COORDINATOR,
  'coordination-decision-reminder': COORDINATOR,
  'coordination-decision-overdue': COORDINATOR,
  'client-no-response': COORDINATOR,
  'advice-given': FAMILY,
  'request-rejected': FAMILY,
  'review-outcome': FAMILY,
  'delivery-failed': COORDINATOR,
  'so-proposed': COORDINATOR,
  'so-planning-reminder': COORDINATOR,
  'so-planning-overdue': COORDINATOR,
  'so-planned': FAMILY,
  'so-outcome-reminder': COORDINATOR,
  'so-outcome-overdue': COORDINATOR,
  'so-agreed': FAMILY,
  'so-not-agreed': FAMILY,
  'so-revisit-due': COORDINATOR,
  'so-measure-end-changed': FAMILY,
  'so-trajectory-started': FAMILY,
  'so-withdrawn': FAMILY,
  'so-lapsed': FAMILY,
  'vt-handover-received': COORDINATOR,
  'vt-receipt': VEILIG_THUIS,
  'vt-acceptance-reminder': COORDINATOR,
  'vt-acceptance-overdue': COORDINATOR,
  'vt-acceptance-delayed': VEILIG_THUIS,
  'vt-accepted': VEILIG_THUIS,
  'vt-coordinator-assigned': COORDINATOR,
  'vt-refused': VEILIG_THUIS,
  'vt-refusal-escalated': COORDINATOR,
  'vt-meeting-planned': FAMILY,
  'vt-meeting-reminder': COORDINATOR,
  'vt-meeting-overdue': COORDINATOR,
  'vt-agreements': FAMILY,
  'vt-feedback': FAMILY,
  'vt-feedback-reminder': COORDINATOR,
  'vt-feedback-overdue': COORDINATOR,
  'vt-withdrawn': FAMILY,
  'vto-parents-informed': FAMILY,
  'vto-parents-due': COORDINATOR,
  'vto-parents-reminder': COORDINATOR,
  'vto-agenda': BESCHERMINGSPLEIN,
  'vto-on-agenda': FAMILY,
  'vto-decision-due': COORDINATOR,
  'vto-decision-reminder': COORDINATOR,
  'vto-sent-to-raad': RAAD,
  'vto-decision': FAMILY,
  'vto-raad-reminder': RAAD,
  'vto-raad-outcome-reminder': COORDINATOR,
  'vto-withdrawn': FAMILY,
};
