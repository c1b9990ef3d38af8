import type { LetterFacts, SCHAKELOVERLEG_LETTER_KINDS } from '@cjg/domain';
import type { Templates } from './common';

type Kind = (typeof SCHAKELOVERLEG_LETTER_KINDS)[number];

/** The letters of the Schakeloverleg transfer, in Dutch. */
export const SCHAKELOVERLEG_TEMPLATES: Templates<Kind> = {};

/** One realistic set of facts per letter kind of this process (tests and documentation). */
export const SCHAKELOVERLEG_EXAMPLES: Record<Kind, LetterFacts> = {};
