/** The VTO's input and state: ids, codes and dates only, never personal data or free text. */
import { problem, problemsWith, type Problem } from '../../problems';
import { isValidCaseNumber } from '../../case-number';
import { isValidPersonId } from '../../ids';
import type { DeliveryProblem } from '../../letters';
import { isValidMunicipalityCode } from '../../municipality';
import { amsterdamDate, type CalendarDate } from '../../time';
import { addWorkingDays } from '../../working-days';
import { casePartiesOf } from '../kit';
import {
  isVtoGround,
  VTO_GROUNDS,
  VTO_REQUIRED_GROUND,
  type AgendaPlacement,
  type ParentsInformedHow,
  type VtoGround,
  type VtoNotSentReason,
  type VtoWithdrawalReason,
} from './codes';
import { DEFAULT_VTO_POLICY, vtoPolicyProblems, type VtoPolicy } from './policy';
import { VTO_RULE_SETS } from './rules';

/** What a proposed VTO starts with: ids and codes only, never personal data or free text. */
export interface VtoInput {
  /** The VTO's own case number; the workflow id derives from it. */
  caseNumber: string;
  municipalityCode: string;
  /** The proposing coordinator, who receives the reminders. */
  coordinatorId: string;
  /** The child; letters to the parents go to the family address registered for it. */
  clientId: string;
  familyId: string;
  /** The trajectory of the drang case, when there is one. */
  trajectoryCaseNumber?: string;
  grounds: VtoGround[];
  /** Recorded in the VTO; defaults to DEFAULT_VTO_POLICY. */
  policy?: VtoPolicy;
}

export function vtoInputProblems(input: VtoInput): Problem[] {
  const problems: Problem[] = [];
  if (!isValidCaseNumber(input?.caseNumber ?? ''))
    problems.push(problem('invalid-format', 'caseNumber is not a valid case number'));
  if (!isValidMunicipalityCode(input?.municipalityCode ?? ''))
    problems.push(
      problem('invalid-format', 'municipalityCode must be a four-digit CBS gemeentecode'),
    );
  for (const field of ['coordinatorId', 'clientId', 'familyId'] as const) {
    if (!isValidPersonId(input?.[field] ?? ''))
      problems.push(problem('invalid-format', `${field} is not a valid id`));
  }
  if (input?.trajectoryCaseNumber !== undefined) {
    if (!isValidCaseNumber(input.trajectoryCaseNumber))
      problems.push(problem('invalid-format', 'trajectoryCaseNumber is not a valid case number'));
    else if (input.trajectoryCaseNumber === input.caseNumber)
      problems.push(
        problem('same-case', 'trajectoryCaseNumber must be another case than the VTO itself'),
      );
  }
  problems.push(...groundsProblems(input?.grounds));
  if (input?.policy !== undefined)
    problems.push(...problemsWith('invalid-setting', vtoPolicyProblems(input.policy)));
  return problems;
}

export function groundsProblems(grounds: unknown): Problem[] {
  if (!Array.isArray(grounds) || grounds.length === 0)
    return [problem('required', 'grounds must list at least one ground')];
  const problems: Problem[] = [];
  grounds.forEach((g, i) => {
    if (!isVtoGround(g))
      problems.push(
        problem(
          'not-in-list',
          `grounds[${i}] must be one of ${Object.keys(VTO_GROUNDS).join(', ')}`,
        ),
      );
  });
  if (new Set(grounds).size !== grounds.length)
    problems.push(problem('duplicate', 'grounds must not repeat a ground'));
  if (!grounds.includes(VTO_REQUIRED_GROUND))
    problems.push(
      problem(
        'required-ground-missing',
        `grounds must include ${VTO_REQUIRED_GROUND}: a VTO is for (suspected) serious threats to the child's development (002 §3.6)`,
      ),
    );
  return problems;
}

export const VTO_STATUSES = [
  /** The written request went to the parents; waiting for the coordinator to record they know. */
  'parents-to-inform',
  /** Waiting for the next beschermingsplein. */
  'awaiting-agenda',
  /** On the agenda of a meeting; waiting for its decision. */
  'on-agenda',
  /** Sent to the Raad; waiting for its answer. */
  'sent-to-raad',
  /** Closed: the Raad investigates. */
  'raad-investigates',
  /** Closed: the Raad starts no investigation. */
  'raad-declined',
  /** Closed: the beschermingsplein did not send the request. */
  'not-sent',
  /** Closed: the coordinator withdrew the request. */
  'withdrawn',
] as const;
export type VtoStatus = (typeof VTO_STATUSES)[number];

export function isOpenVtoStatus(status: VtoStatus): boolean {
  return (
    status === 'parents-to-inform' ||
    status === 'awaiting-agenda' ||
    status === 'on-agenda' ||
    status === 'sent-to-raad'
  );
}

/** The input's fields, the policy resolved, and what the VTO went through. */
export interface VtoState extends Omit<VtoInput, 'policy'> {
  policy: VtoPolicy;
  status: VtoStatus;
  /** ISO instant the coordinator proposed the request. */
  proposedAt: string;
  /** Bumped at every change; the read model keeps the highest. */
  revision: number;
  /** Numbering of letters, unique within the VTO. */
  letterSequence: number;
  /** The rule sets it runs by (rules.ts); absent in VTOs from before the first change. */
  rules?: number;
  /**
   * Each waiting step: its due date, `dueReminded` when the awaited party was reminded before it
   * (RULES_2026_12), and `reminded` when the coordinator was told it is late (the VTO is overdue).
   */
  parents: {
    /** Recording that the parents were informed is due on this date. */
    dueOn: CalendarDate;
    dueReminded?: boolean;
    reminded: boolean;
    informedOn?: CalendarDate;
    how?: ParentsInformedHow;
    recordedAt?: string;
    recordedBy?: string;
  };
  /** The meeting it is on the agenda of, while it waits for the decision there. */
  agenda?: AgendaPlacement & {
    placedAt: string;
    decisionDueOn: CalendarDate;
    dueReminded?: boolean;
    reminded: boolean;
  };
  /** Meetings that held the request over to a later one (aanhouden). */
  postponements: Array<{
    agendaId: string;
    meetingDate: CalendarDate;
    recordedAt: string;
    recordedBy: string;
  }>;
  decision?: {
    decision: 'send' | 'not-send';
    reason?: VtoNotSentReason;
    agendaId: string;
    meetingDate: CalendarDate;
    recordedAt: string;
    recordedBy: string;
  };
  raad?: {
    organisationId: string;
    sentOn: CalendarDate;
    outcomeDueOn: CalendarDate;
    dueReminded?: boolean;
    reminded: boolean;
    investigationStarted?: boolean;
    decidedOn?: CalendarDate;
    raadReference?: string;
    recordedAt?: string;
    recordedBy?: string;
  };
  withdrawal?: { reason: VtoWithdrawalReason; at: string; recordedBy: string };
  /** Letters that could not be delivered (the coordinator is told). */
  deliveryProblems: DeliveryProblem[];
  closedAt?: string;
}

export function initialVtoState(input: VtoInput, now: Date): VtoState {
  const policy = input.policy ?? DEFAULT_VTO_POLICY;
  return {
    ...casePartiesOf(input),
    ...(input.trajectoryCaseNumber ? { trajectoryCaseNumber: input.trajectoryCaseNumber } : {}),
    grounds: [...input.grounds],
    policy,
    status: 'parents-to-inform',
    proposedAt: now.toISOString(),
    revision: 1,
    letterSequence: 0,
    rules: VTO_RULE_SETS.length,
    parents: {
      dueOn: addWorkingDays(amsterdamDate(now), policy.parentsInformedWithinWorkingDays),
      reminded: false,
    },
    postponements: [],
    deliveryProblems: [],
  };
}
