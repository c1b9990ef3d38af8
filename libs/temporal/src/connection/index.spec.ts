import { randomBytes } from 'node:crypto';
import { describeTemporalSettings, FAILURE_CONVERTER_PATH, temporalSettingsFromEnv } from './index';
import { EncryptionCodec } from './encryption-codec';

describe(temporalSettingsFromEnv.name, () => {
  it('puts the encryption codec in the data converter when keys are configured', () => {
    const settings = temporalSettingsFromEnv({
      TEMPORAL_PAYLOAD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'cjg-toegang',
    });
    expect(settings.codec).toBeInstanceOf(EncryptionCodec);
    expect(settings.dataConverter.payloadCodecs).toEqual([settings.codec]);
    // The payload converter stays the default; failures are written as encoded payloads.
    expect(settings.dataConverter.payloadConverterPath).toBeUndefined();
    expect(settings.dataConverter.failureConverterPath).toBe(FAILURE_CONVERTER_PATH);
    expect(settings.connection).toEqual({ address: 'temporal:7233' });
    expect(settings.namespace).toBe('cjg-toegang');
    expect(describeTemporalSettings(settings)).toBe(
      'temporal:7233 (plain gRPC), payloads encrypted with key k1',
    );
  });

  it('stores payloads in clear without keys outside production, and refuses that in production', () => {
    const dev = temporalSettingsFromEnv({});
    expect(dev.codec).toBeUndefined();
    expect(dev.dataConverter).toEqual({ failureConverterPath: FAILURE_CONVERTER_PATH });
    expect(() => temporalSettingsFromEnv({ NODE_ENV: 'production' })).toThrow(
      /required when NODE_ENV=production/,
    );
  });

  it('hands the TLS and API-key settings to the connection options', () => {
    const settings = temporalSettingsFromEnv({
      TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233',
      TEMPORAL_API_KEY: 'cloud-key',
    });
    expect(settings.connection).toEqual({
      address: 'ns.acct.tmprl.cloud:7233',
      tls: {},
      apiKey: 'cloud-key',
    });
  });
});
