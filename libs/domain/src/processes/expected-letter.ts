/**
 * For the unit tests of the processes: a letter as a process answers it, spelled out as the
 * effect it is (`type`, `kind`, `to`, `facts`), so that a test states every part it expects.
 */
import type { LetterKind, Recipient } from '../letters';

export const expectedLetter = (kind: LetterKind, to: readonly Recipient[], facts: object) => ({
  type: 'letter' as const,
  kind,
  to,
  facts,
});
