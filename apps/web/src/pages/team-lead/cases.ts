import type { Phase } from '../../texts/labels';

/** A case that has ended (closed or withdrawn): nothing to move, and its data may be destroyed. */
export const isEnded = (phase: Phase) => phase === 'closed' || phase === 'withdrawn';
