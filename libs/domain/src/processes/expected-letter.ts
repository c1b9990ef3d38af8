/**
 * For the unit tests of the processes: a letter as a process answers it, spelled out as the
 * effect it is (`type`, `kind`, `to`, `facts`), so that a test states every part it expects.
 */
import type { DeliveryFailureReason, LetterKind, Recipient } from '../letters';

export const expectedLetter = (kind: LetterKind, to: readonly Recipient[], facts: object) => ({
  type: 'letter' as const,
  kind,
  to,
  facts,
});

/**
 * The notice every process sends its CJG side (`to`) when a letter of case `caseNumber` did not
 * reach a recipient: which letter, the recipient's role (and AGB code, for a provider), and why.
 */
export const expectedNotice = (
  to: Recipient,
  caseNumber: string,
  letter: LetterKind,
  recipientRole: Recipient['role'],
  reason: DeliveryFailureReason,
  agbCode?: string,
) =>
  expectedLetter('delivery-failed', [to], {
    caseNumber,
    letter,
    recipientRole,
    ...(agbCode ? { agbCode } : {}),
    reason,
  });
