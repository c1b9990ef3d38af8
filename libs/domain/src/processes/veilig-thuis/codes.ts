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

/**
 * Why the CJG may refuse a handover. Veilig Thuis judges whether a family is safe enough for the
 * local field (002 §3.6: it steps a case down when it finds the situation safe enough), so the
 * CJG does not refuse on safety grounds: only when the case is not this CJG's (issue 17).
 */
export const HANDOVER_REFUSAL_REASONS = [
  /** The family lives outside the municipalities this CJG works for: another region's CJG. */
  'outside-region',
  /**
   * The CJG is not competent for the case: it is no matter of the Jeugdwet (no young person in
   * the family) or not of this CJG's mandate; needs an explanation of whose it is.
   */
  'not-competent',
] as const;

/**
 * Reasons a handover refused before December 2026 may carry; no longer accepted, kept so those
 * handovers still read (and their letters still render).
 */
export const FORMER_HANDOVER_REFUSAL_REASONS = [
  'not-safe-enough',
  'care-elsewhere',
  'other',
] as const;

export type HandoverRefusalReason =
  (typeof HANDOVER_REFUSAL_REASONS)[number] | (typeof FORMER_HANDOVER_REFUSAL_REASONS)[number];

/** Whether the CJG may refuse a handover for this reason now. */
export function isHandoverRefusalReason(
  value: unknown,
): value is (typeof HANDOVER_REFUSAL_REASONS)[number] {
  return (HANDOVER_REFUSAL_REASONS as readonly unknown[]).includes(value);
}

/** Why a refusal's reason is not accepted, in words the API answers with. */
export const HANDOVER_REFUSAL_REASON_RULE =
  "reason must be outside-region or not-competent: Veilig Thuis judges safety, the CJG refuses a handover only when the family lives outside its region or the case is not the CJG's to take";

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
