import type { DataSource } from 'typeorm';
import { idempotencyConfigFromEnv } from './idempotency.config';
import { IdempotencyService, PURGE_INTERVAL_MS } from './idempotency.service';

describe(IdempotencyService.name, () => {
  afterEach(() => jest.useRealTimers());

  function serviceWith(ttlSeconds: number) {
    const queries: unknown[][] = [];
    const dataSource = {
      query: jest.fn(async (text: string, values: unknown[]) => {
        queries.push([text.replace(/\s+/g, ' ').trim(), values]);
        return [[], 0];
      }),
    } as unknown as DataSource;
    return {
      service: new IdempotencyService(dataSource, { idempotency: { ttlSeconds } }),
      queries,
    };
  }

  it('deletes the records past their time at start and every 15 minutes', async () => {
    jest.useFakeTimers();
    const { service, queries } = serviceWith(86_400);
    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(queries).toEqual([
      [
        'DELETE FROM idempotency_record WHERE created_at <= now() - make_interval(secs => $1)',
        [86_400],
      ],
    ]);
    await jest.advanceTimersByTimeAsync(PURGE_INTERVAL_MS);
    expect(queries).toHaveLength(2);
    expect(jest.getTimerCount()).toBe(1);
    service.onModuleDestroy();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('never keeps the process alive for its sweep', () => {
    const { service } = serviceWith(86_400);
    service.onApplicationBootstrap();
    try {
      expect((service as unknown as { sweep: NodeJS.Timeout }).sweep.hasRef()).toBe(false);
    } finally {
      service.onModuleDestroy();
    }
  });

  it('sweeps as often as the time to live when that is shorter', async () => {
    jest.useFakeTimers();
    const { service, queries } = serviceWith(60);
    service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(3 * 60_000);
    expect(queries).toHaveLength(4);
    service.onModuleDestroy();
  });
});

describe(idempotencyConfigFromEnv.name, () => {
  it('keeps answers 24 hours unless IDEMPOTENCY_TTL says otherwise', () => {
    expect(idempotencyConfigFromEnv({})).toEqual({ ttlSeconds: 86_400 });
    expect(idempotencyConfigFromEnv({ IDEMPOTENCY_TTL: 'PT1H' })).toEqual({ ttlSeconds: 3600 });
    expect(idempotencyConfigFromEnv({ IDEMPOTENCY_TTL: 'P2D' })).toEqual({ ttlSeconds: 172_800 });
  });

  it.each(['24h', 'P1M', 'PT0S', '-PT1H'])('refuses %s', (value) => {
    expect(() => idempotencyConfigFromEnv({ IDEMPOTENCY_TTL: value })).toThrow(/IDEMPOTENCY_TTL/);
  });
});
