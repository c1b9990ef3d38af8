import { addDuration } from './time';

/**
 * The review after `after` on the schedule anchored at the beschikking start: start + n × interval
 * for the smallest n ≥ 1 that lies after `after`. Anchoring keeps reviews half-yearly from the
 * start even when one is late; a review done early moves nothing.
 */
export function nextReviewDue(anchor: Date, interval: string, after: Date): Date {
  let due = addDuration(anchor, interval);
  for (let n = 2; due.getTime() <= after.getTime(); n += 1) {
    if (n > 100_000) throw new RangeError('review interval too short for the schedule');
    due = addDuration(anchor, multiply(interval, n));
  }
  return due;
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
