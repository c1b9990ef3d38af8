import { existsSync } from 'node:fs';
import path from 'node:path';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, temporalFamilyReporter } from '@cjg/activities';
import { createDataSource, databaseUrlFromEnv } from '@cjg/persistence';
import {
  answerLinkConfigFromEnv,
  answerLinkFactory,
  Mailer,
  mailerConfigFromEnv,
  type MailerConfig,
} from '@cjg/notifications';
import { ensureBeschermingspleinSchedule, ensureRetentionSchedule } from '@cjg/temporal';
import {
  connectClient,
  describeTemporalSettings,
  temporalSettingsFromEnv,
  type TemporalSettings,
} from '@cjg/temporal/connection';
import { ownLettersFromAgeFromEnv } from './letter-recipients';
import { workerTuningFromEnv, type WorkerTuning } from './tuning';

/**
 * Where the worker gets its workflow code: a prebuilt bundle (what production runs, built by
 * `npm run build`) when one exists, else the compiled workflows folder, bundled at start.
 */
export function workflowSource(
  env: NodeJS.ProcessEnv = process.env,
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  const bundlePath =
    env.WORKFLOW_BUNDLE_PATH || path.resolve(__dirname, '../../../workflow-bundle.js');
  if (existsSync(bundlePath)) return { workflowBundle: { codePath: bundlePath } };
  if (env.WORKFLOW_BUNDLE_PATH)
    throw new Error(`WORKFLOW_BUNDLE_PATH ${bundlePath} does not exist`);
  return { workflowsPath: require.resolve('../../../workflows') };
}

export class StartupError extends Error {}

/** Connects to Temporal, PostgreSQL and SMTP and runs the worker until a shutdown signal. */
export async function runWorker(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let temporal: TemporalSettings;
  let answerLinks: ReturnType<typeof answerLinkConfigFromEnv>;
  let tuning: WorkerTuning;
  let mail: MailerConfig;
  let ownLettersFromAge: number;
  try {
    // Refuses a production start without a payload key, or with a broken TLS setting.
    temporal = temporalSettingsFromEnv(env);
    answerLinks = answerLinkConfigFromEnv(env);
    tuning = workerTuningFromEnv(env);
    mail = mailerConfigFromEnv(env);
    ownLettersFromAge = ownLettersFromAgeFromEnv(env);
  } catch (error) {
    throw new StartupError((error as Error).message, { cause: error });
  }
  if (!mail.requireTls && env.NODE_ENV === 'production') {
    console.warn(
      'SMTP_REQUIRE_TLS is off: letters may reach the relay in plain text. Only for a mail catcher on the same host (docs/configuration.md)',
    );
  }
  if (!answerLinks) {
    console.warn(
      'ANSWER_TOKEN_SECRET is not set: client letters go out without an answer link (docs/client-answers.md)',
    );
  }
  let connection: NativeConnection;
  try {
    connection = await NativeConnection.connect(temporal.connection);
  } catch (error) {
    throw new StartupError(
      `Temporal is unreachable at ${temporal.address} (${(error as Error).message}). ` +
        'Start it (npm start does) or set TEMPORAL_ADDRESS.',
    );
  }

  const dataSource = createDataSource(databaseUrlFromEnv(env));
  try {
    await dataSource.initialize();
  } catch (error) {
    await connection.close();
    throw new StartupError(
      `PostgreSQL is unreachable (${(error as Error).message}). Start it (npm start does) or set DATABASE_URL.`,
    );
  }
  const mailer = new Mailer(mail);
  // Activities that start, signal or update other workflows (the family's, the trajectories a
  // re-assessment batch asks) use an ordinary client.
  const client = await connectClient(temporal);
  // The nightly retention sweep (docs/retention.md). Not fatal: the trajectories must keep
  // running; the next start tries again.
  await ensureRetentionSchedule(client, temporal.taskQueue).then(
    (outcome) => console.log(`retention schedule ${outcome}`),
    (error: unknown) =>
      console.error(`retention schedule not ensured: ${(error as Error).message}`),
  );
  // The weekly agenda of the beschermingsplein (docs/vto.md); not fatal either.
  await ensureBeschermingspleinSchedule(client, temporal.taskQueue).then(
    (outcome) => console.log(`beschermingsplein schedule ${outcome}`),
    (error: unknown) =>
      console.error(`beschermingsplein schedule not ensured: ${(error as Error).message}`),
  );

  try {
    const worker = await Worker.create({
      connection,
      namespace: temporal.namespace,
      taskQueue: temporal.taskQueue,
      // The codec runs here, outside the workflow sandbox: workflows see decrypted values.
      dataConverter: temporal.dataConverter,
      activities: createActivities({
        dataSource,
        mailer,
        family: temporalFamilyReporter(client, temporal.taskQueue),
        client,
        ownLettersFromAge,
        ...(answerLinks ? { answerLinks: answerLinkFactory(answerLinks) } : {}),
      }),
      ...workflowSource(env),
      ...tuning,
    });
    console.log(
      `worker polling task queue ${temporal.taskQueue} in namespace ${temporal.namespace} at ${describeTemporalSettings(temporal)}`,
    );
    // Worker.run() returns after SIGINT/SIGTERM, once running tasks have finished.
    await worker.run();
  } finally {
    mailer.close();
    await client.connection.close();
    await dataSource.destroy();
    await connection.close();
  }
}
