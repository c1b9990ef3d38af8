#!/usr/bin/env node
// `npm start`: runs on the project's Node (installing the pinned one when the machine's is older),
// installs what is missing (npm packages, build), then brings the stack up.
// Plain JavaScript without dependencies, so it runs on a fresh clone before `npm ci`.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './install-deps.mjs';
import { ensureSupportedNode, whenStarterGone } from './node-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      `\n[start] "${command} ${args.join(' ')}" failed (exit ${result.status ?? result.signal})`,
    );
    process.exit(result.status || 1);
  }
}

await ensureSupportedNode('start');
ensureDependencies(root, 'start');
if (process.env.CJG_SKIP_BUILD === '1')
  console.log('[start] CJG_SKIP_BUILD=1: using dist/ as it is');
else {
  console.log('[start] building…');
  step(npm, ['run', '--silent', 'build']);
}

// Signals sent to this process (Ctrl-C, SIGTERM from npm or a supervisor) go on to the stack,
// which stops its children cleanly; this process exits with the stack's exit code. The IPC
// channel tells the stack when this process is gone without a signal (killed with SIGKILL).
const stack = spawn(
  process.execPath,
  [path.join(root, 'dist', 'scripts', 'stack', 'cli.js'), 'up'],
  {
    cwd: root,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stack.kill(signal));
}
whenStarterGone(() => stack.kill('SIGTERM'));
stack.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
