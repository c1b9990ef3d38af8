import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Client as PgClient } from 'pg';
import { addToDate, type CommandType, type TextRef } from '@cjg/domain';
import type { TrajectoryActivities } from '@cjg/activities';
import type { CommandArgs } from '@cjg/workflows/trajectory.definitions';
import { existsSync } from 'node:fs';
import { temporalSettingsFromEnv, type TemporalSettings } from '@cjg/temporal/connection';
import {
  devKeyFiles,
  mintDevToken,
  payloadKeysFile,
  type DevTokenRequest,
} from '../scripts/stack/dev-keys';
import { dataDir } from '../scripts/stack/paths';

/** The machine a figure was measured on, printed with every result. */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Runs `task(i)` for i in [0, n) with at most `concurrency` at once; returns each duration (ms). */
export async function timed(
  n: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<{ durations: number[]; wallMs: number; errors: number }> {
  const durations: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        try {
          await task(i);
          durations.push(performance.now() - t0);
        } catch (error) {
          errors += 1;
          if (errors <= 3) console.error(`  error: ${(error as Error).message}`);
        }
      }
    }),
  );
  return { durations, wallMs: performance.now() - started, errors };
}

export const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1) : '–');

/** A token for the local stack's API, signed with its dev key (as `npm run token` does). */
export async function devToken(request: DevTokenRequest): Promise<string> {
  const { privateKeyFile } = devKeyFiles(dataDir());
  if (!existsSync(privateKeyFile)) {
    throw new Error(`No dev key at ${privateKeyFile}: start the local stack first (npm start)`);
  }
  return mintDevToken(privateKeyFile, request);
}

/**
 * The Temporal settings of the local stack's worker and API (npm start): the environment's, with
 * the stack's own payload key when the environment names none.
 */
export function localStackTemporalSettings(env = process.env): TemporalSettings {
  const stackKeys = payloadKeysFile(dataDir());
  const ownKeys = env.TEMPORAL_PAYLOAD_KEYS || env.TEMPORAL_PAYLOAD_KEYS_FILE;
  return temporalSettingsFromEnv(
    ownKeys || !existsSync(stackKeys) ? env : { ...env, TEMPORAL_PAYLOAD_KEYS_FILE: stackKeys },
  );
}

/** A comma-separated list of positive numbers: `--name 4,16,32`. */
export function args(name: string, fallback: number[]): number[] {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const values = String(process.argv[index + 1])
    .split(',')
    .map(Number);
  if (values.some((v) => !Number.isFinite(v) || v <= 0)) {
    throw new Error(`--${name} must be positive numbers separated by commas`);
  }
  return values;
}

export function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/**
 * Waits until the work a phase left behind (letters, read-model projections of the workflows
 * whose id starts with `workflowPrefix`) has stopped changing, so the next phase does not pay
 * for the previous one's backlog. Answers how long that took (ms).
 */
export async function settle(
  databaseUrl: string,
  workflowPrefix: string,
  timeoutMs = 180_000,
): Promise<number> {
  const started = performance.now();
  const client = new PgClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    let last = '';
    for (;;) {
      const { rows } = await client.query<{ letters: string; sending: string; rows: string }>(
        `SELECT (SELECT count(*) FROM notification_ledger WHERE workflow_id LIKE $1) AS letters,
                (SELECT count(*) FROM notification_ledger
                  WHERE workflow_id LIKE $1 AND status = 'sending') AS sending,
                (SELECT coalesce(sum(revision), 0) FROM trajectory
                  WHERE case_number LIKE $2) AS rows`,
        [`${workflowPrefix}%`, `${workflowPrefix.replace(/^trajectory-/, '')}%`],
      );
      const now = JSON.stringify(rows[0]);
      if (now === last && rows[0]!.sending === '0') break;
      if (performance.now() - started > timeoutMs) {
        throw new Error(`the stack did not settle within ${timeoutMs} ms (${now})`);
      }
      last = now;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  } finally {
    await client.end();
  }
  return performance.now() - started;
}

/** Gives one command to one trajectory (through whatever client the benchmark uses). */
export type GiveCommand = <T extends CommandType>(
  type: T,
  args: CommandArgs<T>,
) => Promise<unknown>;

/** The criteria of a case the coordinator follows up: complex, unclear, little self-reliance. */
export const COORDINATED_CRITERIA = {
  typeOfCare: 'ambulant',
  numberOfProducts: 1,
  complexity: 'high',
  helpQuestion: 'unclear',
  selfReliance: 'low',
} as const;

/**
 * The activities of a trajectory (and of the processes that send letters through `sendLetter`)
 * for the time-skipping test server: nothing is written or sent, and each answers as the real one
 * does, so the history is the real one.
 */
export function stubbedTrajectoryActivities(): TrajectoryActivities {
  return {
    async projectTrajectory() {},
    async sendLetter(request) {
      return { sent: request.to.length, alreadySent: 0, undeliverable: 0, failures: [] };
    },
    async reportFamilyCare() {},
  };
}

/**
 * A reference to a free text, as the API hands it to the workflow (the benchmarks give updates
 * with the raw client, which takes no text; the letters then say the text is missing).
 */
export const storedText = (): TextRef => ({ textId: randomUUID(), items: 1 });

/**
 * A trajectory from intake to an issued beschikking for one provider (agreed results, referral,
 * provider intake, beschikking of `months` from `startDate`): the steps before coordination.
 */
export async function toBeschikking(
  give: GiveCommand,
  options: { agbCode: string; number: string; startDate: string; months: number },
): Promise<void> {
  const { agbCode, number, startDate, months } = options;
  const inzet = {
    productCategory: '45',
    omvang: { volume: 4, unit: '04', frequency: '2' },
  } as const;
  await give('agreeResults', {
    plan: {
      results: [{ id: 'school', description: storedText(), measure: storedText() }],
      inzet,
    },
  });
  await give('referToProvider', { agbCode });
  await give('recordProviderIntake', {
    agbCode,
    activities: storedText(),
    expectedDurationWeeks: 26,
  });
  await give('signOffPlan', { professionalId: 'gw-bench' });
  await give('issueBeschikking', {
    beschikking: {
      number,
      kind: 'zin',
      startDate,
      endDate: addToDate(startDate, months),
      toewijzingen: [{ agbCode, toewijzingnummer: 'T1', ...inzet }],
    },
  });
}
