import { randomUUID } from 'node:crypto';
import {
  ApplicationFailure,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { msToNumber, type Duration } from '@temporalio/common/lib/time';
import { Worker } from '@temporalio/worker';
import {
  addToDate,
  amsterdamDate,
  DEFAULT_POLICY,
  trajectoryWorkflowId,
  type DeliveryFailure,
  type LetterKind,
  type TrajectoryInput,
  type TrajectoryPolicy,
  type TrajectoryProjection,
} from '@cjg/domain';
import type { LetterRequest, TrajectoryActivities } from '@cjg/activities';
import {
  commandUpdates,
  trajectoryStateQuery,
  type CommandArgs,
} from '@cjg/workflows/trajectory.definitions';
import type { CommandType } from '@cjg/domain';
import { storedText } from './texts';
import { createTimeSkippingEnv, testWorkflowBundle, testDataConverter } from './workflow-env';

export let env: TestWorkflowEnvironment;
let bundle: { codePath: string };

/** Call in a spec file: a test server of its own per test. */
export function useTimeSkippingServerPerTest(): void {
  // A test server of its own per test: on a shared one, time stopped skipping for every test
  // after the first that ran updates (seen with temporal-test-server 1.38.0).
  beforeEach(async () => {
    bundle = testWorkflowBundle();
    env = await createTimeSkippingEnv();
  });

  afterEach(async () => {
    await env?.teardown();
  });
}

export const AGB_A = '12345678';

export { storedText };

export const PLAN = {
  results: [
    { id: 'school', description: storedText(), measure: storedText() },
    { id: 'rust', description: storedText(), measure: storedText() },
  ],
  inzet: {
    productCategory: '45' as const,
    omvang: { volume: 4, unit: '04' as const, frequency: '2' as const },
  },
};
export const CRITERIA = {
  typeOfCare: 'ambulant' as const,
  numberOfProducts: 1,
  complexity: 'high' as const,
  helpQuestion: 'clear' as const,
  selfReliance: 'medium' as const,
};
export const ALL_REACHED = [
  { resultId: 'school', outcome: 'reached' as const },
  { resultId: 'rust', outcome: 'partly' as const },
];

export interface Recorded {
  letters: LetterRequest[];
  projections: TrajectoryProjection[];
  familyReports: Array<{ familyId: string; activeAgbCodes: string[] }>;
  letterFailures: number;
}

export interface StubOptions {
  /** This many sendLetter attempts fail as if SMTP were down, then they succeed. */
  failingLetters?: number;
  /** Recipients the mail server refuses for good, per letter. */
  refuse?: (request: LetterRequest) => DeliveryFailure[];
}

export function stubActivities(options: StubOptions = {}): {
  activities: TrajectoryActivities;
  rec: Recorded;
} {
  const rec: Recorded = { letters: [], projections: [], familyReports: [], letterFailures: 0 };
  const activities: TrajectoryActivities = {
    async projectTrajectory(p) {
      rec.projections.push(p);
    },
    async sendLetter(request) {
      if (rec.letterFailures < (options.failingLetters ?? 0)) {
        rec.letterFailures += 1;
        throw new Error('connect ECONNREFUSED 127.0.0.1:1025');
      }
      rec.letters.push(request);
      const failures = options.refuse?.(request) ?? [];
      return {
        sent: request.to.length - failures.length,
        alreadySent: 0,
        undeliverable: failures.length,
        failures,
      };
    },
    async reportFamilyCare(report) {
      rec.familyReports.push(report);
    },
  };
  return { activities, rec };
}

export const kinds = (rec: Recorded): LetterKind[] => rec.letters.map((l) => l.kind);

export function input(policy?: Partial<TrajectoryPolicy>): TrajectoryInput {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  return {
    caseNumber: `CJG-2026-${suffix}`,
    municipalityCode: '0957',
    coordinatorId: 'coord-anna',
    clientId: 'client-0001',
    familyId: `fam-${suffix.toLowerCase()}`,
    policy: { ...DEFAULT_POLICY, ...policy },
  };
}

/** Runs `body` with a worker on a fresh task queue and a started trajectory. */
export async function withTrajectory(
  start: TrajectoryInput,
  body: (handle: WorkflowHandle, rec: Recorded) => Promise<void>,
  options: StubOptions = {},
): Promise<Recorded> {
  const taskQueue = `tq-${randomUUID()}`;
  const { activities, rec } = stubActivities(options);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    dataConverter: testDataConverter,
    taskQueue,
    workflowBundle: bundle,
    activities,
  });
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start('trajectoryWorkflow', {
      workflowId: trajectoryWorkflowId(start.caseNumber),
      taskQueue,
      args: [start],
    });
    try {
      await body(handle, rec);
    } finally {
      // A workflow left open with no worker would hold the test server's clock still for the
      // tests after it (time skips only when nothing is outstanding).
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') await handle.terminate('test finished');
    }
  });
  return rec;
}

/** Gives a command and answers the state after it (the update itself answers only a summary). */
export async function command<T extends CommandType>(
  handle: WorkflowHandle,
  type: T,
  args: CommandArgs<T>,
) {
  const result = await handle.executeUpdate(commandUpdates[type], { args: [args] });
  const after = await handle.query(trajectoryStateQuery);
  expect(after.revision).toBeGreaterThanOrEqual(result.revision);
  return after;
}

export const state = (handle: WorkflowHandle) => handle.query(trajectoryStateQuery);

/** Today in the test server's (skipped) time, as an Amsterdam calendar date. */
export async function today(): Promise<string> {
  return amsterdamDate(new Date(await env.currentTimeMs()));
}

export async function toMonitoring(
  handle: WorkflowHandle,
  options: { coordinate: boolean; reviewInterval?: string; endDate?: string; providers?: string[] },
): Promise<void> {
  const providers = options.providers ?? [AGB_A];
  await command(handle, 'agreeResults', { plan: PLAN });
  for (const agbCode of providers) {
    await command(handle, 'recordProviderIntake', {
      agbCode,
      activities: storedText(),
      expectedDurationWeeks: 26,
    });
  }
  const start = await today();
  await command(handle, 'signOffPlan', { professionalId: 'gw-petra' });
  await command(handle, 'issueBeschikking', {
    beschikking: {
      number: `B-${randomUUID().slice(0, 6).toUpperCase()}`,
      kind: 'zin',
      startDate: start,
      endDate: options.endDate ?? addToDate(start, 12),
      toewijzingen: providers.map((agbCode, i) => ({
        agbCode,
        toewijzingnummer: `T${i + 1}`,
        productCategory: '45' as const,
        omvang: { volume: 4, unit: '04' as const, frequency: '2' as const },
      })),
    },
  });
  await command(handle, 'decideCoordination', {
    coordinate: options.coordinate,
    criteria: CRITERIA,
    ...(options.reviewInterval ? { reviewInterval: options.reviewInterval } : {}),
  });
}

export async function refusal(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect(cause.type).toBe('CommandRefused');
  return (cause.details?.[0] as string[]) ?? [];
}

/**
 * Skips `duration` on the test server's clock, then lets the worker finish what came due. Asking
 * the server to skip again while a workflow task is still outstanding stalled it (seen with
 * temporal-test-server 1.38.0), so this waits for the workflow to settle first.
 */
/** How often the test server did not answer a sleep within 5 s (see advance). */
export let stalledSleeps = 0;

export async function advance(handle: WorkflowHandle, duration: string | number): Promise<void> {
  await settle(handle);
  const target = (await env.currentTimeMs()) + msToNumber(duration as Duration);
  // A skip the server did not answer is asked again for what is left, until its clock is there.
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const now = await env.currentTimeMs();
    if (now >= target) break;
    const slept = await Promise.race([
      env.sleep(target - now).then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000)),
    ]);
    if (!slept) stalledSleeps += 1;
    await settle(handle);
  }
  await settle(handle);
}

export async function settle(handle: WorkflowHandle): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const { raw } = await env.client.workflow.getHandle(handle.workflowId).describe();
    if (!raw.pendingWorkflowTask && (raw.pendingActivities?.length ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached');
}

/** The workflow bundle of the current test. */
export function testBundle(): { codePath: string } {
  return bundle;
}
