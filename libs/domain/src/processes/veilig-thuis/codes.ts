/** The Veilig Thuis handover's codes and ids (002 §3.6). */
import { isValidCaseNumber } from '../../case-number';

/** How soon the CJG must act: an urgent handover has shorter deadlines. */
export const HANDOVER_URGENCIES = ['regular', 'urgent'] as const;
export type HandoverUrgency = (typeof HANDOVER_URGENCIES)[number];

/**
 * 002 §3.6: Veilig Thuis steps a case down to the CJG when the situation is safe enough
 * (`afschaling`), or asks for the CJG's part while it investigates (`tijdens-onderzoek`).
 */
export const HANDOVER_TYPES = ['afschaling', 'tijdens-onderzoek'] as const;
export type HandoverType = (typeof HANDOVER_TYPES)[number];

/** Why the CJG does not take a handover; `other` needs an explanation. */
export const HANDOVER_REFUSAL_REASONS = [
  /** Not safe enough for the voluntary frame: Veilig Thuis keeps the case. */
  'not-safe-enough',
  /** The family lives outside the municipalities this CJG works for. */
  'outside-region',
  /** Another organisation already runs the family's case (e.g. a GI). */
  'care-elsewhere',
  'other',
] as const;
export type HandoverRefusalReason = (typeof HANDOVER_REFUSAL_REASONS)[number];

/** Why Veilig Thuis takes a handover back. */
export const HANDOVER_WITHDRAWAL_REASONS = [
  /** Veilig Thuis keeps or takes up the case itself (e.g. the situation got worse). */
  'veilig-thuis-continues',
  'family-moved',
  /** Sent by mistake, or twice. */
  'in-error',
] as const;
export type HandoverWithdrawalReason = (typeof HANDOVER_WITHDRAWAL_REASONS)[number];

export const HANDOVER_STATUSES = [
  'received',
  'accepted',
  'meeting-planned',
  'meeting-held',
  'trajectory-started',
  'basic-support',
  'refused',
  'withdrawn',
] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export function isOpenHandover(status: HandoverStatus): boolean {
  return !['trajectory-started', 'basic-support', 'refused', 'withdrawn'].includes(status);
}

/** The id of a handover: `VTH-2026-000123`, given by the CJG (also its workflow id's tail). */
export const HANDOVER_ID_PATTERN = /^VTH-\d{4}-\d{6,}$/;

export function isValidHandoverId(value: string): boolean {
  return typeof value === 'string' && HANDOVER_ID_PATTERN.test(value) && value.length <= 40;
}

/** The handover's workflow, readable in the Temporal Web UI: `veilig-thuis-handover-VTH-2026-000123`. */
export function handoverWorkflowId(handoverId: string): string {
  if (!isValidHandoverId(handoverId)) {
    throw new RangeError(`Not a valid handover id: ${JSON.stringify(handoverId)}`);
  }
  return `veilig-thuis-handover-${handoverId}`;
}

/**
 * Veilig Thuis's own case id (their reference): an administrative id, not personal data. The
 * same characters as a case number, so it may appear in letters and ids.
 */
export const isValidVeiligThuisReference = isValidCaseNumber;

/** The kinds of free text a handover holds (table veilig_thuis_handover_text). */
export const HANDOVER_TEXT_KINDS = [
  'safety-conditions',
  'monitoring-agreements',
  'meeting-agreements',
  'refusal-explanation',
] as const;
export type HandoverTextKind = (typeof HANDOVER_TEXT_KINDS)[number];
