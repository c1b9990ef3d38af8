import { amsterdamDate, addToDate } from '@cjg/domain';
import {
  api,
  callers,
  commandPath,
  eventually,
  ownMunicipality,
  register,
  sql,
  unique,
} from '../support/e2e';

jest.setTimeout(60_000);

/**
 * Issue 17, item 9: a trajectory registered as drang (002 §3.6) through the real API, kept from
 * the provider's view, and counted by the drang report (002 §5.6). A municipality of its own
 * (Mook en Middelaar, 0944), so other tests' cases do not count.
 */
describe('drang: registered and counted', () => {
  const id = unique();
  const mook = ownMunicipality('0944', 'Mook en Middelaar', `dr-${id}`);
  const { coordinator, teamLead } = mook;
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const caseNumber = `CJG-DR-${id.toUpperCase()}`;
  const today = amsterdamDate(new Date());
  const since = addToDate(today, 0, -3);
  const concerns = `Zorgen van school over verzuim ${id}`;

  beforeAll(async () => {
    await mook.register('Bram Peters');
    await register.provider(agbCode, {
      name: 'Jeugdhulp Noord',
      email: `noord.${id}@zorg.example`,
    });
    await mook.start(caseNumber, {
      id: `client-dr-${id}`,
      name: 'Ouders Drang',
      email: `ouders.${id}@gezin.example`,
    });
  });

  it('refuses an unknown source with 400 and a date after today with 422, changing nothing', async () => {
    const path = commandPath(caseNumber, 'markDrang');
    const bad = await api(
      'POST',
      path,
      { since, source: 'school', reason: concerns },
      { as: coordinator },
    );
    expect(bad.status).toBe(400);
    const future = await api(
      'POST',
      path,
      { since: addToDate(today, 0, 2), source: 'basisvoorziening', reason: concerns },
      { as: coordinator },
    );
    expect(future.status).toBe(422);
    const view = await api<{ drang?: unknown }>('GET', `/trajectories/${caseNumber}`, undefined, {
      as: coordinator,
    });
    expect(view.body.drang).toBeUndefined();
  });

  it('registers it for the coordinator; the provider sees neither the mark nor the concerns', async () => {
    const res = await api(
      'POST',
      commandPath(caseNumber, 'markDrang'),
      { since, source: 'basisvoorziening', reason: concerns },
      { as: coordinator },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ drang: { since, source: 'basisvoorziening' } });
    const again = await api(
      'POST',
      commandPath(caseNumber, 'markDrang'),
      { since, source: 'cjg', reason: concerns },
      { as: coordinator },
    );
    expect(again.status).toBe(409);
    // Referred, the provider reads the case: the drang mark is not its business.
    await api(
      'POST',
      commandPath(caseNumber, 'agreeResults'),
      {
        plan: {
          results: [{ id: 'r1', description: 'Naar school', measure: 'dagen op school per maand' }],
          inzet: { productCategory: '45', omvang: { volume: 2, unit: '04', frequency: '2' } },
        },
      },
      { as: coordinator },
    );
    expect(
      (
        await api(
          'POST',
          commandPath(caseNumber, 'referToProvider'),
          { agbCode },
          { as: coordinator },
        )
      ).status,
    ).toBe(200);
    const asProvider = await api('GET', `/trajectories/${caseNumber}`, undefined, {
      as: callers.provider(agbCode),
    });
    expect(asProvider.status).toBe(200);
    expect(JSON.stringify(asProvider.body)).not.toMatch(/drang|verzuim/i);
  });

  it('counts it in the drang report, from the read model', async () => {
    await eventually(
      () =>
        sql('SELECT 1 FROM trajectory WHERE case_number = $1 AND drang_since IS NOT NULL', [
          caseNumber,
        ]),
      (rows) => rows.length === 1,
    );
    const res = await api<{ rows: unknown[]; total: unknown }>(
      'GET',
      `/reports/drang?from=${today}&to=${today}&municipalityCode=0944`,
      undefined,
      { as: teamLead },
    );
    expect(res.status).toBe(200);
    // Registered three days ago: not in today's period, but open at its end.
    expect(res.body.rows).toEqual([
      {
        source: 'basisvoorziening',
        sourceLabel: 'een basisvoorziening (school, huisarts, kinderopvang, GGD)',
        marked: 0,
        openAtEnd: 1,
        closed: 0,
      },
    ]);
    const period = await api<{ total: unknown }>(
      'GET',
      `/reports/drang?from=${since}&to=${today}&municipalityCode=0944`,
      undefined,
      { as: teamLead },
    );
    expect(period.body.total).toEqual({ marked: 1, openAtEnd: 1, closed: 0 });
    const other = await api('GET', `/reports/drang?municipalityCode=0957`, undefined, {
      as: teamLead,
    });
    expect(other.status).toBe(403);
  });
});
