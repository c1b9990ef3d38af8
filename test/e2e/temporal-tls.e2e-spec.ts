import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import path from 'node:path';
import type { TrajectoryActivities } from '@cjg/activities';
import { connectClient, temporalSettingsFromEnv } from '@cjg/temporal/connection';
import {
  FAMILY_WORKFLOW_TYPE,
  familyCareChangedSignal,
  familyStateQuery,
  familyWorkflowId,
} from '@cjg/workflows/trajectory.definitions';
import { eventually } from '../support/e2e';
import { makeTestPki, TemporalTlsProxy, type TestPki } from '../support/temporal-tls-proxy';

jest.setTimeout(60_000);

const SERVER_NAME = 'temporal.cjg.test';
const CLIENT_NAME = 'cjg-toegang-worker';
const API_KEY = `cloud-key-${randomUUID()}`;

/**
 * Item 6 of issue 15, the Temporal connection: a client and a worker reach a frontend that demands
 * TLS with a client certificate (mutual TLS), checking the server against a private CA under its
 * own name, and send an API key, all from the environment (libs/temporal/src/connection). The
 * frontend is the e2e stack's dev server behind a TLS proxy that refuses any other handshake.
 */
describe('Temporal over mutual TLS with an API key', () => {
  let pki: TestPki;
  let proxy: TemporalTlsProxy;
  const tlsEnv = () => ({
    TEMPORAL_ADDRESS: proxy.address,
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: pki.caCert,
    TEMPORAL_TLS_CLIENT_CERT_PATH: pki.clientCert,
    TEMPORAL_TLS_CLIENT_KEY_PATH: pki.clientKey,
    TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
    TEMPORAL_API_KEY: API_KEY,
    TEMPORAL_PAYLOAD_KEYS_FILE: process.env.E2E_PAYLOAD_KEYS_FILE,
  });

  beforeAll(async () => {
    pki = makeTestPki(SERVER_NAME, CLIENT_NAME);
    proxy = await TemporalTlsProxy.start(pki, process.env.E2E_TEMPORAL_ADDRESS!);
  });
  afterAll(async () => {
    await proxy?.close();
    if (pki) rmSync(pki.dir, { recursive: true, force: true });
  });

  it('runs a workflow through it: the client starts and queries, the worker polls and answers', async () => {
    const settings = temporalSettingsFromEnv(tlsEnv());
    expect(settings.connection.tls?.clientCertPair).toBeDefined();
    const client = await connectClient(settings);
    const nativeConnection = await NativeConnection.connect(settings.connection);
    const familyId = `fam-tls-${randomUUID().slice(0, 8)}`;
    const taskQueue = `tls-${randomUUID()}`;
    try {
      const worker = await Worker.create({
        connection: nativeConnection,
        namespace: settings.namespace,
        taskQueue,
        dataConverter: settings.dataConverter,
        workflowBundle: {
          codePath: path.resolve(__dirname, '../../dist/workflow-bundle.js'),
        },
        activities: {
          async sendLetter() {
            return { sent: 0, alreadySent: 0, undeliverable: 0 };
          },
        } as unknown as TrajectoryActivities,
      });
      await worker.runUntil(async () => {
        const handle = await client.workflow.signalWithStart(FAMILY_WORKFLOW_TYPE, {
          workflowId: familyWorkflowId(familyId),
          taskQueue,
          args: [familyId],
          signal: familyCareChangedSignal,
          signalArgs: [
            {
              caseNumber: 'CJG-TLS-1',
              coordinatorId: 'coord-tls',
              activeAgbCodes: ['11111111'],
              revision: 1,
              threshold: 3,
            },
          ],
        });
        const state = await eventually(
          () => handle.query(familyStateQuery),
          (s) => Object.keys(s.cases).length === 1,
        );
        expect(state.samenloop).toBe(false);
        await handle.terminate('TLS check done');
      });
    } finally {
      await client.connection.close();
      await nativeConnection.close();
    }
    // Both the client (Connection) and the worker (NativeConnection) came with the certificate
    // and the API key: the worker's polls and the client's start and query.
    const byPath = (part: string) => proxy.calls.filter((c) => c.path.includes(part));
    for (const part of [
      'PollWorkflowTaskQueue',
      'SignalWithStartWorkflowExecution',
      'QueryWorkflow',
    ]) {
      expect(byPath(part).length).toBeGreaterThan(0);
      for (const call of byPath(part)) {
        expect(call).toMatchObject({
          clientCertificate: CLIENT_NAME,
          authorization: `Bearer ${API_KEY}`,
        });
      }
    }
  });

  it('is refused without the client certificate, against another CA, and under another name', async () => {
    const connect = async (env: NodeJS.ProcessEnv) => {
      const connection = await Connection.connect({
        ...temporalSettingsFromEnv(env).connection,
        connectTimeout: 3_000,
      });
      // The channel may connect lazily: a call makes the handshake.
      try {
        await connection.workflowService.getSystemInfo({});
      } finally {
        await connection.close();
      }
    };
    const withoutCert: NodeJS.ProcessEnv = { ...tlsEnv() };
    delete withoutCert.TEMPORAL_TLS_CLIENT_CERT_PATH;
    delete withoutCert.TEMPORAL_TLS_CLIENT_KEY_PATH;
    const refusedBefore = proxy.refusedHandshakes.length;
    await expect(connect(withoutCert)).rejects.toThrow();
    expect(proxy.refusedHandshakes.length).toBeGreaterThan(refusedBefore);
    await expect(
      connect({ ...tlsEnv(), TEMPORAL_TLS_SERVER_CA_CERT_PATH: pki.otherCaCert }),
    ).rejects.toThrow();
    await expect(
      connect({ ...tlsEnv(), TEMPORAL_TLS_SERVER_NAME: 'elsewhere.cjg.test' }),
    ).rejects.toThrow();
    await expect(connect({ ...tlsEnv(), TEMPORAL_TLS: 'false' })).rejects.toThrow(
      /TEMPORAL_TLS=false contradicts/,
    );
    // And plain gRPC, as without any of the settings, gets no answer from a TLS frontend.
    await expect(connect({ TEMPORAL_ADDRESS: proxy.address })).rejects.toThrow();
    // The settings themselves work (the check can fail for the right reason only).
    await expect(connect(tlsEnv())).resolves.toBeUndefined();
  });
});
