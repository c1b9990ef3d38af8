import { randomBytes } from 'node:crypto';
import { addToDate, amsterdamDate } from '@cjg/domain';
import { signAnswerToken, type AnswerQuestion } from '@cjg/notifications';
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
  planSignOff,
} from '../support/e2e';

jest.setTimeout(120_000);

interface View {
  phase: string;
  threeMonthCheck: { status: string; answeredAt?: string };
  questionnaires: {
    midway: { status: string; rating?: number; ratingCjg?: number; ratingCoordinator?: number };
    end: { status: string };
  };
}

interface Page {
  status: number;
  text: string;
  headers: Headers;
}

const secret = () => {
  const value = process.env.E2E_ANSWER_SECRET;
  if (!value)
    throw new Error('E2E_ANSWER_SECRET is not set: run through jest --selectProjects e2e');
  return value;
};

/** A token as the worker puts it in a letter, signed with the e2e stack's secret. */
function mint(
  caseNumber: string,
  question: AnswerQuestion,
  options: { expiresAt?: Date; secret?: string | Buffer } = {},
): string {
  return signAnswerToken(options.secret ?? secret(), {
    caseNumber,
    question,
    expiresAt: options.expiresAt ?? new Date(Date.now() + 10 * 60_000),
  });
}

const jtiOf = (token: string): string =>
  (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { jti: string }).jti;

/** What a browser does: GET the link's page. */
async function openPage(caseNumber: string, token: string, accept = 'text/html'): Promise<Page> {
  const response = await fetch(
    `${apiUrl()}/answers/${caseNumber}?token=${encodeURIComponent(token)}`,
    { headers: { accept }, signal: AbortSignal.timeout(30_000) },
  );
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** What a browser does: post the page's form. */
async function postForm(caseNumber: string, fields: Record<string, string>): Promise<Page> {
  const response = await fetch(`${apiUrl()}/answers/${caseNumber}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    },
    body: new URLSearchParams(fields).toString(),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const view = async (caseNumber: string) =>
  (await api<View>('GET', `/trajectories/${caseNumber}`)).body;

const uses = (caseNumber: string) =>
  sql<{ jti: string; question: string; outcome: string }>(
    'SELECT jti, question, outcome FROM answer_token_use WHERE case_number = $1 ORDER BY used_at',
    [caseNumber],
  );

/**
 * Drives a new case to monitoring (or, with `decided: false`, leaves it in phase beschikking with
 * the coordination decision still open), where the e2e policy sends the 3-month check and the
 * midway questionnaire within seconds, and waits until both await the client's answer.
 */
async function caseAwaitingAnswers(
  label: string,
  { decided = true } = {},
): Promise<{ caseNumber: string; email: string }> {
  const id = unique();
  const caseNumber = `CJG-ANS${label}-${id.toUpperCase()}`;
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const email = `ouders.${id}@gezin.example`;
  expect(
    (
      await register.coordinator(`coord-${id}`, {
        name: 'Anna de Vries',
        email: `anna.${id}@cjg.example`,
      })
    ).status,
  ).toBe(200);
  expect((await register.client(`client-${id}`, { name: 'Sam Jansen', email })).status).toBe(200);
  expect(
    (await register.provider(agbCode, { name: 'Jeugdhulp Midden', email: `zorg.${id}@x.example` }))
      .status,
  ).toBe(200);
  expect(
    (
      await api('POST', '/trajectories', {
        caseNumber,
        municipalityCode: '0957',
        coordinatorId: `coord-${id}`,
        clientId: `client-${id}`,
        familyId: `fam-${id}`,
      })
    ).status,
  ).toBe(201);
  const step = async (command: string, body: object, as: Caller = callers.coordinator) => {
    const res = await api('POST', commandPath(caseNumber, command), body, { as });
    expect({ command, status: res.status, body: res.body }).toMatchObject({ status: 200 });
  };
  const today = amsterdamDate(new Date());
  const omvang = { volume: 4, unit: '04', frequency: '2' };
  await step('agreeResults', {
    plan: {
      results: [{ id: 'school', description: 'Naar school', measure: '4 van 5 dagen' }],
      inzet: { productCategory: '45', omvang },
    },
  });
  await step('referToProvider', { agbCode });
  await step(
    'recordProviderIntake',
    { agbCode, activities: ['gezinsbegeleiding'], expectedDurationWeeks: 26 },
    callers.provider(agbCode),
  );
  await step('signOffPlan', await planSignOff());
  await step('issueBeschikking', {
    beschikking: {
      number: `B-${id.toUpperCase()}`,
      kind: 'zin',
      startDate: addToDate(today, 0, -1),
      endDate: addToDate(today, 12),
      toewijzingen: [{ agbCode, toewijzingnummer: 'T1', productCategory: '45', omvang }],
    },
  });
  if (decided) {
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
  }
  await eventually(
    () => view(caseNumber),
    (v) => v.threeMonthCheck.status === 'sent' && v.questionnaires.midway.status === 'sent',
  );
  return { caseNumber, email };
}

/**
 * Client answers through the real API, Temporal, worker and PostgreSQL: the e2e policy gives the
 * client 60 s to answer, so every test here answers well within that.
 */
describe('client answers through a signed link', () => {
  let a: { caseNumber: string; email: string };
  let b: { caseNumber: string; email: string };
  /** The 3-month-check token of case A that the tests below use for its one valid answer. */
  let tokenA: string;

  beforeAll(async () => {
    [a, b] = await Promise.all([caseAwaitingAnswers('A'), caseAwaitingAnswers('B')]);
    tokenA = mint(a.caseNumber, 'three-month-check');
  });

  it('shows the question as a Dutch page that works under the CSP, without using the link', async () => {
    const page = await openPage(a.caseNumber, tokenA);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.text).toContain('Past de hulp bij wat u nodig heeft?');
    expect(page.text).toContain(`<input type="hidden" name="token" value="${tokenA}">`);
    expect(page.text).toContain(`Dossiernummer: ${a.caseNumber}`);
    expect(page.text).not.toMatch(/Sam|Jansen|Anna/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');

    const questionnaire = await openPage(a.caseNumber, mint(a.caseNumber, 'questionnaire-midway'));
    expect(questionnaire.status).toBe(200);
    expect(questionnaire.text).toContain('Hoe tevreden bent u over de hulp van de zorgaanbieder?');
    expect(questionnaire.text).toContain('Hoe tevreden bent u over het CJG?');
    expect(questionnaire.text.match(/name="rating"/g)).toHaveLength(5);
    expect(questionnaire.text.match(/name="ratingCoordinator"/g)).toHaveLength(5);

    const json = await openPage(a.caseNumber, tokenA, 'application/json');
    expect(json.status).toBe(200);
    expect(JSON.parse(json.text)).toMatchObject({
      caseNumber: a.caseNumber,
      question: 'three-month-check',
      text: 'Past de hulp bij wat u nodig heeft?',
    });
    expect(await uses(a.caseNumber)).toEqual([]);
  });

  it('refuses a forged token (other secret, altered payload, garbage) with 400 and changes nothing', async () => {
    const otherSecret = randomBytes(32);
    const [payload, mac] = tokenA.split('.') as [string, string];
    const otherCase = mint(b.caseNumber, 'three-month-check').split('.')[0]!;
    for (const token of [
      mint(a.caseNumber, 'three-month-check', { secret: otherSecret }),
      `${otherCase}.${mac}`,
      `${payload}.${mac.slice(0, -2)}AA`,
      'niet-een-token',
    ]) {
      const res = await postForm(a.caseNumber, { token, fitting: 'ja' });
      expect({ token, status: res.status }).toEqual({ token, status: 400 });
      expect(res.text).toContain('Deze link werkt niet');
    }
    expect((await openPage(a.caseNumber, `${payload}.${mac.slice(0, -2)}AA`)).status).toBe(400);
    expect((await view(a.caseNumber)).threeMonthCheck.status).toBe('sent');
    expect(await uses(a.caseNumber)).toEqual([]);
  });

  it('refuses an expired token with 410 Gone and changes nothing', async () => {
    const expired = mint(a.caseNumber, 'three-month-check', {
      expiresAt: new Date(Date.now() - 1000),
    });
    const res = await postForm(a.caseNumber, { token: expired, fitting: 'ja' });
    expect(res.status).toBe(410);
    expect(res.text).toContain('Deze link is verlopen');
    expect((await openPage(a.caseNumber, expired)).status).toBe(410);
    // The API's error body for a JSON caller.
    const json = await api<{ statusCode: number; message: string }>(
      'POST',
      `/answers/${a.caseNumber}`,
      { token: expired, fitting: true },
      { as: null, headers: { accept: 'application/json' } },
    );
    expect(json.status).toBe(410);
    expect(json.body).toMatchObject({ statusCode: 410, message: 'The answer link has expired.' });
    expect((await view(a.caseNumber)).threeMonthCheck.status).toBe('sent');
    expect(await uses(a.caseNumber)).toEqual([]);
  });

  it('refuses a token for case A posted to case B, changing neither', async () => {
    const res = await postForm(b.caseNumber, { token: tokenA, fitting: 'nee' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('Deze link werkt niet');
    expect((await openPage(b.caseNumber, tokenA)).status).toBe(403);
    expect((await view(a.caseNumber)).threeMonthCheck.status).toBe('sent');
    expect((await view(b.caseNumber)).threeMonthCheck.status).toBe('sent');
    expect(await uses(a.caseNumber)).toEqual([]);
    expect(await uses(b.caseNumber)).toEqual([]);
  });

  it('shows the form again for an answer without a choice (400), and the link still works', async () => {
    const res = await postForm(a.caseNumber, { token: tokenA });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Kies ja of nee.');
    expect(res.text).toContain('Past de hulp bij wat u nodig heeft?');
    expect(await uses(a.caseNumber)).toEqual([]);
  });

  it('takes a valid answer from the form: 200 thank-you page, and the case shows it', async () => {
    const res = await postForm(a.caseNumber, { token: tokenA, fitting: 'ja' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Bedankt voor uw antwoord');
    const after = await view(a.caseNumber);
    expect(after.threeMonthCheck.status).toBe('fitting');
    expect(await uses(a.caseNumber)).toEqual([
      { jti: jtiOf(tokenA), question: 'three-month-check', outcome: 'answered' },
    ]);
  });

  it('refuses the same link a second time with 409 and changes nothing', async () => {
    const before = await view(a.caseNumber);
    const again = await postForm(a.caseNumber, { token: tokenA, fitting: 'nee' });
    expect(again.status).toBe(409);
    expect(again.text).toContain('Deze link is al gebruikt');
    expect((await openPage(a.caseNumber, tokenA)).status).toBe(409);
    const after = await view(a.caseNumber);
    expect(after.threeMonthCheck).toEqual(before.threeMonthCheck);
    expect(after.threeMonthCheck.status).toBe('fitting');
    expect(await uses(a.caseNumber)).toHaveLength(1);
  });

  it('takes a JSON answer as well as a form', async () => {
    const token = mint(a.caseNumber, 'questionnaire-midway');
    const res = await api(
      'POST',
      `/answers/${a.caseNumber}`,
      { token, rating: 4, ratingCjg: 5, ratingCoordinator: 3 },
      { as: null, headers: { accept: 'application/json' } },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      caseNumber: a.caseNumber,
      question: 'questionnaire-midway',
      status: 'received',
    });
    // 004: the help, the CJG and the coordinator each rated, up to the read model.
    expect((await view(a.caseNumber)).questionnaires.midway).toMatchObject({
      status: 'answered',
      rating: 4,
      ratingCjg: 5,
      ratingCoordinator: 3,
    });
    await eventually(
      () =>
        sql(
          `SELECT rating, rating_cjg, rating_coordinator FROM client_answer
            WHERE case_number = $1 AND question = 'questionnaire-midway'`,
          [a.caseNumber],
        ),
      (rows) => rows[0]?.rating_cjg === 5 && rows[0]?.rating_coordinator === 3,
    );
  });

  it('refuses a new link to a question that is no longer open with 409, and keeps it used', async () => {
    const late = mint(a.caseNumber, 'three-month-check');
    const res = await postForm(a.caseNumber, { token: late, fitting: 'nee' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Deze vraag is gesloten');
    expect((await view(a.caseNumber)).threeMonthCheck.status).toBe('fitting');
    expect((await uses(a.caseNumber)).find((use) => use.jti === jtiOf(late))?.outcome).toBe(
      'refused',
    );
    expect((await postForm(a.caseNumber, { token: late, fitting: 'nee' })).text).toContain(
      'Deze link is al gebruikt',
    );
  });

  it('takes the answers while the coordination decision is still open (phase beschikking)', async () => {
    // The check is sent from the beschikking's start (004), so the family may answer before the
    // coordinator decided on coordination; the answer is taken, the link used once.
    const open = await caseAwaitingAnswers('C', { decided: false });
    expect((await view(open.caseNumber)).phase).toBe('beschikking');
    const token = mint(open.caseNumber, 'three-month-check');
    const res = await postForm(open.caseNumber, { token, fitting: 'nee' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Bedankt voor uw antwoord');
    const rating = await api(
      'POST',
      `/answers/${open.caseNumber}`,
      { token: mint(open.caseNumber, 'questionnaire-midway'), rating: 3 },
      { as: null, headers: { accept: 'application/json' } },
    );
    expect(rating.status).toBe(200);
    const after = await view(open.caseNumber);
    expect(after.phase).toBe('beschikking');
    expect(after.threeMonthCheck.status).toBe('not-fitting');
    expect(after.questionnaires.midway.status).toBe('answered');
    expect((await uses(open.caseNumber)).map((use) => use.outcome)).toEqual([
      'answered',
      'answered',
    ]);
  });

  it('answers 404 for a case without a trajectory, and keeps nothing', async () => {
    const unknown = `CJG-ANSX-${unique().toUpperCase()}`;
    const res = await postForm(unknown, {
      token: mint(unknown, 'three-month-check'),
      fitting: 'ja',
    });
    expect(res.status).toBe(404);
    expect(res.text).toContain('Niet gevonden');
    expect(await uses(unknown)).toEqual([]);
  });

  it('works with the link from the client’s letter', async () => {
    const letter = await eventually(
      async () =>
        (await caughtMail()).find(
          (m) =>
            m.to.some((to) => to.address === b.email) &&
            m.subject === `Hoe gaat het met de hulp? Casus ${b.caseNumber}`,
        ),
      (m) => m !== undefined,
    );
    const link = /https?:\/\/\S+\/answers\/\S+?token=[A-Za-z0-9._-]+/.exec(letter!.text)?.[0];
    if (!link) {
      // The letter templates carry the link only once sendLetter is given answerLinks.
      console.warn('the 3-month-check letter has no answer link yet: link check skipped');
      return;
    }
    const url = new URL(link);
    expect(url.origin).toBe(new URL(apiUrl()).origin);
    expect(url.pathname).toBe(`/answers/${b.caseNumber}`);
    const token = url.searchParams.get('token')!;
    expect((await openPage(b.caseNumber, token)).text).toContain(
      'Past de hulp bij wat u nodig heeft?',
    );
    expect((await postForm(b.caseNumber, { token, fitting: 'nee' })).status).toBe(200);
    expect((await view(b.caseNumber)).threeMonthCheck.status).toBe('not-fitting');
  });
});
