/**
 * The Schakeloverleg transfer from the forced to the voluntary frame (000): its rules, pure and deterministic (safe in workflows).
 *
 * A gecertificeerde instelling (GI) proposes to end a child protection or youth probation measure
 * with the family going on in the voluntary frame. The CJG plans the Schakeloverleg (the
 * consultation of GI, CJG and parents) before the measure ends, and records its outcome: agreed
 * (the parents consent; the running care stays in place and a toegang trajectory starts on the
 * measure's end date with that care carried over) or not agreed (the family stays in the forced
 * frame; the case is revisited on a date). GI, providers and family are told.
 *
 * Only ids, codes, dates and yes/no live here (and so in the workflow's history): reasons are
 * codes, never free text that might name people.
 *
 * This file imports types only from ../trajectory: trajectory.ts imports this file's letter kinds
 * at load time, so a value import back would be circular.
 */
import { isValidCaseNumber, trajectoryWorkflowId } from '../case-number';
import { isProductCategory, isValidAgbCode, type ProductCategory } from '../codes';
import { isValidPersonId } from '../ids';
import { isValidMunicipalityCode } from '../municipality';
import type { TrajectoryPolicy } from '../policy';
import {
  addToDate,
  amsterdamDate,
  amsterdamInstant,
  compareDates,
  isCalendarDate,
  type CalendarDate,
} from '../time';
import type {
  DeliveryFailure,
  DeliveryProblem,
  LetterFacts,
  LetterKind,
  Recipient,
} from '../trajectory';
import { addWorkingDays, isWorkingDay } from '../working-days';

/** The letters this process sends; their Dutch texts are in libs/notifications. */
export const SCHAKELOVERLEG_LETTER_KINDS = [
  /** To the CJG contact of the municipality: a GI proposes a transfer. */
  'so-proposed',
  /** To the CJG contact and the GI: not planned yet, the plan-by date approaches. */
  'so-planning-reminder',
  /** To the CJG contact, the team lead (escalation) and the GI: the plan-by date has passed. */
  'so-planning-overdue',
  /** To the coordinator, the GI and the family: the Schakeloverleg is planned (an invitation). */
  'so-planned',
  /** To the coordinator: the Schakeloverleg was held, its outcome is not recorded yet. */
  'so-outcome-reminder',
  /** To the GI, the providers, the family and the coordinator: agreed, the voluntary trajectory starts. */
  'so-agreed',
  /** To the GI, the providers and the family: not agreed, stays in the forced frame until the revisit. */
  'so-not-agreed',
  /** To the coordinator and the GI: the revisit date has come, plan the Schakeloverleg again. */
  'so-revisit-due',
  /** To the CJG (and, once agreed, the family and providers): the measure's end date changed. */
  'so-measure-end-changed',
  /** To the GI, the providers and the family: the voluntary trajectory has started. */
  'so-trajectory-started',
  /** To the CJG (and the family and providers once told): the GI withdrew the proposal. */
  'so-withdrawn',
  /** To the GI and the CJG (and the family once invited): the measure ended without an agreement. */
  'so-lapsed',
] as const;
export type SchakeloverlegLetterKind = (typeof SCHAKELOVERLEG_LETTER_KINDS)[number];

// ───────────────────────────────────────────────────────────── code lists

/**
 * The measures of the forced frame that can end in a transfer to the voluntary frame: the ones a
 * GI carries out and that end on a date after which the family may go on without a measure.
 * (Not the voorlopige OTS, which is followed by a decision on an OTS, nor a machtiging gesloten
 * jeugdhulp, which is not a GI's measure.) `productCategory` is the JZ020 category of the GI's
 * own product.
 */
export const FORCED_FRAME_MEASURES = {
  ots: {
    name: 'Ondertoezichtstelling',
    basis: 'BW 1:255; ten hoogste een jaar, telkens te verlengen (BW 1:260)',
    productCategory: '48',
  },
  voogdij: {
    name: 'Voogdij door een gecertificeerde instelling',
    basis: 'BW 1:302 lid 2; eindigt bij meerderjarigheid of herstel in het gezag (BW 1:277)',
    productCategory: '48',
  },
  jeugdreclassering: {
    name: 'Jeugdreclassering',
    basis: 'Jeugdwet art. 1.1 (jeugdreclassering); opgelegd door rechter of OM',
    productCategory: '47',
  },
} as const satisfies Record<
  string,
  { name: string; basis: string; productCategory: ProductCategory }
>;
export type ForcedFrameMeasure = keyof typeof FORCED_FRAME_MEASURES;
export const FORCED_FRAME_MEASURE_CODES = Object.keys(
  FORCED_FRAME_MEASURES,
) as readonly ForcedFrameMeasure[];

export function isForcedFrameMeasure(value: unknown): value is ForcedFrameMeasure {
  return typeof value === 'string' && Object.hasOwn(FORCED_FRAME_MEASURES, value);
}

/** Why a Schakeloverleg did not agree on the transfer (codes: the history holds no free text). */
export const SCHAKELOVERLEG_NOT_AGREED_REASONS = {
  'no-consent': 'De ouders stemmen (nog) niet in met hulp in het vrijwillig kader',
  'safety-not-ensured': 'De veiligheid van de jeugdige is zonder maatregel nog niet gewaarborgd',
  'care-not-in-place': 'De hulp die in het vrijwillig kader nodig is, is nog niet geregeld',
  other: 'Een andere reden, besproken in het Schakeloverleg',
} as const;
export type SchakeloverlegNotAgreedReason = keyof typeof SCHAKELOVERLEG_NOT_AGREED_REASONS;

/** Why the GI withdraws a proposed transfer (codes). */
export const SCHAKELOVERLEG_WITHDRAWAL_REASONS = {
  'measure-continues': 'De maatregel wordt voortgezet of verlengd',
  'family-moved': 'Het gezin is verhuisd naar een andere regio',
  'proposed-in-error': 'Het voorstel is ten onrechte gedaan',
  other: 'Een andere reden',
} as const;
export type SchakeloverlegWithdrawalReason = keyof typeof SCHAKELOVERLEG_WITHDRAWAL_REASONS;

// ───────────────────────────────────────────────────────────── policy

/**
 * The deadlines of a transfer, in working days (Monday to Friday without the Algemene
 * termijnenwet holidays) counted back from the measure's end date. The seeds give no numbers;
 * these defaults are a proposal for the CJG to confirm: planned two months ahead, so a "not
 * agreed" still leaves the GI time to ask the court for an extension.
 */
export interface SchakeloverlegPolicy {
  /** The CJG contact and the GI are reminded when it is not planned this many working days before the end. */
  planningReminderWorkingDays: number;
  /** It must be planned this many working days before the end; after that it is escalated. */
  planByWorkingDays: number;
  /** The Schakeloverleg itself is held at least this many working days before the end. */
  meetingLeadWorkingDays: number;
  /** The coordinator is reminded when the outcome is not recorded this many working days after it. */
  outcomeWorkingDays: number;
  /** Hour of day (Amsterdam) at which a deadline on a date falls due. */
  dueHour: number;
  /** Continue-as-new once a run's history reaches this many events. */
  maxHistoryEvents: number;
}

export const DEFAULT_SCHAKELOVERLEG_POLICY: SchakeloverlegPolicy = {
  planningReminderWorkingDays: 40,
  planByWorkingDays: 30,
  meetingLeadWorkingDays: 10,
  outcomeWorkingDays: 2,
  dueHour: 8,
  maxHistoryEvents: 600,
};

const wholeIn = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Every reason the policy cannot be used; empty when it can. */
export function schakeloverlegPolicyProblems(policy: SchakeloverlegPolicy): string[] {
  const p: string[] = [];
  for (const key of [
    'planningReminderWorkingDays',
    'planByWorkingDays',
    'meetingLeadWorkingDays',
    'outcomeWorkingDays',
  ] as const) {
    if (!wholeIn(policy[key], 1, 260)) p.push(`${key} must be a whole number from 1 to 260`);
  }
  if (!wholeIn(policy.dueHour, 0, 23)) p.push('dueHour must be an hour from 0 to 23');
  if (!wholeIn(policy.maxHistoryEvents, 200, 10_000))
    p.push('maxHistoryEvents must be a whole number from 200 to 10000');
  if (p.length > 0) return p;
  if (policy.planningReminderWorkingDays <= policy.planByWorkingDays)
    p.push('planningReminderWorkingDays must be more than planByWorkingDays');
  if (policy.planByWorkingDays <= policy.meetingLeadWorkingDays)
    p.push('planByWorkingDays must be more than meetingLeadWorkingDays');
  if (policy.outcomeWorkingDays >= policy.meetingLeadWorkingDays)
    p.push('outcomeWorkingDays must be fewer than meetingLeadWorkingDays');
  return p;
}

/** The policy from overrides on the defaults; throws naming every problem. */
export function resolveSchakeloverlegPolicy(
  overrides: Partial<SchakeloverlegPolicy> = {},
): SchakeloverlegPolicy {
  const unknown = Object.keys(overrides).filter((key) => !(key in DEFAULT_SCHAKELOVERLEG_POLICY));
  const policy = { ...DEFAULT_SCHAKELOVERLEG_POLICY, ...overrides };
  const problems = [
    ...unknown.map((key) => `unknown Schakeloverleg policy setting ${key}`),
    ...schakeloverlegPolicyProblems(policy),
  ];
  if (problems.length > 0)
    throw new RangeError(`Invalid Schakeloverleg policy: ${problems.join('; ')}`);
  return policy;
}

// ───────────────────────────────────────────────────────────── dates

/** The date `days` working days before `date` (the mirror of addWorkingDays). */
function workingDaysBefore(date: CalendarDate, days: number): CalendarDate {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addToDate(current, 0, -1);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/** The dates that follow from a measure's end date under a policy. */
export interface TransferDates {
  /** Reminder when it is not planned by then. */
  planningReminder: CalendarDate;
  /** It must be planned by then; escalated after. */
  planBy: CalendarDate;
  /** The last day the Schakeloverleg may be held. */
  latestMeetingDate: CalendarDate;
}

export function transferDates(
  measureEndDate: CalendarDate,
  policy: SchakeloverlegPolicy,
): TransferDates {
  return {
    planningReminder: workingDaysBefore(measureEndDate, policy.planningReminderWorkingDays),
    planBy: workingDaysBefore(measureEndDate, policy.planByWorkingDays),
    latestMeetingDate: workingDaysBefore(measureEndDate, policy.meetingLeadWorkingDays),
  };
}

// ───────────────────────────────────────────────────────────── input

/** A provider whose care is in place, carried over into the voluntary frame when agreed. */
export interface CarriedCare {
  agbCode: string;
  productCategory: ProductCategory;
}

/** What a proposed transfer starts with: ids, codes and dates only. */
export interface TransferInput {
  /** `<organisationId>.<reference>`: see transferIdOf. */
  transferId: string;
  /** The GI (a registered partner organisation of kind `gi`). */
  organisationId: string;
  /** The GI's own reference for the measure (its dossier number). */
  reference: string;
  municipalityCode: string;
  familyId: string;
  clientId: string;
  measure: ForcedFrameMeasure;
  /** The date the measure ends as planned (the voluntary trajectory starts on it when agreed). */
  measureEndDate: CalendarDate;
  /** The care in place: providers and their JZ020 category. */
  care: CarriedCare[];
  /** The CJG contact for this municipality's Schakeloverleg (a coordinator id), if configured. */
  contactId?: string;
  /** Who is told when planning is overdue (a team lead's coordinator id), if configured. */
  escalateToId?: string;
  /** Recorded in the transfer; defaults to DEFAULT_SCHAKELOVERLEG_POLICY. */
  policy?: SchakeloverlegPolicy;
  /** Handed to the toegang trajectory that starts when agreed (the API's trajectory policy). */
  trajectoryPolicy?: TrajectoryPolicy;
}

export const TRANSFER_REFERENCE_PATTERN = /^[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){2,39}$/;
const MAX_CARE = 20;

/**
 * The id of a transfer: the GI's organisation id and its own reference, `gi-limburg.JB-2026-1234`.
 * Neither part can hold a dot, so the id reads back unambiguously, and the same reference of two
 * GIs names two transfers.
 */
export function transferIdOf(organisationId: string, reference: string): string {
  return `${organisationId}.${reference}`;
}

export function parseTransferId(
  transferId: string,
): { organisationId: string; reference: string } | undefined {
  const dot = transferId.indexOf('.');
  if (dot < 0) return undefined;
  const organisationId = transferId.slice(0, dot);
  const reference = transferId.slice(dot + 1);
  if (!isValidPersonId(organisationId) || !TRANSFER_REFERENCE_PATTERN.test(reference))
    return undefined;
  return { organisationId, reference };
}

/** The workflow of a transfer, readable in the Temporal UI: `schakeloverleg-gi-limburg.JB-2026-1234`. */
export function transferWorkflowId(transferId: string): string {
  if (!parseTransferId(transferId))
    throw new RangeError(`Not a valid transfer id: ${JSON.stringify(transferId)}`);
  return `${TRANSFER_WORKFLOW_PREFIX}${transferId}`;
}

const TRANSFER_WORKFLOW_PREFIX = 'schakeloverleg-';

/** The transfer id a transfer's workflow id was derived from, or undefined for any other id. */
export function transferIdFromWorkflowId(workflowId: string): string | undefined {
  if (!workflowId.startsWith(TRANSFER_WORKFLOW_PREFIX)) return undefined;
  const transferId = workflowId.slice(TRANSFER_WORKFLOW_PREFIX.length);
  return parseTransferId(transferId) ? transferId : undefined;
}

function careProblems(care: unknown): string[] {
  if (!Array.isArray(care) || care.length > MAX_CARE)
    return [`care must be a list of at most ${MAX_CARE} providers`];
  const p: string[] = [];
  const seen = new Set<string>();
  care.forEach((c: Partial<CarriedCare> | null, i) => {
    if (!isValidAgbCode(c?.agbCode)) p.push(`care[${i}].agbCode must be an AGB code of 8 digits`);
    if (!isProductCategory(c?.productCategory))
      p.push(`care[${i}].productCategory must be a JZ020 productcategorie`);
    const key = `${c?.agbCode}/${c?.productCategory}`;
    if (seen.has(key)) p.push(`care[${i}] is listed twice`);
    seen.add(key);
  });
  return p;
}

/** Every reason the input is malformed, whatever the date (the API answers these with 400). */
export function transferInputProblems(input: TransferInput): string[] {
  const p: string[] = [];
  if (!isValidPersonId(input.organisationId)) p.push('organisationId is not a valid id');
  if (!TRANSFER_REFERENCE_PATTERN.test(input.reference ?? ''))
    p.push('reference must be 3-40 characters A-Z, 0-9 and single hyphens');
  if (input.transferId !== transferIdOf(input.organisationId, input.reference))
    p.push('transferId must be <organisationId>.<reference>');
  if (!isValidMunicipalityCode(input.municipalityCode))
    p.push('municipalityCode must be a four-digit CBS gemeentecode');
  if (!isValidPersonId(input.familyId)) p.push('familyId is not a valid id');
  if (!isValidPersonId(input.clientId)) p.push('clientId is not a valid id');
  if (!isForcedFrameMeasure(input.measure))
    p.push(`measure must be one of ${FORCED_FRAME_MEASURE_CODES.join(', ')}`);
  if (!isCalendarDate(input.measureEndDate))
    p.push('measureEndDate must be a calendar date YYYY-MM-DD');
  p.push(...careProblems(input.care));
  for (const key of ['contactId', 'escalateToId'] as const) {
    if (input[key] !== undefined && !isValidPersonId(input[key]))
      p.push(`${key} is not a valid id`);
  }
  if (input.policy) p.push(...schakeloverlegPolicyProblems(input.policy));
  return p;
}

/**
 * Why the transfer cannot be proposed today (the API answers these with 422): the measure must
 * end late enough for a Schakeloverleg to be held the policy's lead time before it.
 */
export function transferTimingProblems(input: TransferInput, now: Date): string[] {
  const policy = input.policy ?? DEFAULT_SCHAKELOVERLEG_POLICY;
  const today = amsterdamDate(now);
  if (!isCalendarDate(input.measureEndDate)) return [];
  if (compareDates(input.measureEndDate, today) <= 0)
    return [`measureEndDate must be after today (${today})`];
  const { latestMeetingDate } = transferDates(input.measureEndDate, policy);
  if (compareDates(latestMeetingDate, today) < 0)
    return [
      `the measure ends on ${input.measureEndDate}: a Schakeloverleg can no longer be held ${policy.meetingLeadWorkingDays} working days before it (the last day was ${latestMeetingDate}); the measure must be extended first`,
    ];
  return [];
}

// ───────────────────────────────────────────────────────────── state

export const TRANSFER_STATUSES = [
  'proposed',
  'planned',
  'not-agreed',
  'agreed',
  'started',
  'withdrawn',
  'lapsed',
] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export function isOpenTransfer(status: TransferStatus): boolean {
  return status !== 'started' && status !== 'withdrawn' && status !== 'lapsed';
}

/** One Schakeloverleg held and its outcome. */
export interface TransferOutcome {
  round: number;
  meetingDate: CalendarDate;
  agreed: boolean;
  recordedAt: string;
  /** Agreed: the toegang trajectory's case number. */
  caseNumber?: string;
  /** Not agreed: why, and when to revisit. */
  reason?: SchakeloverlegNotAgreedReason;
  revisitDate?: CalendarDate;
}

export interface TransferState {
  transferId: string;
  organisationId: string;
  reference: string;
  municipalityCode: string;
  familyId: string;
  clientId: string;
  measure: ForcedFrameMeasure;
  measureEndDate: CalendarDate;
  care: CarriedCare[];
  contactId?: string;
  escalateToId?: string;
  policy: SchakeloverlegPolicy;
  trajectoryPolicy?: TrajectoryPolicy;
  status: TransferStatus;
  proposedAt: string;
  /** Bumped at every change. */
  revision: number;
  /** Numbering of letters, unique within the transfer. */
  letterSequence: number;
  /** The Schakeloverleg being prepared: 1, and one more after each "not agreed". */
  round: number;
  /** The CJG worker who takes part and runs the trajectory after it (set when planned). */
  coordinatorId?: string;
  meeting?: { date: CalendarDate; plannedAt: string; outcomeReminded: boolean };
  /** Planning deadlines of the current round: the reminder sent, the escalation sent. */
  planning: { reminded: boolean; escalated: boolean };
  outcomes: TransferOutcome[];
  revisit?: { date: CalendarDate };
  agreement?: {
    caseNumber: string;
    agreedAt: string;
    /** Set while the workflow starts the trajectory (no command is taken then). */
    startingAt?: string;
  };
  trajectory?: {
    caseNumber: string;
    workflowId: string;
    startedAt: string;
    /** The case number already named a trajectory: linked, not started again. */
    alreadyExisted: boolean;
  };
  measureEndChanges: Array<{ from: CalendarDate; to: CalendarDate; at: string }>;
  /** The family has been invited to a Schakeloverleg (and so is told how it ends). */
  familyInvited: boolean;
  withdrawal?: { reason: SchakeloverlegWithdrawalReason; at: string };
  deliveryProblems: DeliveryProblem[];
  closedAt?: string;
}

/** Reminders whose date is not after the day a round starts are not sent: the start tells. */
function startPlanningRound(state: TransferState, now: Date): void {
  const { planningReminder } = transferDates(state.measureEndDate, state.policy);
  state.planning = {
    reminded: compareDates(planningReminder, amsterdamDate(now)) <= 0,
    escalated: false,
  };
}

export function initialTransferState(input: TransferInput, now: Date): TransferState {
  const state: TransferState = {
    transferId: input.transferId,
    organisationId: input.organisationId,
    reference: input.reference,
    municipalityCode: input.municipalityCode,
    familyId: input.familyId,
    clientId: input.clientId,
    measure: input.measure,
    measureEndDate: input.measureEndDate,
    care: input.care.map((c) => ({ agbCode: c.agbCode, productCategory: c.productCategory })),
    ...(input.contactId ? { contactId: input.contactId } : {}),
    ...(input.escalateToId ? { escalateToId: input.escalateToId } : {}),
    policy: input.policy ?? DEFAULT_SCHAKELOVERLEG_POLICY,
    ...(input.trajectoryPolicy ? { trajectoryPolicy: input.trajectoryPolicy } : {}),
    status: 'proposed',
    proposedAt: now.toISOString(),
    revision: 1,
    letterSequence: 0,
    round: 1,
    planning: { reminded: false, escalated: false },
    outcomes: [],
    measureEndChanges: [],
    familyInvited: false,
    deliveryProblems: [],
  };
  startPlanningRound(state, now);
  return state;
}

// ───────────────────────────────────────────────────────────── effects

export type TransferEffect =
  | { type: 'letter'; kind: LetterKind; to: Recipient[]; facts: LetterFacts }
  /** Start the linked toegang trajectory now (the measure's end date has come). */
  | { type: 'start-trajectory' };

const gi = (s: TransferState): Recipient => ({ role: 'organisation', id: s.organisationId });
const family = (s: TransferState): Recipient => ({ role: 'client', id: s.clientId });
const coordinator = (id: string): Recipient => ({ role: 'coordinator', id });
const providers = (s: TransferState): Recipient[] =>
  [...new Set(s.care.map((c) => c.agbCode))].map((agbCode) => ({ role: 'provider', agbCode }));

/** The CJG side: the coordinator once planned, before that the municipality's contact. */
function cjg(s: TransferState): Recipient[] {
  const id = s.coordinatorId ?? s.contactId;
  return id ? [coordinator(id)] : [];
}

/** Distinct recipients, in order. */
function distinct(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = recipientKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const recipientKey = (r: Recipient): string =>
  r.role === 'provider' ? `provider:${r.agbCode}` : `${r.role}:${r.id}`;

function letter(
  kind: SchakeloverlegLetterKind,
  to: Recipient[],
  facts: LetterFacts,
): TransferEffect[] {
  const recipients = distinct(to);
  return recipients.length > 0 ? [{ type: 'letter', kind, to: recipients, facts }] : [];
}

/**
 * The facts every letter of a transfer carries. `caseNumber` is the transfer id, the key the
 * letter is filed under (the toegang trajectory's case number is `trajectoryCaseNumber`).
 */
function baseFacts(s: TransferState): LetterFacts {
  return {
    caseNumber: s.transferId,
    reference: s.reference,
    measure: s.measure,
    measureEndDate: s.measureEndDate,
  };
}

// ───────────────────────────────────────────────────────────── commands

export type TransferCommand =
  /** Plan (or move) the Schakeloverleg; the coordinator takes part and runs the trajectory after. */
  | { type: 'plan'; meetingDate: CalendarDate; coordinatorId: string }
  | {
      type: 'recordOutcome';
      agreed: boolean;
      /** Agreed: the parents consent to the voluntary frame (required). */
      parentsConsent?: boolean;
      /** Agreed: the case number of the toegang trajectory that starts on the measure's end date. */
      caseNumber?: string;
      /** Not agreed: why. */
      reason?: SchakeloverlegNotAgreedReason;
      /** Not agreed: when to look at it again. */
      revisitDate?: CalendarDate;
      /** Not agreed: the measure's new planned end date, when it will be extended. */
      measureEndDate?: CalendarDate;
    }
  /** The GI: the measure now ends on another date (extended or ended early by the court). */
  | { type: 'changeMeasureEnd'; endDate: CalendarDate }
  /** The GI withdraws its proposal. */
  | { type: 'withdraw'; reason: SchakeloverlegWithdrawalReason };

export type TransferCommandType = TransferCommand['type'];

/** The fields each command takes (besides its type); anything else is refused. */
export const TRANSFER_COMMAND_FIELDS: Record<TransferCommandType, readonly string[]> = {
  plan: ['meetingDate', 'coordinatorId'],
  recordOutcome: [
    'agreed',
    'parentsConsent',
    'caseNumber',
    'reason',
    'revisitDate',
    'measureEndDate',
  ],
  changeMeasureEnd: ['endDate'],
  withdraw: ['reason'],
};

const STATUS_COMMANDS: Record<TransferStatus, readonly TransferCommandType[]> = {
  proposed: ['plan', 'changeMeasureEnd', 'withdraw'],
  planned: ['plan', 'recordOutcome', 'changeMeasureEnd', 'withdraw'],
  'not-agreed': ['plan', 'changeMeasureEnd', 'withdraw'],
  agreed: ['changeMeasureEnd', 'withdraw'],
  started: [],
  withdrawn: [],
  lapsed: [],
};

/** Reasons the state refuses a command of this type, whatever its data (the API answers 409). */
export function transferCommandStateProblems(
  state: TransferState,
  type: TransferCommandType,
  now: Date,
): string[] {
  if (state.agreement?.startingAt) return ['the toegang trajectory is being started'];
  if (!STATUS_COMMANDS[state.status].includes(type))
    return [`${type} is not possible when the transfer is ${state.status}`];
  if (type === 'recordOutcome' && state.meeting) {
    if (compareDates(amsterdamDate(now), state.meeting.date) < 0)
      return [
        `the Schakeloverleg is planned for ${state.meeting.date}; record its outcome from that day`,
      ];
  }
  return [];
}

/** The commands that make sense now. */
export function allowedTransferCommands(state: TransferState, now: Date): TransferCommandType[] {
  return STATUS_COMMANDS[state.status].filter(
    (type) => transferCommandStateProblems(state, type, now).length === 0,
  );
}

/** Fields of the body that the command does not take. */
export function unknownTransferCommandFields(type: TransferCommandType, body: object): string[] {
  const allowed = TRANSFER_COMMAND_FIELDS[type];
  return Object.keys(body).filter((key) => !allowed.includes(key) && key !== 'type');
}

/**
 * Every reason the command is refused in this state; empty when it is accepted. The workflow's
 * update validators call it, so a refused command never enters the history.
 */
export function transferCommandProblems(
  state: TransferState,
  command: TransferCommand,
  now: Date,
): string[] {
  const byState = transferCommandStateProblems(state, command.type, now);
  if (byState.length > 0) return byState;
  const unknown = unknownTransferCommandFields(command.type, command);
  if (unknown.length > 0) return unknown.map((key) => `${key} is not allowed`);
  const today = amsterdamDate(now);
  const { latestMeetingDate } = transferDates(state.measureEndDate, state.policy);
  const lead = state.policy.meetingLeadWorkingDays;
  const p: string[] = [];
  switch (command.type) {
    case 'plan': {
      if (!isValidPersonId(command.coordinatorId ?? '')) p.push('coordinatorId is not a valid id');
      const date = command.meetingDate;
      if (!isCalendarDate(date)) {
        p.push('meetingDate must be a calendar date YYYY-MM-DD');
        break;
      }
      if (compareDates(date, today) < 0) p.push(`meetingDate must not be before today (${today})`);
      if (!isWorkingDay(date))
        p.push('meetingDate must be a working day (not a weekend or public holiday)');
      if (compareDates(date, latestMeetingDate) > 0)
        p.push(
          `meetingDate must be at least ${lead} working days before the measure ends on ${state.measureEndDate}: on or before ${latestMeetingDate}`,
        );
      break;
    }
    case 'recordOutcome': {
      if (typeof command.agreed !== 'boolean') {
        p.push('agreed must be true or false');
        break;
      }
      const only = (keys: Array<keyof typeof command>, when: string) => {
        for (const key of keys)
          if (command[key] !== undefined) p.push(`${String(key)} is only allowed ${when}`);
      };
      if (command.agreed) {
        only(['reason', 'revisitDate', 'measureEndDate'], 'when not agreed');
        if (command.parentsConsent !== true)
          p.push(
            'parentsConsent must be true: the voluntary frame rests on the parents’ consent (record "not agreed" with reason no-consent otherwise)',
          );
        if (!isValidCaseNumber(command.caseNumber ?? ''))
          p.push(
            'caseNumber must be the case number of the toegang trajectory (e.g. CJG-2027-000042)',
          );
      } else {
        only(['parentsConsent', 'caseNumber'], 'when agreed');
        if (!Object.hasOwn(SCHAKELOVERLEG_NOT_AGREED_REASONS, command.reason ?? ''))
          p.push(
            `reason must be one of ${Object.keys(SCHAKELOVERLEG_NOT_AGREED_REASONS).join(', ')}`,
          );
        if (command.measureEndDate !== undefined && !isCalendarDate(command.measureEndDate))
          p.push('measureEndDate must be a calendar date YYYY-MM-DD');
        if (!isCalendarDate(command.revisitDate)) {
          p.push('revisitDate must be a calendar date YYYY-MM-DD');
          break;
        }
        if (compareDates(command.revisitDate, today) <= 0)
          p.push(`revisitDate must be after today (${today})`);
        const end = command.measureEndDate ?? state.measureEndDate;
        if (isCalendarDate(end)) {
          const latest = transferDates(end, state.policy).latestMeetingDate;
          if (compareDates(command.revisitDate, latest) > 0)
            p.push(
              `revisitDate must leave time for a Schakeloverleg ${lead} working days before the measure ends on ${end} (on or before ${latest}); give the measure's new end date (measureEndDate) when it will be extended`,
            );
        }
      }
      break;
    }
    case 'changeMeasureEnd': {
      const end = command.endDate;
      if (!isCalendarDate(end)) {
        p.push('endDate must be a calendar date YYYY-MM-DD');
        break;
      }
      if (end === state.measureEndDate) p.push(`the measure already ends on ${end}`);
      if (compareDates(end, today) <= 0) p.push(`endDate must be after today (${today})`);
      const latest = transferDates(end, state.policy).latestMeetingDate;
      if (
        state.status === 'planned' &&
        state.meeting &&
        compareDates(state.meeting.date, latest) > 0
      )
        p.push(
          `the Schakeloverleg planned for ${state.meeting.date} would be less than ${lead} working days before ${end}; the coordinator plans it earlier first`,
        );
      if (state.status === 'proposed' && compareDates(latest, today) < 0)
        p.push(
          `a Schakeloverleg could no longer be held ${lead} working days before ${end}; withdraw the proposal instead`,
        );
      if (
        state.status === 'not-agreed' &&
        state.revisit &&
        compareDates(state.revisit.date, latest) > 0
      )
        p.push(
          `the revisit on ${state.revisit.date} would leave no time for a Schakeloverleg ${lead} working days before ${end}`,
        );
      break;
    }
    case 'withdraw':
      if (!Object.hasOwn(SCHAKELOVERLEG_WITHDRAWAL_REASONS, command.reason ?? ''))
        p.push(
          `reason must be one of ${Object.keys(SCHAKELOVERLEG_WITHDRAWAL_REASONS).join(', ')}`,
        );
      break;
  }
  return p;
}

/** Applies an accepted command (mutating the state) and returns the effects. */
export function applyTransferCommand(
  state: TransferState,
  command: TransferCommand,
  now: Date,
): TransferEffect[] {
  state.revision += 1;
  const at = now.toISOString();
  switch (command.type) {
    case 'plan': {
      const replanned = state.status === 'planned';
      state.coordinatorId = command.coordinatorId;
      state.meeting = { date: command.meetingDate, plannedAt: at, outcomeReminded: false };
      state.status = 'planned';
      state.revisit = undefined;
      state.familyInvited = true;
      return letter('so-planned', [coordinator(command.coordinatorId), gi(state), family(state)], {
        ...baseFacts(state),
        meetingDate: command.meetingDate,
        round: state.round,
        replanned,
      });
    }
    case 'recordOutcome': {
      const meetingDate = state.meeting?.date ?? amsterdamDate(now);
      state.meeting = undefined;
      if (command.agreed) {
        const caseNumber = command.caseNumber as string;
        state.outcomes.push({
          round: state.round,
          meetingDate,
          agreed: true,
          recordedAt: at,
          caseNumber,
        });
        state.agreement = { caseNumber, agreedAt: at };
        state.status = 'agreed';
        // 000: the running care stays in place and goes on in the voluntary frame.
        return letter('so-agreed', [gi(state), ...providers(state), family(state), ...cjg(state)], {
          ...baseFacts(state),
          trajectoryCaseNumber: caseNumber,
          startDate: state.measureEndDate,
          providers: state.care.length,
        });
      }
      const reason = command.reason as SchakeloverlegNotAgreedReason;
      const revisitDate = command.revisitDate as CalendarDate;
      state.outcomes.push({
        round: state.round,
        meetingDate,
        agreed: false,
        recordedAt: at,
        reason,
        revisitDate,
      });
      if (command.measureEndDate && command.measureEndDate !== state.measureEndDate) {
        state.measureEndChanges.push({
          from: state.measureEndDate,
          to: command.measureEndDate,
          at,
        });
        state.measureEndDate = command.measureEndDate;
      }
      state.status = 'not-agreed';
      state.round += 1;
      state.revisit = { date: revisitDate };
      return letter('so-not-agreed', [gi(state), ...providers(state), family(state)], {
        ...baseFacts(state),
        reason,
        revisitDate,
      });
    }
    case 'changeMeasureEnd': {
      const from = state.measureEndDate;
      state.measureEndChanges.push({ from, to: command.endDate, at });
      state.measureEndDate = command.endDate;
      if (state.status === 'proposed') {
        // The planning deadlines follow the new end date; an escalation already sent stays sent.
        const escalated = state.planning.escalated;
        startPlanningRound(state, now);
        const { planBy } = transferDates(command.endDate, state.policy);
        state.planning.escalated = escalated && compareDates(planBy, amsterdamDate(now)) <= 0;
      }
      const agreed = state.status === 'agreed';
      return letter(
        'so-measure-end-changed',
        [...cjg(state), ...(agreed ? [family(state), ...providers(state)] : [])],
        {
          ...baseFacts(state),
          previousEndDate: from,
          agreed,
          ...(state.agreement ? { trajectoryCaseNumber: state.agreement.caseNumber } : {}),
        },
      );
    }
    case 'withdraw': {
      state.withdrawal = { reason: command.reason, at };
      state.status = 'withdrawn';
      state.closedAt = at;
      const told = state.outcomes.length > 0;
      return letter(
        'so-withdrawn',
        [
          ...cjg(state),
          ...(state.familyInvited ? [family(state)] : []),
          ...(told ? providers(state) : []),
        ],
        { ...baseFacts(state), reason: command.reason },
      );
    }
  }
}

/** The letter that announces a new proposal to the municipality's CJG contact, if there is one. */
export function transferProposedEffects(state: TransferState): TransferEffect[] {
  const dates = transferDates(state.measureEndDate, state.policy);
  return letter('so-proposed', state.contactId ? [coordinator(state.contactId)] : [], {
    ...baseFacts(state),
    municipalityCode: state.municipalityCode,
    planBy: dates.planBy,
    latestMeetingDate: dates.latestMeetingDate,
    providers: state.care.length,
  });
}

/**
 * The trajectory has been started (or the case number already named one: then it is linked).
 * The transfer ends here; GI, providers and family are told.
 */
export function recordTrajectoryStarted(
  state: TransferState,
  alreadyExisted: boolean,
  now: Date,
): TransferEffect[] {
  const caseNumber = state.agreement?.caseNumber as string;
  state.revision += 1;
  state.trajectory = {
    caseNumber,
    workflowId: trajectoryWorkflowId(caseNumber),
    startedAt: now.toISOString(),
    alreadyExisted,
  };
  if (state.agreement) state.agreement.startingAt = undefined;
  state.status = 'started';
  state.closedAt = now.toISOString();
  return letter('so-trajectory-started', [gi(state), ...providers(state), family(state)], {
    ...baseFacts(state),
    trajectoryCaseNumber: caseNumber,
    startDate: state.measureEndDate,
  });
}

/** What the linked trajectory starts with (TrajectoryInput): the transfer's ids and policy. */
export function linkedTrajectoryInput(state: TransferState) {
  const caseNumber = state.agreement?.caseNumber as string;
  return {
    caseNumber,
    municipalityCode: state.municipalityCode,
    coordinatorId: state.coordinatorId as string,
    clientId: state.clientId,
    familyId: state.familyId,
    ...(state.trajectoryPolicy ? { policy: state.trajectoryPolicy } : {}),
    // The trajectory's link back: the GI's reference of the measure it follows on.
    previousCaseNumber: state.reference,
  };
}

/** The carried-over care as one line for the trajectory's memo: `12345678:45, 87654321:54`. */
export function carriedCareSummary(state: TransferState): string {
  return state.care.map((c) => `${c.agbCode}:${c.productCategory}`).join(', ');
}

// ───────────────────────────────────────────────────────────── delivery

/**
 * A letter that could not be delivered is recorded on the transfer, and the CJG side (the
 * coordinator, else the contact) is told with a `delivery-failed` letter, unless it is the one the
 * letter did not reach or the letter is itself such a notice. Not sent again.
 */
export function recordTransferDeliveryFailures(
  state: TransferState,
  kind: LetterKind,
  sequence: number,
  failures: readonly DeliveryFailure[],
  now: Date,
): TransferEffect[] {
  if (failures.length === 0) return [];
  state.revision += 1;
  state.deliveryProblems.push(
    ...failures.map((failure) => ({
      letter: kind,
      sequence,
      recipient: recipientKey(failure.recipient),
      reason: failure.reason,
      at: now.toISOString(),
    })),
  );
  if (kind === 'delivery-failed') return [];
  const tell = cjg(state);
  return failures
    .filter((failure) => !tell.some((r) => recipientKey(r) === recipientKey(failure.recipient)))
    .flatMap((failure) =>
      tell.length === 0
        ? []
        : [
            {
              type: 'letter' as const,
              kind: 'delivery-failed' as const,
              to: tell,
              facts: {
                caseNumber: state.transferId,
                letter: kind,
                recipientRole: failure.recipient.role,
                ...(failure.recipient.role === 'provider'
                  ? { agbCode: failure.recipient.agbCode }
                  : {}),
                reason: failure.reason,
              },
            },
          ],
    );
}

// ───────────────────────────────────────────────────────────── deadlines

export const TRANSFER_DEADLINE_KINDS = [
  'planning-reminder',
  'planning-overdue',
  'outcome-reminder',
  'measure-end',
  'revisit',
  'trajectory-start',
] as const;
export type TransferDeadlineKind = (typeof TRANSFER_DEADLINE_KINDS)[number];

export interface TransferDeadline {
  kind: TransferDeadlineKind;
  /** ISO instant. */
  at: string;
}

/** Every deadline the transfer waits for, earliest first. */
export function pendingTransferDeadlines(state: TransferState): TransferDeadline[] {
  if (!isOpenTransfer(state.status)) return [];
  const hour = state.policy.dueHour;
  const d: TransferDeadline[] = [];
  const add = (kind: TransferDeadlineKind, date: CalendarDate) =>
    d.push({ kind, at: amsterdamInstant(date, hour).toISOString() });
  const dates = transferDates(state.measureEndDate, state.policy);
  switch (state.status) {
    case 'proposed':
      if (!state.planning.reminded) add('planning-reminder', dates.planningReminder);
      if (!state.planning.escalated) add('planning-overdue', dates.planBy);
      // Not held (or not recorded) by the end date: the proposal has lapsed.
      add('measure-end', state.measureEndDate);
      break;
    case 'planned':
      if (state.meeting && !state.meeting.outcomeReminded)
        add(
          'outcome-reminder',
          addWorkingDays(state.meeting.date, state.policy.outcomeWorkingDays),
        );
      add('measure-end', state.measureEndDate);
      break;
    case 'not-agreed':
      if (state.revisit) add('revisit', state.revisit.date);
      break;
    case 'agreed':
      // 000: the voluntary trajectory starts on the measure's end date.
      if (!state.agreement?.startingAt) add('trajectory-start', state.measureEndDate);
      break;
  }
  return d.sort((a, b) => a.at.localeCompare(b.at));
}

/** Handles a deadline that has come (mutating the state) and returns the effects. */
export function applyTransferDeadline(
  state: TransferState,
  kind: TransferDeadlineKind,
  now: Date,
): TransferEffect[] {
  state.revision += 1;
  const dates = transferDates(state.measureEndDate, state.policy);
  switch (kind) {
    case 'planning-reminder':
      state.planning.reminded = true;
      return letter('so-planning-reminder', [...cjg(state), gi(state)], {
        ...baseFacts(state),
        planBy: dates.planBy,
        latestMeetingDate: dates.latestMeetingDate,
      });
    case 'planning-overdue':
      state.planning.reminded = true;
      state.planning.escalated = true;
      return letter(
        'so-planning-overdue',
        [
          ...cjg(state),
          ...(state.escalateToId ? [coordinator(state.escalateToId)] : []),
          gi(state),
        ],
        { ...baseFacts(state), planBy: dates.planBy, latestMeetingDate: dates.latestMeetingDate },
      );
    case 'outcome-reminder':
      if (!state.meeting) return [];
      state.meeting.outcomeReminded = true;
      return letter('so-outcome-reminder', cjg(state), {
        ...baseFacts(state),
        meetingDate: state.meeting.date,
      });
    case 'measure-end': {
      const planned = state.status === 'planned';
      state.status = 'lapsed';
      state.meeting = undefined;
      state.closedAt = now.toISOString();
      return letter(
        'so-lapsed',
        [gi(state), ...cjg(state), ...(state.familyInvited ? [family(state)] : [])],
        { ...baseFacts(state), planned },
      );
    }
    case 'revisit': {
      const revisitDate = state.revisit?.date ?? amsterdamDate(now);
      state.revisit = undefined;
      state.status = 'proposed';
      startPlanningRound(state, now);
      return letter('so-revisit-due', [...cjg(state), gi(state)], {
        ...baseFacts(state),
        revisitDate,
        round: state.round,
        planBy: dates.planBy,
        latestMeetingDate: dates.latestMeetingDate,
      });
    }
    case 'trajectory-start':
      if (state.agreement) state.agreement.startingAt = now.toISOString();
      return [{ type: 'start-trajectory' }];
  }
}

// ───────────────────────────────────────────────────────────── views

/** Whether the transfer is late: planning escalated, or the outcome of a held meeting missing. */
export function isTransferOverdue(state: TransferState): boolean {
  return (
    (state.status === 'proposed' && state.planning.escalated) ||
    (state.status === 'planned' && (state.meeting?.outcomeReminded ?? false))
  );
}

/** What the `state` query answers: the state, what may happen next and the dates that apply. */
export interface TransferView extends TransferState {
  allowedCommands: TransferCommandType[];
  pendingDeadlines: TransferDeadline[];
  overdue: boolean;
  dates: TransferDates;
}

export function transferView(state: TransferState, now: Date): TransferView {
  return {
    ...state,
    allowedCommands: allowedTransferCommands(state, now),
    pendingDeadlines: pendingTransferDeadlines(state),
    overdue: isTransferOverdue(state),
    dates: transferDates(state.measureEndDate, state.policy),
  };
}

/** A one-line summary without personal data, for the Temporal UI memo. */
export function transferSummary(state: TransferState): string {
  const parts = [
    `status ${state.status}`,
    `${state.measure} eindigt ${state.measureEndDate}`,
    `ronde ${state.round}`,
  ];
  if (state.meeting) parts.push(`Schakeloverleg ${state.meeting.date}`);
  if (state.revisit) parts.push(`herbespreking ${state.revisit.date}`);
  if (state.agreement) parts.push(`traject ${state.agreement.caseNumber}`);
  parts.push(`${state.care.length} aanbieder(s)`);
  if (isTransferOverdue(state)) parts.push('TE LAAT');
  return parts.join('; ');
}
