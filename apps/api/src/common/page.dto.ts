import { ApiProperty } from '@nestjs/swagger';
import { PageLimit, PageOffset } from './query-params';

/** The query of every list: `limit` (1–100, default 25) and `offset`. */
export class PageQueryDto {
  @PageLimit()
  limit?: number;

  @PageOffset()
  offset?: number;
}

/** What every page of a list says besides its items (common/page-query.ts answers it). */
export class PageDto {
  @ApiProperty({
    example: 1,
    description: 'Matching rows in all pages, counted in the statement that cut this page',
  })
  total!: number;

  @ApiProperty({ example: 25 })
  limit!: number;

  @ApiProperty({ example: 0 })
  offset!: number;
}
