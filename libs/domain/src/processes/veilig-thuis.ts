/**
 * The Veilig Thuis warm handover (002 §3.6, §5.6): its rules, pure and deterministic (safe in workflows).
 *
 * Veilig Thuis hands a case down to the CJG when it judges the situation safe enough
 * (afschaling), or asks the CJG to join while it investigates (tijdens onderzoek). The CJG
 * accepts it and assigns a coordinator within a deadline, holds the warme overdracht with the
 * family and Veilig Thuis (where needed as a joint home visit), puts the agreements in writing
 * and sends them to all parties (the inspectorate found they were not, 002 §5.6), tells Veilig
 * Thuis the outcome, and starts a toegang trajectory or closes with basic support. A refusal goes
 * back to Veilig Thuis with its reason.
 *
 * Personal data stays out: the safety conditions, monitoring agreements, meeting agreements and
 * a refusal's explanation are free texts that may name people, so they live in PostgreSQL and
 * the process carries only their ids (`TextRef`); the letters activity reads them at send time.
 */
import { isValidCaseNumber } from '../case-number';
import { isValidPersonId } from '../ids';
import { isValidMunicipalityCode } from '../municipality';
import { policyProblems } from '../policy';
import type { TrajectoryPolicy } from '../policy';
import { amsterdamDate, amsterdamInstant, compareDates, isCalendarDate } from '../time';
import { textRefProblems, type TextRef } from '../text-ref';
import type { CalendarDate } from '../time';
import type {
  DeliveryFailure,
  DeliveryProblem,
  LetterFacts,
  LetterKind,
  Recipient,
} from '../trajectory';
import { addWorkingDays } from '../working-days';

/** The letters this process sends; their Dutch texts are in libs/notifications. */
export const VEILIG_THUIS_LETTER_KINDS = [
  /** To the CJG's handover lead: a new handover, to accept by a date. */
  'vt-handover-received',
  /** To Veilig Thuis: the CJG has received the handover, and answers by a date. */
  'vt-receipt',
  /** To the handover lead: the acceptance deadline passed (escalation). */
  'vt-acceptance-overdue',
  /** To Veilig Thuis: the acceptance is late. */
  'vt-acceptance-delayed',
  /** To Veilig Thuis: accepted, a coordinator is assigned. */
  'vt-accepted',
  /** To the assigned coordinator: the case, its safety conditions and monitoring agreements. */
  'vt-coordinator-assigned',
  /** To Veilig Thuis: the CJG does not take the case, with its reason. */
  'vt-refused',
  /** To Veilig Thuis, the family and the coordinator: the warm handover meeting. */
  'vt-meeting-planned',
  /** To the coordinator: the meeting is due soon and not held yet. */
  'vt-meeting-reminder',
  /** To the coordinator and the handover lead: the meeting deadline passed. */
  'vt-meeting-overdue',
  /** To Veilig Thuis, the family and the coordinator: the agreements, in writing (002 §5.6). */
  'vt-agreements',
  /** To Veilig Thuis and the family: the outcome (feedback): a trajectory or basic support. */
  'vt-feedback',
  /** To the coordinator and the handover lead: the outcome is late. */
  'vt-feedback-overdue',
  /** To the handover lead, the coordinator and the family: Veilig Thuis withdrew the handover. */
  'vt-withdrawn',
] as const;
export type VeiligThuisLetterKind = (typeof VEILIG_THUIS_LETTER_KINDS)[number];

// ───────────────────────────────────────────────────────────── codes

/** How soon the CJG must act: an urgent handover has shorter deadlines. */
export const HANDOVER_URGENCIES = ['regular', 'urgent'] as const;
export type HandoverUrgency = (typeof HANDOVER_URGENCIES)[number];

/**
 * 002 §3.6: Veilig Thuis steps a case down to the CJG when the situation is safe enough
 * (`afschaling`), or asks for the CJG's part while it investigates (`tijdens-onderzoek`).
 */
export const HANDOVER_TYPES = ['afschaling', 'tijdens-onderzoek'] as const;
export type HandoverType = (typeof HANDOVER_TYPES)[number];

/** Why the CJG does not take a handover; `other` needs an explanation. */
export const HANDOVER_REFUSAL_REASONS = [
  /** Not safe enough for the voluntary frame: Veilig Thuis keeps the case. */
  'not-safe-enough',
  /** The family lives outside the municipalities this CJG works for. */
  'outside-region',
  /** Another organisation already runs the family's case (e.g. a GI). */
  'care-elsewhere',
  'other',
] as const;
export type HandoverRefusalReason = (typeof HANDOVER_REFUSAL_REASONS)[number];

/** Why Veilig Thuis takes a handover back. */
export const HANDOVER_WITHDRAWAL_REASONS = [
  /** Veilig Thuis keeps or takes up the case itself (e.g. the situation got worse). */
  'veilig-thuis-continues',
  'family-moved',
  /** Sent by mistake, or twice. */
  'in-error',
] as const;
export type HandoverWithdrawalReason = (typeof HANDOVER_WITHDRAWAL_REASONS)[number];

export const HANDOVER_STATUSES = [
  'received',
  'accepted',
  'meeting-planned',
  'meeting-held',
  'trajectory-started',
  'basic-support',
  'refused',
  'withdrawn',
] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export function isOpenHandover(status: HandoverStatus): boolean {
  return !['trajectory-started', 'basic-support', 'refused', 'withdrawn'].includes(status);
}

/** The id of a handover: `VTH-2026-000123`, given by the CJG (also its workflow id's tail). */
export const HANDOVER_ID_PATTERN = /^VTH-\d{4}-\d{6,}$/;

export function isValidHandoverId(value: string): boolean {
  return typeof value === 'string' && HANDOVER_ID_PATTERN.test(value) && value.length <= 40;
}

/** The handover's workflow, readable in the Temporal Web UI: `veilig-thuis-handover-VTH-2026-000123`. */
export function handoverWorkflowId(handoverId: string): string {
  if (!isValidHandoverId(handoverId)) {
    throw new RangeError(`Not a valid handover id: ${JSON.stringify(handoverId)}`);
  }
  return `veilig-thuis-handover-${handoverId}`;
}

/**
 * Veilig Thuis's own case id (their reference): an administrative id, not personal data. The
 * same characters as a case number, so it may appear in letters and ids.
 */
export const isValidVeiligThuisReference = isValidCaseNumber;

/** The kinds of free text a handover holds (table veilig_thuis_handover_text). */
export const HANDOVER_TEXT_KINDS = [
  'safety-conditions',
  'monitoring-agreements',
  'meeting-agreements',
  'refusal-explanation',
] as const;
export type HandoverTextKind = (typeof HANDOVER_TEXT_KINDS)[number];

// ───────────────────────────────────────────────────────────── policy

/**
 * The handover's deadlines, in working days (weekends and Dutch public holidays skipped, see
 * working-days.ts). None of them comes from the seeds: the samenwerkingsafspraken with Veilig
 * Thuis of March 2020 (002 §3.6) are not among them. The acceptance default of 5 working days is
 * the issue's; the others are this CJG's own policy. A handover records the policy it started
 * with, so a later change does not move its deadlines.
 */
export interface VeiligThuisPolicy {
  /** Accept (and assign a coordinator) within this many working days of receipt. */
  acceptWithinWorkingDays: Record<HandoverUrgency, number>;
  /** Hold the warm handover meeting within this many working days of acceptance. */
  meetingWithinWorkingDays: Record<HandoverUrgency, number>;
  /** Remind the coordinator this many working days before the meeting deadline. */
  meetingReminderWorkingDays: number;
  /** Decide the outcome (feedback to Veilig Thuis) within this many working days of the meeting. */
  feedbackWithinWorkingDays: number;
  /** Hour of day (Amsterdam) at which a deadline on a working day falls due. */
  dueHour: number;
}

export const DEFAULT_VEILIG_THUIS_POLICY: VeiligThuisPolicy = {
  acceptWithinWorkingDays: { regular: 5, urgent: 1 },
  meetingWithinWorkingDays: { regular: 10, urgent: 5 },
  meetingReminderWorkingDays: 2,
  feedbackWithinWorkingDays: 5,
  dueHour: 8,
};

const workingDays = (value: unknown, min: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= 60;

/** Every reason the policy cannot be used; empty when it can. */
export function veiligThuisPolicyProblems(policy: VeiligThuisPolicy): string[] {
  const problems: string[] = [];
  for (const key of ['acceptWithinWorkingDays', 'meetingWithinWorkingDays'] as const) {
    const value = policy?.[key];
    for (const urgency of HANDOVER_URGENCIES) {
      if (!workingDays(value?.[urgency], 1))
        problems.push(`${key}.${urgency} must be a whole number of working days from 1 to 60`);
    }
    if (
      workingDays(value?.regular, 1) &&
      workingDays(value?.urgent, 1) &&
      value.urgent > value.regular
    )
      problems.push(`${key}.urgent must not be longer than ${key}.regular`);
  }
  if (!workingDays(policy?.meetingReminderWorkingDays, 0))
    problems.push('meetingReminderWorkingDays must be a whole number from 0 to 60');
  else if (
    workingDays(policy?.meetingWithinWorkingDays?.urgent, 1) &&
    policy.meetingReminderWorkingDays >= policy.meetingWithinWorkingDays.urgent
  )
    problems.push(
      'meetingReminderWorkingDays must be shorter than meetingWithinWorkingDays.urgent',
    );
  if (!workingDays(policy?.feedbackWithinWorkingDays, 1))
    problems.push('feedbackWithinWorkingDays must be a whole number from 1 to 60');
  if (!Number.isInteger(policy?.dueHour) || policy.dueHour < 0 || policy.dueHour > 23)
    problems.push('dueHour must be an hour from 0 to 23');
  return problems;
}

/** The policy from a JSON object of overrides on the defaults; throws naming every problem. */
export function resolveVeiligThuisPolicy(
  overrides: Partial<VeiligThuisPolicy> = {},
): VeiligThuisPolicy {
  const unknown = Object.keys(overrides).filter((key) => !(key in DEFAULT_VEILIG_THUIS_POLICY));
  const d = DEFAULT_VEILIG_THUIS_POLICY;
  const policy: VeiligThuisPolicy = {
    ...d,
    ...overrides,
    acceptWithinWorkingDays: { ...d.acceptWithinWorkingDays, ...overrides.acceptWithinWorkingDays },
    meetingWithinWorkingDays: {
      ...d.meetingWithinWorkingDays,
      ...overrides.meetingWithinWorkingDays,
    },
  };
  const problems = [
    ...unknown.map((key) => `unknown policy setting ${key}`),
    ...veiligThuisPolicyProblems(policy),
  ];
  if (problems.length > 0)
    throw new RangeError(`Invalid Veilig Thuis policy: ${problems.join('; ')}`);
  return policy;
}

// ───────────────────────────────────────────────────────────── input and state

/** What a new handover starts with: ids, codes and text ids only, never personal data. */
export interface HandoverInput {
  handoverId: string;
  /** The Veilig Thuis organisation that hands over (a registered partner organisation). */
  organisationId: string;
  /** Veilig Thuis's own case id. */
  reference: string;
  urgency: HandoverUrgency;
  handoverType: HandoverType;
  /** CBS gemeentecode of the municipality the family lives in. */
  municipalityCode: string;
  /**
   * The CJG's handover lead for the municipality (a team lead, registered as a coordinator so
   * letters reach it): receives new handovers and the escalations.
   */
  handoverLeadId: string;
  /** Veilig Thuis's safety conditions (veiligheidsvoorwaarden) for the family. */
  safetyConditions: TextRef;
  /** Who monitors what, and until when, as Veilig Thuis proposes it. */
  monitoringAgreements?: TextRef;
  /** Recorded in the handover; defaults to DEFAULT_VEILIG_THUIS_POLICY. */
  policy?: VeiligThuisPolicy;
}

/** Every reason the input cannot start a handover; empty when it can. */
export function handoverInputProblems(input: HandoverInput): string[] {
  const p: string[] = [];
  if (!isValidHandoverId(input?.handoverId)) p.push('handoverId is not a valid handover id');
  if (!isValidPersonId(input?.organisationId ?? '')) p.push('organisationId is not a valid id');
  if (!isValidVeiligThuisReference(input?.reference ?? ''))
    p.push('reference must be 3-40 characters A-Z, 0-9 and single hyphens');
  if (!HANDOVER_URGENCIES.includes(input?.urgency)) p.push('urgency must be regular or urgent');
  if (!HANDOVER_TYPES.includes(input?.handoverType))
    p.push('handoverType must be afschaling or tijdens-onderzoek');
  if (!isValidMunicipalityCode(input?.municipalityCode ?? ''))
    p.push('municipalityCode must be a four-digit CBS gemeentecode');
  if (!isValidPersonId(input?.handoverLeadId ?? '')) p.push('handoverLeadId is not a valid id');
  p.push(...textRefProblems(input?.safetyConditions, 'safetyConditions'));
  if (input?.monitoringAgreements !== undefined)
    p.push(...textRefProblems(input.monitoringAgreements, 'monitoringAgreements'));
  if (input?.policy !== undefined) p.push(...veiligThuisPolicyProblems(input.policy));
  return p;
}

/** A deadline in working days: the last day to act, and whether it has passed. */
export interface WorkingDayDeadline {
  /** The last working day to act on. */
  dueDate: CalendarDate;
  /** The deadline passed without the step being taken (and it is not taken yet). */
  overdue: boolean;
}

export interface HandoverState {
  handoverId: string;
  organisationId: string;
  reference: string;
  urgency: HandoverUrgency;
  handoverType: HandoverType;
  municipalityCode: string;
  handoverLeadId: string;
  safetyConditions: TextRef;
  monitoringAgreements?: TextRef;
  policy: VeiligThuisPolicy;
  status: HandoverStatus;
  /** ISO instant the handover was received: the acceptance clock starts on its working day. */
  receivedAt: string;
  /** Bumped at every change; projections keep the highest. */
  revision: number;
  /** Numbering of letters, unique within the handover. */
  letterSequence: number;
  acceptance: WorkingDayDeadline & { acceptedAt?: string; late?: boolean };
  /** The assigned coordinator, from acceptance on. */
  coordinatorId?: string;
  /** The client and family, linked when the meeting is planned (the coordinator registers them). */
  clientId?: string;
  familyId?: string;
  meeting?: WorkingDayDeadline & {
    reminded: boolean;
    planned?: {
      date: CalendarDate;
      /** `HH:MM`, Amsterdam time. */
      time?: string;
      jointHomeVisit: boolean;
      plannedAt: string;
      /** How often it was planned (1 = never moved). */
      times: number;
    };
    held?: {
      on: CalendarDate;
      jointHomeVisit: boolean;
      agreements: TextRef;
      recordedAt: string;
      late: boolean;
    };
  };
  /** The outcome (and with it the feedback to Veilig Thuis) is due after the meeting. */
  feedback?: WorkingDayDeadline;
  outcome?: {
    decision: 'trajectory' | 'basic-support';
    /** The linked toegang trajectory (same family). */
    caseNumber?: string;
    at: string;
    late: boolean;
  };
  refusal?: { reason: HandoverRefusalReason; explanation?: TextRef; at: string };
  withdrawal?: { reason: HandoverWithdrawalReason; at: string };
  deliveryProblems: DeliveryProblem[];
  closedAt?: string;
}

/** The Amsterdam working day an instant falls on counts as day 0 of a deadline. */
function dueAfter(from: Date, days: number): CalendarDate {
  return addWorkingDays(amsterdamDate(from), days);
}

export function initialHandoverState(input: HandoverInput, now: Date): HandoverState {
  const policy = input.policy ?? DEFAULT_VEILIG_THUIS_POLICY;
  return {
    handoverId: input.handoverId,
    organisationId: input.organisationId,
    reference: input.reference,
    urgency: input.urgency,
    handoverType: input.handoverType,
    municipalityCode: input.municipalityCode,
    handoverLeadId: input.handoverLeadId,
    safetyConditions: input.safetyConditions,
    ...(input.monitoringAgreements ? { monitoringAgreements: input.monitoringAgreements } : {}),
    policy,
    status: 'received',
    receivedAt: now.toISOString(),
    revision: 1,
    letterSequence: 0,
    acceptance: {
      dueDate: dueAfter(now, policy.acceptWithinWorkingDays[input.urgency]),
      overdue: false,
    },
    deliveryProblems: [],
  };
}

// ───────────────────────────────────────────────────────────── effects

export interface HandoverLetter {
  type: 'letter';
  kind: LetterKind;
  to: Recipient[];
  facts: LetterFacts;
}

const veiligThuis = (s: HandoverState): Recipient => ({
  role: 'organisation',
  id: s.organisationId,
});
const lead = (s: HandoverState): Recipient => ({ role: 'coordinator', id: s.handoverLeadId });
const coordinator = (s: HandoverState): Recipient[] =>
  s.coordinatorId ? [{ role: 'coordinator', id: s.coordinatorId }] : [];
const client = (s: HandoverState): Recipient[] =>
  s.clientId ? [{ role: 'client', id: s.clientId }] : [];
/** The lead and the coordinator, once each (the lead may have taken the case itself). */
const leadAndCoordinator = (s: HandoverState): Recipient[] =>
  s.coordinatorId && s.coordinatorId !== s.handoverLeadId
    ? [lead(s), ...coordinator(s)]
    : [lead(s)];

/**
 * The facts every letter of a handover carries. `caseNumber` is the handover's id, the CJG's
 * registration number of the case until a trajectory starts; the texts go by their ids
 * (`…TextId`), which the letters activity replaces by the texts themselves at send time.
 */
function baseFacts(s: HandoverState): LetterFacts {
  return { caseNumber: s.handoverId, reference: s.reference, urgency: s.urgency };
}

function textFacts(s: HandoverState): LetterFacts {
  return {
    safetyConditionsTextId: s.safetyConditions.textId,
    ...(s.monitoringAgreements
      ? { monitoringAgreementsTextId: s.monitoringAgreements.textId }
      : {}),
  };
}

/** A new handover: the handover lead learns of it, Veilig Thuis gets a receipt. */
export function handoverReceivedLetters(state: HandoverState): HandoverLetter[] {
  const facts = { ...baseFacts(state), acceptDueDate: state.acceptance.dueDate };
  return [
    {
      type: 'letter',
      kind: 'vt-handover-received',
      to: [lead(state)],
      facts: {
        ...facts,
        municipalityCode: state.municipalityCode,
        handoverType: state.handoverType,
      },
    },
    { type: 'letter', kind: 'vt-receipt', to: [veiligThuis(state)], facts },
  ];
}

// ───────────────────────────────────────────────────────────── commands

export type HandoverCommand =
  /** The team lead or a coordinator accepts and assigns a coordinator. */
  | { type: 'accept'; coordinatorId: string }
  /** Not for the CJG: back to Veilig Thuis with the reason. */
  | { type: 'refuse'; reason: HandoverRefusalReason; explanation?: TextRef }
  /** The warm handover meeting with the family and Veilig Thuis; planning again moves it. */
  | {
      type: 'planMeeting';
      date: CalendarDate;
      time?: string;
      jointHomeVisit: boolean;
      clientId: string;
      familyId: string;
    }
  /** Held: the agreements are recorded in writing and go to all parties. */
  | { type: 'recordMeeting'; heldOn: CalendarDate; jointHomeVisit: boolean; agreements: TextRef }
  /** A toegang trajectory starts for the client, same family (the API adds the CJG's policy). */
  | { type: 'startTrajectory'; caseNumber: string; policy?: TrajectoryPolicy }
  /** No specialised youth care needed: the family goes on with basic support. */
  | { type: 'closeWithBasicSupport' }
  /** Veilig Thuis takes the handover back. */
  | { type: 'withdraw'; reason: HandoverWithdrawalReason };

export type HandoverCommandType = HandoverCommand['type'];

/** The fields each command takes (besides its type); anything else is refused. */
export const HANDOVER_COMMAND_FIELDS: Record<HandoverCommandType, readonly string[]> = {
  accept: ['coordinatorId'],
  refuse: ['reason', 'explanation'],
  planMeeting: ['date', 'time', 'jointHomeVisit', 'clientId', 'familyId'],
  recordMeeting: ['heldOn', 'jointHomeVisit', 'agreements'],
  startTrajectory: ['caseNumber', 'policy'],
  closeWithBasicSupport: [],
  withdraw: ['reason'],
};

/** Which commands each status accepts at all (the data is checked after). */
const STATUS_COMMANDS: Record<HandoverStatus, readonly HandoverCommandType[]> = {
  received: ['accept', 'refuse', 'withdraw'],
  accepted: ['planMeeting', 'withdraw'],
  'meeting-planned': ['planMeeting', 'recordMeeting', 'withdraw'],
  'meeting-held': ['startTrajectory', 'closeWithBasicSupport'],
  'trajectory-started': [],
  'basic-support': [],
  refused: [],
  withdrawn: [],
};

/** Reasons the state refuses a command of this type, whatever its data. */
export function handoverCommandStateProblems(
  state: HandoverState,
  type: HandoverCommandType,
): string[] {
  if (!(type in HANDOVER_COMMAND_FIELDS)) return [`${type} is not a handover command`];
  return STATUS_COMMANDS[state.status].includes(type)
    ? []
    : [`${type} is not possible when the handover is ${state.status}`];
}

/** The commands that make sense now. */
export function allowedHandoverCommands(state: HandoverState): HandoverCommandType[] {
  return [...STATUS_COMMANDS[state.status]];
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Every reason the command is refused in this state; empty when it is accepted. The workflow
 * calls this in its update validators, so a refused command never enters the history.
 */
export function handoverCommandProblems(
  state: HandoverState,
  command: HandoverCommand,
  now: Date,
): string[] {
  const byState = handoverCommandStateProblems(state, command?.type);
  if (byState.length > 0) return byState;
  const unknown = Object.keys(command).filter(
    (key) => key !== 'type' && !HANDOVER_COMMAND_FIELDS[command.type].includes(key),
  );
  if (unknown.length > 0) return unknown.map((key) => `${key} is not a field of ${command.type}`);
  const today = amsterdamDate(now);
  const p: string[] = [];
  switch (command.type) {
    case 'accept':
      if (!isValidPersonId(command.coordinatorId ?? '')) p.push('coordinatorId is not a valid id');
      break;
    case 'refuse':
      if (!HANDOVER_REFUSAL_REASONS.includes(command.reason))
        p.push(`reason must be one of ${HANDOVER_REFUSAL_REASONS.join(', ')}`);
      if (command.explanation !== undefined)
        p.push(...textRefProblems(command.explanation, 'explanation'));
      else if (command.reason === 'other')
        p.push('a refusal for another reason needs an explanation');
      break;
    case 'planMeeting':
      if (!isCalendarDate(command.date)) p.push('date must be a calendar date YYYY-MM-DD');
      else if (compareDates(command.date, today) < 0) p.push('date must not be in the past');
      if (command.time !== undefined && !TIME.test(command.time ?? ''))
        p.push('time must be HH:MM (24 hours)');
      if (typeof command.jointHomeVisit !== 'boolean')
        p.push('jointHomeVisit must be true or false');
      if (!isValidPersonId(command.clientId ?? '')) p.push('clientId is not a valid id');
      if (!isValidPersonId(command.familyId ?? '')) p.push('familyId is not a valid id');
      break;
    case 'recordMeeting': {
      if (!isCalendarDate(command.heldOn)) p.push('heldOn must be a calendar date YYYY-MM-DD');
      else {
        if (compareDates(command.heldOn, today) > 0) p.push('heldOn must not be in the future');
        const accepted = state.acceptance.acceptedAt
          ? amsterdamDate(new Date(state.acceptance.acceptedAt))
          : undefined;
        if (accepted && compareDates(command.heldOn, accepted) < 0)
          p.push('heldOn must not be before the handover was accepted');
      }
      if (typeof command.jointHomeVisit !== 'boolean')
        p.push('jointHomeVisit must be true or false');
      p.push(...textRefProblems(command.agreements, 'agreements'));
      break;
    }
    case 'startTrajectory':
      if (!isValidCaseNumber(command.caseNumber ?? ''))
        p.push('caseNumber is not a valid case number');
      else if (command.caseNumber === state.handoverId)
        p.push('caseNumber must be a case number of its own, not the handover id');
      if (command.policy !== undefined) p.push(...policyProblems(command.policy));
      break;
    case 'closeWithBasicSupport':
      break;
    case 'withdraw':
      if (!HANDOVER_WITHDRAWAL_REASONS.includes(command.reason))
        p.push(`reason must be one of ${HANDOVER_WITHDRAWAL_REASONS.join(', ')}`);
      break;
  }
  return p;
}

/** Whether a refusal is the state's (409) or the data's (422). */
export function handoverRefusedByState(state: HandoverState, command: HandoverCommand): boolean {
  return handoverCommandStateProblems(state, command?.type).length > 0;
}

function close(state: HandoverState, status: HandoverStatus, at: string): void {
  state.status = status;
  state.closedAt = at;
}

/**
 * Applies an accepted command to the state (mutating it) and returns the letters to send. Call
 * `handoverCommandProblems` first: this assumes the command is valid.
 */
export function applyHandoverCommand(
  state: HandoverState,
  command: HandoverCommand,
  now: Date,
): HandoverLetter[] {
  state.revision += 1;
  const at = now.toISOString();
  const facts = baseFacts(state);
  switch (command.type) {
    case 'accept': {
      state.status = 'accepted';
      state.coordinatorId = command.coordinatorId;
      state.acceptance = {
        ...state.acceptance,
        acceptedAt: at,
        late: state.acceptance.overdue,
        overdue: false,
      };
      const meetingDue = dueAfter(now, state.policy.meetingWithinWorkingDays[state.urgency]);
      state.meeting = { dueDate: meetingDue, overdue: false, reminded: false };
      return [
        {
          type: 'letter',
          kind: 'vt-accepted',
          to: [veiligThuis(state)],
          facts: { ...facts, coordinatorId: command.coordinatorId, meetingDueDate: meetingDue },
        },
        {
          type: 'letter',
          kind: 'vt-coordinator-assigned',
          to: coordinator(state),
          facts: {
            ...facts,
            handoverType: state.handoverType,
            meetingDueDate: meetingDue,
            ...textFacts(state),
          },
        },
      ];
    }
    case 'refuse':
      state.refusal = {
        reason: command.reason,
        ...(command.explanation ? { explanation: command.explanation } : {}),
        at,
      };
      state.acceptance.overdue = false;
      close(state, 'refused', at);
      return [
        {
          type: 'letter',
          kind: 'vt-refused',
          to: [veiligThuis(state)],
          facts: {
            ...facts,
            reason: command.reason,
            ...(command.explanation ? { explanationTextId: command.explanation.textId } : {}),
          },
        },
      ];
    case 'planMeeting': {
      const meeting = state.meeting!;
      state.status = 'meeting-planned';
      state.clientId = command.clientId;
      state.familyId = command.familyId;
      meeting.planned = {
        date: command.date,
        ...(command.time ? { time: command.time } : {}),
        jointHomeVisit: command.jointHomeVisit,
        plannedAt: at,
        times: (meeting.planned?.times ?? 0) + 1,
      };
      return [
        {
          type: 'letter',
          kind: 'vt-meeting-planned',
          to: [veiligThuis(state), ...client(state), ...coordinator(state)],
          facts: {
            ...facts,
            date: command.date,
            ...(command.time ? { time: command.time } : {}),
            jointHomeVisit: command.jointHomeVisit,
            moved: meeting.planned.times > 1,
          },
        },
      ];
    }
    case 'recordMeeting': {
      const meeting = state.meeting!;
      state.status = 'meeting-held';
      meeting.held = {
        on: command.heldOn,
        jointHomeVisit: command.jointHomeVisit,
        agreements: command.agreements,
        recordedAt: at,
        late: meeting.overdue,
      };
      meeting.overdue = false;
      state.feedback = {
        dueDate: dueAfter(now, state.policy.feedbackWithinWorkingDays),
        overdue: false,
      };
      return [
        {
          type: 'letter',
          kind: 'vt-agreements',
          to: [veiligThuis(state), ...client(state), ...coordinator(state)],
          facts: {
            ...facts,
            heldOn: command.heldOn,
            jointHomeVisit: command.jointHomeVisit,
            agreementsTextId: command.agreements.textId,
            ...textFacts(state),
            feedbackDueDate: state.feedback.dueDate,
          },
        },
      ];
    }
    case 'startTrajectory':
    case 'closeWithBasicSupport': {
      const trajectory = command.type === 'startTrajectory';
      state.outcome = {
        decision: trajectory ? 'trajectory' : 'basic-support',
        ...(trajectory ? { caseNumber: command.caseNumber } : {}),
        at,
        late: state.feedback?.overdue ?? false,
      };
      if (state.feedback) state.feedback.overdue = false;
      close(state, trajectory ? 'trajectory-started' : 'basic-support', at);
      return [
        {
          type: 'letter',
          kind: 'vt-feedback',
          to: [veiligThuis(state), ...client(state)],
          facts: {
            ...facts,
            decision: state.outcome.decision,
            ...(trajectory ? { trajectoryCaseNumber: command.caseNumber } : {}),
            ...(state.coordinatorId ? { coordinatorId: state.coordinatorId } : {}),
          },
        },
      ];
    }
    case 'withdraw': {
      const meetingPlanned = state.status === 'meeting-planned';
      state.withdrawal = { reason: command.reason, at };
      state.acceptance.overdue = false;
      if (state.meeting) state.meeting.overdue = false;
      close(state, 'withdrawn', at);
      return [
        {
          type: 'letter',
          kind: 'vt-withdrawn',
          // The family hears it only when it was invited to a meeting.
          to: [...leadAndCoordinator(state), ...(meetingPlanned ? client(state) : [])],
          facts: { ...facts, reason: command.reason },
        },
      ];
    }
  }
}

// ───────────────────────────────────────────────────────────── deadlines

export const HANDOVER_DEADLINE_KINDS = [
  'accept-overdue',
  'meeting-reminder',
  'meeting-overdue',
  'feedback-overdue',
] as const;
export type HandoverDeadlineKind = (typeof HANDOVER_DEADLINE_KINDS)[number];

export interface HandoverDeadline {
  kind: HandoverDeadlineKind;
  /** ISO instant. */
  at: string;
}

/**
 * A deadline's due date is the last working day to act; it is missed at the policy's due hour
 * (8:00) of the next working day, when the team starts its day.
 */
export function missedAt(state: HandoverState, dueDate: CalendarDate): Date {
  return amsterdamInstant(addWorkingDays(dueDate, 1), state.policy.dueHour);
}

/** The meeting reminder: at the due hour, `meetingReminderWorkingDays` before its last day. */
function meetingReminderAt(state: HandoverState): Date | undefined {
  const accepted = state.acceptance.acceptedAt;
  const lead = state.policy.meetingReminderWorkingDays;
  if (!accepted || lead === 0) return undefined;
  const days = state.policy.meetingWithinWorkingDays[state.urgency] - lead;
  return amsterdamInstant(dueAfter(new Date(accepted), days), state.policy.dueHour);
}

/** Every deadline the handover is waiting for, earliest first. */
export function pendingHandoverDeadlines(state: HandoverState): HandoverDeadline[] {
  if (!isOpenHandover(state.status)) return [];
  const d: HandoverDeadline[] = [];
  const add = (kind: HandoverDeadlineKind, at: Date | undefined) => {
    if (at) d.push({ kind, at: at.toISOString() });
  };
  if (state.status === 'received' && !state.acceptance.overdue)
    add('accept-overdue', missedAt(state, state.acceptance.dueDate));
  const m = state.meeting;
  if ((state.status === 'accepted' || state.status === 'meeting-planned') && m) {
    if (!m.reminded && !m.overdue) add('meeting-reminder', meetingReminderAt(state));
    if (!m.overdue) add('meeting-overdue', missedAt(state, m.dueDate));
  }
  if (state.status === 'meeting-held' && state.feedback && !state.feedback.overdue)
    add('feedback-overdue', missedAt(state, state.feedback.dueDate));
  return d.sort((a, b) => a.at.localeCompare(b.at));
}

/** Handles a deadline that has come (mutating the state) and returns the letters to send. */
export function applyHandoverDeadline(
  state: HandoverState,
  kind: HandoverDeadlineKind,
  _now: Date,
): HandoverLetter[] {
  state.revision += 1;
  const facts = baseFacts(state);
  switch (kind) {
    case 'accept-overdue':
      // The handover stays `received` and marked overdue until someone accepts or refuses it.
      state.acceptance.overdue = true;
      return [
        {
          type: 'letter',
          kind: 'vt-acceptance-overdue',
          to: [lead(state)],
          facts: { ...facts, dueDate: state.acceptance.dueDate },
        },
        {
          type: 'letter',
          kind: 'vt-acceptance-delayed',
          to: [veiligThuis(state)],
          facts: { ...facts, dueDate: state.acceptance.dueDate },
        },
      ];
    case 'meeting-reminder': {
      const m = state.meeting!;
      m.reminded = true;
      return [
        {
          type: 'letter',
          kind: 'vt-meeting-reminder',
          to: coordinator(state),
          facts: {
            ...facts,
            dueDate: m.dueDate,
            planned: m.planned !== undefined,
            ...(m.planned ? { date: m.planned.date } : {}),
          },
        },
      ];
    }
    case 'meeting-overdue': {
      const m = state.meeting!;
      m.overdue = true;
      m.reminded = true;
      return [
        {
          type: 'letter',
          kind: 'vt-meeting-overdue',
          to: leadAndCoordinator(state),
          facts: {
            ...facts,
            dueDate: m.dueDate,
            ...(state.coordinatorId ? { coordinatorId: state.coordinatorId } : {}),
            planned: m.planned !== undefined,
            ...(m.planned ? { date: m.planned.date } : {}),
          },
        },
      ];
    }
    case 'feedback-overdue': {
      const f = state.feedback!;
      f.overdue = true;
      return [
        {
          type: 'letter',
          kind: 'vt-feedback-overdue',
          to: leadAndCoordinator(state),
          facts: {
            ...facts,
            dueDate: f.dueDate,
            ...(state.coordinatorId ? { coordinatorId: state.coordinatorId } : {}),
          },
        },
      ];
    }
  }
}

// ───────────────────────────────────────────────────────────── delivery

const refOf = (r: Recipient): string =>
  r.role === 'provider' ? `provider:${r.agbCode}` : `${r.role}:${r.id}`;

/**
 * A letter that could not be delivered is recorded on the handover, and the coordinator (or,
 * before acceptance, the handover lead) is told by a letter of its own, unless that is the one
 * it did not reach or it is itself such a notice. It is not sent again.
 */
export function recordHandoverDeliveryFailures(
  state: HandoverState,
  letter: LetterKind,
  sequence: number,
  failures: readonly DeliveryFailure[],
  now: Date,
): HandoverLetter[] {
  if (failures.length === 0) return [];
  state.revision += 1;
  state.deliveryProblems.push(
    ...failures.map((failure) => ({
      letter,
      sequence,
      recipient: refOf(failure.recipient),
      reason: failure.reason,
      at: now.toISOString(),
    })),
  );
  if (letter === 'delivery-failed') return [];
  const notify: Recipient = state.coordinatorId
    ? { role: 'coordinator', id: state.coordinatorId }
    : lead(state);
  return failures
    .filter((failure) => refOf(failure.recipient) !== refOf(notify))
    .map((failure) => ({
      type: 'letter' as const,
      kind: 'delivery-failed' as const,
      to: [notify],
      facts: {
        caseNumber: state.handoverId,
        letter,
        recipientRole: failure.recipient.role,
        reason: failure.reason,
      },
    }));
}

// ───────────────────────────────────────────────────────────── views

/** Whether the step the handover waits for is past its deadline. */
export function isHandoverOverdue(state: HandoverState): boolean {
  switch (state.status) {
    case 'received':
      return state.acceptance.overdue;
    case 'accepted':
    case 'meeting-planned':
      return state.meeting?.overdue ?? false;
    case 'meeting-held':
      return state.feedback?.overdue ?? false;
    default:
      return false;
  }
}

/**
 * When the step the handover waits for is due: the next pending deadline, or, once a deadline
 * is missed, the moment it was missed, so the handover stays at the top of a list sorted by due
 * date (and `Overdue` in the Temporal UI) until the step is taken.
 */
export function handoverNextDue(
  state: HandoverState,
): { kind: HandoverDeadlineKind; at: string } | undefined {
  if (!isOpenHandover(state.status)) return undefined;
  if (isHandoverOverdue(state)) {
    const [kind, dueDate] =
      state.status === 'received'
        ? (['accept-overdue', state.acceptance.dueDate] as const)
        : state.status === 'meeting-held'
          ? (['feedback-overdue', state.feedback!.dueDate] as const)
          : (['meeting-overdue', state.meeting!.dueDate] as const);
    return { kind, at: missedAt(state, dueDate).toISOString() };
  }
  return pendingHandoverDeadlines(state)[0];
}

/** A one-line summary without personal data, for the Temporal UI memo. */
export function handoverSummary(state: HandoverState): string {
  const parts = [
    `Veilig Thuis ${state.reference}`,
    state.urgency === 'urgent' ? 'spoed' : 'regulier',
    `status ${state.status}`,
  ];
  if (state.status === 'received') parts.push(`accepteren uiterlijk ${state.acceptance.dueDate}`);
  if (state.meeting?.planned && !state.meeting.held)
    parts.push(
      `overdracht ${state.meeting.planned.date}${state.meeting.planned.jointHomeVisit ? ' (huisbezoek)' : ''}`,
    );
  if (state.outcome?.caseNumber) parts.push(`traject ${state.outcome.caseNumber}`);
  if (isHandoverOverdue(state)) parts.push('TE LAAT');
  return parts.join('; ');
}

/** What the read model (table veilig_thuis_handover) keeps of a handover: ids, codes, dates. */
export interface HandoverProjection {
  handoverId: string;
  workflowId: string;
  status: HandoverStatus;
  revision: number;
  coordinatorId: string | null;
  clientId: string | null;
  familyId: string | null;
  acceptDueDate: CalendarDate;
  acceptedAt: string | null;
  acceptedLate: boolean | null;
  meetingDate: CalendarDate | null;
  jointHomeVisit: boolean | null;
  meetingHeldOn: CalendarDate | null;
  nextDueAt: string | null;
  nextDueKind: HandoverDeadlineKind | null;
  overdue: boolean;
  outcome: 'trajectory' | 'basic-support' | 'refused' | 'withdrawn' | null;
  trajectoryCaseNumber: string | null;
  closedAt: string | null;
}

export function handoverProjectionOf(state: HandoverState, workflowId: string): HandoverProjection {
  const next = handoverNextDue(state);
  const held = state.meeting?.held;
  return {
    handoverId: state.handoverId,
    workflowId,
    status: state.status,
    revision: state.revision,
    coordinatorId: state.coordinatorId ?? null,
    clientId: state.clientId ?? null,
    familyId: state.familyId ?? null,
    acceptDueDate: state.acceptance.dueDate,
    acceptedAt: state.acceptance.acceptedAt ?? null,
    acceptedLate: state.acceptance.acceptedAt ? (state.acceptance.late ?? false) : null,
    meetingDate: held?.on ?? state.meeting?.planned?.date ?? null,
    jointHomeVisit: held?.jointHomeVisit ?? state.meeting?.planned?.jointHomeVisit ?? null,
    meetingHeldOn: held?.on ?? null,
    nextDueAt: next?.at ?? null,
    nextDueKind: next?.kind ?? null,
    overdue: isHandoverOverdue(state),
    outcome:
      state.outcome?.decision ??
      (state.status === 'refused' || state.status === 'withdrawn' ? state.status : null),
    trajectoryCaseNumber: state.outcome?.caseNumber ?? null,
    closedAt: state.closedAt ?? null,
  };
}
