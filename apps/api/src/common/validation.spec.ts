import { Type } from 'class-transformer';
import { IsString, ValidateNested, ValidationError } from 'class-validator';
import {
  createValidationPipe,
  flattenValidationErrors,
  problemsFromMessages,
  RequestValidationException,
  validationSummary,
} from './validation';
import { invalidFields, PlanDto } from './validation.testing';

class CaseDto {
  @IsString()
  caseNumber!: string;

  @ValidateNested()
  @Type(() => PlanDto)
  plan!: PlanDto;
}

function error(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
  value?: unknown,
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children, value });
}

describe(flattenValidationErrors.name, () => {
  it('walks nested objects and arrays into dotted and indexed paths', () => {
    const errors = [
      error('caseNumber', { isString: 'caseNumber must be a string' }),
      error(
        'plan',
        undefined,
        [
          error(
            'results',
            undefined,
            [
              error('0', undefined, [error('id', { isString: 'id must be a string' })]),
              error('2', undefined, [
                error('score', {
                  isInt: 'score must be an integer number',
                  min: 'score must not be less than 1',
                }),
              ]),
            ],
            [{}, {}, {}],
          ),
        ],
        {},
      ),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'caseNumber', problems: ['must be a string'] },
      { field: 'plan.results[0].id', problems: ['must be a string'] },
      {
        field: 'plan.results[2].score',
        problems: ['must be an integer number', 'must not be less than 1'],
      },
    ]);
  });

  it('turns unknown properties into "is not allowed"', () => {
    expect(
      flattenValidationErrors([
        error('extra', { whitelistValidation: 'property extra should not exist' }),
        error('plan', undefined, [
          error('x', { whitelistValidation: 'property x should not exist' }),
        ]),
      ]),
    ).toEqual([
      { field: 'extra', problems: ['is not allowed'] },
      { field: 'plan.x', problems: ['is not allowed'] },
    ]);
  });

  it('is what the global pipe throws, without echoing values', async () => {
    const pipe = createValidationPipe();
    const thrown = await pipe
      .transform(
        {
          caseNumber: 7,
          plan: {
            results: [
              { id: 'a', score: 2 },
              { id: 'b', score: 0 },
            ],
          },
          bsn: '111222333',
        },
        { type: 'body', metatype: CaseDto },
      )
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(RequestValidationException);
    const response = (thrown as RequestValidationException).getResponse();
    expect(response).toEqual(
      invalidFields('The request has invalid fields: bsn, caseNumber, plan.results[1].score.', [
        { field: 'bsn', problems: ['is not allowed'] },
        { field: 'caseNumber', problems: ['must be a string'] },
        { field: 'plan.results[1].score', problems: ['must not be less than 1'] },
      ]),
    );
    expect(JSON.stringify(response)).not.toContain('111222333');
  });

  it('answers a body that is not an object for the request as a whole', () => {
    const notAnObject = Object.assign(new ValidationError(), {
      constraints: { unknownValue: 'an unknown value was passed to the validate function' },
      children: [],
    });
    expect(flattenValidationErrors([notAnObject])).toEqual([
      { field: '', problems: ['must be a JSON object'] },
    ]);
    expect(new RequestValidationException(flattenValidationErrors([notAnObject])).message).toBe(
      'The request is not valid.',
    );
  });
});

describe(problemsFromMessages.name, () => {
  it('names unknown properties and keeps other reasons under field ""', () => {
    expect(
      problemsFromMessages(['property reason should not exist', 'the case has ended', 'no plan']),
    ).toEqual([
      { field: '', problems: ['the case has ended', 'no plan'] },
      { field: 'reason', problems: ['is not allowed'] },
    ]);
  });
});

describe(validationSummary.name, () => {
  it('names the fields, once each', () => {
    expect(
      validationSummary([
        { field: 'a', problems: ['x'] },
        { field: 'a', problems: ['y'] },
      ]),
    ).toBe('The request has an invalid field: a.');
    expect(validationSummary([])).toBe('The request is not valid.');
  });
});
