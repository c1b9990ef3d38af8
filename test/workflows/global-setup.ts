import '../support/register-aliases';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureTestServer } from '../../scripts/stack/toolchain';
import { bundleWorkflowsFromSource } from '../support/workflow-env';

/**
 * Installs (once) Temporal's time-skipping test server, and bundles the workflows from source
 * once per run (webpack does not run inside Jest's module sandbox), for every test file.
 */
export default async function globalSetup(): Promise<void> {
  const [server, bundle] = await Promise.all([
    ensureTestServer((message) => console.log(`[workflows] ${message}`)),
    bundleWorkflowsFromSource(),
  ]);
  const bundlePath = path.join(os.tmpdir(), `cjg-workflow-bundle-${process.pid}.js`);
  await writeFile(bundlePath, bundle.code);
  process.env.TEMPORAL_TEST_SERVER_PATH = server.path;
  process.env.WORKFLOW_TEST_BUNDLE_PATH = bundlePath;
}
