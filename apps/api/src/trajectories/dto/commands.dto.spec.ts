import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { COMMAND_FIELDS, type CommandType } from '@cjg/domain';
import {
  AgreeResultsDto,
  AnswerQuestionnaireDto,
  COMMAND_DTOS,
  DecideCoordinationDto,
  DecideDivergenceDto,
  IssueBeschikkingDto,
  ReassignCoordinatorDto,
  RecordEndEvaluationDto,
  RecordProviderIntakeDto,
  RecordReviewDto,
  RecordVerdagingDto,
  ReferToProviderDto,
  ReportEvaluationDto,
  RequestReassessmentDto,
  StartZorgDto,
  StopZorgDto,
  WithdrawDto,
} from './commands.dto';

type Dto = new () => object;
type Body = Record<string, unknown>;

/** What a client is told about a body: the messages by property path (`plan.results.0.id`). */
async function problems(dto: Dto, body: unknown): Promise<Record<string, string[]>> {
  const errors = await validate(plainToInstance(dto, body) as object, {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  const out: Record<string, string[]> = {};
  const walk = (list: ValidationError[], prefix: string) => {
    for (const e of list) {
      const path = prefix + e.property;
      if (e.constraints) out[path] = Object.values(e.constraints).sort();
      walk(e.children ?? [], `${path}.`);
    }
  };
  walk(errors, '');
  return out;
}

/** A copy of `body` with the value at `path` (`plan.results.0.id`) replaced, or removed. */
function change(body: Body, path: string, value: unknown): Body {
  // Not structuredClone: under Jest its objects come from another realm (not `instanceof Object`).
  const copy = JSON.parse(JSON.stringify(body)) as Body;
  const keys = path.split('.');
  const last = keys.pop()!;
  let at: Record<string, unknown> = copy;
  for (const key of keys) at = at[key] as Record<string, unknown>;
  if (value === REMOVE) delete at[last];
  else at[last] = value;
  return copy;
}
const REMOVE = Symbol('remove');

// ───────────────────────────────────────────── the swagger examples, by hand: one coherent case

const AGB = '12345678';
const omvang = { volume: 4, unit: '04', frequency: '2' };
const inzet = { productCategory: '45', productCode: '45A01', omvang };
const results = [
  {
    id: 'school',
    description: 'Het kind gaat weer vijf dagen per week naar school',
    measure: 'Aanwezigheid volgens de mentor, zes weken achter elkaar',
  },
  {
    id: 'rust-thuis',
    description: 'Minder escalaties thuis; de ouders houden een vast avondritme aan',
    measure: 'Ouders en kind geven de rust thuis een 7 of hoger',
  },
];
const toewijzing = { agbCode: AGB, toewijzingnummer: 'T-2027-0001', ...inzet };
const zin = {
  number: 'B-2027-001',
  kind: 'zin',
  startDate: '2027-01-04',
  endDate: '2027-12-31',
  toewijzingen: [toewijzing],
};
const pgb = {
  number: 'B-2027-002',
  kind: 'pgb',
  startDate: '2027-01-04',
  endDate: '2027-12-31',
  budgetEuro: 4800,
};

const EXAMPLES: Record<CommandType, Body> = {
  agreeResults: { plan: { results, inzet } },
  referToProvider: { agbCode: AGB },
  recordProviderIntake: {
    agbCode: AGB,
    activities: [
      'Wekelijkse gezinsbegeleiding thuis',
      'Overleg met de mentor over de terugkeer naar school',
    ],
    expectedDurationWeeks: 26,
    requestedInzet: { ...inzet, omvang: { ...omvang, volume: 6 } },
  },
  decideDivergence: {
    agbCode: AGB,
    accept: false,
    reason:
      'Plan deel 1 gaat uit van 4 uur per week; na de tussenevaluatie bekijken we het opnieuw',
  },
  issueBeschikking: { beschikking: zin },
  recordVerdaging: {
    newDueDate: '2027-02-01',
    reason: 'Het advies van de jeugdarts is nodig voor de beslissing; dat volgt half januari',
  },
  decideCoordination: {
    coordinate: true,
    criteria: {
      typeOfCare: 'ambulant',
      numberOfProducts: 1,
      complexity: 'high',
      helpQuestion: 'clear',
      selfReliance: 'medium',
    },
    reviewInterval: 'P3M',
  },
  recordReview: {
    outcomes: [
      { resultId: 'school', outcome: 'partly' },
      { resultId: 'rust-thuis', outcome: 'reached' },
    ],
    decision: 'continue',
  },
  requestEndEvaluation: { reason: 'De resultaten zijn bereikt; het gezin wil afronden' },
  recordEndEvaluation: {
    goals: [
      { resultId: 'school', outcome: 'reached' },
      { resultId: 'rust-thuis', outcome: 'partly' },
    ],
    decision: 'verlenging',
    verlenging: { number: 'B-2027-118', endDate: '2028-06-30' },
  },
  withdraw: { reason: 'Het gezin is verhuisd naar een andere gemeente' },
  reportEvaluation: {
    agbCode: AGB,
    kind: 'interim',
    outcomes: [
      { resultId: 'school', outcome: 'partly' },
      { resultId: 'rust-thuis', outcome: 'reached' },
    ],
  },
  startZorg: { agbCode: AGB, date: '2027-01-11' },
  stopZorg: { agbCode: AGB, date: '2027-12-17', reason: '02' },
  answerThreeMonthCheck: { fitting: true },
  answerQuestionnaire: { moment: 'midway', rating: 4 },
  requestReassessment: { batchId: 'apr-2027', decideBy: '2027-04-30' },
  answerReassessment: { followUpNeeded: false },
  reassignCoordinator: {
    coordinatorId: 'coord-bram',
    reason: 'Langdurig verlof van de coördinator; overgedragen binnen het team',
  },
};

/** Valid bodies besides the examples: other variants of the same commands. */
const VARIANTS: Array<[string, Dto, Body]> = [
  ['a PGB beschikking', IssueBeschikkingDto, { beschikking: pgb }],
  ['a budget in cents', IssueBeschikkingDto, { beschikking: { ...pgb, budgetEuro: 4800.5 } }],
  ['the highest budget', IssueBeschikkingDto, { beschikking: { ...pgb, budgetEuro: 1_000_000 } }],
  [
    'a one-day beschikking',
    IssueBeschikkingDto,
    change({ beschikking: zin }, 'beschikking.endDate', '2027-01-04'),
  ],
  [
    'an inzet without productCode',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.inzet.productCode', REMOVE),
  ],
  [
    '20 results',
    AgreeResultsDto,
    change(
      EXAMPLES.agreeResults,
      'plan.results',
      Array.from({ length: 20 }, (_, i) => ({ ...results[0], id: `r${i}` })),
    ),
  ],
  [
    'an intake asking nothing more',
    RecordProviderIntakeDto,
    change(EXAMPLES.recordProviderIntake, 'requestedInzet', REMOVE),
  ],
  [
    'coordination without interval',
    DecideCoordinationDto,
    change(EXAMPLES.decideCoordination, 'reviewInterval', REMOVE),
  ],
  [
    'no coordination',
    DecideCoordinationDto,
    { ...change(EXAMPLES.decideCoordination, 'reviewInterval', REMOVE), coordinate: false },
  ],
  [
    'closing',
    RecordEndEvaluationDto,
    { goals: EXAMPLES.recordEndEvaluation.goals, decision: 'close' },
  ],
  [
    'a vervolgtraject',
    RecordEndEvaluationDto,
    {
      goals: EXAMPLES.recordEndEvaluation.goals,
      decision: 'vervolgtraject',
      followUpCaseNumber: 'CJG-2027-000045',
    },
  ],
  [
    'an interim evaluation without judgements',
    ReportEvaluationDto,
    { ...EXAMPLES.reportEvaluation, outcomes: [] },
  ],
  ['an end evaluation', ReportEvaluationDto, { ...EXAMPLES.reportEvaluation, kind: 'end' }],
  ['a closing questionnaire rated 1', AnswerQuestionnaireDto, { moment: 'end', rating: 1 }],
  ['a leap day', StartZorgDto, { agbCode: AGB, date: '2028-02-29' }],
  ['a reason of 2000 characters', WithdrawDto, { reason: 'x'.repeat(2000) }],
];

// ───────────────────────────────────────────── failures: [what, dto, body, path → constraints]

const CASES: Array<[string, Dto, Body, Record<string, string[]>]> = [
  // fields nobody asked for
  [
    'an unknown top-level field',
    WithdrawDto,
    { ...EXAMPLES.withdraw, urgent: true },
    { urgent: ['property urgent should not exist'] },
  ],
  [
    'the command type in the body',
    WithdrawDto,
    { ...EXAMPLES.withdraw, type: 'withdraw' },
    { type: ['property type should not exist'] },
  ],
  [
    'an unknown field in plan.inzet',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.inzet.extra', 1),
    { 'plan.inzet.extra': ['property extra should not exist'] },
  ],
  [
    'an unknown field in an omvang',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.inzet.omvang.perDay', 1),
    { 'plan.inzet.omvang.perDay': ['property perDay should not exist'] },
  ],
  [
    'an unknown field in a result',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.results.1.owner', 'x'),
    { 'plan.results.1.owner': ['property owner should not exist'] },
  ],
  [
    'an unknown field in a toewijzing',
    IssueBeschikkingDto,
    change(EXAMPLES.issueBeschikking, 'beschikking.toewijzingen.0.tarief', 80),
    { 'beschikking.toewijzingen.0.tarief': ['property tarief should not exist'] },
  ],
  [
    'an unknown field in the criteria',
    DecideCoordinationDto,
    change(EXAMPLES.decideCoordination, 'criteria.urgency', 'high'),
    { 'criteria.urgency': ['property urgency should not exist'] },
  ],
  [
    'an unknown field in a verlenging',
    RecordEndEvaluationDto,
    change(EXAMPLES.recordEndEvaluation, 'verlenging.startDate', '2028-01-01'),
    { 'verlenging.startDate': ['property startDate should not exist'] },
  ],
  [
    'a budget on a ZIN beschikking',
    IssueBeschikkingDto,
    change(EXAMPLES.issueBeschikking, 'beschikking.budgetEuro', 4800),
    { 'beschikking.budgetEuro': ['property budgetEuro should not exist'] },
  ],
  [
    'toewijzingen on a PGB beschikking',
    IssueBeschikkingDto,
    { beschikking: { ...pgb, toewijzingen: [toewijzing] } },
    { 'beschikking.toewijzingen': ['property toewijzingen should not exist'] },
  ],

  // missing or malformed nesting
  ['no plan', AgreeResultsDto, {}, { plan: ['plan must be an object'] }],
  [
    'a result that is text',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.results.0', 'school'),
    {
      'plan.results': ['results[0] must be an object'],
      'plan.results.0': ['each value in nested property results must be either object or array'],
    },
  ],
  [
    'no omvang',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.inzet.omvang', REMOVE),
    { 'plan.inzet.omvang': ['omvang must be an object'] },
  ],
  [
    'a null requestedInzet',
    RecordProviderIntakeDto,
    { ...EXAMPLES.recordProviderIntake, requestedInzet: null },
    {
      requestedInzet: [
        'nested property requestedInzet must be either object or array',
        'requestedInzet must be an object',
      ],
    },
  ],

  // dates
  [
    '30 February',
    RecordVerdagingDto,
    { ...EXAMPLES.recordVerdaging, newDueDate: '2026-02-30' },
    { newDueDate: ['newDueDate must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)'] },
  ],
  [
    'a date with a time',
    StartZorgDto,
    { agbCode: AGB, date: '2027-01-11T08:00:00Z' },
    { date: ['date must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)'] },
  ],
  [
    '29 February in a common year',
    StopZorgDto,
    { ...EXAMPLES.stopZorg, date: '2027-02-29' },
    { date: ['date must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)'] },
  ],
  [
    'a beschikking ending before it starts',
    IssueBeschikkingDto,
    change(EXAMPLES.issueBeschikking, 'beschikking.endDate', '2027-01-03'),
    { 'beschikking.endDate': ['endDate must not be before its startDate'] },
  ],
  [
    'an impossible verlenging date',
    RecordEndEvaluationDto,
    change(EXAMPLES.recordEndEvaluation, 'verlenging.endDate', '2028-13-01'),
    {
      'verlenging.endDate': [
        'endDate must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)',
      ],
    },
  ],
  [
    'a decideBy date as a number',
    RequestReassessmentDto,
    { batchId: 'apr-2027', decideBy: 20270430 },
    { decideBy: ['decideBy must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)'] },
  ],

  // codes and ids
  [
    'an AGB code of 7 digits',
    ReferToProviderDto,
    { agbCode: '1234567' },
    { agbCode: ['agbCode must be an AGB code of 8 digits'] },
  ],
  [
    'an AGB code as a number',
    StartZorgDto,
    { ...EXAMPLES.startZorg, agbCode: 12345678 },
    { agbCode: ['agbCode must be an AGB code of 8 digits'] },
  ],
  [
    'a toewijzing AGB code of 9 digits',
    IssueBeschikkingDto,
    change(EXAMPLES.issueBeschikking, 'beschikking.toewijzingen.0.agbCode', '123456789'),
    { 'beschikking.toewijzingen.0.agbCode': ['agbCode must be an AGB code of 8 digits'] },
  ],
  [
    'productCategory 99',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.inzet.productCategory', '99'),
    {
      'plan.inzet.productCategory': [
        'productCategory must be a JZ020 productcategorie: 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 54',
      ],
    },
  ],
  [
    'a productCode of another category',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.inzet.productCode', '43A01'),
    { 'plan.inzet.productCode': ['productCode must start with its productCategory 45'] },
  ],
  [
    'a lower-case productCode',
    RecordProviderIntakeDto,
    change(EXAMPLES.recordProviderIntake, 'requestedInzet.productCode', '45a01'),
    { 'requestedInzet.productCode': ['productCode must be five characters 0-9/A-Z'] },
  ],
  [
    'unit xx',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.inzet.omvang.unit', 'xx'),
    { 'plan.inzet.omvang.unit': ['unit must be a WJ756 eenheid: 01, 04, 14, 16, 82, 83, 84'] },
  ],
  [
    'frequency 3',
    IssueBeschikkingDto,
    change(EXAMPLES.issueBeschikking, 'beschikking.toewijzingen.0.omvang.frequency', '3'),
    {
      'beschikking.toewijzingen.0.omvang.frequency': [
        'frequency must be a WMO757 frequentie: 1, 2, 4, 6',
      ],
    },
  ],
  [
    'JZ588 reason 13',
    StopZorgDto,
    { ...EXAMPLES.stopZorg, reason: '13' },
    {
      reason: [
        'reason must be a JZ588 reden beëindiging: 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12',
      ],
    },
  ],
  [
    'a result id with capitals',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.results.0.id', 'School'),
    { 'plan.results.0.id': ['id must be a short id (a-z, 0-9, -; at most 32)'] },
  ],
  [
    'a result id of 33 characters',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.results.0.id', 'a'.repeat(33)),
    { 'plan.results.0.id': ['id must be a short id (a-z, 0-9, -; at most 32)'] },
  ],
  [
    'a result id used twice',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.results.1.id', 'school'),
    { 'plan.results': ['results[1].id is used twice'] },
  ],
  [
    'a lower-case beschikking number',
    IssueBeschikkingDto,
    change(EXAMPLES.issueBeschikking, 'beschikking.number', 'b-2027-001'),
    { 'beschikking.number': ['number must be 3-40 characters A-Z, 0-9, -'] },
  ],
  [
    'a toewijzingnummer of 21 characters',
    IssueBeschikkingDto,
    change(
      EXAMPLES.issueBeschikking,
      'beschikking.toewijzingen.0.toewijzingnummer',
      'T'.repeat(21),
    ),
    {
      'beschikking.toewijzingen.0.toewijzingnummer': [
        'toewijzingnummer must be 1-20 characters A-Z, 0-9, -',
      ],
    },
  ],
  [
    'a toewijzingnummer used twice',
    IssueBeschikkingDto,
    change(EXAMPLES.issueBeschikking, 'beschikking.toewijzingen', [toewijzing, toewijzing]),
    { 'beschikking.toewijzingen': ['toewijzingen[1].toewijzingnummer is used twice'] },
  ],
  [
    'a batch id with a space',
    RequestReassessmentDto,
    { ...EXAMPLES.requestReassessment, batchId: 'apr 2027' },
    { batchId: ['batchId must be 1-64 characters A-Z, a-z, 0-9, -'] },
  ],
  [
    'a BSN as coordinator id',
    ReassignCoordinatorDto,
    { ...EXAMPLES.reassignCoordinator, coordinatorId: '123456782' },
    {
      coordinatorId: [
        'coordinatorId must be an id of 2–64 characters a–z, 0–9, - and _ (not a name, e-mail or BSN)',
      ],
    },
  ],
  [
    'an e-mail address as coordinator id',
    ReassignCoordinatorDto,
    { ...EXAMPLES.reassignCoordinator, coordinatorId: 'bram@cjg.nl' },
    {
      coordinatorId: [
        'coordinatorId must be an id of 2–64 characters a–z, 0–9, - and _ (not a name, e-mail or BSN)',
      ],
    },
  ],
  [
    'a malformed follow-up case number',
    RecordEndEvaluationDto,
    {
      goals: EXAMPLES.recordEndEvaluation.goals,
      decision: 'vervolgtraject',
      followUpCaseNumber: 'cjg 45',
    },
    {
      followUpCaseNumber: [
        'followUpCaseNumber must be 3–40 characters: A–Z, 0–9 and single hyphens (e.g. CJG-2026-000123)',
      ],
    },
  ],
  [
    'a review interval of three months in words',
    DecideCoordinationDto,
    { ...EXAMPLES.decideCoordination, reviewInterval: '3 months' },
    { reviewInterval: ['reviewInterval must be an ISO 8601 duration (e.g. P3M, P6W, P1DT12H)'] },
  ],

  // enums
  [
    'beschikking kind wlz',
    IssueBeschikkingDto,
    { beschikking: { ...pgb, kind: 'wlz' } },
    {
      'beschikking.budgetEuro': ['property budgetEuro should not exist'],
      'beschikking.kind': ['kind must be one of the following values: zin, pgb'],
    },
  ],
  [
    'a beschikking without kind',
    IssueBeschikkingDto,
    change(EXAMPLES.issueBeschikking, 'beschikking.kind', REMOVE),
    {
      'beschikking.toewijzingen': ['property toewijzingen should not exist'],
      'beschikking.kind': ['kind must be one of the following values: zin, pgb'],
    },
  ],
  [
    'outcome done',
    RecordReviewDto,
    change(EXAMPLES.recordReview, 'outcomes.0.outcome', 'done'),
    { 'outcomes.0.outcome': ['outcome must be one of the following values: reached, partly, not'] },
  ],
  [
    'review decision stop',
    RecordReviewDto,
    { ...EXAMPLES.recordReview, decision: 'stop' },
    {
      decision: [
        'decision must be one of the following values: continue, afschalen, opschalen, end',
      ],
    },
  ],
  [
    'evaluation kind final',
    ReportEvaluationDto,
    { ...EXAMPLES.reportEvaluation, kind: 'final' },
    { kind: ['kind must be one of the following values: interim, end'] },
  ],
  [
    'questionnaire moment start',
    AnswerQuestionnaireDto,
    { moment: 'start', rating: 4 },
    { moment: ['moment must be one of the following values: midway, end'] },
  ],
  [
    'end decision extend',
    RecordEndEvaluationDto,
    { goals: EXAMPLES.recordEndEvaluation.goals, decision: 'extend' },
    {
      decision: ['decision must be one of the following values: close, verlenging, vervolgtraject'],
    },
  ],
  [
    'typeOfCare residential',
    DecideCoordinationDto,
    change(EXAMPLES.decideCoordination, 'criteria.typeOfCare', 'residential'),
    {
      'criteria.typeOfCare': [
        'typeOfCare must be one of the following values: ambulant, dagbehandeling, verblijf, ggz, pgb, other',
      ],
    },
  ],
  [
    'selfReliance none',
    DecideCoordinationDto,
    change(EXAMPLES.decideCoordination, 'criteria.selfReliance', 'none'),
    {
      'criteria.selfReliance': [
        'selfReliance must be one of the following values: high, medium, low',
      ],
    },
  ],

  // booleans and numbers
  [
    'accept as text',
    DecideDivergenceDto,
    { ...EXAMPLES.decideDivergence, accept: 'false' },
    { accept: ['accept must be a boolean value'] },
  ],
  [
    'coordinate missing',
    DecideCoordinationDto,
    change(EXAMPLES.decideCoordination, 'coordinate', REMOVE),
    { coordinate: ['coordinate must be a boolean value'] },
  ],
  [
    'rating 6',
    AnswerQuestionnaireDto,
    { moment: 'midway', rating: 6 },
    { rating: ['rating must not be greater than 5'] },
  ],
  [
    'rating 0',
    AnswerQuestionnaireDto,
    { moment: 'midway', rating: 0 },
    { rating: ['rating must not be less than 1'] },
  ],
  [
    'rating 3.5',
    AnswerQuestionnaireDto,
    { moment: 'midway', rating: 3.5 },
    { rating: ['rating must be an integer number'] },
  ],
  [
    'rating as text',
    AnswerQuestionnaireDto,
    { moment: 'midway', rating: '4' },
    {
      rating: [
        'rating must be an integer number',
        'rating must not be greater than 5',
        'rating must not be less than 1',
      ],
    },
  ],
  [
    'a volume of 0',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.inzet.omvang.volume', 0),
    { 'plan.inzet.omvang.volume': ['volume must not be less than 1'] },
  ],
  [
    'a volume of 4.5',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.inzet.omvang.volume', 4.5),
    { 'plan.inzet.omvang.volume': ['volume must be an integer number'] },
  ],
  [
    'a volume over 100000',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.inzet.omvang.volume', 100_001),
    { 'plan.inzet.omvang.volume': ['volume must not be greater than 100000'] },
  ],
  [
    '521 weeks',
    RecordProviderIntakeDto,
    { ...EXAMPLES.recordProviderIntake, expectedDurationWeeks: 521 },
    { expectedDurationWeeks: ['expectedDurationWeeks must not be greater than 520'] },
  ],
  [
    '51 products',
    DecideCoordinationDto,
    change(EXAMPLES.decideCoordination, 'criteria.numberOfProducts', 51),
    { 'criteria.numberOfProducts': ['numberOfProducts must not be greater than 50'] },
  ],
  [
    'a budget of 0',
    IssueBeschikkingDto,
    { beschikking: { ...pgb, budgetEuro: 0 } },
    { 'beschikking.budgetEuro': ['budgetEuro must be more than 0'] },
  ],
  [
    'a budget over 1000000',
    IssueBeschikkingDto,
    { beschikking: { ...pgb, budgetEuro: 1_000_000.01 } },
    { 'beschikking.budgetEuro': ['budgetEuro must be at most 1000000'] },
  ],
  [
    'a budget in tenths of cents',
    IssueBeschikkingDto,
    { beschikking: { ...pgb, budgetEuro: 4800.005 } },
    { 'beschikking.budgetEuro': ['budgetEuro must be in whole cents'] },
  ],

  // the two kinds of beschikking
  [
    'a ZIN beschikking without toewijzingen',
    IssueBeschikkingDto,
    change(EXAMPLES.issueBeschikking, 'beschikking.toewijzingen', REMOVE),
    { 'beschikking.toewijzingen': ['toewijzingen must be a list of 1–20 items'] },
  ],
  [
    'a ZIN beschikking with no toewijzing',
    IssueBeschikkingDto,
    change(EXAMPLES.issueBeschikking, 'beschikking.toewijzingen', []),
    { 'beschikking.toewijzingen': ['toewijzingen must list at least 1 item'] },
  ],
  [
    'a PGB beschikking without budget',
    IssueBeschikkingDto,
    { beschikking: { ...pgb, budgetEuro: undefined } },
    { 'beschikking.budgetEuro': ['budgetEuro must be an amount in euro'] },
  ],

  // lists and lengths
  [
    'no results',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.results', []),
    { 'plan.results': ['results must list at least 1 item'] },
  ],
  [
    '21 results',
    AgreeResultsDto,
    change(
      EXAMPLES.agreeResults,
      'plan.results',
      Array.from({ length: 21 }, (_, i) => ({ ...results[0], id: `r${i}` })),
    ),
    { 'plan.results': ['results must list at most 20 items'] },
  ],
  [
    '21 toewijzingen',
    IssueBeschikkingDto,
    change(
      EXAMPLES.issueBeschikking,
      'beschikking.toewijzingen',
      Array.from({ length: 21 }, (_, i) => ({ ...toewijzing, toewijzingnummer: `T${i}` })),
    ),
    { 'beschikking.toewijzingen': ['toewijzingen must list at most 20 items'] },
  ],
  [
    '21 judgements',
    RecordReviewDto,
    {
      ...EXAMPLES.recordReview,
      outcomes: Array.from({ length: 21 }, (_, i) => ({ resultId: `r${i}`, outcome: 'reached' })),
    },
    { outcomes: ['outcomes must list at most 20 items'] },
  ],
  [
    'a result judged twice',
    RecordReviewDto,
    change(EXAMPLES.recordReview, 'outcomes.1.resultId', 'school'),
    { outcomes: ['outcomes[1].resultId is judged twice'] },
  ],
  [
    'no goals',
    RecordEndEvaluationDto,
    { ...EXAMPLES.recordEndEvaluation, goals: [] },
    { goals: ['goals must list at least 1 item'] },
  ],
  [
    'no activities',
    RecordProviderIntakeDto,
    { ...EXAMPLES.recordProviderIntake, activities: [] },
    { activities: ['activities must list at least 1 text'] },
  ],
  [
    '21 activities',
    RecordProviderIntakeDto,
    {
      ...EXAMPLES.recordProviderIntake,
      activities: Array.from({ length: 21 }, (_, i) => `activiteit ${i}`),
    },
    { activities: ['activities must list at most 20 texts'] },
  ],
  [
    'an activity of 501 characters',
    RecordProviderIntakeDto,
    { ...EXAMPLES.recordProviderIntake, activities: ['x'.repeat(501)] },
    { activities: ['activities[0] must be at most 500 characters'] },
  ],
  [
    'a blank activity',
    RecordProviderIntakeDto,
    { ...EXAMPLES.recordProviderIntake, activities: ['  '] },
    { activities: ['activities[0] must not be blank'] },
  ],
  [
    'a reason of 2001 characters',
    WithdrawDto,
    { reason: 'x'.repeat(2001) },
    { reason: ['reason must be at most 2000 characters'] },
  ],
  [
    'a blank reason',
    RecordVerdagingDto,
    { ...EXAMPLES.recordVerdaging, reason: ' \n ' },
    { reason: ['reason must not be blank'] },
  ],
  [
    'no reason',
    ReassignCoordinatorDto,
    { coordinatorId: 'coord-bram' },
    { reason: ['reason must be a text'] },
  ],
  [
    'a description of 2001 characters',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.results.0.description', 'x'.repeat(2001)),
    { 'plan.results.0.description': ['description must be at most 2000 characters'] },
  ],
  [
    'a result without measure',
    AgreeResultsDto,
    change(EXAMPLES.agreeResults, 'plan.results.0.measure', REMOVE),
    { 'plan.results.0.measure': ['measure must be a text'] },
  ],
  [
    'a review interval of 33 characters',
    DecideCoordinationDto,
    { ...EXAMPLES.decideCoordination, reviewInterval: `P${'0'.repeat(31)}M` },
    { reviewInterval: ['reviewInterval must be shorter than or equal to 32 characters'] },
  ],

  // fields that go with others
  [
    'a review interval without coordination',
    DecideCoordinationDto,
    { ...EXAMPLES.decideCoordination, coordinate: false },
    { reviewInterval: ['reviewInterval only applies when coordinating'] },
  ],
  [
    'a null review interval',
    DecideCoordinationDto,
    { ...EXAMPLES.decideCoordination, reviewInterval: null },
    {
      reviewInterval: [
        'reviewInterval must be an ISO 8601 duration (e.g. P3M, P6W, P1DT12H)',
        'reviewInterval must be shorter than or equal to 32 characters',
      ],
    },
  ],
  [
    'a verlenging without its beschikking',
    RecordEndEvaluationDto,
    change(EXAMPLES.recordEndEvaluation, 'verlenging', REMOVE),
    {
      verlenging: [
        'verlenging is required when decision is verlenging',
        'verlenging must be an object',
      ],
    },
  ],
  [
    'a verlenging when closing',
    RecordEndEvaluationDto,
    { ...EXAMPLES.recordEndEvaluation, decision: 'close' },
    { verlenging: ['verlenging is only allowed when decision is verlenging'] },
  ],
  [
    'a vervolgtraject without case number',
    RecordEndEvaluationDto,
    { goals: EXAMPLES.recordEndEvaluation.goals, decision: 'vervolgtraject' },
    {
      followUpCaseNumber: [
        'followUpCaseNumber is required when decision is vervolgtraject',
        'followUpCaseNumber must be 3–40 characters: A–Z, 0–9 and single hyphens (e.g. CJG-2026-000123)',
      ],
    },
  ],
  [
    'a follow-up case number when closing',
    RecordEndEvaluationDto,
    {
      goals: EXAMPLES.recordEndEvaluation.goals,
      decision: 'close',
      followUpCaseNumber: 'CJG-2027-000045',
    },
    { followUpCaseNumber: ['followUpCaseNumber is only allowed when decision is vervolgtraject'] },
  ],
];

describe('command DTOs', () => {
  describe('the swagger examples pass', () => {
    it.each(Object.entries(EXAMPLES))('%s', async (type, body) => {
      expect(await problems(COMMAND_DTOS[type as CommandType], body)).toEqual({});
    });
  });

  describe('other valid bodies pass', () => {
    it.each(VARIANTS)('%s', async (_what, dto, body) => {
      expect(await problems(dto, body)).toEqual({});
    });
  });

  describe('malformed bodies fail at the right place', () => {
    it.each(CASES)('%s', async (_what, dto, body, expected) => {
      expect(await problems(dto, body)).toEqual(expected);
    });
  });

  it('refuses a list where an object belongs', async () => {
    // The list's items are validated as plans too; what matters is that `plan` itself is refused.
    expect(await problems(AgreeResultsDto, { plan: [EXAMPLES.agreeResults.plan] })).toMatchObject({
      plan: ['plan must be an object'],
    });
  });

  it('refuses a body that is not an object', async () => {
    const errors = await validate(plainToInstance(WithdrawDto, 'gezin verhuisd') as object, {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    expect(errors.map((e) => Object.keys(e.constraints ?? {}))).toEqual([['unknownValue']]);
  });

  it('keeps the beschikking kind and picks the class by it', () => {
    const zinBody = plainToInstance(IssueBeschikkingDto, { beschikking: zin });
    const pgbBody = plainToInstance(IssueBeschikkingDto, { beschikking: pgb });
    expect(zinBody.beschikking.constructor.name).toBe('ZinBeschikkingDto');
    expect(zinBody.beschikking.kind).toBe('zin');
    expect(pgbBody.beschikking.constructor.name).toBe('PgbBeschikkingDto');
    expect(pgbBody.beschikking.kind).toBe('pgb');
    const unknown = plainToInstance(IssueBeschikkingDto, { beschikking: { ...pgb, kind: 'wlz' } });
    expect(unknown.beschikking.constructor.name).toBe('UnknownBeschikkingDto');
  });

  it('names the code list and its codes in the message', async () => {
    const body = change(EXAMPLES.agreeResults, 'plan.inzet.productCategory', '99');
    expect(await problems(AgreeResultsDto, change(body, 'plan.inzet.omvang.unit', 'xx'))).toEqual({
      'plan.inzet.productCategory': [
        'productCategory must be a JZ020 productcategorie: 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 54',
      ],
      'plan.inzet.omvang.unit': ['unit must be a WJ756 eenheid: 01, 04, 14, 16, 82, 83, 84'],
    });
    expect(await problems(StopZorgDto, { ...EXAMPLES.stopZorg, reason: '13' })).toEqual({
      reason: [
        'reason must be a JZ588 reden beëindiging: 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12',
      ],
    });
    expect(await problems(StartZorgDto, { ...EXAMPLES.startZorg, date: '2026-02-30' })).toEqual({
      date: ['date must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)'],
    });
  });

  describe('one DTO per command, taking exactly its COMMAND_FIELDS', () => {
    it('has a DTO for every command and none for other names', () => {
      expect(Object.keys(COMMAND_DTOS).sort()).toEqual(Object.keys(COMMAND_FIELDS).sort());
    });

    it.each(Object.entries(COMMAND_FIELDS))('%s', (type, fields) => {
      const dto = COMMAND_DTOS[type as CommandType];
      expect(dto).toBeDefined();
      const validated = getMetadataStorage()
        .getTargetValidationMetadatas(dto, '', true, false)
        .map((m) => m.propertyName);
      expect([...new Set(validated)].sort()).toEqual([...fields].sort());
      // And a body with every field passes (optional ones included, where they fit together).
      const example = EXAMPLES[type as CommandType];
      const variants = [example, ...VARIANTS.filter(([, d]) => d === dto).map(([, , b]) => b)];
      expect([...new Set(variants.flatMap((b) => Object.keys(b)))].sort()).toEqual(
        [...fields].sort(),
      );
    });
  });

  describe('swagger', () => {
    let doc: OpenAPIObject;
    beforeAll(async () => {
      const moduleRef = await Test.createTestingModule({}).compile();
      const app = moduleRef.createNestApplication({ logger: false });
      doc = SwaggerModule.createDocument(app, new DocumentBuilder().build(), {
        extraModels: Object.values(COMMAND_DTOS),
      });
      await app.close();
    });
    const schemas = () => doc.components!.schemas! as Record<string, SchemaLike>;
    interface SchemaLike {
      properties?: Record<string, { description?: string; example?: unknown }>;
    }

    it('documents every property of every body and its parts, with an example', () => {
      const names = Object.keys(schemas());
      expect(names).toEqual(
        expect.arrayContaining(['ZinBeschikkingDto', 'PgbBeschikkingDto', 'OmvangDto']),
      );
      for (const name of names) {
        for (const [property, schema] of Object.entries(schemas()[name]!.properties ?? {})) {
          expect({ name, property, description: typeof schema.description }).toEqual({
            name,
            property,
            description: 'string',
          });
          expect({ name, property, example: schema.example !== undefined }).toEqual({
            name,
            property,
            example: true,
          });
        }
      }
    });

    it.each(Object.entries(EXAMPLES))('%s: the examples are the bodies above', (type, body) => {
      const schema = schemas()[COMMAND_DTOS[type as CommandType].name]!;
      expect(Object.keys(schema.properties ?? {}).sort()).toEqual(
        [...COMMAND_FIELDS[type as CommandType]].sort(),
      );
      for (const [field, value] of Object.entries(body)) {
        expect(schema.properties![field]!.example).toEqual(value);
      }
    });
  });
});
