/** The Veilig Thuis handover's input and state: ids, codes, dates and text references only. */
import { problem, problemsWith, type Problem } from '../../problems';
import { isValidPersonId } from '../../ids';
import type { DeliveryProblem } from '../../letters';
import { isValidMunicipalityCode } from '../../municipality';
import { textRefProblems, type TextRef } from '../../text-ref';
import { amsterdamDate, type CalendarDate } from '../../time';
import { addWorkingDays } from '../../working-days';
import {
  HANDOVER_TYPES,
  HANDOVER_URGENCIES,
  isValidHandoverId,
  isValidVeiligThuisReference,
  type HandoverRefusalReason,
  type HandoverStatus,
  type HandoverType,
  type HandoverUrgency,
  type HandoverWithdrawalReason,
} from './codes';
import {
  DEFAULT_VEILIG_THUIS_POLICY,
  veiligThuisPolicyProblems,
  type VeiligThuisPolicy,
} from './policy';
import { VEILIG_THUIS_RULE_SETS } from './rules';

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
export function handoverInputProblems(input: HandoverInput): Problem[] {
  const p: Problem[] = [];
  if (!isValidHandoverId(input?.handoverId))
    p.push(problem('invalid-format', 'handoverId is not a valid handover id'));
  if (!isValidPersonId(input?.organisationId ?? ''))
    p.push(problem('invalid-format', 'organisationId is not a valid id'));
  if (!isValidVeiligThuisReference(input?.reference ?? ''))
    p.push(
      problem('invalid-format', 'reference must be 3-40 characters A-Z, 0-9 and single hyphens'),
    );
  if (!HANDOVER_URGENCIES.includes(input?.urgency))
    p.push(problem('not-in-list', 'urgency must be regular or urgent'));
  if (!HANDOVER_TYPES.includes(input?.handoverType))
    p.push(problem('not-in-list', 'handoverType must be afschaling or tijdens-onderzoek'));
  if (!isValidMunicipalityCode(input?.municipalityCode ?? ''))
    p.push(problem('invalid-format', 'municipalityCode must be a four-digit CBS gemeentecode'));
  if (!isValidPersonId(input?.handoverLeadId ?? ''))
    p.push(problem('invalid-format', 'handoverLeadId is not a valid id'));
  p.push(...textRefProblems(input?.safetyConditions, 'safetyConditions'));
  if (input?.monitoringAgreements !== undefined)
    p.push(...textRefProblems(input.monitoringAgreements, 'monitoringAgreements'));
  if (input?.policy !== undefined)
    p.push(...problemsWith('invalid-setting', veiligThuisPolicyProblems(input.policy)));
  return p;
}

/** A deadline in working days: the last day to act, and whether it has passed. */
export interface WorkingDayDeadline {
  /** The last working day to act on. */
  dueDate: CalendarDate;
  /** The deadline passed without the step being taken (and it is not taken yet). */
  overdue: boolean;
}

/** The input's fields, the policy resolved, and what the handover went through. */
export interface HandoverState extends Omit<HandoverInput, 'policy'> {
  policy: VeiligThuisPolicy;
  status: HandoverStatus;
  /** ISO instant the handover was received: the acceptance clock starts on its working day. */
  receivedAt: string;
  /** Bumped at every change; projections keep the highest. */
  revision: number;
  /** Numbering of letters, unique within the handover. */
  letterSequence: number;
  /** The rule sets it runs by (rules.ts); absent in handovers from before the first change. */
  rules?: number;
  /** `reminded`: the handover lead was reminded before the last day (RULES_2026_12_WAITS). */
  acceptance: WorkingDayDeadline & { acceptedAt?: string; late?: boolean; reminded?: boolean };
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
  feedback?: WorkingDayDeadline & { reminded?: boolean };
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
export function dueAfter(from: Date, days: number): CalendarDate {
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
    rules: VEILIG_THUIS_RULE_SETS.length,
    acceptance: {
      dueDate: dueAfter(now, policy.acceptWithinWorkingDays[input.urgency]),
      overdue: false,
    },
    deliveryProblems: [],
  };
}
