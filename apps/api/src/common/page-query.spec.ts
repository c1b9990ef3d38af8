import { ForbiddenException } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { Filter, pageSql, queryPage, type PageRequest } from './page-query';

const coordinator: Principal = { sub: 'coord-a', role: 'coordinator', municipalities: ['0957'] };

function page(filter: Filter, offset = 0): PageRequest {
  return {
    columns: 'case_number, phase',
    from: 'trajectory',
    filter,
    orderBy: 'case_number ASC',
    page: { offset },
  };
}

/** A data source that answers each statement in turn, and keeps what it was asked. */
function dataSource(...answers: unknown[][]) {
  const asked: Array<{ sql: string; values: unknown[] }> = [];
  return {
    asked,
    query: (sql: string, values: unknown[]) => {
      asked.push({ sql, values });
      return Promise.resolve(answers.shift() ?? []);
    },
  };
}

describe(Filter.name, () => {
  it('numbers the parameters in the order the conditions are added', () => {
    const filter = new Filter()
      .add('phase = ?', 'intake')
      .addAll('(closed_at IS NULL OR closed_at + ?::interval > ?)', 'P3M', 'now')
      .add('overdue = ?', true);
    expect(filter.sql).toBe(
      'WHERE phase = $1 AND (closed_at IS NULL OR closed_at + $2::interval > $3) AND overdue = $4',
    );
    expect(filter.values).toEqual(['intake', 'P3M', 'now', true]);
  });

  it('numbers a parameter of the FROM before the conditions', () => {
    const filter = new Filter();
    const agb = filter.param('12345678');
    filter.add('phase = ?', 'intake');
    expect(agb).toBe('$1');
    expect(filter.sql).toBe('WHERE phase = $2');
    expect(filter.values).toEqual(['12345678', 'intake']);
  });

  it('keeps a coordinator within the municipalities of its token', () => {
    const filter = new Filter().withinMunicipalities(coordinator, undefined);
    expect(filter.sql).toBe('WHERE municipality_code = ANY($1)');
    expect(filter.values).toEqual([['0957']]);
    expect(() => new Filter().withinMunicipalities(coordinator, '0983')).toThrow(
      ForbiddenException,
    );
  });
});

describe(queryPage.name, () => {
  it('counts the total in the statement that cuts the page, so both see one snapshot', () => {
    const sql = pageSql(page(new Filter().add('phase = ?', 'intake')));
    expect(sql).toContain('count(*) OVER () AS page_total');
    expect(sql).toMatch(/FROM trajectory WHERE phase = \$1 ORDER BY case_number ASC LIMIT 25/);
    expect(sql.match(/SELECT/g)).toHaveLength(1);
  });

  it('answers the page and its total from one statement', async () => {
    const db = dataSource([
      { case_number: 'CJG-1', phase: 'intake', page_total: '2' },
      { case_number: 'CJG-2', phase: 'intake', page_total: '2' },
    ]);
    const filter = new Filter().add('phase = ?', 'intake');
    const answer = await queryPage(db, page(filter), (row) => row.case_number);
    expect(answer).toEqual({ total: 2, limit: 25, offset: 0, items: ['CJG-1', 'CJG-2'] });
    expect(db.asked).toHaveLength(1);
    expect(db.asked[0]!.values).toEqual(['intake']);
  });

  it('answers an empty first page with a total of 0 without asking again', async () => {
    const db = dataSource([]);
    expect(await queryPage(db, page(new Filter()), String)).toMatchObject({ total: 0, items: [] });
    expect(db.asked).toHaveLength(1);
  });

  it('counts on its own only for a page past the end, which has no item to disagree', async () => {
    const db = dataSource([], [{ total: 3 }]);
    expect(await queryPage(db, page(new Filter(), 50), String)).toEqual({
      total: 3,
      limit: 25,
      offset: 50,
      items: [],
    });
    expect(db.asked[1]!.sql).toBe('SELECT count(*)::int AS total FROM trajectory ');
  });
});
