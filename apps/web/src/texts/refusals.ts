import type { ErrorBody } from '../api/client';

/**
 * What the app tells a person when the API refuses: one Dutch text per stable `code` of the
 * API's error body (and of each problem in `details`), kept in this one table.
 */
export const STATUS_TEXTS: Record<number, string> = {
  400: 'Niet alle velden zijn goed ingevuld.',
  401: 'U bent niet (meer) ingelogd.',
  403: 'U mag dit niet doen of zien met uw rol.',
  404: 'Dit bestaat niet, of u mag het niet zien.',
  409: 'Dit kan niet in de huidige stand van de zaak.',
  413: 'De invoer is te groot.',
  415: 'De invoer heeft een vorm die de server niet aanneemt.',
  422: 'Dit kan niet worden verwerkt.',
  429: 'Te veel verzoeken achter elkaar. Wacht even en probeer het opnieuw.',
  500: 'Er ging iets mis aan onze kant.',
  503: 'Een onderdeel van het systeem is even niet bereikbaar. Probeer het zo opnieuw.',
};

/** A refusal as the app shows it: one summary and the problems per field. */
export interface Refusal {
  summary: string;
  /** Problems of the request as a whole. */
  general: string[];
  /** Problems per field path (`plan.results[0].id`). */
  fields: Record<string, string[]>;
  requestId?: string;
}

export function describeRefusal(body: ErrorBody | undefined, status?: number): Refusal {
  if (!body) {
    return {
      summary: STATUS_TEXTS[status ?? 503] ?? STATUS_TEXTS[503]!,
      general: [],
      fields: {},
    };
  }
  const general: string[] = [];
  const fields: Record<string, string[]> = {};
  for (const detail of body.details ?? []) {
    if (detail.field === '') general.push(...detail.problems);
    else (fields[detail.field] ??= []).push(...detail.problems);
  }
  return {
    summary: STATUS_TEXTS[body.statusCode] ?? body.message,
    general: general.length > 0 || Object.keys(fields).length > 0 ? general : [body.message],
    fields,
    requestId: body.requestId,
  };
}
