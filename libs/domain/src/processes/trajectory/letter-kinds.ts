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
] as const;
