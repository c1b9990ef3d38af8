/**
 * The Schakeloverleg transfer's input and state: ids, codes, dates and yes/no only (reasons are
 * codes, never free text that might name people).
 */
import { problem, problemsWith, type Problem } from '../../problems';
import { isValidAgbCode, isProductCategory, type ProductCategory } from '../../codes';
import { isValidPersonId } from '../../ids';
import type { DeliveryProblem } from '../../letters';
import { isValidMunicipalityCode } from '../../municipality';
import { amsterdamDate, compareDates, isCalendarDate, type CalendarDate } from '../../time';
import type { TrajectoryPolicy } from '../trajectory/policy';
import {
  FORCED_FRAME_MEASURE_CODES,
  isForcedFrameMeasure,
  type ForcedFrameMeasure,
  type SchakeloverlegNotAgreedReason,
  type SchakeloverlegWithdrawalReason,
} from './codes';
import {
  DEFAULT_SCHAKELOVERLEG_POLICY,
  schakeloverlegPolicyProblems,
  transferDates,
  type SchakeloverlegPolicy,
} from './policy';
import { SCHAKELOVERLEG_RULE_SETS } from './rules';

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

function careProblems(care: unknown): Problem[] {
  if (!Array.isArray(care) || care.length > MAX_CARE)
    return [problem('too-long', `care must be a list of at most ${MAX_CARE} providers`)];
  const p: Problem[] = [];
  const seen = new Set<string>();
  care.forEach((c: Partial<CarriedCare> | null, i) => {
    if (!isValidAgbCode(c?.agbCode))
      p.push(problem('invalid-format', `care[${i}].agbCode must be an AGB code of 8 digits`));
    if (!isProductCategory(c?.productCategory))
      p.push(problem('not-in-list', `care[${i}].productCategory must be a JZ020 productcategorie`));
    const key = `${c?.agbCode}/${c?.productCategory}`;
    if (seen.has(key)) p.push(problem('duplicate', `care[${i}] is listed twice`));
    seen.add(key);
  });
  return p;
}

/** Every reason the input is malformed, whatever the date (the API answers these with 400). */
export function transferInputProblems(input: TransferInput): Problem[] {
  const p: Problem[] = [];
  if (!isValidPersonId(input.organisationId))
    p.push(problem('invalid-format', 'organisationId is not a valid id'));
  if (!TRANSFER_REFERENCE_PATTERN.test(input.reference ?? ''))
    p.push(
      problem('invalid-format', 'reference must be 3-40 characters A-Z, 0-9 and single hyphens'),
    );
  if (input.transferId !== transferIdOf(input.organisationId, input.reference))
    p.push(problem('invalid-format', 'transferId must be <organisationId>.<reference>'));
  if (!isValidMunicipalityCode(input.municipalityCode))
    p.push(problem('invalid-format', 'municipalityCode must be a four-digit CBS gemeentecode'));
  if (!isValidPersonId(input.familyId))
    p.push(problem('invalid-format', 'familyId is not a valid id'));
  if (!isValidPersonId(input.clientId))
    p.push(problem('invalid-format', 'clientId is not a valid id'));
  if (!isForcedFrameMeasure(input.measure))
    p.push(
      problem('not-in-list', `measure must be one of ${FORCED_FRAME_MEASURE_CODES.join(', ')}`),
    );
  if (!isCalendarDate(input.measureEndDate))
    p.push(problem('invalid-date', 'measureEndDate must be a calendar date YYYY-MM-DD'));
  p.push(...careProblems(input.care));
  for (const key of ['contactId', 'escalateToId'] as const) {
    if (input[key] !== undefined && !isValidPersonId(input[key]))
      p.push(problem('invalid-format', `${key} is not a valid id`));
  }
  if (input.policy)
    p.push(...problemsWith('invalid-setting', schakeloverlegPolicyProblems(input.policy)));
  return p;
}

/**
 * Why the transfer cannot be proposed today (the API answers these with 422): the measure must
 * end late enough for a Schakeloverleg to be held the policy's lead time before it.
 */
export function transferTimingProblems(input: TransferInput, now: Date): Problem[] {
  const policy = input.policy ?? DEFAULT_SCHAKELOVERLEG_POLICY;
  const today = amsterdamDate(now);
  if (!isCalendarDate(input.measureEndDate)) return [];
  if (compareDates(input.measureEndDate, today) <= 0)
    return [problem('date-too-early', `measureEndDate must be after today (${today})`)];
  const { latestMeetingDate } = transferDates(input.measureEndDate, policy);
  if (compareDates(latestMeetingDate, today) < 0)
    return [
      problem(
        'no-time-for-meeting',
        `the measure ends on ${input.measureEndDate}: a Schakeloverleg can no longer be held ${policy.meetingLeadWorkingDays} working days before it (the last day was ${latestMeetingDate}); the measure must be extended first`,
      ),
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

/** The input's fields, the policy resolved, and what the transfer went through. */
export interface TransferState extends Omit<TransferInput, 'policy'> {
  policy: SchakeloverlegPolicy;
  status: TransferStatus;
  proposedAt: string;
  /** Bumped at every change. */
  revision: number;
  /** Numbering of letters, unique within the transfer. */
  letterSequence: number;
  /** The rule sets it runs by (rules.ts); absent in transfers from before the first change. */
  rules?: number;
  /** The Schakeloverleg being prepared: 1, and one more after each "not agreed". */
  round: number;
  /** The CJG worker who takes part and runs the trajectory after it (set when planned). */
  coordinatorId?: string;
  /** `outcomeEscalated`: the missing outcome was escalated (RULES_2026_12_WAITS). */
  meeting?: {
    date: CalendarDate;
    plannedAt: string;
    outcomeReminded: boolean;
    outcomeEscalated?: boolean;
  };
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
export function startPlanningRound(state: TransferState, now: Date): void {
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
    rules: SCHAKELOVERLEG_RULE_SETS.length,
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
