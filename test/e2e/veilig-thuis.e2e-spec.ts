import { amsterdamDate, handoverWorkflowId } from '@cjg/domain';
import {
  api,
  callers,
  caughtMail,
  decodedHistory,
  eventually,
  register,
  sql,
  unique,
  type Caller,
} from '../support/e2e';
import { historyValues } from '../support/history';

jest.setTimeout(120_000);

/**
 * The Veilig Thuis warm handover (002 §3.6, §5.6) through the real stack: Veilig Thuis hands a
 * case over, the team lead accepts it, the coordinator plans and records the meeting (the
 * agreements reach every party in writing), and a linked trajectory starts; a second handover is
 * refused back to Veilig Thuis. The deadlines are in working days and are tested on the
 * time-skipping server (test/workflows/veilig-thuis.workflow.spec.ts), not here.
 */
describe('Veilig Thuis warm handover', () => {
  const id = unique();
  const organisationId = `vt-${id}`;
  const vt = callers.veiligThuis(organisationId);
  const vtEmail = `overdracht.${id}@veiligthuis.example`;
  const coordinatorId = `coord-${id}`;
  const leadId = `lead-${id}`;
  const clientId = `client-${id}`;
  const clientEmail = `ouders.${id}@gezin.example`;
  const agreement = `Moeder belt de coördinator elke vrijdag (${id})`;
  const safety = `Vader woont tijdelijk bij opa (${id})`;
  const caseNumber = `CJG-VT-${id.toUpperCase()}`;
  const today = amsterdamDate(new Date());
  let handoverId = '';

  const handover = (body: object = {}) => ({
    reference: `VT-${id.toUpperCase()}`,
    urgency: 'regular',
    handoverType: 'afschaling',
    municipalityCode: '0957',
    safetyConditions: [safety, 'Geen alcohol in huis'],
    monitoringAgreements: ['Veilig Thuis belt na 6 weken met moeder'],
    ...body,
  });
  const command = (name: string, body: object, as: Caller) =>
    api('POST', `/handovers/${handoverId}/${name}`, body, { as });
  const mailTo = async (email: string) =>
    (await caughtMail()).filter((m) => m.to.some((t) => t.address === email));

  beforeAll(async () => {
    await register.organisation(organisationId, {
      kind: 'veilig-thuis',
      name: 'Veilig Thuis Limburg-Noord',
      email: vtEmail,
    });
    await register.coordinator(coordinatorId, { name: 'Anna', email: `anna.${id}@cjg.example` });
    await register.coordinator(leadId, { name: 'Bram', email: `bram.${id}@cjg.example` });
    const lead = await api(
      'PUT',
      '/handover-leads/0957',
      { coordinatorId: leadId },
      { as: callers.teamLead },
    );
    expect(lead.status).toBe(200);
  });

  it('Veilig Thuis hands over; the same reference again starts nothing', async () => {
    const first = await api<{ handoverId: string; created: boolean }>(
      'POST',
      '/handovers',
      handover(),
      { as: vt },
    );
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(true);
    expect(first.body.handoverId).toMatch(/^VTH-\d{4}-\d{6}$/);
    handoverId = first.body.handoverId;
    expect(first.headers.get('location')).toBe(`/handovers/${handoverId}`);
    const again = await api('POST', '/handovers', handover(), { as: vt });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ handoverId, created: false });

    const got = await api<Record<string, unknown>>('GET', `/handovers/${handoverId}`, undefined, {
      as: vt,
    });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      status: 'received',
      organisationId,
      handoverLeadId: leadId,
      allowedCommands: ['withdraw'],
      texts: { safetyConditions: [safety, 'Geen alcohol in huis'] },
    });
    // The lead learns of it, Veilig Thuis gets a receipt.
    await eventually(
      () => mailTo(`bram.${id}@cjg.example`),
      (m) => m.some((x) => x.subject === `Nieuwe overdracht van Veilig Thuis: ${handoverId}`),
    );
    await eventually(
      () => mailTo(vtEmail),
      (m) => m.some((x) => x.subject === `Ontvangstbevestiging overdracht ${handoverId}`),
    );
  });

  it('is for its own organisation and municipality only: others get 403', async () => {
    const path = `/handovers/${handoverId}`;
    const otherVt = callers.veiligThuis(`vt-other-${id}`);
    const otherMunicipality: Caller = {
      role: 'coordinator',
      sub: `coord-far-${id}`,
      municipalities: ['0363'],
    };
    for (const as of [
      otherVt,
      callers.gi(`gi-${id}`),
      callers.provider('12345678'),
      otherMunicipality,
    ]) {
      expect({ as: as.sub, status: (await api('GET', path, undefined, { as })).status }).toEqual({
        as: as.sub,
        status: 403,
      });
    }
    expect((await command('withdraw', { reason: 'in-error' }, otherVt)).status).toBe(403);
    // Commands are for their roles: Veilig Thuis does not accept, ops give no commands.
    expect((await command('accept', { coordinatorId }, vt)).status).toBe(403);
    expect((await command('accept', { coordinatorId }, callers.ops)).status).toBe(403);
    expect((await api('POST', '/handovers', handover(), { as: callers.coordinator })).status).toBe(
      403,
    );
    // A liaison sees its own organisation's handovers only.
    const list = await api<{ items: Array<{ handoverId: string }> }>(
      'GET',
      '/handovers',
      undefined,
      {
        as: otherVt,
      },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((h) => h.handoverId)).not.toContain(handoverId);
  });

  it('the team lead accepts; the coordinator plans and records the warm handover; a trajectory starts', async () => {
    expect(
      (await command('accept', { coordinatorId: `coord-none-${id}` }, callers.teamLead)).status,
    ).toBe(422);
    const accepted = await command('accept', { coordinatorId }, callers.teamLead);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', coordinatorId, allowedCommands: [] });

    expect((await register.client(clientId, { name: 'Sam', email: clientEmail })).status).toBe(200);
    const planned = await command(
      'plan-meeting',
      { date: today, time: '14:30', jointHomeVisit: true, clientId, familyId: `fam-${id}` },
      callers.coordinator,
    );
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({ status: 'meeting-planned' });

    // A meeting in the future cannot have been held: refused by the workflow, nothing changes.
    const early = await command(
      'record-meeting',
      { heldOn: '2999-01-01', jointHomeVisit: true, agreements: [agreement] },
      callers.coordinator,
    );
    expect(early.status).toBe(422);
    const held = await command(
      'record-meeting',
      {
        heldOn: today,
        jointHomeVisit: true,
        agreements: [agreement, 'Vader ziet de kinderen begeleid'],
      },
      callers.coordinator,
    );
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({
      status: 'meeting-held',
      texts: { agreements: [agreement, 'Vader ziet de kinderen begeleid'] },
      allowedCommands: ['startTrajectory', 'closeWithBasicSupport'],
    });
    // Only the accepted text is kept; the free texts never enter the workflow's history.
    const texts = await sql<{ kind: string }>(
      `SELECT kind FROM veilig_thuis_handover_text WHERE handover_id = $1 ORDER BY kind`,
      [handoverId],
    );
    expect(texts.map((t) => t.kind)).toEqual([
      'meeting-agreements',
      'monitoring-agreements',
      'safety-conditions',
    ]);
    const history = JSON.stringify(
      historyValues(await decodedHistory(handoverWorkflowId(handoverId))),
    );
    expect(history).toContain(handoverId); // decoded: the ids are there
    expect(history).not.toContain(`(${id})`);
    expect(history).not.toContain('Geen alcohol');

    // The agreements in writing to Veilig Thuis, the family and the coordinator; the safety
    // conditions in full to Veilig Thuis and the coordinator only (issue 17): the family's copy
    // says they exist and whom to ask.
    const agreementsTo = async (email: string) => {
      const mails = await eventually(
        () => mailTo(email),
        (m) => m.some((x) => x.subject === `Afspraken warme overdracht: ${handoverId}`),
      );
      return mails.find((x) => x.subject === `Afspraken warme overdracht: ${handoverId}`)!;
    };
    for (const email of [vtEmail, `anna.${id}@cjg.example`]) {
      const letter = await agreementsTo(email);
      expect(letter.text).toContain(`• ${agreement}`);
      expect(letter.text).toContain(`• ${safety}`);
      expect(letter.text).toContain('Veilig Thuis belt na 6 weken met moeder');
    }
    const family = await agreementsTo(clientEmail);
    expect(family.text).toContain(`• ${agreement}`);
    expect(family.text).not.toContain(safety);
    expect(family.text).not.toContain('Geen alcohol');
    expect(family.text).not.toContain('Veilig Thuis belt na 6 weken');
    expect(family.text).toContain('veiligheidsafspraken');
    expect(family.text).toContain('uw coördinator Anna');

    const started = await command('start-trajectory', { caseNumber }, callers.coordinator);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      status: 'trajectory-started',
      outcome: { decision: 'trajectory', caseNumber, late: false },
    });
    const trajectory = await eventually(
      () => api<Record<string, unknown>>('GET', `/trajectories/${caseNumber}`),
      (r) => r.status === 200,
    );
    expect(trajectory.body).toMatchObject({
      previousCaseNumber: handoverId,
      coordinatorId,
      clientId,
      familyId: `fam-${id}`,
      phase: 'intake',
    });
    // Feedback to Veilig Thuis names the trajectory.
    const feedback = await eventually(
      () => mailTo(vtEmail),
      (m) => m.some((x) => x.subject === `Terugkoppeling overdracht ${handoverId}`),
    );
    expect(feedback.find((x) => x.subject.startsWith('Terugkoppeling'))!.text).toContain(
      caseNumber,
    );
    // The list (read model) and the audit trail, filed under the handover id.
    await eventually(
      () =>
        api<{ items: Array<Record<string, unknown>> }>(
          'GET',
          '/handovers?status=trajectory-started',
          undefined,
          {
            as: vt,
          },
        ),
      (r) =>
        r.body.items.some(
          (h) => h.handoverId === handoverId && h.trajectoryCaseNumber === caseNumber,
        ),
    );
    const audit = await sql<{ action: string; actor_role: string; outcome: string }>(
      `SELECT action, actor_role, outcome FROM audit_event WHERE case_number = $1 ORDER BY id`,
      [handoverId],
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'handover:accept', actor_role: 'team-lead', outcome: 'accepted' },
        { action: 'handover:recordMeeting', actor_role: 'coordinator', outcome: 'refused' },
        { action: 'handover:startTrajectory', actor_role: 'coordinator', outcome: 'accepted' },
      ]),
    );
    // Ended: no more commands.
    expect((await command('close-with-basic-support', {}, callers.coordinator)).status).toBe(409);
  });

  it('a refusal, only for another region or lack of competence, goes back to Veilig Thuis and to the handover lead', async () => {
    const created = await api<{ handoverId: string }>(
      'POST',
      '/handovers',
      handover({ reference: `VT-R-${id.toUpperCase()}`, urgency: 'urgent' }),
      { as: vt },
    );
    expect(created.status).toBe(201);
    handoverId = created.body.handoverId;
    // Issue 17: Veilig Thuis judges safety; another reason is malformed (400), a lack of
    // competence without saying whose case it is does not fit (422).
    for (const reason of ['not-safe-enough', 'other', 'care-elsewhere']) {
      const unsafe = await command('refuse', { reason }, callers.teamLead);
      expect(unsafe.status).toBe(400);
      expect(JSON.stringify(unsafe.body)).toContain(
        'must be outside-region or not-competent: Veilig Thuis judges safety',
      );
    }
    expect((await command('refuse', { reason: 'not-competent' }, callers.teamLead)).status).toBe(
      422,
    );
    const refused = await command(
      'refuse',
      { reason: 'outside-region', explanation: [`Het gezin woont in Venlo (${id})`] },
      callers.coordinator,
    );
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      status: 'refused',
      refusal: { reason: 'outside-region' },
      texts: { explanation: [`Het gezin woont in Venlo (${id})`] },
    });
    const mails = await eventually(
      () => mailTo(vtEmail),
      (m) => m.some((x) => x.subject === `Overdracht niet overgenomen: ${handoverId}`),
    );
    const letter = mails.find((x) => x.subject === `Overdracht niet overgenomen: ${handoverId}`)!;
    expect(letter.text).toContain('buiten de gemeenten');
    expect(letter.text).toContain(`Het gezin woont in Venlo (${id})`);
    // Escalated to the municipality's handover lead.
    const escalated = await eventually(
      () => mailTo(`bram.${id}@cjg.example`),
      (m) => m.some((x) => x.subject === `Overdracht geweigerd: ${handoverId}`),
    );
    expect(
      escalated.find((x) => x.subject === `Overdracht geweigerd: ${handoverId}`)!.text,
    ).toContain(`Het gezin woont in Venlo (${id})`);
    expect((await command('accept', { coordinatorId }, callers.teamLead)).status).toBe(409);
  });
});
