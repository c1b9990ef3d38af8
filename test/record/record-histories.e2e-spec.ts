import {
  addToDate,
  addWorkingDays,
  handoverWorkflowId,
  isWorkingDay,
  resolvePolicy,
  transferWorkflowId,
  trajectoryWorkflowId,
  vtoWorkflowId,
  type TrajectoryInput,
  type TrajectoryPolicy,
} from '@cjg/domain';
import { trajectoryStartSearchAttributes } from '@cjg/temporal';
import type { beschermingspleinAgendaWorkflow, trajectoryWorkflow } from '@cjg/workflows';
import { RETENTION_SWEEP_WORKFLOW_TYPE } from '@cjg/workflows/retention.definitions';
import {
  TRAJECTORY_WORKFLOW_TYPE,
  familyWorkflowId,
  familyStateQuery,
} from '@cjg/workflows/trajectory.definitions';
import {
  BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
  beschermingspleinAgendaWorkflowId,
} from '@cjg/workflows/vto.definitions';
import {
  api,
  callers,
  eventually,
  register,
  sql,
  withTemporal,
  type Caller,
  E2E_PROFESSIONAL,
} from '../support/e2e';
import {
  agb,
  beschikking,
  command,
  coordinatorA,
  coordinatorB,
  criteria,
  expectStatus,
  id,
  ID,
  inzet,
  judged,
  org,
  plan,
  printRecorded,
  read,
  registerParties,
  save,
  serviceEnv,
  startTrajectory,
  taskQueue,
  today,
} from './recording';

/**
 * `npm run histories:record`: drives every process of the current code to its main end states
 * through the real stack (the e2e tier's, with its short policy) and stores each workflow's
 * history in test/histories as `<workflow>-<end-state>.<date>.json`, for `npm run test:replay`.
 * Not part of `npm test`: it records, it does not test. Run it again after a change of behaviour
 * to add histories of the new code next to the old ones (`-t <name>` records one scenario).
 *
 * Every text here is made up. Histories hold what the code puts in them, free text included.
 */
jest.setTimeout(600_000);

beforeAll(registerParties);
afterAll(printRecorded);

/** A trajectory with one provider referred, its intake recorded and a ZIN beschikking issued. */
async function withBeschikking(label: string): Promise<string> {
  const caseNumber = await startTrajectory(label);
  await command(caseNumber, 'agreeResults', { plan });
  await command(caseNumber, 'referToProvider', { agbCode: agb[0] });
  await command(
    caseNumber,
    'recordProviderIntake',
    { agbCode: agb[0], activities: ['Begeleiding van Sam'], expectedDurationWeeks: 20 },
    callers.provider(agb[0]!),
  );
  await command(caseNumber, 'signOffPlan', { professionalId: E2E_PROFESSIONAL });
  await command(caseNumber, 'issueBeschikking', {
    beschikking: beschikking(`B-${label.toUpperCase()}-${ID}`, [agb[0]!]),
  });
  return caseNumber;
}

/**
 * A trajectory driven from its intake to monitoring: one provider referred, its intake recorded,
 * the plan signed off, a ZIN beschikking issued and the coordination decided.
 */
async function toMonitoring(
  caseNumber: string,
  label: string,
  agbCode: string,
  intake: { activities: string[]; expectedDurationWeeks: number },
  reviewInterval: string,
): Promise<void> {
  await command(caseNumber, 'agreeResults', { plan });
  await command(caseNumber, 'referToProvider', { agbCode });
  await command(
    caseNumber,
    'recordProviderIntake',
    { agbCode, ...intake },
    callers.provider(agbCode),
  );
  await command(caseNumber, 'signOffPlan', { professionalId: E2E_PROFESSIONAL });
  await command(caseNumber, 'issueBeschikking', {
    beschikking: beschikking(`B-${label}-${ID}`, [agbCode]),
  });
  await command(caseNumber, 'decideCoordination', { coordinate: true, criteria, reviewInterval });
}

/** The end evaluation asked, reported by the provider, recorded as closing, and answered. */
async function closeAfterEndEvaluation(caseNumber: string, agbCode: string): Promise<void> {
  await command(caseNumber, 'requestEndEvaluation', { reason: 'De resultaten zijn behaald' });
  await command(
    caseNumber,
    'reportEvaluation',
    { agbCode, kind: 'end', outcomes: judged },
    callers.provider(agbCode),
  );
  await command(caseNumber, 'recordEndEvaluation', { goals: judged, decision: 'close' });
  await command(caseNumber, 'answerQuestionnaire', { moment: 'end', rating: 4 });
}

describe('trajectory', () => {
  it('withdrawn during intake', async () => {
    const caseNumber = await startTrajectory('intake');
    await command(caseNumber, 'withdraw', { reason: 'De ouders trekken de hulpvraag in' });
    await save('trajectory-withdrawn-in-intake', trajectoryWorkflowId(caseNumber), {
      ends: 'completed',
    });
  });

  it('received ten days before its registration, withdrawn during intake', async () => {
    // The Awb clock (and its warning) runs from the day the request was received.
    const receivedOn = addToDate(today, 0, -10);
    const caseNumber = await startTrajectory('received', undefined, receivedOn);
    await command(caseNumber, 'withdraw', { reason: 'De ouders trekken de hulpvraag in' });
    await save('trajectory-received-before-registration', trajectoryWorkflowId(caseNumber), {
      ends: 'completed',
    });
  });

  it('with every free-text field filled, withdrawn during the end evaluation', async () => {
    const caseNumber = await startTrajectory('text');
    const provider = callers.provider(agb[0]!);
    await command(caseNumber, 'agreeResults', { plan });
    await command(caseNumber, 'recordVerdaging', {
      newDueDate: addToDate(today, 0, 70),
      reason: 'Het advies van de jeugdarts is nodig voor het besluit',
    });
    await command(caseNumber, 'referToProvider', { agbCode: agb[0] });
    await command(
      caseNumber,
      'recordProviderIntake',
      {
        agbCode: agb[0],
        activities: [
          'Gezinsbegeleiding thuis, twee keer per week',
          'Oudergesprekken over de dagstructuur',
        ],
        expectedDurationWeeks: 26,
        requestedInzet: { ...inzet, omvang: { ...inzet.omvang, volume: 6 } },
      },
      provider,
    );
    await command(caseNumber, 'decideDivergence', {
      agbCode: agb[0],
      accept: true,
      reason: 'Zes uur per week is de eerste maanden nodig om de avonden rustig te krijgen',
    });
    await command(caseNumber, 'signOffPlan', { professionalId: E2E_PROFESSIONAL });
    await command(caseNumber, 'issueBeschikking', {
      beschikking: beschikking(`B-TEXT-${ID}`, [agb[0]!], { ...inzet.omvang, volume: 6 }),
    });
    await command(caseNumber, 'decideCoordination', {
      coordinate: true,
      criteria,
      reviewInterval: 'PT30S',
    });
    await command(
      caseNumber,
      'reassignCoordinator',
      { coordinatorId: coordinatorB, reason: 'Anna gaat met verlof; Bram neemt de casus over' },
      callers.teamLead,
    );
    await command(caseNumber, 'requestEndEvaluation', {
      reason: 'Het gezin wil stoppen: het gaat goed thuis en op school',
    });
    await command(caseNumber, 'withdraw', {
      reason: 'Het gezin verhuist naar het buitenland voordat de evaluatie klaar is',
    });
    await save('trajectory-every-free-text', trajectoryWorkflowId(caseNumber), {
      ends: 'completed',
    });
  });

  it('registered as drang, then withdrawn in the intake', async () => {
    const caseNumber = await startTrajectory('drang');
    await command(caseNumber, 'markDrang', {
      since: today,
      source: 'basisvoorziening',
      reason: 'De school maakt zich zorgen; de ouders herkennen de zorgen nog niet',
    });
    await command(caseNumber, 'withdraw', { reason: 'Het gezin verhuist' });
    await save('trajectory-drang-withdrawn', trajectoryWorkflowId(caseNumber), {
      ends: 'completed',
    });
  });

  it('closed with advice in the intake (rules of 2026-12)', async () => {
    const caseNumber = await startTrajectory('advice');
    await command(caseNumber, 'closeWithAdvice', {
      advice: 'voorliggend-veld',
      explanation: 'De opvoedcursus in het buurthuis past bij de vraag van de ouders',
    });
    await save('trajectory-closed-with-advice', trajectoryWorkflowId(caseNumber), {
      ends: 'completed',
    });
  });

  it('referred (the provider gets the referral), then rejected (rules of 2026-12)', async () => {
    const caseNumber = await startTrajectory('rejected');
    await command(caseNumber, 'agreeResults', { plan });
    await command(caseNumber, 'referToProvider', { agbCode: agb[0] });
    await command(caseNumber, 'rejectRequest', {
      ground: 'andere-wet',
      motivation: 'De zorg valt onder de Wet langdurige zorg; het CIZ beslist daarover',
    });
    await save('trajectory-rejected', trajectoryWorkflowId(caseNumber), { ends: 'completed' });
  });

  it('withdrawn after care started: the end evaluation, then closed (rules of 2026-12)', async () => {
    const caseNumber = await withBeschikking('stopped');
    await command(
      caseNumber,
      'startZorg',
      { agbCode: agb[0], date: today },
      callers.provider(agb[0]!),
    );
    await command(caseNumber, 'decideCoordination', { coordinate: false, criteria });
    await command(caseNumber, 'withdraw', { reason: 'Het gezin wil zelf verder' });
    await command(caseNumber, 'recordEndEvaluation', { goals: judged, decision: 'close' });
    // 004: the help, the CJG and the coordinator rated.
    await command(caseNumber, 'answerQuestionnaire', {
      moment: 'end',
      rating: 4,
      ratingCjg: 3,
      ratingCoordinator: 5,
    });
    await save('trajectory-withdrawn-after-care', trajectoryWorkflowId(caseNumber), {
      ends: 'completed',
    });
  });

  it('reviewed: scaled up, then down, each outcome in writing (rules of 2026-12)', async () => {
    const caseNumber = await withBeschikking('reviewed');
    await command(caseNumber, 'decideCoordination', { coordinate: true, criteria });
    await command(caseNumber, 'recordReview', {
      outcomes: judged,
      decision: 'opschalen',
      reviewInterval: 'PT20S',
    });
    await command(caseNumber, 'recordReview', { outcomes: judged, decision: 'afschalen' });
    await command(caseNumber, 'withdraw', { reason: 'Het gezin verhuist voordat de hulp begint' });
    await save('trajectory-reviewed-scaled', trajectoryWorkflowId(caseNumber), {
      ends: 'completed',
    });
  });

  it('withdrawn during care, with three providers (samenloop in its family)', async () => {
    const familyId = `fam-samenloop-${id}`;
    const caseNumber = await startTrajectory('care', familyId);
    await command(caseNumber, 'agreeResults', { plan });
    for (const agbCode of agb) {
      await command(caseNumber, 'referToProvider', { agbCode });
      await command(
        caseNumber,
        'recordProviderIntake',
        { agbCode, activities: ['Begeleiding van Sam'], expectedDurationWeeks: 20 },
        callers.provider(agbCode),
      );
    }
    await command(caseNumber, 'signOffPlan', { professionalId: E2E_PROFESSIONAL });
    await command(caseNumber, 'issueBeschikking', {
      beschikking: beschikking(`B-CARE-${ID}`, agb),
    });
    await command(caseNumber, 'decideCoordination', { coordinate: false, criteria });
    // 004: three providers active at once make a samenloop family.
    await withTemporal((client) =>
      eventually(
        () =>
          client.workflow
            .getHandle(familyWorkflowId(familyId))
            .query(familyStateQuery)
            .catch(() => undefined),
        (family) => family?.alerts === 1,
      ),
    );
    await command(
      caseNumber,
      'startZorg',
      { agbCode: agb[0], date: today },
      callers.provider(agb[0]!),
    );
    await command(
      caseNumber,
      'stopZorg',
      { agbCode: agb[2], date: today, reason: '04' },
      callers.provider(agb[2]!),
    );
    await command(caseNumber, 'withdraw', {
      reason: 'Het gezin verhuist naar een andere gemeente',
    });
    // Rules of 2026-12: care had started, so the end evaluation follows the withdrawal.
    await command(caseNumber, 'recordEndEvaluation', { goals: judged, decision: 'close' });
    await command(caseNumber, 'answerQuestionnaire', { moment: 'end', rating: 3 });
    await save('trajectory-withdrawn-in-monitoring', trajectoryWorkflowId(caseNumber), {
      ends: 'completed',
    });
    // The family workflow ends when none of its trajectories has active care.
    await save('family-samenloop', familyWorkflowId(familyId), { ends: 'completed' });
  });

  it('closed with a vervolgtraject, the end questionnaire unanswered', async () => {
    const caseNumber = await startTrajectory('vervolg');
    const provider = callers.provider(agb[1]!);
    await toMonitoring(
      caseNumber,
      'VERVOLG',
      agb[1]!,
      { activities: ['Ambulante begeleiding'], expectedDurationWeeks: 12 },
      'PT30S',
    );
    await command(caseNumber, 'startZorg', { agbCode: agb[1], date: today }, provider);
    // The 3-month check goes out on its own (after 5 s on the e2e policy).
    await eventually(
      () => read(caseNumber),
      (v) => v.threeMonthCheck.status === 'sent',
    );
    await command(caseNumber, 'answerThreeMonthCheck', { fitting: false });
    // Opschalen names its shorter interval (rules of 2026-12: 001, "opschalen").
    await command(caseNumber, 'recordReview', {
      outcomes: judged,
      decision: 'opschalen',
      reviewInterval: 'PT20S',
    });
    await command(
      caseNumber,
      'reportEvaluation',
      {
        agbCode: agb[1],
        kind: 'interim',
        outcomes: judged,
      },
      provider,
    );
    await command(caseNumber, 'requestEndEvaluation', { reason: 'Zwaardere hulp is nodig' });
    await command(
      caseNumber,
      'reportEvaluation',
      { agbCode: agb[1], kind: 'end', outcomes: judged },
      provider,
    );
    await command(caseNumber, 'recordEndEvaluation', {
      goals: judged,
      decision: 'vervolgtraject',
      followUpCaseNumber: `CJG-REC-VERVOLG-${ID}-2`,
    });
    // No answer to the end questionnaire: it closes when the answer window (60 s) has passed.
    await save('trajectory-closed-with-vervolgtraject', trajectoryWorkflowId(caseNumber), {
      ends: 'completed',
    });
  });

  it('re-assessed by a batch, extended (verlenging) with a PGB, then closed', async () => {
    const caseNumber = await startTrajectory('verlenging');
    // A beschikking end date of its own, so the batch's window holds this trajectory only.
    const endDate = addToDate(today, 30, Number.parseInt(id.slice(-3), 36) % 300);
    await command(caseNumber, 'agreeResults', { plan });
    await command(caseNumber, 'referToProvider', { agbCode: agb[2] });
    await command(
      caseNumber,
      'recordProviderIntake',
      {
        agbCode: agb[2],
        activities: ['Begeleiding, ingekocht met het pgb'],
        expectedDurationWeeks: 52,
      },
      callers.provider(agb[2]!),
    );
    await command(caseNumber, 'signOffPlan', { professionalId: E2E_PROFESSIONAL });
    await command(caseNumber, 'issueBeschikking', {
      beschikking: {
        number: `B-PGB-${ID}`,
        kind: 'pgb',
        startDate: today,
        endDate,
        budgetEuro: 4800,
      },
    });
    await command(caseNumber, 'decideCoordination', { coordinate: true, criteria });
    await eventually(
      () =>
        sql('SELECT 1 FROM trajectory WHERE case_number = $1 AND phase = $2', [
          caseNumber,
          'monitoring',
        ]),
      (rows) => rows.length === 1,
    );
    const batchId = `rec-${id}`;
    await expectStatus(
      'reassessment batch',
      api(
        'POST',
        '/reassessments',
        {
          batchId,
          decideBy: addToDate(today, 0, 14),
          beschikkingEndFrom: endDate,
          beschikkingEndTo: endDate,
        },
        { as: callers.ops },
      ),
      202,
    );
    await save('reassessment-batch-completed', `reassessment-batch-${batchId}`, {
      ends: 'completed',
    });
    await command(caseNumber, 'answerReassessment', { followUpNeeded: true });
    await command(caseNumber, 'requestEndEvaluation', { reason: 'De beschikking loopt af' });
    await command(caseNumber, 'recordEndEvaluation', {
      goals: judged,
      decision: 'verlenging',
      verlenging: { number: `B-PGB-${ID}-2`, endDate: addToDate(endDate, 6) },
    });
    await command(caseNumber, 'requestEndEvaluation', { reason: 'De resultaten zijn behaald' });
    await command(caseNumber, 'recordEndEvaluation', { goals: judged, decision: 'close' });
    await command(caseNumber, 'answerQuestionnaire', { moment: 'end', rating: 5 });
    await save('trajectory-verlenging-then-closed', trajectoryWorkflowId(caseNumber), {
      ends: 'completed',
    });
  });

  /**
   * A trajectory started as the API starts it, but with the e2e policy changed by `policy` (the
   * API starts every case on the stack's own policy).
   */
  const startWithPolicy = async (tag: string, policy: Partial<TrajectoryPolicy>) => {
    const overrides = JSON.parse(serviceEnv.CJG_POLICY ?? '{}') as object;
    const clientId = `client-${tag}-${id}`;
    const caseNumber = `CJG-REC-${tag.toUpperCase()}-${ID}`;
    await expectStatus(
      clientId,
      register.client(clientId, {
        name: 'Sam Voorbeeld',
        email: `ouders.${tag}.${id}@gezin.example`,
      }),
      200,
    );
    const input: TrajectoryInput = {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId: coordinatorA,
      clientId,
      familyId: `fam-${tag}-${id}`,
      policy: resolvePolicy({ ...overrides, ...policy }),
    };
    const workflowId = trajectoryWorkflowId(caseNumber);
    const firstRunId = await withTemporal(async (client) => {
      const handle = await client.workflow.start<typeof trajectoryWorkflow>(
        TRAJECTORY_WORKFLOW_TYPE,
        {
          workflowId,
          taskQueue,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: trajectoryStartSearchAttributes({
            caseNumber,
            municipalityCode: '0957',
            coordinatorId: coordinatorA,
            familyId: input.familyId,
          }),
        },
      );
      return handle.firstExecutionRunId;
    });
    await eventually(
      () => api('GET', `/trajectories/${caseNumber}`),
      (res) => res.status === 200,
    );
    const runOf = () =>
      withTemporal(
        async (client) => (await client.workflow.getHandle(workflowId).describe()).runId,
      );
    return { caseNumber, workflowId, firstRunId, runOf };
  };

  it('continued as new, and its next run closed', async () => {
    // The least events per run the policy allows, so a short walk reaches continue-as-new.
    const { caseNumber, workflowId, firstRunId, runOf } = await startWithPolicy('can', {
      maxHistoryEvents: 200,
    });
    await toMonitoring(
      caseNumber,
      'CAN',
      agb[0]!,
      { activities: ['Gezinsbegeleiding'], expectedDurationWeeks: 26 },
      'PT30S',
    );
    // Nothing in flight: a run continues as new only once its letters and projections are done,
    // and a coordinator's next review comes months later, not within the same second.
    const quiet = () =>
      eventually(
        () =>
          withTemporal(
            async (client) => (await client.workflow.getHandle(workflowId).describe()).raw,
          ),
        (raw) => (raw.pendingActivities ?? []).length === 0,
      );
    for (let reviews = 0; (await runOf()) === firstRunId; reviews += 1) {
      if (reviews > 40) throw new Error(`${workflowId} did not continue as new after 40 reviews`);
      await command(caseNumber, 'recordReview', { outcomes: judged, decision: 'continue' });
      await quiet();
    }
    await save('trajectory-continued-as-new', workflowId, {
      runId: firstRunId,
      ends: 'continued-as-new',
    });
    // The next run starts from the carried state; it must replay too.
    await closeAfterEndEvaluation(caseNumber, agb[0]!);
    await save('trajectory-resumed-after-continue-as-new', workflowId, { ends: 'completed' });
  });

  it('rolled over in monitoring, reminded of its review, then closed', async () => {
    // The shortest rollover the policy allows: a minute after the history passed 40 events.
    const { caseNumber, workflowId, firstRunId, runOf } = await startWithPolicy('roll', {
      rolloverFromEvents: 40,
      rolloverAfter: 'PT1M',
    });
    await toMonitoring(
      caseNumber,
      'ROLL',
      agb[0]!,
      { activities: ['Gezinsbegeleiding'], expectedDurationWeeks: 26 },
      'PT2M',
    );
    await eventually(runOf, (runId) => runId !== firstRunId, 150_000);
    await save('trajectory-rolled-over', workflowId, {
      runId: firstRunId,
      ends: 'continued-as-new',
    });
    // A reminder comes every two minutes: one falls in the next run (or came before the rollover,
    // and the review then is overdue in it).
    await eventually(
      () => api<{ monitoring: { reminded: boolean } }>('GET', `/trajectories/${caseNumber}`),
      (res) => res.status === 200 && res.body.monitoring.reminded,
      150_000,
    );
    await command(caseNumber, 'recordReview', { outcomes: judged, decision: 'continue' });
    await closeAfterEndEvaluation(caseNumber, agb[0]!);
    await save('trajectory-after-rollover', workflowId, { ends: 'completed' });
  });
});

describe('Veilig Thuis handover', () => {
  const vt = callers.veiligThuis(org.veiligThuis);
  let n = 0;
  const handOver = async (urgency = 'regular') => {
    n += 1;
    const created = await expectStatus(
      'handover',
      api<{ handoverId: string }>(
        'POST',
        '/handovers',
        {
          reference: `VT-${ID}-${n}`,
          urgency,
          handoverType: 'afschaling',
          municipalityCode: '0957',
          safetyConditions: ['Vader woont tijdelijk bij opa', 'Geen alcohol in huis'],
          monitoringAgreements: ['Veilig Thuis belt na zes weken met moeder'],
        },
        { as: vt },
      ),
      201,
    );
    return created.handoverId;
  };
  const handoverCommand = (handoverId: string, name: string, body: object, as: Caller) =>
    expectStatus(
      `${handoverId} ${name}`,
      api('POST', `/handovers/${handoverId}/${name}`, body, { as }),
      200,
    );
  /** Accepted, the warm handover planned and held; the outcome is next. */
  const meetingHeld = async (label: string) => {
    const handoverId = await handOver();
    const clientId = `client-vt-${label}-${id}`;
    await expectStatus(
      clientId,
      register.client(clientId, {
        name: 'Sam Voorbeeld',
        email: `ouders.vt.${label}.${id}@gezin.example`,
      }),
      200,
    );
    await handoverCommand(handoverId, 'accept', { coordinatorId: coordinatorA }, callers.teamLead);
    await handoverCommand(
      handoverId,
      'plan-meeting',
      {
        date: today,
        time: '14:30',
        jointHomeVisit: true,
        clientId,
        familyId: `fam-vt-${label}-${id}`,
      },
      callers.coordinator,
    );
    await handoverCommand(
      handoverId,
      'record-meeting',
      {
        heldOn: today,
        jointHomeVisit: true,
        agreements: ['Moeder belt de coördinator elke vrijdag', 'Vader ziet de kinderen begeleid'],
      },
      callers.coordinator,
    );
    return handoverId;
  };

  it('accepted, going on to a trajectory (which is withdrawn once the results are agreed)', async () => {
    const handoverId = await meetingHeld('trajectory');
    const caseNumber = `CJG-REC-VT-${ID}`;
    await handoverCommand(handoverId, 'start-trajectory', { caseNumber }, callers.coordinator);
    await save('veilig-thuis-trajectory-started', handoverWorkflowId(handoverId), {
      ends: 'completed',
    });
    await eventually(
      () => api('GET', `/trajectories/${caseNumber}`),
      (res) => res.status === 200,
    );
    await command(caseNumber, 'agreeResults', { plan });
    await command(caseNumber, 'withdraw', {
      reason: 'Het gezin kan verder met hulp van de school',
    });
    await save(
      'trajectory-from-handover-withdrawn-in-results-agreed',
      trajectoryWorkflowId(caseNumber),
      {
        ends: 'completed',
      },
    );
  });

  it('accepted, going on with basic support', async () => {
    const handoverId = await meetingHeld('basic');
    await handoverCommand(handoverId, 'close-with-basic-support', {}, callers.coordinator);
    await save('veilig-thuis-basic-support', handoverWorkflowId(handoverId), { ends: 'completed' });
  });

  it('refused', async () => {
    const handoverId = await handOver('urgent');
    await handoverCommand(
      handoverId,
      'refuse',
      {
        reason: 'not-competent',
        explanation: ['In het gezin woont geen jeugdige; de vraag hoort bij het Wmo-loket'],
      },
      callers.coordinator,
    );
    await save('veilig-thuis-refused', handoverWorkflowId(handoverId), { ends: 'completed' });
  });

  it('withdrawn by Veilig Thuis', async () => {
    const handoverId = await handOver();
    await handoverCommand(handoverId, 'withdraw', { reason: 'family-moved' }, vt);
    await save('veilig-thuis-withdrawn', handoverWorkflowId(handoverId), { ends: 'completed' });
  });
});

describe('Schakeloverleg transfer', () => {
  const gi = callers.gi(org.gi);
  // The outcome is recorded from the meeting's day on, and a meeting is on a working day.
  const onWorkingDay = isWorkingDay(today) ? it : it.skip;
  let n = 0;
  const propose = async () => {
    n += 1;
    const clientId = `client-so-${n}-${id}`;
    await expectStatus(
      clientId,
      register.client(clientId, {
        name: 'Sam Voorbeeld',
        email: `ouders.so.${n}.${id}@gezin.example`,
      }),
      200,
    );
    const created = await expectStatus(
      'transfer',
      api<{ transferId: string }>(
        'POST',
        '/transfers',
        {
          reference: `JB-${ID}-${n}`,
          municipalityCode: '0957',
          familyId: `fam-so-${n}-${id}`,
          clientId,
          measure: 'ots',
          measureEndDate: addWorkingDays(today, 40),
          care: [{ agbCode: agb[0], productCategory: '45' }],
        },
        { as: gi },
      ),
      201,
    );
    return created.transferId;
  };
  const transferCommand = (transferId: string, name: string, body: object, as?: Caller) =>
    expectStatus(
      `${transferId} ${name}`,
      api('POST', `/transfers/${transferId}/${name}`, body, { as }),
      200,
    );
  const plannedToday = async () => {
    const transferId = await propose();
    await transferCommand(
      transferId,
      'plan',
      { meetingDate: today, coordinatorId: coordinatorA },
      callers.teamLead,
    );
    return transferId;
  };

  onWorkingDay('agreed (waiting for the measure to end), its end date moved', async () => {
    const transferId = await plannedToday();
    await transferCommand(transferId, 'record-outcome', {
      agreed: true,
      parentsConsent: true,
      caseNumber: `CJG-REC-SO-${ID}`,
    });
    await transferCommand(
      transferId,
      'change-measure-end',
      { endDate: addWorkingDays(today, 45) },
      gi,
    );
    await save('schakeloverleg-agreed', transferWorkflowId(transferId), { ends: 'open' });
  });

  onWorkingDay('not agreed (waiting for the revisit)', async () => {
    const transferId = await plannedToday();
    await transferCommand(transferId, 'record-outcome', {
      agreed: false,
      reason: 'care-not-in-place',
      revisitDate: addWorkingDays(today, 10),
    });
    await save('schakeloverleg-not-agreed', transferWorkflowId(transferId), { ends: 'open' });
  });

  it('planned, then withdrawn by the GI', async () => {
    const transferId = await propose();
    await transferCommand(
      transferId,
      'plan',
      { meetingDate: addWorkingDays(today, 1), coordinatorId: coordinatorA },
      callers.teamLead,
    );
    await transferCommand(transferId, 'withdraw', { reason: 'measure-continues' }, gi);
    await save('schakeloverleg-withdrawn', transferWorkflowId(transferId), { ends: 'completed' });
  });
});

describe('verzoek tot onderzoek (VTO) and the beschermingsplein agenda', () => {
  const propose = async (label: string, link: object) => {
    const caseNumber = `VTO-REC-${label.toUpperCase()}-${ID}`;
    await expectStatus(
      caseNumber,
      api('POST', '/vtos', {
        caseNumber,
        municipalityCode: '0957',
        coordinatorId: coordinatorA,
        ...link,
        grounds: ['ernstige-ontwikkelingsbedreiging', 'onvoldoende-beweging'],
        explanation: 'Na drie gesprekken blijven de zorgen over Sam bestaan.',
      }),
      201,
    );
    return caseNumber;
  };
  const vtoCommand = (caseNumber: string, name: string, body: object, as?: Caller) =>
    expectStatus(
      `${caseNumber} ${name}`,
      api('POST', `/vtos/${caseNumber}/${name}`, body, { as }),
      200,
    );
  const awaitingAgenda = (caseNumber: string) =>
    eventually(
      () => sql<{ status: string }>('SELECT status FROM vto WHERE case_number = $1', [caseNumber]),
      (rows) => rows[0]?.status === 'awaiting-agenda',
    );

  it('sent to the Raad (which investigates), not sent, and withdrawn; the agenda that placed them', async () => {
    const trajectoryCaseNumber = await startTrajectory('drang');
    await eventually(
      () => sql('SELECT 1 FROM trajectory WHERE case_number = $1', [trajectoryCaseNumber]),
      (rows) => rows.length === 1,
    );
    const sent = await propose('sent', { trajectoryCaseNumber });
    const clientId = `client-vto-${id}`;
    await expectStatus(
      clientId,
      register.client(clientId, { name: 'Sam Voorbeeld', email: `ouders.vto.${id}@gezin.example` }),
      200,
    );
    const notSent = await propose('notsent', { clientId, familyId: `fam-vto-${id}` });
    const withdrawn = await propose('withdrawn', { clientId, familyId: `fam-vto-${id}` });

    await vtoCommand(withdrawn, 'withdraw', { reason: 'ouders-werken-mee' });
    await save('vto-withdrawn', vtoWorkflowId(withdrawn), { ends: 'completed' });

    for (const caseNumber of [sent, notSent]) {
      await vtoCommand(caseNumber, 'record-parents-informed', {
        informedOn: today,
        how: 'conversation',
      });
      await awaitingAgenda(caseNumber);
    }
    // The agenda run, as the weekly schedule starts it, here for a meeting today.
    const agendaId = `${beschermingspleinAgendaWorkflowId(today)}-rec-${id}`;
    const agenda = await withTemporal((client) =>
      client.workflow.execute<typeof beschermingspleinAgendaWorkflow>(
        BESCHERMINGSPLEIN_AGENDA_WORKFLOW_TYPE,
        {
          workflowId: agendaId,
          taskQueue,
          args: [
            { meetingDate: today, beschermingspleinId: org.beschermingsplein, raadId: org.raad },
          ],
        },
      ),
    );
    expect(agenda.placed).toEqual(expect.arrayContaining([sent, notSent]));
    await save('beschermingsplein-agenda', agendaId, { ends: 'completed' });
    for (const caseNumber of [sent, notSent])
      await eventually(
        () => api<{ status: string }>('GET', `/vtos/${caseNumber}`),
        (res) => res.body.status === 'on-agenda',
      );

    await vtoCommand(sent, 'record-decision', { decision: 'send' }, callers.teamLead);
    await vtoCommand(sent, 'record-raad-outcome', {
      investigationStarted: true,
      decidedOn: today,
      raadReference: `RvdK-2026/${ID}`,
    });
    await save('vto-raad-investigates', vtoWorkflowId(sent), { ends: 'completed' });

    await vtoCommand(notSent, 'record-decision', {
      decision: 'not-send',
      reason: 'vrijwillig-kader-voldoende',
    });
    await save('vto-not-sent', vtoWorkflowId(notSent), { ends: 'completed' });
  });
});

describe('retention', () => {
  /** A trajectory withdrawn, so its client's data may be destroyed once its date has come. */
  const closedCase = async (label: string) => {
    const caseNumber = await startTrajectory(label);
    await command(caseNumber, 'withdraw', { reason: 'Geen hulp meer nodig' });
    await eventually(
      () =>
        sql('SELECT 1 FROM trajectory WHERE case_number = $1 AND closed_at IS NOT NULL', [
          caseNumber,
        ]),
      (rows) => rows.length === 1,
    );
    return caseNumber;
  };

  it('the sweep (7.3.8) destroys a client past its archive date', async () => {
    const caseNumber = await closedCase('sweep');
    // Twenty years on: the archive action date has passed.
    await sql(`UPDATE trajectory SET archive_action_date = '2005-06-30' WHERE case_number = $1`, [
      caseNumber,
    ]);
    const workflowId = `retention-sweep-rec-${id}`;
    const result = await withTemporal((client) =>
      client.workflow.execute(RETENTION_SWEEP_WORKFLOW_TYPE, {
        workflowId,
        taskQueue,
        args: [{ asOf: today }],
      }),
    );
    expect(result).toMatchObject({ kind: 'sweep', clientsDestroyed: 1 });
    await save('retention-sweep', workflowId, { ends: 'completed' });
  });

  it('a destruction on request (7.3.9)', async () => {
    const caseNumber = await closedCase('request');
    const done = await expectStatus(
      'destruction',
      api<{ status: string; workflowId: string }>(
        'POST',
        `/trajectories/${caseNumber}/destruction`,
        { reason: `AVG-${ID}` },
        { as: callers.ops },
      ),
      200,
    );
    expect(done.status).toBe('destroyed');
    await save('retention-destruction-on-request', done.workflowId, { ends: 'completed' });
  });
});
