/**
 * What a trajectory shows: the `state` query's view, whether it is overdue, the memo's summary
 * and the read model's projection. Ids, codes, dates and counts only.
 */
import { archiveActionDate } from '../../retention';
import { processView } from '../kit';
import type { ProcessView } from '../process';
import { allowedCommands, type CommandType } from './commands';
import { pendingDeadlines, type DeadlineKind } from './deadlines';
import { providerDue } from './provider-view';
import { waitOverdue } from './waits';
import {
  activeProviders,
  involvedProviders,
  isOpenPhase,
  type ResultJudgement,
  type TrajectoryState,
} from './state';

/** What the `state` query answers: the state plus what may happen next. */
export interface TrajectoryView extends TrajectoryState, ProcessView<CommandType, DeadlineKind> {}

export function trajectoryView(state: TrajectoryState): TrajectoryView {
  return processView(state, allowedCommands(state), pendingDeadlines(state), isOverdue(state));
}

/**
 * Whether anything is overdue: the Awb decision, a provider's intake, the coordination decision,
 * a review or the end evaluation.
 */
export function isOverdue(state: TrajectoryState): boolean {
  return (
    isOpenPhase(state.phase) &&
    (state.awb.overdue ||
      waitOverdue(state) ||
      state.monitoring.overdue ||
      (state.endEvaluation?.remindersSent ?? 0) > 0)
  );
}

/** A one-line summary without personal data, for the Temporal UI memo. */
export function summary(state: TrajectoryState): string {
  const parts = [`fase ${state.phase}`];
  const b = state.beschikking;
  if (b) parts.push(`beschikking ${b.number} ${b.kind.toUpperCase()} ${b.startDate}..${b.endDate}`);
  if (state.coordination)
    parts.push(state.coordination.coordinate ? 'gecoördineerd' : 'niet gecoördineerd');
  if (state.reviews.length > 0) parts.push(`${state.reviews.length} evaluatie(s)`);
  if (isOverdue(state)) parts.push('TE LAAT');
  if (state.withdrawal) parts.push('afgebroken');
  return parts.join('; ');
}

/** How many of the latest reviews and evaluations each projection carries (history stays small). */
const RECENT = 3;

/** The latest RECENT of a list, each with its number in the whole list (from 1). */
function recentNumbered<T, R>(all: readonly T[], row: (item: T, no: number) => R): R[] {
  return all.slice(-RECENT).map((item, i, recent) => row(item, all.length - recent.length + i + 1));
}

const count = (judgements: readonly ResultJudgement[] | undefined) => ({
  reached: judgements?.filter((j) => j.outcome === 'reached').length ?? 0,
  partly: judgements?.filter((j) => j.outcome === 'partly').length ?? 0,
  total: judgements?.length ?? 0,
});

/**
 * What a trajectory writes to the read model at every change: its row, its beschikkingen and
 * toewijzingen, its latest reviews and evaluations (numbered, so repeats are harmless), care per
 * provider and the client's answers. Ids, codes, dates and counts only; never free text (reasons
 * may name people) and never personal data.
 */
export function projectionOf(state: TrajectoryState, workflowId: string, causes: string[] = []) {
  const next = pendingDeadlines(state)[0];
  const goals = count(state.endEvaluation?.goals);
  const beschikkingen = [
    ...state.previousBeschikkingen,
    ...(state.beschikking ? [state.beschikking] : []),
  ];
  return {
    workflowId,
    revision: state.revision,
    /** What changed since the previous projection (`command:recordReview`, `deadline:…`). */
    causes,
    caseNumber: state.caseNumber,
    municipalityCode: state.municipalityCode,
    coordinatorId: state.coordinatorId,
    clientId: state.clientId,
    familyId: state.familyId,
    phase: state.phase,
    startedAt: state.startedAt,
    /** The day the request was received, when given at the start. */
    receivedOn: state.receivedOn ?? null,
    coordinated: state.coordination ? state.coordination.coordinate : null,
    beschikkingNumber: state.beschikking?.number ?? null,
    beschikkingStart: state.beschikking?.startDate ?? null,
    beschikkingEnd: state.beschikking?.endDate ?? null,
    firstBeschikkingAt:
      (state.previousBeschikkingen.length > 0 ? undefined : state.beschikking?.issuedAt) ?? null,
    // Every provider with a part in the case (referred, intake, granted): what a provider may see.
    providerAgbCodes: involvedProviders(state),
    activeProviderAgbCodes: activeProviders(state),
    nextDueAt: next?.at ?? null,
    nextDueKind: next?.kind ?? null,
    overdue: isOverdue(state),
    /**
     * Per provider with a part in the case: what it is asked for first and whether something of
     * it is late (providerDue), for its own list; the case's next due item is the CJG's.
     */
    providerDue: involvedProviders(state).map((agbCode) => {
      const due = providerDue(state, agbCode);
      return {
        agbCode,
        nextDueAt: due[0]?.at ?? null,
        nextDueKind: due[0]?.kind ?? null,
        overdue: due.some((d) => d.overdue),
      };
    }),
    reviewsCount: state.reviews.length,
    endRecordedAt: state.endEvaluation?.recordedAt ?? null,
    endDecision: state.endEvaluation?.decision ?? null,
    goalsTotal: state.endEvaluation?.recordedAt ? goals.total : null,
    goalsReached: state.endEvaluation?.recordedAt ? goals.reached : null,
    withdrawn: state.withdrawal !== undefined,
    /** Registered as drang (002 §3.6): since when and from where. */
    drangSince: state.drang?.since ?? null,
    drangSource: state.drang?.source ?? null,
    /** How the intake ended without a beschikking (advice, rejected) and its code. */
    intakeOutcome: state.intakeOutcome?.kind ?? null,
    intakeOutcomeCode:
      state.intakeOutcome?.kind === 'advice'
        ? state.intakeOutcome.advice
        : (state.intakeOutcome?.ground ?? null),
    closedAt: state.closedAt ?? null,
    archiveActionDate: state.closedAt ? archiveActionDate(state.closedAt) : null,
    beschikkingen: beschikkingen.map((b) => ({
      number: b.number,
      kind: b.kind,
      startDate: b.startDate,
      endDate: b.endDate,
      issuedAt: 'issuedAt' in b ? (b as { issuedAt: string }).issuedAt : null,
      toewijzingen:
        b.kind === 'zin'
          ? b.toewijzingen.map((t) => ({
              agbCode: t.agbCode,
              toewijzingnummer: t.toewijzingnummer,
              productCategory: t.productCategory,
              productCode: t.productCode ?? null,
              volume: t.omvang.volume,
              unit: t.omvang.unit,
              frequency: t.omvang.frequency,
            }))
          : [],
    })),
    reviews: recentNumbered(state.reviews, (r, reviewNo) => ({
      reviewNo,
      recordedAt: r.recordedAt,
      decision: r.decision,
      wasOverdue: r.wasOverdue,
      ...count(r.outcomes),
    })),
    evaluations: recentNumbered(state.evaluations, (e, evaluationNo) => ({
      evaluationNo,
      agbCode: e.agbCode,
      kind: e.kind,
      recordedAt: e.recordedAt,
      ...count(e.outcomes),
    })),
    care: Object.entries(state.care).map(([agbCode, c]) => ({
      agbCode,
      startedOn: c.startedOn ?? null,
      stoppedOn: c.stoppedOn ?? null,
      stopReason: c.stopReason ?? null,
    })),
    answers: [
      {
        question: 'three-month-check',
        status: state.threeMonthCheck.status,
        rating: null,
        ratingCjg: null,
        ratingCoordinator: null,
        fitting:
          state.threeMonthCheck.status === 'fitting'
            ? true
            : state.threeMonthCheck.status === 'not-fitting'
              ? false
              : null,
        dueAt: state.threeMonthCheck.dueAt ?? null,
        answeredAt: state.threeMonthCheck.answeredAt ?? null,
      },
      ...(['midway', 'end'] as const).map((moment) => ({
        question: `questionnaire-${moment}`,
        status: state.questionnaires[moment].status,
        rating: state.questionnaires[moment].rating ?? null,
        ratingCjg: state.questionnaires[moment].ratingCjg ?? null,
        ratingCoordinator: state.questionnaires[moment].ratingCoordinator ?? null,
        fitting: null,
        dueAt: null,
        answeredAt: state.questionnaires[moment].answeredAt ?? null,
      })),
    ],
  };
}

export type TrajectoryProjection = ReturnType<typeof projectionOf>;
