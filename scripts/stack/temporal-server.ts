import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { ensureSearchAttributes } from '@cjg/temporal';
import type { TemporalConnectionOptions } from '@cjg/temporal/connection';
import { isListening, ManagedProcess, readyOrStopped, waitUntil } from './process';
import type { Log } from './toolchain';

/**
 * The Temporal CLI's dev server, with its state in a SQLite file (so trajectories survive a
 * restart of the whole stack) and, unless headless, the Web UI.
 */
export async function startTemporalDevServer(options: {
  cli: string;
  port: number;
  uiPort?: number;
  /** The Web UI's remote codec endpoint (the browser calls it to decode payloads). */
  uiCodecEndpoint?: string;
  /** The port of its Prometheus `/metrics`; absent: the CLI picks a free one. */
  metricsPort?: number;
  dbFile: string;
  namespace: string;
  logFile: string;
  ownProcessGroup?: boolean;
}): Promise<ManagedProcess> {
  await mkdir(path.dirname(options.dbFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--db-filename',
    options.dbFile,
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
  ];
  if (options.uiPort) {
    args.push('--ui-port', String(options.uiPort));
    if (options.uiCodecEndpoint) args.push('--ui-codec-endpoint', options.uiCodecEndpoint);
  } else args.push('--headless');
  if (options.metricsPort) args.push('--metrics-port', String(options.metricsPort));
  const server = new ManagedProcess({
    name: 'temporal',
    command: options.cli,
    args,
    logFile: options.logFile,
    ownProcessGroup: options.ownProcessGroup,
  });
  return readyOrStopped(
    server,
    waitUntil(`Temporal on port ${options.port}`, () => isListening(options.port), 90_000, server),
  );
}

/**
 * Waits until the frontend answers, then registers the project's search attributes (the Java
 * test server and external clusters need this too; the operator service is the one way for all).
 * `frontend` is an address (the local dev server) or connection options with TLS or an API key
 * (a deployment's search-attributes job).
 */
export async function prepareNamespace(
  frontend: string | TemporalConnectionOptions,
  namespace: string,
  log: Log,
  server?: ManagedProcess,
): Promise<void> {
  const options = typeof frontend === 'string' ? { address: frontend } : frontend;
  let connection: Connection | undefined;
  await waitUntil(
    `the Temporal frontend at ${options.address}`,
    async () => {
      const candidate = await Connection.connect({ ...options, connectTimeout: 2_000 });
      try {
        await candidate.workflowService.describeNamespace({ namespace });
      } catch (error) {
        await candidate.close();
        throw error;
      }
      connection = candidate;
      return true;
    },
    90_000,
    server,
  );
  try {
    const added = await ensureSearchAttributes(connection as Connection, namespace);
    if (added.length > 0) log(`search attributes registered in ${namespace}: ${added.join(', ')}`);
  } finally {
    await connection?.close();
  }
}
