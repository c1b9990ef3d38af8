/** The letters this process sends; their Dutch texts are in libs/notifications. */
export const VTO_LETTER_KINDS = [
  /** To the parents (the client's address): the written request, before anything else happens. */
  'vto-parents-informed',
  /** To the coordinator: recording that the parents were informed is due soon (reminder, issue 17). */
  'vto-parents-due',
  /** To the coordinator: that the parents were informed is not recorded in time. */
  'vto-parents-reminder',
  /** To the beschermingsplein: the week's agenda (VTO case numbers only). */
  'vto-agenda',
  /** To the parents and the coordinator: the request is discussed at this meeting. */
  'vto-on-agenda',
  /** To the coordinator: the beschermingsplein's decision is to be recorded soon (reminder, issue 17). */
  'vto-decision-due',
  /** To the coordinator: no decision recorded in time after the meeting. */
  'vto-decision-reminder',
  /** To the Raad: the request is sent. */
  'vto-sent-to-raad',
  /** To the parents: the beschermingsplein's decision (sent to the Raad, or not and why). */
  'vto-decision',
  /** To the Raad: its answer (an investigation or not) is expected soon (reminder, issue 17). */
  'vto-raad-reminder',
  /** To the coordinator: the Raad's answer is not recorded in time. */
  'vto-raad-outcome-reminder',
  /** To the parents (and the beschermingsplein when it was on its agenda): withdrawn. */
  'vto-withdrawn',
] as const;
export type VtoLetterKind = (typeof VTO_LETTER_KINDS)[number];
