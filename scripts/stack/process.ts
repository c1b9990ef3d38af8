import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface ManagedProcessOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Output goes to this file (appended); the tail is quoted when the process fails. */
  logFile: string;
  /** Also print output on this console, each line prefixed with the name. */
  echo?: boolean;
  /** Run as another user (root starting PostgreSQL). */
  uid?: number;
  gid?: number;
  /** The signal that shuts the program down quickly and cleanly. */
  stopSignal?: NodeJS.Signals;
  /**
   * Run in a process group of its own: a Ctrl-C at the terminal then reaches the stack only, which
   * stops the part itself (and restarts it when it dies of anything else), and {@link stop} ends
   * whatever the part left running of its own children.
   */
  ownProcessGroup?: boolean;
}

/** How a process ended: `exit code 1`, `killed by SIGKILL`. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

/** True when `promise` settles within `ms`; leaves no timer behind either way. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}

/** A child process of the stack: logged to a file, watched, and stopped on request. */
export class ManagedProcess {
  readonly name: string;
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private readonly exited: Promise<number | null>;
  /** Resolves when the output has been written to the log file and the file is closed. */
  private readonly logged: Promise<void>;
  private exitCode: number | null | undefined;
  private exitSignal: NodeJS.Signals | null = null;
  private readonly listeners = new Set<(line: string) => void>();

  constructor(private readonly options: ManagedProcessOptions) {
    this.name = options.name;
    mkdirSync(path.dirname(options.logFile), { recursive: true });
    this.log = createWriteStream(options.logFile, { flags: 'a' });
    this.log.write(
      `\n=== ${new Date().toISOString()} ${options.command} ${options.args.join(' ')}\n`,
    );
    this.child = spawn(options.command, options.args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      uid: options.uid,
      gid: options.gid,
      detached: options.ownProcessGroup ?? false,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      let pending = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        this.log.write(chunk);
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) this.onLine(line);
      });
    }
    // The log ends when the output does ('close'), which can be after the process has exited.
    let endLog: () => void = () => undefined;
    this.logged = new Promise((resolve) => {
      let ended = false;
      endLog = () => {
        if (ended) return;
        ended = true;
        this.log.end(resolve);
      };
    });
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.log.write(`\n[spawn error] ${error.message}\n`);
        this.exitCode = -1;
        endLog();
        resolve(-1);
      });
      this.child.on('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? 128 : null);
        this.exitSignal = signal;
        resolve(this.exitCode);
      });
      this.child.on('close', (code, signal) => {
        this.log.write(`\n=== exited code=${code} signal=${signal}\n`);
        endLog();
      });
    });
  }

  get logFile(): string {
    return this.options.logFile;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** Resolves with the exit code when the process ends. */
  whenExited(): Promise<number | null> {
    return this.exited;
  }

  /** How the process ended, once it has. */
  describeExit(): string {
    return describeExit(this.exitCode ?? null, this.exitSignal);
  }

  /** Resolves once the process has ended and its last output is in the log file (2 s at most). */
  async whenLogged(): Promise<void> {
    await this.exited;
    await settlesWithin(this.logged, 2_000);
  }

  /** Resolves on the first output line matching the pattern. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(
          new Error(
            `${this.name}: no line matching ${pattern} within ${timeoutMs} ms\n${this.tail()}`,
          ),
        );
      }, timeoutMs);
      const listener = (line: string) => {
        if (!pattern.test(line)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(line);
      };
      this.listeners.add(listener);
      void this.exited.then((code) => {
        if (!this.listeners.has(listener)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        reject(new Error(`${this.name} exited (code ${code}) before it was ready\n${this.tail()}`));
      });
    });
  }

  /** The last lines of the log file, for error messages. */
  tail(lines = 25): string {
    try {
      const text = readFileSync(this.options.logFile, 'utf8').trimEnd().split('\n');
      return text
        .slice(-lines)
        .map((line) => `  | ${line}`)
        .join('\n');
    } catch {
      return '';
    }
  }

  /**
   * Stops the process with its stop signal, then SIGKILL after the grace time. In a process group
   * of its own, whatever is left of the group after that is killed too.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.running) {
      this.child.kill(this.options.stopSignal ?? 'SIGTERM');
      if (!(await settlesWithin(this.exited, graceMs))) this.child.kill('SIGKILL');
    }
    if (this.options.ownProcessGroup && this.child.pid !== undefined) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // ESRCH: nothing of the group is left
      }
    }
    await this.whenLogged();
  }

  private onLine(line: string): void {
    if (this.options.echo) console.log(`[${this.name}] ${line}`);
    for (const listener of [...this.listeners]) listener(line);
  }
}

/**
 * Resolves with the process once `ready` does; a process that does not get ready is stopped, not
 * left running beside the one a retry starts.
 */
export async function readyOrStopped(
  process: ManagedProcess,
  ready: Promise<unknown>,
): Promise<ManagedProcess> {
  try {
    await ready;
    return process;
  } catch (error) {
    await process.stop();
    throw error;
  }
}

/** Polls `check` until it resolves true; fails early when `process` exits. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  process?: ManagedProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (process && !process.running) {
      throw new Error(`${process.name} exited before ${what}\n${process.tail()}`);
    }
    try {
      if (await check()) return;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError})` : ''}` +
      (process ? `\n${process.tail()}` : ''),
  );
}

/** True when something accepts TCP connections on host:port. */
export function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not allocate a port'));
      });
    });
  });
}
