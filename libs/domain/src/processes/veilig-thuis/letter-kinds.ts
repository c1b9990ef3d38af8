/** The letters this process sends; their Dutch texts are in libs/notifications. */
export const VEILIG_THUIS_LETTER_KINDS = [
  /** To the CJG's handover lead: a new handover, to accept by a date. */
  'vt-handover-received',
  /** To Veilig Thuis: the CJG has received the handover, and answers by a date. */
  'vt-receipt',
  /** To the handover lead: the last day to accept or refuse is near (reminder, issue 17). */
  'vt-acceptance-reminder',
  /** To the handover lead: the acceptance deadline passed (escalation). */
  'vt-acceptance-overdue',
  /** To Veilig Thuis: the acceptance is late. */
  'vt-acceptance-delayed',
  /** To Veilig Thuis: accepted, a coordinator is assigned. */
  'vt-accepted',
  /** To the assigned coordinator: the case, its safety conditions and monitoring agreements. */
  'vt-coordinator-assigned',
  /** To Veilig Thuis: the CJG does not take the case, with its reason. */
  'vt-refused',
  /** To the handover lead: a handover was refused, with its reason (escalation, issue 17). */
  'vt-refusal-escalated',
  /** To Veilig Thuis, the family and the coordinator: the warm handover meeting. */
  'vt-meeting-planned',
  /** To the coordinator: the meeting is due soon and not held yet. */
  'vt-meeting-reminder',
  /** To the coordinator and the handover lead: the meeting deadline passed. */
  'vt-meeting-overdue',
  /** To Veilig Thuis, the family and the coordinator: the agreements, in writing (002 §5.6). */
  'vt-agreements',
  /** To Veilig Thuis and the family: the outcome (feedback): a trajectory or basic support. */
  'vt-feedback',
  /** To the coordinator: the outcome (feedback to Veilig Thuis) is due soon (reminder, issue 17). */
  'vt-feedback-reminder',
  /** To the coordinator and the handover lead: the outcome is late. */
  'vt-feedback-overdue',
  /** To the handover lead, the coordinator and the family: Veilig Thuis withdrew the handover. */
  'vt-withdrawn',
] as const;
export type VeiligThuisLetterKind = (typeof VEILIG_THUIS_LETTER_KINDS)[number];
