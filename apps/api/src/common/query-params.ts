import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query-string parameters every list endpoint takes the same way. */

/** A whole number from `minimum` to `maximum`, `fallback` when absent. */
const PageNumber = (minimum: number, maximum: number, fallback: number) =>
  applyDecorators(
    ApiPropertyOptional({ minimum, maximum, default: fallback }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(minimum),
    Max(maximum),
  );

/** `limit`: 1 to 100, default 25. */
export const PageLimit = () => PageNumber(1, 100, 25);

/** `offset`: 0 to 100,000, default 0. */
export const PageOffset = () => PageNumber(0, 100_000, 0);

/** An optional `true`/`false` flag; anything else is refused by validation. */
export const QueryBoolean = (doc: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiPropertyOptional(doc),
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      value === 'true' ? true : value === 'false' ? false : value,
    ),
    IsBoolean(),
  );
