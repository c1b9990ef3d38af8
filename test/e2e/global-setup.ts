import '../support/register-aliases';
import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/stack/process';
import { startStack, type Stack } from '../../scripts/stack/stack';
import { ensureChromium } from '../../scripts/stack/chromium';

/** The policy of the e2e stack (the same as the defaults but for the durations). */
export const E2E_POLICY = {
  threeMonthCheckAfter: 'PT5S',
  clientResponseWindow: 'PT60S',
  defaultReviewInterval: 'PT30S',
  reviewReminderLead: 'PT10S',
  endEvaluationReminderInterval: 'PT60S',
};

/** The Temporal Web UI origin the e2e API lets call its codec routes from a browser. */
export const E2E_TEMPORAL_UI_ORIGIN = 'https://temporal.e2e.example';

declare global {
  var __CJG_E2E_STACK__: { stack: Stack; dataDir: string } | undefined;
}

/**
 * Brings up a whole real stack for the end-to-end tier: Temporal dev server, PostgreSQL, MailDev,
 * worker and API from `dist/`, on free ports with a fresh data folder, so two runs can share a
 * machine. Addresses of the developer's own stack in the environment are ignored on purpose.
 */
export default async function globalSetup(): Promise<void> {
  // The werkplek's browser tests (test/e2e/web-*.e2e-spec.ts) drive Debian's Chromium.
  process.env.E2E_CHROMIUM = ensureChromium((message) => console.log(`[e2e] ${message}`));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cjg-e2e-'));
  // PostgreSQL runs as an unprivileged user when the tests run as root; let it reach its folder.
  await chmod(dataDir, 0o755);
  const env = { ...process.env };
  for (const name of [
    'TEMPORAL_ADDRESS',
    'DATABASE_URL',
    'SMTP_URL',
    'TEMPORAL_NAMESPACE',
    'AUTH_JWKS_URL',
    'AUTH_PUBLIC_KEY',
    'AUTH_PUBLIC_KEY_FILE',
    'ANSWER_TOKEN_SECRET',
    'ANSWER_TOKEN_SECRETS',
    'PUBLIC_BASE_URL',
    'TEMPORAL_PAYLOAD_KEYS',
    'TEMPORAL_PAYLOAD_KEYS_FILE',
  ])
    delete env[name];
  // Short durations, so a whole trajectory runs in seconds through the real server.
  env.CJG_POLICY = JSON.stringify(E2E_POLICY);
  // Every test file calls from 127.0.0.1: one client for the limiter. The limits themselves
  // (all routes, and the answer pages') are tested in apps/api/src/app.setup.spec.ts.
  env.RATE_LIMIT_PER_MINUTE = '20000';
  env.ANSWER_RATE_LIMIT_PER_MINUTE = '20000';
  // A deployed Temporal Web UI's origin, for the codec server's CORS (payload-encryption tests).
  env.TEMPORAL_UI_ORIGIN = E2E_TEMPORAL_UI_ORIGIN;
  // The same Web UI for the werkplek's link from a case to its workflow (GET /auth/config).
  env.TEMPORAL_UI_URL = E2E_TEMPORAL_UI_ORIGIN;
  const [temporal, postgres, smtp, mailUi, api] = await Promise.all(
    Array.from({ length: 5 }, () => freePort()),
  );
  const started = Date.now();
  const stack = await startStack({
    dataDir,
    ports: {
      temporal: temporal!,
      temporalUi: 0,
      postgres: postgres!,
      smtp: smtp!,
      mailUi: mailUi!,
      api: api!,
    },
    env,
    echo: false,
    ephemeral: true,
    log: (message) => console.log(`[e2e] ${message}`),
  });
  console.log(
    `[e2e] stack up in ${((Date.now() - started) / 1000).toFixed(1)} s (data in ${dataDir})`,
  );
  globalThis.__CJG_E2E_STACK__ = { stack, dataDir };
  process.env.E2E_API_URL = stack.urls.api;
  process.env.E2E_MAIL_URL = stack.urls.mailUi;
  process.env.E2E_DATABASE_URL = stack.urls.databaseUrl;
  process.env.E2E_TEMPORAL_ADDRESS = stack.urls.temporalAddress;
  process.env.E2E_DATA_DIR = dataDir;
  process.env.E2E_SMTP_URL = stack.urls.smtpUrl;
  if (!stack.devTokenKey) throw new Error('the e2e stack must sign its own tokens (dev key)');
  process.env.E2E_DEV_KEY = stack.devTokenKey;
  // Tests read histories with the stack's own payload key (the stack made it, like npm start).
  if (!stack.serviceEnv.TEMPORAL_PAYLOAD_KEYS_FILE) {
    throw new Error('the e2e stack must encrypt payloads with its own key');
  }
  process.env.E2E_PAYLOAD_KEYS_FILE = stack.serviceEnv.TEMPORAL_PAYLOAD_KEYS_FILE;
  // Tests mint client answer tokens with the stack's own secret.
  process.env.E2E_ANSWER_SECRET = stack.serviceEnv.ANSWER_TOKEN_SECRET;
  // What the stack's API runs with, for tests that start a second API process.
  process.env.E2E_SERVICE_ENV = JSON.stringify(stack.serviceEnv);
}
