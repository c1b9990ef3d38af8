import { addDuration, parseDuration } from './time';

/**
 * The review after `after` on the schedule anchored at the beschikking start: start + n × interval
 * for the smallest n ≥ 1 that lies after `after`. Anchoring keeps reviews half-yearly from the
 * start even when one is late; a review done early moves nothing.
 */
export function nextReviewDue(anchor: Date, interval: string, after: Date): Date {
  const due = (n: number) =>
    n === 1 ? addDuration(anchor, interval) : addDuration(anchor, multiply(interval, n));
  // due(n) never falls as n grows, so the smallest n whose due lies after `after` is found by
  // stepping down and up from an estimate (a month of 30.44 days on average) instead of up from 1:
  // a schedule years old costs a few date sums, not one per interval since the start.
  const { months, days, seconds } = parseDuration(normalise(interval));
  const average = (months * 30.436875 + days) * 86_400_000 + seconds * 1000;
  const estimate = average > 0 ? Math.floor((after.getTime() - anchor.getTime()) / average) + 1 : 1;
  let n = Math.min(Math.max(1, estimate), 100_001);
  while (n > 1 && due(n - 1).getTime() > after.getTime()) n -= 1;
  while (due(n).getTime() <= after.getTime()) {
    n += 1;
    if (n > 100_000) throw new RangeError('review interval too short for the schedule');
  }
  if (n > 100_000) throw new RangeError('review interval too short for the schedule');
  return due(n);
}

/** `interval` × n, keeping months as months (P6M × 3 = P18M, not 540 days). */
function multiply(interval: string, n: number): string {
  const match = /^P(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)S)?)?$/.exec(normalise(interval));
  if (!match) throw new RangeError(`cannot multiply ${interval}`);
  const [months, days, seconds] = [
    Number(match[1] ?? 0),
    Number(match[2] ?? 0),
    Number(match[3] ?? 0),
  ];
  return `P${months * n}M${days * n}DT${seconds * n}S`;
}

/** The duration in months, days and seconds only (P1Y2W → P12M14DT0S). */
function normalise(interval: string): string {
  const probe =
    /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(
      interval,
    );
  if (!probe) throw new RangeError(`Not an ISO 8601 duration: ${interval}`);
  const n = (i: number) => Number(probe[i] ?? 0);
  return `P${n(1) * 12 + n(2)}M${n(3) * 7 + n(4)}DT${n(5) * 3600 + n(6) * 60 + n(7)}S`;
}

/** Whether a per-case interval stays within the maximum when counted from `anchor`. */
export function intervalWithin(anchor: Date, interval: string, max: string): boolean {
  const a = addDuration(anchor, interval).getTime();
  return a > anchor.getTime() && a <= addDuration(anchor, max).getTime();
}
