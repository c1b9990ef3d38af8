/** How the API writes its audit trail. */
export interface AuditConfig {
  /**
   * Reads of case and personal data are audited (NEN 7513). Always true but for the read-audit
   * benchmark, which measures what auditing costs against an API that skips it
   * (`BENCH_UNAUDITED_READS=true`, refused with NODE_ENV=production).
   */
  auditReads: boolean;
}

export function auditConfigFromEnv(env: NodeJS.ProcessEnv): AuditConfig {
  const raw = env.BENCH_UNAUDITED_READS?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'false') return { auditReads: true };
  if (raw !== 'true') {
    throw new Error(
      `BENCH_UNAUDITED_READS must be true or false, got ${JSON.stringify(env.BENCH_UNAUDITED_READS)}`,
    );
  }
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'BENCH_UNAUDITED_READS is for the read-audit benchmark only: with NODE_ENV=production every read is audited (NEN 7513)',
    );
  }
  return { auditReads: false };
}
