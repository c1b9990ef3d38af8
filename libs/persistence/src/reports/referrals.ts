import { JZ020_PRODUCT_CATEGORIES } from '@cjg/domain';
import { ReportQuery, type ReportDb, type ReportFilter } from './report-filter';

/** How referrals are grouped in time; `period` is the whole period as one group. */
export const REFERRAL_GROUPS = ['month', 'quarter', 'year', 'period'] as const;
export type ReferralGroup = (typeof REFERRAL_GROUPS)[number];

export interface ReferralsFilter extends ReportFilter {
  /** Default `month`. */
  group?: ReferralGroup;
}

/** `date_trunc` field and `to_char` label of each grouping; `period` is one group. */
const BUCKETS: Record<ReferralGroup, { field: string | null; label: string }> = {
  month: { field: 'month', label: 'YYYY-MM' },
  quarter: { field: 'quarter', label: 'YYYY-"Q"Q' },
  year: { field: 'year', label: 'YYYY' },
  period: { field: null, label: '' },
};

/** The `productCategory` of PGB beschikkingen in the report: a budget, not a JZ020 category. */
export const PGB_REFERRAL = 'pgb';
export const PGB_REFERRAL_NAME = 'Persoonsgebonden budget (PGB)';

export interface ReferralRow {
  /** `2026-03` (month), `2026-Q1` (quarter), `2026` (year) or `2026-01-01/2026-12-31` (period). */
  period: string;
  /** JZ020 productcategorie, or `pgb` for a persoonsgebonden budget. */
  productCategory: string;
  productCategoryName: string | null;
  /** Toewijzingen and PGB beschikkingen starting in the group. */
  referrals: number;
  /** Distinct trajectories among them. */
  trajectories: number;
}

export interface ReferralsReport {
  group: ReferralGroup;
  rows: ReferralRow[];
  total: { referrals: number; trajectories: number };
}

/**
 * Referrals to specialised care per period and product category: toewijzingen (one row of
 * `trajectory_toewijzing` is one referral to one provider, in natura) and PGB beschikkingen (a
 * budget the family buys the care with; category `pgb`) whose start date falls in the period,
 * grouped by the month (default), quarter or year of that start date, or over the whole period,
 * and by JZ020 productcategorie; with the number of distinct trajectories referred.
 */
export async function referralsReport(
  db: ReportDb,
  filter: ReferralsFilter,
): Promise<ReferralsReport> {
  const q = new ReportQuery(filter);
  const p = q.period;
  const group = filter.group ?? 'month';
  const bucket = BUCKETS[group];
  if (!bucket) throw new RangeError(`unknown referral group ${group}`);
  const start = bucket.field
    ? `date_trunc(${q.add(bucket.field)}, r.start_date::timestamp)`
    : 'NULL::timestamp';
  const from = q.add(p.fromDate);
  const to = q.add(p.toDate);
  // Referrals and distinct trajectories per group without count(DISTINCT): counted per
  // trajectory first (hash aggregates, no sorts), then per group and over all.
  const rows: Array<{
    isTotal: boolean;
    bucket: string | null;
    productCategory: string | null;
    referrals: number;
    trajectories: number;
  }> = await db.query(
    `WITH referral AS (
       SELECT tw.case_number, tw.start_date, tw.product_category::text AS product_category
       FROM trajectory_toewijzing tw
       ${q.scopeJoin('tw')}
       WHERE tw.start_date BETWEEN ${from}::date AND ${to}::date
       UNION ALL
       SELECT b.case_number, b.start_date, ${q.add(PGB_REFERRAL)}::text
       FROM trajectory_beschikking b
       ${q.scopeJoin('b')}
       WHERE b.kind = 'pgb' AND b.start_date BETWEEN ${from}::date AND ${to}::date
     ), per_trajectory AS (
       SELECT ${start} AS bucket, r.product_category, r.case_number, count(*) AS referrals
       FROM referral r
       GROUP BY 1, 2, 3
     ), per_group AS (
       SELECT bucket, product_category, sum(referrals)::int AS referrals, count(*)::int AS trajectories
       FROM per_trajectory
       GROUP BY bucket, product_category
     )
     SELECT false AS "isTotal", to_char(bucket, ${q.add(bucket.label)}) AS bucket,
       product_category AS "productCategory", referrals, trajectories
     FROM per_group
     UNION ALL
     SELECT true, NULL, NULL, coalesce(sum(referrals), 0)::int,
       (SELECT count(*) FROM (SELECT DISTINCT case_number FROM per_trajectory) d)::int
     FROM per_trajectory
     ORDER BY 1, 2, 3`,
    q.values,
  );
  const categories: Record<string, string> = {
    ...JZ020_PRODUCT_CATEGORIES,
    [PGB_REFERRAL]: PGB_REFERRAL_NAME,
  };
  const total = rows.find((r) => r.isTotal);
  return {
    group,
    rows: rows
      .filter((r) => !r.isTotal)
      .map((r) => ({
        period: r.bucket ?? `${p.fromDate}/${p.toDate}`,
        productCategory: r.productCategory!,
        productCategoryName: categories[r.productCategory!] ?? null,
        referrals: r.referrals,
        trajectories: r.trajectories,
      })),
    total: { referrals: total?.referrals ?? 0, trajectories: total?.trajectories ?? 0 },
  };
}
