/**
 * Supervision of the local stack's parts: a part that dies on its own is restarted after a wait
 * that doubles with each crash, and one that keeps crashing stops the stack with its last log
 * lines, instead of one crashed worker taking the API (and the requests it is answering) down.
 */
import type { ManagedProcess } from './process';

export interface RestartPolicy {
  /** This many crashes of one part within `windowMs` stop the stack; 1 restarts nothing. */
  maxCrashes: number;
  windowMs: number;
  /** The wait before the first restart; doubled for each further crash, up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A part that stayed up this long is well again: its next crash waits `initialDelayMs`. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxCrashes: 5,
  windowMs: 60_000,
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
};

/** No restarts: the first unexpected exit is a failure (the test tiers' stacks). */
export const NO_RESTARTS: RestartPolicy = { ...DEFAULT_RESTART_POLICY, maxCrashes: 1 };

/** The policy of `npm start`: the defaults, with the crash limit from the environment. */
export function restartPolicyFromEnv(env: NodeJS.ProcessEnv): RestartPolicy {
  const whole = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      throw new Error(
        `${name} must be a whole number of at least ${min}, got ${JSON.stringify(raw)}`,
      );
    }
    return value;
  };
  return {
    ...DEFAULT_RESTART_POLICY,
    maxCrashes: whole('CJG_CRASH_LIMIT', DEFAULT_RESTART_POLICY.maxCrashes, 1),
    windowMs: whole('CJG_CRASH_WINDOW_SECONDS', DEFAULT_RESTART_POLICY.windowMs / 1000, 1) * 1000,
  };
}

export type CrashDecision =
  { restart: true; delayMs: number; crashes: number } | { restart: false; crashes: number };

/** The crashes of one part, and what to do about the next one. */
export class CrashRecord {
  private times: number[] = [];
  /** Crashes since the part was last stable: the exponent of the wait. */
  private streak = 0;

  constructor(private readonly policy: RestartPolicy) {}

  /** A crash at `now` (ms) of a process that had been up for `upMs` (0: it did not come up). */
  crashed(now: number, upMs: number): CrashDecision {
    const { policy } = this;
    this.times = [...this.times.filter((t) => now - t < policy.windowMs), now];
    const crashes = this.times.length;
    if (crashes >= policy.maxCrashes) return { restart: false, crashes };
    if (upMs >= policy.stableAfterMs) this.streak = 0;
    const delayMs = Math.min(policy.initialDelayMs * 2 ** this.streak, policy.maxDelayMs);
    this.streak += 1;
    return { restart: true, delayMs, crashes };
  }
}

/** A part the stack gave up on. */
export interface PartFailure {
  name: string;
  crashes: number;
  /** The part's log file and its last lines, as `ManagedProcess.tail` quotes them. */
  logFile: string;
  tail: string;
}

export interface SupervisedPartOptions {
  name: string;
  /** Starts the part and resolves once it is ready; rejects (having stopped it) when it is not. */
  start: () => Promise<ManagedProcess>;
  policy: RestartPolicy;
  /** Crashes, restarts and giving up are told here (the stack's console and log file). */
  report: (message: string) => void;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
export const crashCount = (n: number) => (n === 1 ? '1 crash' : `${n} crashes`);

/** One part of the stack, kept running by restarting it when it dies on its own. */
export class SupervisedPart {
  readonly name: string;
  /** Resolves when the part crashed more often than the policy allows; never otherwise. */
  readonly failure: Promise<PartFailure>;
  private giveUp!: (failure: PartFailure) => void;
  private readonly crashes: CrashRecord;
  private current: ManagedProcess | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private restarting: Promise<void> = Promise.resolve();

  constructor(private readonly options: SupervisedPartOptions) {
    this.name = options.name;
    this.crashes = new CrashRecord(options.policy);
    this.failure = new Promise((resolve) => (this.giveUp = resolve));
  }

  /** The part's process now (a restart replaces it). */
  get process(): ManagedProcess | undefined {
    return this.current;
  }

  get pid(): number | undefined {
    return this.current?.running ? this.current.pid : undefined;
  }

  /** The first start; its failure is the caller's (the stack does not come up). */
  async begin(): Promise<void> {
    this.watch(await this.options.start());
  }

  /** Stops the part, and any restart that is waiting or under way. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.restarting;
    await this.current?.stop();
  }

  private watch(process: ManagedProcess): void {
    this.current = process;
    const upSince = Date.now();
    void process.whenExited().then(() => {
      if (this.stopping || this.current !== process) return;
      this.crashed(`${process.describeExit()} after ${seconds(Date.now() - upSince)}`, upSince);
    });
  }

  private crashed(how: string, upSince: number): void {
    const now = Date.now();
    const decision = this.crashes.crashed(now, now - upSince);
    const { maxCrashes, windowMs } = this.options.policy;
    if (!decision.restart) {
      this.options.report(
        `${this.name} exited unexpectedly (${how}): ${crashCount(decision.crashes)} within ${seconds(windowMs)}, giving up`,
      );
      void this.reportFailure(decision.crashes);
      return;
    }
    this.options.report(
      `${this.name} exited unexpectedly (${how}); restarting in ${seconds(decision.delayMs)} ` +
        `(crash ${decision.crashes}; ${maxCrashes} within ${seconds(windowMs)} stop the stack)`,
    );
    this.restarting = this.restartAfter(decision.delayMs);
  }

  private async restartAfter(delayMs: number): Promise<void> {
    // What the crashed process left of its own children (PostgreSQL's backends) goes first.
    await this.current?.stop();
    if (!this.stopping) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    if (this.stopping) return;
    try {
      const process = await this.options.start();
      if (this.stopping) {
        await process.stop();
        return;
      }
      this.watch(process);
      this.options.report(`${this.name} restarted (pid ${process.pid})`);
    } catch (error) {
      if (this.stopping) return;
      const reason = (error as Error).message.split('\n')[0];
      this.crashed(`the restart failed: ${reason}`, Date.now());
    }
  }

  private async reportFailure(crashes: number): Promise<void> {
    const last = this.current;
    await last?.whenLogged();
    this.giveUp({
      name: this.name,
      crashes,
      logFile: last?.logFile ?? '',
      tail: last?.tail(20) ?? '',
    });
  }
}
