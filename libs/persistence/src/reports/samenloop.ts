import { DEFAULT_POLICY } from '@cjg/domain';
import { ReportQuery, type ReportDb, type ReportFilter } from './report-filter';

export interface SamenloopFilter extends ReportFilter {
  /** Providers at once that make a samenloop family; default the policy's (3). */
  threshold?: number;
}

export interface SamenloopFamilyRow {
  familyId: string;
  /** Distinct providers active now across the family's open trajectories. */
  providers: number;
  /** The family's open trajectories with an active provider. */
  trajectories: number;
}

export interface SamenloopReport {
  threshold: number;
  /** Samenloop families now. */
  families: number;
  /** Most providers first; ids only. */
  rows: SamenloopFamilyRow[];
}

/**
 * Samenloop families (004): families with at least `threshold` distinct providers active at
 * once, now: the union of `active_provider_agb_codes` over the family's open trajectories (in
 * the municipalities of the filter; a trajectory elsewhere is outside the caller's view). The
 * period does not apply: the read model knows which providers are active now, not which were.
 */
export async function samenloopReport(
  db: ReportDb,
  filter: SamenloopFilter,
): Promise<SamenloopReport> {
  const q = new ReportQuery(filter);
  const threshold = filter.threshold ?? DEFAULT_POLICY.samenloopThreshold;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError('threshold must be a whole number of at least 1');
  }
  const rows: SamenloopFamilyRow[] = await db.query(
    `SELECT t.family_id AS "familyId", count(DISTINCT a.agb_code)::int AS providers,
       count(DISTINCT t.case_number)::int AS trajectories
     FROM trajectory t
     CROSS JOIN LATERAL unnest(t.active_provider_agb_codes) AS a (agb_code)
     WHERE t.closed_at IS NULL AND t.family_id IS NOT NULL
       AND t.active_provider_agb_codes <> '{}' AND ${q.scope('t')}
     GROUP BY t.family_id
     HAVING count(DISTINCT a.agb_code) >= ${q.add(threshold)}
     ORDER BY providers DESC, t.family_id`,
    q.values,
  );
  return { threshold, families: rows.length, rows };
}
