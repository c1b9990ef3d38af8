import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  type WorkflowBundle,
} from '@temporalio/worker';
import { ensureSearchAttributes } from '@cjg/temporal';
import { dataConverterFor, FAILURE_CONVERTER_PATH } from '@cjg/temporal/connection';

const root = path.resolve(__dirname, '..', '..');

/** The path aliases of tsconfig.json, for webpack bundling the workflows from source. */
const ALIASES: Record<string, string> = {
  '@cjg/domain': path.join(root, 'libs/domain/src/index.ts'),
  '@cjg/temporal': path.join(root, 'libs/temporal/src/index.ts'),
  '@cjg/workflows': path.join(root, 'workflows'),
};

let runtimeInstalled = false;

/**
 * The payload codec of the workflow tests, as in a deployment: a key of this test process. Every
 * Worker.create of the tests and the environment's client take it, so the workflows run with
 * their payloads encrypted in the test server's history.
 */
export const { dataConverter: testDataConverter, codec: testCodec } = dataConverterFor([
  { id: 'workflow-tests', key: randomBytes(32) },
]);

/**
 * A time-skipping Temporal test environment on the project's pinned Java test server, with the
 * project's search attributes registered (the Java server ignores --search-attribute), and a
 * client that encrypts payloads with {@link testDataConverter}.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    const level = process.env.WORKFLOW_TEST_LOG_LEVEL === 'WARN' ? 'WARN' : 'ERROR';
    Runtime.install({
      logger: new DefaultLogger(level),
      // The SDK core's own logs through that logger too, at its level, instead of straight to
      // stdout (where they broke the JSON of `npm run bench:lifecycle -- --json`).
      telemetryOptions: { logging: { filter: { core: level, other: level }, forward: {} } },
    });
    runtimeInstalled = true;
  }
  const serverPath = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (!serverPath)
    throw new Error('TEMPORAL_TEST_SERVER_PATH is not set (see test/workflows/global-setup.ts)');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: serverPath } },
    client: { dataConverter: testDataConverter },
  });
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

/** The workflow bundle the global setup built for this run. */
export function testWorkflowBundle(): { codePath: string } {
  const codePath = process.env.WORKFLOW_TEST_BUNDLE_PATH;
  if (!codePath)
    throw new Error('WORKFLOW_TEST_BUNDLE_PATH is not set (see test/workflows/global-setup.ts)');
  return { codePath };
}

/** The workflows bundled from source (in the global setup: webpack fails inside Jest's sandbox). */
export function bundleWorkflowsFromSource(): Promise<WorkflowBundle> {
  return bundleWorkflowCode({
    workflowsPath: path.join(root, 'workflows', 'index.ts'),
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...ALIASES } },
    }),
  });
}
