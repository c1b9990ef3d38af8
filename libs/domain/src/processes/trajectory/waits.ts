/**
 * No silent waits (rules of 2026-12, rules.ts): every step the trajectory waits for from someone
 * else has a deadline, a reminder before it and an escalation at it. The escalation marks the case
 * overdue (the team lead's overdue list, `isOverdue`) and tells the coordinator.
 *
 * - the referred provider's intake: the referral letter names the day (policy: 10 working days),
 *   a reminder to the provider, then the coordinator and the provider are told it is overdue;
 * - the coordination decision after the beschikking (policy: 2 weeks): the coordinator is
 *   reminded, then the case is overdue;
 * - the family's answer to the 3-month check and the questionnaires: one reminder halfway through
 *   the time to answer, and at its end the coordinator is told that no answer came.
 */
import { letter, type LetterKind } from '../../letters';
import {
  addDuration,
  addToDate,
  amsterdamDate,
  amsterdamInstant,
  subtractDuration,
  type CalendarDate,
} from '../../time';
import { addWorkingDays, workingDaysBefore } from '../../working-days';
import { followsRules } from '../kit';
import { RULES_2026_12 } from './rules';
import { coordinatorOf, type TrajectoryState, type Wait } from './state';
import type { Effect } from './apply';

export const WAIT_DEADLINE_KINDS = [
  'provider-intake-reminder',
  'provider-intake-overdue',
  'coordination-decision-reminder',
  'coordination-decision-overdue',
  'three-month-check-reminder',
  'midway-questionnaire-reminder',
  'end-questionnaire-reminder',
  'reassessment-reminder',
] as const;
export type WaitDeadlineKind = (typeof WAIT_DEADLINE_KINDS)[number];

/** Whether the case runs by the rules that have no silent waits. */
export const hasWaits = (state: TrajectoryState): boolean => followsRules(state, RULES_2026_12);

const DAY_MS = 86_400_000;

/**
 * When a family is reminded to answer: halfway through its time, in whole days at the hour the
 * question went out (or the exact middle when the time is shorter than two days, on a test stack).
 */
function halfway(from: Date, to: string): string {
  const windowDays = (Date.parse(to) - from.getTime()) / DAY_MS;
  if (windowDays >= 2) return addDuration(from, `P${Math.round(windowDays / 2)}D`).toISOString();
  return new Date((from.getTime() + Date.parse(to)) / 2).toISOString();
}

/** The reminder moment for a question sent now with this answer deadline (absent: old rules). */
export function clientReminder(
  state: TrajectoryState,
  now: Date,
  responseDeadline: string,
): { remindAt?: string } {
  return hasWaits(state) ? { remindAt: halfway(now, responseDeadline) } : {};
}

/** The coordinator is reminded of a re-assessment a week before its date, if that is still ahead. */
export function reassessmentReminder(
  state: TrajectoryState,
  decideBy: CalendarDate,
  now: Date,
): { remindAt?: string } {
  if (!hasWaits(state)) return {};
  const remindAt = amsterdamInstant(addToDate(decideBy, 0, -7), state.policy.dueHour);
  return remindAt > now ? { remindAt: remindAt.toISOString() } : {};
}

/** Referral (verwijzing): the provider is told, and its intake is awaited. */
export function startProviderIntakeWait(
  state: TrajectoryState,
  agbCode: string,
  now: Date,
): Effect[] {
  if (!hasWaits(state)) return [];
  const p = state.policy;
  const dueDate = addWorkingDays(amsterdamDate(now), p.providerIntakeWorkingDays);
  const remindDate = workingDaysBefore(dueDate, p.providerIntakeReminderWorkingDays);
  state.providerIntakeWaits = {
    ...state.providerIntakeWaits,
    [agbCode]: {
      remindAt: amsterdamInstant(remindDate, p.dueHour).toISOString(),
      dueAt: amsterdamInstant(dueDate, p.dueHour).toISOString(),
      reminded: false,
      overdue: false,
    },
  };
  return [
    letter('referral', [{ role: 'provider', agbCode }], {
      caseNumber: state.caseNumber,
      agbCode,
      municipalityCode: state.municipalityCode,
      coordinatorId: state.coordinatorId,
      intakeBy: dueDate,
    }),
  ];
}

/** The provider recorded its intake, or the intakes are over: nothing is awaited from it. */
export function endProviderIntakeWaits(state: TrajectoryState, agbCode?: string): void {
  if (!state.providerIntakeWaits) return;
  if (agbCode === undefined) delete state.providerIntakeWaits;
  else delete state.providerIntakeWaits[agbCode];
}

/** The beschikking is issued: the coordination decision is awaited. */
export function startCoordinationWait(state: TrajectoryState, now: Date): void {
  if (!hasWaits(state)) return;
  const due = addDuration(now, state.policy.coordinationDecisionWithin);
  state.coordinationWait = {
    remindAt: subtractDuration(due, state.policy.coordinationDecisionReminderLead).toISOString(),
    dueAt: due.toISOString(),
    reminded: false,
    overdue: false,
  };
}

/** Whether a wait of this case is overdue (an escalation the team lead sees). */
export function waitOverdue(state: TrajectoryState): boolean {
  return (
    state.coordinationWait?.overdue === true ||
    Object.values(state.providerIntakeWaits ?? {}).some((w) => w.overdue)
  );
}

/** The wait's next moment: its reminder, then its due time. */
function nextOf(wait: Wait): { step: 'reminder' | 'overdue'; at: string } | undefined {
  if (!wait.reminded) return { step: 'reminder', at: wait.remindAt };
  if (!wait.overdue) return { step: 'overdue', at: wait.dueAt };
  return undefined;
}

/** The provider whose intake wait comes first, and its next moment. */
function firstProviderWait(
  state: TrajectoryState,
): { agbCode: string; wait: Wait; step: 'reminder' | 'overdue'; at: string } | undefined {
  const next = Object.entries(state.providerIntakeWaits ?? {})
    .map(([agbCode, wait]) => ({ agbCode, wait, ...nextOf(wait) }))
    .filter((w): w is typeof w & { step: 'reminder' | 'overdue'; at: string } => !!w.at)
    .sort((a, b) => a.at.localeCompare(b.at) || a.agbCode.localeCompare(b.agbCode));
  return next[0];
}

/** The waits' deadlines, for `pendingDeadlines`. */
export function waitDeadlines(
  state: TrajectoryState,
  add: (kind: WaitDeadlineKind, at: string | undefined) => void,
): void {
  const provider = firstProviderWait(state);
  if (provider) add(`provider-intake-${provider.step}`, provider.at);
  const coordination = state.coordinationWait && nextOf(state.coordinationWait);
  if (coordination) add(`coordination-decision-${coordination.step}`, coordination.at);
  const check = state.threeMonthCheck;
  if (check.status === 'sent' && !state.endEvaluation?.recordedAt)
    add('three-month-check-reminder', check.remindAt);
  for (const moment of ['midway', 'end'] as const) {
    const q = state.questionnaires[moment];
    if (q.status === 'sent') add(`${moment}-questionnaire-reminder`, q.remindAt);
  }
  if (state.reassessment?.status === 'pending')
    add('reassessment-reminder', state.reassessment.remindAt);
}

/** Handles a wait's deadline (mutating the state) and returns its letters. */
export function applyWaitDeadline(state: TrajectoryState, kind: WaitDeadlineKind): Effect[] {
  const facts = { caseNumber: state.caseNumber };
  switch (kind) {
    case 'provider-intake-reminder':
    case 'provider-intake-overdue': {
      const first = firstProviderWait(state);
      if (!first) return [];
      const overdue = kind === 'provider-intake-overdue';
      first.wait.reminded = true;
      if (overdue) first.wait.overdue = true;
      const provider = { role: 'provider' as const, agbCode: first.agbCode };
      return [
        letter(kind, overdue ? [coordinatorOf(state), provider] : [provider], {
          ...facts,
          agbCode: first.agbCode,
          coordinatorId: state.coordinatorId,
          intakeBy: amsterdamDate(new Date(first.wait.dueAt)),
        }),
      ];
    }
    case 'coordination-decision-reminder':
    case 'coordination-decision-overdue': {
      const wait = state.coordinationWait;
      if (!wait) return [];
      wait.reminded = true;
      if (kind === 'coordination-decision-overdue') wait.overdue = true;
      return [letter(kind, [coordinatorOf(state)], { ...facts, dueAt: wait.dueAt })];
    }
    case 'three-month-check-reminder':
      delete state.threeMonthCheck.remindAt;
      return [reminderToFamily(state, 'three-month-check', {})];
    case 'midway-questionnaire-reminder':
    case 'end-questionnaire-reminder': {
      const moment = kind === 'midway-questionnaire-reminder' ? 'midway' : 'end';
      delete state.questionnaires[moment].remindAt;
      return [reminderToFamily(state, 'questionnaire', { moment })];
    }
    case 'reassessment-reminder': {
      const r = state.reassessment;
      if (!r) return [];
      delete r.remindAt;
      return [
        letter('reassessment-request', [coordinatorOf(state)], {
          ...facts,
          decideBy: r.decideBy,
          reminder: true,
        }),
      ];
    }
  }
}

function reminderToFamily(
  state: TrajectoryState,
  kind: LetterKind,
  more: Record<string, string>,
): Effect {
  return letter(kind, [{ role: 'client', id: state.clientId }], {
    caseNumber: state.caseNumber,
    ...more,
    reminder: true,
  });
}

/** No answer came in time: under the rules of 2026-12 the coordinator is told. */
export function noResponseNotice(
  state: TrajectoryState,
  question: 'three-month-check' | 'questionnaire-midway' | 'questionnaire-end',
): Effect[] {
  if (!hasWaits(state)) return [];
  return [
    letter('client-no-response', [coordinatorOf(state)], {
      caseNumber: state.caseNumber,
      question,
    }),
  ];
}
