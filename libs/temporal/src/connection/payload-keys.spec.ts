import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { payloadKeysFromEnv } from './payload-keys';

const b64 = () => randomBytes(32).toString('base64');

describe(payloadKeysFromEnv.name, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'payload-keys-'));

  it('reads comma-separated keys in order: the first encrypts', () => {
    const [a, b] = [b64(), b64()];
    const keys = payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS: `k2027:${a}, k2026:${b}` });
    expect(keys.map((k) => k.id)).toEqual(['k2027', 'k2026']);
    expect(keys[0]!.key.toString('base64')).toBe(a);
  });

  it('reads a secret file, one key per line, with comments', () => {
    const file = path.join(dir, 'keys');
    const url = randomBytes(32).toString('base64url');
    writeFileSync(file, `# added 2027-01-05\nk2027:${url}\n\nk2026:${b64()}\n`);
    const keys = payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS_FILE: file });
    expect(keys.map((k) => k.id)).toEqual(['k2027', 'k2026']);
    expect(keys[0]!.key.toString('base64url')).toBe(url);
  });

  it('refuses to start in production without a key', () => {
    expect(() => payloadKeysFromEnv({ NODE_ENV: 'production' })).toThrow(
      /TEMPORAL_PAYLOAD_KEYS or TEMPORAL_PAYLOAD_KEYS_FILE is required when NODE_ENV=production/,
    );
    expect(payloadKeysFromEnv({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('refuses keys that are not 32 bytes, bad ids, duplicates, and both sources', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS: `k1:${short}` })).toThrow(
      /key "k1" must be 32 random bytes/,
    );
    expect(() => payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS: 'k1:not base64!' })).toThrow(
      /key "k1" must be 32/,
    );
    expect(() => payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS: b64() })).toThrow(
      /<key id>:<base64 key>/,
    );
    expect(() => payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS: `bad id:${b64()}` })).toThrow(
      /<key id>:<base64 key>/,
    );
    expect(() => payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS: `k1:${b64()},k1:${b64()}` })).toThrow(
      /"k1" is listed twice/,
    );
    const file = path.join(dir, 'both');
    writeFileSync(file, `k1:${b64()}\n`);
    expect(() =>
      payloadKeysFromEnv({
        TEMPORAL_PAYLOAD_KEYS: `k2:${b64()}`,
        TEMPORAL_PAYLOAD_KEYS_FILE: file,
      }),
    ).toThrow(/not both/);
  });

  it('never echoes a key in an error', () => {
    const secret = randomBytes(16).toString('base64');
    let message = '';
    try {
      payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS: `${secret}` });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    expect(message).not.toContain(secret);
  });

  it('refuses an empty or unreadable key file', () => {
    const empty = path.join(dir, 'empty');
    writeFileSync(empty, '# nothing yet\n');
    expect(() => payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS_FILE: empty })).toThrow(/has no key/);
    expect(() =>
      payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS_FILE: path.join(dir, 'missing') }),
    ).toThrow(/cannot be read/);
  });
});
