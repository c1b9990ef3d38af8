import type { LetterFacts, VEILIG_THUIS_LETTER_KINDS } from '@cjg/domain';
import type { Templates } from './common';

type Kind = (typeof VEILIG_THUIS_LETTER_KINDS)[number];

/** The letters of the Veilig Thuis warm handover, in Dutch. */
export const VEILIG_THUIS_TEMPLATES: Templates<Kind> = {};

/** One realistic set of facts per letter kind of this process (tests and documentation). */
export const VEILIG_THUIS_EXAMPLES: Record<Kind, LetterFacts> = {};
