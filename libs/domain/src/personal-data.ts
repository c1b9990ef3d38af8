/**
 * Personal data in what a process writes about itself (logs, failures): which fields hold it,
 * and how to keep it out. Workflow histories carry ids and codes only; names, BSN, addresses
 * and free texts live in PostgreSQL. This is the safety net for an object that slips into a log
 * line anyway, at whatever depth it sits.
 */

/**
 * Field names (compared without case, `-` and `_`) whose values are personal data, free text
 * that may name people, or credentials.
 */
export const PERSONAL_DATA_FIELDS: readonly string[] = [
  // Who someone is and where to reach them.
  'name',
  'firstName',
  'lastName',
  'givenName',
  'familyName',
  'fullName',
  'surname',
  'initials',
  'bsn',
  'email',
  'emailAddress',
  'address',
  'street',
  'postcode',
  'postalCode',
  'phone',
  'phoneNumber',
  'telephone',
  'mobile',
  'dateOfBirth',
  'birthDate',
  // Free texts of the process (plans, VTO explanations, Veilig Thuis agreements, letters).
  'text',
  'html',
  'description',
  'explanation',
  'note',
  'notes',
  'comment',
  'comments',
  'safetyConditions',
  'monitoringAgreements',
  // Credentials.
  'authorization',
  'cookie',
  'setCookie',
];

/** Credentials by the ending of their name: `token`, `accessToken`, `clientSecret`, `password`. */
const CREDENTIAL = /(token|secret|password|passwd|apikey)$/;

const normalise = (field: string) => field.toLowerCase().replace(/[-_\s]/g, '');
const PERSONAL = new Set(PERSONAL_DATA_FIELDS.map(normalise));

/** Whether a field of this name is kept out of logs. */
export function isPersonalDataField(field: string): boolean {
  const key = normalise(field);
  return PERSONAL.has(key) || CREDENTIAL.test(key);
}

export const REDACTED = '[redacted]';

const EMAIL_ADDRESS = /[^\s<>@"',;:()[\]]+@[^\s<>@"',;:()[\]]+\.[^\s<>@"',;:()[\]]+/g;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/-]+=*/g;

/** A text with every e-mail address and bearer token in it blanked. */
export function withoutPersonalText(text: string): string {
  return text.replace(EMAIL_ADDRESS, '[email]').replace(BEARER, 'Bearer [redacted]');
}

/**
 * A safe summary of an error: type, message, code and stack, the texts without e-mail
 * addresses; never its other properties (pg and TypeORM errors carry query parameters, mail
 * errors the rejected addresses).
 */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) {
    return { type: typeof error, message: withoutPersonalText(String(error)) };
  }
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor?.name ?? error.name,
    message: withoutPersonalText(error.message),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(error.stack ? { stack: withoutPersonalText(error.stack) } : {}),
  };
}

const MAX_DEPTH = 12;

/**
 * A copy of a value to log, with personal data out at any depth: the value of every
 * {@link isPersonalDataField} field is `[redacted]`, e-mail addresses and bearer tokens in any
 * text are blanked, errors become their {@link errorSummary}, in objects and arrays however deep
 * (cycles and more than 12 levels are cut). What JSON would not show (functions, symbols) is
 * left out as JSON would.
 */
export function redactPersonalData(value: unknown): unknown {
  return redact(value, 0, new WeakSet());
}

function redact(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return withoutPersonalText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) return errorSummary(value);
  if (value instanceof Date) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    const json = (value as { toJSON?: unknown }).toJSON;
    if (typeof json === 'function') {
      return redact((json as () => unknown).call(value), depth + 1, seen);
    }
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
    const copy: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(value)) {
      copy[field] =
        isPersonalDataField(field) && inner !== undefined && inner !== null
          ? REDACTED
          : redact(inner, depth + 1, seen);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}
