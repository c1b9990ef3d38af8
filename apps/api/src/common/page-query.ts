import { ForbiddenException } from '@nestjs/common';
import type { Principal } from '../auth/principal';

/** What runs a statement (a TypeORM DataSource). */
export interface Queryable {
  query(sql: string, values: unknown[]): Promise<unknown>;
}

/** The WHERE clause of a list, built from conditions with one `?` each, as numbered parameters. */
export class Filter {
  private readonly conditions: string[] = [];
  readonly values: unknown[] = [];

  /** `add('phase = ?', 'intake')`. */
  add(condition: string, value: unknown): this {
    this.values.push(value);
    this.conditions.push(condition.replace('?', `$${this.values.length}`));
    return this;
  }

  /** A condition with several `?`s, each taking the next of `values`. */
  addAll(condition: string, ...values: unknown[]): this {
    let sql = condition;
    for (const value of values) {
      this.values.push(value);
      sql = sql.replace('?', `$${this.values.length}`);
    }
    this.conditions.push(sql);
    return this;
  }

  /**
   * Coordinators and team leads list within the municipalities of their token: a filter on
   * another municipality is a 403, not an empty list.
   */
  withinMunicipalities(principal: Principal, requested: string | undefined): this {
    if (requested && !principal.municipalities.includes(requested)) {
      throw new ForbiddenException(`municipality ${requested} is outside the token scope`);
    }
    return this.add('municipality_code = ANY(?)', principal.municipalities);
  }

  get sql(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

export interface PageRequest {
  /** The columns of an item, as `SELECT` lists them. */
  columns: string;
  /** The table (a read model table). */
  from: string;
  filter: Filter;
  orderBy: string;
  limit: number;
  offset: number;
}

/**
 * The SQL of one page of a list with its total, in one statement: one statement sees one
 * snapshot, so the total counts the rows the page was cut from (two statements could answer
 * `{"total":1,"items":[]}` for a row written between them). The window is counted before
 * LIMIT, so every row carries the total of the whole filter.
 */
export function pageSql(page: PageRequest): string {
  const { columns, from, filter, orderBy, limit, offset } = page;
  return [
    `SELECT ${columns}, count(*) OVER () AS page_total`,
    `FROM ${from} ${filter.sql}`,
    `ORDER BY ${orderBy}`,
    `LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
  ].join(' ');
}

/**
 * One page of a list and its total, from one snapshot (see {@link pageSql}). A page past the
 * end has no row to carry the total: only then is it counted on its own (no item can disagree).
 */
export async function queryPage<Row extends Record<string, unknown>>(
  dataSource: Queryable,
  page: PageRequest,
): Promise<{ total: number; rows: Row[] }> {
  const rows = (await dataSource.query(pageSql(page), page.filter.values)) as Array<
    Row & { page_total: string | number }
  >;
  if (rows.length > 0) return { total: Number(rows[0]!.page_total), rows };
  if (page.offset === 0) return { total: 0, rows: [] };
  const [count] = (await dataSource.query(
    `SELECT count(*)::int AS total FROM ${page.from} ${page.filter.sql}`,
    page.filter.values,
  )) as Array<{ total: number }>;
  return { total: count?.total ?? 0, rows: [] };
}

/** A timestamp column as the API answers it: ISO 8601, or null. */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}
