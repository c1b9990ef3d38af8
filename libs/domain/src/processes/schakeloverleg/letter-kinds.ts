/** The letters this process sends; their Dutch texts are in libs/notifications. */
export const SCHAKELOVERLEG_LETTER_KINDS = [
  /** To the CJG contact of the municipality: a GI proposes a transfer. */
  'so-proposed',
  /** To the CJG contact and the GI: not planned yet, the plan-by date approaches. */
  'so-planning-reminder',
  /** To the CJG contact, the team lead (escalation) and the GI: the plan-by date has passed. */
  'so-planning-overdue',
  /** To the coordinator, the GI and the family: the Schakeloverleg is planned (an invitation). */
  'so-planned',
  /** To the coordinator: the Schakeloverleg was held, its outcome is not recorded yet. */
  'so-outcome-reminder',
  /** To the coordinator and the team lead: the outcome is still not recorded (escalation, issue 17). */
  'so-outcome-overdue',
  /** To the GI, the providers, the family and the coordinator: agreed, the voluntary trajectory starts. */
  'so-agreed',
  /** To the GI, the providers and the family: not agreed, stays in the forced frame until the revisit. */
  'so-not-agreed',
  /** To the coordinator and the GI: the revisit date has come, plan the Schakeloverleg again. */
  'so-revisit-due',
  /** To the CJG (and, once agreed, the family and providers): the measure's end date changed. */
  'so-measure-end-changed',
  /** To the GI, the providers and the family: the voluntary trajectory has started. */
  'so-trajectory-started',
  /** To the CJG (and the family and providers once told): the GI withdrew the proposal. */
  'so-withdrawn',
  /** To the GI and the CJG (and the family once invited): the measure ended without an agreement. */
  'so-lapsed',
] as const;
export type SchakeloverlegLetterKind = (typeof SCHAKELOVERLEG_LETTER_KINDS)[number];
