// `npm run test:replay`: replays every history stored under test/histories against the current
// workflow bundle (dist/workflow-bundle.js). A workflow change that would break running
// trajectories (nondeterminism) fails here. Runs as a plain Node process: the SDK's protobuf
// types do not survive Jest's module sandbox.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';

async function main(): Promise<number> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const root = path.resolve(__dirname, '..', '..');
  const dir = path.join(root, 'test', 'histories');
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  if (files.length === 0) {
    console.error(`no histories in ${dir}`);
    return 1;
  }
  const workflowBundle = { codePath: path.join(root, 'dist', 'workflow-bundle.js') };
  let failed = 0;
  for (const file of files) {
    const history = historyFromJSON(JSON.parse(await readFile(path.join(dir, file), 'utf8')));
    try {
      await Worker.runReplayHistory({ workflowBundle }, history, `replay-${file}`);
      console.log(`ok    ${file} (${history.events?.length ?? 0} events)`);
    } catch (error) {
      failed += 1;
      console.error(`FAIL  ${file}: ${(error as Error).message}`);
    }
  }
  console.log(`replay: ${files.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
