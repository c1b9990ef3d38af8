import { mkdtemp, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  addToDate,
  amsterdamDate,
  resolvePolicy,
  trajectoryWorkflowId,
  type TrajectoryInput,
} from '@cjg/domain';
import { runMigrations } from '@cjg/persistence';
import { CaseKindKey } from '@cjg/temporal';
import { lazyClient, temporalSettingsFromEnv } from '@cjg/temporal/connection';
import {
  commandUpdates,
  TRAJECTORY_WORKFLOW_TYPE,
  trajectoryStateQuery,
  type TrajectoryView,
} from '@cjg/workflows/trajectory.definitions';
import { freePort, type ManagedProcess } from '../../scripts/stack/process';
import {
  registerPeople,
  sql,
  startSidePostgres,
  startSideTemporal,
  startSideWorker,
} from '../../scripts/stack/side-stack';
import { SmtpCatcher } from '../support/smtp-catcher';
import { storedText } from '../support/texts';

/**
 * Fault drills (issue 9): a stack of its own (Temporal dev server on its SQLite file, a durable
 * PostgreSQL, a real SMTP server, the built worker), a batch of trajectories driven from start
 * to closed, and in the middle of it one part is killed or stopped and brought back. After each
 * drill every trajectory must be closed, every letter sent exactly once (the ledger against what
 * the SMTP server received) and the read model must match the workflows. Run: npm run drills.
 */
jest.setTimeout(15 * 60_000);

const TRAJECTORIES = Number(process.env.DRILL_TRAJECTORIES ?? 8);
const POLICY = resolvePolicy({
  threeMonthCheckAfter: 'PT4S',
  clientResponseWindow: 'PT10M',
  endEvaluationReminderInterval: 'PT10M',
  defaultReviewInterval: 'PT10M',
  reviewReminderLead: 'PT1M',
});
const AGB = '12345678';
/**
 * Letters each drilled trajectory sends: intake (coordinator), plan deel 1 (client), beschikking
 * and coordination decision (client, provider), 3-month check and midway questionnaire (client),
 * evaluation request (coordinator, provider), end questionnaire (client), end (all three).
 */
const LETTERS_PER_TRAJECTORY = 14;

interface Parts {
  dir: string;
  temporal?: ManagedProcess;
  postgres?: ManagedProcess;
  worker?: ManagedProcess;
  smtp: SmtpCatcher;
  ports: { temporal: number; postgres: number };
  databaseUrl: string;
  client?: Client;
}

const log = (message: string) => console.log(`[drill] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startTemporal(p: Parts): Promise<void> {
  p.temporal = await startSideTemporal(p.dir, p.ports.temporal);
}

async function startPostgres(p: Parts): Promise<void> {
  const pg = await startSidePostgres(p.dir, p.ports.postgres);
  p.postgres = pg.process;
  p.databaseUrl = pg.url;
}

async function startWorker(p: Parts): Promise<void> {
  p.worker = await startSideWorker(p.dir, {
    temporalAddress: `127.0.0.1:${p.ports.temporal}`,
    databaseUrl: p.databaseUrl,
    smtpUrl: p.smtp.url,
  });
}

const query = <T>(p: Parts, text: string, values: unknown[] = []) =>
  sql<T>(p.databaseUrl, text, values);

/** Retries an operation while a part is away: what a client of the system would do. */
async function persist<T>(
  what: string,
  operation: () => Promise<T>,
  untilMs = 180_000,
): Promise<T> {
  const deadline = Date.now() + untilMs;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw error;
      if (Date.now() > deadline)
        throw new Error(`${what}: ${(error as Error).message}`, { cause: error });
      await sleep(1_000);
    }
  }
}

/** One trajectory from start to closed, every step retried with a stable update id. */
async function drive(
  p: Parts,
  caseNumber: string,
  people: { coordinator: string; client: string },
) {
  const client = () => p.client!;
  const handle = () => client().workflow.getHandle(trajectoryWorkflowId(caseNumber));
  const give = async (name: keyof typeof commandUpdates, args: object) =>
    persist(`${caseNumber} ${name}`, () =>
      handle().executeUpdate(commandUpdates[name] as never, {
        args: [args] as never,
        updateId: `${caseNumber}-${name}-${'moment' in args ? String(args.moment) : ''}`,
      }),
    );
  const waitFor = async (done: (v: TrajectoryView) => boolean) =>
    persist(`${caseNumber} wait`, async () => {
      const view = await handle().query(trajectoryStateQuery);
      if (!done(view)) throw new Error('not yet');
      return view;
    });
  const input: TrajectoryInput = {
    caseNumber,
    municipalityCode: '0957',
    coordinatorId: people.coordinator,
    clientId: people.client,
    familyId: `fam-${caseNumber.toLowerCase()}`,
    policy: POLICY,
  };
  await persist(`${caseNumber} start`, async () => {
    try {
      await client().workflow.start(TRAJECTORY_WORKFLOW_TYPE, {
        workflowId: trajectoryWorkflowId(caseNumber),
        taskQueue: 'cjg-toegang',
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [{ key: CaseKindKey, value: 'trajectory' }],
      });
    } catch (error) {
      if (!/already started/i.test((error as Error).message)) throw error;
    }
  });
  const inzet = { productCategory: '45', omvang: { volume: 4, unit: '04', frequency: '2' } };
  const judged = [{ resultId: 'school', outcome: 'reached' }];
  const today = amsterdamDate(new Date());
  await give('agreeResults', {
    plan: { results: [{ id: 'school', description: storedText(), measure: storedText() }], inzet },
  });
  await give('referToProvider', { agbCode: AGB });
  await give('recordProviderIntake', {
    agbCode: AGB,
    activities: storedText(),
    expectedDurationWeeks: 10,
  });
  await give('signOffPlan', { professionalId: 'gw-drill' });
  await give('issueBeschikking', {
    beschikking: {
      number: `B-${caseNumber}`.slice(0, 40),
      kind: 'zin',
      startDate: today,
      endDate: addToDate(today, 6),
      toewijzingen: [{ agbCode: AGB, toewijzingnummer: 'T1', ...inzet }],
    },
  });
  await give('decideCoordination', {
    coordinate: false,
    criteria: {
      typeOfCare: 'ambulant',
      numberOfProducts: 1,
      complexity: 'low',
      helpQuestion: 'clear',
      selfReliance: 'high',
    },
  });
  await give('startZorg', { agbCode: AGB, date: today });
  await waitFor((v) => v.threeMonthCheck.status === 'sent');
  await give('answerThreeMonthCheck', { fitting: true });
  await waitFor((v) => v.questionnaires.midway.status === 'sent');
  await give('answerQuestionnaire', { moment: 'midway', rating: 4 });
  await give('requestEndEvaluation', { reason: 'klaar' });
  await give('reportEvaluation', { agbCode: AGB, kind: 'end', outcomes: judged });
  await give('recordEndEvaluation', { goals: judged, decision: 'close' });
  await waitFor((v) => v.questionnaires.end.status === 'sent');
  await give('answerQuestionnaire', { moment: 'end', rating: 5 });
  await waitFor((v) => v.phase === 'closed');
}

/** What a drill counts afterwards: closed cases, letters sent and received, the read model. */
async function audit(p: Parts, caseNumbers: string[]) {
  const ids = caseNumbers.map(trajectoryWorkflowId);
  const ledger = await query<{
    workflow_id: string;
    status: string;
    message_id: string | null;
    uncertain_resends: number;
  }>(
    p,
    `SELECT workflow_id, status, message_id, uncertain_resends FROM notification_ledger WHERE workflow_id = ANY($1)`,
    [ids],
  );
  const sent = ledger.filter((l) => l.status === 'sent');
  const received = new Map<string, number>();
  for (const m of p.smtp.messages) received.set(m.messageId, (received.get(m.messageId) ?? 0) + 1);
  const states = await Promise.all(
    ids.map((id) =>
      persist('state', () => p.client!.workflow.getHandle(id).query(trajectoryStateQuery)),
    ),
  );
  const rows = await query<{ case_number: string; phase: string; revision: number }>(
    p,
    `SELECT case_number, phase, revision FROM trajectory WHERE case_number = ANY($1)`,
    [caseNumbers],
  );
  const byCase = new Map(rows.map((r) => [r.case_number, r]));
  return {
    trajectories: caseNumbers.length,
    closed: states.filter((s) => s.phase === 'closed').length,
    lettersInLedger: ledger.length,
    lettersSent: sent.length,
    lettersNotSent: ledger.filter((l) => l.status !== 'sent').length,
    lettersReceived: sent.filter((l) => received.has(l.message_id ?? '')).length,
    duplicatesReceived: sent.filter((l) => (received.get(l.message_id ?? '') ?? 0) > 1).length,
    uncertainResends: ledger.reduce((n, l) => n + l.uncertain_resends, 0),
    readModelMatches: states.filter(
      (s) =>
        byCase.get(s.caseNumber)?.phase === s.phase &&
        byCase.get(s.caseNumber)?.revision === s.revision,
    ).length,
    mismatches: states
      .filter((s) => byCase.get(s.caseNumber)?.revision !== s.revision)
      .map(
        (s) =>
          `${s.caseNumber}: workflow ${s.phase}@${s.revision}, read model ${byCase.get(s.caseNumber)?.phase}@${byCase.get(s.caseNumber)?.revision}`,
      ),
  };
}

describe('fault drills', () => {
  const p = {} as Parts;
  const people = { coordinator: 'coord-drill', client: 'client-drill' };

  beforeAll(async () => {
    p.dir = await mkdtemp(path.join(os.tmpdir(), 'cjg-drill-'));
    await chmod(p.dir, 0o755);
    const [temporal, postgres, smtp] = await Promise.all([freePort(), freePort(), freePort()]);
    p.ports = { temporal: temporal!, postgres: postgres! };
    p.smtp = await SmtpCatcher.start(() => false, smtp);
    await Promise.all([startTemporal(p), startPostgres(p)]);
    await runMigrations(p.databaseUrl);
    await registerPeople(p.databaseUrl, { ...people, provider: AGB });
    await startWorker(p);
    // The worker's settings (startSideWorker: this environment and the drill's address).
    p.client = lazyClient(
      temporalSettingsFromEnv({
        ...process.env,
        TEMPORAL_ADDRESS: `127.0.0.1:${p.ports.temporal}`,
      }),
    );
    log(`stack up in ${p.dir}`);
  });

  afterAll(async () => {
    await p.client?.connection.close().catch(() => undefined);
    await p.worker?.stop();
    await p.postgres?.stop();
    await p.temporal?.stop();
    await p.smtp?.stop();
  });

  /** Drives a batch; `fault` runs a few seconds in, while the batch is under way. */
  async function drill(name: string, fault: () => Promise<void>) {
    const batch = Array.from(
      { length: TRAJECTORIES },
      (_, i) => `CJG-DRILL-${name.toUpperCase()}-${String(i + 1).padStart(2, '0')}`,
    );
    const started = Date.now();
    const driving = Promise.all(batch.map((caseNumber) => drive(p, caseNumber, people)));
    await sleep(3_000);
    await fault();
    await driving;
    // Letters and projections are retried with backoff after an outage; the cases themselves
    // may have closed before them. Wait (up to 3 minutes) until everything has arrived.
    const settled = (c: Awaited<ReturnType<typeof audit>>) =>
      c.readModelMatches === batch.length &&
      c.lettersNotSent === 0 &&
      c.lettersSent >= batch.length * LETTERS_PER_TRAJECTORY;
    let counts = await audit(p, batch);
    for (let i = 0; i < 180 && !settled(counts); i += 1) {
      await sleep(1_000);
      counts = await audit(p, batch);
    }
    log(`${name}: ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    expect(counts.closed).toBe(batch.length);
    expect(counts.lettersNotSent).toBe(0);
    expect(counts.lettersReceived).toBe(counts.lettersSent);
    expect(counts.duplicatesReceived).toBe(0);
    expect(counts.readModelMatches).toBe(batch.length);
    expect(counts.lettersSent).toBe(batch.length * LETTERS_PER_TRAJECTORY);
    return counts;
  }

  it('kill -9 of the worker in the middle of the trajectories, then a restart', async () => {
    await drill('worker', async () => {
      process.kill(p.worker!.pid!, 'SIGKILL');
      await p.worker!.whenExited();
      log('worker killed (SIGKILL)');
      await sleep(3_000);
      await startWorker(p);
      log('worker restarted');
    });
  });

  it('PostgreSQL stopped for a while', async () => {
    await drill('postgres', async () => {
      await p.postgres!.stop();
      log('PostgreSQL stopped');
      await sleep(10_000);
      await startPostgres(p);
      log('PostgreSQL started again');
    });
  });

  it('the SMTP server stopped for a while', async () => {
    await drill('smtp', async () => {
      await p.smtp.pause();
      log('SMTP server stopped');
      await sleep(15_000);
      await p.smtp.resume();
      log('SMTP server started again');
    });
  });

  it('the Temporal dev server restarted from its persistent file', async () => {
    await drill('temporal', async () => {
      await p.temporal!.stop();
      log('Temporal stopped');
      await sleep(3_000);
      await startTemporal(p);
      log('Temporal started again from its SQLite file');
    });
  });
});
