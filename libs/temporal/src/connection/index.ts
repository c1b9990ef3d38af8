// The client side of Temporal: connection settings, TLS and API key, and the data converter with
// the payload encryption. Node-only (node:crypto, node:fs): the workflow bundle imports
// `@cjg/temporal` (search attributes, task queues) and never this module.
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { temporalConfigFromEnv, type TemporalConfig } from '../config';
import {
  connectionOptionsFromEnv,
  describeConnection,
  type TemporalConnectionOptions,
} from './connection-options';
import { EncryptionCodec } from './encryption-codec';
import { payloadKeysFromEnv, type PayloadKey } from './payload-keys';

export * from './connection-options';
export * from './encryption-codec';
export * from './history-payloads';
export * from './payload-keys';

/** Where Temporal is and how to connect to it: no payload keys. */
export interface TemporalEndpoint extends TemporalConfig {
  /** For `Connection.connect`/`Connection.lazy` and `NativeConnection.connect` alike. */
  connection: TemporalConnectionOptions;
}

/** Everything a process needs to talk to Temporal, read once from the environment. */
export interface TemporalSettings extends TemporalEndpoint {
  /** For every Client and Worker: the payload codec, when keys are configured. */
  dataConverter: DataConverter;
  /** The codec in `dataConverter`; absent when payloads are stored in clear (development only). */
  codec?: EncryptionCodec;
}

/**
 * The one place every process (API, worker, scripts, benchmarks, test harnesses) gets its
 * Temporal settings from: address, namespace, task queue, TLS/mTLS/API key, and the data
 * converter that encrypts payloads. Throws, naming the variable, on a bad setting, and when
 * `NODE_ENV=production` has no payload key.
 */
export function temporalSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalSettings {
  const endpoint = temporalEndpointFromEnv(env);
  return { ...endpoint, ...dataConverterFor(payloadKeysFromEnv(env)) };
}

/**
 * The settings without the payload keys, for what never reads or writes a payload: the
 * search-attribute job and the worker's health probe need no key, so they get none.
 */
export function temporalEndpointFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalEndpoint {
  const config = temporalConfigFromEnv(env);
  return { ...config, connection: connectionOptionsFromEnv(config.address, env) };
}

/**
 * The data converter for these keys: the default payload converter (the workflow sandbox keeps
 * the default one too), and the encryption codec outside the sandbox.
 */
export function dataConverterFor(
  keys: readonly PayloadKey[],
): Pick<TemporalSettings, 'dataConverter' | 'codec'> {
  const failureConverterPath = FAILURE_CONVERTER_PATH;
  if (keys.length === 0) return { dataConverter: { failureConverterPath } };
  const codec = new EncryptionCodec(keys);
  return { dataConverter: { payloadCodecs: [codec], failureConverterPath }, codec };
}

/**
 * The failure converter every client, worker and the workflow bundle load: failures' messages and
 * stack traces as encoded (so encrypted) payloads (../failure-converter.ts).
 */
export const FAILURE_CONVERTER_PATH = require.resolve('../failure-converter');

/** A client connected now (scripts, tests); close `client.connection` when done. */
export async function connectClient(settings: TemporalSettings): Promise<Client> {
  const connection = await Connection.connect(settings.connection);
  return new Client({
    connection,
    namespace: settings.namespace,
    dataConverter: settings.dataConverter,
  });
}

/** A client whose connection is made at its first call (the API starts before Temporal is up). */
export function lazyClient(settings: TemporalSettings): Client {
  return new Client({
    connection: Connection.lazy(settings.connection),
    namespace: settings.namespace,
    dataConverter: settings.dataConverter,
  });
}

/** What the settings amount to, for a start-up log line (never a key). */
export function describeTemporalSettings(settings: TemporalSettings): string {
  const payloads = settings.codec
    ? `payloads encrypted with key ${settings.codec.encryptingKeyId}`
    : 'payloads NOT encrypted (no TEMPORAL_PAYLOAD_KEYS)';
  return `${settings.address} (${describeConnection(settings.connection)}), ${payloads}`;
}
