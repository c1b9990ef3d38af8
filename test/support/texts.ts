import { randomUUID } from 'node:crypto';
import type { TextRef } from '@cjg/domain';

/**
 * A reference to a free text as the API stores it in PostgreSQL (a workflow takes no text): for
 * tests that give commands to a workflow directly. `items` lines, a fresh id each time.
 */
export const storedText = (items = 1): TextRef => ({ textId: randomUUID(), items });
