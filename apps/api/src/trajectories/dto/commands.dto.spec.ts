import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';
import { COMMAND_FIELDS, type CommandType } from '@cjg/domain';
import {
  AgreeResultsDto,
  AnswerQuestionnaireDto,
  COMMAND_DTOS,
  DecideCoordinationDto,
  IssueBeschikkingDto,
  RecordEndEvaluationDto,
  RecordProviderIntakeDto,
  RecordReviewDto,
  ReportEvaluationDto,
  StartZorgDto,
  StopZorgDto,
  WithdrawDto,
} from './commands.dto';

import {
  Dto,
  Body,
  problems,
  change,
  REMOVE,
  AGB,
  results,
  zin,
  pgb,
  EXAMPLES,
} from './commands.dto.testing';

/** Valid bodies besides the examples: other variants of the same commands. */
const VARIANTS: Array<[string, Dto, Body]> = [
  ['a PGB beschikking', IssueBeschikkingDto, { beschikking: pgb }],
  [
    'a questionnaire with the CJG and the coordinator rated too',
    AnswerQuestionnaireDto,
    { ...EXAMPLES.answerQuestionnaire, ratingCjg: 4, ratingCoordinator: 5 },
  ],
  [
    'a review that scales up, with its new interval',
    RecordReviewDto,
    { ...EXAMPLES.recordReview, decision: 'opschalen', reviewInterval: 'P1M' },
  ],
  [
    'a beschikking with its motivation in words',
    IssueBeschikkingDto,
    { beschikking: pgb, motivation: 'U wilt de hulp zelf regelen bij iemand die uw zoon kent.' },
  ],
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
