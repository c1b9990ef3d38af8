/**
 * No silent waits (issue 17, item 4): in every state in which a process waits for someone, there
 * is a deadline, a reminder to whoever is awaited before it, and an escalation at it (the case
 * is marked overdue, so the team lead sees it, or someone else is told). The test drives each
 * waiting state through its own deadlines, as the workflow would, and fails where one of the
 * three is missing.
 */
import type { Recipient } from '../letters';
import type { Process, ProcessTypes } from './process';
import { TRAJECTORY_PROCESS, type TrajectoryState } from './trajectory';
import {
  AGB_A,
  JUDGED,
  PLAN,
  at,
  fresh,
  issued,
  monitored,
  run,
  text,
} from './trajectory/fixtures';

interface WaitingState<T extends ProcessTypes> {
  process: Process<T>;
  /** The state waits for this party. */
  awaited: Recipient['role'];
  /** The state, and the moment it began to wait. */
  build(): { state: T['state']; since: Date };
  /** Whether the wait is still on (the drive stops when it is over). */
  waiting(state: T['state']): boolean;
  /** The deadlines of this wait (the case's other deadlines run too, but are not its own). */
  ofThisWait: RegExp;
}

interface Step {
  kind: string;
  at: string;
  to: Recipient[];
  overdue: boolean;
}

/** Applies the process's deadlines in order from `since`, as the workflow does, for a while. */
function drive<T extends ProcessTypes>(w: WaitingState<T>): { steps: Step[]; first?: string } {
  const { state } = w.build();
  const steps: Step[] = [];
  const first = w.process.pendingDeadlines(state).find((d) => w.ofThisWait.test(d.kind))?.kind;
  for (let i = 0; i < 20 && w.waiting(state); i++) {
    const next = w.process.pendingDeadlines(state)[0];
    if (!next) break;
    const wasOverdue = w.process.isOverdue(state);
    const effects = w.process.applyDeadline(state, next.kind, new Date(next.at)) as Array<{
      type: string;
      to?: Recipient[];
    }>;
    const to = effects.flatMap((e) => (e.type === 'letter' ? (e.to ?? []) : []));
    if (!w.ofThisWait.test(next.kind)) continue;
    steps.push({
      kind: next.kind,
      at: next.at,
      to,
      overdue: !wasOverdue && w.process.isOverdue(state),
    });
    const escalated = steps.at(-1)!.overdue || to.some((r) => r.role !== w.awaited);
    if (escalated) break;
  }
  return { steps, first };
}

type TrajectoryTypes = typeof TRAJECTORY_PROCESS extends Process<infer T> ? T : never;

/** A waiting state of the trajectory: its name, whom it awaits, its deadlines, how it is built. */
const trajectory = (
  name: string,
  awaited: Recipient['role'],
  ofThisWait: RegExp,
  build: () => TrajectoryState,
  waiting: (s: TrajectoryState) => boolean,
): [string, WaitingState<TrajectoryTypes>] => [
  `trajectory: ${name}`,
  {
    process: TRAJECTORY_PROCESS,
    awaited,
    ofThisWait,
    build: () => ({ state: build(), since: new Date() }),
    waiting,
  },
];

function referred(): TrajectoryState {
  const s = fresh();
  run(s, { type: 'agreeResults', plan: PLAN }, at('2026-11-24'));
  run(s, { type: 'referToProvider', agbCode: AGB_A }, at('2026-11-24', 11));
  return s;
}

/** The 3-month check and the midway questionnaire, sent on 1 March 2027. */
function asked(): TrajectoryState {
  const s = monitored();
  TRAJECTORY_PROCESS.applyDeadline(s, 'three-month-check', at('2027-03-01', 8));
  return s;
}

function inEndEvaluation(): TrajectoryState {
  const s = monitored();
  run(s, { type: 'requestEndEvaluation', reason: text(6) }, at('2027-03-01'));
  return s;
}

const WAITING_STATES = [
  trajectory(
    'the Awb decision on the request',
    'coordinator',
    /^awb-/,
    fresh,
    (s) => !s.beschikking,
  ),
  trajectory(
    "a referred provider's intake",
    'provider',
    /^provider-intake-/,
    referred,
    (s) => s.providerIntakes.length === 0,
  ),
  trajectory(
    'the coordination decision after the beschikking',
    'coordinator',
    /^coordination-decision-/,
    issued,
    (s) => !s.coordination,
  ),
  trajectory(
    'a half-yearly review',
    'coordinator',
    /^review-/,
    monitored,
    (s) => s.reviews.length === 0,
  ),
  trajectory(
    "the family's answer to the 3-month check",
    'client',
    /^three-month-check-/,
    asked,
    (s) => s.threeMonthCheck.status === 'sent',
  ),
  trajectory(
    "the family's answer to the midway questionnaire",
    'client',
    /^midway-questionnaire-/,
    asked,
    (s) => s.questionnaires.midway.status === 'sent',
  ),
  trajectory(
    "the family's answer to the end questionnaire",
    'client',
    /^end-questionnaire-/,
    () => {
      const s = inEndEvaluation();
      run(
        s,
        { type: 'recordEndEvaluation', goals: [...JUDGED], decision: 'close' },
        at('2027-03-05'),
      );
      return s;
    },
    (s) => s.questionnaires.end.status === 'sent',
  ),
  trajectory(
    "the providers' end evaluation",
    'provider',
    /^end-evaluation-/,
    inEndEvaluation,
    (s) => !s.endEvaluation?.recordedAt,
  ),
  trajectory(
    "the coordinator's answer to a re-assessment",
    'coordinator',
    /^reassessment-/,
    () => {
      const s = monitored();
      run(
        s,
        { type: 'requestReassessment', batchId: 'apr-2027', decideBy: '2027-04-30' },
        at('2027-04-01'),
      );
      return s;
    },
    (s) => s.reassessment?.status === 'pending',
  ),
];

describe('no silent waits: every waiting state has a deadline, a reminder and an escalation', () => {
  it.each(WAITING_STATES)('%s', (_name, w) => {
    const { steps, first } = drive(w);
    // A deadline: the wait does not last for ever.
    expect(first).toBeDefined();
    const escalation = steps.findIndex((s) => s.overdue || s.to.some((r) => r.role !== w.awaited));
    // An escalation: the case is marked overdue, or someone besides the awaited party is told.
    expect(steps.map((s) => s.kind)).toEqual(expect.arrayContaining([steps[escalation]?.kind]));
    expect(escalation).toBeGreaterThanOrEqual(0);
    // A reminder: a letter to the awaited party from a deadline, at the latest with the escalation.
    const reminder = steps.findIndex((s) => s.to.some((r) => r.role === w.awaited));
    expect(reminder).toBeGreaterThanOrEqual(0);
    expect(reminder).toBeLessThanOrEqual(escalation);
  });
});
