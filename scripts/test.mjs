#!/usr/bin/env node
// `npm test`: every check, in order: lint, typecheck, build, the deploy artefacts, unit, workflow,
// replay and end-to-end tests, on the project's Node (the pinned one when the machine's is older).
// Runs each step even when an earlier one failed, prints a summary, exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './install-deps.mjs';
import { ensureSupportedNode } from './node-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

await ensureSupportedNode('test');
ensureDependencies(root, 'test');

const steps = [
  ['lint', ['run', 'lint']],
  ['typecheck', ['run', 'typecheck']],
  ['build', ['run', 'build']],
  ['deploy', ['run', 'test:deploy']],
  ['unit', ['run', 'test:unit', '--', '--ci']],
  ['workflows', ['run', 'test:workflows', '--', '--ci']],
  ['replay', ['run', 'test:replay']],
  ['e2e', ['run', 'test:e2e', '--', '--ci']],
];
const results = [];
for (const [name, args] of steps) {
  console.log(`\n[test] ── ${name} ──`);
  const started = Date.now();
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  results.push({ name, ok: result.status === 0, seconds: (Date.now() - started) / 1000 });
}
console.log('\n[test] summary');
for (const { name, ok, seconds } of results) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(10)} ${seconds.toFixed(1)} s`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
