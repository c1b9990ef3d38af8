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
  /** The municipality that named the family itself (004), when one did. */
  namedByMunicipality: string | null;
  /** The family's answer to the CJG (004): `given`, `refused`, or null while there is none. */
  consent: 'given' | 'refused' | null;
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
 * the municipalities of the filter; a trajectory elsewhere is outside the caller's view), and
 * the families a municipality of the filter named itself, whatever their count. Each with who
 * named it and the family's consent. The period does not apply: the read model knows which
 * providers are active now, not which were.
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
  const codes = q.period.municipalityCodes;
  const namedHere =
    codes === null ? 'TRUE' : `f.named_by_municipality = ANY (${q.add(codes)}::bpchar[])`;
  const rows: SamenloopFamilyRow[] = await db.query(
    `WITH active AS (
       SELECT t.family_id, count(DISTINCT a.agb_code)::int AS providers,
         count(DISTINCT t.case_number)::int AS trajectories
       FROM trajectory t
       CROSS JOIN LATERAL unnest(t.active_provider_agb_codes) AS a (agb_code)
       WHERE t.closed_at IS NULL AND t.family_id IS NOT NULL
         AND t.active_provider_agb_codes <> '{}' AND ${q.scope('t')}
       GROUP BY t.family_id
     ), picked AS (
       SELECT family_id FROM active WHERE providers >= ${q.add(threshold)}
       UNION
       SELECT f.id FROM family f WHERE f.named_by_municipality IS NOT NULL AND ${namedHere}
     )
     SELECT p.family_id AS "familyId", coalesce(a.providers, 0) AS providers,
       coalesce(a.trajectories, 0) AS trajectories,
       f.named_by_municipality::text AS "namedByMunicipality", f.consent
     FROM picked p
     LEFT JOIN family f ON f.id = p.family_id
     LEFT JOIN active a ON a.family_id = p.family_id
     ORDER BY providers DESC, p.family_id`,
    q.values,
  );
  return { threshold, families: rows.length, rows };
}
