import {
  addWorkingDays,
  amsterdamDate,
  amsterdamInstant,
  isWorkingDay,
  transferWorkflowId,
} from '@cjg/domain';
import { OverdueKey, ProcessStatusKey } from '@cjg/temporal';
import {
  api,
  callers,
  caughtMail,
  eventually,
  register,
  sql,
  unique,
  withTemporal,
  type Caller,
} from '../support/e2e';

jest.setTimeout(60_000);

type Body = Record<string, unknown> & {
  status?: string;
  allowedCommands?: string[];
  pendingDeadlines?: Array<{ kind: string; at: string }>;
  items?: Array<{ transferId: string; status: string }>;
};

/**
 * 000: a GI proposes a Schakeloverleg transfer, the CJG plans it and records the outcome, through
 * the real stack. The working-day deadlines (weeks) are not waited for here: the workflow tests
 * run every timer path on the time-skipping server.
 */
describe('Schakeloverleg transfer through the API (000)', () => {
  const id = unique();
  const org = `gi-${id}`;
  const otherOrg = `gi-other-${id}`;
  const gi = callers.gi(org);
  const otherGi = callers.gi(otherOrg);
  const elsewhere: Caller = {
    role: 'coordinator',
    sub: `coord-far-${id}`,
    municipalities: ['0935'],
  };
  const reference = `JB-${id.toUpperCase()}`;
  const transferId = `${org}.${reference}`;
  const caseNumber = `CJG-SO-${id.toUpperCase()}`;
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const today = amsterdamDate(new Date());
  const measureEndDate = addWorkingDays(today, 40);
  // The outcome can be recorded from the meeting day on: today, when it is a working day.
  const heldToday = isWorkingDay(today);
  const meetingDate = heldToday ? today : addWorkingDays(today, 1);
  const emails = {
    gi: `schakel.${id}@gi.example`,
    client: `ouders.${id}@gezin.example`,
    provider: `intake.${id}@zorg.example`,
    coordinator: `anna.${id}@cjg.example`,
  };
  const path = (command = '') => `/transfers/${transferId}${command ? `/${command}` : ''}`;
  const proposal = {
    reference,
    municipalityCode: '0957',
    familyId: `fam-${id}`,
    clientId: `client-${id}`,
    measure: 'ots',
    measureEndDate,
    care: [{ agbCode, productCategory: '45' }],
  };

  beforeAll(async () => {
    await register.organisation(org, { kind: 'gi', name: 'GI Limburg', email: emails.gi });
    await register.organisation(otherOrg, {
      kind: 'gi',
      name: 'GI Elders',
      email: `x.${id}@gi.example`,
    });
    await register.coordinator(`coord-${id}`, { name: 'Anna', email: emails.coordinator });
    await register.client(`client-${id}`, { name: 'Familie Jansen', email: emails.client });
    await register.provider(agbCode, { name: 'Jeugdhulp Midden', email: emails.provider });
  });

  it('the GI proposes once; only its own transfers are its business', async () => {
    const first = await api<Body>('POST', '/transfers', proposal, { as: gi });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/transfers/${transferId}`);
    expect(first.body).toEqual({
      transferId,
      workflowId: transferWorkflowId(transferId),
      created: true,
    });
    const again = await api<Body>('POST', '/transfers', proposal, { as: gi });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);

    // Refused before anything starts: unregistered provider (422), unknown field (400).
    const unknownProvider = await api<Body>(
      'POST',
      '/transfers',
      {
        ...proposal,
        reference: `${reference}-2`,
        care: [{ agbCode: '99999991', productCategory: '45' }],
      },
      { as: gi },
    );
    expect(unknownProvider.status).toBe(422);
    expect(JSON.stringify(unknownProvider.body)).toContain('provider 99999991 is not registered');
    expect((await api('POST', '/transfers', { ...proposal, note: 'x' }, { as: gi })).status).toBe(
      400,
    );

    // Another GI, a coordinator elsewhere, a provider: 403 on read and on commands.
    expect((await api('GET', path(), undefined, { as: otherGi })).status).toBe(403);
    expect((await api('POST', path('withdraw'), { reason: 'other' }, { as: otherGi })).status).toBe(
      403,
    );
    expect((await api('GET', path(), undefined, { as: elsewhere })).status).toBe(403);
    expect((await api('GET', path(), undefined, { as: callers.provider(agbCode) })).status).toBe(
      403,
    );
    expect((await api('POST', '/transfers', proposal)).status).toBe(403);
    // Each side gives its own commands only.
    expect(
      (await api('POST', path('plan'), { meetingDate, coordinatorId: `coord-${id}` }, { as: gi }))
        .status,
    ).toBe(403);
    expect((await api('POST', path('withdraw'), { reason: 'other' })).status).toBe(403);

    expect((await api('GET', path(), undefined, { as: callers.veiligThuis(org) })).status).toBe(
      403,
    );
    expect((await api('GET', path(), undefined, { as: callers.teamLead })).status).toBe(200);
    expect((await api('GET', '/transfers', undefined, { as: callers.ops })).status).toBe(200);

    const read = await api<Body>('GET', path(), undefined, { as: callers.coordinator });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'proposed', organisationId: org, round: 1 });
    expect(read.body.allowedCommands).toEqual(['plan']);
    expect((await api<Body>('GET', path(), undefined, { as: gi })).body.allowedCommands).toEqual([
      'changeMeasureEnd',
      'withdraw',
    ]);
  });

  it('the CJG plans the Schakeloverleg and records the agreement; the GI withdraws it at last', async () => {
    // A Saturday is no day for a Schakeloverleg: refused by the workflow (422), nothing changes.
    let saturday = addWorkingDays(today, 1);
    while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6)
      saturday = amsterdamDate(new Date(Date.parse(`${saturday}T12:00:00Z`) + 86_400_000));
    const weekend = await api<Body>('POST', path('plan'), {
      meetingDate: saturday,
      coordinatorId: `coord-${id}`,
    });
    expect(weekend.status).toBe(422);

    // The team lead plans it and names the coordinator.
    const planned = await api<Body>(
      'POST',
      path('plan'),
      { meetingDate, coordinatorId: `coord-${id}` },
      { as: callers.teamLead },
    );
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({ status: 'planned', coordinatorId: `coord-${id}` });

    const agreed = { agreed: true, parentsConsent: true, caseNumber };
    if (!heldToday) {
      // Run on a weekend or holiday: the meeting is tomorrow at the earliest, so no outcome yet.
      expect((await api('POST', path('record-outcome'), agreed)).status).toBe(409);
    } else {
      // Shape (400) before the workflow; consent is judged by it (422).
      expect((await api('POST', path('record-outcome'), { agreed: true, caseNumber })).status).toBe(
        400,
      );
      expect(
        (await api('POST', path('record-outcome'), { ...agreed, parentsConsent: false })).status,
      ).toBe(422);
      const outcome = await api<Body>('POST', path('record-outcome'), agreed);
      expect(outcome.status).toBe(200);
      expect(outcome.body.status).toBe('agreed');
      expect(outcome.body.pendingDeadlines).toEqual([
        { kind: 'trajectory-start', at: amsterdamInstant(measureEndDate, 8).toISOString() },
      ]);

      const mail = await eventually(
        () => caughtMail(),
        (all) => all.filter((m) => m.subject.includes(transferId)).length >= 7,
      );
      const to = (kind: string) =>
        mail
          .filter((m) => m.subject.startsWith(kind) && m.subject.includes(transferId))
          .map((m) => m.to[0]!.address)
          .sort();
      expect(to('Uitnodiging Schakeloverleg')).toEqual(
        [emails.coordinator, emails.gi, emails.client].sort(),
      );
      expect(to('Overgang naar het vrijwillig kader afgesproken')).toEqual(
        [emails.gi, emails.provider, emails.client, emails.coordinator].sort(),
      );
      // Every attempt is in the audit trail under the trajectory's case number, refusals too.
      const audit = await sql<{ actor_role: string; outcome: string; status_code: number }>(
        `SELECT actor_role, outcome, status_code FROM audit_event
          WHERE action = 'transfer:record-outcome' AND case_number = $1 ORDER BY id`,
        [caseNumber],
      );
      expect(audit).toEqual([
        { actor_role: 'coordinator', outcome: 'invalid', status_code: 400 },
        { actor_role: 'coordinator', outcome: 'refused', status_code: 422 },
        { actor_role: 'coordinator', outcome: 'accepted', status_code: 200 },
      ]);
    }

    // The GI lists its own transfer; another GI does not see it.
    const listed = await eventually(
      () => api<Body>('GET', '/transfers?limit=100', undefined, { as: gi }),
      (res) => (res.body.items ?? []).some((t) => t.transferId === transferId),
    );
    expect(listed.status).toBe(200);
    const others = await api<Body>('GET', '/transfers?limit=100', undefined, { as: otherGi });
    expect((others.body.items ?? []).some((t) => t.transferId === transferId)).toBe(false);

    // Ops find it in the Temporal UI by its status.
    await withTemporal(async (client) => {
      const { typedSearchAttributes } = await client.workflow
        .getHandle(transferWorkflowId(transferId))
        .describe();
      expect(typedSearchAttributes.get(ProcessStatusKey)).toBe(heldToday ? 'agreed' : 'planned');
      expect(typedSearchAttributes.get(OverdueKey)).toBe(false);
    });

    const later = addWorkingDays(measureEndDate, 5);
    const changed = await api<Body>(
      'POST',
      path('change-measure-end'),
      { endDate: later },
      { as: gi },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.measureEndDate).toBe(later);

    const withdrawn = await api<Body>(
      'POST',
      path('withdraw'),
      { reason: 'measure-continues' },
      { as: gi },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const after = await api<Body>('POST', path('withdraw'), { reason: 'other' }, { as: gi });
    expect(after.status).toBe(409);
    // Its state stays readable.
    expect((await api<Body>('GET', path(), undefined, { as: callers.ops })).body.status).toBe(
      'withdrawn',
    );
  });
});
