// The one-shot "search attributes" job of a deployment (deploy/compose, deploy/k8s/jobs): waits
// until the namespace answers, then registers the project's search attributes that are missing,
// exactly as `npm start` does for the local stack. Safe to run at every deploy.
import { setTimeout as sleep } from 'node:timers/promises';
import { temporalEndpointFromEnv } from '@cjg/temporal/connection';
import { prepareNamespace } from './stack/temporal-server';

const GRPC_NOT_FOUND = 5;
const NOT_FOUND_PATIENCE_MS = 60_000;

async function main(): Promise<void> {
  // The connection settings (TLS, API key) of the API and the worker; no payload passes here,
  // so the job needs no payload key.
  const { address, namespace, connection } = temporalEndpointFromEnv();
  const log = (message: string) => console.log(message);
  // A namespace created a moment ago (by the namespace job) answers DescribeNamespace before every
  // part of the cluster knows it; registering then fails with NOT_FOUND for a few seconds.
  const deadline = Date.now() + NOT_FOUND_PATIENCE_MS;
  for (;;) {
    try {
      await prepareNamespace(connection, namespace, log);
      break;
    } catch (error) {
      if ((error as { code?: unknown }).code !== GRPC_NOT_FOUND || Date.now() > deadline)
        throw error;
      await sleep(1_000);
    }
  }
  console.log(`search attributes ready in namespace ${namespace} at ${address}`);
}

main().catch((error: unknown) => {
  console.error(
    `search attributes not registered: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
