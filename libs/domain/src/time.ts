/**
 * Calendar dates and durations in Europe/Amsterdam, the time zone of every date in the process
 * (a beschikking ends on a date, not at an instant). Pure and deterministic: safe in workflows.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function parts(date: CalendarDate): [number, number, number] {
  const match = DATE_PATTERN.exec(date);
  if (!match || !isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(y: number, m: number, d: number): CalendarDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const AMSTERDAM = 'Europe/Amsterdam';
let formatter: Intl.DateTimeFormat | undefined;

interface WallClock {
  y: number;
  m: number;
  d: number;
  h: number;
  min: number;
  s: number;
}

/**
 * The last wall clocks read, by instant: a workflow asks for the same few instants over and over
 * while it replays (its deadlines, its anchors), and Intl formatting is the costly part of the
 * date arithmetic. Bounded; a pure function of the instant, so safe in workflows.
 */
const wallClocks = new Map<number, Readonly<WallClock>>();
const WALL_CLOCKS_KEPT = 512;

/** Wall-clock parts of an instant in Amsterdam. */
function amsterdamParts(instant: Date): Readonly<WallClock> {
  const ms = instant.getTime();
  const known = wallClocks.get(ms);
  if (known) return known;
  formatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: AMSTERDAM,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const found: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') found[part.type] = Number(part.value);
  }
  const read: WallClock = {
    y: Number(found.year),
    m: Number(found.month),
    d: Number(found.day),
    h: Number(found.hour),
    min: Number(found.minute),
    s: Number(found.second),
  };
  if (wallClocks.size >= WALL_CLOCKS_KEPT) wallClocks.clear();
  wallClocks.set(ms, Object.freeze(read));
  return read;
}

/** The Amsterdam calendar date of an instant. */
export function amsterdamDate(instant: Date): CalendarDate {
  const p = amsterdamParts(instant);
  return format(p.y, p.m, p.d);
}

/** The instant at which it is `hour`:00 on `date` in Amsterdam (CET or CEST). */
export function amsterdamInstant(date: CalendarDate, hour = 0): Date {
  const [y, m, d] = parts(date);
  const guess = Date.UTC(y, m - 1, d, hour);
  // Amsterdam is UTC+1 or UTC+2: try both offsets and keep the one that reads back right.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(guess - offsetHours * 3_600_000);
    const p = amsterdamParts(candidate);
    if (p.y === y && p.m === m && p.d === d && p.h === hour) return candidate;
  }
  return new Date(guess - 3_600_000);
}

/** Adds calendar months and days to a date; the 31st plus a month is the month's last day. */
export function addToDate(date: CalendarDate, months: number, days = 0): CalendarDate {
  const [y, m, d] = parts(date);
  const totalMonths = y * 12 + (m - 1) + months;
  const ny = Math.floor(totalMonths / 12);
  const nm = (totalMonths % 12) + 1;
  const lastDay = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  const base = Date.UTC(ny, nm - 1, Math.min(d, lastDay)) + days * 86_400_000;
  const result = new Date(base);
  return format(result.getUTCFullYear(), result.getUTCMonth() + 1, result.getUTCDate());
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A duration of the process: calendar months and days (Amsterdam wall clock) and exact seconds.
 * Written as ISO 8601, e.g. `P6M`, `P2W`, `P8W`, `P3M`, `PT30S`, `P1DT12H`.
 */
export interface Duration {
  months: number;
  days: number;
  seconds: number;
}

const DURATION_PATTERN =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

const durations = new Map<string, Readonly<Duration>>();

export function parseDuration(text: string): Duration {
  const known = durations.get(text);
  if (known) return { ...known };
  const match = DURATION_PATTERN.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) {
    throw new RangeError(`Not an ISO 8601 duration: ${JSON.stringify(text)}`);
  }
  const n = (i: number) => Number(match[i] ?? 0);
  const parsed = {
    months: n(1) * 12 + n(2),
    days: n(3) * 7 + n(4),
    seconds: n(5) * 3600 + n(6) * 60 + n(7),
  };
  // A process uses a handful of durations (its policy); bounded all the same.
  if (durations.size >= 256) durations.clear();
  durations.set(text, Object.freeze({ ...parsed }));
  return parsed;
}

export function isDuration(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  try {
    parseDuration(text);
    return true;
  } catch {
    return false;
  }
}

/** `instant` plus a duration: months and days on Amsterdam's calendar, then exact seconds. */
export function addDuration(instant: Date, duration: string | Duration): Date {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  let result = instant;
  if (d.months !== 0 || d.days !== 0) {
    const p = amsterdamParts(instant);
    const date = addToDate(format(p.y, p.m, p.d), d.months, d.days);
    // Same wall-clock hour on the new date (a day across a DST switch is 23 or 25 hours).
    const sameHour = amsterdamInstant(date, p.h);
    result = new Date(
      sameHour.getTime() + (p.min * 60 + p.s) * 1000 + instant.getUTCMilliseconds(),
    );
  }
  return new Date(result.getTime() + d.seconds * 1000);
}

/** `instant` minus a duration (a reminder lead time before a due moment). */
export function subtractDuration(instant: Date, duration: string | Duration): Date {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  return addDuration(instant, { months: -d.months, days: -d.days, seconds: -d.seconds });
}
