import type { ChartReport } from './report-page';

/** The reports with a page of their own under /rapportages, in the order the overview lists them. */
export const REPORT_ORDER: readonly ChartReport[] = [
  'waiting-times',
  'overdue',
  'referrals',
  'goal-attainment',
  'client-ratings',
];
