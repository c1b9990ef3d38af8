import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import {
  addToDate,
  addWorkingDays,
  amsterdamDate,
  amsterdamInstant,
  DEFAULT_SCHAKELOVERLEG_POLICY,
  handoverWorkflowId,
  isWorkingDay,
  transferIdOf,
  transferWorkflowId,
  trajectoryWorkflowId,
  vtoWorkflowId,
  type CalendarDate,
  type TrajectoryPolicy,
  type TransferInput,
} from '@cjg/domain';
import {
  CaseKindKey,
  ClientIdKey,
  FamilyIdKey,
  MunicipalityCodeKey,
  OrganisationIdKey,
  ProcessStatusKey,
} from '@cjg/temporal';
import type { schakeloverlegTransferWorkflow } from '@cjg/workflows';
import {
  SCHAKELOVERLEG_CASE_KIND,
  SCHAKELOVERLEG_WORKFLOW_TYPE,
  transferCommandUpdates,
} from '@cjg/workflows/schakeloverleg.definitions';
import { familyWorkflowId } from '@cjg/workflows/trajectory.definitions';
import {
  BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
  beschermingspleinAgendaWorkflowId,
} from '@cjg/workflows/vto.definitions';
import { mintDevToken, type DevTokenRequest } from '../scripts/stack/dev-keys';
import { sql } from '../scripts/stack/side-stack';
import { repoRoot } from '../scripts/stack/paths';
import { ensureTestServer } from '../scripts/stack/toolchain';
import { createTimeSkippingEnv, testCodec, testDataConverter } from '../test/support/workflow-env';
import { stubbedTrajectoryActivities } from './common';

/**
 * The lifecycles bench/lifecycle.ts measures: one short, usual path per process, driven through
 * the real API of a stack as a coordinator, team lead, provider, Veilig Thuis and GI would. The
 * steps and the made-up parties are those of the history recorder (test/record) and the fault
 * drills (test/drills); they are repeated here because those use Jest's globals, which the build
 * of the benchmarks does not have.
 *
 * Each lifecycle answers the workflows it brought about, each with what it is and how it ended:
 * `closed` (the run completed) or `at rest` (open, waiting for a deadline or a command, nothing in
 * flight).
 */

/** A workflow a lifecycle brought about, to be measured once it has come to its end or rest. */
export interface Measured {
  label: string;
  workflowId: string;
  ends: 'closed' | 'at rest';
  /** The first run, when known (else DescribeWorkflowExecution's `firstRunId`). */
  firstRunId?: string;
}

/** A lifecycle measured on a test server rather than the stack: its client, codec and end. */
export interface OwnServer {
  client: Client;
  codec: typeof testCodec;
  /** The server's name, printed with the figures. */
  name: string;
  teardown(): Promise<void>;
}

/** Measures a workflow now, while the lifecycle goes on (a child that would not stay at rest). */
export type Snapshot = (measured: Measured, server: OwnServer) => Promise<void>;

export interface Lifecycle {
  name: string;
  workflows: Measured[];
  /** Measured on a server of its own (the time-skipping test server), not the stack's. */
  server?: OwnServer;
}

/** What a lifecycle on the stack is driven with. */
export interface OnStack {
  api: StackApi;
  /** The stack's Temporal, with its payload codec, and the worker's task queue. */
  temporal: Client;
  taskQueue: string;
  databaseUrl: string;
  /**
   * Waits until the workflow has nothing in flight (no task, no activity) or has closed. Every
   * step waits for it, as a user's next step comes minutes later: the figures are then those of
   * steps apart, not of steps whose effects happen to share a workflow task.
   */
  settle(workflowId: string): Promise<void>;
}

// ─────────────────────────────── the API as its callers call it

type Caller = Pick<DevTokenRequest, 'role' | 'sub' | 'dataScope'>;

/** The stack's API, called with tokens signed by its dev key, as the e2e tier calls it. */
export class StackApi {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    readonly baseUrl: string,
    private readonly devKeyFile: string,
  ) {}

  /** One call; any status but `expect` fails the benchmark with the answer. */
  async call<T = Record<string, unknown>>(
    method: string,
    route: string,
    body: unknown,
    as: Caller,
    expect = 200,
  ): Promise<T> {
    const key = JSON.stringify(as);
    if (!this.tokens.has(key)) this.tokens.set(key, mintDevToken(this.devKeyFile, as));
    const response = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.tokens.get(key)!}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (response.status !== expect)
      throw new Error(`${method} ${route}: ${response.status} instead of ${expect}: ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

// ─────────────────────────────── the parties (test/record/recording.ts)

const MUNICIPALITY = '0957';

/** The made-up parties of one benchmark run; `id` keeps them apart from any other run's. */
export function parties(id: string) {
  const ID = id.toUpperCase();
  const coordinator = `coord-anna-${id}`;
  const lead = `coord-lead-${id}`;
  const org = { veiligThuis: `vt-${id}`, gi: `gi-${id}`, raad: `raad-${id}`, bp: `bp-${id}` };
  return {
    id,
    ID,
    coordinator,
    lead,
    professional: `gw-${id}`,
    agb: String(30_000_000 + (Date.now() % 999_983)),
    org,
    callers: {
      coordinator: {
        role: 'coordinator',
        sub: coordinator,
        dataScope: [`municipality:${MUNICIPALITY}`],
      },
      teamLead: { role: 'team-lead', sub: lead, dataScope: [`municipality:${MUNICIPALITY}`] },
      ops: { role: 'ops', sub: `ops-${id}` },
      provider: (agbCode: string) => ({
        role: 'provider',
        sub: `zorg-${agbCode}`,
        dataScope: [`agb:${agbCode}`],
      }),
      veiligThuis: { role: 'veilig-thuis', sub: `vt-${id}`, dataScope: [`org:${org.veiligThuis}`] },
      gi: { role: 'gi', sub: `gi-${id}`, dataScope: [`org:${org.gi}`] },
    } satisfies Record<string, Caller | ((agbCode: string) => Caller)>,
  };
}
export type Parties = ReturnType<typeof parties>;

/** Registers the coordinators, the professional, the provider, the partners and the handover lead. */
export async function registerParties(api: StackApi, p: Parties): Promise<void> {
  const { ops, teamLead } = p.callers;
  for (const [id, name] of [
    [p.coordinator, 'Anna Voorbeeld'],
    [p.lead, 'Carla Voorbeeld'],
  ])
    await api.call('PUT', `/coordinators/${id}`, { name, email: `${id}@cjg.example` }, ops);
  // 002 §3.4: the professional who signs off plan deel 1.
  await api.call(
    'PUT',
    `/professionals/${p.professional}`,
    {
      name: 'Petra Smeets',
      kind: 'gedragswetenschapper',
      register: 'SKJ',
      registrationNumber: '100012345',
    },
    ops,
  );
  await api.call(
    'PUT',
    `/providers/${p.agb}`,
    { name: 'Jeugdhulp Voorbeeld', email: `intake.${p.id}@zorg.example` },
    ops,
  );
  for (const [kind, organisationId] of [
    ['veilig-thuis', p.org.veiligThuis],
    ['gi', p.org.gi],
    ['raad', p.org.raad],
    ['beschermingsplein', p.org.bp],
  ])
    await api.call(
      'PUT',
      `/organisations/${organisationId}`,
      { kind, name: `Voorbeeldorganisatie ${kind}`, email: `${organisationId}@partner.example` },
      ops,
    );
  await api.call('PUT', `/handover-leads/${MUNICIPALITY}`, { coordinatorId: p.lead }, teamLead);
}

/** A client in the registry, registered by the coordinator. */
async function registerClient(api: StackApi, p: Parties, label: string): Promise<string> {
  const clientId = `client-${label}-${p.id}`;
  await api.call(
    'PUT',
    `/clients/${clientId}`,
    { name: 'Sam Voorbeeld', email: `ouders.${label}.${p.id}@gezin.example` },
    p.callers.coordinator,
  );
  return clientId;
}

/** Polls `check` until it holds (a row in the read model, an audit entry): no query of Temporal. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// ─────────────────────────────── the trajectory (test/drills: 14 letters)

const PLAN = {
  results: [
    {
      id: 'school',
      description: 'Sam gaat weer elke dag naar school',
      measure: 'aanwezigheid 4 van 5 dagen, volgens de mentor',
    },
  ],
  inzet: { productCategory: '45', omvang: { volume: 4, unit: '04', frequency: '2' } },
};
const JUDGED = [{ resultId: 'school', outcome: 'reached' }];

/**
 * A trajectory from its start to closed by the usual path, as the fault drills drive it: intake,
 * results agreed, referral, the provider's intake, the plan signed off, a beschikking, no
 * coordination, care started, the 3-month check and midway questionnaire (they go out on their
 * own, after a few seconds on the benchmark's policy) answered, the end evaluation requested,
 * reported and recorded, the end questionnaire answered: closed. 14 letters in all. Its family
 * workflow (samenloop, 004) is started by the care reports and ends with the care.
 */
export async function trajectoryLifecycle(stack: OnStack, p: Parties): Promise<Lifecycle> {
  const { api, databaseUrl } = stack;
  const caseNumber = `CJG-BENCH-${p.ID}`;
  const familyId = `fam-bench-${p.id}`;
  const clientId = await registerClient(api, p, 'trajectory');
  const { coordinator } = p.callers;
  const provider = p.callers.provider(p.agb);
  await api.call(
    'POST',
    '/trajectories',
    {
      caseNumber,
      municipalityCode: MUNICIPALITY,
      coordinatorId: p.coordinator,
      clientId,
      familyId,
    },
    coordinator,
    201,
  );
  const workflowId = trajectoryWorkflowId(caseNumber);
  await stack.settle(workflowId);
  const give = async (command: string, body: object, as: Caller = coordinator) => {
    const route = command.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    await api.call('POST', `/trajectories/${caseNumber}/${route}`, body, as);
    await stack.settle(workflowId);
  };
  /** The workflow's own account of what happened (the projection's audit trail). */
  const recorded = (action: string) =>
    until(`${caseNumber} ${action}`, async () => {
      const rows = await sql(
        databaseUrl,
        `SELECT 1 FROM audit_event WHERE case_number = $1 AND actor_role = 'workflow' AND action = $2`,
        [caseNumber, action],
      );
      return rows.length > 0;
    });
  const today = amsterdamDate(new Date());
  await give('agreeResults', { plan: PLAN });
  await give('referToProvider', { agbCode: p.agb });
  await give(
    'recordProviderIntake',
    { agbCode: p.agb, activities: ['Begeleiding van Sam'], expectedDurationWeeks: 10 },
    provider,
  );
  await give('signOffPlan', { professionalId: p.professional });
  await give('issueBeschikking', {
    beschikking: {
      number: `B-${caseNumber}`,
      kind: 'zin',
      startDate: today,
      endDate: addToDate(today, 6),
      toewijzingen: [{ agbCode: p.agb, toewijzingnummer: 'T1', ...PLAN.inzet }],
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
  await give('startZorg', { agbCode: p.agb, date: today }, provider);
  // The 3-month check and the midway questionnaire go out together (policy: after 4 s).
  await recorded('deadline:three-month-check');
  await stack.settle(workflowId);
  await give('answerThreeMonthCheck', { fitting: true });
  await give('answerQuestionnaire', { moment: 'midway', rating: 4 });
  await give('requestEndEvaluation', { reason: 'De resultaten zijn behaald' });
  await give('reportEvaluation', { agbCode: p.agb, kind: 'end', outcomes: JUDGED }, provider);
  // The end questionnaire goes out with the recorded end evaluation.
  await give('recordEndEvaluation', { goals: JUDGED, decision: 'close' });
  await give('answerQuestionnaire', { moment: 'end', rating: 5 });
  return {
    name: 'trajectory: start → closed',
    workflows: [
      { label: 'trajectory', workflowId, ends: 'closed' },
      {
        label: '↳ family (signal-with-start by its care reports)',
        workflowId: familyWorkflowId(familyId),
        ends: 'closed',
      },
    ],
  };
}

// ─────────────────────────────── Veilig Thuis handover

/**
 * A Veilig Thuis warm handover: handed over, accepted by the handover lead, the meeting planned
 * and held, then going on as a trajectory (which the handover starts, and which is measured at
 * rest in its intake) or with basic support.
 */
export async function handoverLifecycle(
  stack: OnStack,
  p: Parties,
  outcome: 'trajectory' | 'basic support',
): Promise<Lifecycle> {
  const { api } = stack;
  const label = outcome === 'trajectory' ? 'traject' : 'basic';
  const { coordinator, teamLead, veiligThuis } = p.callers;
  const { handoverId } = await api.call<{ handoverId: string }>(
    'POST',
    '/handovers',
    {
      reference: `VT-${p.ID}-${label.toUpperCase()}`,
      urgency: 'regular',
      handoverType: 'afschaling',
      municipalityCode: MUNICIPALITY,
      safetyConditions: ['Vader woont tijdelijk bij opa', 'Geen alcohol in huis'],
      monitoringAgreements: ['Veilig Thuis belt na zes weken met moeder'],
    },
    veiligThuis,
    201,
  );
  const workflowId = handoverWorkflowId(handoverId);
  await stack.settle(workflowId);
  const give = async (command: string, body: object, as: Caller = coordinator) => {
    await api.call('POST', `/handovers/${handoverId}/${command}`, body, as);
    await stack.settle(workflowId);
  };
  const clientId = await registerClient(api, p, `vt-${label}`);
  const today = amsterdamDate(new Date());
  await give('accept', { coordinatorId: p.coordinator }, teamLead);
  await give('plan-meeting', {
    date: today,
    time: '14:30',
    jointHomeVisit: true,
    clientId,
    familyId: `fam-vt-${label}-${p.id}`,
  });
  await give('record-meeting', {
    heldOn: today,
    jointHomeVisit: true,
    agreements: ['Moeder belt de coördinator elke vrijdag', 'Vader ziet de kinderen begeleid'],
  });
  const handover = { label: 'handover', workflowId };
  if (outcome === 'basic support') {
    await give('close-with-basic-support', {});
    return {
      name: 'Veilig Thuis handover → basic support',
      workflows: [{ ...handover, ends: 'closed' }],
    };
  }
  const caseNumber = `CJG-BENCH-VT-${p.ID}`;
  await give('start-trajectory', { caseNumber });
  return {
    name: 'Veilig Thuis handover → trajectory',
    workflows: [
      { ...handover, ends: 'closed' },
      {
        label: '↳ trajectory it started (at rest in intake)',
        workflowId: trajectoryWorkflowId(caseNumber),
        ends: 'at rest',
      },
    ],
  };
}

// ─────────────────────────────── VTO and the beschermingsplein agenda

/**
 * Two verzoeken tot onderzoek proposed, the parents informed, placed on one beschermingsplein
 * agenda (the run the weekly schedule starts, here started as the recorder does, for a meeting
 * today); one sent to the Raad, which starts an investigation, the other not sent.
 */
export async function vtoLifecycle(stack: OnStack, p: Parties): Promise<Lifecycle> {
  const { api, databaseUrl } = stack;
  const { coordinator, teamLead } = p.callers;
  const clientId = await registerClient(api, p, 'vto');
  const today = amsterdamDate(new Date());
  const status = async (caseNumber: string) =>
    (
      await sql<{ status: string }>(databaseUrl, 'SELECT status FROM vto WHERE case_number = $1', [
        caseNumber,
      ])
    )[0]?.status;
  const cases = { sent: `VTO-BENCH-SENT-${p.ID}`, notSent: `VTO-BENCH-NOTSENT-${p.ID}` };
  const give = async (caseNumber: string, command: string, body: object, as: Caller) => {
    await api.call('POST', `/vtos/${caseNumber}/${command}`, body, as);
    await stack.settle(vtoWorkflowId(caseNumber));
  };
  for (const caseNumber of Object.values(cases)) {
    await api.call(
      'POST',
      '/vtos',
      {
        caseNumber,
        municipalityCode: MUNICIPALITY,
        coordinatorId: p.coordinator,
        clientId,
        familyId: `fam-vto-${p.id}`,
        grounds: ['ernstige-ontwikkelingsbedreiging', 'onvoldoende-beweging'],
        explanation: 'Na drie gesprekken blijven de zorgen over Sam bestaan.',
      },
      coordinator,
      201,
    );
    await stack.settle(vtoWorkflowId(caseNumber));
    await give(
      caseNumber,
      'record-parents-informed',
      { informedOn: today, how: 'conversation' },
      coordinator,
    );
    // The agenda finds the requests waiting for it in the read model.
    await until(`${caseNumber} awaiting the agenda`, async () => {
      return (await status(caseNumber)) === 'awaiting-agenda';
    });
  }
  const agendaId = `${beschermingspleinAgendaWorkflowId(today)}-bench-${p.id}`;
  await stack.temporal.workflow.execute(BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE, {
    workflowId: agendaId,
    taskQueue: stack.taskQueue,
    args: [{ meetingDate: today, beschermingspleinId: p.org.bp, raadId: p.org.raad }],
  });
  for (const caseNumber of Object.values(cases)) {
    await stack.settle(vtoWorkflowId(caseNumber));
    await until(`${caseNumber} on the agenda`, async () => {
      return (await status(caseNumber)) === 'on-agenda';
    });
  }
  await give(cases.sent, 'record-decision', { decision: 'send' }, teamLead);
  await give(
    cases.sent,
    'record-raad-outcome',
    { investigationStarted: true, decidedOn: today, raadReference: `RvdK-2026/${p.ID}` },
    coordinator,
  );
  await give(
    cases.notSent,
    'record-decision',
    { decision: 'not-send', reason: 'vrijwillig-kader-voldoende' },
    coordinator,
  );
  return {
    name: 'VTO: sent to the Raad, and not sent',
    workflows: [
      {
        label: 'VTO sent, Raad investigates',
        workflowId: vtoWorkflowId(cases.sent),
        ends: 'closed',
      },
      { label: 'VTO not sent', workflowId: vtoWorkflowId(cases.notSent), ends: 'closed' },
      { label: 'beschermingsplein agenda (placed both)', workflowId: agendaId, ends: 'closed' },
    ],
  };
}

// ─────────────────────────────── Schakeloverleg transfer (time-skipping test server)

/**
 * A Schakeloverleg transfer, agreed: proposed by the GI, planned, the outcome recorded as agreed
 * (the trajectory starts at once, RULES_2026_12, and is measured at rest in its intake), and on
 * the measure's end date the voluntary frame begins and the transfer ends.
 *
 * On Temporal's time-skipping test server, not the stack: the outcome is recorded from the
 * meeting's day, a working day, and the transfer ends on the measure's end date, at least 10
 * working days later (the history recorder, test/record/record-time-skipping.workflow-spec.ts,
 * does the same). The built workflow bundle runs with the payload codec; letters are stubbed with
 * results of the real shape. The input and start search attributes are the API's for a GI's
 * proposal on a stack without `CJG_SCHAKELOVERLEG` (no contact, default deadlines).
 */
export async function transferLifecycle(
  p: Parties,
  trajectoryPolicy: TrajectoryPolicy,
  snapshot: Snapshot,
  log: (message: string) => void,
): Promise<Lifecycle> {
  const server = await ensureTestServer(log);
  process.env.TEMPORAL_TEST_SERVER_PATH = server.path;
  const env = await createTimeSkippingEnv();
  const taskQueue = `bench-lifecycle-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    dataConverter: testDataConverter,
    taskQueue,
    workflowBundle: { codePath: path.join(repoRoot(), 'dist', 'workflow-bundle.js') },
    activities: stubbedTrajectoryActivities(),
  });
  const now = async () => env.currentTimeMs();
  /** Lets the server's clock run to `at`; a skip it does not answer is asked again. */
  const skipTo = async (at: Date) => {
    for (let attempt = 0; attempt < 20 && (await now()) < at.getTime(); attempt += 1)
      await Promise.race([
        env.sleep(at.getTime() - (await now())),
        new Promise((resolve) => setTimeout(resolve, 5_000)),
      ]);
    if ((await now()) < at.getTime()) throw new Error('the test server did not skip time');
  };
  const today: CalendarDate = amsterdamDate(new Date(await now()));
  // 45 working days: clear of the planning reminder (40 before the end), which a proposal made
  // late would get at once.
  const measureEndDate = addWorkingDays(today, 45);
  const reference = `JB-${p.ID}`;
  const input: TransferInput = {
    transferId: transferIdOf(p.org.gi, reference),
    organisationId: p.org.gi,
    reference,
    municipalityCode: MUNICIPALITY,
    familyId: `fam-so-${p.id}`,
    clientId: `client-so-${p.id}`,
    measure: 'ots',
    measureEndDate,
    care: [{ agbCode: p.agb, productCategory: '45' }],
    policy: DEFAULT_SCHAKELOVERLEG_POLICY,
    trajectoryPolicy,
  };
  const caseNumber = `CJG-BENCH-SO-${p.ID}`;
  const lifecycle: Lifecycle = {
    name: 'Schakeloverleg transfer: agreed → started',
    workflows: [],
    server: {
      client: env.client,
      codec: testCodec,
      name: `time-skipping test server ${path.basename(path.dirname(server.path))}`,
      teardown: () => env.teardown(),
    },
  };
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start<typeof schakeloverlegTransferWorkflow>(
      SCHAKELOVERLEG_WORKFLOW_TYPE,
      {
        workflowId: transferWorkflowId(input.transferId),
        taskQueue,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: CaseKindKey, value: SCHAKELOVERLEG_CASE_KIND },
          { key: ProcessStatusKey, value: 'proposed' },
          { key: OrganisationIdKey, value: input.organisationId },
          { key: MunicipalityCodeKey, value: input.municipalityCode },
          { key: FamilyIdKey, value: input.familyId },
          { key: ClientIdKey, value: input.clientId },
        ],
      },
    );
    lifecycle.workflows.push({
      label: 'transfer',
      workflowId: handle.workflowId,
      ends: 'closed',
      firstRunId: handle.firstExecutionRunId,
    });
    const meetingDate = isWorkingDay(today) ? today : addWorkingDays(today, 1);
    await handle.executeUpdate(transferCommandUpdates.plan, {
      args: [{ meetingDate, coordinatorId: p.coordinator }],
    });
    // The outcome is recorded from the meeting's day on.
    if (meetingDate !== today) await skipTo(amsterdamInstant(meetingDate, 9));
    const agreed = await handle.executeUpdate(transferCommandUpdates.recordOutcome, {
      args: [{ agreed: true, parentsConsent: true, caseNumber }],
    });
    if (agreed.status !== 'agreed') throw new Error(`the transfer is ${agreed.status}`);
    // Started when agreed: the trajectory is measured now, at rest in its intake, before the
    // skip to the measure's end runs weeks of its deadlines.
    const trajectory: Measured = {
      label: '↳ trajectory it started (at rest in intake)',
      workflowId: trajectoryWorkflowId(caseNumber),
      ends: 'at rest',
    };
    lifecycle.workflows.push(trajectory);
    await snapshot(trajectory, lifecycle.server!);
    const end = amsterdamInstant(measureEndDate, DEFAULT_SCHAKELOVERLEG_POLICY.dueHour);
    await skipTo(new Date(end.getTime() + 60_000));
    await handle.result();
  });
  return lifecycle;
}
