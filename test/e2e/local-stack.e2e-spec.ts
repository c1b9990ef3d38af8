import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, readdir, readlink, rm } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devKeyFiles, mintDevToken, type DevTokenRequest } from '../../scripts/stack/dev-keys';
import { toolchainDir } from '../../scripts/stack/paths';
import { freePort } from '../../scripts/stack/process';
import { api, caughtMail, eventually, unique } from '../support/e2e';
import { findInTree, isRunning, processTree } from '../support/processes';

/**
 * `npm start` as a developer runs it (issue 15): on the machine's Node, which the start script
 * replaces by the pinned Node 24 where it is older; a crashed worker or API is restarted while
 * the rest keeps answering; a part that keeps crashing stops the stack with its last log lines;
 * SIGTERM to npm itself stops every process below it. Each stack here has its own data folder and
 * ports, beside the e2e tier's stack, and runs the build in dist/ (CJG_SKIP_BUILD).
 */
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../..');

/** The environment of a developer's shell: no pinned Node on PATH, no e2e stack's addresses. */
function developerEnv(): NodeJS.ProcessEnv {
  const pinned = realpathSync(toolchainDir());
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (
      !/^(E2E_|TEMPORAL_|DATABASE_URL|SMTP_URL|AUTH_|ANSWER_TOKEN|PUBLIC_BASE_URL|npm_)/.test(name)
    )
      env[name] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => {
      try {
        return !realpathSync(dir).startsWith(pinned);
      } catch {
        return true;
      }
    })
    .join(path.delimiter);
  return env;
}

class NpmStart {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private seen = new Set<number>();

  private constructor(
    readonly dataDir: string,
    readonly ports: { api: number; smtp: number; mailUi: number },
    env: NodeJS.ProcessEnv,
  ) {
    // A process group of its own, so that a failed test can clean up all of it.
    this.child = spawn('npm', ['start'], {
      cwd: root,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (this.output += chunk));
    }
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  /**
   * `npm start` on free ports until it is up. A port is free when it is chosen, but another
   * process may bind it before the stack does (seen: Temporal's "bind: address already in use"):
   * the stack then stops on its own, and it is started again on new ports, at most three times.
   * Any other failure to come up fails at once.
   */
  static async up(extraEnv: NodeJS.ProcessEnv = {}): Promise<NpmStart> {
    for (let attempt = 1; ; attempt += 1) {
      const stack = await NpmStart.start(extraEnv);
      try {
        await stack.waitFor(/cjg-toegang is up/, 90_000);
      } catch (error) {
        const portTaken = await stack.logsMention(/address already in use/);
        stack.remember();
        await stack.cleanUp();
        if (portTaken && attempt < 3) continue;
        throw error;
      }
      stack.remember();
      return stack;
    }
  }

  /** Whether a log of the stack's parts (in its data directory) says this. */
  private async logsMention(pattern: RegExp): Promise<boolean> {
    const dir = path.join(this.dataDir, 'logs');
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const file of files) {
      const text = await readFile(path.join(dir, file), 'utf8').catch(() => '');
      if (pattern.test(text)) return true;
    }
    return false;
  }

  private static async start(extraEnv: NodeJS.ProcessEnv): Promise<NpmStart> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cjg-npm-start-'));
    await chmod(dataDir, 0o755); // PostgreSQL runs as another user when the tests run as root
    const [temporal, postgres, smtp, mailUi, apiPort] = await Promise.all(
      Array.from({ length: 5 }, () => freePort()),
    );
    const stack = new NpmStart(
      dataDir,
      { api: apiPort!, smtp: smtp!, mailUi: mailUi! },
      {
        ...developerEnv(),
        CJG_DATA_DIR: dataDir,
        CJG_SKIP_BUILD: '1',
        TEMPORAL_PORT: String(temporal),
        TEMPORAL_UI_PORT: '0',
        PG_PORT: String(postgres),
        SMTP_PORT: String(smtp),
        MAIL_UI_PORT: String(mailUi),
        PORT: String(apiPort),
        ...extraEnv,
      },
    );
    return stack;
  }

  get npmPid(): number {
    return this.child.pid!;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.ports.api}`;
  }

  /** The process of the worker or the API now. */
  pid(part: 'worker' | 'api'): number {
    const pid = findInTree(this.npmPid, path.join('dist', 'apps', part, 'src', 'main.js'));
    if (pid === undefined) throw new Error(`no ${part} process below npm start\n${this.output}`);
    return pid;
  }

  /** Notes every process below npm now, to check later that none is left. */
  remember(): number[] {
    for (const pid of processTree(this.npmPid)) this.seen.add(pid);
    return [...this.seen];
  }

  running(): number[] {
    return [...this.seen].filter(isRunning);
  }

  async waitFor(pattern: RegExp, timeoutMs: number, from = 0): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.output.slice(from));
      if (match) return match;
      const exited = await Promise.race([
        this.exited.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 100)),
      ]);
      if (exited || Date.now() > deadline) {
        throw new Error(
          `npm start: no ${pattern} ${exited ? 'before it exited' : `within ${timeoutMs} ms`}\n${this.output}`,
        );
      }
    }
  }

  token(request: DevTokenRequest): Promise<string> {
    return mintDevToken(devKeyFiles(this.dataDir).privateKeyFile, request);
  }

  /** Whatever is left, when a test failed halfway; then the data folder. */
  async cleanUp(): Promise<void> {
    for (const pid of this.running()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/** The version of the Node a process runs on, from its executable. */
async function nodeVersionOf(pid: number): Promise<string> {
  const exe = await readlink(`/proc/${pid}/exe`);
  return spawnSync(exe, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

const major = (version: string) => Number(/^v(\d+)\./.exec(version)?.[1]);

describe('npm start: the local stack on Node 24, kept up by its supervisor', () => {
  let stack: NpmStart;
  beforeAll(async () => {
    stack = await NpmStart.up();
  });
  afterAll(async () => stack?.cleanUp());

  it('runs the stack, the worker and the API on Node 24 or newer, and says which Node', async () => {
    expect(stack.output).toMatch(/\[start\] Node v(2[4-9]|[3-9]\d)\.\d+\.\d+ \(/);
    expect(major(await nodeVersionOf(stack.pid('worker')))).toBeGreaterThanOrEqual(24);
    expect(major(await nodeVersionOf(stack.pid('api')))).toBeGreaterThanOrEqual(24);
  });

  it('restarts a worker killed with kill -9 while the API keeps answering, and new trajectories progress', async () => {
    const failures: string[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        try {
          const response = await fetch(`${stack.apiUrl}/health`);
          if (response.status !== 200) failures.push(`health ${response.status}`);
        } catch (error) {
          failures.push((error as Error).message);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const from = stack.output.length;
    process.kill(stack.pid('worker'), 'SIGKILL');
    await stack.waitFor(
      /\[stack\] worker exited unexpectedly \(killed by SIGKILL after .*\); restarting in 1 s/,
      10_000,
      from,
    );
    await stack.waitFor(/\[stack\] worker restarted \(pid \d+\)/, 60_000, from);
    polling = false;
    await poller;
    expect(failures).toEqual([]);
    stack.remember();

    // A trajectory started after the restart gets its intake letter: the new worker works.
    const id = unique();
    const coordinator = { id: `coord-${id}`, email: `anna.${id}@cjg.example` };
    // Ops register the coordinator (a team lead would name one of its own teams).
    const asOps = await stack.token({ role: 'ops', sub: 'ops' });
    const asCoordinator = await stack.token({
      role: 'coordinator',
      sub: 'coord',
      dataScope: ['municipality:0957'],
    });
    const call = (method: string, route: string, body: unknown, token: string) =>
      api(method, route, body, { baseUrl: stack.apiUrl, token });
    expect(
      (
        await call(
          'PUT',
          `/coordinators/${coordinator.id}`,
          { name: 'Anna', email: coordinator.email },
          asOps,
        )
      ).status,
    ).toBe(200);
    expect(
      (await call('PUT', `/clients/client-${id}`, { name: 'Sam', bsn: '111222333' }, asCoordinator))
        .status,
    ).toBe(200);
    const caseNumber = `CJG-2026-${id.toUpperCase()}`;
    const started = await call(
      'POST',
      '/trajectories',
      {
        caseNumber,
        municipalityCode: '0957',
        coordinatorId: coordinator.id,
        clientId: `client-${id}`,
        familyId: `fam-${id}`,
      },
      asCoordinator,
    );
    expect(started.status).toBe(201);
    const letters = await eventually(
      () => caughtMail(`http://127.0.0.1:${stack.ports.mailUi}`),
      (mail) => mail.some((m) => m.to.some((to) => to.address === coordinator.email)),
      30_000,
    );
    expect(letters.find((m) => m.to[0]?.address === coordinator.email)?.subject).toBe(
      `Nieuwe aanmelding geregistreerd: casus ${caseNumber}`,
    );
  });

  it('restarts an API killed with kill -9', async () => {
    const from = stack.output.length;
    const before = stack.pid('api');
    process.kill(before, 'SIGKILL');
    const [, pid] = await stack.waitFor(/\[stack\] api restarted \(pid (\d+)\)/, 60_000, from);
    expect(Number(pid)).not.toBe(before);
    stack.remember();
    expect((await fetch(`${stack.apiUrl}/health`)).status).toBe(200);
  });

  it('stops every process below npm start when npm itself gets SIGTERM', async () => {
    const processes = stack.remember();
    // npm, the start script (twice where it runs again on the pinned Node), the stack, its parts
    // and their children (PostgreSQL's).
    expect(processes.length).toBeGreaterThanOrEqual(7);
    process.kill(stack.npmPid, 'SIGTERM');
    const exit = await Promise.race([
      stack.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running after 30 s'), 30_000)),
    ]);
    expect(exit).not.toBe('still running after 30 s');
    expect(stack.running()).toEqual([]);
    expect(stack.output).toMatch(/\[stack\] SIGTERM: stopping the stack/);
    expect(stack.output).toMatch(/\[stack\] stopped/);
  });
});

describe('npm start: a part that keeps crashing', () => {
  let stack: NpmStart;
  beforeAll(async () => {
    stack = await NpmStart.up({ CJG_CRASH_LIMIT: '2', CJG_CRASH_WINDOW_SECONDS: '60' });
  });
  afterAll(async () => stack?.cleanUp());

  it('stops the whole stack with the last log lines of that part, and exits non-zero', async () => {
    process.kill(stack.pid('worker'), 'SIGKILL');
    await stack.waitFor(/\[stack\] worker restarted \(pid \d+\)/, 60_000);
    stack.remember();
    process.kill(stack.pid('worker'), 'SIGKILL');
    const exit = await stack.exited;
    expect(exit).toEqual({ code: 1, signal: null });
    const logFile = path.join(stack.dataDir, 'logs', 'worker.log');
    expect(stack.output).toMatch(
      new RegExp(
        `\\[stack\\] worker: 2 crashes within 60 s; stopping the stack\\. The last lines of ${logFile}:\\n(  \\| .*\\n){5,}`,
      ),
    );
    expect(stack.output).toContain('  | === exited code=null signal=SIGKILL');
    expect(stack.running()).toEqual([]);
  });
});
