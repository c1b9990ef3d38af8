import { amsterdamDate, trajectoryWorkflowId } from '@cjg/domain';
import {
  api,
  caughtMail,
  commandPath,
  decodedHistory,
  eventually,
  register,
  sql,
  ownMunicipality,
  unique,
} from '../support/e2e';

jest.setTimeout(60_000);

/**
 * Issue 17, item 1: an intake ends with advice (no specialised care needed) or an afwijzing (a
 * decision), through the real API, workflow, read model, letters and the intake-outcomes report.
 * A municipality of its own (Maastricht, 0935), so other tests' cases do not count.
 */
describe('the intake ends with advice or an afwijzing', () => {
  const id = unique();
  const gemeente = '0935';
  const maastricht = ownMunicipality(gemeente, 'Maastricht', `io-${id}`);
  const { coordinator, teamLead } = maastricht;
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const advised = `CJG-IO-${id.toUpperCase()}-A`;
  const rejected = `CJG-IO-${id.toUpperCase()}-R`;
  const email = (who: string) => `${who}.${id}@gezin.example`;
  const today = amsterdamDate(new Date());

  beforeAll(async () => {
    await maastricht.register('Anna de Vries');
    await register.provider(agbCode, { name: 'Jeugdhulp Zuid', email: `zuid.${id}@zorg.example` });
    for (const [caseNumber, who] of [
      [advised, 'a'],
      [rejected, 'r'],
    ] as const) {
      await maastricht.start(caseNumber, {
        id: `client-io-${who}-${id}`,
        name: `Ouders ${who}`,
        email: email(who),
      });
    }
  });

  it('refuses an unknown advice with 400 and changes nothing', async () => {
    const res = await api(
      'POST',
      commandPath(advised, 'closeWithAdvice'),
      { advice: 'cursus', explanation: 'Iets' },
      { as: coordinator },
    );
    expect(res.status).toBe(400);
    const view = await api<{ phase: string }>('GET', `/trajectories/${advised}`, undefined, {
      as: coordinator,
    });
    expect(view.body.phase).toBe('intake');
  });

  it('closes with advice: the family gets the advice in writing, in its own words', async () => {
    const res = await api(
      'POST',
      commandPath(advised, 'closeWithAdvice'),
      {
        advice: 'voorliggend-veld',
        explanation: 'De opvoedcursus in het buurthuis past bij uw vraag.',
      },
      { as: coordinator },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phase: 'closed', intakeOutcome: { kind: 'advice' } });
    // The history holds a reference, not the words (decoded, so the encryption does not hide them).
    const history = JSON.stringify(await decodedHistory(trajectoryWorkflowId(advised))).replace(
      /"data":"([A-Za-z0-9+/=]+)"/g,
      (_, data: string) => Buffer.from(data, 'base64').toString('utf8'),
    );
    expect(history).toContain('voorliggend-veld');
    expect(history).not.toContain('buurthuis');
    const mail = await eventually(
      () => caughtMail(),
      (all) => all.some((m) => m.to.some((t) => t.address === email('a'))),
    );
    const letter = mail.find((m) => m.to.some((t) => t.address === email('a')))!;
    expect(letter.subject).toBe(`Ons advies over uw hulpvraag, casus ${advised}`);
    expect(letter.text).toContain('Gespecialiseerde jeugdhulp is niet nodig');
    expect(letter.text).toContain('De opvoedcursus in het buurthuis past bij uw vraag.');
    expect(letter.text).toContain('gemeente Maastricht');
    expect(letter.text).toContain('Anna de Vries');
  });

  it('rejects a request: a decision on behalf of the college, with its motivation and how to object', async () => {
    const steps: Array<[string, object]> = [
      [
        'agreeResults',
        {
          plan: {
            results: [{ id: 'r1', description: 'Rust in huis', measure: 'cijfer ouders' }],
            inzet: { productCategory: '45', omvang: { volume: 2, unit: '04', frequency: '2' } },
          },
        },
      ],
      ['referToProvider', { agbCode }],
      [
        'rejectRequest',
        {
          ground: 'voorliggende-voorziening',
          motivation: 'De training van het buurtteam is passend en eerst aan de beurt.',
        },
      ],
    ];
    for (const [command, body] of steps) {
      const res = await api('POST', commandPath(rejected, command), body, { as: coordinator });
      expect({ command, status: res.status }).toEqual({ command, status: 200 });
    }
    const toZuid = (m: { to: Array<{ address: string }> }) =>
      m.to.some((t) => t.address === `zuid.${id}@zorg.example`);
    const mail = await eventually(
      () => caughtMail(),
      (all) =>
        all.some(
          (m) => m.to.some((t) => t.address === email('r')) && m.subject.startsWith('Besluit'),
        ) && all.some((m) => toZuid(m) && m.subject.startsWith('Einde traject')),
    );
    const decision = mail.find(
      (m) => m.to.some((t) => t.address === email('r')) && m.subject.startsWith('Besluit'),
    )!;
    expect(decision.text).toContain(
      'Namens het college van burgemeester en wethouders van gemeente Maastricht',
    );
    expect(decision.text).toContain('afgewezen');
    expect(decision.text).toContain(
      'De training van het buurtteam is passend en eerst aan de beurt.',
    );
    expect(decision.text).toContain('binnen zes weken');
    expect(decision.text).toContain('bezwaar');
    // The provider that was referred gets the referral, then learns that the case ended.
    const toProvider = mail.filter(toZuid);
    expect(toProvider.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        `Verwijzing naar Jeugdhulp Zuid, casus ${rejected}`,
        `Einde traject, casus ${rejected}`,
      ]),
    );
  });

  it('counts both in the intake-outcomes report, from the read model', async () => {
    await eventually(
      () =>
        sql('SELECT 1 FROM trajectory WHERE case_number = ANY($1) AND intake_outcome IS NOT NULL', [
          [advised, rejected],
        ]),
      (rows) => rows.length === 2,
    );
    const res = await api<{
      rows: Array<Record<string, unknown>>;
      total: { trajectories: number };
    }>(
      'GET',
      `/reports/intake-outcomes?from=${today}&to=${today}&municipalityCode=${gemeente}`,
      undefined,
      { as: teamLead },
    );
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      {
        outcome: 'advice',
        code: 'voorliggend-veld',
        label: 'een algemene voorziening in de buurt (het voorliggend veld)',
        trajectories: 1,
        pctOfAll: 50,
      },
      {
        outcome: 'rejected',
        code: 'voorliggende-voorziening',
        label: 'een algemene of andere voorziening is passend en eerst aan de beurt',
        trajectories: 1,
        pctOfAll: 50,
      },
    ]);
    expect(res.body.total).toEqual({ trajectories: 2 });
  });
});
