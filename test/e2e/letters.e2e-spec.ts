import path from 'node:path';
import type { Client } from '@temporalio/client';
import { DefaultFailureConverter, defaultPayloadConverter } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import {
  createTrajectoryActivities,
  temporalFamilyReporter,
  type LetterRequest,
  type TrajectoryActivities,
} from '@cjg/activities';
import {
  isAgbCodeFact,
  LETTER_KINDS,
  providerNameKey,
  resolvePolicy,
  trajectoryWorkflowId,
  type LetterFacts,
  type TrajectoryInput,
} from '@cjg/domain';
import { LETTER_EXAMPLES, MailDeliveryError, Mailer, renderLetter } from '@cjg/notifications';
import { createDataSource } from '@cjg/persistence';
import { connectClient } from '@cjg/temporal/connection';
import {
  commandUpdates,
  TRAJECTORY_WORKFLOW_TYPE,
  trajectoryStateQuery,
} from '@cjg/workflows/trajectory.definitions';
import { E2E_POLICY } from './global-setup';
import { caughtMail, e2eTemporalSettings, eventually, register, sql, unique } from '../support/e2e';
import { FaultProxy } from '../support/fault-proxy';
import { SmtpCatcher } from '../support/smtp-catcher';
import { storedText } from '../support/texts';

jest.setTimeout(120_000);

const FROM = 'CJG Toegang <toegang@cjg.local>';

describe('letters through a real SMTP server', () => {
  const id = unique();
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createDataSource(process.env.E2E_DATABASE_URL);
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  /**
   * The names and details the registry holds now for the ids and codes a letter's facts carry,
   * as the send path puts them in (the workflow of these letters has no case in the read model).
   */
  async function registeredNames(facts: LetterFacts): Promise<LetterFacts> {
    const names: LetterFacts = { ...facts };
    for (const [idKey, nameKey, table, column] of [
      ['coordinatorId', 'coordinatorName', 'coordinator', 'id'],
      ['municipalityCode', 'municipalityName', 'municipality', 'code'],
      ...Object.keys(facts)
        .filter(isAgbCodeFact)
        .map((key) => [key, providerNameKey(key), 'provider', 'agb_code'] as const),
    ] as const) {
      if (typeof facts[idKey] !== 'string') continue;
      const rows = await sql<{ name: string }>(`SELECT name FROM ${table} WHERE ${column} = $1`, [
        facts[idKey],
      ]);
      if (rows[0]) names[nameKey] = rows[0].name;
    }
    if (typeof facts.coordinatorId === 'string') {
      const [c] = await sql<{ name: string; email: string }>(
        'SELECT name, email FROM coordinator WHERE id = $1',
        [facts.coordinatorId],
      );
      if (c) Object.assign(names, { contactName: c.name, contactEmail: c.email });
    }
    if (typeof facts.municipalityCode === 'string') {
      const [m] = await sql<Record<string, string | null>>(
        `SELECT name AS "contactMunicipalityName", postal_address AS "contactAddress",
                phone AS "contactPhone", email AS "contactEmailAddress", website AS "contactWebsite",
                signatory_name AS "signatoryName", signatory_function AS "signatoryFunction",
                objection_address AS "objectionAddress"
           FROM municipality WHERE code = $1`,
        [facts.municipalityCode],
      );
      for (const [key, value] of Object.entries(m ?? {})) if (value) names[key] = value;
    }
    return names;
  }

  it('sends every letter kind with subject, recipient and both parts, once per retry', async () => {
    const email = `alle.brieven.${id}@gezin.example`;
    await register.client(`client-all-${id}`, { name: 'Familie Jansen', email });
    // The municipality the examples name, by its name: the letters say "gemeente Roermond".
    expect((await register.municipality('0957', 'Roermond')).status).toBe(200);
    const mailer = new Mailer({
      smtpUrl: process.env.E2E_SMTP_URL!,
      from: FROM,
      requireTls: false,
    });
    const activities = createTrajectoryActivities({ dataSource, mailer });
    try {
      for (const [sequence, kind] of LETTER_KINDS.entries()) {
        const request: LetterRequest = {
          workflowId: `letters-${id}`,
          sequence,
          kind,
          to: [{ role: 'client', id: `client-all-${id}` }],
          facts: LETTER_EXAMPLES[kind],
        };
        expect(await activities.sendLetter(request)).toMatchObject({ sent: 1, failures: [] });
        // A retried activity (the same request again) finds the letter in the ledger.
        expect(await activities.sendLetter(request)).toMatchObject({ sent: 0, alreadySent: 1 });
      }
    } finally {
      mailer.close();
    }
    const received = await eventually(
      async () => (await caughtMail()).filter((m) => m.to.some((t) => t.address === email)),
      (mails) => mails.length >= LETTER_KINDS.length,
    );
    expect(received).toHaveLength(LETTER_KINDS.length);
    for (const kind of LETTER_KINDS) {
      const facts = await registeredNames(LETTER_EXAMPLES[kind]);
      const expected = renderLetter(kind, facts, 'Familie Jansen');
      const mail = received.find((m) => m.subject === expected.subject);
      expect({ kind, subject: mail?.subject }).toEqual({ kind, subject: expected.subject });
      expect(mail?.from[0]?.address).toBe('toegang@cjg.local');
      expect(mail?.text.trim()).toBe(expected.text.trim());
      expect(mail?.html).toContain('<html lang="nl">');
      expect(mail?.html).toContain('<p>Beste Familie Jansen,</p>');
      if (facts.municipalityName) expect(mail?.text).not.toContain('0957');
    }
    const handover = received.find((m) =>
      m.subject.startsWith('Nieuwe overdracht van Veilig Thuis'),
    );
    expect(handover?.text).toContain('gemeente Roermond');
  });

  it('fails a letter the relay refuses for now without its address in the Temporal failure or the ledger', async () => {
    const email = `druk.bezet.${id}@gezin.example`;
    const clientId = `client-busy-${id}`;
    await register.client(clientId, { name: 'Familie Druk', email });
    const catcher = await SmtpCatcher.start((to) => (to === email ? 'temporarily' : false));
    const realMailer = new Mailer({ smtpUrl: catcher.url, from: FROM, requireTls: false });
    // The mailer as wired in the worker, and one that throws nodemailer's error as it is: the
    // activity keeps addresses out of what it throws whatever its mailer does.
    const rawMailer = {
      send: async () => {
        throw Object.assign(new Error(`450 4.2.1 <${email}>: Mailbox busy, try again later`), {
          code: 'EENVELOPE',
          responseCode: 450,
          rejected: [email],
        });
      },
    };
    const failures: string[] = [];
    try {
      for (const [sequence, mailer] of [realMailer, rawMailer].entries()) {
        const request: LetterRequest = {
          workflowId: `letters-busy-${id}`,
          sequence,
          kind: 'plan-deel-1',
          to: [{ role: 'client', id: clientId }],
          facts: LETTER_EXAMPLES['plan-deel-1'],
        };
        const thrown = await createTrajectoryActivities({ dataSource, mailer })
          .sendLetter(request)
          .then(
            () => undefined,
            (error: unknown) => error,
          );
        expect(thrown).toBeInstanceOf(MailDeliveryError);
        failures.push(
          JSON.stringify(
            new DefaultFailureConverter().errorToFailure(thrown, defaultPayloadConverter),
          ),
        );
      }
    } finally {
      realMailer.close();
      await catcher.stop();
    }
    for (const failure of failures) {
      expect(failure).toContain('Mailbox busy');
      expect(failure).not.toContain(email);
    }
    const rows = await sql<{ status: string; last_error: string }>(
      `SELECT status, last_error FROM notification_ledger WHERE workflow_id = $1 ORDER BY sequence`,
      [`letters-busy-${id}`],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.status).toBe('sending');
      expect(row.last_error).toContain('<adres>: Mailbox busy');
      expect(row.last_error).not.toContain(email);
    }
  });

  describe('a trajectory whose worker meets a mail outage, a retry after sending, and a refused address', () => {
    let catcher: SmtpCatcher;
    let proxy: FaultProxy;
    let client: Client;
    let worker: Worker;
    let running: Promise<void>;
    const taskQueue = `letters-${id}`;
    const people = {
      coordinator: { id: `coord-l-${id}`, email: `coord.${id}@cjg.example` },
      client: { id: `client-l-${id}`, email: `ouders.${id}@gezin.example` },
      provider: { agbCode: String(10_000_000 + Math.floor(Math.random() * 89_999_999)) },
    };
    const refusedAddress = `weigert.${id}@zorg.example`;
    const caseNumber = `CJG-MAIL-${id.toUpperCase()}`;
    let forcedRetries = 0;

    beforeAll(async () => {
      catcher = await SmtpCatcher.start((address) => address === refusedAddress);
      proxy = await FaultProxy.start(catcher.url.replace('smtp://', ''));
      await register.coordinator(people.coordinator.id, {
        name: 'Anna',
        email: people.coordinator.email,
      });
      await register.client(people.client.id, {
        name: 'Familie Jansen',
        email: people.client.email,
      });
      await register.provider(people.provider.agbCode, { name: 'Zorg', email: refusedAddress });
      const temporal = e2eTemporalSettings();
      client = await connectClient(temporal);
      const mailer = new Mailer({
        smtpUrl: `smtp://127.0.0.1:${proxy.port}`,
        from: FROM,
        requireTls: false,
      });
      const real = createTrajectoryActivities({
        dataSource,
        mailer,
        family: temporalFamilyReporter(client, taskQueue),
      });
      const activities: TrajectoryActivities = {
        ...real,
        // The worker "dies" once after plan deel 1 was sent and recorded: Temporal retries.
        async sendLetter(request) {
          const outcome = await real.sendLetter(request);
          if (request.kind === 'plan-deel-1' && forcedRetries === 0) {
            forcedRetries += 1;
            throw new Error('worker lost after sending');
          }
          return outcome;
        },
      };
      worker = await Worker.create({
        connection: await NativeConnection.connect(temporal.connection),
        dataConverter: temporal.dataConverter,
        taskQueue,
        workflowBundle: { codePath: path.resolve(__dirname, '../../dist/workflow-bundle.js') },
        activities,
      });
      running = worker.run();
    });

    afterAll(async () => {
      worker?.shutdown();
      await running?.catch(() => undefined);
      await client?.connection.close();
      await proxy?.close();
      await catcher?.stop();
    });

    const state = () =>
      client.workflow.getHandle(trajectoryWorkflowId(caseNumber)).query(trajectoryStateQuery);
    const give = (command: keyof typeof commandUpdates, args: object) =>
      client.workflow
        .getHandle(trajectoryWorkflowId(caseNumber))
        .executeUpdate(commandUpdates[command] as never, { args: [args] as never });

    it('keeps the first letter while SMTP is down and delivers it once when it returns', async () => {
      await proxy.cut();
      const input: TrajectoryInput = {
        caseNumber,
        municipalityCode: '0957',
        coordinatorId: people.coordinator.id,
        clientId: people.client.id,
        familyId: `fam-l-${id}`,
        policy: resolvePolicy(E2E_POLICY),
      };
      await client.workflow.start(TRAJECTORY_WORKFLOW_TYPE, {
        workflowId: trajectoryWorkflowId(caseNumber),
        taskQueue,
        args: [input],
      });
      // Two attempts fail on the closed port (at 0 s and 5 s).
      await eventually(
        () =>
          sql<{ attempts: number; last_error: string | null }>(
            `SELECT attempts, last_error FROM notification_ledger WHERE workflow_id = $1 AND kind = 'intake-registered'`,
            [trajectoryWorkflowId(caseNumber)],
          ),
        (rows) => (rows[0]?.attempts ?? 0) >= 2 && rows[0]?.last_error !== null,
        20_000,
      );
      expect(catcher.to(people.coordinator.email)).toEqual([]);
      await proxy.restore();
      const s = await eventually(state, (v) => v.intakeLetterSent, 40_000);
      expect(s.intakeLetterSent).toBe(true);
      expect(
        catcher
          .to(people.coordinator.email)
          .filter((m) => m.subject.startsWith('Nieuwe aanmelding')),
      ).toHaveLength(1);
    });

    it('sends a letter once when the activity is retried after the letter went out', async () => {
      await give('agreeResults', {
        plan: {
          results: [{ id: 'school', description: storedText(), measure: storedText() }],
          inzet: { productCategory: '45', omvang: { volume: 4, unit: '04', frequency: '2' } },
        },
      });
      const [row] = await eventually(
        () =>
          sql<{ status: string; attempts: number }>(
            `SELECT status, attempts FROM notification_ledger WHERE workflow_id = $1 AND kind = 'plan-deel-1'`,
            [trajectoryWorkflowId(caseNumber)],
          ),
        (rows) => rows[0]?.status === 'sent',
      );
      expect(row?.attempts).toBe(1);
      // Temporal ran the activity again (after 5 s); the ledger answered "already sent".
      await eventually(
        async () => forcedRetries,
        (n) => n === 1,
      );
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      const plans = catcher.to(people.client.email).filter((m) => m.subject.includes('deel 1'));
      expect(plans).toHaveLength(1);
      expect(plans[0]?.messageId).toMatch(/@cjg-toegang>$/);
    });

    it('records a refused address on the case and tells the coordinator, without retrying it', async () => {
      const agbCode = people.provider.agbCode;
      await give('recordProviderIntake', {
        agbCode,
        activities: storedText(),
        expectedDurationWeeks: 26,
      });
      await give('signOffPlan', { professionalId: 'gw-e2e' });
      const today = new Date().toISOString().slice(0, 10);
      await give('issueBeschikking', {
        beschikking: {
          number: `B-${id.toUpperCase()}`,
          kind: 'zin',
          startDate: today,
          endDate: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
          toewijzingen: [
            {
              agbCode,
              toewijzingnummer: 'T1',
              productCategory: '45',
              omvang: { volume: 4, unit: '04', frequency: '2' },
            },
          ],
        },
      });
      const s = await eventually(state, (v) => (v.deliveryProblems ?? []).length > 0);
      expect(s.deliveryProblems).toEqual([
        expect.objectContaining({
          letter: 'beschikking-issued',
          recipient: `provider:${agbCode}`,
          reason: 'refused',
        }),
      ]);
      const notice = await eventually(
        async () =>
          catcher.to(people.coordinator.email).filter((m) => m.subject.startsWith('Bericht niet')),
        (m) => m.length > 0,
      );
      expect(notice).toHaveLength(1);
      expect(notice[0]?.text).toContain('de mailserver weigert het adres');
      const [row] = await sql<{ status: string; attempts: number; last_error: string }>(
        `SELECT status, attempts, last_error FROM notification_ledger
          WHERE workflow_id = $1 AND kind = 'beschikking-issued' AND recipient_ref = $2`,
        [trajectoryWorkflowId(caseNumber), `provider:${agbCode}`],
      );
      expect(row).toMatchObject({ status: 'refused', attempts: 1 });
      expect(row?.last_error).toContain('550');
      expect(row?.last_error).not.toContain('zorg.example');
      // The client's copy of the same letter went out; the refused one was never retried.
      expect(
        catcher.to(people.client.email).filter((m) => m.subject.startsWith('Beschikking')),
      ).toHaveLength(1);
    });
  });
});
