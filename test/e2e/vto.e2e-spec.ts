import { amsterdamDate } from '@cjg/domain';
import { BESCHERMINGSPLEIN_SCHEDULE_ID, TRAJECTORY_TASK_QUEUE } from '@cjg/temporal';
import type { beschermingspleinAgendaWorkflow } from '@cjg/workflows';
import {
  BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
  beschermingspleinAgendaWorkflowId,
} from '@cjg/workflows/vto.definitions';
import {
  api,
  callers,
  caughtMail,
  decodedHistory,
  eventually,
  register,
  sql,
  unique,
  withTemporal,
  type Caller,
} from '../support/e2e';

jest.setTimeout(120_000);

/** Every payload of a workflow history, decoded: what the history holds in text. */
function payloadTexts(value: unknown, into: string[] = []): string[] {
  if (value instanceof Uint8Array) into.push(Buffer.from(value).toString('utf8'));
  else if (Array.isArray(value)) value.forEach((item) => payloadTexts(item, into));
  else if (value && typeof value === 'object')
    Object.values(value).forEach((item) => payloadTexts(item, into));
  return into;
}

/**
 * 002 §3.6 through the real stack: a coordinator proposes a verzoek tot onderzoek for a drang
 * case; the parents get the written request and the VTO waits until it is recorded that they were
 * informed; an agenda run (the schedule's workflow, started here for today's meeting) puts it on
 * the beschermingsplein's agenda and sends it; the meeting's decision sends it to the Raad; the
 * Raad's answer closes it. The working-day reminders are covered by the workflow tests.
 */
describe('verzoek tot onderzoek (VTO) through the API', () => {
  const id = unique();
  const caseNumber = `VTO-E2E-${id.toUpperCase()}`;
  const trajectoryCaseNumber = `CJG-VTO-${id.toUpperCase()}`;
  const coordinatorId = `coord-${id}`;
  const clientId = `client-${id}`;
  const familyId = `fam-${id}`;
  const beschermingspleinId = `bp-${id}`;
  const raadId = `raad-${id}`;
  const email = {
    coordinator: `anna.${id}@cjg.example`,
    parents: `ouders.${id}@gezin.example`,
    beschermingsplein: `secretariaat.${id}@beschermingsplein.example`,
    raad: `intake.${id}@raad.example`,
  };
  const today = amsterdamDate(new Date());
  const path = (command = '') => `/vtos/${caseNumber}${command ? `/${command}` : ''}`;
  const proposal = {
    caseNumber,
    municipalityCode: '0957',
    coordinatorId,
    trajectoryCaseNumber,
    grounds: ['ernstige-ontwikkelingsbedreiging', 'onvoldoende-beweging'],
    explanation: `Na drie gesprekken blijven de zorgen over Sam ${id} bestaan.`,
  };

  const subjectsTo = async (address: string) =>
    (await caughtMail())
      .filter((m) => m.to.some((t) => t.address === address))
      .map((m) => m.subject);
  const mailTo = (address: string, starts: string) =>
    eventually(
      () => subjectsTo(address),
      (subjects) => subjects.some((s) => s.startsWith(starts)),
    );

  beforeAll(async () => {
    await register.coordinator(coordinatorId, { name: 'Anna de Vries', email: email.coordinator });
    await register.client(clientId, { name: 'Familie Jansen', email: email.parents });
    await register.organisation(beschermingspleinId, {
      kind: 'beschermingsplein',
      name: 'Beschermingsplein Midden-Limburg',
      email: email.beschermingsplein,
    });
    await register.organisation(raadId, {
      kind: 'raad',
      name: 'Raad voor de Kinderbescherming, regio Limburg',
      email: email.raad,
    });
    // The drang case: a running trajectory of the same client and family.
    const started = await api('POST', '/trajectories', {
      caseNumber: trajectoryCaseNumber,
      municipalityCode: '0957',
      coordinatorId,
      clientId,
      familyId,
    });
    expect(started.status).toBe(201);
    await eventually(
      () => sql('SELECT 1 FROM trajectory WHERE case_number = $1', [trajectoryCaseNumber]),
      (rows) => rows.length === 1,
    );
  });

  it('keeps the weekly agenda schedule: Tuesdays 09:00 Amsterdam, a run at a time', async () => {
    const description = await withTemporal((client) =>
      client.schedule.getHandle(BESCHERMINGSPLEIN_SCHEDULE_ID).describe(),
    );
    expect(description.spec.timezone).toBe('Europe/Amsterdam');
    expect(description.spec.calendars?.[0]).toMatchObject({
      dayOfWeek: [{ start: 'TUESDAY', end: 'TUESDAY', step: 1 }],
      hour: [{ start: 9, end: 9, step: 1 }],
      minute: [{ start: 0, end: 0, step: 1 }],
    });
    expect(description.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
    });
    expect(description.policies.overlap).toBe('SKIP');
    expect(description.state.paused).toBe(false);
  });

  it('proposes, informs the parents first, puts it on the agenda, sends it to the Raad and records the answer', async () => {
    // Proposed: the written request goes to the parents; the same proposal again starts nothing.
    let res = await api('POST', '/vtos', proposal);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ caseNumber, workflowId: `vto-${caseNumber}`, created: true });
    res = await api('POST', '/vtos', proposal);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: false });

    res = await eventually(
      () => api('GET', path()),
      (r) => r.status === 200,
    );
    expect(res.body).toMatchObject({
      status: 'parents-to-inform',
      clientId,
      familyId,
      trajectoryCaseNumber,
      allowedCommands: ['recordParentsInformed', 'withdraw'],
      explanation: proposal.explanation,
    });
    // Ops read the VTO but not the explanation in words (it names people).
    res = await api('GET', path(), undefined, { as: callers.ops });
    expect(res.status).toBe(200);
    expect(res.body.explanation).toBeUndefined();
    expect(res.body.allowedCommands).toEqual([]);
    await mailTo(
      email.parents,
      `Verzoek tot onderzoek bij de Raad voor de Kinderbescherming, casus ${caseNumber}`,
    );

    // Not before the parents were informed.
    res = await api('POST', path('record-decision'), { decision: 'send' });
    expect(res.status).toBe(409);
    res = await api('POST', path('record-parents-informed'), {
      informedOn: today,
      how: 'conversation',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'awaiting-agenda',
      parents: { informedOn: today, how: 'conversation', recordedBy: callers.coordinator.sub },
    });
    await eventually(
      () => sql<{ status: string }>('SELECT status FROM vto WHERE case_number = $1', [caseNumber]),
      (rows) => rows[0]?.status === 'awaiting-agenda',
    );

    // The agenda run, as the schedule starts it, here for a meeting today.
    const agenda = await withTemporal((client) =>
      client.workflow.execute<typeof beschermingspleinAgendaWorkflow>(
        BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
        {
          workflowId: `${beschermingspleinAgendaWorkflowId(today)}-${id}`,
          taskQueue: TRAJECTORY_TASK_QUEUE,
          args: [{ meetingDate: today, beschermingspleinId, raadId }],
        },
      ),
    );
    expect(agenda).toMatchObject({
      agendaId: `BP-${today}`,
      meetingDate: today,
      letterDelivered: true,
    });
    expect(agenda.placed).toContain(caseNumber);
    await mailTo(email.beschermingsplein, 'Agenda beschermingsplein');
    await mailTo(email.parents, 'Beschermingsplein');
    await mailTo(email.coordinator, 'Beschermingsplein');
    res = await eventually(
      () => api('GET', path()),
      (r) => r.body.status === 'on-agenda',
    );
    expect(res.body.agenda).toMatchObject({ meetingDate: today, beschermingspleinId, raadId });

    // The decision: a reason is needed to not send; the team lead records that it goes.
    res = await api('POST', path('record-decision'), { decision: 'not-send' });
    expect(res.status).toBe(422);
    res = await api(
      'POST',
      path('record-decision'),
      { decision: 'send' },
      { as: callers.teamLead },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'sent-to-raad',
      decision: { decision: 'send', meetingDate: today, recordedBy: callers.teamLead.sub },
      raad: { organisationId: raadId, sentOn: today },
    });
    await mailTo(email.raad, `Verzoek tot onderzoek ${caseNumber}`);
    await mailTo(email.parents, 'Besluit over het verzoek tot onderzoek');

    // The Raad's answer closes the VTO; it takes no more commands.
    res = await api('POST', path('record-raad-outcome'), {
      investigationStarted: true,
      decidedOn: today,
      raadReference: 'RvdK-2026/4711',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'raad-investigates', allowedCommands: [] });
    res = await api('POST', path('withdraw'), { reason: 'situatie-veranderd' });
    expect(res.status).toBe(409);

    const rows = await eventually(
      () =>
        sql(
          'SELECT status, decision, investigation_started, meeting_date::text FROM vto WHERE case_number = $1',
          [caseNumber],
        ),
      (r) => r[0]?.status === 'raad-investigates',
    );
    expect(rows[0]).toMatchObject({
      decision: 'send',
      investigation_started: true,
      meeting_date: today,
    });
    res = await api('GET', `/vtos?trajectoryCaseNumber=${trajectoryCaseNumber}`);
    expect(res.body).toMatchObject({
      total: 1,
      items: [{ caseNumber, status: 'raad-investigates' }],
    });
    const audit = await sql<{ action: string; actor_role: string; outcome: string }>(
      `SELECT action, actor_role, outcome FROM audit_event WHERE case_number = $1 AND actor_role <> 'workflow' ORDER BY id`,
      [caseNumber],
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'vto:propose', actor_role: 'coordinator', outcome: 'accepted' },
        { action: 'vto:record-decision', actor_role: 'team-lead', outcome: 'accepted' },
        { action: 'vto:record-decision', actor_role: 'coordinator', outcome: 'refused' },
      ]),
    );
    // The explanation never left PostgreSQL: not in a letter, not in the workflow's history.
    expect((await caughtMail()).some((m) => m.text.includes(`Sam ${id}`))).toBe(false);
    const history = await decodedHistory(`vto-${caseNumber}`);
    const texts = payloadTexts(history).join('\n');
    expect(texts).toContain(caseNumber);
    expect(texts).not.toContain(`Sam ${id}`);
  });

  it('refuses whoever has no part in the VTO (403), and grounds that do not carry a VTO (422)', async () => {
    const other = `VTO-E2E-${unique().toUpperCase()}`;
    const otherMunicipality: Caller = {
      role: 'coordinator',
      sub: `coord-${id}-elders`,
      municipalities: ['0983'],
    };
    const forbidden: Array<[string, string, unknown, Caller]> = [
      ['GET', path(), undefined, callers.gi(`gi-${id}`)],
      ['GET', path(), undefined, callers.veiligThuis(`vt-${id}`)],
      ['GET', '/vtos', undefined, callers.provider('12345678')],
      ['GET', path(), undefined, otherMunicipality],
      ['POST', '/vtos', { ...proposal, caseNumber: other }, callers.gi(`gi-${id}`)],
      ['POST', '/vtos', { ...proposal, caseNumber: other }, otherMunicipality],
      ['POST', '/vtos', { ...proposal, caseNumber: other }, callers.teamLead],
      [
        'POST',
        path('record-parents-informed'),
        { informedOn: today, how: 'letter' },
        callers.teamLead,
      ],
      ['POST', path('record-decision'), { decision: 'send' }, callers.ops],
      ['POST', path('record-decision'), { decision: 'send' }, otherMunicipality],
    ];
    for (const [method, url, body, as] of forbidden) {
      const res = await api(method, url, body, { as });
      expect({ method, url, role: as.role, status: res.status }).toEqual({
        method,
        url,
        role: as.role,
        status: 403,
      });
    }
    const res = await api('POST', '/vtos', {
      ...proposal,
      caseNumber: other,
      grounds: ['onvoldoende-beweging'],
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('ernstige-ontwikkelingsbedreiging');
    expect((await api('GET', `/vtos/${other}`)).status).toBe(404);
  });
});
