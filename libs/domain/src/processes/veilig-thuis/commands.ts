/**
 * The Veilig Thuis handover's commands: what each takes, in which status it is possible, and every
 * reason it is refused (the workflow's update validators call `handoverCommandProblems`).
 */
import { problem, problemsWith, type Problem } from '../../problems';
import { isValidCaseNumber } from '../../case-number';
import { isValidPersonId } from '../../ids';
import { textRefProblems, type TextRef } from '../../text-ref';
import { amsterdamDate, compareDates, isCalendarDate, type CalendarDate } from '../../time';
import { unknownFields } from '../kit';
import { policyProblems, type TrajectoryPolicy } from '../trajectory/policy';
import {
  HANDOVER_REFUSAL_REASON_RULE,
  HANDOVER_WITHDRAWAL_REASONS,
  isHandoverRefusalReason,
  type HandoverRefusalReason,
  type HandoverStatus,
  type HandoverWithdrawalReason,
} from './codes';
import type { HandoverState } from './state';

export type HandoverCommand =
  /** The team lead or a coordinator accepts and assigns a coordinator. */
  | { type: 'accept'; coordinatorId: string }
  /** Not for this CJG (another region, not competent): back to Veilig Thuis with the reason. */
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
): Problem[] {
  if (!(type in HANDOVER_COMMAND_FIELDS))
    return [problem('not-allowed', `${type} is not a handover command`)];
  return STATUS_COMMANDS[state.status].includes(type)
    ? []
    : [problem('not-possible-now', `${type} is not possible when the handover is ${state.status}`)];
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
): Problem[] {
  const byState = handoverCommandStateProblems(state, command?.type);
  if (byState.length > 0) return byState;
  const unknown = unknownFields(HANDOVER_COMMAND_FIELDS[command.type], command);
  if (unknown.length > 0)
    return unknown.map((key) => problem('not-allowed', `${key} is not a field of ${command.type}`));
  const today = amsterdamDate(now);
  const p: Problem[] = [];
  switch (command.type) {
    case 'accept':
      if (!isValidPersonId(command.coordinatorId ?? ''))
        p.push(problem('invalid-format', 'coordinatorId is not a valid id'));
      break;
    case 'refuse':
      // Issue 17: Veilig Thuis judges safety; checked for every handover (a refused command
      // never enters the history, so running handovers need no rule set for it).
      if (!isHandoverRefusalReason(command.reason))
        p.push(problem('not-in-list', HANDOVER_REFUSAL_REASON_RULE));
      if (command.explanation !== undefined)
        p.push(...textRefProblems(command.explanation, 'explanation'));
      else if (command.reason === 'not-competent')
        p.push(
          problem(
            'required',
            'a refusal for lack of competence needs an explanation: whose case it is',
          ),
        );
      break;
    case 'planMeeting':
      if (!isCalendarDate(command.date))
        p.push(problem('invalid-date', 'date must be a calendar date YYYY-MM-DD'));
      else if (compareDates(command.date, today) < 0)
        p.push(problem('date-too-early', 'date must not be in the past'));
      if (command.time !== undefined && !TIME.test(command.time ?? ''))
        p.push(problem('invalid-format', 'time must be HH:MM (24 hours)'));
      if (typeof command.jointHomeVisit !== 'boolean')
        p.push(problem('wrong-type', 'jointHomeVisit must be true or false'));
      if (!isValidPersonId(command.clientId ?? ''))
        p.push(problem('invalid-format', 'clientId is not a valid id'));
      if (!isValidPersonId(command.familyId ?? ''))
        p.push(problem('invalid-format', 'familyId is not a valid id'));
      break;
    case 'recordMeeting': {
      if (!isCalendarDate(command.heldOn))
        p.push(problem('invalid-date', 'heldOn must be a calendar date YYYY-MM-DD'));
      else {
        if (compareDates(command.heldOn, today) > 0)
          p.push(problem('date-too-late', 'heldOn must not be in the future'));
        const accepted = state.acceptance.acceptedAt
          ? amsterdamDate(new Date(state.acceptance.acceptedAt))
          : undefined;
        if (accepted && compareDates(command.heldOn, accepted) < 0)
          p.push(problem('date-too-early', 'heldOn must not be before the handover was accepted'));
      }
      if (typeof command.jointHomeVisit !== 'boolean')
        p.push(problem('wrong-type', 'jointHomeVisit must be true or false'));
      p.push(...textRefProblems(command.agreements, 'agreements'));
      break;
    }
    case 'startTrajectory':
      if (!isValidCaseNumber(command.caseNumber ?? ''))
        p.push(problem('invalid-format', 'caseNumber is not a valid case number'));
      else if (command.caseNumber === state.handoverId)
        p.push(
          problem('same-case', 'caseNumber must be a case number of its own, not the handover id'),
        );
      if (command.policy !== undefined)
        p.push(...problemsWith('invalid-setting', policyProblems(command.policy)));
      break;
    case 'closeWithBasicSupport':
      break;
    case 'withdraw':
      if (!HANDOVER_WITHDRAWAL_REASONS.includes(command.reason))
        p.push(
          problem('not-in-list', `reason must be one of ${HANDOVER_WITHDRAWAL_REASONS.join(', ')}`),
        );
      break;
  }
  return p;
}

/** Whether a refusal is the state's (409) or the data's (422). */
export function handoverRefusedByState(state: HandoverState, command: HandoverCommand): boolean {
  return handoverCommandStateProblems(state, command?.type).length > 0;
}
