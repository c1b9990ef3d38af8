import { addToDate, amsterdamDate, type CalendarDate } from './time';

/**
 * Jeugdwet 7.3.8: the file of a youth-care case is kept for twenty years after it was closed,
 * then destroyed; 7.3.9: sooner on the client's request.
 */
export const RETENTION_YEARS = 20;

/** The archive action date (archiefactiedatum) of a case closed at `closedAt`. */
export function archiveActionDate(closedAt: string | Date): CalendarDate {
  return addToDate(amsterdamDate(new Date(closedAt)), RETENTION_YEARS * 12);
}
