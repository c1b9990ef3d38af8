/**
 * A beschikking due before a date of where the trajectory came from, earlier than the Awb term
 * (issue 17). A Schakeloverleg transfer starts its trajectory when the transfer is agreed, and the
 * care after the measure must be decided before the measure ends, or the care that "goes on
 * without interruption" would run without a decision from the measure's end date on. So the
 * trajectory's decision deadline (its `awb.dueAt`) is the earlier of the Awb term (Awb 4:13) and
 * the start of that date; the coordinator is reminded before it, and at it the team lead is told
 * besides the coordinator (the escalation).
 *
 * Only transfers under the Schakeloverleg's rules of December 2026 give it, and they start their
 * trajectories under the trajectory's RULES_2026_12; the reminder and escalation ask for those
 * rules too (`byRulesOf2026_12`). A verdaging (Awb 4:14) may still move the due date past it.
 */
import { problem, type Problem } from '../../problems';
import { isValidPersonId } from '../../ids';
import type { Letter, Recipient } from '../../letters';
import { addDuration, amsterdamInstant, isCalendarDate, type CalendarDate } from '../../time';
import type { TrajectoryPolicy } from './policy';
import { byRulesOf2026_12 } from './rules';

/** The date the beschikking is due before, and why. */
export interface DecideBefore {
  /** The beschikking is due before this date begins (Amsterdam). */
  date: CalendarDate;
  /** The measure of a Schakeloverleg transfer ends on `date`: the voluntary care starts then. */
  why: 'measure-ends';
  /** Who is told besides the coordinator when it is not there in time (a team lead). */
  escalateToId?: string;
}

/** Every reason a `decideBefore` cannot be used; empty when it can. */
export function decideBeforeProblems(value: DecideBefore | undefined): Problem[] {
  if (value === undefined) return [];
  const p: Problem[] = [];
  if (!isCalendarDate(value?.date))
    p.push(problem('invalid-date', 'decideBefore.date must be a calendar date YYYY-MM-DD'));
  if (value?.why !== 'measure-ends')
    p.push(problem('not-in-list', 'decideBefore.why must be measure-ends'));
  if (value?.escalateToId !== undefined && !isValidPersonId(value.escalateToId))
    p.push(problem('invalid-format', 'decideBefore.escalateToId is not a valid id'));
  return p;
}

/** The decision deadline of a new trajectory: the Awb term, or the start of `date` if earlier. */
export function initialDecisionDueAt(
  clockStart: Date,
  policy: TrajectoryPolicy,
  decideBefore: DecideBefore | undefined,
): string {
  const awbTerm = addDuration(clockStart, policy.awbDecisionPeriod);
  if (!decideBefore) return awbTerm.toISOString();
  const before = amsterdamInstant(decideBefore.date);
  return (before < awbTerm ? before : awbTerm).toISOString();
}

/** What of the trajectory the decision deadline reads. */
interface Deciding {
  rules?: number;
  coordinatorId: string;
  policy: TrajectoryPolicy;
  awb: { dueAt: string };
  decideBefore?: DecideBefore;
}

/** The decision deadline the trajectory runs by, when it has one of its origin. */
function decideBeforeOf(state: Deciding): DecideBefore | undefined {
  return byRulesOf2026_12(state) ? state.decideBefore : undefined;
}

/**
 * When the coordinator is reminded of the decision: `awbWarningAfter` after the clock's start
 * (Awb 4:13). With an earlier due date, as long before it as the Awb warning comes before the Awb
 * term (two weeks by default), but not in the first half of the time there is.
 */
export function awbWarningAt(state: Deciding, clockStart: Date): Date {
  const policy = state.policy;
  if (!decideBeforeOf(state)) return addDuration(clockStart, policy.awbWarningAfter);
  const lead =
    addDuration(clockStart, policy.awbDecisionPeriod).getTime() -
    addDuration(clockStart, policy.awbWarningAfter).getTime();
  const due = Date.parse(state.awb.dueAt);
  const halfway = clockStart.getTime() + (due - clockStart.getTime()) / 2;
  return new Date(Math.max(due - lead, halfway));
}

/**
 * The decision's reminder or escalation letter as the trajectory's origin asks it: it names the
 * date (`decideBefore`, `why`), and the escalation goes to the team lead too.
 */
export function decisionDeadlineLetter(
  state: Deciding,
  kind: 'awb-warning' | 'awb-overdue',
  letter: Letter,
): Letter {
  const decideBefore = decideBeforeOf(state);
  if (!decideBefore) return letter;
  const lead: Recipient[] =
    kind === 'awb-overdue' &&
    decideBefore.escalateToId &&
    decideBefore.escalateToId !== state.coordinatorId
      ? [{ role: 'coordinator', id: decideBefore.escalateToId }]
      : [];
  return {
    ...letter,
    to: [...letter.to, ...lead],
    facts: {
      ...letter.facts,
      decideBefore: decideBefore.date,
      decideBeforeWhy: decideBefore.why,
      coordinatorId: state.coordinatorId,
    },
  };
}
