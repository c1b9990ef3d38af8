import { useEffect, useState } from 'react';
import { api, asErrorBody, type Schemas } from '../../api/client';
import { useRouter } from '../../router';
import { describeRefusal, type Refusal } from '../../texts/refusals';

/**
 * The management reports (docs/reports.md) as the werkplek shows them: each a `GET /reports/<name>`
 * for team leads (their municipalities) and ops (all), with a period, as JSON for the page and
 * as the API's own CSV for the download.
 */
export interface ReportAnswers {
  caseload: Schemas['CaseloadReportDto'];
  'waiting-times': Schemas['WaitingTimesReportDto'];
  overdue: Schemas['OverdueReportDto'];
  referrals: Schemas['ReferralsReportDto'];
  'goal-attainment': Schemas['GoalAttainmentReportDto'];
  'client-ratings': Schemas['ClientRatingsReportDto'];
}

export type ReportName = keyof ReportAnswers;
export type ReferralGroup = Schemas['ReferralsReportDto']['group'];

/** What a report is asked for; the names of the API's query parameters. */
export interface ReportQuery {
  from?: string;
  to?: string;
  municipalityCode?: string;
  /** referrals only */
  group?: ReferralGroup;
}

type Format = { format?: 'json' | 'csv' };

/**
 * One call per report, written out so that the typed client checks each route and its query
 * (a report the API no longer has fails the typecheck). `parseAs` is `json` for the page and
 * `blob` for the CSV.
 */
function call(name: ReportName, query: ReportQuery & Format, parseAs: 'json' | 'blob') {
  const { group, ...common } = query;
  const init = { params: { query: common }, parseAs };
  switch (name) {
    case 'caseload':
      return api.GET('/reports/caseload', init);
    case 'waiting-times':
      return api.GET('/reports/waiting-times', init);
    case 'overdue':
      return api.GET('/reports/overdue', init);
    case 'referrals':
      return api.GET('/reports/referrals', {
        params: { query: { ...common, ...(group ? { group } : {}) } },
        parseAs,
      });
    case 'goal-attainment':
      return api.GET('/reports/goal-attainment', init);
    case 'client-ratings':
      return api.GET('/reports/client-ratings', init);
  }
}

export interface ReportState<N extends ReportName> {
  answer?: ReportAnswers[N];
  refusal?: Refusal;
}

/** Loads a report for the page; again whenever the query changes. */
export function useReport<N extends ReportName>(name: N, query: ReportQuery): ReportState<N> {
  const [state, setState] = useState<ReportState<N>>({});
  const key = JSON.stringify([name, query]);
  useEffect(() => {
    let live = true;
    setState({});
    const [reportName, reportQuery] = JSON.parse(key) as [N, ReportQuery];
    void call(reportName, reportQuery, 'json').then(
      ({ data, error, response }) => {
        if (!live) return;
        if (response.ok && data) setState({ answer: data as ReportAnswers[N] });
        else setState({ refusal: describeRefusal(asErrorBody(error), response.status) });
      },
      () => live && setState({ refusal: describeRefusal(undefined, 503) }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

/** The query of a report page from its address: `van`, `tot`, `gemeente`, `groep`. */
export function useReportQuery(): ReportQuery {
  const { query } = useRouter();
  const from = query.get('van') ?? '';
  const to = query.get('tot') ?? '';
  const municipalityCode = query.get('gemeente') ?? '';
  const group = query.get('groep') ?? '';
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(municipalityCode ? { municipalityCode } : {}),
    ...(isGroup(group) ? { group } : {}),
  };
}

export const REFERRAL_GROUPS: Record<ReferralGroup, string> = {
  month: 'Per maand',
  quarter: 'Per kwartaal',
  year: 'Per jaar',
  period: 'De hele periode',
};

function isGroup(value: string): value is ReferralGroup {
  return Object.hasOwn(REFERRAL_GROUPS, value);
}

/** The file name the API gives (`Content-Disposition: attachment; filename="…"`). */
export function attachmentName(header: string | null): string | undefined {
  const match = header ? /filename="([^"]+)"/.exec(header) : null;
  return match?.[1];
}

export type CsvOutcome = { fileName: string } | { refusal: Refusal };

/**
 * The report as CSV, from the API (RFC 4180, the same figures as the page), saved as a file: the
 * call needs the bearer token, so a plain link cannot fetch it; the answer is handed to the
 * browser as a Blob URL on a download link.
 */
export async function downloadCsv(name: ReportName, query: ReportQuery): Promise<CsvOutcome> {
  try {
    const { data, error, response } = await call(name, { ...query, format: 'csv' }, 'blob');
    if (!response.ok || !(data instanceof Blob)) {
      return { refusal: describeRefusal(asErrorBody(error), response.status) };
    }
    const fileName = attachmentName(response.headers.get('content-disposition')) ?? `${name}.csv`;
    const url = URL.createObjectURL(data);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // The browser has the file once the click is handled; the URL is freed a little later.
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { fileName };
  } catch {
    return { refusal: describeRefusal(undefined, 503) };
  }
}

const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** A figure as Dutch readers write it (36,6); `—` when there is nothing to count (null). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}

export function formatPct(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${decimal.format(value)}%`;
}
