import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { addToDate, addWorkingDays, amsterdamDate } from '@cjg/domain';
import {
  api,
  callers,
  commandPath,
  eventually,
  register,
  sql,
  tokenFor,
  unique,
  type Caller,
} from '../support/e2e';

jest.setTimeout(120_000);

type RoleName = 'coordinator' | 'teamLead' | 'provider' | 'ops' | 'veiligThuis' | 'gi';
const ROLE_NAMES: RoleName[] = ['coordinator', 'teamLead', 'provider', 'ops', 'veiligThuis', 'gi'];
/** The roles that see trajectories at all (partner liaisons see only their own processes). */
const READERS: RoleName[] = ['coordinator', 'teamLead', 'provider', 'ops'];

/**
 * The authorisation matrix: every role against every endpoint, on a case all four may in
 * principle reach (municipality 0957, the provider referred). The case is withdrawn first, so a
 * permitted command reaches the workflow and is refused there (409) instead of changing the case:
 * "allowed" means the API let it through (not 401/403), "forbidden" means 403.
 */
describe('authorisation: every role × every endpoint', () => {
  const id = unique();
  const caseNumber = `CJG-ACL-${id.toUpperCase()}`;
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const as: Record<RoleName, Caller> = {
    coordinator: callers.coordinator,
    teamLead: callers.teamLead,
    provider: callers.provider(agbCode),
    ops: callers.ops,
    veiligThuis: callers.veiligThuis(`vt-${id}`),
    gi: callers.gi(`gi-${id}`),
  };
  const today = amsterdamDate(new Date());
  const judged = [{ resultId: 'school', outcome: 'reached' }];
  const inzet = { productCategory: '45', omvang: { volume: 4, unit: '04', frequency: '2' } };
  /** A well-formed body per command, so the API's checks are what decides. */
  const bodies: Record<string, object> = {
    agreeResults: {
      plan: {
        results: [{ id: 'school', description: 'naar school', measure: 'aanwezigheid' }],
        inzet,
      },
    },
    referToProvider: { agbCode },
    recordProviderIntake: { agbCode, activities: ['begeleiding'], expectedDurationWeeks: 10 },
    decideDivergence: { agbCode, accept: true, reason: 'akkoord' },
    issueBeschikking: {
      beschikking: {
        number: 'B-1',
        kind: 'pgb',
        startDate: today,
        endDate: addToDate(today, 6),
        budgetEuro: 1000,
      },
    },
    recordVerdaging: { newDueDate: addToDate(today, 3), reason: 'advies nodig' },
    decideCoordination: {
      coordinate: false,
      criteria: {
        typeOfCare: 'ambulant',
        numberOfProducts: 1,
        complexity: 'low',
        helpQuestion: 'clear',
        selfReliance: 'high',
      },
    },
    recordReview: { outcomes: judged, decision: 'continue' },
    requestEndEvaluation: { reason: 'klaar' },
    recordEndEvaluation: { goals: judged, decision: 'close' },
    withdraw: { reason: 'verhuisd' },
    reportEvaluation: { agbCode, kind: 'interim', outcomes: judged },
    startZorg: { agbCode, date: today },
    stopZorg: { agbCode, date: today, reason: '01' },
    answerThreeMonthCheck: { fitting: true },
    answerQuestionnaire: { moment: 'midway', rating: 4 },
    answerReassessment: { followUpNeeded: true },
    reassignCoordinator: { coordinatorId: `coord-${id}-b`, reason: 'verlof' },
  };
  const commandRoles: Record<string, RoleName[]> = {
    recordProviderIntake: ['coordinator', 'provider'],
    reportEvaluation: ['coordinator', 'provider'],
    startZorg: ['coordinator', 'provider'],
    stopZorg: ['coordinator', 'provider'],
    reassignCoordinator: ['teamLead'],
  };

  interface Cell {
    endpoint: string;
    call: (caller: Caller) => Promise<{ status: number }>;
    allowed: RoleName[];
  }
  const cells: Cell[] = [
    {
      endpoint: 'POST /trajectories',
      call: (c) =>
        api(
          'POST',
          '/trajectories',
          {
            caseNumber: `CJG-ACL-${unique().toUpperCase()}`,
            municipalityCode: '0957',
            coordinatorId: `coord-${id}`,
            clientId: `client-${id}`,
            familyId: `fam-${id}-other`,
          },
          { as: c },
        ),
      allowed: ['coordinator'],
    },
    {
      endpoint: 'GET /trajectories',
      call: (c) => api('GET', '/trajectories', undefined, { as: c }),
      allowed: READERS,
    },
    {
      endpoint: 'GET /trajectories/:caseNumber',
      call: (c) => api('GET', `/trajectories/${caseNumber}`, undefined, { as: c }),
      allowed: READERS,
    },
    ...Object.entries(bodies).map(([command, body]) => ({
      endpoint: `POST /trajectories/:caseNumber/${commandPath('', command).split('/').pop()}`,
      call: (c: Caller) => api('POST', commandPath(caseNumber, command), body, { as: c }),
      allowed: commandRoles[command] ?? (['coordinator'] as RoleName[]),
    })),
    {
      endpoint: 'POST /reassessments',
      call: (c) =>
        api(
          'POST',
          '/reassessments',
          {
            batchId: `acl-${id}`,
            decideBy: addToDate(today, 0, 14),
            beschikkingEndFrom: '2099-01-01',
            beschikkingEndTo: '2099-01-01',
          },
          { as: c },
        ),
      allowed: ['ops'],
    },
    {
      endpoint: 'GET /reassessments',
      call: (c) => api('GET', '/reassessments', undefined, { as: c }),
      allowed: ['ops'],
    },
    {
      endpoint: 'GET /reassessments/:batchId',
      call: (c) => api('GET', `/reassessments/acl-${id}`, undefined, { as: c }),
      allowed: ['ops'],
    },
    {
      endpoint: 'PUT /coordinators/:id',
      call: (c) =>
        api(
          'PUT',
          `/coordinators/coord-${id}-b`,
          { name: 'Bram', email: `b.${id}@cjg.example` },
          { as: c },
        ),
      allowed: ['teamLead', 'ops'],
    },
    {
      endpoint: 'GET /coordinators/:id',
      call: (c) => api('GET', `/coordinators/coord-${id}`, undefined, { as: c }),
      allowed: ['coordinator', 'teamLead', 'ops'],
    },
    {
      endpoint: 'PUT /clients/:id',
      call: (c) => api('PUT', `/clients/client-${id}`, { name: 'Sam' }, { as: c }),
      allowed: ['coordinator'],
    },
    {
      endpoint: 'GET /clients/:id',
      call: (c) => api('GET', `/clients/client-${id}`, undefined, { as: c }),
      allowed: ['coordinator', 'ops'],
    },
    {
      endpoint: 'GET /clients/:id/access-log',
      call: (c) => api('GET', `/clients/client-${id}/access-log`, undefined, { as: c }),
      allowed: ['ops'],
    },
    {
      endpoint: 'PUT /organisations/:id',
      call: (c) =>
        api(
          'PUT',
          `/organisations/vt-${id}`,
          { kind: 'veilig-thuis', name: 'Veilig Thuis', email: `vt.${id}@veiligthuis.example` },
          { as: c },
        ),
      allowed: ['ops'],
    },
    {
      endpoint: 'PUT /municipalities/:code',
      call: (c) => api('PUT', '/municipalities/0957', { name: 'Roermond' }, { as: c }),
      allowed: ['ops'],
    },
    {
      endpoint: 'PUT /teams/:id',
      call: (c) =>
        api(
          'PUT',
          `/teams/team-${id}`,
          { name: 'Team Noord', municipalityCode: '0957' },
          { as: c },
        ),
      allowed: ['teamLead', 'ops'],
    },
    {
      endpoint: 'PUT /providers/:agbCode',
      call: (c) =>
        api(
          'PUT',
          `/providers/${agbCode}`,
          { name: 'Zorg', email: `z.${id}@zorg.example` },
          { as: c },
        ),
      allowed: ['ops'],
    },
    // The codec server of the Temporal Web UI: payloads hold every case's data.
    {
      endpoint: 'POST /codec/decode',
      call: (c) => api('POST', '/codec/decode', { payloads: [] }, { as: c }),
      allowed: ['ops'],
    },
    {
      endpoint: 'POST /codec/encode',
      call: (c) => api('POST', '/codec/encode', { payloads: [] }, { as: c }),
      allowed: ['ops'],
    },
  ];

  beforeAll(async () => {
    // The coordinators are in a team of 0957, so the team lead of 0957 manages them.
    await register.municipality('0957', 'Roermond');
    await register.team(`team-${id}`, { name: 'Team Noord', municipalityCode: '0957' });
    const team = { teamId: `team-${id}` };
    await register.coordinator(`coord-${id}`, { name: 'Anna', email: `a.${id}@cjg.example` });
    await register.coordinator(`coord-${id}-b`, {
      name: 'Bram',
      email: `b.${id}@cjg.example`,
      ...team,
    });
    await register.client(`client-${id}`, { name: 'Sam' });
    await register.provider(agbCode, { name: 'Zorg', email: `z.${id}@zorg.example` });
    const start = {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId: `coord-${id}`,
      clientId: `client-${id}`,
      familyId: `fam-${id}`,
    };
    expect((await api('POST', '/trajectories', start)).status).toBe(201);
    expect(
      (await api('POST', commandPath(caseNumber, 'agreeResults'), bodies.agreeResults)).status,
    ).toBe(200);
    expect(
      (await api('POST', commandPath(caseNumber, 'referToProvider'), { agbCode })).status,
    ).toBe(200);
    expect(
      (await api('POST', commandPath(caseNumber, 'withdraw'), { reason: 'matrix' })).status,
    ).toBe(200);
    // The provider's part must be in the read model too (the list reads it).
    await eventually(
      () => sql('SELECT phase FROM trajectory WHERE case_number = $1', [caseNumber]),
      (rows) => rows[0]?.phase === 'withdrawn',
    );
  });

  it('lets each role through exactly where the matrix says, and answers 403 elsewhere', async () => {
    const seen: string[] = [];
    const wrong: string[] = [];
    for (const cell of cells) {
      for (const role of ROLE_NAMES) {
        const { status } = await cell.call(as[role]);
        const allowed = cell.allowed.includes(role);
        seen.push(`${cell.endpoint} ${role} ${status}`);
        if (allowed ? status === 401 || status === 403 || status >= 500 : status !== 403) {
          wrong.push(
            `${cell.endpoint} as ${role}: ${status} (expected ${allowed ? 'allowed' : '403'})`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toHaveLength(cells.length * ROLE_NAMES.length);
  });

  it('answers 401 to every endpoint without a token, health and docs excepted', async () => {
    for (const cell of cells) {
      expect({ endpoint: cell.endpoint, status: (await cell.call(null as never)).status }).toEqual({
        endpoint: cell.endpoint,
        status: 401,
      });
    }
    expect((await api('GET', '/health', undefined, { as: null })).status).toBe(200);
    expect((await api('GET', '/docs/openapi.json', undefined, { as: null })).status).toBe(200);
  });

  it('keeps coordinators, team leads and providers inside their scope', async () => {
    const venlo: Caller = { role: 'coordinator', sub: 'coord-venlo', municipalities: ['0983'] };
    const venloLead: Caller = { role: 'team-lead', sub: 'lead-venlo', municipalities: ['0983'] };
    const otherProvider = callers.provider('87654321');
    const get = (c: Caller) => api('GET', `/trajectories/${caseNumber}`, undefined, { as: c });
    expect((await get(venlo)).status).toBe(403);
    expect((await get(venloLead)).status).toBe(403);
    expect((await get(otherProvider)).status).toBe(403);
    const stop = { agbCode: '87654321', date: today, reason: '01' };
    // A provider reaching for another provider's case, and naming another AGB code on its own.
    expect(
      (await api('POST', commandPath(caseNumber, 'stopZorg'), stop, { as: otherProvider })).status,
    ).toBe(403);
    expect(
      (await api('POST', commandPath(caseNumber, 'stopZorg'), stop, { as: as.provider })).status,
    ).toBe(403);
    expect(
      (await api('POST', commandPath(caseNumber, 'withdraw'), { reason: 'x' }, { as: venlo }))
        .status,
    ).toBe(403);
    expect(
      (
        await api(
          'POST',
          commandPath(caseNumber, 'reassignCoordinator'),
          bodies.reassignCoordinator,
          { as: venloLead },
        )
      ).status,
    ).toBe(403);
    const elsewhere = await api('POST', '/trajectories', {
      caseNumber: `CJG-ACL-${unique().toUpperCase()}`,
      municipalityCode: '0935',
      coordinatorId: `coord-${id}`,
      clientId: `client-${id}`,
      familyId: `fam-${id}-other`,
    });
    expect(elsewhere.status).toBe(403);
  });

  it('lists only what each caller may see', async () => {
    const list = async (c: Caller, query = '') =>
      api<{ items: Array<{ caseNumber: string }>; total: number }>(
        'GET',
        `/trajectories?limit=100${query}`,
        undefined,
        { as: c },
      );
    const mine = await list(as.provider);
    expect(mine.body.items.map((t) => t.caseNumber)).toEqual([caseNumber]);
    // The page and its total come from one snapshot: never {"total":1,"items":[]} (issue 16).
    expect(mine.body.total).toBe(mine.body.items.length);
    expect((await list(callers.provider('87654321'))).body.total).toBe(0);
    expect((await list(as.provider, '&agbCode=87654321')).status).toBe(403);
    const venlo: Caller = { role: 'coordinator', sub: 'coord-venlo', municipalities: ['0983'] };
    expect((await list(venlo, `&familyId=fam-${id}`)).body.total).toBe(0);
    expect((await list(venlo, '&municipalityCode=0957')).status).toBe(403);
    expect((await list(as.ops, `&familyId=fam-${id}`)).body.items.map((t) => t.caseNumber)).toEqual(
      [caseNumber],
    );
    expect((await list(as.coordinator, '&limit=101')).status).toBe(400);
    expect((await list(as.coordinator, '&sort=name')).status).toBe(400);
    expect((await list(as.coordinator, '&dueBefore=2026-02-30')).status).toBe(400);
  });

  it('refuses tokens that are expired, unsigned, wrongly signed, for another audience or malformed with 401', async () => {
    const path = `/trajectories/${caseNumber}`;
    const expired = await tokenFor(as.ops, { ttlSeconds: -600 });
    const otherAudience = await tokenFor(as.ops, { audience: 'another-api' });
    const valid = await tokenFor(as.ops);
    const [header, payload] = valid.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const stranger = await generateKeyPair('ES256');
    const wronglySigned = await new SignJWT({ role: 'ops', cjg_scope: [] })
      .setProtectedHeader({
        alg: 'ES256',
        typ: 'at+jwt',
        kid: JSON.parse(Buffer.from(header!, 'base64url').toString()).kid,
      })
      .setSubject('ops-e2e')
      .setIssuer('cjg-toegang-dev')
      .setAudience('cjg-toegang-api')
      .setExpirationTime('5m')
      .sign(stranger.privateKey);
    expect(await exportJWK(stranger.publicKey)).toBeDefined();
    // Signed by the right key, but not access tokens: an ID token, and an untyped JWT.
    const idToken = await tokenFor(as.ops, {
      typ: 'JWT',
      claims: { nonce: 'n-0S6_WzA2Mj', azp: 'cjg-portal' },
    });
    const untyped = await tokenFor(as.ops, { typ: 'JWT' });
    for (const [what, token] of Object.entries({
      expired,
      otherAudience,
      unsigned,
      wronglySigned,
      idToken,
      untyped,
      garbage: 'abc.def.ghi',
    })) {
      const res = await api<{ message: string }>('GET', path, undefined, { token });
      expect({ what, status: res.status }).toEqual({ what, status: 401 });
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const basic = await api('GET', path, undefined, {
      as: null,
      headers: { authorization: 'Basic b3BzOm9wcw==' },
    });
    expect(basic.status).toBe(401);
    expect((await api('GET', path, undefined, { token: valid })).status).toBe(200);
  });

  it('refuses a valid token without a usable role or scope with 403', async () => {
    const noScope = await tokenFor({ role: 'coordinator', sub: 'coord-x' });
    expect((await api('GET', '/trajectories', undefined, { token: noScope })).status).toBe(403);
  });

  it('takes the data scope from its own claim, never from the OAuth scope a client asks for', async () => {
    // The municipality only in `scope`: no data scope at all.
    const asked = await tokenFor(
      { role: 'coordinator', sub: 'coord-asks' },
      { oauthScope: 'openid municipality:0957' },
    );
    expect(
      (await api('GET', `/trajectories/${caseNumber}`, undefined, { token: asked })).status,
    ).toBe(403);
    // One municipality in the scope claim and another asked for in `scope`: only the first.
    const venlo = await tokenFor(
      { role: 'coordinator', sub: 'coord-venlo', municipalities: ['0983'] },
      { oauthScope: 'municipality:0957' },
    );
    expect(
      (await api('GET', `/trajectories/${caseNumber}`, undefined, { token: venlo })).status,
    ).toBe(403);
  });

  it('wrote an audit record for every command it answered, with who, role, what and result', async () => {
    const rows = await sql<{
      actor_sub: string;
      actor_role: string;
      action: string;
      outcome: string;
      status_code: number;
    }>(
      `SELECT actor_sub, actor_role, action, outcome, status_code FROM audit_event
        WHERE case_number = $1 AND actor_role <> 'workflow' ORDER BY id`,
      [caseNumber],
    );
    expect(rows.slice(0, 4)).toEqual([
      {
        actor_sub: 'coord-e2e',
        actor_role: 'coordinator',
        action: 'start',
        outcome: 'accepted',
        status_code: 201,
      },
      {
        actor_sub: 'coord-e2e',
        actor_role: 'coordinator',
        action: 'command:agreeResults',
        outcome: 'accepted',
        status_code: 200,
      },
      {
        actor_sub: 'coord-e2e',
        actor_role: 'coordinator',
        action: 'command:referToProvider',
        outcome: 'accepted',
        status_code: 200,
      },
      {
        actor_sub: 'coord-e2e',
        actor_role: 'coordinator',
        action: 'command:withdraw',
        outcome: 'accepted',
        status_code: 200,
      },
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor_role: 'provider',
          action: 'command:stopZorg',
          outcome: 'forbidden',
          status_code: 403,
        }),
        expect.objectContaining({
          actor_role: 'coordinator',
          action: 'command:recordReview',
          outcome: 'refused',
          status_code: 409,
        }),
      ]),
    );
    // The workflow's own account of the same changes, once each, whatever the retries.
    const changes = await sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE case_number = $1 AND actor_role = 'workflow'
        ORDER BY (detail ->> 'revision')::int, (detail ->> 'seq')::int`,
      [caseNumber],
    );
    // (The client has no e-mail address: its letters are recorded as undelivered, also here.)
    expect(changes.map((c) => c.action)).toEqual(
      expect.arrayContaining(['undelivered:plan-deel-1']),
    );
    expect(
      changes.map((c) => c.action).filter((a) => a === 'start' || a.startsWith('command:')),
    ).toEqual(['start', 'command:agreeResults', 'command:referToProvider', 'command:withdraw']);
    // Append-only: the database itself refuses to change history.
    await expect(
      sql('DELETE FROM audit_event WHERE case_number = $1', [caseNumber]),
    ).rejects.toThrow(/append-only/);
  });
});

/**
 * The registry by need-to-know (docs/api-access.md, "The registry"): a coordinator of 0363 whose
 * token held 0363 replaced the name and e-mail of a 0957 case's client, so the family's letters
 * and answer links went elsewhere; a team lead of 0363 could rewrite a 0957 coordinator. Every id
 * outside the caller's reach answers 404, exactly as an unknown one, and nothing changes.
 */
describe('the registry by need-to-know', () => {
  const id = unique();
  const roermond = callers.coordinator; // 0957 and 0983
  const amsterdam: Caller = {
    role: 'coordinator',
    sub: `coord-ams-${id}`,
    municipalities: ['0363'],
  };
  const leadRoermond = callers.teamLead;
  const leadAmsterdam: Caller = {
    role: 'team-lead',
    sub: `lead-ams-${id}`,
    municipalities: ['0363'],
  };
  const clientId = `client-reg-${id}`;
  const email = `ouders.${id}@gezin.example`;
  const caseNumber = `CJG-REG-${id.toUpperCase()}`;
  const coordinatorId = `coord-reg-${id}`;
  const clientRow = async (client: string) =>
    (
      await sql<{ name: string; email: string | null }>(
        'SELECT name, email FROM client WHERE id = $1',
        [client],
      )
    )[0];

  beforeAll(async () => {
    await register.municipality('0957', 'Roermond');
    await register.municipality('0363', 'Amsterdam');
    await register.team(`team-r-${id}`, { name: 'Team Roermond', municipalityCode: '0957' });
    await register.team(`team-a-${id}`, { name: 'Team Amsterdam', municipalityCode: '0363' });
    await register.coordinator(coordinatorId, {
      name: 'Anna',
      email: `anna.${id}@cjg.example`,
      teamId: `team-r-${id}`,
    });
    expect(
      (await api('PUT', `/clients/${clientId}`, { name: 'Sam Jansen', email }, { as: roermond }))
        .status,
    ).toBe(200);
    const started = await api('POST', '/trajectories', {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId,
      clientId,
      familyId: `fam-reg-${id}`,
    });
    expect(started.status).toBe(201);
    await eventually(
      () => sql('SELECT 1 FROM trajectory WHERE case_number = $1', [caseNumber]),
      (rows) => rows.length === 1,
    );
  });

  it('keeps a coordinator of another municipality from naming the client in a case of its own (422), which would bring it into reach', async () => {
    await register.coordinator(`coord-ams-${id}`, {
      name: 'Bo',
      email: `bo.${id}@cjg.example`,
      teamId: `team-a-${id}`,
    });
    const ownCase = `CJG-REGA-${id.toUpperCase()}`;
    const start = await api<{ details: Array<{ problems: string[] }> }>(
      'POST',
      '/trajectories',
      {
        caseNumber: ownCase,
        municipalityCode: '0363',
        coordinatorId: `coord-ams-${id}`,
        clientId,
        familyId: `fam-rega-${id}`,
      },
      { as: amsterdam },
    );
    expect(start.status).toBe(422);
    expect(JSON.stringify(start.body)).toContain(`clientId ${clientId} is not a registered client`);
    const vto = await api(
      'POST',
      '/vtos',
      {
        caseNumber: `VTO-REGA-${id.toUpperCase()}`,
        municipalityCode: '0363',
        coordinatorId: `coord-ams-${id}`,
        clientId,
        familyId: `fam-rega-${id}`,
        grounds: ['ernstige-ontwikkelingsbedreiging'],
        explanation: 'Zorgen',
      },
      { as: amsterdam },
    );
    expect(vto.status).toBe(422);
    // Still out of reach afterwards.
    expect((await api('GET', `/clients/${clientId}`, undefined, { as: amsterdam })).status).toBe(
      404,
    );
  });

  it('keeps a coordinator of another municipality from reading or changing the client of a case (404, unchanged)', async () => {
    const hijack = { name: 'Iemand Anders', email: `kaper.${id}@elders.example` };
    const put = await api<{ message: string }>('PUT', `/clients/${clientId}`, hijack, {
      as: amsterdam,
    });
    expect(put.status).toBe(404);
    expect(await clientRow(clientId)).toEqual({ name: 'Sam Jansen', email });
    const read = await api<{ message: string }>('GET', `/clients/${clientId}`, undefined, {
      as: amsterdam,
    });
    const unknown = await api<{ message: string }>(
      'GET',
      `/clients/client-nobody-${id}`,
      undefined,
      { as: amsterdam },
    );
    // Existence is not told: the same answer as for an id nobody registered.
    expect(read.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(read.body.message.replace(clientId, 'X')).toBe(
      unknown.body.message.replace(`client-nobody-${id}`, 'X'),
    );
    // The coordinators of the case's municipality read the address its letters go to, and ops.
    for (const caller of [roermond, callers.ops]) {
      const mine = await api('GET', `/clients/${clientId}`, undefined, { as: caller });
      expect(mine).toMatchObject({
        status: 200,
        body: { id: clientId, name: 'Sam Jansen', email },
      });
    }
    const corrected = await api(
      'PUT',
      `/clients/${clientId}`,
      { name: 'Sam Jansen', email },
      { as: roermond },
    );
    expect(corrected).toMatchObject({ status: 200, body: { created: false } });
  });

  it('lets a coordinator register a new client and reach it, by its municipality, until a case elsewhere names it', async () => {
    const fresh = `client-new-${id}`;
    const created = await api('PUT', `/clients/${fresh}`, { name: 'Noa' }, { as: amsterdam });
    expect(created).toMatchObject({ status: 200, body: { id: fresh, created: true } });
    expect(await sql('SELECT registered_by FROM client WHERE id = $1', [fresh])).toEqual([
      { registered_by: amsterdam.sub },
    ]);
    // A colleague of the same municipality reaches it; a coordinator of Roermond does not.
    const colleague: Caller = { ...amsterdam, sub: `coord-ams2-${id}` };
    expect((await api('GET', `/clients/${fresh}`, undefined, { as: colleague })).status).toBe(200);
    expect((await api('GET', `/clients/${fresh}`, undefined, { as: roermond })).status).toBe(404);
    expect((await api('PUT', `/clients/${fresh}`, { name: 'X' }, { as: roermond })).status).toBe(
      404,
    );
    expect(await clientRow(fresh)).toEqual({ name: 'Noa', email: null });
  });

  it('counts a Schakeloverleg transfer of the municipality as a case of the client', async () => {
    const org = `gi-reg-${id}`;
    const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
    const transferred = `client-so-${id}`;
    await register.organisation(org, { kind: 'gi', name: 'GI', email: `gi.${id}@gi.example` });
    await register.provider(agbCode, { name: 'Zorg', email: `z.${id}@zorg.example` });
    expect(
      (await api('PUT', `/clients/${transferred}`, { name: 'Lotte' }, { as: amsterdam })).status,
    ).toBe(200);
    expect((await api('GET', `/clients/${transferred}`, undefined, { as: roermond })).status).toBe(
      404,
    );
    const proposed = await api(
      'POST',
      '/transfers',
      {
        reference: `JB-${id.toUpperCase()}`,
        municipalityCode: '0957',
        familyId: `fam-so-${id}`,
        clientId: transferred,
        measure: 'ots',
        measureEndDate: addWorkingDays(amsterdamDate(new Date()), 40),
        care: [{ agbCode, productCategory: '45' }],
      },
      { as: callers.gi(org) },
    );
    expect(proposed.status).toBe(201);
    // Temporal's visibility store shows a new transfer within a second or so.
    await eventually(
      () => api('GET', `/clients/${transferred}`, undefined, { as: roermond }),
      (res) => res.status === 200,
    );
  });

  it('lets a team lead manage the coordinators and teams of its own municipalities only', async () => {
    const hijack = { name: 'Anna', email: `kaper.${id}@elders.example` };
    expect(
      (await api('PUT', `/coordinators/${coordinatorId}`, hijack, { as: leadAmsterdam })).status,
    ).toBe(404);
    expect((await sql('SELECT email FROM coordinator WHERE id = $1', [coordinatorId]))[0]).toEqual({
      email: `anna.${id}@cjg.example`,
    });
    expect(
      (await api('GET', `/coordinators/${coordinatorId}`, undefined, { as: leadAmsterdam })).status,
    ).toBe(404);
    expect(
      (await api('GET', `/coordinators/${coordinatorId}`, undefined, { as: amsterdam })).status,
    ).toBe(404);
    expect(
      (await api('GET', `/coordinators/${coordinatorId}`, undefined, { as: leadRoermond })).status,
    ).toBe(200);
    const corrected = { name: 'Anna de Vries', email: `anna.${id}@cjg.example` };
    expect(
      await api('PUT', `/coordinators/${coordinatorId}`, corrected, { as: leadRoermond }),
    ).toMatchObject({ status: 200, body: { created: false } });

    // A new coordinator goes into a team of the lead's municipalities: not without, not elsewhere,
    // and it cannot be moved into another municipality's team afterwards.
    const newcomer = (teamId?: string) =>
      api(
        'PUT',
        `/coordinators/coord-new-${id}`,
        { name: 'Bram', email: `bram.${id}@cjg.example`, ...(teamId ? { teamId } : {}) },
        { as: leadAmsterdam },
      );
    expect((await newcomer()).status).toBe(422);
    expect((await newcomer(`team-r-${id}`)).status).toBe(403);
    expect(await newcomer(`team-a-${id}`)).toMatchObject({ status: 200, body: { created: true } });
    expect((await newcomer(`team-r-${id}`)).status).toBe(403);

    // Teams: another municipality's team is 404 and unchanged; a new team of another is 403.
    const team = await api(
      'PUT',
      `/teams/team-r-${id}`,
      { name: 'Overgenomen', municipalityCode: '0363' },
      { as: leadAmsterdam },
    );
    expect(team.status).toBe(404);
    expect(
      await sql('SELECT name, municipality_code FROM team WHERE id = $1', [`team-r-${id}`]),
    ).toEqual([{ name: 'Team Roermond', municipality_code: '0957' }]);
    expect(
      (
        await api(
          'PUT',
          `/teams/team-x-${id}`,
          { name: 'Elders', municipalityCode: '0957' },
          { as: leadAmsterdam },
        )
      ).status,
    ).toBe(403);
    expect(
      (await api('PUT', `/teams/team-y-${id}`, { name: 'Zonder' }, { as: leadAmsterdam })).status,
    ).toBe(422);
  });
});
