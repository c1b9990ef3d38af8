import type { Principal } from '../auth/principal';
import { assertInScope } from '../processes/process-access';

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

  /**
   * A parameter for the list's FROM (a join's condition): its placeholder, numbered as the
   * conditions are. Take it before adding any condition, so that it comes first.
   */
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
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
    assertInScope(principal, requested || undefined);
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
  /** The list's query: `limit` (default 25) and `offset` (default 0). */
  page: { limit?: number; offset?: number };
}

/** One page of a list, as every list answers it. */
export interface Page<Item> {
  /** Matching rows in all pages, counted in the statement that cut this page. */
  total: number;
  limit: number;
  offset: number;
  items: Item[];
}

const cut = ({ page }: PageRequest) => ({ limit: page.limit ?? 25, offset: page.offset ?? 0 });

/**
 * The SQL of one page of a list with its total, in one statement: one statement sees one
 * snapshot, so the total counts the rows the page was cut from (two statements could answer
 * `{"total":1,"items":[]}` for a row written between them). The window is counted before
 * LIMIT, so every row carries the total of the whole filter.
 */
export function pageSql(page: PageRequest): string {
  const { columns, from, filter, orderBy } = page;
  const { limit, offset } = cut(page);
  return [
    `SELECT ${columns}, count(*) OVER () AS page_total`,
    `FROM ${from} ${filter.sql}`,
    `ORDER BY ${orderBy}`,
    `LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
  ].join(' ');
}

/**
 * One page of a list and its total, from one snapshot (see {@link pageSql}), each row made an
 * item by `item`. A page past the end has no row to carry the total: only then is it counted on
 * its own (no item can disagree).
 */
export async function queryPage<Item>(
  dataSource: Queryable,
  request: PageRequest,
  item: (row: Record<string, unknown>) => Item,
): Promise<Page<Item>> {
  const { limit, offset } = cut(request);
  const rows = (await dataSource.query(pageSql(request), request.filter.values)) as Array<
    Record<string, unknown>
  >;
  let total = rows.length > 0 ? Number(rows[0]!.page_total) : 0;
  if (rows.length === 0 && offset > 0) {
    const [count] = (await dataSource.query(
      `SELECT count(*)::int AS total FROM ${request.from} ${request.filter.sql}`,
      request.filter.values,
    )) as Array<{ total: number }>;
    total = count?.total ?? 0;
  }
  return { total, limit, offset, items: rows.map(item) };
}

/** A timestamp column as the API answers it: ISO 8601, or null. */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}
