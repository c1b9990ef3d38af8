import { DRANG_SOURCES } from '@cjg/domain';
import { ReportQuery, type ReportDb, type ReportFilter } from './report-filter';

export interface DrangRow {
  /** Where the concerns came from (DRANG_SOURCES), with its words. */
  source: string;
  sourceLabel: string | null;
  /** Registered as drang in the period (`drang_since` in it). */
  marked: number;
  /** Drang trajectories open at the end of the period. */
  openAtEnd: number;
  /** Drang trajectories closed (ended or withdrawn) in the period. */
  closed: number;
}

export interface DrangReport {
  rows: DrangRow[];
  total: Omit<DrangRow, 'source' | 'sourceLabel'>;
}

const LABELS: Record<string, string> = DRANG_SOURCES;

/**
 * Drang (002 §3.6, §5.6), per source of the concerns: trajectories registered as drang in the
 * period (their `drang_since`), those open at the end of it (drang since before its end, started
 * before its end and not closed by then), and those closed in it.
 */
export async function drangReport(db: ReportDb, filter: ReportFilter): Promise<DrangReport> {
  const q = new ReportQuery(filter);
  const p = q.period;
  const fromDate = q.add(p.fromDate);
  const toDate = q.add(p.toDate);
  const from = q.add(p.fromInstant);
  const until = q.add(p.untilInstant);
  const rows: Array<DrangRow & { isTotal: boolean }> = await db.query(
    `SELECT t.drang_source AS source, GROUPING(t.drang_source) = 1 AS "isTotal",
       count(*) FILTER (WHERE t.drang_since BETWEEN ${fromDate}::date AND ${toDate}::date)::int AS marked,
       count(*) FILTER (WHERE t.drang_since <= ${toDate}::date AND t.started_at < ${until}
         AND (t.closed_at IS NULL OR t.closed_at >= ${until}))::int AS "openAtEnd",
       count(*) FILTER (WHERE t.closed_at >= ${from} AND t.closed_at < ${until})::int AS closed
     FROM trajectory t
     WHERE t.drang_since IS NOT NULL AND ${q.scope('t')}
     GROUP BY GROUPING SETS ((t.drang_source), ())
     ORDER BY "isTotal", t.drang_source`,
    q.values,
  );
  const counted = (r: DrangRow) => r.marked + r.openAtEnd + r.closed > 0;
  const total = rows.find((r) => r.isTotal);
  return {
    rows: rows
      .filter((r) => !r.isTotal && counted(r))
      .map(({ isTotal: _, ...r }) => ({ ...r, sourceLabel: LABELS[r.source] ?? null })),
    total: {
      marked: total?.marked ?? 0,
      openAtEnd: total?.openAtEnd ?? 0,
      closed: total?.closed ?? 0,
    },
  };
}
