import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../scripts/stack/process';

jest.setTimeout(60_000);

describe('worker start-up', () => {
  it('exits non-zero with a clear message when Temporal is unreachable', async () => {
    const port = await freePort(); // nothing listens there
    const worker = spawn(
      process.execPath,
      [path.resolve(__dirname, '../../dist/apps/worker/src/main.js')],
      {
        env: {
          ...process.env,
          TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
          DATABASE_URL: process.env.E2E_DATABASE_URL,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => worker.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain(`worker cannot start: Temporal is unreachable at 127.0.0.1:${port}`);
  });
});
