/**
 * The Schakeloverleg transfer's commands: what each takes, in which status it is possible, and
 * every reason it is refused (the workflow's update validators call `transferCommandProblems`).
 */
import { problem, type Problem } from '../../problems';
import { isValidCaseNumber } from '../../case-number';
import { isValidPersonId } from '../../ids';
import { amsterdamDate, compareDates, isCalendarDate, type CalendarDate } from '../../time';
import { isWorkingDay } from '../../working-days';
import { unknownFields } from '../kit';
import {
  SCHAKELOVERLEG_NOT_AGREED_REASONS,
  SCHAKELOVERLEG_WITHDRAWAL_REASONS,
  type SchakeloverlegNotAgreedReason,
  type SchakeloverlegWithdrawalReason,
} from './codes';
import { transferDates } from './policy';
import type { TransferState, TransferStatus } from './state';

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
): Problem[] {
  if (state.agreement?.startingAt)
    return [problem('in-progress', 'the toegang trajectory is being started')];
  if (!STATUS_COMMANDS[state.status].includes(type))
    return [
      problem('not-possible-now', `${type} is not possible when the transfer is ${state.status}`),
    ];
  if (type === 'recordOutcome' && state.meeting) {
    if (compareDates(amsterdamDate(now), state.meeting.date) < 0)
      return [
        problem(
          'meeting-not-yet-held',
          `the Schakeloverleg is planned for ${state.meeting.date}; record its outcome from that day`,
        ),
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
  return unknownFields(TRANSFER_COMMAND_FIELDS[type], body);
}

/**
 * Every reason the command is refused in this state; empty when it is accepted. The workflow's
 * update validators call it, so a refused command never enters the history.
 */
export function transferCommandProblems(
  state: TransferState,
  command: TransferCommand,
  now: Date,
): Problem[] {
  const byState = transferCommandStateProblems(state, command.type, now);
  if (byState.length > 0) return byState;
  const unknown = unknownTransferCommandFields(command.type, command);
  if (unknown.length > 0)
    return unknown.map((key) => problem('not-allowed', `${key} is not allowed`));
  const today = amsterdamDate(now);
  const { latestMeetingDate } = transferDates(state.measureEndDate, state.policy);
  const lead = state.policy.meetingLeadWorkingDays;
  const p: Problem[] = [];
  switch (command.type) {
    case 'plan': {
      if (!isValidPersonId(command.coordinatorId ?? ''))
        p.push(problem('invalid-format', 'coordinatorId is not a valid id'));
      const date = command.meetingDate;
      if (!isCalendarDate(date)) {
        p.push(problem('invalid-date', 'meetingDate must be a calendar date YYYY-MM-DD'));
        break;
      }
      if (compareDates(date, today) < 0)
        p.push(problem('date-too-early', `meetingDate must not be before today (${today})`));
      if (!isWorkingDay(date))
        p.push(
          problem(
            'not-a-working-day',
            'meetingDate must be a working day (not a weekend or public holiday)',
          ),
        );
      if (compareDates(date, latestMeetingDate) > 0)
        p.push(
          problem(
            'date-too-late',
            `meetingDate must be at least ${lead} working days before the measure ends on ${state.measureEndDate}: on or before ${latestMeetingDate}`,
          ),
        );
      break;
    }
    case 'recordOutcome': {
      if (typeof command.agreed !== 'boolean') {
        p.push(problem('wrong-type', 'agreed must be true or false'));
        break;
      }
      const only = (keys: Array<keyof typeof command>, when: string) => {
        for (const key of keys)
          if (command[key] !== undefined)
            p.push(problem('not-allowed', `${String(key)} is only allowed ${when}`));
      };
      if (command.agreed) {
        only(['reason', 'revisitDate', 'measureEndDate'], 'when not agreed');
        if (command.parentsConsent !== true)
          p.push(
            problem(
              'consent-required',
              'parentsConsent must be true: the voluntary frame rests on the parents’ consent (record "not agreed" with reason no-consent otherwise)',
            ),
          );
        if (!isValidCaseNumber(command.caseNumber ?? ''))
          p.push(
            problem(
              'invalid-format',
              'caseNumber must be the case number of the toegang trajectory (e.g. CJG-2027-000042)',
            ),
          );
      } else {
        only(['parentsConsent', 'caseNumber'], 'when agreed');
        if (!Object.hasOwn(SCHAKELOVERLEG_NOT_AGREED_REASONS, command.reason ?? ''))
          p.push(
            problem(
              'not-in-list',
              `reason must be one of ${Object.keys(SCHAKELOVERLEG_NOT_AGREED_REASONS).join(', ')}`,
            ),
          );
        if (command.measureEndDate !== undefined && !isCalendarDate(command.measureEndDate))
          p.push(problem('invalid-date', 'measureEndDate must be a calendar date YYYY-MM-DD'));
        if (!isCalendarDate(command.revisitDate)) {
          p.push(problem('invalid-date', 'revisitDate must be a calendar date YYYY-MM-DD'));
          break;
        }
        if (compareDates(command.revisitDate, today) <= 0)
          p.push(problem('date-too-early', `revisitDate must be after today (${today})`));
        const end = command.measureEndDate ?? state.measureEndDate;
        if (isCalendarDate(end)) {
          const latest = transferDates(end, state.policy).latestMeetingDate;
          if (compareDates(command.revisitDate, latest) > 0)
            p.push(
              problem(
                'date-too-late',
                `revisitDate must leave time for a Schakeloverleg ${lead} working days before the measure ends on ${end} (on or before ${latest}); give the measure's new end date (measureEndDate) when it will be extended`,
              ),
            );
        }
      }
      break;
    }
    case 'changeMeasureEnd': {
      const end = command.endDate;
      if (!isCalendarDate(end)) {
        p.push(problem('invalid-date', 'endDate must be a calendar date YYYY-MM-DD'));
        break;
      }
      if (end === state.measureEndDate)
        p.push(problem('unchanged', `the measure already ends on ${end}`));
      if (compareDates(end, today) <= 0)
        p.push(problem('date-too-early', `endDate must be after today (${today})`));
      const latest = transferDates(end, state.policy).latestMeetingDate;
      if (
        state.status === 'planned' &&
        state.meeting &&
        compareDates(state.meeting.date, latest) > 0
      )
        p.push(
          problem(
            'no-time-for-meeting',
            `the Schakeloverleg planned for ${state.meeting.date} would be less than ${lead} working days before ${end}; the coordinator plans it earlier first`,
          ),
        );
      if (state.status === 'proposed' && compareDates(latest, today) < 0)
        p.push(
          problem(
            'no-time-for-meeting',
            `a Schakeloverleg could no longer be held ${lead} working days before ${end}; withdraw the proposal instead`,
          ),
        );
      if (
        state.status === 'not-agreed' &&
        state.revisit &&
        compareDates(state.revisit.date, latest) > 0
      )
        p.push(
          problem(
            'no-time-for-meeting',
            `the revisit on ${state.revisit.date} would leave no time for a Schakeloverleg ${lead} working days before ${end}`,
          ),
        );
      break;
    }
    case 'withdraw':
      if (!Object.hasOwn(SCHAKELOVERLEG_WITHDRAWAL_REASONS, command.reason ?? ''))
        p.push(
          problem(
            'not-in-list',
            `reason must be one of ${Object.keys(SCHAKELOVERLEG_WITHDRAWAL_REASONS).join(', ')}`,
          ),
        );
      break;
  }
  return p;
}
