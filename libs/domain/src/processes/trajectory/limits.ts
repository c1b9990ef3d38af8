/**
 * The limits and code lists of the trajectory's commands, in one place: the domain's own checks
 * (`commandProblems`, commands.ts) and the API's body validation (apps/api, command-rules.ts and
 * the command DTOs) both read them here, so the two cannot drift apart.
 */
import type { ResultOutcome, ReviewDecision } from './state';

/** Plan deel 1 has 1 to this many results; judgements list at most as many. */
export const MAX_RESULTS = 20;
/** A result's id: short, lower case, stable (judgements refer to it). */
export const RESULT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
/** A product code (iJw): five characters 0-9/A-Z. */
export const PRODUCT_CODE_PATTERN = /^[0-9A-Z]{5}$/;
/** A beschikking's number, also of a verlenging. */
export const BESCHIKKING_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,39}$/;
/** A toewijzingnummer within a beschikking. */
export const TOEWIJZINGNUMMER_PATTERN = /^[A-Z0-9-]{1,20}$/;
/** An omvang's volume is a whole number from 1 to this. */
export const MAX_OMVANG_VOLUME = 100_000;
/** A provider's expected duration of care, in weeks: 1 to this (ten years). */
export const MAX_EXPECTED_DURATION_WEEKS = 520;
/** A PGB's budget in euro: more than 0, at most this. */
export const MAX_PGB_BUDGET_EURO = 1_000_000;
/** How a result is judged at a review or evaluation. */
export const RESULT_OUTCOMES = ['reached', 'partly', 'not'] as const satisfies ResultOutcome[];
/** What a review decides (001). */
export const REVIEW_DECISIONS = [
  'continue',
  'afschalen',
  'opschalen',
  'end',
] as const satisfies ReviewDecision[];
/** How an end evaluation ends the trajectory (001, 002 §3.5). */
export const END_DECISIONS = ['close', 'verlenging', 'vervolgtraject'] as const;
/** A beschikking in natura (ZIN) or a persoonsgebonden budget (PGB). */
export const BESCHIKKING_KINDS = ['zin', 'pgb'] as const;
/** A provider's evaluation: interim or at the end. */
export const EVALUATION_KINDS = ['interim', 'end'] as const;
/** The client questionnaires' moments (004). */
export const QUESTIONNAIRE_MOMENTS = ['midway', 'end'] as const;
