import type { LetterFacts, LetterKind, TRAJECTORY_LETTER_KINDS } from '@cjg/domain';
import { SCHAKELOVERLEG_EXAMPLES } from './schakeloverleg';
import { VEILIG_THUIS_EXAMPLES } from './veilig-thuis';
import { VTO_EXAMPLES } from './vto';

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
