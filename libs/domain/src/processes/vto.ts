/**
 * The verzoek tot onderzoek (VTO) at the Raad voor de Kinderbescherming (002 §3.6): its rules,
 * pure and deterministic (safe in workflows).
 *
 * In a drang case with (suspected) serious threats to a child's development, where too little
 * moves in the voluntary frame, the CJG may ask the Raad to investigate. The parents are always
 * informed first and receive the written request. The request is discussed, with the parents, at
 * the weekly beschermingsplein (the CJG, an independent gedragswetenschapper and the Raad), which
 * decides whether it goes to the Raad. The Raad then starts an investigation or not.
 *
 * A VTO is a case of its own, with its own case number from the CJG's case system (e.g.
 * `VTO-2026-000012`), linked to the drang case's trajectory when there is one, and always to the
 * family. Its history carries ids, codes and dates only; the coordinator's explanation (free text
 * that names people) lives in PostgreSQL.
 */
import { isValidCaseNumber } from '../case-number';
import { isValidPersonId } from '../ids';
import { isValidMunicipalityCode } from '../municipality';
import {
  addToDate,
  amsterdamDate,
  amsterdamInstant,
  compareDates,
  isCalendarDate,
  type CalendarDate,
} from '../time';
// Types only: trajectory.ts imports this file's letter kinds at runtime.
import type { DeliveryFailure, LetterFacts, Recipient } from '../trajectory';
import { addWorkingDays, isWorkingDay } from '../working-days';

// ───────────────────────────────────────────────────────────── letters

/** The letters this process sends; their Dutch texts are in libs/notifications. */
export const VTO_LETTER_KINDS = [
  /** To the parents (the client's address): the written request, before anything else happens. */
  'vto-parents-informed',
  /** To the coordinator: that the parents were informed is not recorded in time. */
  'vto-parents-reminder',
  /** To the beschermingsplein: the week's agenda (VTO case numbers only). */
  'vto-agenda',
  /** To the parents and the coordinator: the request is discussed at this meeting. */
  'vto-on-agenda',
  /** To the coordinator: no decision recorded in time after the meeting. */
  'vto-decision-reminder',
  /** To the Raad: the request is sent. */
  'vto-sent-to-raad',
  /** To the parents: the beschermingsplein's decision (sent to the Raad, or not and why). */
  'vto-decision',
  /** To the coordinator: the Raad's answer is not recorded in time. */
  'vto-raad-outcome-reminder',
  /** To the parents (and the beschermingsplein when it was on its agenda): withdrawn. */
  'vto-withdrawn',
] as const;
export type VtoLetterKind = (typeof VTO_LETTER_KINDS)[number];

// ───────────────────────────────────────────────────────────── code lists

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

// ───────────────────────────────────────────────────────────── policy

/** The VTO's deadlines, in working days (weekends and Dutch public holidays skipped). */
export interface VtoPolicy {
  /** The coordinator records that the parents were informed within this many working days. */
  parentsInformedWithinWorkingDays: number;
  /** "Within a week" after the meeting the beschermingsplein's decision is recorded. */
  decisionWithinWorkingDays: number;
  /** The Raad's answer (an investigation or not) is expected this long after sending. */
  raadOutcomeWithinWorkingDays: number;
  /** Hour of day (Amsterdam) at which a deadline on a date falls due. */
  dueHour: number;
}

export const DEFAULT_VTO_POLICY: VtoPolicy = {
  parentsInformedWithinWorkingDays: 5,
  decisionWithinWorkingDays: 5,
  raadOutcomeWithinWorkingDays: 10,
  dueHour: 8,
};

export function vtoPolicyProblems(policy: VtoPolicy): string[] {
  const problems: string[] = [];
  for (const key of [
    'parentsInformedWithinWorkingDays',
    'decisionWithinWorkingDays',
    'raadOutcomeWithinWorkingDays',
  ] as const) {
    const value = policy?.[key];
    if (!Number.isInteger(value) || value < 1 || value > 60)
      problems.push(`policy.${key} must be a whole number of working days from 1 to 60`);
  }
  if (!Number.isInteger(policy?.dueHour) || policy.dueHour < 0 || policy.dueHour > 23)
    problems.push('policy.dueHour must be an hour from 0 to 23');
  return problems;
}

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

// ───────────────────────────────────────────────────────────── input and state

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

export function vtoInputProblems(input: VtoInput): string[] {
  const problems: string[] = [];
  if (!isValidCaseNumber(input?.caseNumber ?? ''))
    problems.push('caseNumber is not a valid case number');
  if (!isValidMunicipalityCode(input?.municipalityCode ?? ''))
    problems.push('municipalityCode must be a four-digit CBS gemeentecode');
  for (const field of ['coordinatorId', 'clientId', 'familyId'] as const) {
    if (!isValidPersonId(input?.[field] ?? '')) problems.push(`${field} is not a valid id`);
  }
  if (input?.trajectoryCaseNumber !== undefined) {
    if (!isValidCaseNumber(input.trajectoryCaseNumber))
      problems.push('trajectoryCaseNumber is not a valid case number');
    else if (input.trajectoryCaseNumber === input.caseNumber)
      problems.push('trajectoryCaseNumber must be another case than the VTO itself');
  }
  problems.push(...groundsProblems(input?.grounds));
  if (input?.policy !== undefined) problems.push(...vtoPolicyProblems(input.policy));
  return problems;
}

export function groundsProblems(grounds: unknown): string[] {
  if (!Array.isArray(grounds) || grounds.length === 0)
    return ['grounds must list at least one ground'];
  const problems: string[] = [];
  grounds.forEach((g, i) => {
    if (!isVtoGround(g))
      problems.push(`grounds[${i}] must be one of ${Object.keys(VTO_GROUNDS).join(', ')}`);
  });
  if (new Set(grounds).size !== grounds.length) problems.push('grounds must not repeat a ground');
  if (!grounds.includes(VTO_REQUIRED_GROUND))
    problems.push(
      `grounds must include ${VTO_REQUIRED_GROUND}: a VTO is for (suspected) serious threats to the child's development (002 §3.6)`,
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

export interface VtoState {
  caseNumber: string;
  municipalityCode: string;
  coordinatorId: string;
  clientId: string;
  familyId: string;
  trajectoryCaseNumber?: string;
  grounds: VtoGround[];
  policy: VtoPolicy;
  status: VtoStatus;
  /** ISO instant the coordinator proposed the request. */
  proposedAt: string;
  /** Bumped at every change; the read model keeps the highest. */
  revision: number;
  /** Numbering of letters, unique within the VTO. */
  letterSequence: number;
  parents: {
    /** Recording that the parents were informed is due on this date. */
    dueOn: CalendarDate;
    reminded: boolean;
    informedOn?: CalendarDate;
    how?: ParentsInformedHow;
    recordedAt?: string;
    recordedBy?: string;
  };
  /** The meeting it is on the agenda of, while it waits for the decision there. */
  agenda?: AgendaPlacement & { placedAt: string; decisionDueOn: CalendarDate; reminded: boolean };
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
    reminded: boolean;
    investigationStarted?: boolean;
    decidedOn?: CalendarDate;
    raadReference?: string;
    recordedAt?: string;
    recordedBy?: string;
  };
  withdrawal?: { reason: VtoWithdrawalReason; at: string; recordedBy: string };
  /** Letters that could not be delivered (the coordinator is told). */
  deliveryProblems: Array<{
    letter: string;
    sequence: number;
    /** `client:<id>`, `organisation:<id>`: a reference, never an address. */
    recipient: string;
    reason: DeliveryFailure['reason'];
    at: string;
  }>;
  closedAt?: string;
}

export function initialVtoState(input: VtoInput, now: Date): VtoState {
  const policy = input.policy ?? DEFAULT_VTO_POLICY;
  return {
    caseNumber: input.caseNumber,
    municipalityCode: input.municipalityCode,
    coordinatorId: input.coordinatorId,
    clientId: input.clientId,
    familyId: input.familyId,
    ...(input.trajectoryCaseNumber ? { trajectoryCaseNumber: input.trajectoryCaseNumber } : {}),
    grounds: [...input.grounds],
    policy,
    status: 'parents-to-inform',
    proposedAt: now.toISOString(),
    revision: 1,
    letterSequence: 0,
    parents: {
      dueOn: addWorkingDays(amsterdamDate(now), policy.parentsInformedWithinWorkingDays),
      reminded: false,
    },
    postponements: [],
    deliveryProblems: [],
  };
}

// ───────────────────────────────────────────────────────────── effects

export interface VtoLetter {
  type: 'letter';
  kind: VtoLetterKind | 'delivery-failed';
  to: Recipient[];
  facts: LetterFacts;
}

const coordinatorOf = (s: VtoState): Recipient => ({ role: 'coordinator', id: s.coordinatorId });
const parentsOf = (s: VtoState): Recipient => ({ role: 'client', id: s.clientId });

/**
 * The first letter: the written request to the parents (002 §3.6: they are always informed
 * first and receive it in writing). Grounds as codes; the template words them.
 */
export function vtoOpeningLetters(state: VtoState): VtoLetter[] {
  return [
    {
      type: 'letter',
      kind: 'vto-parents-informed',
      to: [parentsOf(state)],
      facts: {
        caseNumber: state.caseNumber,
        grounds: state.grounds.join(','),
        proposedOn: amsterdamDate(new Date(state.proposedAt)),
      },
    },
  ];
}

// ───────────────────────────────────────────────────────────── commands

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
export function vtoCommandStateProblems(state: VtoState, type: VtoCommandType): string[] {
  return STATUS_COMMANDS[state.status].includes(type)
    ? []
    : [`${type} is not possible in status ${state.status}`];
}

/** The commands that make sense now. */
export function allowedVtoCommands(state: VtoState): VtoCommandType[] {
  return [...STATUS_COMMANDS[state.status]];
}

/**
 * Every reason the command is refused in this state; empty when it is accepted. The workflow calls
 * this in its update validators, so a refused command never enters the history.
 */
export function vtoCommandProblems(state: VtoState, command: VtoCommand, now: Date): string[] {
  const byState = vtoCommandStateProblems(state, command.type);
  if (byState.length > 0) return byState;
  const p: string[] = [];
  const today = amsterdamDate(now);
  const unknown = Object.keys(command).filter(
    (key) => key !== 'type' && !VTO_COMMAND_FIELDS[command.type].includes(key),
  );
  if (unknown.length > 0) p.push(`${command.type} does not take ${unknown.join(', ')}`);
  if (!isValidPersonId(command.recordedBy ?? '')) p.push('recordedBy is not a valid id');
  switch (command.type) {
    case 'recordParentsInformed':
      if (!isCalendarDate(command.informedOn))
        p.push('informedOn must be a calendar date YYYY-MM-DD');
      else if (compareDates(command.informedOn, today) > 0)
        p.push('informedOn must not be in the future');
      if (!(PARENTS_INFORMED_HOW as readonly string[]).includes(command.how))
        p.push(`how must be one of ${PARENTS_INFORMED_HOW.join(', ')}`);
      break;
    case 'recordDecision': {
      if (!(VTO_DECISIONS as readonly string[]).includes(command.decision))
        p.push(`decision must be one of ${VTO_DECISIONS.join(', ')}`);
      if (command.decision === 'not-send') {
        if (!isVtoNotSentReason(command.reason))
          p.push(
            `reason must be one of ${Object.keys(VTO_NOT_SENT_REASONS).join(', ')} when not sent`,
          );
      } else if (command.reason !== undefined) {
        p.push('reason is only recorded when the request is not sent');
      }
      const meeting = state.agenda?.meetingDate;
      // The decision is the meeting's: it cannot be recorded before the meeting took place.
      if (meeting && compareDates(today, meeting) < 0)
        p.push(`the beschermingsplein of ${meeting} has not taken place yet`);
      break;
    }
    case 'recordRaadOutcome':
      if (typeof command.investigationStarted !== 'boolean')
        p.push('investigationStarted must be true or false');
      if (!isCalendarDate(command.decidedOn))
        p.push('decidedOn must be a calendar date YYYY-MM-DD');
      else if (compareDates(command.decidedOn, today) > 0)
        p.push('decidedOn must not be in the future');
      else if (state.raad && compareDates(command.decidedOn, state.raad.sentOn) < 0)
        p.push(`decidedOn must not be before the request was sent (${state.raad.sentOn})`);
      if (
        command.raadReference !== undefined &&
        (typeof command.raadReference !== 'string' ||
          !RAAD_REFERENCE_PATTERN.test(command.raadReference))
      )
        p.push('raadReference must be 1-40 characters A-Z, a-z, 0-9, /, . or -');
      break;
    case 'withdraw':
      if (!isVtoWithdrawalReason(command.reason))
        p.push(`reason must be one of ${Object.keys(VTO_WITHDRAWAL_REASONS).join(', ')}`);
      break;
  }
  return p;
}

/** Applies an accepted command (mutating the state) and returns the letters it causes. */
export function applyVtoCommand(state: VtoState, command: VtoCommand, now: Date): VtoLetter[] {
  state.revision += 1;
  const at = now.toISOString();
  const today = amsterdamDate(now);
  const facts = { caseNumber: state.caseNumber };
  switch (command.type) {
    case 'recordParentsInformed':
      state.parents = {
        ...state.parents,
        informedOn: command.informedOn,
        how: command.how,
        recordedAt: at,
        recordedBy: command.recordedBy,
      };
      state.status = 'awaiting-agenda';
      return [];
    case 'recordDecision': {
      const agenda = state.agenda;
      if (!agenda) return [];
      state.agenda = undefined;
      if (command.decision === 'postpone') {
        // Aanhouden: back in line for the next meeting's agenda.
        state.postponements.push({
          agendaId: agenda.agendaId,
          meetingDate: agenda.meetingDate,
          recordedAt: at,
          recordedBy: command.recordedBy,
        });
        state.status = 'awaiting-agenda';
        return [];
      }
      state.decision = {
        decision: command.decision,
        ...(command.reason ? { reason: command.reason } : {}),
        agendaId: agenda.agendaId,
        meetingDate: agenda.meetingDate,
        recordedAt: at,
        recordedBy: command.recordedBy,
      };
      if (command.decision === 'not-send') {
        state.status = 'not-sent';
        state.closedAt = at;
        return [
          {
            type: 'letter',
            kind: 'vto-decision',
            to: [parentsOf(state)],
            facts: {
              ...facts,
              decision: 'not-send',
              reason: command.reason ?? '',
              meetingDate: agenda.meetingDate,
            },
          },
        ];
      }
      state.status = 'sent-to-raad';
      state.raad = {
        organisationId: agenda.raadId,
        sentOn: today,
        outcomeDueOn: addWorkingDays(today, state.policy.raadOutcomeWithinWorkingDays),
        reminded: false,
      };
      return [
        {
          type: 'letter',
          kind: 'vto-sent-to-raad',
          to: [{ role: 'organisation', id: agenda.raadId }],
          facts: {
            ...facts,
            municipalityCode: state.municipalityCode,
            grounds: state.grounds.join(','),
            meetingDate: agenda.meetingDate,
            parentsInformedOn: state.parents.informedOn ?? '',
            ...(state.trajectoryCaseNumber
              ? { trajectoryCaseNumber: state.trajectoryCaseNumber }
              : {}),
          },
        },
        {
          type: 'letter',
          kind: 'vto-decision',
          to: [parentsOf(state)],
          facts: { ...facts, decision: 'send', meetingDate: agenda.meetingDate },
        },
      ];
    }
    case 'recordRaadOutcome': {
      if (!state.raad) return [];
      state.raad = {
        ...state.raad,
        investigationStarted: command.investigationStarted,
        decidedOn: command.decidedOn,
        ...(command.raadReference ? { raadReference: command.raadReference } : {}),
        recordedAt: at,
        recordedBy: command.recordedBy,
      };
      // The Raad tells the parents itself; the CJG records its answer to follow the case up.
      state.status = command.investigationStarted ? 'raad-investigates' : 'raad-declined';
      state.closedAt = at;
      return [];
    }
    case 'withdraw': {
      const onAgenda = state.agenda;
      state.withdrawal = { reason: command.reason, at, recordedBy: command.recordedBy };
      state.agenda = undefined;
      state.status = 'withdrawn';
      state.closedAt = at;
      return [
        {
          type: 'letter',
          kind: 'vto-withdrawn',
          to: [
            parentsOf(state),
            ...(onAgenda
              ? [{ role: 'organisation', id: onAgenda.beschermingspleinId } as Recipient]
              : []),
          ],
          facts: {
            ...facts,
            reason: command.reason,
            ...(onAgenda ? { meetingDate: onAgenda.meetingDate } : {}),
          },
        },
      ];
    }
  }
}

/**
 * The agenda run placed the request on a meeting's agenda. Only a request waiting for the agenda
 * takes it; one in any other status (withdrawn meanwhile, already placed by a repeated run)
 * ignores it, and so nothing changes.
 */
export function placeOnAgenda(state: VtoState, placement: AgendaPlacement, now: Date): VtoLetter[] {
  if (state.status !== 'awaiting-agenda' || agendaPlacementProblems(placement).length > 0)
    return [];
  state.revision += 1;
  state.status = 'on-agenda';
  state.agenda = {
    agendaId: placement.agendaId,
    meetingDate: placement.meetingDate,
    beschermingspleinId: placement.beschermingspleinId,
    raadId: placement.raadId,
    placedAt: now.toISOString(),
    decisionDueOn: addWorkingDays(placement.meetingDate, state.policy.decisionWithinWorkingDays),
    reminded: false,
  };
  // 002 §3.6: the request is explained to and discussed with the parents at the meeting.
  return [
    {
      type: 'letter',
      kind: 'vto-on-agenda',
      to: [parentsOf(state), coordinatorOf(state)],
      facts: { caseNumber: state.caseNumber, meetingDate: placement.meetingDate },
    },
  ];
}

// ───────────────────────────────────────────────────────────── delivery

/**
 * A letter that could not be delivered is recorded on the VTO, and the coordinator is told (so
 * the parents can be reached another way). It is not sent again.
 */
export function recordVtoDeliveryFailures(
  state: VtoState,
  letter: VtoLetter['kind'],
  sequence: number,
  failures: readonly DeliveryFailure[],
  now: Date,
): VtoLetter[] {
  if (failures.length === 0) return [];
  state.revision += 1;
  for (const failure of failures) {
    const r = failure.recipient;
    state.deliveryProblems.push({
      letter,
      sequence,
      recipient: r.role === 'provider' ? `provider:${r.agbCode}` : `${r.role}:${r.id}`,
      reason: failure.reason,
      at: now.toISOString(),
    });
  }
  if (letter === 'delivery-failed') return [];
  return failures
    .filter((failure) => failure.recipient.role !== 'coordinator')
    .map((failure) => ({
      type: 'letter' as const,
      kind: 'delivery-failed' as const,
      to: [coordinatorOf(state)],
      facts: {
        caseNumber: state.caseNumber,
        letter,
        recipientRole: failure.recipient.role,
        reason: failure.reason,
      },
    }));
}

// ───────────────────────────────────────────────────────────── deadlines

export const VTO_DEADLINE_KINDS = [
  'parents-informed-reminder',
  'decision-reminder',
  'raad-outcome-reminder',
] as const;
export type VtoDeadlineKind = (typeof VTO_DEADLINE_KINDS)[number];

export interface VtoDeadline {
  kind: VtoDeadlineKind;
  /** ISO instant: the due date at the policy's due hour, Amsterdam time. */
  at: string;
}

/** The deadline the VTO waits for now, if any (one per status). */
export function pendingVtoDeadlines(state: VtoState): VtoDeadline[] {
  const at = (date: CalendarDate) => amsterdamInstant(date, state.policy.dueHour).toISOString();
  switch (state.status) {
    case 'parents-to-inform':
      return state.parents.reminded
        ? []
        : [{ kind: 'parents-informed-reminder', at: at(state.parents.dueOn) }];
    case 'on-agenda':
      return state.agenda && !state.agenda.reminded
        ? [{ kind: 'decision-reminder', at: at(state.agenda.decisionDueOn) }]
        : [];
    case 'sent-to-raad':
      return state.raad && !state.raad.reminded
        ? [{ kind: 'raad-outcome-reminder', at: at(state.raad.outcomeDueOn) }]
        : [];
    default:
      return [];
  }
}

/** Handles a deadline that has come (mutating the state) and returns the letters. */
export function applyVtoDeadline(state: VtoState, kind: VtoDeadlineKind): VtoLetter[] {
  state.revision += 1;
  const facts = { caseNumber: state.caseNumber };
  switch (kind) {
    case 'parents-informed-reminder':
      state.parents.reminded = true;
      return [
        {
          type: 'letter',
          kind: 'vto-parents-reminder',
          to: [coordinatorOf(state)],
          facts: { ...facts, dueOn: state.parents.dueOn },
        },
      ];
    case 'decision-reminder':
      if (!state.agenda) return [];
      state.agenda.reminded = true;
      return [
        {
          type: 'letter',
          kind: 'vto-decision-reminder',
          to: [coordinatorOf(state)],
          facts: {
            ...facts,
            meetingDate: state.agenda.meetingDate,
            dueOn: state.agenda.decisionDueOn,
          },
        },
      ];
    case 'raad-outcome-reminder':
      if (!state.raad) return [];
      state.raad.reminded = true;
      return [
        {
          type: 'letter',
          kind: 'vto-raad-outcome-reminder',
          to: [coordinatorOf(state)],
          facts: { ...facts, sentOn: state.raad.sentOn, dueOn: state.raad.outcomeDueOn },
        },
      ];
  }
}

// ───────────────────────────────────────────────────────────── views

/** Whether the step the VTO waits for is past its deadline. */
export function isVtoOverdue(state: VtoState): boolean {
  switch (state.status) {
    case 'parents-to-inform':
      return state.parents.reminded;
    case 'on-agenda':
      return state.agenda?.reminded ?? false;
    case 'sent-to-raad':
      return state.raad?.reminded ?? false;
    default:
      return false;
  }
}

/** A one-line summary without personal data, for the Temporal UI memo. */
export function vtoSummary(state: VtoState): string {
  const parts = [`VTO ${state.status}`];
  if (state.trajectoryCaseNumber) parts.push(`traject ${state.trajectoryCaseNumber}`);
  if (state.agenda) parts.push(`beschermingsplein ${state.agenda.meetingDate}`);
  if (state.postponements.length > 0) parts.push(`${state.postponements.length}x aangehouden`);
  if (state.decision?.decision === 'not-send')
    parts.push(`niet verzonden (${state.decision.reason})`);
  if (state.raad?.raadReference) parts.push(`Raad ${state.raad.raadReference}`);
  if (isVtoOverdue(state)) parts.push('TE LAAT');
  return parts.join('; ');
}

/**
 * What a VTO writes to the read model (table `vto`) at every change: ids, codes and dates only.
 * The agenda run selects the requests waiting for the agenda from it.
 */
export interface VtoProjection {
  workflowId: string;
  revision: number;
  caseNumber: string;
  municipalityCode: string;
  coordinatorId: string;
  clientId: string;
  familyId: string;
  trajectoryCaseNumber: string | null;
  grounds: VtoGround[];
  status: VtoStatus;
  proposedAt: string;
  parentsInformedOn: CalendarDate | null;
  meetingDate: CalendarDate | null;
  decision: 'send' | 'not-send' | null;
  notSentReason: VtoNotSentReason | null;
  investigationStarted: boolean | null;
  nextDueAt: string | null;
  nextDueKind: VtoDeadlineKind | null;
  overdue: boolean;
  closedAt: string | null;
}

export function vtoProjectionOf(state: VtoState, workflowId: string): VtoProjection {
  const next = pendingVtoDeadlines(state)[0];
  return {
    workflowId,
    revision: state.revision,
    caseNumber: state.caseNumber,
    municipalityCode: state.municipalityCode,
    coordinatorId: state.coordinatorId,
    clientId: state.clientId,
    familyId: state.familyId,
    trajectoryCaseNumber: state.trajectoryCaseNumber ?? null,
    grounds: state.grounds,
    status: state.status,
    proposedAt: state.proposedAt,
    parentsInformedOn: state.parents.informedOn ?? null,
    meetingDate: state.agenda?.meetingDate ?? state.decision?.meetingDate ?? null,
    decision: state.decision?.decision ?? null,
    notSentReason: state.decision?.reason ?? null,
    investigationStarted: state.raad?.investigationStarted ?? null,
    nextDueAt: next?.at ?? null,
    nextDueKind: next?.kind ?? null,
    overdue: isVtoOverdue(state),
    closedAt: state.closedAt ?? null,
  };
}

/** The workflow id of a VTO, readable in the Temporal Web UI: `vto-VTO-2026-000012`. */
export function vtoWorkflowId(caseNumber: string): string {
  if (!isValidCaseNumber(caseNumber)) {
    throw new RangeError(`Not a valid case number: ${JSON.stringify(caseNumber)}`);
  }
  return `vto-${caseNumber}`;
}
