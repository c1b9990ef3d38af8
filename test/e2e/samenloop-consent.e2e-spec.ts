import type { DataSource } from 'typeorm';
import { addToDate, amsterdamDate } from '@cjg/domain';
import { Mailer } from '@cjg/notifications';
import { createDataSource } from '@cjg/persistence';
import { createTrajectoryActivities } from '@cjg/activities';
import {
  api,
  callers,
  caughtMail,
  eventually,
  ownMunicipality,
  sql,
  unique,
  type Caller,
} from '../support/e2e';

jest.setTimeout(60_000);

/**
 * Issue 17, item 10 (004): the municipality names a samenloop family itself, the CJG records the
 * family's consent before it talks the care over, and the samenloop alert says whether consent is
 * there. A municipality of its own (Echt-Susteren, 1711).
 */
describe('samenloop named by the municipality, with the family’s consent', () => {
  const id = unique();
  const echt = ownMunicipality('1711', 'Echt-Susteren', `sl-${id}`);
  const familyId = `fam-sl-${id}`;
  const elsewhere: Caller = { role: 'team-lead', sub: `lead-x-${id}`, municipalities: ['0957'] };
  const today = amsterdamDate(new Date());
  let dataSource: DataSource;

  beforeAll(async () => {
    await echt.register('Carla Janssen');
    dataSource = createDataSource(process.env.E2E_DATABASE_URL);
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('a team lead names a family for its own municipality only; a future date is a 422', async () => {
    const body = { municipalityCode: '1711', namedOn: today, familyInformed: true };
    const other = await api('PUT', `/families/${familyId}/samenloop`, body, { as: elsewhere });
    expect(other.status).toBe(403);
    const future = await api(
      'PUT',
      `/families/${familyId}/samenloop`,
      { ...body, namedOn: addToDate(today, 0, 1) },
      { as: echt.teamLead },
    );
    expect(future.status).toBe(422);
    const named = await api('PUT', `/families/${familyId}/samenloop`, body, { as: echt.teamLead });
    expect(named).toMatchObject({ status: 200, body: { id: familyId, created: true } });
    const audit = await sql(
      `SELECT action FROM audit_event WHERE actor_sub = $1 AND action = 'family:samenloop-named'`,
      [echt.teamLead.sub],
    );
    expect(audit.length).toBeGreaterThan(0);
  });

  it('it shows in the samenloop report of that municipality, without consent yet', async () => {
    const report = await api<{ rows: unknown[] }>(
      'GET',
      '/reports/samenloop?municipalityCode=1711',
      undefined,
      { as: echt.teamLead },
    );
    expect(report.body.rows).toContainEqual({
      familyId,
      providers: 0,
      trajectories: 0,
      namedByMunicipality: '1711',
      consent: null,
    });
  });

  it('the alert to the coordinators asks for consent first, then says it is there', async () => {
    const mailer = new Mailer({
      smtpUrl: process.env.E2E_SMTP_URL!,
      from: 'CJG Toegang <toegang@cjg.local>',
      requireTls: false,
    });
    const activities = createTrajectoryActivities({ dataSource, mailer });
    const alert = (sequence: number) =>
      activities.sendLetter({
        workflowId: `family-${familyId}`,
        sequence,
        kind: 'samenloop-alert',
        to: [{ role: 'coordinator', id: `coord-sl-${id}` }],
        facts: { familyId, providers: 3, caseNumbers: 'CJG-2026-000123' },
      });
    const toCarla = async () =>
      (await caughtMail()).filter((m) =>
        m.to.some((t) => t.address === `coord-sl-${id}@cjg.example`),
      );
    await alert(1);
    const [first] = await eventually(toCarla, (all) => all.length === 1);
    expect(first!.text).toContain(
      'De gemeente Echt-Susteren heeft dit gezin ook zelf bij het CJG genoemd.',
    );
    expect(first!.text).toContain('Het gezin heeft nog niet ingestemd');

    // Nobody outside the family's municipalities reaches it; the coordinator of 1711 does.
    const answer = { consent: 'given', on: today };
    expect(
      (await api('PUT', `/families/${familyId}/consent`, answer, { as: callers.coordinator }))
        .status,
    ).toBe(404);
    const recorded = await api('PUT', `/families/${familyId}/consent`, answer, {
      as: echt.coordinator,
    });
    expect(recorded).toMatchObject({
      status: 200,
      body: { familyId, consent: 'given', consentOn: today },
    });
    await alert(2);
    const both = await eventually(toCarla, (all) => all.length === 2);
    const second = both.find((m) => m !== first && m.text !== first!.text)!;
    expect(second.text).toContain('ingestemd met een gesprek over de hulp');
    expect(second.text).not.toContain('nog niet ingestemd');
  });
});
