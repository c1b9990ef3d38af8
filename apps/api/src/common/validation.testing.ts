/** For tests of the validation answers: a body part with a list of nested objects. */
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';

export class ResultDto {
  @IsString()
  id!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  score?: number;
}

/** `results`, each one a {@link ResultDto}: its problems are named `plan.results[1].score`. */
export class PlanDto {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ResultDto)
  results!: ResultDto[];
}

/** The 400 answer to a body with invalid fields (the filter adds the request id). */
export const invalidFields = (
  message: string,
  details: Array<{ field: string; problems: string[]; codes: string[] }>,
) => ({ statusCode: 400, error: 'Bad Request', code: 'validation-failed', message, details });
