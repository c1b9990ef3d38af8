/**
 * The letters of every process: who receives them, the facts they carry, and what happens when
 * one cannot be delivered. Each process lists its own kinds in
 * `processes/<name>/letter-kinds.ts` (modules that import nothing, so this one can gather them
 * without an import circle); their Dutch texts are in libs/notifications.
 *
 * A letter carries ids, codes and dates only: the letters activity reads the people behind the
 * ids, and the texts behind `…TextId` facts, at send time.
 */
import { SCHAKELOVERLEG_LETTER_KINDS } from './processes/schakeloverleg/letter-kinds';
import { TRAJECTORY_LETTER_KINDS } from './processes/trajectory/letter-kinds';
import { VEILIG_THUIS_LETTER_KINDS } from './processes/veilig-thuis/letter-kinds';
import { VTO_LETTER_KINDS } from './processes/vto/letter-kinds';

export type Recipient =
  | { role: 'coordinator'; id: string }
  | { role: 'client'; id: string }
  | { role: 'provider'; agbCode: string }
  /** A partner organisation: Veilig Thuis, a GI, the Raad, the beschermingsplein. */
  | { role: 'organisation'; id: string };

/** Every letter kind of every process; each process lists its own in processes/<name>. */
export const LETTER_KINDS = [
  ...TRAJECTORY_LETTER_KINDS,
  ...VEILIG_THUIS_LETTER_KINDS,
  ...SCHAKELOVERLEG_LETTER_KINDS,
  ...VTO_LETTER_KINDS,
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Facts a letter may mention: codes, dates, numbers and choices, never personal data. */
export type LetterFacts = Record<string, string | number | boolean>;

/** A letter to send: the effect every process has. */
export interface Letter {
  type: 'letter';
  kind: LetterKind;
  to: Recipient[];
  facts: LetterFacts;
}

/** A letter of `kind` to `to`, mentioning `facts`. */
export function letter(kind: LetterKind, to: Recipient[], facts: LetterFacts): Letter {
  return { type: 'letter', kind, to, facts };
}

/** Why a letter did not reach a recipient; none of these gets better by trying again. */
export type DeliveryFailureReason = 'refused' | 'no-address' | 'unknown-recipient';

export interface DeliveryFailure {
  recipient: Recipient;
  reason: DeliveryFailureReason;
}

export interface DeliveryProblem {
  letter: LetterKind;
  sequence: number;
  /** `client:<id>`, `provider:<agb>`, `coordinator:<id>`: a reference, never an address. */
  recipient: string;
  reason: DeliveryFailureReason;
  at: string;
}

export function recipientRef(recipient: Recipient): string {
  return recipient.role === 'provider'
    ? `provider:${recipient.agbCode}`
    : `${recipient.role}:${recipient.id}`;
}

/** Who is told, by a `delivery-failed` letter, that a letter of the case did not arrive. */
export interface DeliveryNotice {
  /** The number the case's letters are filed under. */
  caseNumber: string;
  /** The CJG side of the case: its coordinator, or who stands in; nobody when empty. */
  to: Recipient[];
  /**
   * Recipients that learn nothing from such a notice: by default the ones it goes to (a notice
   * would not reach them either).
   */
  knows?: (recipient: Recipient) => boolean;
}

/**
 * A letter that could not be delivered is recorded on the case, and the CJG side is told by a
 * letter of its own (unless it is the one the letter did not reach, or the letter is itself such
 * a notice). It is not sent again: a refused address does not become valid by retrying.
 */
export function recordUndelivered(
  state: { revision: number; deliveryProblems?: DeliveryProblem[] },
  kind: LetterKind,
  sequence: number,
  failures: readonly DeliveryFailure[],
  now: Date,
  notice: DeliveryNotice,
): Letter[] {
  if (failures.length === 0) return [];
  state.revision += 1;
  state.deliveryProblems = [
    ...(state.deliveryProblems ?? []),
    ...failures.map((failure) => ({
      letter: kind,
      sequence,
      recipient: recipientRef(failure.recipient),
      reason: failure.reason,
      at: now.toISOString(),
    })),
  ];
  if (kind === 'delivery-failed' || notice.to.length === 0) return [];
  const told = new Set(notice.to.map(recipientRef));
  const knows = notice.knows ?? ((recipient: Recipient) => told.has(recipientRef(recipient)));
  return failures
    .filter((failure) => !knows(failure.recipient))
    .map((failure) =>
      letter('delivery-failed', notice.to, {
        caseNumber: notice.caseNumber,
        letter: kind,
        recipientRole: failure.recipient.role,
        ...(failure.recipient.role === 'provider' ? { agbCode: failure.recipient.agbCode } : {}),
        reason: failure.reason,
      }),
    );
}

/** A process's `recordDeliveryFailures`: `recordUndelivered`, with the notice its state names. */
export function deliveryFailureRecorder<
  State extends { revision: number; deliveryProblems?: DeliveryProblem[] },
>(
  noticeOf: (state: State) => DeliveryNotice,
): (
  state: State,
  kind: LetterKind,
  sequence: number,
  failures: readonly DeliveryFailure[],
  now: Date,
) => Letter[] {
  return (state, kind, sequence, failures, now) =>
    recordUndelivered(state, kind, sequence, failures, now, noticeOf(state));
}

/** The notice to a case's coordinator, who is not told of letters to coordinators. */
export function coordinatorNotice(caseNumber: string, coordinator: Recipient): DeliveryNotice {
  return {
    caseNumber,
    to: [coordinator],
    knows: (recipient) => recipient.role === 'coordinator',
  };
}

/** Whether a letter fact names a provider by its AGB code: `agbCode`, `toewijzing1AgbCode`. */
export const isAgbCodeFact = (key: string): boolean => key === 'agbCode' || key.endsWith('AgbCode');

/**
 * The fact the send path puts a provider's name in as, for a fact that names it by AGB code:
 * `agbCode` → `providerName`, `toewijzing1AgbCode` → `toewijzing1ProviderName`.
 */
export const providerNameKey = (agbKey: string): string =>
  agbKey === 'agbCode' ? 'providerName' : `${agbKey.slice(0, -'AgbCode'.length)}ProviderName`;
