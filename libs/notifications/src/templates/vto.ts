import type { LetterFacts, VTO_LETTER_KINDS } from '@cjg/domain';
import type { Templates } from './common';

type Kind = (typeof VTO_LETTER_KINDS)[number];

/** The letters of the verzoek tot onderzoek (VTO), in Dutch. */
export const VTO_TEMPLATES: Templates<Kind> = {};

/** One realistic set of facts per letter kind of this process (tests and documentation). */
export const VTO_EXAMPLES: Record<Kind, LetterFacts> = {};
