import { TRAJECTORY_PHASES } from '@cjg/domain';
import { seed, type SeedSummary } from '../../scripts/seed/seed';
import { api, apiUrl, callers, eventually, sql } from '../support/e2e';

jest.setTimeout(300_000);

interface Row {
  caseNumber: string;
  phase: string;
  familyId: string | null;
  providerAgbCodes: string[];
}

/** Every trajectory of the test's prefix, as ops see them in the read model. */
async function seededRows(prefix: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await api<{ total: number; items: Row[] }>(
      'GET',
      `/trajectories?limit=100&offset=${offset}&sort=caseNumber`,
      undefined,
      { as: callers.ops },
    );
    expect(page.status).toBe(200);
    rows.push(...page.body.items.filter((r) => r.caseNumber.startsWith(`${prefix}-`)));
    if (offset + 100 >= page.body.total) return rows;
  }
}

/**
 * `npm run seed` against the real e2e stack, with a small count and a prefix of its own so the
 * other test files' cases are left alone.
 */
describe('the demo seed', () => {
  const prefix = 'CJG-SEED';
  const options = {
    apiUrl: apiUrl(),
    keyFile: process.env.E2E_DEV_KEY,
    count: 24,
    seed: 7,
    prefix,
    // The e2e stack's rate limit is high (global-setup); no pacing needed.
    rate: 0,
    log: () => undefined,
  };
  let first: SeedSummary;

  beforeAll(async () => {
    first = await seed(options);
  });

  it('seeds every trajectory without errors, in every phase', () => {
    expect(first.errors).toEqual([]);
    expect(first.trajectories).toEqual({ created: 24, resumed: 0, existing: 0, failed: 0 });
    expect(first.commands.refused).toBe(0);
    expect(first.cases.every((c) => c.phase === c.target)).toBe(true);
    for (const phase of TRAJECTORY_PHASES) expect(first.byPhase[phase]).toBeGreaterThan(0);
    expect(Object.values(first.byPhase).reduce((a, b) => a + b, 0)).toBe(24);
  });

  it('registers the municipalities, teams, coordinators (in their team) and providers', async () => {
    expect(first.notes).toEqual([]);
    // Other test files on the shared e2e stack may have registered a municipality first.
    expect(first.registered).toEqual({
      municipalities: expect.any(Number),
      teams: 4,
      coordinators: 13,
      providers: 11,
      clients: 24,
    });
    const municipalities = await sql<{ code: string }>(
      `SELECT code FROM municipality WHERE code = ANY($1) ORDER BY code`,
      [['0946', '0957', '0988', '1640', '1641', '1669', '1711']],
    );
    expect(municipalities).toHaveLength(7);
    const coordinator = await api('GET', '/coordinators/coord-anouk-smeets', undefined, {
      as: callers.ops,
    });
    expect(coordinator.body).toMatchObject({ name: 'Anouk Smeets', teamId: 'team-roermond' });
  });

  it('shows them in the API, in the phases the summary reports, with a samenloop family', async () => {
    const expected = Object.fromEntries(first.cases.map((c) => [c.caseNumber, c.phase]));
    const rows = await eventually(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 250));
        return seededRows(prefix);
      },
      (found) => found.length === 24 && found.every((r) => r.phase === expected[r.caseNumber]),
      60_000,
    );
    expect(new Set(rows.map((r) => r.phase))).toEqual(new Set(TRAJECTORY_PHASES));
    const open = rows.filter((r) => ['beschikking', 'monitoring'].includes(r.phase));
    const providersPerFamily = new Map<string, Set<string>>();
    for (const row of open) {
      const set = providersPerFamily.get(row.familyId ?? '') ?? new Set<string>();
      for (const agb of row.providerAgbCodes) set.add(agb);
      providersPerFamily.set(row.familyId ?? '', set);
    }
    expect(Math.max(...[...providersPerFamily.values()].map((s) => s.size))).toBeGreaterThanOrEqual(
      3,
    );
  });

  it('has every request received days to weeks before its registration, so waiting times spread', async () => {
    // Read after the phases test above: the read model has every case by now.
    const [days] = await sql<{ cases: number; distinct: number; least: number; most: number }>(
      `SELECT count(*)::int AS cases, count(DISTINCT d)::int AS distinct, min(d) AS least, max(d) AS most
       FROM (SELECT (started_at AT TIME ZONE 'Europe/Amsterdam')::date - received_on AS d
             FROM trajectory WHERE case_number LIKE $1 AND received_on IS NOT NULL) waited`,
      [`${prefix}-%`],
    );
    expect(days?.cases).toBe(24);
    expect(days?.least).toBeGreaterThanOrEqual(2);
    expect(days?.most).toBeLessThanOrEqual(40);
    expect(days?.distinct).toBeGreaterThan(5);
  });

  it('creates nothing new when run again, and does not fail', async () => {
    const second = await seed(options);
    expect(second.errors).toEqual([]);
    expect(second.trajectories.created).toBe(0);
    expect(second.trajectories.failed).toBe(0);
    expect(second.commands.applied).toBe(0);
    expect(second.registered.clients).toBe(0);
    expect(second.registered.coordinators).toBe(0);
    expect(second.registered.providers).toBe(0);
    expect(second.byPhase).toEqual(first.byPhase);
    expect((await seededRows(prefix)).length).toBe(24);
  });

  it('fails with a clear message when the API is not there or the key is missing', async () => {
    await expect(seed({ ...options, apiUrl: 'http://127.0.0.1:9' })).rejects.toThrow(
      /not reachable.*npm start/,
    );
    await expect(seed({ ...options, keyFile: '/nonexistent/private.jwk.json' })).rejects.toThrow(
      /No dev key.*npm start/,
    );
  });
});
