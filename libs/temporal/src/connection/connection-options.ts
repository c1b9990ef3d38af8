import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';

/**
 * How a process reaches the Temporal frontend: the address, TLS (with a private CA, a client
 * certificate for mTLS, a server name) and an API key. The one shape both the client's
 * `Connection` and the worker's `NativeConnection` take.
 */
export interface TemporalConnectionOptions {
  address: string;
  /** Absent: plain gRPC (a local dev server, or a mesh that adds mTLS transparently). */
  tls?: TLSConfig;
  /** Sent as `Authorization: Bearer <key>` (Temporal Cloud API keys). */
  apiKey?: string;
}

/**
 * Reads the connection settings with the variable names of Temporal's own environment
 * configuration (the CLI reads the same, so one environment serves the application and
 * `temporal`): `TEMPORAL_TLS`, `TEMPORAL_TLS_SERVER_CA_CERT_PATH`, `TEMPORAL_TLS_CLIENT_CERT_PATH`,
 * `TEMPORAL_TLS_CLIENT_KEY_PATH`, `TEMPORAL_TLS_SERVER_NAME`, `TEMPORAL_API_KEY` and ours,
 * `TEMPORAL_API_KEY_FILE`. TLS is on when `TEMPORAL_TLS=true`, when any TLS file or server name
 * is given, or with an API key (as in Temporal's SDKs); `TEMPORAL_TLS=false` forces it off.
 */
export function connectionOptionsFromEnv(
  address: string,
  env: NodeJS.ProcessEnv,
): TemporalConnectionOptions {
  const tlsSwitch = booleanFrom('TEMPORAL_TLS', env.TEMPORAL_TLS);
  const caPath = env.TEMPORAL_TLS_SERVER_CA_CERT_PATH?.trim() || undefined;
  const certPath = env.TEMPORAL_TLS_CLIENT_CERT_PATH?.trim() || undefined;
  const keyPath = env.TEMPORAL_TLS_CLIENT_KEY_PATH?.trim() || undefined;
  const serverName = env.TEMPORAL_TLS_SERVER_NAME?.trim() || undefined;
  const apiKey = apiKeyFrom(env);

  if (!certPath !== !keyPath) {
    throw new Error(
      'TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH go together (mTLS needs the certificate and its key)',
    );
  }
  const tlsDetails = !!(caPath || certPath || serverName);
  if (tlsSwitch === false && tlsDetails) {
    throw new Error(
      'TEMPORAL_TLS=false contradicts the TEMPORAL_TLS_* certificate or server-name settings',
    );
  }
  const useTls = tlsSwitch ?? (tlsDetails || apiKey !== undefined);
  const options: TemporalConnectionOptions = { address };
  if (useTls) {
    const tls: TLSConfig = {};
    if (caPath) tls.serverRootCACertificate = readPem('TEMPORAL_TLS_SERVER_CA_CERT_PATH', caPath);
    if (certPath && keyPath) {
      tls.clientCertPair = {
        crt: readPem('TEMPORAL_TLS_CLIENT_CERT_PATH', certPath),
        key: readPem('TEMPORAL_TLS_CLIENT_KEY_PATH', keyPath),
      };
    }
    if (serverName) tls.serverNameOverride = serverName;
    options.tls = tls;
  }
  if (apiKey !== undefined) options.apiKey = apiKey;
  return options;
}

/** Whether the connection is encrypted or authenticated, for start-up logs (never the secrets). */
export function describeConnection(options: TemporalConnectionOptions): string {
  const parts = [options.tls ? (options.tls.clientCertPair ? 'mTLS' : 'TLS') : 'plain gRPC'];
  if (options.apiKey) parts.push('API key');
  return parts.join(' + ');
}

function apiKeyFrom(env: NodeJS.ProcessEnv): string | undefined {
  const inline = env.TEMPORAL_API_KEY?.trim() || undefined;
  const file = env.TEMPORAL_API_KEY_FILE?.trim() || undefined;
  if (inline && file) {
    throw new Error('Set one of TEMPORAL_API_KEY or TEMPORAL_API_KEY_FILE, not both');
  }
  if (!file) return inline;
  let key: string;
  try {
    key = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new Error(`TEMPORAL_API_KEY_FILE ${file} cannot be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (key === '') throw new Error(`TEMPORAL_API_KEY_FILE ${file} is empty`);
  return key;
}

function readPem(variable: string, file: string): Buffer {
  let pem: Buffer;
  try {
    pem = readFileSync(file);
  } catch (error) {
    throw new Error(`${variable} ${file} cannot be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!pem.includes('-----BEGIN ')) throw new Error(`${variable} ${file} is not a PEM file`);
  return pem;
}

function booleanFrom(variable: string, raw: string | undefined): boolean | undefined {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new Error(`${variable} must be true or false, got ${JSON.stringify(raw)}`);
}
