import { addToDate, isCalendarDate, type CalendarDate } from './time';

/**
 * Working days in the Netherlands: Monday to Friday, except the public holidays of the
 * Algemene termijnenwet (art. 3): Nieuwjaarsdag, Tweede Paasdag, Hemelvaartsdag, Tweede
 * Pinksterdag, Koningsdag, 5 mei (Bevrijdingsdag) and both Kerstdagen. Eerste Paasdag and
 * Eerste Pinksterdag are Sundays anyway; Goede Vrijdag is not a public holiday under that law.
 * Pure and deterministic: safe in workflows.
 */

/** Easter Sunday of a year (Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const weekday = (date: CalendarDate) => new Date(`${date}T12:00:00Z`).getUTCDay();

/** The public holidays of a year, with their Dutch names. */
export function publicHolidays(year: number): Array<{ date: CalendarDate; name: string }> {
  const easter = easterSunday(year);
  // Koningsdag: 27 April, or the 26th when the 27th is a Sunday (since 2014).
  const kingsDay = weekday(`${year}-04-27`) === 0 ? `${year}-04-26` : `${year}-04-27`;
  return [
    { date: `${year}-01-01`, name: 'Nieuwjaarsdag' },
    { date: addToDate(easter, 0, 1), name: 'Tweede Paasdag' },
    { date: kingsDay, name: 'Koningsdag' },
    { date: `${year}-05-05`, name: 'Bevrijdingsdag' },
    { date: addToDate(easter, 0, 39), name: 'Hemelvaartsdag' },
    { date: addToDate(easter, 0, 50), name: 'Tweede Pinksterdag' },
    { date: `${year}-12-25`, name: 'Eerste Kerstdag' },
    { date: `${year}-12-26`, name: 'Tweede Kerstdag' },
  ];
}

const holidayCache = new Map<number, Set<CalendarDate>>();

export function isWorkingDay(date: CalendarDate): boolean {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  const year = Number(date.slice(0, 4));
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = new Set(publicHolidays(year).map((h) => h.date));
    holidayCache.set(year, holidays);
  }
  return !holidays.has(date);
}

/**
 * The date `days` working days after `date` (the start day itself does not count): a deadline
 * of "5 working days" from a Friday handover falls on the next Friday, or later around holidays.
 */
export function addWorkingDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  return stepWorkingDays(date, days, 1);
}

/** The date `days` working days before `date` (the mirror of addWorkingDays). */
export function workingDaysBefore(date: CalendarDate, days: number): CalendarDate {
  return stepWorkingDays(date, days, -1);
}

function stepWorkingDays(date: CalendarDate, days: number, step: 1 | -1): CalendarDate {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addToDate(current, 0, step);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/** Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
  let count = 0;
  for (let d = addToDate(from, 0, 1); d <= to; d = addToDate(d, 0, 1)) {
    if (isWorkingDay(d)) count += 1;
  }
  return count;
}
