import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRunning } from '../../test/support/processes';
import { ManagedProcess } from './process';
import {
  CrashRecord,
  DEFAULT_RESTART_POLICY,
  restartPolicyFromEnv,
  SupervisedPart,
  type RestartPolicy,
} from './supervisor';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(CrashRecord.name, () => {
  const policy: RestartPolicy = {
    maxCrashes: 5,
    windowMs: 60_000,
    initialDelayMs: 1_000,
    maxDelayMs: 8_000,
    stableAfterMs: 30_000,
  };

  it('waits twice as long after each crash, up to the cap', () => {
    const record = new CrashRecord({ ...policy, maxCrashes: 100, windowMs: 1 });
    const delays = Array.from({ length: 6 }, (_, i) => record.crashed(i * 1_000, 500));
    expect(delays.map((d) => (d.restart ? d.delayMs : 'gave up'))).toEqual([
      1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
  });

  it('gives up at the limit of crashes within the window', () => {
    const record = new CrashRecord(policy);
    const decisions = [0, 2_000, 5_000, 10_000, 20_000].map((t) => record.crashed(t, 100));
    expect(decisions.map((d) => d.restart)).toEqual([true, true, true, true, false]);
    expect(decisions[4]).toEqual({ restart: false, crashes: 5 });
  });

  it('forgets crashes older than the window', () => {
    const record = new CrashRecord(policy);
    for (const t of [0, 10_000, 20_000, 30_000]) expect(record.crashed(t, 100).restart).toBe(true);
    // The crash at 0 s has left the window: four within it, not five.
    expect(record.crashed(61_000, 100)).toMatchObject({ restart: true, crashes: 4 });
  });

  it('starts the waits over after the part stayed up long enough', () => {
    const record = new CrashRecord({ ...policy, windowMs: 1 });
    expect(record.crashed(0, 100)).toMatchObject({ delayMs: 1_000 });
    expect(record.crashed(1_000, 100)).toMatchObject({ delayMs: 2_000 });
    expect(record.crashed(40_000, 30_000)).toMatchObject({ delayMs: 1_000 });
  });

  it('restarts nothing when one crash is the limit', () => {
    expect(new CrashRecord({ ...policy, maxCrashes: 1 }).crashed(0, 100)).toEqual({
      restart: false,
      crashes: 1,
    });
  });
});

describe(restartPolicyFromEnv.name, () => {
  it('takes the crash limit and window from the environment', () => {
    expect(restartPolicyFromEnv({})).toEqual(DEFAULT_RESTART_POLICY);
    expect(
      restartPolicyFromEnv({ CJG_CRASH_LIMIT: '3', CJG_CRASH_WINDOW_SECONDS: '20' }),
    ).toMatchObject({ maxCrashes: 3, windowMs: 20_000 });
  });

  it('refuses a value that is not a whole number of at least 1', () => {
    expect(() => restartPolicyFromEnv({ CJG_CRASH_LIMIT: '0' })).toThrow(/CJG_CRASH_LIMIT/);
    expect(() => restartPolicyFromEnv({ CJG_CRASH_WINDOW_SECONDS: '1m' })).toThrow(
      /CJG_CRASH_WINDOW_SECONDS/,
    );
  });
});

/** Real child processes, on short waits. */
describe(SupervisedPart.name, () => {
  jest.setTimeout(20_000);
  const fast: RestartPolicy = {
    maxCrashes: 3,
    windowMs: 10_000,
    initialDelayMs: 50,
    maxDelayMs: 200,
    stableAfterMs: 10_000,
  };
  let dir: string;
  let reports: string[];
  const parts: SupervisedPart[] = [];

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cjg-supervisor-'));
    reports = [];
  });
  afterEach(async () => {
    for (const part of parts.splice(0)) await part.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A part running `script` in Node, ready once it printed "ready". */
  function part(script: string, policy = fast): SupervisedPart {
    const supervised = new SupervisedPart({
      name: 'dummy',
      policy,
      report: (message) => reports.push(message),
      start: async () => {
        const child = new ManagedProcess({
          name: 'dummy',
          command: process.execPath,
          args: ['-e', `console.log('ready'); ${script}`],
          logFile: path.join(dir, 'dummy.log'),
          ownProcessGroup: true,
        });
        await child.waitForLine(/^ready$/, 10_000);
        return child;
      },
    });
    parts.push(supervised);
    return supervised;
  }

  const until = async (condition: () => boolean) => {
    while (!condition()) await sleep(20);
  };

  it('restarts a process killed with SIGKILL and says so', async () => {
    const supervised = part('setInterval(() => {}, 1000)');
    await supervised.begin();
    const first = supervised.pid!;
    process.kill(first, 'SIGKILL');
    await until(() => supervised.pid !== undefined && supervised.pid !== first);
    expect(reports[0]).toMatch(
      /^dummy exited unexpectedly \(killed by SIGKILL after .* s\); restarting in 0\.1 s \(crash 1; 3 within 10 s stop the stack\)$/,
    );
    expect(reports[1]).toBe(`dummy restarted (pid ${supervised.pid})`);
  });

  it('gives up on a part that keeps crashing, with its last log lines', async () => {
    const supervised = part(
      `console.log('line of ' + process.pid); setTimeout(() => process.exit(3), 100)`,
    );
    await supervised.begin();
    const failure = await supervised.failure;
    expect(failure).toMatchObject({ name: 'dummy', crashes: 3 });
    expect(failure.logFile).toBe(path.join(dir, 'dummy.log'));
    expect(failure.tail).toMatch(/\| line of \d+\n.*\n.*=== exited code=3 signal=null$/);
    expect(reports.at(-1)).toMatch(
      /^dummy exited unexpectedly .*: 3 crashes within 10 s, giving up$/,
    );
  });

  it('starts nothing more once stopped, even with a restart pending', async () => {
    const supervised = part('setInterval(() => {}, 1000)', { ...fast, initialDelayMs: 1_000 });
    await supervised.begin();
    process.kill(supervised.pid!, 'SIGKILL');
    await until(() => reports.length > 0);
    await supervised.stop();
    await sleep(1_200);
    expect(supervised.pid).toBeUndefined();
    expect(reports).toHaveLength(1);
  });
});

describe(ManagedProcess.name, () => {
  it("stops a part's own children with it when it has a process group of its own", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cjg-process-'));
    try {
      // The part starts a child that ignores SIGTERM and would outlive it.
      const part = new ManagedProcess({
        name: 'parent',
        command: process.execPath,
        args: [
          '-e',
          `const c = require('node:child_process').spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
           console.log('child ' + c.pid); setInterval(() => {}, 1000)`,
        ],
        logFile: path.join(dir, 'parent.log'),
        ownProcessGroup: true,
      });
      const child = Number((await part.waitForLine(/^child \d+$/, 10_000)).split(' ')[1]);
      await part.stop();
      // SIGKILL takes a moment to land.
      for (let i = 0; i < 100 && isRunning(child); i += 1) await sleep(20);
      expect(isRunning(child)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
