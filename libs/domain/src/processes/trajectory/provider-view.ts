/**
 * What a provider sees of a trajectory: its own part (need-to-know, Jeugdwet and AVG), and how long
 * it may see it.
 */
import type { EndReason } from '../../codes';
import { addDuration, addToDate, amsterdamInstant, type CalendarDate } from '../../time';
import { pendingDeadlines, type Deadline } from './deadlines';
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
  /** What falls due for this provider: the end of its care period, its end evaluation. */
  pendingDeadlines: Deadline[];
  closedAt?: string;
  /** When its access to the case ends (after the case closed and its care ended). */
  accessEndsAt?: string;
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
  const deadlines = pendingDeadlines(state).filter(
    (d) =>
      (d.kind === 'beschikking-end' && grantedNow) ||
      (d.kind === 'end-evaluation-reminder' && grantedNow && !delivered),
  );
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
    pendingDeadlines: deadlines,
    ...(state.closedAt ? { closedAt: state.closedAt } : {}),
    ...(accessEndsAt ? { accessEndsAt } : {}),
  };
}
