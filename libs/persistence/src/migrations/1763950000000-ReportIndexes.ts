import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for the management reports (libs/persistence/src/reports), chosen from their
 * query plans over 100,000 trajectories (bench/reports.ts; figures in docs/reports.md). Each
 * lets a report read narrow index tuples (index-only) instead of the wide read-model rows, whose
 * columns after the provider arrays are slow to reach. Only indexes that clearly cut a report's
 * work (measured with and without) are here: every index costs each projection a write.
 */
export class ReportIndexes1763950000000 implements MigrationInterface {
  name = 'ReportIndexes1763950000000';

  async up(q: QueryRunner): Promise<void> {
    // Caseload: open at the end of the period or closed in it, per coordinator.
    await q.query(`
      CREATE INDEX trajectory_caseload_idx ON trajectory (closed_at)
        INCLUDE (started_at, coordinator_id, municipality_code)`);
    // Waiting times: first beschikkingen in the period.
    await q.query(`
      CREATE INDEX trajectory_first_beschikking_cover_idx ON trajectory (first_beschikking_at)
        INCLUDE (municipality_code, started_at) WHERE first_beschikking_at IS NOT NULL`);
    // Doelrealisatie, monitoring effort and the end questionnaire: end evaluations in the period.
    await q.query(`
      CREATE INDEX trajectory_end_recorded_cover_idx ON trajectory (end_recorded_at)
        INCLUDE (municipality_code, case_number, goals_total, goals_reached, reviews_count, coordinated)
        WHERE end_recorded_at IS NOT NULL`);
    // The municipality of a case, for the reports over the details (care, toewijzingen, reviews,
    // answers): index-only, for all municipalities and for a team lead's few.
    await q.query(
      `CREATE INDEX trajectory_municipality_case_idx ON trajectory (municipality_code, case_number)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'trajectory_municipality_case_idx',
      'trajectory_end_recorded_cover_idx',
      'trajectory_first_beschikking_cover_idx',
      'trajectory_caseload_idx',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
  }
}
