/**
 * How an intake may end without a beschikking (002 §3.5, Jeugdwet 2.3, Awb 1:3): with advice,
 * when no specialised care is needed (an outcome of the intake, not a decision), or with an
 * afwijzing, the college's decision to refuse the request (with its motivation and how to object).
 * Codes travel through the workflow; the Dutch words are for letters and reports.
 */

/** Where the family is pointed when no specialised youth care is needed. */
export const ADVICE_CODES = {
  basisondersteuning: 'ondersteuning door het CJG zelf (basisondersteuning)',
  'voorliggend-veld': 'een algemene voorziening in de buurt (het voorliggend veld)',
  'eigen-netwerk': 'hulp uit de eigen omgeving van het gezin',
  'andere-voorziening':
    'hulp via een andere wet of voorziening, zoals de huisarts of de zorgverzekering',
  'geen-hulp-nodig': 'op dit moment is geen hulp nodig',
} as const;
export type AdviceCode = keyof typeof ADVICE_CODES;

/** Why the college refuses a request for an individuele voorziening (Jeugdwet 2.3). */
export const REJECTION_GROUNDS = {
  'eigen-kracht':
    'het gezin kan de problemen met eigen mogelijkheden en het eigen netwerk oplossen',
  'voorliggende-voorziening': 'een algemene of andere voorziening is passend en eerst aan de beurt',
  'geen-jeugdhulp': 'de hulpvraag is geen vraag om jeugdhulp',
  'andere-gemeente': 'een andere gemeente is verantwoordelijk (woonplaatsbeginsel)',
  'andere-wet':
    'de hulp valt onder een andere wet, zoals de Wet langdurige zorg of de Zorgverzekeringswet',
} as const;
export type RejectionGround = keyof typeof REJECTION_GROUNDS;

export const isAdviceCode = (value: unknown): value is AdviceCode =>
  typeof value === 'string' && Object.hasOwn(ADVICE_CODES, value);
export const isRejectionGround = (value: unknown): value is RejectionGround =>
  typeof value === 'string' && Object.hasOwn(REJECTION_GROUNDS, value);

/** How the intake ended, when not in a beschikking. */
export type IntakeOutcome =
  | { kind: 'advice'; advice: AdviceCode; at: string }
  | { kind: 'rejected'; ground: RejectionGround; at: string };
