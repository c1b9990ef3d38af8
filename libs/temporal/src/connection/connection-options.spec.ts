import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectionOptionsFromEnv, describeConnection } from './connection-options';

describe(connectionOptionsFromEnv.name, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'temporal-tls-'));
  const pem = (name: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, `-----BEGIN CERTIFICATE-----\n${name}\n-----END CERTIFICATE-----\n`);
    return file;
  };
  const ca = pem('ca.pem');
  const cert = pem('client.pem');
  const key = pem('client.key');

  it('is plain gRPC by default (the local dev server)', () => {
    const options = connectionOptionsFromEnv('127.0.0.1:7233', {});
    expect(options).toEqual({ address: '127.0.0.1:7233' });
    expect(describeConnection(options)).toBe('plain gRPC');
  });

  it('turns TLS on with TEMPORAL_TLS=true, trusting the system CAs', () => {
    expect(connectionOptionsFromEnv('t:7233', { TEMPORAL_TLS: 'true' })).toEqual({
      address: 't:7233',
      tls: {},
    });
  });

  it('reads a self-hosted mTLS setup: private CA, client certificate and key, server name', () => {
    const options = connectionOptionsFromEnv('temporal-frontend:7233', {
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: ca,
      TEMPORAL_TLS_CLIENT_CERT_PATH: cert,
      TEMPORAL_TLS_CLIENT_KEY_PATH: key,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.cjg.internal',
    });
    expect(options.tls?.serverNameOverride).toBe('temporal.cjg.internal');
    expect(options.tls?.serverRootCACertificate?.toString()).toContain('ca.pem');
    expect(options.tls?.clientCertPair?.crt.toString()).toContain('client.pem');
    expect(options.tls?.clientCertPair?.key.toString()).toContain('client.key');
    expect(options.apiKey).toBeUndefined();
    expect(describeConnection(options)).toBe('mTLS');
  });

  it('reads a Temporal Cloud API key (inline or from a file), which turns TLS on', () => {
    const inline = connectionOptionsFromEnv('eu-west-1.aws.api.temporal.io:7233', {
      TEMPORAL_API_KEY: 'key-123',
    });
    expect(inline).toEqual({
      address: 'eu-west-1.aws.api.temporal.io:7233',
      tls: {},
      apiKey: 'key-123',
    });
    expect(describeConnection(inline)).toBe('TLS + API key');
    const file = path.join(dir, 'api-key');
    writeFileSync(file, 'key-from-file\n');
    expect(connectionOptionsFromEnv('x:7233', { TEMPORAL_API_KEY_FILE: file }).apiKey).toBe(
      'key-from-file',
    );
    // An explicit off wins (a local TLS-terminating proxy).
    expect(
      connectionOptionsFromEnv('x:7233', { TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: 'false' }).tls,
    ).toBeUndefined();
  });

  it('refuses half or contradictory settings with the variable named', () => {
    expect(() =>
      connectionOptionsFromEnv('x:7233', { TEMPORAL_TLS_CLIENT_CERT_PATH: cert }),
    ).toThrow(/TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH go together/);
    expect(() =>
      connectionOptionsFromEnv('x:7233', {
        TEMPORAL_TLS: 'false',
        TEMPORAL_TLS_SERVER_CA_CERT_PATH: ca,
      }),
    ).toThrow(/TEMPORAL_TLS=false contradicts/);
    expect(() => connectionOptionsFromEnv('x:7233', { TEMPORAL_TLS: 'yes please' })).toThrow(
      /TEMPORAL_TLS must be true or false/,
    );
    expect(() =>
      connectionOptionsFromEnv('x:7233', {
        TEMPORAL_TLS_SERVER_CA_CERT_PATH: path.join(dir, 'missing.pem'),
      }),
    ).toThrow(/TEMPORAL_TLS_SERVER_CA_CERT_PATH .*missing.pem cannot be read/);
    const notPem = path.join(dir, 'not.pem');
    writeFileSync(notPem, 'hello');
    expect(() =>
      connectionOptionsFromEnv('x:7233', { TEMPORAL_TLS_SERVER_CA_CERT_PATH: notPem }),
    ).toThrow(/is not a PEM file/);
    expect(() =>
      connectionOptionsFromEnv('x:7233', {
        TEMPORAL_API_KEY: 'a',
        TEMPORAL_API_KEY_FILE: path.join(dir, 'api-key'),
      }),
    ).toThrow(/not both/);
  });
});
