/**
 * What a provider sees of a trajectory: its own part (need-to-know, Jeugdwet and AVG), and how long
 * it may see it.
 */
import type { EndReason } from '../../codes';
import { addDuration, addToDate, amsterdamInstant, type CalendarDate } from '../../time';
import {
  involvedProviders,
  isOpenPhase,
  type Inzet,
  type ProviderIntake,
  type Result,
  type ResultJudgement,
  type Toewijzing,
  type TrajectoryPhase,
  type TrajectoryState,
} from './state';

/**
 * What one provider sees of a trajectory: its own part and what it needs for its work
 * (need-to-know, Jeugdwet and AVG). The results of plan deel 1 it works towards and the inzet the
 * CJG decided; its own referral, intake, toewijzingen, care, evaluations and due items. Not the
 * other providers, not the family's answers and ratings, not the coordinator's reasons (the
 * verdaging, a divergence decision, a withdrawal), not the linked cases.
 */
export interface ProviderTrajectoryView {
  /** Which view this is: the provider's part of the case. */
  view: 'provider';
  caseNumber: string;
  municipalityCode: string;
  /** Whom to call about the case. */
  coordinatorId: string;
  phase: TrajectoryPhase;
  revision: number;
  /** The family chose this provider (verwijzing). */
  referred: boolean;
  /** Plan deel 1: the results it works towards and the inzet the CJG decided (002 §6 item 14). */
  plan?: { results: Result[]; inzet: Inzet; agreedAt: string };
  /** Its plan deel 2; a divergence says only whether it was accepted, not why. */
  intake?: Omit<ProviderIntake, 'divergence'> & {
    divergence?: { status: 'pending' | 'accepted' | 'refused'; reasons: string[] };
  };
  /** Its toewijzingen, of the current beschikking and of earlier periods (verlenging). */
  toewijzingen: Array<
    Toewijzing & { beschikkingNumber: string; startDate: CalendarDate; endDate: CalendarDate }
  >;
  care: { startedOn?: CalendarDate; stoppedOn?: CalendarDate; stopReason?: EndReason };
  evaluations: Array<{ kind: 'interim' | 'end'; outcomes: ResultJudgement[]; recordedAt: string }>;
  /** The end evaluation, when it is asked: since when, and whether this provider delivered. */
  endEvaluation?: { requiredSince: string; delivered: boolean; recordedAt?: string };
  /**
   * What falls due for this provider, earliest first: its intake, its end evaluation, the end of
   * its care period (providerDue). An item stays while it is late, marked overdue.
   */
  pendingDeadlines: ProviderDueItem[];
  /** Whether something of this provider is late: its intake, or its end evaluation. */
  overdue: boolean;
  closedAt?: string;
  /** When its access to the case ends (after the case closed and its care ended). */
  accessEndsAt?: string;
}

/** What a provider is asked for, and by when (see providerDue). */
export const PROVIDER_DUE_KINDS = ['provider-intake', 'end-evaluation', 'beschikking-end'] as const;
export type ProviderDueKind = (typeof PROVIDER_DUE_KINDS)[number];

export interface ProviderDueItem {
  kind: ProviderDueKind;
  /** When it is due (an instant). */
  at: string;
  /** Past due and still not done. */
  overdue: boolean;
}

/**
 * What one provider is asked for in this case, earliest first (the provider's start page and its
 * case page; the read model keeps the first per provider):
 * - its intake (plan deel 2) after the referral, by the day the referral letter named (rules of
 *   2026-12, waits.ts), overdue once the coordinator was told it is late;
 * - its end evaluation while the CJG asks for it and it is granted care, due at the first
 *   reminder, overdue once a reminder went out;
 * - the end of its care period (the day after the beschikking's end date), while it is granted.
 * Not the coordinator's deadlines (the Awb clock, reviews, the family's answers): they are not
 * the provider's to meet.
 */
export function providerDue(state: TrajectoryState, agbCode: string): ProviderDueItem[] {
  if (!isOpenPhase(state.phase)) return [];
  const due: ProviderDueItem[] = [];
  const wait = state.providerIntakeWaits?.[agbCode];
  if (wait && !state.providerIntakes.some((i) => i.agbCode === agbCode)) {
    due.push({ kind: 'provider-intake', at: wait.dueAt, overdue: wait.overdue });
  }
  const current = state.beschikking;
  const grantedNow =
    current?.kind === 'zin' && current.toewijzingen.some((t) => t.agbCode === agbCode);
  const ev = state.endEvaluation;
  const delivered = state.evaluations.some((e) => e.agbCode === agbCode && e.kind === 'end');
  if (state.phase === 'end-evaluation' && ev && !ev.recordedAt && grantedNow && !delivered) {
    const first =
      ev.remindersSent === 0
        ? ev.nextReminderAt
        : addDuration(
            new Date(ev.requiredSince),
            state.policy.endEvaluationReminderInterval,
          ).toISOString();
    due.push({ kind: 'end-evaluation', at: first, overdue: ev.remindersSent > 0 });
  }
  if ((state.phase === 'monitoring' || state.phase === 'beschikking') && current && grantedNow) {
    // As pendingDeadlines: the end date is the last day of care.
    const at = amsterdamInstant(addToDate(current.endDate, 0, 1), 0).toISOString();
    due.push({ kind: 'beschikking-end', at, overdue: false });
  }
  return due.sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
}

/**
 * When a provider's (or partner's) access to a closed case ends: `after` (an ISO duration, the
 * API's setting) after the later of the case's closing and the end of its care. Undefined while
 * the case is open: it may still be needed.
 */
export function providerAccessEndsAt(
  state: TrajectoryState,
  agbCode: string,
  after: string,
): string | undefined {
  if (isOpenPhase(state.phase) || !state.closedAt) return undefined;
  const stopped = state.care[agbCode]?.stoppedOn;
  const careEnd = stopped ? amsterdamInstant(addToDate(stopped, 0, 1), 0) : undefined;
  const closed = new Date(state.closedAt);
  const last = careEnd && careEnd > closed ? careEnd : closed;
  return addDuration(last, after).toISOString();
}

/** Whether the provider has a part in the case and its access has not ended at `now`. */
export function providerMaySee(
  state: TrajectoryState,
  agbCode: string,
  after: string,
  now: Date,
): boolean {
  if (!involvedProviders(state).includes(agbCode)) return false;
  const ends = providerAccessEndsAt(state, agbCode, after);
  return ends === undefined || now < new Date(ends);
}

/** The provider's part of the trajectory (see ProviderTrajectoryView). */
export function providerView(
  state: TrajectoryState,
  agbCode: string,
  after: string,
): ProviderTrajectoryView {
  const intake = state.providerIntakes.find((i) => i.agbCode === agbCode);
  const periods = [
    ...state.previousBeschikkingen,
    ...(state.beschikking ? [state.beschikking] : []),
  ];
  const toewijzingen = periods.flatMap((b) =>
    b.kind === 'zin'
      ? b.toewijzingen
          .filter((t) => t.agbCode === agbCode)
          .map((t) => ({
            ...t,
            beschikkingNumber: b.number,
            startDate: b.startDate,
            endDate: b.endDate,
          }))
      : [],
  );
  const own = state.evaluations.filter((e) => e.agbCode === agbCode);
  const delivered = own.some((e) => e.kind === 'end');
  const current = state.beschikking;
  const grantedNow =
    current?.kind === 'zin' && current.toewijzingen.some((t) => t.agbCode === agbCode);
  const due = providerDue(state, agbCode);
  const { startedOn, stoppedOn, stopReason } = state.care[agbCode] ?? {};
  const accessEndsAt = providerAccessEndsAt(state, agbCode, after);
  return {
    view: 'provider',
    caseNumber: state.caseNumber,
    municipalityCode: state.municipalityCode,
    coordinatorId: state.coordinatorId,
    phase: state.phase,
    revision: state.revision,
    referred: (state.referrals ?? []).includes(agbCode),
    ...(state.plan
      ? {
          plan: {
            results: state.plan.results,
            inzet: state.plan.inzet,
            agreedAt: state.plan.agreedAt,
          },
        }
      : {}),
    ...(intake
      ? {
          intake: {
            agbCode: intake.agbCode,
            activities: intake.activities,
            expectedDurationWeeks: intake.expectedDurationWeeks,
            ...(intake.requestedInzet ? { requestedInzet: intake.requestedInzet } : {}),
            recordedAt: intake.recordedAt,
            ...(intake.divergence
              ? {
                  divergence: {
                    status: intake.divergence.status,
                    reasons: intake.divergence.reasons,
                  },
                }
              : {}),
          },
        }
      : {}),
    toewijzingen,
    care: {
      ...(startedOn ? { startedOn } : {}),
      ...(stoppedOn ? { stoppedOn } : {}),
      ...(stopReason ? { stopReason } : {}),
    },
    evaluations: own.map(({ kind, outcomes, recordedAt }) => ({ kind, outcomes, recordedAt })),
    ...(state.endEvaluation && grantedNow
      ? {
          endEvaluation: {
            requiredSince: state.endEvaluation.requiredSince,
            delivered,
            ...(state.endEvaluation.recordedAt
              ? { recordedAt: state.endEvaluation.recordedAt }
              : {}),
          },
        }
      : {}),
    pendingDeadlines: due,
    overdue: due.some((d) => d.overdue),
    ...(state.closedAt ? { closedAt: state.closedAt } : {}),
    ...(accessEndsAt ? { accessEndsAt } : {}),
  };
}
