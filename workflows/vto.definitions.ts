/**
 * The contract of the VTO workflow (verzoek tot onderzoek, 002 §3.6) and of the weekly
 * beschermingsplein agenda run, shared by the API (client), the worker and the schedule: names,
 * ids, the `state` query, one update per command, the agenda signal, and the activities' messages.
 * Import from here, never from the implementations. See docs/vto.md.
 */
import { defineSignal } from '@temporalio/workflow';
import {
  VTO_COMMAND_FIELDS,
  type AgendaPlacement,
  type CalendarDate,
  type VtoCommand,
  type VtoCommandType,
  type VtoView,
} from '@cjg/domain';
import { processContract, type CommandArgsOf } from './command-updates';

export { vtoWorkflowId } from '@cjg/domain';
export type { AgendaPlacement, VtoInput } from '@cjg/domain';
export {
  BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
  BESCHERMINGSPLEIN_SCHEDULE_ID,
} from '@cjg/temporal';
/** `ApplicationFailure.type` of a refused command; details are `[problems, 'state' | 'data']`. */
export { COMMAND_REFUSED } from './trajectory.definitions';

export const VTO_WORKFLOW_TYPE = 'vtoWorkflow';

/** The value of the `CaseKind` search attribute of a VTO, and of an agenda run. */
export const VTO_CASE_KIND = 'vto';
export const BESCHERMINGSPLEIN_AGENDA_CASE_KIND = 'beschermingsplein-agenda';

/** What the `state` query answers: the state plus what may happen next (libs/domain). */
export type { VtoView };

/**
 * The `state` query, the commands in the order of VTO_COMMAND_FIELDS, and one update per
 * command named after it (`recordDecision`…): see processContract.
 */
export const {
  stateQuery: vtoStateQuery,
  commandTypes: VTO_COMMAND_TYPES,
  updates: vtoCommandUpdates,
} = processContract<VtoCommand, VtoView>(VTO_COMMAND_FIELDS);

export type VtoCommandArgs<T extends VtoCommandType> = CommandArgsOf<VtoCommand, T>;

/**
 * The agenda run tells a VTO it is on the agenda of a meeting. A signal: the agenda does not wait
 * for each VTO, and a VTO that is no longer waiting for the agenda (withdrawn meanwhile) ignores it.
 */
export const placedOnAgendaSignal = defineSignal<[AgendaPlacement]>('placedOnAgenda');

// ─────────────────────────────── the beschermingsplein agenda

/**
 * One agenda run. The weekly schedule gives no input: the meeting is the next one from the run's
 * date (`nextMeetingDate`) and the partners are the registered beschermingsplein and Raad. Ops may
 * run one by hand for another date, or name the partners when more than one of a kind is
 * registered.
 */
export interface BeschermingspleinAgendaInput {
  meetingDate?: CalendarDate;
  beschermingspleinId?: string;
  raadId?: string;
}

/** What an agenda run returns (ids and dates only). */
export interface BeschermingspleinAgenda {
  agendaId: string;
  meetingDate: CalendarDate;
  beschermingspleinId: string;
  raadId: string;
  /** VTO case numbers placed on the agenda, in agenda order. */
  placed: string[];
  /** Listed as waiting, but their workflow was gone or closed: left off the agenda. */
  skipped: string[];
  /** Whether the agenda letter reached the beschermingsplein. */
  letterDelivered: boolean;
  /** ISO 8601 instants. */
  startedAt: string;
  finishedAt: string;
}

/** A run started by hand is `beschermingsplein-agenda-<meetingDate>` (the schedule's runs carry their time). */
export function beschermingspleinAgendaWorkflowId(meetingDate: CalendarDate): string {
  return `beschermingsplein-agenda-${meetingDate}`;
}

// ─────────────────────────────── activities

/** The partner organisations of an agenda (ids from `partner_organisation`). */
export interface VtoPartners {
  beschermingspleinId: string;
  raadId: string;
}

/** `ApplicationFailure.type` when the beschermingsplein or the Raad is not (uniquely) registered. */
export const VTO_PARTNERS_MISSING = 'VtoPartnersMissing';
