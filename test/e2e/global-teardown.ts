import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__CJG_E2E_STACK__;
  if (!running) return;
  const started = Date.now();
  await running.stack.stop();
  console.log(`[e2e] stack stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!process.env.E2E_KEEP_DATA) await rm(running.dataDir, { recursive: true, force: true });
}
