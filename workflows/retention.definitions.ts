/**
 * The contract of the retention workflow (Jeugdwet 7.3.8 and 7.3.9) shared by the API (client),
 * the worker and the schedule: name, ids, input, result and the activities' messages. Import from
 * here, never from the implementation. See docs/retention.md.
 */
import type { CalendarDate } from '@cjg/domain';

export { RETENTION_SCHEDULE_ID, RETENTION_SWEEP_WORKFLOW_TYPE } from '@cjg/temporal';

/** What the client's name reads once its personal data is destroyed. */
export const DESTROYED_NAME = '[vernietigd]';

/** The rule a destruction carries out: 7.3.8 the retention period ended, 7.3.9 on request. */
export type RetentionReason = '7.3.8' | '7.3.9';

/** The audit trail's action per reason. */
export const RETENTION_AUDIT_ACTION: Record<RetentionReason, string> = {
  '7.3.8': 'retention:destroyed',
  '7.3.9': 'retention:destroyed-on-request',
};

/** A destruction on request is the workflow `destruction-<caseNumber>`. */
export function destructionWorkflowId(caseNumber: string): string {
  return `destruction-${caseNumber}`;
}

/** The request's own text (its reference number) is at most this long. */
export const REQUEST_REFERENCE_MAX_LENGTH = 500;

/**
 * A request's reference: a registration number (`AVG-2026-0042`), not words. Words typed by a
 * person may name people, and the reference is in the workflow's history and the audit trail,
 * which outlive the personal data. Runs started before this rule took up to 500 characters.
 */
export const REQUEST_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9./:_-]{0,63}$/;

/**
 * Without `caseNumber`: the sweep (7.3.8) over every client whose trajectories are all past their
 * archive action date on `asOf`. With `caseNumber`: a destruction on request (7.3.9) of the
 * personal data of that case's client. Ids, dates and a reference only: it is in the history.
 */
export interface RetentionSweepInput {
  /** The sweep's day (default: the run's own date in Amsterdam). */
  asOf?: CalendarDate;
  /** A request under 7.3.9 for the client of this case. */
  caseNumber?: string;
  /** Who gave the request: an actor id (the token subject), never a name. */
  requestedBy?: string;
  /** The request's reference: its registration number (REQUEST_REFERENCE_PATTERN). */
  requestReference?: string;
}

/** What one outcome of destroying a client's personal data says. */
export type DestructionOutcome =
  /** Overwritten now; the cases marked destroyed now. */
  | { outcome: 'destroyed'; caseNumbers: string[] }
  /** A repeat: nothing left to destroy, nothing changed. */
  | { outcome: 'already-destroyed' }
  /**
   * Nothing changed, because a trajectory of the client is still open, or (sweep only) one is
   * not yet past its archive action date: `caseNumbers` are those trajectories.
   */
  | { outcome: 'kept'; because: 'open-trajectory' | 'not-due'; caseNumbers: string[] };

/** What the workflow returns. */
export interface RetentionSweepResult {
  kind: 'sweep' | 'request';
  reason: RetentionReason;
  /** The sweep's day; for a request, the day it ran. */
  asOf: CalendarDate;
  /** Clients whose personal data this run destroyed, and their cases. */
  clientsDestroyed: number;
  casesDestroyed: number;
  /** Clients found already destroyed (a repeat). */
  clientsAlreadyDestroyed: number;
  /** Clients left alone: a trajectory opened or moved its date meanwhile. */
  clientsKept: number;
  /** A request only: the case asked about, its client, and what became of it. */
  request?: {
    caseNumber: string;
    /** Absent when no trajectory has this case number. */
    clientId?: string;
    outcome: DestructionOutcome['outcome'] | 'unknown-case';
    /** destroyed: the cases destroyed now; kept: the open trajectories. */
    caseNumbers: string[];
  };
  /** ISO 8601 instants. */
  startedAt: string;
  finishedAt: string;
}

// ─────────────────────────────── activities

/** One page of the clients due for destruction on `asOf`, in id order, after `after`. */
export interface DueForDestructionQuery {
  asOf: CalendarDate;
  after?: string;
  limit: number;
}

export interface DestructionRequest {
  clientId: string;
  reason: RetentionReason;
  /** Written to the audit trail: the sweep's workflow id, or the requesting principal. */
  actor: string;
  /** 7.3.8: checked again in the same transaction, so a case reopened meanwhile is kept. */
  asOf?: CalendarDate;
  /** 7.3.9: the case the request named. */
  caseNumber?: string;
  requestReference?: string;
}
