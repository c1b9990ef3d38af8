/**
 * The VTO's commands: what each takes, in which status it is possible, and every reason it is
 * refused (the workflow's update validators call `vtoCommandProblems`).
 */
import { problem, type Problem } from '../../problems';
import { isValidPersonId } from '../../ids';
import { amsterdamDate, compareDates, isCalendarDate, type CalendarDate } from '../../time';
import { unknownFields } from '../kit';
import {
  isVtoNotSentReason,
  isVtoWithdrawalReason,
  PARENTS_INFORMED_HOW,
  RAAD_REFERENCE_PATTERN,
  VTO_DECISIONS,
  VTO_NOT_SENT_REASONS,
  VTO_WITHDRAWAL_REASONS,
  type ParentsInformedHow,
  type VtoDecision,
  type VtoNotSentReason,
  type VtoWithdrawalReason,
} from './codes';
import type { VtoState, VtoStatus } from './state';

export type VtoCommand =
  | {
      type: 'recordParentsInformed';
      informedOn: CalendarDate;
      how: ParentsInformedHow;
      /** Who records it (the API puts the token's subject here). */
      recordedBy: string;
    }
  | {
      type: 'recordDecision';
      decision: VtoDecision;
      /** Required when not sent. */
      reason?: VtoNotSentReason;
      recordedBy: string;
    }
  | {
      type: 'recordRaadOutcome';
      investigationStarted: boolean;
      /** The date of the Raad's answer. */
      decidedOn: CalendarDate;
      raadReference?: string;
      recordedBy: string;
    }
  | { type: 'withdraw'; reason: VtoWithdrawalReason; recordedBy: string };

export type VtoCommandType = VtoCommand['type'];

/** The fields each command takes (besides its type); anything else is refused. */
export const VTO_COMMAND_FIELDS: Record<VtoCommandType, readonly string[]> = {
  recordParentsInformed: ['informedOn', 'how', 'recordedBy'],
  recordDecision: ['decision', 'reason', 'recordedBy'],
  recordRaadOutcome: ['investigationStarted', 'decidedOn', 'raadReference', 'recordedBy'],
  withdraw: ['reason', 'recordedBy'],
};

const STATUS_COMMANDS: Record<VtoStatus, readonly VtoCommandType[]> = {
  'parents-to-inform': ['recordParentsInformed', 'withdraw'],
  'awaiting-agenda': ['withdraw'],
  'on-agenda': ['recordDecision', 'withdraw'],
  'sent-to-raad': ['recordRaadOutcome'],
  'raad-investigates': [],
  'raad-declined': [],
  'not-sent': [],
  withdrawn: [],
};

/** Reasons the state refuses a command of this type, whatever its data. */
export function vtoCommandStateProblems(state: VtoState, type: VtoCommandType): Problem[] {
  return STATUS_COMMANDS[state.status].includes(type)
    ? []
    : [problem('not-possible-now', `${type} is not possible in status ${state.status}`)];
}

/** The commands that make sense now. */
export function allowedVtoCommands(state: VtoState): VtoCommandType[] {
  return [...STATUS_COMMANDS[state.status]];
}

/**
 * Every reason the command is refused in this state; empty when it is accepted. The workflow calls
 * this in its update validators, so a refused command never enters the history.
 */
export function vtoCommandProblems(state: VtoState, command: VtoCommand, now: Date): Problem[] {
  const byState = vtoCommandStateProblems(state, command.type);
  if (byState.length > 0) return byState;
  const p: Problem[] = [];
  const today = amsterdamDate(now);
  const unknown = unknownFields(VTO_COMMAND_FIELDS[command.type], command);
  if (unknown.length > 0)
    p.push(problem('not-allowed', `${command.type} does not take ${unknown.join(', ')}`));
  if (!isValidPersonId(command.recordedBy ?? ''))
    p.push(problem('invalid-format', 'recordedBy is not a valid id'));
  switch (command.type) {
    case 'recordParentsInformed':
      if (!isCalendarDate(command.informedOn))
        p.push(problem('invalid-date', 'informedOn must be a calendar date YYYY-MM-DD'));
      else if (compareDates(command.informedOn, today) > 0)
        p.push(problem('date-too-late', 'informedOn must not be in the future'));
      if (!(PARENTS_INFORMED_HOW as readonly string[]).includes(command.how))
        p.push(problem('not-in-list', `how must be one of ${PARENTS_INFORMED_HOW.join(', ')}`));
      break;
    case 'recordDecision': {
      if (!(VTO_DECISIONS as readonly string[]).includes(command.decision))
        p.push(problem('not-in-list', `decision must be one of ${VTO_DECISIONS.join(', ')}`));
      if (command.decision === 'not-send') {
        if (!isVtoNotSentReason(command.reason))
          p.push(
            problem(
              'not-in-list',
              `reason must be one of ${Object.keys(VTO_NOT_SENT_REASONS).join(', ')} when not sent`,
            ),
          );
      } else if (command.reason !== undefined) {
        p.push(problem('not-allowed', 'reason is only recorded when the request is not sent'));
      }
      const meeting = state.agenda?.meetingDate;
      // The decision is the meeting's: it cannot be recorded before the meeting took place.
      if (meeting && compareDates(today, meeting) < 0)
        p.push(
          problem(
            'meeting-not-yet-held',
            `the beschermingsplein of ${meeting} has not taken place yet`,
          ),
        );
      break;
    }
    case 'recordRaadOutcome':
      if (typeof command.investigationStarted !== 'boolean')
        p.push(problem('wrong-type', 'investigationStarted must be true or false'));
      if (!isCalendarDate(command.decidedOn))
        p.push(problem('invalid-date', 'decidedOn must be a calendar date YYYY-MM-DD'));
      else if (compareDates(command.decidedOn, today) > 0)
        p.push(problem('date-too-late', 'decidedOn must not be in the future'));
      else if (state.raad && compareDates(command.decidedOn, state.raad.sentOn) < 0)
        p.push(
          problem(
            'date-too-early',
            `decidedOn must not be before the request was sent (${state.raad.sentOn})`,
          ),
        );
      if (
        command.raadReference !== undefined &&
        (typeof command.raadReference !== 'string' ||
          !RAAD_REFERENCE_PATTERN.test(command.raadReference))
      )
        p.push(
          problem(
            'invalid-format',
            'raadReference must be 1-40 characters A-Z, a-z, 0-9, /, . or -',
          ),
        );
      break;
    case 'withdraw':
      if (!isVtoWithdrawalReason(command.reason))
        p.push(
          problem(
            'not-in-list',
            `reason must be one of ${Object.keys(VTO_WITHDRAWAL_REASONS).join(', ')}`,
          ),
        );
      break;
  }
  return p;
}
