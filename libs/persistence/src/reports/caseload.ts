import { ReportQuery, type ReportDb, type ReportFilter } from './report-filter';

export interface CaseloadCoordinatorRow {
  coordinatorId: string;
  /** `null` when the coordinator is in no team (or not registered). */
  teamId: string | null;
  teamName: string | null;
  /** Open at the end of `to`: started before and not closed by then. */
  open: number;
  /** Open at any moment of the period: the trajectories worked on. */
  active: number;
  /** Requests registered in the period. */
  started: number;
  /** Closed (ended or withdrawn) in the period. */
  closed: number;
}

export interface CaseloadTeamRow {
  teamId: string | null;
  teamName: string | null;
  /** Coordinators of the team with at least one trajectory counted here. */
  coordinators: number;
  open: number;
  active: number;
  started: number;
  closed: number;
  /** `open / coordinators`, one decimal; `null` without coordinators. */
  openPerCoordinator: number | null;
}

export interface CaseloadReport {
  /** The day at whose end `open` is counted: the period's `to`. */
  asOf: string;
  coordinators: CaseloadCoordinatorRow[];
  teams: CaseloadTeamRow[];
}

/**
 * Caseload per coordinator (with team) and per team. `open`: trajectories open at the end of
 * the period's last day (`started_at` before the end of `to`, `closed_at` null or after it), so
 * a past period gives the caseload of that day and a period up to today the caseload now.
 * `active`: open at any moment of the period; `started` / `closed`: registered / closed in it.
 * A trajectory counts for its current coordinator (the read model keeps no history of
 * reassignments) and for its own municipality (the filter), whatever the team's municipality.
 * Coordinators with nothing to count are left out.
 */
export async function caseloadReport(db: ReportDb, filter: ReportFilter): Promise<CaseloadReport> {
  const q = new ReportQuery(filter);
  const p = q.period;
  const from = q.add(p.fromInstant);
  const until = q.add(p.untilInstant);
  const scope = () => q.scope('t');
  // Two index-only scans of trajectory_caseload_idx (open; closed since `from`) instead of one
  // scan with an OR, which reads the wide rows; counted per coordinator first, and only the
  // 40-odd counts get their team.
  const rows: CaseloadCoordinatorRow[] = await db.query(
    `WITH in_period AS (
       SELECT t.coordinator_id, t.started_at, t.closed_at
       FROM trajectory t
       WHERE t.closed_at IS NULL AND t.started_at < ${until} AND ${scope()}
       UNION ALL
       SELECT t.coordinator_id, t.started_at, t.closed_at
       FROM trajectory t
       WHERE t.closed_at >= ${from} AND t.started_at < ${until} AND ${scope()}
     ), per_coordinator AS (
       SELECT coordinator_id,
         count(*) FILTER (WHERE closed_at IS NULL OR closed_at >= ${until})::int AS open,
         count(*)::int AS active,
         count(*) FILTER (WHERE started_at >= ${from})::int AS started,
         count(*) FILTER (WHERE closed_at < ${until})::int AS closed
       FROM in_period
       GROUP BY coordinator_id
     )
     SELECT pc.coordinator_id AS "coordinatorId", c.team_id AS "teamId", tm.name AS "teamName",
       pc.open, pc.active, pc.started, pc.closed
     FROM per_coordinator pc
     LEFT JOIN coordinator c ON c.id = pc.coordinator_id
     LEFT JOIN team tm ON tm.id = c.team_id
     ORDER BY tm.name NULLS LAST, c.team_id NULLS LAST, pc.coordinator_id`,
    q.values,
  );
  const teams = new Map<string | null, CaseloadTeamRow>();
  for (const row of rows) {
    const team = teams.get(row.teamId) ?? {
      teamId: row.teamId,
      teamName: row.teamName,
      coordinators: 0,
      open: 0,
      active: 0,
      started: 0,
      closed: 0,
      openPerCoordinator: null,
    };
    team.coordinators += 1;
    team.open += row.open;
    team.active += row.active;
    team.started += row.started;
    team.closed += row.closed;
    teams.set(row.teamId, team);
  }
  for (const team of teams.values()) {
    team.openPerCoordinator = Math.round((10 * team.open) / team.coordinators) / 10;
  }
  return { asOf: p.toDate, coordinators: rows, teams: [...teams.values()] };
}
