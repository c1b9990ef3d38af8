#!/usr/bin/env node
// `npm run test:deploy`: the checks of deploy/ that run without a container engine (see
// deploy/README.md, "What is checked here"). Installs the pinned validators from PyPI once into
// .toolchain/ (test/deploy/validators.requirements.txt), then runs test/deploy/*.test.mjs with
// Node's test runner. Needs `npm run build` first: the tests load dist/.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const testDir = path.join(root, 'test', 'deploy');
const requirements = path.join(testDir, 'validators.requirements.txt');

function fail(message) {
  console.error(`[deploy] ${message}`);
  process.exit(1);
}

/** The validators' venv, made once per version of the requirements file. */
function ensureValidators() {
  const hash = createHash('sha256').update(readFileSync(requirements)).digest('hex').slice(0, 12);
  const toolchain = process.env.CJG_TOOLCHAIN_DIR || path.join(root, '.toolchain');
  const venv = path.join(toolchain, `deploy-validators-${hash}`);
  const bin = path.join(venv, 'bin');
  if (existsSync(path.join(venv, '.complete'))) return bin;
  const python = process.env.PYTHON || 'python3';
  // A venv's scripts name their interpreter by absolute path, so it is made in place; `.complete`
  // marks a finished install, and a half-made one is removed first.
  rmSync(venv, { recursive: true, force: true });
  mkdirSync(toolchain, { recursive: true });
  console.log(`[deploy] installing the validators from PyPI into ${path.relative(root, venv)}…`);
  const run = (command, args) => {
    const result = spawnSync(command, args, { stdio: 'inherit' });
    if (result.status !== 0) {
      rmSync(venv, { recursive: true, force: true });
      fail(
        `${path.basename(command)} ${args.slice(0, 2).join(' ')} failed (exit ${result.status ?? result.error?.message}). ` +
          'It needs Python 3 with venv and the PyPI registry.',
      );
    }
  };
  run(python, ['-m', 'venv', venv]);
  run(path.join(bin, 'pip'), [
    'install',
    '--disable-pip-version-check',
    '--no-input',
    '--quiet',
    '--no-deps',
    '-r',
    requirements,
  ]);
  writeFileSync(path.join(venv, '.complete'), `${new Date().toISOString()}\n`);
  return bin;
}

if (!existsSync(path.join(root, 'dist', 'workflow-bundle.js'))) {
  fail('dist/workflow-bundle.js is missing: run `npm run build` first.');
}
const bin = ensureValidators();
const files = readdirSync(testDir)
  .filter((file) => file.endsWith('.test.mjs'))
  .sort()
  .map((file) => path.join('test', 'deploy', file));
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CJG_DEPLOY_VALIDATORS: bin },
});
process.exit(result.status ?? 1);
