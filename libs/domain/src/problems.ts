/**
 * Why a command, an input or a request is refused: a stable `code` for programs (the web app
 * shows one Dutch text per code) and an English `message` for people reading the API, the logs
 * and the tests. Every rule that refuses gives both at its source: `problem('code', 'message')`.
 *
 * The codes are part of the API (the error body's `details[].codes`, docs/configuration.md): add
 * one when a new kind of reason needs its own words for the user; never rename or remove one.
 * A reason that is only a new case of an existing kind (another date that lies too early, another
 * value not on its list) takes the existing code.
 */
export const PROBLEM_CODES = [
  // ── what is wrong with a value (the request's validation uses these too)
  /** Missing or blank. */
  'required',
  /** Not taken here: an unknown field, or one that only applies in another situation. */
  'not-allowed',
  /** Of the wrong kind: not a text, number, true/false, list or object. */
  'wrong-type',
  /** Not in the form asked for (an id, code, case number, AGB code, duration, e-mail…). */
  'invalid-format',
  /** Not a calendar date that exists (YYYY-MM-DD). */
  'invalid-date',
  /** A date before the earliest the rule allows (before today, before another date). */
  'date-too-early',
  /** A date after the latest the rule allows (after today, too close to a deadline). */
  'date-too-late',
  /** A text or list that is too short. */
  'too-short',
  /** A text or list that is too long. */
  'too-long',
  /** A number (or count) outside its bounds. */
  'out-of-range',
  /** Not one of the values or codes of its list. */
  'not-in-list',
  /** Given twice where it must be unique. */
  'duplicate',
  /** A value the validation refused by a rule that has no code of its own (should not occur). */
  'invalid',

  // ── why the case refuses it now (the state, 409; or the data against the case, 422)
  /** The case is not in a phase or status in which this can be done. */
  'not-possible-now',
  /** Something else is being done for the case right now (a trajectory is being started). */
  'in-progress',
  /** This was done or recorded already. */
  'already-recorded',
  /** Such a request is already waiting for an answer. */
  'already-pending',
  /** What it would create exists already (a case number, a trajectory). */
  'already-exists',
  /** It would change nothing: it is already so. */
  'unchanged',
  /** Nothing waits for this answer or decision (no divergence, check or questionnaire open). */
  'nothing-pending',
  /** A provider's divergence from plan deel 1 still needs a decision first. */
  'divergence-pending',
  /** Plan deel 1 is not yet signed off by a registered professional (002 §3.4). */
  'plan-not-signed-off',
  /** The beschikking is issued: a verdaging (Awb 4:14) is no longer possible. */
  'beschikking-already-issued',
  /** The CJG does not coordinate this trajectory. */
  'not-coordinated',
  /** The withdrawal is recorded already; the end evaluation follows. */
  'already-withdrawn',
  /** The end evaluation is recorded; the trajectory is closing. */
  'case-closing',
  /** The family withdrew: the end evaluation can only close the trajectory. */
  'withdrawn-close-only',
  /** A result id that plan deel 1 does not have. */
  'unknown-result',
  /** Not every result of plan deel 1 is judged. */
  'results-incomplete',
  /** A toewijzing for a provider that has not recorded its intake. */
  'no-provider-intake',
  /** A toewijzing grants more or other care than plan deel 1 (and any accepted divergence). */
  'exceeds-plan',
  /** The provider is not assigned to this trajectory (no toewijzing). */
  'provider-not-assigned',
  /** A date outside the period of the beschikking. */
  'outside-beschikking-period',
  /** A case number that names this case itself where another case is meant. */
  'same-case',
  /** The meeting (Schakeloverleg, beschermingsplein) has not taken place yet. */
  'meeting-not-yet-held',
  /** The date must be a working day (not a weekend day or public holiday). */
  'not-a-working-day',
  /** The parents' consent is needed (the voluntary frame rests on it). */
  'consent-required',
  /** No time is left to hold the Schakeloverleg before the measure ends. */
  'no-time-for-meeting',
  /** A VTO needs the ground of a (suspected) serious threat to the child's development. */
  'required-ground-missing',
  /** A setting of the policy (the CJG's configuration) cannot be used. */
  'invalid-setting',
  /** A person, organisation, team or case the request names is not registered. */
  'not-registered',
  /** A person or family that does not belong to the case named. */
  'does-not-match',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One reason a command, input or request is refused. */
export interface Problem {
  code: ProblemCode;
  /** English, one clause, naming the field it concerns first; never personal data. */
  message: string;
}

/** A reason with its code: `problem('date-too-early', 'date must not be in the past')`. */
export function problem(code: ProblemCode, message: string): Problem {
  return { code, message };
}

/** The messages of problems, in order (what the API's `details[].problems` and the logs show). */
export function messagesOf(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.message);
}

/** The codes of problems, in order (parallel to {@link messagesOf}). */
export function codesOf(problems: readonly Problem[]): ProblemCode[] {
  return problems.map((p) => p.code);
}

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && (PROBLEM_CODES as readonly string[]).includes(value);
}

/** The same code for each of `messages` (the policy's checks, which also serve the configuration). */
export function problemsWith(code: ProblemCode, messages: readonly string[]): Problem[] {
  return messages.map((message) => problem(code, message));
}
