import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query-string parameters every list endpoint takes the same way. */

/** `limit`: 1 to 100, default 25. */
export const PageLimit = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(100),
  );

/** `offset`: 0 to 100,000, default 0. */
export const PageOffset = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 0, maximum: 100000, default: 0 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(100_000),
  );

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
