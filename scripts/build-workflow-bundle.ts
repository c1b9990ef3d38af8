// Prebuilds the workflow bundle the worker loads (dist/workflow-bundle.js), so a worker does not
// run webpack at start. Runs after tsc, from the compiled workflows.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '@cjg/temporal/connection';

async function main(): Promise<void> {
  const dist = path.resolve(__dirname, '..');
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(dist, 'workflows', 'index.js'),
    // Failures' messages encoded, so encrypted (libs/temporal/src/failure-converter.ts).
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: undefined,
  });
  const out = path.join(dist, 'workflow-bundle.js');
  await writeFile(out, code);
  console.log(
    `workflow bundle written: ${path.relative(process.cwd(), out)} (${code.length} bytes)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
