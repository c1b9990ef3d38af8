import {
  isValidMunicipalityCode,
  isValidPersonId,
  resolveSchakeloverlegPolicy,
  type SchakeloverlegPolicy,
} from '@cjg/domain';

/**
 * How the CJG runs the Schakeloverleg, from `CJG_SCHAKELOVERLEG` (JSON), read once at boot:
 *
 * - `policy`: overrides of the working-day deadlines (DEFAULT_SCHAKELOVERLEG_POLICY);
 * - `contacts`: per CBS gemeentecode, the coordinator id that receives new proposals and the
 *   planning reminders until a coordinator plans the Schakeloverleg (`"*"` for every other
 *   municipality);
 * - `escalateTo`: per gemeentecode (or `"*"`), the coordinator id of the team lead who is told
 *   when planning is overdue.
 *
 * Example: `{"contacts":{"0957":"coord-anna","*":"coord-schakel"},"escalateTo":{"*":"lead-bram"}}`.
 * Without it, nobody at the CJG is written to before planning: coordinators and team leads find
 * new proposals with `GET /transfers?status=proposed`, and an overdue one is flagged (Overdue).
 */
export interface SchakeloverlegConfig {
  policy: SchakeloverlegPolicy;
  contacts: Record<string, string>;
  escalateTo: Record<string, string>;
}

export const SCHAKELOVERLEG_CONFIG = Symbol('SCHAKELOVERLEG_CONFIG');

const VARIABLE = 'CJG_SCHAKELOVERLEG';

function idMap(value: unknown, name: string): Record<string, string> {
  if (value === undefined) return {};
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${VARIABLE}.${name} must be an object of gemeentecode → coordinator id`);
  const map: Record<string, string> = {};
  for (const [code, id] of Object.entries(value as Record<string, unknown>)) {
    if (code !== '*' && !isValidMunicipalityCode(code))
      throw new Error(`${VARIABLE}.${name}: ${JSON.stringify(code)} is not a gemeentecode or "*"`);
    if (typeof id !== 'string' || !isValidPersonId(id))
      throw new Error(`${VARIABLE}.${name}.${code} must be a coordinator id`);
    map[code] = id;
  }
  return map;
}

export function schakeloverlegConfigFromEnv(env: NodeJS.ProcessEnv): SchakeloverlegConfig {
  let raw: Record<string, unknown> = {};
  if (env[VARIABLE]) {
    try {
      raw = JSON.parse(env[VARIABLE]) as Record<string, unknown>;
    } catch {
      throw new Error(`${VARIABLE} must be a JSON object (see docs/schakeloverleg.md)`);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
      throw new Error(`${VARIABLE} must be a JSON object (see docs/schakeloverleg.md)`);
  }
  const unknown = Object.keys(raw).filter((k) => !['policy', 'contacts', 'escalateTo'].includes(k));
  if (unknown.length > 0) throw new Error(`${VARIABLE}: unknown setting(s) ${unknown.join(', ')}`);
  return {
    policy: resolveSchakeloverlegPolicy((raw.policy ?? {}) as Partial<SchakeloverlegPolicy>),
    contacts: idMap(raw.contacts, 'contacts'),
    escalateTo: idMap(raw.escalateTo, 'escalateTo'),
  };
}

/** The entry for a municipality, or the `"*"` entry. */
export function forMunicipality(
  map: Record<string, string>,
  municipalityCode: string,
): string | undefined {
  return map[municipalityCode] ?? map['*'];
}
