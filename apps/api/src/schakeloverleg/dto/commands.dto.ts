/**
 * The bodies of the transfer commands (`POST /transfers/{transferId}/<command>`). They check shape
 * and format; whether a body fits the transfer (dates against the measure's end, today, the
 * planned meeting) is judged by the domain's transferCommandProblems in the workflow (409/422).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import {
  isCalendarDate,
  isValidCaseNumber,
  problem,
  SCHAKELOVERLEG_NOT_AGREED_REASONS,
  SCHAKELOVERLEG_WITHDRAWAL_REASONS,
  type SchakeloverlegNotAgreedReason,
  type Problem,
  type SchakeloverlegWithdrawalReason,
} from '@cjg/domain';
import { CodedRule } from '../../common/validation';
import { IsCalendarDate, IsPersonId } from '../../common/validators';

const NOT_AGREED_REASONS = Object.keys(SCHAKELOVERLEG_NOT_AGREED_REASONS);
const WITHDRAWAL_REASONS = Object.keys(SCHAKELOVERLEG_WITHDRAWAL_REASONS);

const calendarDate = (v: unknown) =>
  isCalendarDate(v)
    ? undefined
    : problem(
        'invalid-date',
        '$property must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)',
      );

/**
 * A field of one outcome only: required (and checked by `problem`) when `agreed` is `when`,
 * refused when it is not; `optional` fields may be absent. One message per field.
 */
const WhenAgreedIs = (
  when: boolean,
  check: (value: unknown) => Problem | undefined,
  optional = false,
) =>
  CodedRule('whenAgreedIs', (value, body) => {
    if (typeof body.agreed !== 'boolean') return undefined; // `agreed` reports itself
    if (body.agreed !== when)
      return value === undefined
        ? undefined
        : problem('not-allowed', `$property is only allowed when agreed is ${when}`);
    if (value === undefined)
      return optional
        ? undefined
        : problem('required', `$property is required when agreed is ${when}`);
    return check(value);
  });

export class PlanTransferDto {
  @ApiProperty({
    example: '2027-02-03',
    description:
      'The day of the Schakeloverleg: a working day, from today, at least the policy’s lead time (10 working days) before the measure ends. Planning again moves it.',
  })
  @IsCalendarDate()
  meetingDate!: string;

  @ApiProperty({
    example: 'coord-anna',
    description:
      'The registered coordinator who takes part and runs the trajectory after it; the client must be registered too (the family is invited)',
  })
  @IsPersonId()
  coordinatorId!: string;
}

export class RecordTransferOutcomeDto {
  @ApiProperty({ description: 'Whether the Schakeloverleg agreed on the transfer' })
  @IsBoolean()
  agreed!: boolean;

  @ApiPropertyOptional({
    description:
      'Agreed only, and then true: the parents consent (the voluntary frame rests on it). Without consent, record "not agreed" with reason no-consent.',
  })
  @WhenAgreedIs(true, (v) =>
    typeof v === 'boolean' ? undefined : problem('wrong-type', '$property must be true or false'),
  )
  parentsConsent?: boolean;

  @ApiPropertyOptional({
    example: 'CJG-2027-000042',
    description:
      'Agreed only: the case number of the toegang trajectory that starts at once, its beschikking due before the measure’s end date (not yet in use)',
  })
  @WhenAgreedIs(true, (v) =>
    typeof v === 'string' && isValidCaseNumber(v)
      ? undefined
      : problem(
          'invalid-format',
          '$property must be 3–40 characters: A–Z, 0–9 and single hyphens (e.g. CJG-2027-000042)',
        ),
  )
  caseNumber?: string;

  @ApiPropertyOptional({
    enum: NOT_AGREED_REASONS,
    example: 'no-consent',
    description: 'Not agreed only: why',
  })
  @WhenAgreedIs(false, (v) =>
    NOT_AGREED_REASONS.includes(v as string)
      ? undefined
      : problem('not-in-list', `$property must be one of ${NOT_AGREED_REASONS.join(', ')}`),
  )
  reason?: SchakeloverlegNotAgreedReason;

  @ApiPropertyOptional({
    example: '2027-09-01',
    description:
      'Not agreed only: the day to look at it again; the workflow reminds the coordinator and the GI then, and it can be planned again',
  })
  @WhenAgreedIs(false, calendarDate)
  revisitDate?: string;

  @ApiPropertyOptional({
    example: '2028-03-01',
    description:
      'Not agreed, optional: the measure’s new planned end date when it will be extended (the revisit must leave time for a Schakeloverleg before it)',
  })
  @WhenAgreedIs(false, calendarDate, true)
  measureEndDate?: string;
}

export class ChangeMeasureEndDto {
  @ApiProperty({
    example: '2027-04-01',
    description:
      'The measure’s new end date (extended or shortened by the court); the voluntary frame of an agreed transfer begins on it',
  })
  @IsCalendarDate()
  endDate!: string;
}

export class WithdrawTransferDto {
  @ApiProperty({ enum: WITHDRAWAL_REASONS, example: 'measure-continues' })
  @IsIn(WITHDRAWAL_REASONS)
  reason!: SchakeloverlegWithdrawalReason;
}
