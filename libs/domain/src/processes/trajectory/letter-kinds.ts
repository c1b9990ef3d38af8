/** The letters of a trajectory and its family. */
export const TRAJECTORY_LETTER_KINDS = [
  'intake-registered',
  'plan-deel-1',
  'divergence-alert',
  'beschikking-issued',
  'awb-warning',
  'awb-overdue',
  'coordination-decision',
  'review-reminder',
  'review-overdue',
  'three-month-check',
  'not-fitting-alert',
  'questionnaire',
  'evaluation-request',
  'evaluation-reminder',
  'reassessment-request',
  'reassessment-outcome',
  'samenloop-alert',
  'trajectory-ended',
  /** To the coordinator: a letter could not be delivered (refused address, none known). */
  'delivery-failed',
  // Rules of 2026-12 (rules.ts): no silent waits, and the intake's other two ends.
  /** To the provider the family chose: the referral, and by when its intake is due. */
  'referral',
  /** To the provider: its intake is due soon. */
  'provider-intake-reminder',
  /** To the coordinator and the provider: the intake is overdue. */
  'provider-intake-overdue',
  /** To the coordinator: the coordination decision (001) is due soon. */
  'coordination-decision-reminder',
  /** To the coordinator: the coordination decision is overdue. */
  'coordination-decision-overdue',
  /** To the coordinator: the family did not answer the 3-month check or a questionnaire. */
  'client-no-response',
  /** To the family: no specialised care is needed; the advice in writing. */
  'advice-given',
  /** To the family: the afwijzing, a decision with its motivation and how to object. */
  'request-rejected',
  /** To the family and the providers: what the review found and decided (001). */
  'review-outcome',
] as const;
