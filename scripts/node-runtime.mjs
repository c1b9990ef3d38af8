// The Node the project runs on. Node 20 is out of support since April 2026; the project runs on
// Node 24 LTS (package.json's engines). Where the machine's Node is older, the entry scripts
// (`npm start`, `npm test`) install the pinned Node 24 from the npm registry into .toolchain and
// run again with it, so that every child (npm, jest, the API, the worker) runs on it too.
// Plain JavaScript without dependencies: it runs on a fresh clone, before `npm ci`, on any Node.
//
// `node scripts/node-runtime.mjs` installs the pinned Node when the machine's is too old and
// prints which Node the entry scripts run on.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The official Node binary, as the npm registry's `node-<platform>-<arch>` package ships it. */
export const PINNED_NODE = '24.22.3';
/** The registry's integrity of each platform's package: a tarball that differs is refused. */
const PINNED_INTEGRITY = {
  'linux-x64':
    'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
  'linux-arm64':
    'sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw==',
};
/** Set by a run that started itself again on the pinned Node, to the pid of that run. */
const REEXEC_MARK = 'CJG_NODE_REEXEC_FROM';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `1.2.3` → [1, 2, 3]; missing parts are 0. */
function parts(version) {
  const [major = 0, minor = 0, patch = 0] = version.replace(/^v/, '').split('.').map(Number);
  return [major, minor, patch];
}

/** True when `version` is older than `minimum` (both `major.minor.patch`, `v` allowed). */
export function isOlder(version, minimum) {
  const a = parts(version);
  const b = parts(minimum);
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/** The lowest Node package.json's engines accept: `>=24.11` → `24.11`. */
export function enginesMinimum(manifest = path.join(root, 'package.json')) {
  const range = JSON.parse(readFileSync(manifest, 'utf8')).engines?.node ?? '';
  const match = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(range.trim());
  if (!match)
    throw new Error(`package.json engines.node must read ">=X.Y", not ${JSON.stringify(range)}`);
  return match[1];
}

function toolchainDir(env) {
  return path.resolve(env.CJG_TOOLCHAIN_DIR || path.join(root, '.toolchain'));
}

/** Where the pinned Node lives: `.toolchain/node-<version>/bin/node`. */
export function pinnedNodeBin(env = process.env) {
  return path.join(toolchainDir(env), `node-${PINNED_NODE}`, 'bin');
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function fail(tag, message) {
  console.error(`[${tag}] ${message}`);
  process.exit(1);
}

/**
 * The pinned Node binary, installed once from the npm registry (through the machine's npm and its
 * registry settings), checked against the pinned integrity and its own `--version`, and moved into
 * place only when complete.
 */
export function ensurePinnedNode(tag, env = process.env) {
  const bin = pinnedNodeBin(env);
  const node = path.join(bin, 'node');
  if (isExecutable(node)) return node;
  const platform = `${process.platform}-${process.arch}`;
  const integrity = PINNED_INTEGRITY[platform];
  if (!integrity) {
    fail(
      tag,
      `Node ${PINNED_NODE} is pinned for ${Object.keys(PINNED_INTEGRITY).join(' and ')} only; ` +
        `install Node ${enginesMinimum()} or newer for ${platform} and put it first on PATH.`,
    );
  }
  const dir = path.dirname(bin);
  mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = mkdtempSync(`${dir}.tmp-`);
  chmodSync(tmp, 0o755); // mkdtemp makes it private; any user may run the Node in it
  try {
    const spec = `node-${platform}@${PINNED_NODE}`;
    console.log(`[${tag}] installing Node ${PINNED_NODE} (${spec}) from the npm registry…`);
    const pack = spawnSync(npm, ['pack', spec, '--json', '--pack-destination', tmp], {
      encoding: 'utf8',
      env,
    });
    if (pack.status !== 0) {
      fail(
        tag,
        `npm pack ${spec} failed (exit ${pack.status ?? pack.error?.message}):\n${pack.stderr}`,
      );
    }
    const tarball = path.join(tmp, JSON.parse(pack.stdout)[0].filename);
    const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (actual !== integrity) {
      fail(
        tag,
        `${spec} from the registry has integrity ${actual}, pinned is ${integrity}; not installed.`,
      );
    }
    const untar = spawnSync(
      'tar',
      ['-xzf', tarball, '-C', tmp, '--strip-components=1', 'package/bin/node', 'package/LICENSE'],
      { encoding: 'utf8' },
    );
    if (untar.status !== 0) fail(tag, `unpacking ${tarball} failed:\n${untar.stderr}`);
    rmSync(tarball);
    const version = spawnSync(path.join(tmp, 'bin', 'node'), ['--version'], { encoding: 'utf8' });
    if (version.stdout?.trim() !== `v${PINNED_NODE}`) {
      fail(
        tag,
        `the unpacked Node says ${JSON.stringify(version.stdout ?? version.error?.message)}, not v${PINNED_NODE}`,
      );
    }
    try {
      renameSync(tmp, dir);
    } catch (error) {
      // Another run installed it meanwhile, which is as good.
      if (!isExecutable(node)) throw error;
    }
    console.log(`[${tag}] Node ${PINNED_NODE} installed in ${path.relative(root, dir) || dir}`);
    return node;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Returns when this process runs on a Node package.json's engines accept, after one line saying
 * which. Otherwise installs the pinned Node, runs this script again on it with its folder first on
 * PATH (so that `npm`, `npm run` scripts and every `node` below use it), passes signals on, and
 * exits with that run's exit code: it does not return then.
 */
export async function ensureSupportedNode(tag, env = process.env) {
  const minimum = enginesMinimum();
  const reexecuted = env[REEXEC_MARK] === String(process.ppid);
  if (!isOlder(process.versions.node, minimum)) {
    if (!reexecuted) console.log(`[${tag}] Node ${process.version} (${process.execPath})`);
    return;
  }
  if (reexecuted)
    fail(tag, `started again on ${process.execPath}, it is still Node ${process.version}`);
  const node = ensurePinnedNode(tag, env);
  console.log(
    `[${tag}] Node v${PINNED_NODE} (${node}): the machine's Node ${process.version} is older than ` +
      `package.json's engines (>=${minimum})`,
  );
  const child = spawn(node, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: {
      ...env,
      PATH: [path.dirname(node), env.PATH].filter(Boolean).join(path.delimiter),
      [REEXEC_MARK]: String(process.pid),
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  const code = await new Promise((resolve) => {
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(`[${tag}] could not start ${node}: ${error.message}`);
      resolve(1);
    });
  });
  process.exit(code);
}

/**
 * In a run started by {@link ensureSupportedNode}: calls `onGone` when the run that started this
 * one is gone (killed without passing a signal on), so that nothing is left running without it.
 */
export function whenStarterGone(onGone) {
  if (!process.connected) return;
  process.channel?.unref();
  process.once('disconnect', onGone);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureSupportedNode('node');
}
