import { auditConfigFromEnv } from './audit.config';

describe('auditConfigFromEnv', () => {
  it('audits reads unless the benchmark switch is set, and never in production', () => {
    expect(auditConfigFromEnv({})).toEqual({ auditReads: true });
    expect(auditConfigFromEnv({ BENCH_UNAUDITED_READS: 'false' })).toEqual({ auditReads: true });
    expect(auditConfigFromEnv({ BENCH_UNAUDITED_READS: 'true' })).toEqual({ auditReads: false });
    expect(() =>
      auditConfigFromEnv({ BENCH_UNAUDITED_READS: 'true', NODE_ENV: 'production' }),
    ).toThrow(/benchmark only/);
    expect(() => auditConfigFromEnv({ BENCH_UNAUDITED_READS: 'yes' })).toThrow(/true or false/);
  });
});
