import type { Schemas } from '../api/client';
import type { Role } from '../auth/session';

/** Dutch names of the API's codes, one place for the whole app. */

export type Phase = Schemas['TrajectorySummaryDto']['phase'];

export const PHASES: Record<Phase, string> = {
  intake: 'Intake',
  'results-agreed': 'Resultaten afgesproken',
  'provider-intake': 'Intake aanbieder',
  beschikking: 'Beschikking',
  monitoring: 'Monitoring',
  'end-evaluation': 'Eindevaluatie',
  closed: 'Afgesloten',
  withdrawn: 'Ingetrokken',
};

/** The phase line of the case page: the way a trajectory goes, in order. */
export const PHASE_LINE: readonly Phase[] = [
  'intake',
  'results-agreed',
  'provider-intake',
  'beschikking',
  'monitoring',
  'end-evaluation',
  'closed',
];

export const ROLES: Record<Role, string> = {
  coordinator: 'Coördinator',
  'team-lead': 'Teamleider',
  provider: 'Zorgaanbieder',
  ops: 'Beheer',
  'veilig-thuis': 'Veilig Thuis',
  gi: 'Gecertificeerde instelling',
};

/** What a case waits for next (`nextDueKind` and the deadlines of the case view). */
export const DUE_KINDS: Record<string, string> = {
  'awb-warning': 'Beslistermijn bijna om (beschikking)',
  'awb-overdue': 'Beslistermijn verstreken (beschikking)',
  'review-reminder': 'Evaluatie komt eraan',
  'review-overdue': 'Evaluatie te laat',
  'three-month-check': 'Cliëntcheck na 3 maanden',
  'three-month-check-reminder': 'Herinnering cliëntcheck',
  'three-month-check-expired': 'Cliëntcheck verlopen',
  'midway-questionnaire-reminder': 'Herinnering tussentijdse vragenlijst',
  'midway-questionnaire-expired': 'Tussentijdse vragenlijst verlopen',
  'beschikking-end': 'Einde beschikking',
  'end-evaluation-reminder': 'Eindevaluatie vastleggen',
  'end-questionnaire-reminder': 'Herinnering eindvragenlijst',
  'end-questionnaire-expired': 'Eindvragenlijst verlopen',
  'reassessment-reminder': 'Herinnering herbeoordeling',
  'reassessment-expired': 'Herbeoordeling verlopen',
  'provider-intake-reminder': 'Intake aanbieder komt eraan',
  'provider-intake-overdue': 'Intake aanbieder te laat',
  'coordination-decision-reminder': 'Besluit over coördinatie komt eraan',
  'coordination-decision-overdue': 'Besluit over coördinatie te laat',
};

export function dueKindLabel(kind: string | null | undefined): string {
  if (!kind) return '—';
  return DUE_KINDS[kind] ?? kind.replace(/-/g, ' ');
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'medium',
  timeZone: 'Europe/Amsterdam',
});
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/** A date (YYYY-MM-DD or an instant) as Dutch readers expect it: 6 dec 2026. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

/** Today in Europe/Amsterdam, as YYYY-MM-DD (the default of date fields). */
export function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}
