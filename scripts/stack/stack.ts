import { appendFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { runMigrations } from '@cjg/persistence';
import { startMailCatcher } from './mail-catcher';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  ensureAnswerTokenSecret,
  ensureDevKeys,
  ensurePayloadKeysFile,
} from './dev-keys';
import { repoRoot } from './paths';
import { startLocalPostgres } from './postgres';
import { isListening, ManagedProcess, readyOrStopped, waitUntil } from './process';
import { NO_RESTARTS, SupervisedPart, type PartFailure, type RestartPolicy } from './supervisor';
import { prepareNamespace, startTemporalDevServer } from './temporal-server';
import { ensurePostgresBinaries, ensureTemporalCli, type Log } from './toolchain';

export interface StackPorts {
  temporal: number;
  /** 0: no Web UI (headless dev server). */
  temporalUi: number;
  /** The Web UI's codec endpoint (dev-codec-proxy.ts); absent or 0: none. */
  codecProxy?: number;
  /** The dev server's Prometheus `/metrics` (its `action` counter: bench/lifecycle.ts); absent: a random port. */
  temporalMetrics?: number;
  postgres: number;
  smtp: number;
  mailUi: number;
  api: number;
}

export interface StackOptions {
  dataDir: string;
  ports: StackPorts;
  /** Settings taken from the environment: an address given there replaces the local part. */
  env: NodeJS.ProcessEnv;
  /** Print worker and API output on this console. */
  echo: boolean;
  /** A throw-away stack (tests): PostgreSQL without fsync. */
  ephemeral: boolean;
  /**
   * Restart a part that dies on its own by this policy, and run every part in a process group of
   * its own, so that the stack alone decides when they stop (`npm start`). Without it, a part's
   * first unexpected exit is the stack's failure (the test tiers, where a crash must show).
   */
  supervise?: RestartPolicy;
  log: Log;
}

export interface StackUrls {
  api: string;
  docs: string;
  temporalAddress: string;
  temporalUi?: string;
  /** The dev codec proxy the Web UI decodes payloads through. */
  codecProxy?: string;
  databaseUrl: string;
  smtpUrl: string;
  mailUi?: string;
}

export interface Stack {
  urls: StackUrls;
  /** The dev key that signs tokens for this stack's API, when it uses one. */
  devTokenKey?: string;
  namespace: string;
  /** The parts in the order they started; each knows its process of the moment. */
  parts: SupervisedPart[];
  /** The environment the worker and the API run with. */
  serviceEnv: NodeJS.ProcessEnv;
  stop(): Promise<void>;
  /** Resolves when a part crashed more often than the restart policy allows. */
  failure: Promise<PartFailure>;
}

/** The default ports of the local stack; each is overridable by environment variable. */
export function portsFromEnv(env: NodeJS.ProcessEnv): StackPorts {
  const port = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0 || value > 65535) {
      throw new Error(`${name} must be a TCP port, got ${JSON.stringify(env[name])}`);
    }
    return value;
  };
  return {
    temporal: port('TEMPORAL_PORT', 7233),
    temporalUi: port('TEMPORAL_UI_PORT', 8233),
    codecProxy: port('TEMPORAL_UI_CODEC_PORT', 8234),
    postgres: port('PG_PORT', 54329),
    smtp: port('SMTP_PORT', 1025),
    mailUi: port('MAIL_UI_PORT', 1080),
    api: port('PORT', 3000),
  };
}

async function assertFree(port: number, what: string, variable: string): Promise<void> {
  if (port !== 0 && (await isListening(port))) {
    throw new Error(
      `Port ${port} for ${what} is already in use (another stack running?). Stop it or set ${variable}.`,
    );
  }
}

/**
 * Brings up the whole local stack: Temporal dev server (with Web UI), PostgreSQL, MailDev, the
 * migrations, the worker and the API. Parts given by TEMPORAL_ADDRESS, DATABASE_URL or SMTP_URL
 * are used as they are instead of being started. On failure everything started is stopped.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { env, ports, log } = options;
  const logs = path.join(options.dataDir, 'logs');
  await mkdir(logs, { recursive: true });
  const namespace = env.TEMPORAL_NAMESPACE || 'default';
  const policy = options.supervise ?? NO_RESTARTS;
  const ownProcessGroup = options.supervise !== undefined;
  const stackLog = path.join(logs, 'stack.log');
  const report = (message: string) => {
    log(message);
    appendFileSync(stackLog, `${new Date().toISOString()} ${message}\n`);
  };
  const started: SupervisedPart[] = [];
  /** Starts a part, supervised from the moment it is first ready. */
  const startPart = async (name: string, start: () => Promise<ManagedProcess>) => {
    const part = new SupervisedPart({ name, start, policy, report });
    await part.begin();
    started.push(part);
    return part;
  };
  let devTokenKey: string | undefined;
  const stopAll = async () => {
    for (const part of [...started].reverse()) await part.stop();
  };
  // Without an identity provider configured, the API trusts the stack's own dev key.
  const devAuth = !env.AUTH_JWKS_URL && !env.AUTH_PUBLIC_KEY && !env.AUTH_PUBLIC_KEY_FILE;
  // The dev UI has no login: it decodes payloads through a loopback proxy that signs in as ops
  // with the dev key (dev-codec-proxy.ts). Not with a real identity provider, nor in production.
  const codecProxyPort =
    !env.TEMPORAL_ADDRESS &&
    ports.temporalUi &&
    ports.codecProxy &&
    devAuth &&
    env.NODE_ENV !== 'production'
      ? ports.codecProxy
      : undefined;

  try {
    const checks: Promise<void>[] = [assertFree(ports.api, 'the API', 'PORT')];
    if (!env.TEMPORAL_ADDRESS) {
      checks.push(assertFree(ports.temporal, 'Temporal', 'TEMPORAL_PORT'));
      checks.push(assertFree(ports.temporalUi, 'the Temporal Web UI', 'TEMPORAL_UI_PORT'));
    }
    if (codecProxyPort) {
      checks.push(assertFree(codecProxyPort, 'the Web UI codec proxy', 'TEMPORAL_UI_CODEC_PORT'));
    }
    if (!env.DATABASE_URL) checks.push(assertFree(ports.postgres, 'PostgreSQL', 'PG_PORT'));
    if (!env.SMTP_URL) {
      checks.push(assertFree(ports.smtp, 'the mail catcher (SMTP)', 'SMTP_PORT'));
      checks.push(assertFree(ports.mailUi, 'the mail catcher (web)', 'MAIL_UI_PORT'));
    }
    await Promise.all(checks);

    // The three infrastructure parts start side by side.
    const temporal = (async () => {
      if (env.TEMPORAL_ADDRESS) return { address: env.TEMPORAL_ADDRESS, ui: undefined };
      const cli = await ensureTemporalCli(log, env);
      log(`Temporal CLI: ${cli.path} (${cli.source})`);
      const server = await startPart('temporal', () =>
        startTemporalDevServer({
          cli: cli.path,
          port: ports.temporal,
          uiPort: ports.temporalUi || undefined,
          ...(codecProxyPort ? { uiCodecEndpoint: `http://127.0.0.1:${codecProxyPort}` } : {}),
          ...(ports.temporalMetrics ? { metricsPort: ports.temporalMetrics } : {}),
          dbFile: path.join(options.dataDir, 'temporal', 'temporal.db'),
          namespace,
          logFile: path.join(logs, 'temporal.log'),
          ownProcessGroup,
        }),
      );
      return {
        address: `127.0.0.1:${ports.temporal}`,
        ui: ports.temporalUi ? `http://127.0.0.1:${ports.temporalUi}` : undefined,
        server: server.process,
      };
    })();
    const database = (async () => {
      if (env.DATABASE_URL) return env.DATABASE_URL;
      const bin = await ensurePostgresBinaries(log, env);
      log(`PostgreSQL binaries: ${bin.path} (${bin.source})`);
      let url = '';
      await startPart('postgres', async () => {
        const pg = await startLocalPostgres({
          binDir: bin.path,
          dir: path.join(options.dataDir, 'postgres'),
          port: ports.postgres,
          logFile: path.join(logs, 'postgres.log'),
          log,
          durable: !options.ephemeral,
          ownProcessGroup,
        });
        url = pg.url;
        return pg.process;
      });
      return url;
    })();
    const mail = (async () => {
      if (env.SMTP_URL) return { smtpUrl: env.SMTP_URL, ui: undefined };
      await startPart('maildev', () =>
        startMailCatcher({
          smtpPort: ports.smtp,
          webPort: ports.mailUi,
          mailDir: path.join(options.dataDir, 'mail'),
          logFile: path.join(logs, 'maildev.log'),
          ownProcessGroup,
        }),
      );
      return { smtpUrl: `smtp://127.0.0.1:${ports.smtp}`, ui: `http://127.0.0.1:${ports.mailUi}` };
    })();
    const [temporalInfo, databaseUrl, mailInfo] = await settleAll([temporal, database, mail]);

    await Promise.all([
      prepareNamespace(
        temporalInfo.address,
        namespace,
        log,
        'server' in temporalInfo ? temporalInfo.server : undefined,
      ),
      runMigrations(databaseUrl).then((applied) => {
        if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
      }),
    ]);

    const dist = path.join(repoRoot(), 'dist');
    const auth: NodeJS.ProcessEnv = {};
    if (devAuth) {
      const keys = await ensureDevKeys(options.dataDir);
      auth.AUTH_PUBLIC_KEY_FILE = keys.publicKeyFile;
      auth.AUTH_ISSUER = DEV_ISSUER;
      auth.AUTH_AUDIENCE = DEV_AUDIENCE;
      // The werkplek's dev login mints tokens with the same key (never in production).
      if (env.NODE_ENV !== 'production') auth.DEV_LOGIN_KEY_FILE = keys.privateKeyFile;
      devTokenKey = keys.privateKeyFile;
      log(
        `API tokens: signed with the dev key in ${path.dirname(keys.privateKeyFile)} (npm run token)`,
      );
    }
    // Client answer links in letters: signed with the stack's own secret, pointing at this API.
    const answerLinks: NodeJS.ProcessEnv = {};
    if (!env.ANSWER_TOKEN_SECRET && !env.ANSWER_TOKEN_SECRETS) {
      answerLinks.ANSWER_TOKEN_SECRET = await ensureAnswerTokenSecret(options.dataDir);
    }
    if (!env.PUBLIC_BASE_URL) answerLinks.PUBLIC_BASE_URL = `http://127.0.0.1:${ports.api}`;
    // Payloads are encrypted as in a deployment, with the stack's own key.
    const payloadKeys: NodeJS.ProcessEnv = {};
    if (!env.TEMPORAL_PAYLOAD_KEYS && !env.TEMPORAL_PAYLOAD_KEYS_FILE) {
      payloadKeys.TEMPORAL_PAYLOAD_KEYS_FILE = await ensurePayloadKeysFile(options.dataDir);
    }
    const serviceEnv: NodeJS.ProcessEnv = {
      ...env,
      ...auth,
      ...answerLinks,
      ...payloadKeys,
      TEMPORAL_ADDRESS: temporalInfo.address,
      TEMPORAL_NAMESPACE: namespace,
      DATABASE_URL: databaseUrl,
      SMTP_URL: mailInfo.smtpUrl,
      PORT: String(ports.api),
      API_HOST: env.API_HOST || '127.0.0.1',
      LOG_FORMAT: env.LOG_FORMAT || (options.echo ? 'text' : 'json'),
      // The werkplek links each case to its workflow in the stack's Web UI.
      ...(temporalInfo.ui && !env.TEMPORAL_UI_URL ? { TEMPORAL_UI_URL: temporalInfo.ui } : {}),
    };
    const service = (name: 'worker' | 'api') =>
      new ManagedProcess({
        name,
        command: process.execPath,
        args: [path.join(dist, 'apps', name, 'src', 'main.js')],
        env: serviceEnv,
        logFile: path.join(logs, `${name}.log`),
        echo: options.echo,
        ownProcessGroup,
      });
    await startPart('worker', () => {
      const worker = service('worker');
      return readyOrStopped(worker, worker.waitForLine(/worker polling task queue/, 120_000));
    });

    const apiUrl = `http://127.0.0.1:${ports.api}`;
    await startPart('api', () => {
      const api = service('api');
      return readyOrStopped(
        api,
        waitUntil(
          `the API at ${apiUrl}/health`,
          async () => (await fetch(`${apiUrl}/health`)).status === 200,
          120_000,
          api,
        ),
      );
    });

    let codecProxy: string | undefined;
    if (codecProxyPort && temporalInfo.ui && devTokenKey) {
      const ui = temporalInfo.ui;
      await startPart('codec-proxy', () => {
        const proxy = new ManagedProcess({
          name: 'codec-proxy',
          command: process.execPath,
          args: [path.join(dist, 'scripts', 'stack', 'dev-codec-proxy.js')],
          env: {
            ...process.env,
            CODEC_PROXY_PORT: String(codecProxyPort),
            CODEC_PROXY_API_URL: apiUrl,
            // The UI as the README names it, and as `localhost`.
            CODEC_PROXY_UI_ORIGINS: `${ui},http://localhost:${ports.temporalUi}`,
            CODEC_PROXY_DEV_KEY_FILE: devTokenKey,
          },
          logFile: path.join(logs, 'codec-proxy.log'),
          echo: options.echo,
          ownProcessGroup,
        });
        return readyOrStopped(proxy, proxy.waitForLine(/dev codec proxy on/, 30_000));
      });
      codecProxy = `http://127.0.0.1:${codecProxyPort}`;
    }

    const parts = [...started];
    return {
      urls: {
        api: apiUrl,
        docs: `${apiUrl}/docs`,
        temporalAddress: temporalInfo.address,
        temporalUi: temporalInfo.ui,
        codecProxy,
        databaseUrl,
        smtpUrl: mailInfo.smtpUrl,
        mailUi: mailInfo.ui,
      },
      devTokenKey,
      namespace,
      parts,
      serviceEnv,
      stop: stopAll,
      failure: Promise.race(parts.map((part) => part.failure)),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Like Promise.all, but waits for every part to settle before failing, so none is left starting. */
async function settleAll<T extends readonly unknown[]>(promises: {
  [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length > 0) {
    throw new Error(
      failed.map((r) => (r.reason as Error).message ?? String(r.reason)).join('\n\n'),
    );
  }
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

export { dataDir, repoRoot } from './paths';
