import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ANSWER_QUESTIONS, type AnswerQuestion } from '@cjg/notifications';

/**
 * The answer form of a client's link, as the page posts it (form-urlencoded: `ja`/`nee`, `1`–`5`)
 * or as JSON (also `true`/`false` and numbers). Which field counts is decided by the token's
 * question; the other must be absent.
 */
export class AnswerFormDto {
  @ApiProperty({ description: 'The token of the link (the `token` query parameter)' })
  @IsString()
  @MaxLength(1024)
  token!: string;

  @ApiPropertyOptional({
    description: '3-month check: does the care fit what the client needs?',
    oneOf: [{ type: 'string', enum: ['ja', 'nee'] }, { type: 'boolean' }],
    example: 'ja',
  })
  @IsOptional()
  @IsIn(['ja', 'nee', true, false], { message: 'fitting must be ja or nee (or true or false)' })
  fitting?: 'ja' | 'nee' | boolean;

  @ApiPropertyOptional({
    description: 'Questionnaire: how satisfied the client is with the care, 1 (not) to 5 (very)',
    oneOf: [
      { type: 'integer', minimum: 1, maximum: 5 },
      { type: 'string', enum: ['1', '2', '3', '4', '5'] },
    ],
    example: 4,
  })
  @IsOptional()
  @IsIn([1, 2, 3, 4, 5, '1', '2', '3', '4', '5'], { message: 'rating must be 1, 2, 3, 4 or 5' })
  rating?: number | string;

  @ApiPropertyOptional({
    description: 'Questionnaire: how satisfied with the CJG, 1 to 5 (004)',
    oneOf: [
      { type: 'integer', minimum: 1, maximum: 5 },
      { type: 'string', enum: ['1', '2', '3', '4', '5'] },
    ],
    example: 4,
  })
  @IsOptional()
  @IsIn([1, 2, 3, 4, 5, '1', '2', '3', '4', '5'], { message: 'ratingCjg must be 1, 2, 3, 4 or 5' })
  ratingCjg?: number | string;

  @ApiPropertyOptional({
    description: 'Questionnaire: how satisfied with the coordinator, 1 to 5 (004)',
    oneOf: [
      { type: 'integer', minimum: 1, maximum: 5 },
      { type: 'string', enum: ['1', '2', '3', '4', '5'] },
    ],
    example: 5,
  })
  @IsOptional()
  @IsIn([1, 2, 3, 4, 5, '1', '2', '3', '4', '5'], {
    message: 'ratingCoordinator must be 1, 2, 3, 4 or 5',
  })
  ratingCoordinator?: number | string;
}

/** The question of a link, for `Accept: application/json`. */
export class AnswerQuestionDto {
  @ApiProperty({ example: 'CJG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ enum: ANSWER_QUESTIONS, example: 'three-month-check' })
  question!: AnswerQuestion;

  @ApiProperty({
    description: 'The question as the page asks it',
    example: 'Past de hulp bij wat u nodig heeft?',
  })
  text!: string;

  @ApiProperty({
    description: 'Until when the link can be used',
    example: '2026-05-01T08:00:00.000Z',
  })
  expiresAt!: string;
}

/** An answer taken, for `Accept: application/json`. */
export class AnswerReceivedDto {
  @ApiProperty({ example: 'CJG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ enum: ANSWER_QUESTIONS, example: 'three-month-check' })
  question!: AnswerQuestion;

  @ApiProperty({ enum: ['received'] })
  status!: 'received';
}
