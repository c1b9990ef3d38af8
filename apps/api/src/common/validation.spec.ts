import { Type } from 'class-transformer';
import { IsString, Length, ValidateNested, ValidationError } from 'class-validator';
import { problem } from '@cjg/domain';
import {
  CodedRule,
  CONSTRAINT_CODES,
  createValidationPipe,
  flattenValidationErrors,
  problemsFromMessages,
  RequestValidationException,
  validationSummary,
  withCode,
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
      { field: 'caseNumber', problems: ['must be a string'], codes: ['required'] },
      { field: 'plan.results[0].id', problems: ['must be a string'], codes: ['required'] },
      {
        field: 'plan.results[2].score',
        problems: ['must be an integer number', 'must not be less than 1'],
        codes: ['required', 'required'],
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
      { field: 'extra', problems: ['is not allowed'], codes: ['not-allowed'] },
      { field: 'plan.x', problems: ['is not allowed'], codes: ['not-allowed'] },
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
        { field: 'bsn', problems: ['is not allowed'], codes: ['not-allowed'] },
        { field: 'caseNumber', problems: ['must be a string'], codes: ['wrong-type'] },
        {
          field: 'plan.results[1].score',
          problems: ['must not be less than 1'],
          codes: ['out-of-range'],
        },
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
      { field: '', problems: ['must be a JSON object'], codes: ['wrong-type'] },
    ]);
    expect(new RequestValidationException(flattenValidationErrors([notAnObject])).message).toBe(
      'The request is not valid.',
    );
  });
});

describe('validation codes', () => {
  const constraint = (name: string, message: string, ...value: unknown[]) =>
    flattenValidationErrors([
      error('f', { [name]: message }, [], value.length ? value[0] : 'x'),
    ])[0]!.codes;

  it('gives each class-validator constraint the DTOs use its code', () => {
    const expected: Record<string, string> = {
      isString: 'wrong-type',
      isInt: 'wrong-type',
      isBoolean: 'wrong-type',
      isArray: 'wrong-type',
      isObject: 'wrong-type',
      nestedValidation: 'wrong-type',
      isIn: 'not-in-list',
      matches: 'invalid-format',
      isEmail: 'invalid-format',
      min: 'out-of-range',
      max: 'out-of-range',
      maxLength: 'too-long',
      arrayMinSize: 'too-short',
      arrayMaxSize: 'too-long',
      arrayUnique: 'duplicate',
    };
    for (const [name, code] of Object.entries(expected)) {
      expect({ name, codes: constraint(name, 'f is wrong') }).toEqual({ name, codes: [code] });
      expect(CONSTRAINT_CODES[name]).toBe(code);
    }
    expect(constraint('someoneElsesRule', 'f is wrong')).toEqual(['invalid']);
  });

  it('tells a missing value (required) from a wrong one, and a short text from a long one', () => {
    expect(constraint('isString', 'f must be a string', undefined)).toEqual(['required']);
    expect(constraint('isLength', 'f must be longer than or equal to 1 characters', '')).toEqual([
      'required',
    ]);
    expect(constraint('isLength', 'f must be longer than or equal to 4 characters', 'ab')).toEqual([
      'too-short',
    ]);
    expect(constraint('isLength', 'f must be shorter than or equal to 4 characters')).toEqual([
      'too-long',
    ]);
  });

  it('takes the code a rule of our own gives, and never shows it in the message', () => {
    expect(
      flattenValidationErrors([
        error(
          'date',
          { isLength: withCode('invalid-date', 'date must be a calendar date') },
          [],
          '2026-1-1',
        ),
      ]),
    ).toEqual([{ field: 'date', problems: ['must be a calendar date'], codes: ['invalid-date'] }]);
  });

  it('answers a rule of our own with the code of the problem it found', async () => {
    class BudgetDto {
      @CodedRule('isBudget', (value) =>
        typeof value !== 'number'
          ? problem('wrong-type', '$property must be an amount')
          : value > 10
            ? problem('out-of-range', '$property must be at most 10')
            : undefined,
      )
      budget!: number;

      @Length(10, 10, { message: withCode('invalid-date', '$property must be a calendar date') })
      day!: string;
    }
    const pipe = createValidationPipe();
    const refused = (body: object) =>
      pipe
        .transform(body, { type: 'body', metatype: BudgetDto })
        .catch((e: unknown) => (e as RequestValidationException).details);
    expect(await refused({ budget: 11, day: '2026-1-1' })).toEqual([
      { field: 'budget', problems: ['must be at most 10'], codes: ['out-of-range'] },
      { field: 'day', problems: ['must be a calendar date'], codes: ['invalid-date'] },
    ]);
    expect(await refused({ budget: 'veel', day: '2026-01-01' })).toEqual([
      { field: 'budget', problems: ['must be an amount'], codes: ['wrong-type'] },
    ]);
    expect(await refused({ day: '2026-01-01' })).toEqual([
      { field: 'budget', problems: ['must be an amount'], codes: ['required'] },
    ]);
  });
});

describe(problemsFromMessages.name, () => {
  it('names unknown properties and keeps other reasons under field ""', () => {
    expect(
      problemsFromMessages(
        ['property reason should not exist', 'the case has ended', 'no plan'],
        'state-conflict',
      ),
    ).toEqual([
      {
        field: '',
        problems: ['the case has ended', 'no plan'],
        codes: ['state-conflict', 'state-conflict'],
      },
      { field: 'reason', problems: ['is not allowed'], codes: ['not-allowed'] },
    ]);
  });

  it('keeps the code of each problem, parallel to its message', () => {
    const details = problemsFromMessages(
      [
        problem('nothing-pending', 'no divergence is pending'),
        problem('required', 'x is required'),
      ],
      'refused',
    );
    expect(details).toEqual([
      {
        field: '',
        problems: ['no divergence is pending', 'x is required'],
        codes: ['nothing-pending', 'required'],
      },
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
