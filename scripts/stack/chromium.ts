import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's chromium package puts its executable. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set, else Debian's package, installed
 * here when it is missing (as root, with apt-get). Playwright cannot download its own browsers on
 * these machines, so the project never asks it to. Throws with apt-get's own output when the
 * package cannot be installed: a browser test without a browser is not a pass.
 */
export function ensureChromium(log: (message: string) => void = console.log): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH ${fromEnv} does not exist`);
    return fromEnv;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' });
  if (!isRoot || aptGet.status !== 0) {
    throw new Error(
      `No Chromium for the browser tests: set CHROMIUM_PATH, or install Debian's package (apt-get install chromium) as root. ${isRoot ? 'apt-get is not on this machine.' : 'This process is not root.'}`,
    );
  }
  log("installing Debian's chromium for the browser tests (apt-get, once per machine)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update'],
    ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
  ]) {
    const run = spawnSync('apt-get', args, { encoding: 'utf8', env, timeout: 600_000 });
    if (run.status !== 0) {
      throw new Error(
        `apt-get ${args.join(' ')} failed (exit ${run.status}):\n${(run.stderr || run.stdout || '').slice(-2000)}`,
      );
    }
  }
  if (!existsSync(DEBIAN_CHROMIUM)) {
    throw new Error(`apt-get installed chromium, but ${DEBIAN_CHROMIUM} is not there`);
  }
  return DEBIAN_CHROMIUM;
}

/**
 * Starts Chromium headless for Playwright. Root in a container and a closed network: no
 * sandbox, no background connections (Chromium's own update and sync calls are refused here).
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
