/**
 * The VTO's code lists (grounds and reasons, as codes: the explanation in words is kept in
 * PostgreSQL), its id, and the weekly beschermingsplein it waits for.
 */
import { isValidCaseNumber } from '../../case-number';
import { isValidPersonId } from '../../ids';
import { addToDate, isCalendarDate, type CalendarDate } from '../../time';
import { isWorkingDay } from '../../working-days';

/**
 * The grounds of a request, as codes (the explanation in words is kept in PostgreSQL). 002 §3.6:
 * a VTO is for (suspected) serious threats to the child's development, so that ground is always
 * one of them.
 */
export const VTO_GROUNDS = {
  'ernstige-ontwikkelingsbedreiging':
    '(vermoedens van) een ernstige bedreiging van de ontwikkeling van het kind',
  'onvoldoende-beweging': 'er komt binnen het vrijwillig kader onvoldoende beweging',
  'zorgen-niet-erkend': 'de ouders erkennen de zorgen onvoldoende',
  'hulp-geweigerd': 'noodzakelijke hulp wordt geweigerd of afgebroken',
  'afspraken-niet-nagekomen': 'gemaakte afspraken worden niet nagekomen',
  'veiligheid-onvoldoende': 'de veiligheid van het kind is onvoldoende gewaarborgd',
} as const;
export type VtoGround = keyof typeof VTO_GROUNDS;
export const VTO_REQUIRED_GROUND: VtoGround = 'ernstige-ontwikkelingsbedreiging';

/** Why the beschermingsplein does not send the request to the Raad. */
export const VTO_NOT_SENT_REASONS = {
  'vrijwillig-kader-voldoende': 'hulp in het vrijwillig kader is (weer) mogelijk',
  'onvoldoende-grond': 'de zorgen zijn onvoldoende onderbouwd voor een onderzoek door de Raad',
  'andere-route': 'een andere route past beter',
} as const;
export type VtoNotSentReason = keyof typeof VTO_NOT_SENT_REASONS;

/** Why the coordinator withdraws a request before the beschermingsplein decided. */
export const VTO_WITHDRAWAL_REASONS = {
  'ouders-werken-mee': 'de ouders werken nu mee aan de hulp',
  'situatie-veranderd': 'de situatie is veranderd',
  'andere-route': 'een andere route past beter',
  'onjuist-geregistreerd': 'het verzoek is onjuist geregistreerd',
} as const;
export type VtoWithdrawalReason = keyof typeof VTO_WITHDRAWAL_REASONS;

/** How the parents were informed before the request went on (002 §3.6). */
export const PARENTS_INFORMED_HOW = ['conversation', 'letter'] as const;
export type ParentsInformedHow = (typeof PARENTS_INFORMED_HOW)[number];

export const VTO_DECISIONS = ['send', 'not-send', 'postpone'] as const;
export type VtoDecision = (typeof VTO_DECISIONS)[number];

export const isVtoGround = (value: unknown): value is VtoGround =>
  typeof value === 'string' && Object.hasOwn(VTO_GROUNDS, value);
export const isVtoNotSentReason = (value: unknown): value is VtoNotSentReason =>
  typeof value === 'string' && Object.hasOwn(VTO_NOT_SENT_REASONS, value);
export const isVtoWithdrawalReason = (value: unknown): value is VtoWithdrawalReason =>
  typeof value === 'string' && Object.hasOwn(VTO_WITHDRAWAL_REASONS, value);

/** The Raad's own reference for the request, when it gave one: a number, not a name. */
export const RAAD_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9/.-]{0,39}$/;

// ───────────────────────────────────────────────────────────── the beschermingsplein

/**
 * The beschermingsplein meets weekly on Thursday (a local agreement between the CJG and the Raad);
 * the agenda goes out on Tuesday morning (the `beschermingsplein-agenda` schedule), so the parents
 * and the partners have it two days ahead.
 */
export const BESCHERMINGSPLEIN_WEEKDAY = 4;

/**
 * The date of the next meeting on or after `today`: the meeting weekday, or the next working day
 * when that is a public holiday (Hemelvaartsdag is always a Thursday).
 */
export function nextMeetingDate(today: CalendarDate): CalendarDate {
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  let date = addToDate(today, 0, (BESCHERMINGSPLEIN_WEEKDAY - weekday + 7) % 7);
  while (!isWorkingDay(date)) date = addToDate(date, 0, 1);
  return date;
}

/** An agenda's reference, from its meeting date: `BP-2026-11-26`. */
export function agendaIdOf(meetingDate: CalendarDate): string {
  return `BP-${meetingDate}`;
}

/** What the agenda run tells each request it placed on the agenda. */
export interface AgendaPlacement {
  agendaId: string;
  meetingDate: CalendarDate;
  /** The partner organisations (registered with PUT /organisations/{id}). */
  beschermingspleinId: string;
  raadId: string;
}

export function agendaPlacementProblems(placement: AgendaPlacement): string[] {
  const problems: string[] = [];
  if (!isCalendarDate(placement?.meetingDate)) problems.push('meetingDate must be a calendar date');
  else if (placement.agendaId !== agendaIdOf(placement.meetingDate))
    problems.push('agendaId must be BP-<meetingDate>');
  if (!isValidPersonId(placement?.beschermingspleinId ?? ''))
    problems.push('beschermingspleinId is not a valid organisation id');
  if (!isValidPersonId(placement?.raadId ?? ''))
    problems.push('raadId is not a valid organisation id');
  return problems;
}

/** The workflow id of a VTO, readable in the Temporal Web UI: `vto-VTO-2026-000012`. */
export function vtoWorkflowId(caseNumber: string): string {
  if (!isValidCaseNumber(caseNumber)) {
    throw new RangeError(`Not a valid case number: ${JSON.stringify(caseNumber)}`);
  }
  return `vto-${caseNumber}`;
}
