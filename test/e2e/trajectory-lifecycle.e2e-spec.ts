import { writeFile } from 'node:fs/promises';
import nodePath from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ensureTemporalCli } from '../../scripts/stack/toolchain';
import { addToDate, amsterdamDate, amsterdamInstant } from '@cjg/domain';
import {
  api,
  apiUrl,
  callers,
  caughtMail,
  commandPath,
  eventually,
  register,
  sql,
  tokenFor,
  unique,
  withTemporal,
  type Caller,
  planSignOff,
} from '../support/e2e';

jest.setTimeout(120_000);

interface View {
  phase: string;
  allowedCommands: string[];
  intakeLetterSent: boolean;
  threeMonthCheck: { status: string };
  questionnaires: { midway: { status: string }; end: { status: string } };
  monitoring: { nextReviewDue?: string };
}

/**
 * A whole trajectory, intake to closed, through the real API, Temporal, worker, PostgreSQL and
 * SMTP, with the e2e stack's short policy (3-month check after 5 s, reviews every 30 s).
 */
describe('a trajectory from intake to closed through the real stack', () => {
  const id = unique();
  const caseNumber = `CJG-LIFE-${id.toUpperCase()}`;
  const agbCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const people = {
    coordinator: { id: `coord-${id}`, name: 'Anna de Vries', email: `anna.${id}@cjg.example` },
    client: { id: `client-${id}`, name: 'Sam Jansen', email: `ouders.${id}@gezin.example` },
    provider: { name: 'Jeugdhulp Midden', email: `aanbieder.${id}@zorg.example` },
  };
  const path = (command: string) => commandPath(caseNumber, command);
  const plan = {
    results: [
      {
        id: 'school',
        description: 'Sam gaat weer naar school',
        measure: 'aanwezigheid 4 van 5 dagen',
      },
      { id: 'rust', description: 'Rust in huis', measure: 'ouders geven 7 of hoger' },
    ],
    inzet: { productCategory: '45', omvang: { volume: 4, unit: '04', frequency: '2' } },
  };
  const judged = [
    { resultId: 'school', outcome: 'reached' },
    { resultId: 'rust', outcome: 'partly' },
  ];

  beforeAll(async () => {
    const { coordinator, client, provider } = people;
    expect(
      (
        await register.coordinator(coordinator.id, {
          name: coordinator.name,
          email: coordinator.email,
        })
      ).status,
    ).toBe(200);
    expect(
      (await register.client(client.id, { name: client.name, email: client.email })).status,
    ).toBe(200);
    expect((await register.provider(agbCode, provider)).status).toBe(200);
    const started = await api('POST', '/trajectories', {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId: coordinator.id,
      clientId: client.id,
      familyId: `fam-${id}`,
    });
    expect(started.status).toBe(201);
    await eventually(
      () => api<View>('GET', `/trajectories/${caseNumber}`),
      (res) => res.status === 200 && res.body.intakeLetterSent,
    );
  });

  it('refuses a command in the wrong phase with 409, and it never enters the history', async () => {
    const res = await api<{ details: unknown }>('POST', path('recordReview'), {
      outcomes: [{ resultId: 'school', outcome: 'reached' }],
      decision: 'continue',
    });
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual([
      {
        field: '',
        problems: ['recordReview is not possible in phase intake'],
        codes: ['not-possible-now'],
      },
    ]);
    const updates = await withTemporal(async (temporal) => {
      const history = await temporal.workflow.getHandle(`trajectory-${caseNumber}`).fetchHistory();
      return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)
        .length;
    });
    expect(updates).toBe(0);
  });

  it('refuses unknown fields with 400 and unknown commands with 404', async () => {
    expect((await api('POST', path('agreeResults'), { plan, extra: 1 })).status).toBe(400);
    expect((await api('POST', path('doSomething'), {})).status).toBe(404);
    // Well-formed but against the case's data (Awb: a verdaging moves the date later): the
    // workflow refuses it.
    expect(
      (
        await api('POST', path('recordVerdaging'), {
          newDueDate: amsterdamDate(new Date()),
          reason: 'advies nodig',
        })
      ).status,
    ).toBe(422);
  });

  it('walks every phase to closed', async () => {
    const provider = callers.provider(agbCode);
    const step = async (command: string, body: object, phase: string, as?: Caller) => {
      const res = await api<View>('POST', path(command), body, { as });
      expect({ command, status: res.status, body: res.body }).toMatchObject({
        command,
        status: 200,
        body: { phase },
      });
      return res.body;
    };
    await step('agreeResults', { plan }, 'results-agreed');
    // The provider sees the case only once the family is referred to it.
    expect(
      (await api('GET', `/trajectories/${caseNumber}`, undefined, { as: provider })).status,
    ).toBe(403);
    await step('referToProvider', { agbCode }, 'results-agreed');
    const asProvider = await step(
      'recordProviderIntake',
      { agbCode, activities: ['gezinsbegeleiding'], expectedDurationWeeks: 26 },
      'provider-intake',
      provider,
    );
    expect(asProvider.allowedCommands).toEqual(['recordProviderIntake']);
    const today = amsterdamDate(new Date());
    const toewijzing = {
      agbCode,
      toewijzingnummer: 'T1',
      productCategory: '45',
      omvang: { volume: 4, unit: '04', frequency: '2' },
    };
    const beschikking = {
      number: `B-${id.toUpperCase()}`,
      kind: 'zin',
      startDate: addToDate(today, 0, -1),
      endDate: addToDate(today, 12),
      toewijzingen: [toewijzing],
    };
    // 002 §3.4: a registered professional signs off plan deel 1 before any beschikking; the
    // beschikking waits for it (409), and someone not in the registry cannot sign (422).
    expect((await api('POST', path('issueBeschikking'), { beschikking })).status).toBe(409);
    const unknown = await api('POST', path('signOffPlan'), { professionalId: `gw-none-${id}` });
    expect(unknown.status).toBe(422);
    await step('signOffPlan', await planSignOff(), 'provider-intake');
    // More care than plan deel 1 decided: refused, 002 §6 item 14.
    const tooMuch = await api('POST', path('issueBeschikking'), {
      beschikking: {
        ...beschikking,
        toewijzingen: [{ ...toewijzing, omvang: { volume: 9, unit: '04', frequency: '2' } }],
      },
    });
    expect(tooMuch.status).toBe(422);
    await step('issueBeschikking', { beschikking }, 'beschikking');
    const criteria = {
      typeOfCare: 'ambulant',
      numberOfProducts: 1,
      complexity: 'high',
      helpQuestion: 'clear',
      selfReliance: 'medium',
    };
    let view = await step(
      'decideCoordination',
      { coordinate: true, criteria, reviewInterval: 'PT30S' },
      'monitoring',
    );
    expect(view.monitoring.nextReviewDue).toBeDefined();

    // The 3-month check and the midway questionnaire go out on their own (after 5 s here).
    await eventually(
      async () => (await api<View>('GET', `/trajectories/${caseNumber}`)).body,
      (v) => v.threeMonthCheck.status === 'sent',
    );
    await step('answerThreeMonthCheck', { fitting: true }, 'monitoring');
    await step('answerQuestionnaire', { moment: 'midway', rating: 4 }, 'monitoring');
    await step('recordReview', { outcomes: judged, decision: 'continue' }, 'monitoring');
    await step('startZorg', { agbCode, date: today }, 'monitoring', provider);
    await step('requestEndEvaluation', { reason: 'resultaten behaald' }, 'end-evaluation');
    await step(
      'reportEvaluation',
      { agbCode, kind: 'end', outcomes: judged },
      'end-evaluation',
      provider,
    );
    view = await step(
      'recordEndEvaluation',
      { goals: judged, decision: 'close' },
      'end-evaluation',
    );
    expect(view.questionnaires.end.status).toBe('sent');
    await step('answerQuestionnaire', { moment: 'end', rating: 5 }, 'closed');

    const closed = await api<{ message: string }>('POST', path('withdraw'), { reason: 'te laat' });
    expect(closed.status).toBe(409);
  });

  it('has the closed trajectory in PostgreSQL', async () => {
    const [row] = await eventually(
      () =>
        sql<Record<string, unknown>>(
          'SELECT phase, coordinated, beschikking_number, closed_at, overdue FROM trajectory WHERE case_number = $1',
          [caseNumber],
        ),
      (rows) => rows[0]?.phase === 'closed',
    );
    expect(row).toMatchObject({
      phase: 'closed',
      coordinated: true,
      beschikking_number: `B-${id.toUpperCase()}`,
      overdue: false,
    });
    expect(row?.closed_at).toBeInstanceOf(Date);
  });

  it('has a complete audit trail: who gave each command, and every change the workflow made', async () => {
    const given = await sql<{ actor_role: string; action: string; outcome: string }>(
      `SELECT actor_role, action, outcome FROM audit_event
        WHERE case_number = $1 AND actor_role <> 'workflow' AND outcome = 'accepted'
          AND action NOT LIKE 'read:%' ORDER BY id`,
      [caseNumber],
    );
    const changes = await eventually(
      () =>
        sql<{ action: string; revision: number }>(
          `SELECT action, (detail ->> 'revision')::int AS revision FROM audit_event
            WHERE case_number = $1 AND actor_role = 'workflow'
            ORDER BY (detail ->> 'revision')::int, (detail ->> 'seq')::int`,
          [caseNumber],
        ),
      (rows) => rows.some((r) => r.action === 'command:answerQuestionnaire'),
    );
    const accepted = given.map((g) => g.action.replace(/^command:/, ''));
    // Every command the API accepted is also a change in the workflow's account, in order.
    const applied = changes.filter((c) => c.action.startsWith('command:'));
    expect(applied.map((c) => c.action.replace(/^command:/, ''))).toEqual(
      accepted.filter((a) => a !== 'start'),
    );
    expect(given.map((g) => g.actor_role)).toEqual(
      expect.arrayContaining(['coordinator', 'provider']),
    );
    // And what nobody commanded: the start, the intake letter and the deadlines that fired.
    expect(changes.map((c) => c.action)).toEqual(
      expect.arrayContaining(['start', 'letter:intake-registered', 'deadline:three-month-check']),
    );
    // Revisions only go up.
    const revisions = changes.map((c) => c.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  });

  it('sent the family, the provider and the coordinator their letters, in Dutch, once each', async () => {
    const subjectsTo = async (email: string) =>
      (await caughtMail())
        .filter((m) => m.to.some((t) => t.address === email))
        .map((m) => m.subject);
    const client = await eventually(
      () => subjectsTo(people.client.email),
      (s) => s.some((x) => x.startsWith('Einde traject')),
    );
    expect(client.sort()).toEqual(
      [
        `Beschikking B-${id.toUpperCase()}, casus ${caseNumber}`,
        `Coördinatie en opvolging, casus ${caseNumber}`,
        `Einde traject, casus ${caseNumber}`,
        `Hoe gaat het met de hulp? Casus ${caseNumber}`,
        `Uitkomst van de tussentijdse evaluatie, casus ${caseNumber}`,
        `Uw ervaring met de hulp (afsluiting), casus ${caseNumber}`,
        `Uw ervaring met de hulp, casus ${caseNumber}`,
        `Uw ondersteuningsplan (deel 1), casus ${caseNumber}`,
      ].sort(),
    );
    const provider = await eventually(
      () => subjectsTo(people.provider.email),
      (s) => s.length >= 6,
    );
    expect(provider.sort()).toEqual(
      [
        `Verwijzing naar ${people.provider.name}, casus ${caseNumber}`,
        `Beschikking B-${id.toUpperCase()}, casus ${caseNumber}`,
        `Coördinatie en opvolging, casus ${caseNumber}`,
        `Uitkomst van de tussentijdse evaluatie, casus ${caseNumber}`,
        `Eindevaluatie nodig: casus ${caseNumber}`,
        `Einde traject, casus ${caseNumber}`,
      ].sort(),
    );
    const coordinator = await subjectsTo(people.coordinator.email);
    expect(coordinator).toEqual(
      expect.arrayContaining([
        `Nieuwe aanmelding geregistreerd: casus ${caseNumber}`,
        `Eindevaluatie nodig: casus ${caseNumber}`,
      ]),
    );
  });

  it('reported the family’s providers to its family workflow, which ended with the care', async () => {
    const status = await withTemporal(async (temporal) =>
      eventually(
        async () => (await temporal.workflow.getHandle(`family-fam-${id}`).describe()).status.name,
        (name) => name === 'COMPLETED',
      ),
    );
    expect(status).toBe('COMPLETED');
  });

  // RECORD_HISTORIES=1 npm run test:e2e stores this run's history for the replay test.
  it('can record its history for the replay test', async () => {
    const history = await withTemporal((temporal) =>
      temporal.workflow.getHandle(`trajectory-${caseNumber}`).fetchHistory(),
    );
    expect(history.events?.at(-1)?.workflowExecutionCompletedEventAttributes).toBeTruthy();
    if (process.env.RECORD_HISTORIES) {
      const file = nodePath.resolve(
        __dirname,
        '..',
        'histories',
        'trajectory-intake-to-closed.json',
      );
      // The CLI writes the JSON form the SDK's replayer reads (as the Web UI's download does).
      const cli = await ensureTemporalCli(() => undefined);
      const { stdout } = await promisify(execFile)(
        cli.path,
        [
          'workflow',
          'show',
          '-w',
          `trajectory-${caseNumber}`,
          '--address',
          process.env.E2E_TEMPORAL_ADDRESS!,
          // Decoded through the API's codec server: the replay set holds plain histories (the
          // replay test encrypts them itself), not ones under this run's throw-away key.
          '--codec-endpoint',
          `${apiUrl()}/codec`,
          '--codec-auth',
          `Bearer ${await tokenFor(callers.ops)}`,
          '-o',
          'json',
        ],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      await writeFile(file, stdout);
    }
  });
});

describe('a trajectory whose request was received before its registration', () => {
  const id = unique();
  const caseNumber = `CJG-RECV-${id.toUpperCase()}`;
  const start = (extra: Record<string, unknown>) =>
    api<{ details: Array<{ field: string; problems: string[] }> }>('POST', '/trajectories', {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId: `coord-${id}`,
      clientId: `client-${id}`,
      familyId: `fam-${id}`,
      ...extra,
    });

  beforeAll(async () => {
    expect(
      (await register.coordinator(`coord-${id}`, { name: 'Bram', email: `bram.${id}@cjg.example` }))
        .status,
    ).toBe(200);
    expect(
      (await register.client(`client-${id}`, { name: 'Kim', email: `kim.${id}@gezin.example` }))
        .status,
    ).toBe(200);
  });

  it('refuses a receivedOn after today, or more than a year back, with 422 and starts nothing', async () => {
    const today = amsterdamDate(new Date());
    for (const receivedOn of [addToDate(today, 0, 1), addToDate(today, -12, -1)]) {
      const refused = await start({ receivedOn });
      expect(refused.status).toBe(422);
      expect(JSON.stringify(refused.body.details)).toMatch(/receivedOn must not/);
    }
    expect((await start({ receivedOn: '2026-13-01' })).status).toBe(400);
    expect((await api('GET', `/trajectories/${caseNumber}`)).status).toBe(404);
  });

  it('runs the Awb deadline and its warning from 00:00 of that day, and the read model has it', async () => {
    const receivedOn = addToDate(amsterdamDate(new Date()), 0, -10);
    expect((await start({ receivedOn })).status).toBe(201);
    const view = await eventually(
      () =>
        api<{
          receivedOn?: string;
          awb: { dueAt: string };
          pendingDeadlines: Array<{ kind: string; at: string }>;
        }>('GET', `/trajectories/${caseNumber}`),
      (res) => res.status === 200,
    );
    // P8W and P6W (the default policy) from midnight in Amsterdam of the day received.
    const dueAt = amsterdamInstant(addToDate(receivedOn, 0, 56)).toISOString();
    expect(view.body.receivedOn).toBe(receivedOn);
    expect(view.body.awb.dueAt).toBe(dueAt);
    expect(view.body.pendingDeadlines).toEqual(
      expect.arrayContaining([
        { kind: 'awb-warning', at: amsterdamInstant(addToDate(receivedOn, 0, 42)).toISOString() },
        { kind: 'awb-overdue', at: dueAt },
      ]),
    );
    const [row] = await eventually(
      () =>
        sql<{ received_on: string | null }>(
          `SELECT to_char(received_on, 'YYYY-MM-DD') AS received_on FROM trajectory WHERE case_number = $1`,
          [caseNumber],
        ),
      (rows) => rows.length === 1,
    );
    expect(row?.received_on).toBe(receivedOn);
  });
});
