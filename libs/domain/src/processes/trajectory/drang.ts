/**
 * Drang (002 §3.6, §5.6): a case in the voluntary frame with (great) concerns about the child's
 * development or safety, where the parents do not yet see or turn the concerns: the help is
 * voluntary but not without obligation. The CJG registers such cases apart (since 2019) so that
 * management can count them; they come mainly from the basisvoorzieningen and the providers.
 */
import { problem, type Problem } from '../../problems';
import { textRefProblems, type FreeText, type TextRef } from '../../text-ref';
import { amsterdamDate, compareDates, isCalendarDate, type CalendarDate } from '../../time';

/** Where the concerns came from (002 §3.6), in words for reports. */
export const DRANG_SOURCES = {
  basisvoorziening: 'een basisvoorziening (school, huisarts, kinderopvang, GGD)',
  zorgaanbieder: 'een zorgaanbieder',
  'veilig-thuis': 'Veilig Thuis',
  cjg: 'het CJG zelf',
} as const;
export type DrangSource = keyof typeof DRANG_SOURCES;

export const isDrangSource = (value: unknown): value is DrangSource =>
  typeof value === 'string' && Object.hasOwn(DRANG_SOURCES, value);

/** The case is registered as drang: since when, from where, and the concerns in words. */
export interface Drang<Text extends FreeText = FreeText> {
  since: CalendarDate;
  source: DrangSource;
  reason: Text;
  markedAt: string;
}

/** Every reason a `markDrang` command cannot be taken at `now`; empty when it can. */
export function drangProblems(
  command: { since: unknown; source: unknown; reason: TextRef },
  now: Date,
): Problem[] {
  const p: Problem[] = [];
  if (!isCalendarDate(command.since))
    p.push(problem('invalid-date', 'since must be a calendar date YYYY-MM-DD'));
  else if (compareDates(command.since, amsterdamDate(now)) > 0)
    p.push(problem('date-too-late', `since must not be after today (${amsterdamDate(now)})`));
  if (!isDrangSource(command.source))
    p.push(
      problem('not-in-list', `source must be one of ${Object.keys(DRANG_SOURCES).join(', ')}`),
    );
  p.push(...textRefProblems(command.reason, 'reason (the concerns)'));
  return p;
}
