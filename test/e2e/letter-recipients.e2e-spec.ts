import { addToDate, amsterdamDate, trajectoryWorkflowId } from '@cjg/domain';
import {
  api,
  apiUrl,
  callers,
  caughtMail,
  commandPath,
  eventually,
  register,
  sql,
  unique,
  type Caller,
  type CaughtMail,
  planSignOff,
} from '../support/e2e';

jest.setTimeout(180_000);

/**
 * Issue 17: a decision letter as the law wants it, to every registered carer, through the real
 * stack (API, Temporal, worker, PostgreSQL, MailDev): a municipality with its details, a client
 * with two carers and an address of his own (under the policy's age), a case walked to the
 * beschikking and the 3-month check.
 */
describe('letters to every carer, with the municipality’s details', () => {
  const id = unique();
  const caseNumber = `CJG-CARERS-${id.toUpperCase()}`;
  const clientId = `client-carers-${id}`;
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const maria = `maria.${id}@gezin.example`;
  const peter = `peter.${id}@gezin.example`;
  const sam = `sam.${id}@gezin.example`;
  const municipality = {
    name: 'Venlo',
    postalAddress: 'Postbus 3434, 5902 RK Venlo',
    phone: '14 077',
    email: 'jeugd@venlo.example',
    website: 'www.venlo.example',
    signatoryName: 'Karin Peeters',
    signatoryFunction: 'de teamleider toegang, namens deze',
    objectionAddress: 'Postbus 3434, 5902 RK Venlo, t.a.v. de commissie bezwaarschriften',
  };
  const motivation = 'Sam heeft hulp nodig om weer elke dag naar school te gaan.';

  const step = async (command: string, body: object, as: Caller = callers.coordinator) => {
    const res = await api('POST', commandPath(caseNumber, command), body, { as });
    expect({ command, status: res.status, body: res.body }).toMatchObject({ status: 200 });
  };
  const mailTo = async (address: string) =>
    (await caughtMail()).filter((m) => m.to.some((t) => t.address === address));
  const bySubject = (mails: CaughtMail[], start: string) =>
    mails.filter((m) => m.subject.startsWith(start));

  it('refuses municipality details and carers it cannot print, with 400 and the field', async () => {
    const phone = await api(
      'PUT',
      '/municipalities/0983',
      { name: 'Venlo', phone: 'bel ons' },
      { as: callers.ops },
    );
    expect(phone.status).toBe(400);
    expect(phone.body).toMatchObject({
      details: [{ field: 'phone', problems: [expect.stringContaining('a telephone number')] }],
    });
    const carer = await register.client(`client-bad-${id}`, {
      name: 'Sam Jansen',
      carers: [{ name: 'Maria Jansen', email: 'geen-adres', relation: 'moeder' }],
    });
    expect(carer.status).toBe(400);
    const fields = (carer.body as { details: Array<{ field: string }> }).details.map(
      (d) => d.field,
    );
    expect(fields.sort()).toEqual(['carers[0].email', 'carers[0].relation']);
  });

  it('sends the beschikking to both carers once each, on behalf of the college, with what, why and how to object', async () => {
    expect(
      (await api('PUT', '/municipalities/0983', municipality, { as: callers.ops })).status,
    ).toBe(200);
    expect(
      (
        await register.coordinator(`coord-${id}`, {
          name: 'Anna de Vries',
          email: `anna.${id}@cjg.example`,
        })
      ).status,
    ).toBe(200);
    expect(
      (await register.provider(agbCode, { name: 'Jeugdhulp Noord', email: `zorg.${id}@x.example` }))
        .status,
    ).toBe(200);
    // Sam is 10: his own address does not get the family's letters yet (policy: from 16).
    const today = amsterdamDate(new Date());
    const registered = await register.client(clientId, {
      name: 'Sam Jansen',
      email: sam,
      dateOfBirth: addToDate(today, -10 * 12),
      carers: [
        { name: 'Maria Jansen', email: maria, relation: 'ouder' },
        { name: 'Peter Jansen', email: peter, relation: 'ouder' },
      ],
    });
    expect(registered.status).toBe(200);
    const client = await api<{ carers: unknown[] }>('GET', `/clients/${clientId}`);
    expect(client.body.carers).toEqual([
      { name: 'Maria Jansen', email: maria, relation: 'ouder' },
      { name: 'Peter Jansen', email: peter, relation: 'ouder' },
    ]);

    expect(
      (
        await api('POST', '/trajectories', {
          caseNumber,
          municipalityCode: '0983',
          coordinatorId: `coord-${id}`,
          clientId,
          familyId: `fam-${id}`,
        })
      ).status,
    ).toBe(201);
    const omvang = { volume: 4, unit: '04', frequency: '2' };
    await step('agreeResults', {
      plan: {
        results: [{ id: 'school', description: 'Naar school', measure: '5 van 5 dagen' }],
        inzet: { productCategory: '45', productCode: '45A01', omvang },
      },
    });
    await step('referToProvider', { agbCode });
    await step(
      'recordProviderIntake',
      { agbCode, activities: ['gezinsbegeleiding'], expectedDurationWeeks: 26 },
      callers.provider(agbCode),
    );
    await step('signOffPlan', await planSignOff());
    const startDate = addToDate(today, 0, -1);
    const endDate = addToDate(today, 12);
    await step('issueBeschikking', {
      beschikking: {
        number: `B-${id.toUpperCase()}`,
        kind: 'zin',
        startDate,
        endDate,
        toewijzingen: [
          { agbCode, toewijzingnummer: 'T1', productCategory: '45', productCode: '45A01', omvang },
        ],
      },
      motivation,
    });

    for (const carer of [
      { address: maria, name: 'Maria Jansen' },
      { address: peter, name: 'Peter Jansen' },
    ]) {
      const mails = await eventually(
        () => mailTo(carer.address),
        (found) => bySubject(found, `Beschikking B-${id.toUpperCase()}`).length > 0,
      );
      const [beschikking, ...again] = bySubject(mails, `Beschikking B-${id.toUpperCase()}`);
      expect(again).toEqual([]);
      expect(bySubject(mails, 'Uw ondersteuningsplan (deel 1)')).toHaveLength(1);
      const text = beschikking!.text;
      expect(text).toMatch(new RegExp(`^Beste ${carer.name},\\n`));
      expect(text).toContain(
        'namens het college van burgemeester en wethouders van Venlo besloten over uw aanvraag voor jeugdhulp',
      );
      expect(text).toContain(
        'U krijgt Jeugdhulp ambulant (productcode 45A01): 4 uur per week, van Jeugdhulp Noord.',
      );
      const datum = (date: string) =>
        new Intl.DateTimeFormat('nl-NL', {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'Europe/Amsterdam',
        }).format(new Date(`${date}T12:00:00Z`));
      expect(text).toContain(
        `De beschikking geldt van ${datum(startDate)} tot en met ${datum(endDate)}.`,
      );
      expect(text).toContain(`Waarom wij dit besluiten: ${motivation}`);
      expect(text).toContain(
        `binnen zes weken na de dag waarop deze brief is verstuurd. Stuur een brief aan het college van burgemeester en wethouders van Venlo, ${municipality.objectionAddress}.`,
      );
      expect(text).toContain(
        `Heeft u vragen? Neem dan contact op met Anna de Vries, coördinator bij het Centrum voor Jeugd en Gezin: anna.${id}@cjg.example.`,
      );
      expect(text).toContain(
        'Gemeente Venlo: Postbus 3434, 5902 RK Venlo, telefoon 14 077, jeugd@venlo.example, www.venlo.example.',
      );
      expect(text).toContain(
        `Met vriendelijke groet,\n\n${municipality.signatoryName}, ${municipality.signatoryFunction}\n`,
      );
      expect(text).not.toContain(agbCode);
      expect(text).not.toContain(`coord-${id}`);
    }
    // The young person under the policy's age got nothing; the provider got its copy.
    expect(await mailTo(sam)).toEqual([]);
    const copy = await eventually(
      () => mailTo(`zorg.${id}@x.example`),
      (found) => bySubject(found, `Beschikking B-${id.toUpperCase()}`).length > 0,
    );
    expect(bySubject(copy, `Beschikking B-${id.toUpperCase()}`)[0]!.text).toContain(
      'U krijgt een kopie van dit besluit, omdat u de zorgaanbieder bent.',
    );
    // One ledger row per carer, none for the young person's own address.
    const ledger = await sql<{ recipient_ref: string; status: string }>(
      `SELECT recipient_ref, status FROM notification_ledger
        WHERE workflow_id = $1 AND kind = 'beschikking-issued' ORDER BY recipient_ref`,
      [trajectoryWorkflowId(caseNumber)],
    );
    expect(ledger).toEqual([
      { recipient_ref: `client:${clientId}/carer:1`, status: 'sent' },
      { recipient_ref: `client:${clientId}/carer:2`, status: 'sent' },
      { recipient_ref: `provider:${agbCode}`, status: 'sent' },
    ]);
  });

  it('sends each carer the 3-month check with a link of its own; the first answer counts', async () => {
    await step('decideCoordination', {
      coordinate: false,
      criteria: {
        typeOfCare: 'ambulant',
        numberOfProducts: 1,
        complexity: 'low',
        helpQuestion: 'clear',
        selfReliance: 'high',
      },
    });
    const links: string[] = [];
    for (const address of [maria, peter]) {
      const mails = await eventually(
        () => mailTo(address),
        (found) => bySubject(found, 'Hoe gaat het met de hulp?').length > 0,
      );
      const checks = bySubject(mails, 'Hoe gaat het met de hulp?');
      expect(checks).toHaveLength(1);
      const link = /Beantwoord de vraag: (\S+)/.exec(checks[0]!.text)?.[1];
      expect(link).toMatch(new RegExp(`^${apiUrl()}/answers/${caseNumber}\\?token=`));
      links.push(link!);
    }
    expect(new Set(links).size).toBe(2);
    const answer = async (link: string) => {
      const token = new URL(link).searchParams.get('token')!;
      const response = await fetch(`${apiUrl()}/answers/${caseNumber}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, fitting: 'ja' }).toString(),
        signal: AbortSignal.timeout(30_000),
      });
      return response.status;
    };
    expect(await answer(links[0]!)).toBe(200);
    // The question is answered: Peter's link is told so, and nothing changes.
    expect(await answer(links[1]!)).toBe(409);
  });
});
