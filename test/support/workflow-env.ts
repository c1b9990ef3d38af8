import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  type WorkflowBundle,
} from '@temporalio/worker';
import { ensureSearchAttributes } from '@cjg/temporal';

const root = path.resolve(__dirname, '..', '..');

/** The path aliases of tsconfig.json, for webpack bundling the workflows from source. */
const ALIASES: Record<string, string> = {
  '@cjg/domain': path.join(root, 'libs/domain/src/index.ts'),
  '@cjg/temporal': path.join(root, 'libs/temporal/src/index.ts'),
  '@cjg/workflows': path.join(root, 'workflows'),
};

let runtimeInstalled = false;

/**
 * A time-skipping Temporal test environment on the project's pinned Java test server, with the
 * project's search attributes registered (the Java server ignores --search-attribute).
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    Runtime.install({
      logger: new DefaultLogger(process.env.WORKFLOW_TEST_LOG_LEVEL === 'WARN' ? 'WARN' : 'ERROR'),
    });
    runtimeInstalled = true;
  }
  const serverPath = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (!serverPath)
    throw new Error('TEMPORAL_TEST_SERVER_PATH is not set (see test/workflows/global-setup.ts)');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: serverPath } },
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
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...ALIASES } },
    }),
  });
}
