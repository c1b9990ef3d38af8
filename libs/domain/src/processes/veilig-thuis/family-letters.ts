/**
 * What the family reads of a handover's letters. Veilig Thuis's safety conditions
 * (veiligheidsvoorwaarden) and the monitoring agreements are not sent to the family in full
 * (issue 17): a letter to a parent reaches every registered parent and carer, and the conditions
 * may say what one of them, a child or a school told Veilig Thuis. The family hears them at the
 * warm handover; its letter says that safety agreements exist and whom to ask (the coordinator),
 * and it keeps the agreements made with it at the meeting.
 *
 * Applied by the letters activity at send time, per recipient, so it holds for every handover,
 * also those started before it: the workflow's letters (and so the histories) are unchanged.
 */
import type { LetterFacts, Recipient } from '../../letters';

/** The facts naming texts that a letter to the family leaves out. */
export const HANDOVER_TEXTS_NOT_FOR_FAMILY = [
  'safetyConditionsTextId',
  'monitoringAgreementsTextId',
] as const;

/**
 * The facts of a handover letter as `recipient` may read them: for the family (a client) without
 * the safety conditions and monitoring agreements, and with `safetyAgreementsWithheld` so the
 * letter names that they exist; for everyone else as they are.
 */
export function handoverLetterFactsFor(recipient: Recipient, facts: LetterFacts): LetterFacts {
  if (recipient.role !== 'client') return facts;
  const withheld = HANDOVER_TEXTS_NOT_FOR_FAMILY.filter((key) => Object.hasOwn(facts, key));
  if (withheld.length === 0) return facts;
  const forFamily: LetterFacts = { ...facts };
  for (const key of withheld) {
    delete forFamily[key];
    // A text already put in (never so from the workflow) goes too.
    delete forFamily[key.slice(0, -'TextId'.length)];
  }
  return { ...forFamily, safetyAgreementsWithheld: true };
}
