// `npm run test:replay`: replays every history stored under test/histories against the current
// workflow bundle (dist/workflow-bundle.js). A workflow change that would break running
// trajectories (nondeterminism) fails here. Runs as a plain Node process: the SDK's protobuf
// types do not survive Jest's module sandbox.
//
// Each history replays twice, through the payload codec as a worker has it after a key rotation
// (a new key first, the old one second): as stored (plain, as before encryption was switched on:
// the codec passes it through), and encrypted under the old key (what the same run gives with
// encryption on). So histories written before encryption, and under a rotated-out key, both keep
// replaying.
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import {
  dataConverterFor,
  EncryptionCodec,
  encodeHistoryPayloads,
  historyPayloads,
  isEncrypted,
} from '@cjg/temporal/connection';

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
  const oldKey = { id: 'replay-old', key: randomBytes(32) };
  const newKey = { id: 'replay-new', key: randomBytes(32) };
  const oldCodec = new EncryptionCodec([oldKey]);
  const { dataConverter } = dataConverterFor([newKey, oldKey]);
  let failed = 0;
  for (const file of files) {
    const json: unknown = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    const stored = historyFromJSON(json);
    const encrypted = historyFromJSON(json);
    await encodeHistoryPayloads(encrypted, oldCodec);
    const encryptedCount = historyPayloads(encrypted).filter((p) => isEncrypted(p.payload)).length;
    for (const [variant, history] of [
      ['as stored', stored],
      [`encrypted under a rotated-out key (${encryptedCount} payloads)`, encrypted],
    ] as const) {
      try {
        await Worker.runReplayHistory({ workflowBundle, dataConverter }, history, `replay-${file}`);
        console.log(`ok    ${file}, ${variant} (${history.events?.length ?? 0} events)`);
      } catch (error) {
        failed += 1;
        console.error(`FAIL  ${file}, ${variant}: ${(error as Error).message}`);
      }
    }
  }
  console.log(`replay: ${files.length * 2 - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
