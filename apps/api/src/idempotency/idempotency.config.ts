import { parseDuration } from '@cjg/domain';

/** How long the answer to a request with an Idempotency-Key is kept for its retries. */
export interface IdempotencyConfig {
  /** IDEMPOTENCY_TTL in seconds: after it a key is forgotten (and may be used again). */
  ttlSeconds: number;
}

export const DEFAULT_IDEMPOTENCY_TTL = 'PT24H';

/**
 * IDEMPOTENCY_TTL, an ISO 8601 duration of weeks, days, hours, minutes and seconds (default
 * PT24H): months and years have no fixed length. Retries come within minutes; a day covers a
 * client that retries after an outage, and keeps no more than that.
 */
export function idempotencyConfigFromEnv(env: NodeJS.ProcessEnv): IdempotencyConfig {
  const raw = env.IDEMPOTENCY_TTL?.trim() || DEFAULT_IDEMPOTENCY_TTL;
  let ttlSeconds = 0;
  try {
    const duration = parseDuration(raw);
    if (duration.months === 0) ttlSeconds = duration.days * 86_400 + duration.seconds;
  } catch {
    // reported below
  }
  if (ttlSeconds < 1) {
    throw new Error(
      `IDEMPOTENCY_TTL must be a positive ISO 8601 duration in weeks, days, hours, minutes or seconds (e.g. PT24H), got ${JSON.stringify(env.IDEMPOTENCY_TTL)}`,
    );
  }
  return { ttlSeconds };
}
