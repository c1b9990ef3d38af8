/** Each malformed command body is refused at the right field, with the right message. */
import 'reflect-metadata';
import { COMMAND_DTOS } from './commands.dto';
import * as fixture from './commands.dto.testing';

// ───────────────────────────────────────────── failures: [what, dto, body, path → constraints]

const CASES: Array<[string, fixture.Dto, fixture.Body, Record<string, string[]>]> = [
  // fields nobody asked for
  [
    'an unknown top-level field',
    COMMAND_DTOS.withdraw,
    { ...fixture.EXAMPLES.withdraw, urgent: true },
    { urgent: ['property urgent should not exist'] },
  ],
  [
    'the command type in the body',
    COMMAND_DTOS.withdraw,
    { ...fixture.EXAMPLES.withdraw, type: 'withdraw' },
    { type: ['property type should not exist'] },
  ],
  [
    'an unknown field in plan.inzet',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.inzet.extra', 1),
    { 'plan.inzet.extra': ['property extra should not exist'] },
  ],
  [
    'an unknown field in an omvang',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.inzet.omvang.perDay', 1),
    { 'plan.inzet.omvang.perDay': ['property perDay should not exist'] },
  ],
  [
    'an unknown field in a result',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.results.1.owner', 'x'),
    { 'plan.results.1.owner': ['property owner should not exist'] },
  ],
  [
    'an unknown field in a toewijzing',
    COMMAND_DTOS.issueBeschikking,
    fixture.change(fixture.EXAMPLES.issueBeschikking, 'beschikking.toewijzingen.0.tarief', 80),
    { 'beschikking.toewijzingen.0.tarief': ['property tarief should not exist'] },
  ],
  [
    'an unknown field in the criteria',
    COMMAND_DTOS.decideCoordination,
    fixture.change(fixture.EXAMPLES.decideCoordination, 'criteria.urgency', 'high'),
    { 'criteria.urgency': ['property urgency should not exist'] },
  ],
  [
    'an unknown field in a verlenging',
    COMMAND_DTOS.recordEndEvaluation,
    fixture.change(fixture.EXAMPLES.recordEndEvaluation, 'verlenging.startDate', '2028-01-01'),
    { 'verlenging.startDate': ['property startDate should not exist'] },
  ],
  [
    'a budget on a ZIN beschikking',
    COMMAND_DTOS.issueBeschikking,
    fixture.change(fixture.EXAMPLES.issueBeschikking, 'beschikking.budgetEuro', 4800),
    { 'beschikking.budgetEuro': ['property budgetEuro should not exist'] },
  ],
  [
    'toewijzingen on a PGB beschikking',
    COMMAND_DTOS.issueBeschikking,
    { beschikking: { ...fixture.pgb, toewijzingen: [fixture.toewijzing] } },
    { 'beschikking.toewijzingen': ['property toewijzingen should not exist'] },
  ],

  // missing or malformed nesting
  ['no plan', COMMAND_DTOS.agreeResults, {}, { plan: ['plan must be an object'] }],
  [
    'a result that is text',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.results.0', 'school'),
    {
      'plan.results': ['results[0] must be an object'],
      'plan.results.0': ['each value in nested property results must be either object or array'],
    },
  ],
  [
    'no omvang',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.inzet.omvang', fixture.REMOVE),
    { 'plan.inzet.omvang': ['omvang must be an object'] },
  ],
  [
    'a null requestedInzet',
    COMMAND_DTOS.recordProviderIntake,
    { ...fixture.EXAMPLES.recordProviderIntake, requestedInzet: null },
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
    COMMAND_DTOS.recordVerdaging,
    { ...fixture.EXAMPLES.recordVerdaging, newDueDate: '2026-02-30' },
    { newDueDate: ['newDueDate must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)'] },
  ],
  [
    'a date with a time',
    COMMAND_DTOS.startZorg,
    { agbCode: fixture.AGB, date: '2027-01-11T08:00:00Z' },
    { date: ['date must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)'] },
  ],
  [
    '29 February in a common year',
    COMMAND_DTOS.stopZorg,
    { ...fixture.EXAMPLES.stopZorg, date: '2027-02-29' },
    { date: ['date must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)'] },
  ],
  [
    'a beschikking ending before it starts',
    COMMAND_DTOS.issueBeschikking,
    fixture.change(fixture.EXAMPLES.issueBeschikking, 'beschikking.endDate', '2027-01-03'),
    { 'beschikking.endDate': ['endDate must not be before its startDate'] },
  ],
  [
    'an impossible verlenging date',
    COMMAND_DTOS.recordEndEvaluation,
    fixture.change(fixture.EXAMPLES.recordEndEvaluation, 'verlenging.endDate', '2028-13-01'),
    {
      'verlenging.endDate': [
        'endDate must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)',
      ],
    },
  ],
  [
    'a decideBy date as a number',
    COMMAND_DTOS.requestReassessment,
    { batchId: 'apr-2027', decideBy: 20270430 },
    { decideBy: ['decideBy must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)'] },
  ],

  // codes and ids
  [
    'an AGB code of 7 digits',
    COMMAND_DTOS.referToProvider,
    { agbCode: '1234567' },
    { agbCode: ['agbCode must be an AGB code of 8 digits'] },
  ],
  [
    'an AGB code as a number',
    COMMAND_DTOS.startZorg,
    { ...fixture.EXAMPLES.startZorg, agbCode: 12345678 },
    { agbCode: ['agbCode must be an AGB code of 8 digits'] },
  ],
  [
    'a toewijzing AGB code of 9 digits',
    COMMAND_DTOS.issueBeschikking,
    fixture.change(
      fixture.EXAMPLES.issueBeschikking,
      'beschikking.toewijzingen.0.agbCode',
      '123456789',
    ),
    { 'beschikking.toewijzingen.0.agbCode': ['agbCode must be an AGB code of 8 digits'] },
  ],
  [
    'productCategory 99',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.inzet.productCategory', '99'),
    {
      'plan.inzet.productCategory': [
        'productCategory must be a JZ020 productcategorie: 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 54',
      ],
    },
  ],
  [
    'a productCode of another category',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.inzet.productCode', '43A01'),
    { 'plan.inzet.productCode': ['productCode must start with its productCategory 45'] },
  ],
  [
    'a lower-case productCode',
    COMMAND_DTOS.recordProviderIntake,
    fixture.change(fixture.EXAMPLES.recordProviderIntake, 'requestedInzet.productCode', '45a01'),
    { 'requestedInzet.productCode': ['productCode must be five characters 0-9/A-Z'] },
  ],
  [
    'unit xx',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.inzet.omvang.unit', 'xx'),
    { 'plan.inzet.omvang.unit': ['unit must be a WJ756 eenheid: 01, 04, 14, 16, 82, 83, 84'] },
  ],
  [
    'frequency 3',
    COMMAND_DTOS.issueBeschikking,
    fixture.change(
      fixture.EXAMPLES.issueBeschikking,
      'beschikking.toewijzingen.0.omvang.frequency',
      '3',
    ),
    {
      'beschikking.toewijzingen.0.omvang.frequency': [
        'frequency must be a WMO757 frequentie: 1, 2, 4, 6',
      ],
    },
  ],
  [
    'JZ588 reason 13',
    COMMAND_DTOS.stopZorg,
    { ...fixture.EXAMPLES.stopZorg, reason: '13' },
    {
      reason: [
        'reason must be a JZ588 reden beëindiging: 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12',
      ],
    },
  ],
  [
    'a result id with capitals',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.results.0.id', 'School'),
    { 'plan.results.0.id': ['id must be a short id (a-z, 0-9, -; at most 32)'] },
  ],
  [
    'a result id of 33 characters',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.results.0.id', 'a'.repeat(33)),
    { 'plan.results.0.id': ['id must be a short id (a-z, 0-9, -; at most 32)'] },
  ],
  [
    'a result id used twice',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.results.1.id', 'school'),
    { 'plan.results': ['results[1].id is used twice'] },
  ],
  [
    'a lower-case beschikking number',
    COMMAND_DTOS.issueBeschikking,
    fixture.change(fixture.EXAMPLES.issueBeschikking, 'beschikking.number', 'b-2027-001'),
    { 'beschikking.number': ['number must be 3-40 characters A-Z, 0-9, -'] },
  ],
  [
    'a toewijzingnummer of 21 characters',
    COMMAND_DTOS.issueBeschikking,
    fixture.change(
      fixture.EXAMPLES.issueBeschikking,
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
    COMMAND_DTOS.issueBeschikking,
    fixture.change(fixture.EXAMPLES.issueBeschikking, 'beschikking.toewijzingen', [
      fixture.toewijzing,
      fixture.toewijzing,
    ]),
    { 'beschikking.toewijzingen': ['toewijzingen[1].toewijzingnummer is used twice'] },
  ],
  [
    'a batch id with a space',
    COMMAND_DTOS.requestReassessment,
    { ...fixture.EXAMPLES.requestReassessment, batchId: 'apr 2027' },
    { batchId: ['batchId must be 1-64 characters A-Z, a-z, 0-9, -'] },
  ],
  [
    'a BSN as coordinator id',
    COMMAND_DTOS.reassignCoordinator,
    { ...fixture.EXAMPLES.reassignCoordinator, coordinatorId: '123456782' },
    {
      coordinatorId: [
        'coordinatorId must be an id of 2–64 characters a–z, 0–9, - and _ (not a name, e-mail or BSN)',
      ],
    },
  ],
  [
    'an e-mail address as coordinator id',
    COMMAND_DTOS.reassignCoordinator,
    { ...fixture.EXAMPLES.reassignCoordinator, coordinatorId: 'bram@cjg.nl' },
    {
      coordinatorId: [
        'coordinatorId must be an id of 2–64 characters a–z, 0–9, - and _ (not a name, e-mail or BSN)',
      ],
    },
  ],
  [
    'a malformed follow-up case number',
    COMMAND_DTOS.recordEndEvaluation,
    {
      goals: fixture.EXAMPLES.recordEndEvaluation.goals,
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
    COMMAND_DTOS.decideCoordination,
    { ...fixture.EXAMPLES.decideCoordination, reviewInterval: '3 months' },
    { reviewInterval: ['reviewInterval must be an ISO 8601 duration (e.g. P3M, P6W, P1DT12H)'] },
  ],

  // enums
  [
    'beschikking kind wlz',
    COMMAND_DTOS.issueBeschikking,
    { beschikking: { ...fixture.pgb, kind: 'wlz' } },
    {
      'beschikking.budgetEuro': ['property budgetEuro should not exist'],
      'beschikking.kind': ['kind must be one of the following values: zin, pgb'],
    },
  ],
  [
    'a beschikking without kind',
    COMMAND_DTOS.issueBeschikking,
    fixture.change(fixture.EXAMPLES.issueBeschikking, 'beschikking.kind', fixture.REMOVE),
    {
      'beschikking.toewijzingen': ['property toewijzingen should not exist'],
      'beschikking.kind': ['kind must be one of the following values: zin, pgb'],
    },
  ],
  [
    'outcome done',
    COMMAND_DTOS.recordReview,
    fixture.change(fixture.EXAMPLES.recordReview, 'outcomes.0.outcome', 'done'),
    { 'outcomes.0.outcome': ['outcome must be one of the following values: reached, partly, not'] },
  ],
  [
    'review decision stop',
    COMMAND_DTOS.recordReview,
    { ...fixture.EXAMPLES.recordReview, decision: 'stop' },
    {
      decision: [
        'decision must be one of the following values: continue, afschalen, opschalen, end',
      ],
    },
  ],
  [
    'evaluation kind final',
    COMMAND_DTOS.reportEvaluation,
    { ...fixture.EXAMPLES.reportEvaluation, kind: 'final' },
    { kind: ['kind must be one of the following values: interim, end'] },
  ],
  [
    'questionnaire moment start',
    COMMAND_DTOS.answerQuestionnaire,
    { moment: 'start', rating: 4 },
    { moment: ['moment must be one of the following values: midway, end'] },
  ],
  [
    'end decision extend',
    COMMAND_DTOS.recordEndEvaluation,
    { goals: fixture.EXAMPLES.recordEndEvaluation.goals, decision: 'extend' },
    {
      decision: ['decision must be one of the following values: close, verlenging, vervolgtraject'],
    },
  ],
  [
    'typeOfCare residential',
    COMMAND_DTOS.decideCoordination,
    fixture.change(fixture.EXAMPLES.decideCoordination, 'criteria.typeOfCare', 'residential'),
    {
      'criteria.typeOfCare': [
        'typeOfCare must be one of the following values: ambulant, dagbehandeling, verblijf, ggz, pgb, other',
      ],
    },
  ],
  [
    'selfReliance none',
    COMMAND_DTOS.decideCoordination,
    fixture.change(fixture.EXAMPLES.decideCoordination, 'criteria.selfReliance', 'none'),
    {
      'criteria.selfReliance': [
        'selfReliance must be one of the following values: high, medium, low',
      ],
    },
  ],

  // booleans and numbers
  [
    'accept as text',
    COMMAND_DTOS.decideDivergence,
    { ...fixture.EXAMPLES.decideDivergence, accept: 'false' },
    { accept: ['accept must be a boolean value'] },
  ],
  [
    'coordinate missing',
    COMMAND_DTOS.decideCoordination,
    fixture.change(fixture.EXAMPLES.decideCoordination, 'coordinate', fixture.REMOVE),
    { coordinate: ['coordinate must be a boolean value'] },
  ],
  [
    'rating 6',
    COMMAND_DTOS.answerQuestionnaire,
    { moment: 'midway', rating: 6 },
    { rating: ['rating must not be greater than 5'] },
  ],
  [
    'rating 0',
    COMMAND_DTOS.answerQuestionnaire,
    { moment: 'midway', rating: 0 },
    { rating: ['rating must not be less than 1'] },
  ],
  [
    'rating 3.5',
    COMMAND_DTOS.answerQuestionnaire,
    { moment: 'midway', rating: 3.5 },
    { rating: ['rating must be an integer number'] },
  ],
  [
    'rating as text',
    COMMAND_DTOS.answerQuestionnaire,
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
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.inzet.omvang.volume', 0),
    { 'plan.inzet.omvang.volume': ['volume must not be less than 1'] },
  ],
  [
    'a volume of 4.5',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.inzet.omvang.volume', 4.5),
    { 'plan.inzet.omvang.volume': ['volume must be an integer number'] },
  ],
  [
    'a volume over 100000',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.inzet.omvang.volume', 100_001),
    { 'plan.inzet.omvang.volume': ['volume must not be greater than 100000'] },
  ],
  [
    '521 weeks',
    COMMAND_DTOS.recordProviderIntake,
    { ...fixture.EXAMPLES.recordProviderIntake, expectedDurationWeeks: 521 },
    { expectedDurationWeeks: ['expectedDurationWeeks must not be greater than 520'] },
  ],
  [
    '51 products',
    COMMAND_DTOS.decideCoordination,
    fixture.change(fixture.EXAMPLES.decideCoordination, 'criteria.numberOfProducts', 51),
    { 'criteria.numberOfProducts': ['numberOfProducts must not be greater than 50'] },
  ],
  [
    'a budget of 0',
    COMMAND_DTOS.issueBeschikking,
    { beschikking: { ...fixture.pgb, budgetEuro: 0 } },
    { 'beschikking.budgetEuro': ['budgetEuro must be more than 0'] },
  ],
  [
    'a budget over 1000000',
    COMMAND_DTOS.issueBeschikking,
    { beschikking: { ...fixture.pgb, budgetEuro: 1_000_000.01 } },
    { 'beschikking.budgetEuro': ['budgetEuro must be at most 1000000'] },
  ],
  [
    'a budget in tenths of cents',
    COMMAND_DTOS.issueBeschikking,
    { beschikking: { ...fixture.pgb, budgetEuro: 4800.005 } },
    { 'beschikking.budgetEuro': ['budgetEuro must be in whole cents'] },
  ],

  // the two kinds of beschikking
  [
    'a ZIN beschikking without toewijzingen',
    COMMAND_DTOS.issueBeschikking,
    fixture.change(fixture.EXAMPLES.issueBeschikking, 'beschikking.toewijzingen', fixture.REMOVE),
    { 'beschikking.toewijzingen': ['toewijzingen must be a list of 1–20 items'] },
  ],
  [
    'a ZIN beschikking with no toewijzing',
    COMMAND_DTOS.issueBeschikking,
    fixture.change(fixture.EXAMPLES.issueBeschikking, 'beschikking.toewijzingen', []),
    { 'beschikking.toewijzingen': ['toewijzingen must list at least 1 item'] },
  ],
  [
    'a PGB beschikking without budget',
    COMMAND_DTOS.issueBeschikking,
    { beschikking: { ...fixture.pgb, budgetEuro: undefined } },
    { 'beschikking.budgetEuro': ['budgetEuro must be an amount in euro'] },
  ],

  // lists and lengths
  [
    'no results',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.results', []),
    { 'plan.results': ['results must list at least 1 item'] },
  ],
  [
    '21 results',
    COMMAND_DTOS.agreeResults,
    fixture.change(
      fixture.EXAMPLES.agreeResults,
      'plan.results',
      Array.from({ length: 21 }, (_, i) => ({ ...fixture.results[0], id: `r${i}` })),
    ),
    { 'plan.results': ['results must list at most 20 items'] },
  ],
  [
    '21 toewijzingen',
    COMMAND_DTOS.issueBeschikking,
    fixture.change(
      fixture.EXAMPLES.issueBeschikking,
      'beschikking.toewijzingen',
      Array.from({ length: 21 }, (_, i) => ({ ...fixture.toewijzing, toewijzingnummer: `T${i}` })),
    ),
    { 'beschikking.toewijzingen': ['toewijzingen must list at most 20 items'] },
  ],
  [
    '21 judgements',
    COMMAND_DTOS.recordReview,
    {
      ...fixture.EXAMPLES.recordReview,
      outcomes: Array.from({ length: 21 }, (_, i) => ({ resultId: `r${i}`, outcome: 'reached' })),
    },
    { outcomes: ['outcomes must list at most 20 items'] },
  ],
  [
    'a result judged twice',
    COMMAND_DTOS.recordReview,
    fixture.change(fixture.EXAMPLES.recordReview, 'outcomes.1.resultId', 'school'),
    { outcomes: ['outcomes[1].resultId is judged twice'] },
  ],
  [
    'no goals',
    COMMAND_DTOS.recordEndEvaluation,
    { ...fixture.EXAMPLES.recordEndEvaluation, goals: [] },
    { goals: ['goals must list at least 1 item'] },
  ],
  [
    'no activities',
    COMMAND_DTOS.recordProviderIntake,
    { ...fixture.EXAMPLES.recordProviderIntake, activities: [] },
    { activities: ['activities must list at least 1 text'] },
  ],
  [
    '21 activities',
    COMMAND_DTOS.recordProviderIntake,
    {
      ...fixture.EXAMPLES.recordProviderIntake,
      activities: Array.from({ length: 21 }, (_, i) => `activiteit ${i}`),
    },
    { activities: ['activities must list at most 20 texts'] },
  ],
  [
    'an activity of 501 characters',
    COMMAND_DTOS.recordProviderIntake,
    { ...fixture.EXAMPLES.recordProviderIntake, activities: ['x'.repeat(501)] },
    { activities: ['activities[0] must be at most 500 characters'] },
  ],
  [
    'a blank activity',
    COMMAND_DTOS.recordProviderIntake,
    { ...fixture.EXAMPLES.recordProviderIntake, activities: ['  '] },
    { activities: ['activities[0] must not be blank'] },
  ],
  [
    'a reason of 2001 characters',
    COMMAND_DTOS.withdraw,
    { reason: 'x'.repeat(2001) },
    { reason: ['reason must be at most 2000 characters'] },
  ],
  [
    'a blank motivation of a beschikking',
    COMMAND_DTOS.issueBeschikking,
    { ...fixture.EXAMPLES.issueBeschikking, motivation: '  ' },
    { motivation: ['motivation must not be blank'] },
  ],
  [
    'a motivation longer than 2000 characters',
    COMMAND_DTOS.issueBeschikking,
    { ...fixture.EXAMPLES.issueBeschikking, motivation: 'x'.repeat(2001) },
    { motivation: ['motivation must be at most 2000 characters'] },
  ],
  [
    'a blank reason',
    COMMAND_DTOS.recordVerdaging,
    { ...fixture.EXAMPLES.recordVerdaging, reason: ' \n ' },
    { reason: ['reason must not be blank'] },
  ],
  [
    'no reason',
    COMMAND_DTOS.reassignCoordinator,
    { coordinatorId: 'coord-bram' },
    { reason: ['reason must be a text'] },
  ],
  [
    'a description of 2001 characters',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.results.0.description', 'x'.repeat(2001)),
    { 'plan.results.0.description': ['description must be at most 2000 characters'] },
  ],
  [
    'a result without measure',
    COMMAND_DTOS.agreeResults,
    fixture.change(fixture.EXAMPLES.agreeResults, 'plan.results.0.measure', fixture.REMOVE),
    { 'plan.results.0.measure': ['measure must be a text'] },
  ],
  [
    'a review interval of 33 characters',
    COMMAND_DTOS.decideCoordination,
    { ...fixture.EXAMPLES.decideCoordination, reviewInterval: `P${'0'.repeat(31)}M` },
    { reviewInterval: ['reviewInterval must be shorter than or equal to 32 characters'] },
  ],

  // fields that go with others
  [
    'a review interval without coordination',
    COMMAND_DTOS.decideCoordination,
    { ...fixture.EXAMPLES.decideCoordination, coordinate: false },
    { reviewInterval: ['reviewInterval only applies when coordinating'] },
  ],
  [
    'a null review interval',
    COMMAND_DTOS.decideCoordination,
    { ...fixture.EXAMPLES.decideCoordination, reviewInterval: null },
    {
      reviewInterval: [
        'reviewInterval must be an ISO 8601 duration (e.g. P3M, P6W, P1DT12H)',
        'reviewInterval must be shorter than or equal to 32 characters',
      ],
    },
  ],
  [
    'a verlenging without its beschikking',
    COMMAND_DTOS.recordEndEvaluation,
    fixture.change(fixture.EXAMPLES.recordEndEvaluation, 'verlenging', fixture.REMOVE),
    {
      verlenging: [
        'verlenging is required when decision is verlenging',
        'verlenging must be an object',
      ],
    },
  ],
  [
    'a verlenging when closing',
    COMMAND_DTOS.recordEndEvaluation,
    { ...fixture.EXAMPLES.recordEndEvaluation, decision: 'close' },
    { verlenging: ['verlenging is only allowed when decision is verlenging'] },
  ],
  [
    'a vervolgtraject without case number',
    COMMAND_DTOS.recordEndEvaluation,
    { goals: fixture.EXAMPLES.recordEndEvaluation.goals, decision: 'vervolgtraject' },
    {
      followUpCaseNumber: [
        'followUpCaseNumber is required when decision is vervolgtraject',
        'followUpCaseNumber must be 3–40 characters: A–Z, 0–9 and single hyphens (e.g. CJG-2026-000123)',
      ],
    },
  ],
  [
    'a follow-up case number when closing',
    COMMAND_DTOS.recordEndEvaluation,
    {
      goals: fixture.EXAMPLES.recordEndEvaluation.goals,
      decision: 'close',
      followUpCaseNumber: 'CJG-2027-000045',
    },
    { followUpCaseNumber: ['followUpCaseNumber is only allowed when decision is vervolgtraject'] },
  ],
];

describe('command DTOs refuse malformed bodies', () => {
  it.each(CASES)('%s', async (_what, dto, body, expected) => {
    expect(await fixture.problems(dto, body)).toEqual(expected);
  });
});
