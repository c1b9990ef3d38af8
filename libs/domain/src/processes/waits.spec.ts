/**
 * No silent waits (issue 17, item 4): in every state in which a process waits for someone, there
 * is a deadline, a reminder to whoever is awaited before it, and an escalation at it (the case
 * is marked overdue, so the team lead sees it, or someone else is told). The test drives each
 * waiting state through its own deadlines, as the workflow would, and fails where one of the
 * three is missing.
 */
import { messagesOf } from '../problems';
import type { Recipient } from '../letters';
import { amsterdamInstant } from '../time';
import type { Process, ProcessTypes } from './process';
import { SCHAKELOVERLEG_PROCESS, type TransferState } from './schakeloverleg';
import {
  clientOf,
  coordinatorOf,
  involvedProviders,
  TRAJECTORY_PROCESS,
  type TrajectoryState,
} from './trajectory';
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
import { VEILIG_THUIS_PROCESS, type HandoverCommand, type HandoverState } from './veilig-thuis';
import { placeOnAgenda, VTO_PROCESS, type VtoState } from './vto';

interface WaitingState<T extends ProcessTypes> {
  process: Process<T>;
  /** The case in the waiting state. */
  build(): T['state'];
  /** Whom the state waits for (by role and id: a handover lead and a coordinator differ). */
  awaited(state: T['state']): Recipient[];
  /** Whether the wait is still on (the drive stops when it is over). */
  waiting(state: T['state']): boolean;
  /** The deadlines of this wait (the case's other deadlines run too, but are not its own). */
  ofThisWait: RegExp;
  /**
   * Why the reminder may come with the escalation rather than before it (a step due at once);
   * absent: the awaited party is reminded before the escalation.
   */
  remindedWhenEscalated?: string;
}

interface Step {
  kind: string;
  at: string;
  to: Recipient[];
  overdue: boolean;
  /** A letter went to an awaited party. */
  reminds: boolean;
  /** The case became overdue, or someone besides the awaited parties was told. */
  escalates: boolean;
}

const who = (r: Recipient): string => `${r.role}:${r.role === 'provider' ? r.agbCode : r.id}`;

/** Applies the process's deadlines in order from `since`, as the workflow does, for a while. */
function drive<T extends ProcessTypes>(w: WaitingState<T>): { steps: Step[]; first?: string } {
  const state = w.build();
  const awaited = new Set(w.awaited(state).map(who));
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
    const overdue = !wasOverdue && w.process.isOverdue(state);
    const step = {
      kind: next.kind,
      at: next.at,
      to,
      overdue,
      reminds: to.some((r) => awaited.has(who(r))),
      escalates: overdue || to.some((r) => !awaited.has(who(r))),
    };
    steps.push(step);
    if (step.escalates) break;
  }
  return { steps, first };
}

/** The types of a process, from the process itself. */
type TypesOf<P> = P extends Process<infer T> ? T : never;
type TrajectoryTypes = TypesOf<typeof TRAJECTORY_PROCESS>;

/** The trajectory's parties in a role: its coordinator, its client, or the providers involved. */
function trajectoryParties(s: TrajectoryState, role: Recipient['role']): Recipient[] {
  if (role === 'coordinator') return [coordinatorOf(s)];
  if (role === 'client') return [clientOf(s)];
  if (role === 'provider')
    return involvedProviders(s).map((agbCode) => ({ role: 'provider', agbCode }));
  return [];
}

/** A waiting state of the trajectory: its name, whom it awaits, its deadlines, how it is built. */
const trajectory = (
  name: string,
  awaited: Recipient['role'],
  ofThisWait: RegExp,
  build: () => TrajectoryState,
  waiting: (s: TrajectoryState) => boolean,
  remindedWhenEscalated?: string,
): [string, WaitingState<TrajectoryTypes>] => [
  `trajectory: ${name}`,
  {
    process: TRAJECTORY_PROCESS,
    awaited: (s) => trajectoryParties(s, awaited),
    ofThisWait,
    build,
    waiting,
    ...(remindedWhenEscalated ? { remindedWhenEscalated } : {}),
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
    // 002 §3.5: due at once when the care ends; two weeks on, the first reminder is already late.
    'due at once: the first reminder marks the case overdue',
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

// ──────────────────────────────────────────────────────────── the Veilig Thuis handover

/** A waiting state of another process: its name, its process, and the wait itself. */
function waitingState<P extends Process<ProcessTypes>>(
  process: P,
  name: string,
  wait: Omit<WaitingState<TypesOf<P>>, 'process'>,
): [string, WaitingState<TypesOf<P>>] {
  return [name, { process: process as unknown as Process<TypesOf<P>>, ...wait }];
}

/** Amsterdam time on a date (10:00 unless told). */
const on = (date: string, hour = 10) => amsterdamInstant(date, hour);

/** Gives an accepted command (the test fails on a refusal, not later on a state it did not reach). */
function give<T extends ProcessTypes>(
  process: Process<T>,
  state: T['state'],
  command: T['command'],
  now: Date,
): void {
  expect(messagesOf(process.commandProblems(state, command, now))).toEqual([]);
  process.applyCommand(state, command, now);
}

/** A handover received on Friday 20 November 2026 (a new one: the rules of today). */
function handover(): HandoverState {
  return VEILIG_THUIS_PROCESS.initialState(
    {
      handoverId: 'VTH-2026-000001',
      organisationId: 'vt-limburg-noord',
      reference: 'VT-2026-04711',
      urgency: 'regular',
      handoverType: 'afschaling',
      municipalityCode: '0957',
      handoverLeadId: 'lead-bram',
      safetyConditions: { textId: '6f1c2a9e-3b0d-4c1e-9a57-2d8e4f0b7c11', items: 3 },
    },
    on('2026-11-20'),
  );
}
const vt = (s: HandoverState, c: HandoverCommand, now: Date) =>
  give(VEILIG_THUIS_PROCESS, s, c, now);

function handoverAccepted(): HandoverState {
  const s = handover();
  vt(s, { type: 'accept', coordinatorId: 'coord-anna' }, on('2026-11-23'));
  return s;
}

function handoverPlanned(): HandoverState {
  const s = handoverAccepted();
  vt(
    s,
    {
      type: 'planMeeting',
      date: '2026-11-26',
      jointHomeVisit: false,
      clientId: 'client-0001',
      familyId: 'fam-jansen',
    },
    on('2026-11-23', 11),
  );
  return s;
}

function handoverMeetingHeld(): HandoverState {
  const s = handoverPlanned();
  vt(
    s,
    {
      type: 'recordMeeting',
      heldOn: '2026-11-26',
      jointHomeVisit: false,
      agreements: { textId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d', items: 4 },
    },
    on('2026-11-26', 16),
  );
  return s;
}

const handoverLead = (s: HandoverState): Recipient[] => [
  { role: 'coordinator', id: s.handoverLeadId },
];
const handoverCoordinator = (s: HandoverState): Recipient[] => [
  { role: 'coordinator', id: s.coordinatorId! },
];
const meetingWait = (s: HandoverState) => s.status === 'accepted' || s.status === 'meeting-planned';

// ──────────────────────────────────────────────────────────── the Schakeloverleg transfer

/** A transfer proposed on Monday 23 November 2026; the measure ends on Monday 1 March 2027. */
function transfer(): TransferState {
  return SCHAKELOVERLEG_PROCESS.initialState(
    {
      transferId: 'gi-limburg.JB-2026-1234',
      organisationId: 'gi-limburg',
      reference: 'JB-2026-1234',
      municipalityCode: '0957',
      familyId: 'fam-jansen',
      clientId: 'client-0001',
      measure: 'ots',
      measureEndDate: '2027-03-01',
      care: [{ agbCode: '12345678', productCategory: '45' }],
      contactId: 'coord-schakel',
      escalateToId: 'lead-bram',
    },
    on('2026-11-23'),
  );
}

function transferPlanned(): TransferState {
  const s = transfer();
  give(
    SCHAKELOVERLEG_PROCESS,
    s,
    { type: 'plan', meetingDate: '2027-02-03', coordinatorId: 'coord-anna' },
    on('2026-11-23', 11),
  );
  return s;
}

// ─────────────────────────────────────────────────────────────────────────────── the VTO

/** A VTO proposed on Monday 23 November 2026. */
function vtoProposed(): VtoState {
  return VTO_PROCESS.initialState(
    {
      caseNumber: 'VTO-2026-000012',
      municipalityCode: '0957',
      coordinatorId: 'coord-anna',
      clientId: 'client-0001',
      familyId: 'fam-jansen',
      grounds: ['ernstige-ontwikkelingsbedreiging'],
    },
    on('2026-11-23'),
  );
}

/** Informed the same day, on the agenda of Thursday 26 November. */
function vtoOnAgenda(): VtoState {
  const s = vtoProposed();
  give(
    VTO_PROCESS,
    s,
    {
      type: 'recordParentsInformed',
      informedOn: '2026-11-23',
      how: 'conversation',
      recordedBy: 'coord-anna',
    },
    on('2026-11-23', 11),
  );
  placeOnAgenda(
    s,
    {
      agendaId: 'BP-2026-11-26',
      meetingDate: '2026-11-26',
      beschermingspleinId: 'bp-midden-limburg',
      raadId: 'raad-limburg',
    },
    on('2026-11-24', 9),
  );
  return s;
}

function vtoSentToRaad(): VtoState {
  const s = vtoOnAgenda();
  give(
    VTO_PROCESS,
    s,
    { type: 'recordDecision', decision: 'send', recordedBy: 'lead-1' },
    on('2026-11-26', 15),
  );
  return s;
}

const vtoCoordinator = (s: VtoState): Recipient[] => [{ role: 'coordinator', id: s.coordinatorId }];

/**
 * The waiting states of the other processes. Not among them, as nobody is awaited there: a
 * Schakeloverleg `not-agreed` waits for its revisit date (required when not agreed), which
 * starts a new planning round, itself a waiting state below (`proposed`); `agreed` waits for the
 * measure's end date, when the voluntary frame begins by itself, and the beschikking the family
 * then needs is the linked trajectory's wait (its decide-before deadline, trajectory/
 * decide-before.ts). A VTO `awaiting-agenda` waits for the weekly beschermingsplein's agenda run,
 * which places it without anyone acting.
 */
const OTHER_WAITING_STATES = [
  waitingState(VEILIG_THUIS_PROCESS, 'Veilig Thuis: the handover lead accepts or refuses', {
    build: handover,
    awaited: handoverLead,
    waiting: (s) => s.status === 'received',
    ofThisWait: /^accept-/,
  }),
  waitingState(VEILIG_THUIS_PROCESS, 'Veilig Thuis: the warm handover, not planned yet', {
    build: handoverAccepted,
    awaited: handoverCoordinator,
    waiting: meetingWait,
    ofThisWait: /^meeting-/,
  }),
  waitingState(VEILIG_THUIS_PROCESS, 'Veilig Thuis: the warm handover, planned', {
    build: handoverPlanned,
    awaited: handoverCoordinator,
    waiting: meetingWait,
    ofThisWait: /^meeting-/,
  }),
  waitingState(VEILIG_THUIS_PROCESS, 'Veilig Thuis: the outcome, its feedback to Veilig Thuis', {
    build: handoverMeetingHeld,
    awaited: handoverCoordinator,
    waiting: (s) => s.status === 'meeting-held',
    ofThisWait: /^feedback-/,
  }),
  waitingState(SCHAKELOVERLEG_PROCESS, 'Schakeloverleg: planning it, by the CJG and the GI', {
    build: transfer,
    awaited: (s) => [
      { role: 'coordinator', id: s.contactId! },
      { role: 'organisation', id: s.organisationId },
    ],
    waiting: (s) => s.status === 'proposed',
    ofThisWait: /^planning-/,
  }),
  waitingState(SCHAKELOVERLEG_PROCESS, 'Schakeloverleg: the outcome of the meeting', {
    build: transferPlanned,
    awaited: (s) => [{ role: 'coordinator', id: s.coordinatorId! }],
    waiting: (s) => s.status === 'planned',
    ofThisWait: /^outcome-/,
  }),
  waitingState(VTO_PROCESS, 'VTO: recording that the parents were informed', {
    build: vtoProposed,
    awaited: vtoCoordinator,
    waiting: (s) => s.status === 'parents-to-inform',
    ofThisWait: /^parents-informed-/,
  }),
  waitingState(VTO_PROCESS, "VTO: the beschermingsplein's decision", {
    build: vtoOnAgenda,
    awaited: vtoCoordinator,
    waiting: (s) => s.status === 'on-agenda',
    ofThisWait: /^decision-/,
  }),
  waitingState(VTO_PROCESS, "VTO: the Raad's answer", {
    build: vtoSentToRaad,
    awaited: (s) => [{ role: 'organisation', id: s.raad!.organisationId }],
    waiting: (s) => s.status === 'sent-to-raad',
    ofThisWait: /^raad-outcome-/,
  }),
];

describe('no silent waits: every waiting state has a deadline, a reminder and an escalation', () => {
  it.each([...WAITING_STATES, ...OTHER_WAITING_STATES])('%s', (_name, w) => {
    const { steps, first } = drive(w as WaitingState<ProcessTypes>);
    // A deadline: the wait does not last for ever.
    expect(first).toBeDefined();
    // An escalation: the case is marked overdue, or someone besides the awaited party is told.
    const escalation = steps.findIndex((s) => s.escalates);
    expect(escalation).toBeGreaterThanOrEqual(0);
    // A reminder: a letter to the awaited party from a deadline before the escalation (or with
    // it, where the state says why).
    const reminder = steps.findIndex((s) => s.reminds);
    expect(reminder).toBeGreaterThanOrEqual(0);
    if (w.remindedWhenEscalated) expect(reminder).toBeLessThanOrEqual(escalation);
    else expect(reminder).toBeLessThan(escalation);
  });
});
