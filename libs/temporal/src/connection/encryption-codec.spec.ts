import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import {
  ENCRYPTED_ENCODING,
  ENCRYPTION_KEY_ID,
  EncryptionCodec,
  PayloadDecryptionError,
} from './encryption-codec';

const key = (id: string) => ({ id, key: randomBytes(32) });
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const input = { caseNumber: 'CJG-2026-000123', coordinatorId: 'coord-anna' };

describe(EncryptionCodec.name, () => {
  const k2026 = key('k2026');
  const k2027 = key('k2027');

  it('encrypts a payload so neither its data nor its metadata can be read, and gives it back whole', async () => {
    const codec = new EncryptionCodec([k2026]);
    const plain = defaultPayloadConverter.toPayload(input);
    plain.metadata!.extra = new TextEncoder().encode('kept');
    const [encrypted] = await codec.encode([plain]);
    expect(text(encrypted!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encrypted!.metadata![ENCRYPTION_KEY_ID])).toBe('k2026');
    expect(Object.keys(encrypted!.metadata!).sort()).toEqual(['encoding', ENCRYPTION_KEY_ID]);
    expect(Buffer.from(encrypted!.data!).includes('CJG-2026-000123')).toBe(false);
    expect(Buffer.from(encrypted!.data!).includes('json/plain')).toBe(false);

    const [decoded] = await codec.decode([encrypted!]);
    expect(text(decoded!.metadata!.encoding)).toBe('json/plain');
    expect(text(decoded!.metadata!.extra)).toBe('kept');
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(input);
  });

  it('uses a fresh nonce per payload', async () => {
    const codec = new EncryptionCodec([k2026]);
    const plain = defaultPayloadConverter.toPayload(input);
    const [a, b] = await codec.encode([plain, plain]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('round-trips empty and null payloads', async () => {
    const codec = new EncryptionCodec([k2026]);
    const payloads = [undefined, null, ''].map((v) => defaultPayloadConverter.toPayload(v));
    const decoded = await codec.decode(await codec.encode(payloads));
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([
      undefined,
      null,
      '',
    ]);
  });

  it('after a rotation encrypts with the new first key and still decrypts under the old one', async () => {
    const before = new EncryptionCodec([k2026]);
    const [old] = await before.encode([defaultPayloadConverter.toPayload(input)]);

    const after = new EncryptionCodec([k2027, k2026]);
    expect(after.encryptingKeyId).toBe('k2027');
    const [fresh] = await after.encode([defaultPayloadConverter.toPayload(input)]);
    expect(text(fresh!.metadata![ENCRYPTION_KEY_ID])).toBe('k2027');

    const decoded = await after.decode([old!, fresh!]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([input, input]);
  });

  it('refuses a payload under a key it does not have, naming the key', async () => {
    const [encrypted] = await new EncryptionCodec([k2026]).encode([
      defaultPayloadConverter.toPayload(input),
    ]);
    const other = new EncryptionCodec([k2027]);
    await expect(other.decode([encrypted!])).rejects.toThrow(PayloadDecryptionError);
    await expect(other.decode([encrypted!])).rejects.toThrow(/key "k2026".*not among.*k2027/);
  });

  it('refuses altered data, a relabelled key id and a missing key id', async () => {
    const codec = new EncryptionCodec([k2026, { id: 'same-bytes', key: k2026.key }]);
    const [encrypted] = await codec.encode([defaultPayloadConverter.toPayload(input)]);
    const data = Buffer.from(encrypted!.data!);
    data[20] = data[20]! ^ 0x01;
    await expect(codec.decode([{ ...encrypted!, data }])).rejects.toThrow(/does not authenticate/);

    const relabelled: Payload = {
      ...encrypted!,
      metadata: { ...encrypted!.metadata, [ENCRYPTION_KEY_ID]: Buffer.from('same-bytes') },
    };
    await expect(codec.decode([relabelled])).rejects.toThrow(/does not authenticate/);

    const unlabelled: Payload = {
      ...encrypted!,
      metadata: { encoding: encrypted!.metadata!.encoding! },
    };
    await expect(codec.decode([unlabelled])).rejects.toThrow(/without encryption-key-id/);
    await expect(codec.decode([{ ...encrypted!, data: data.subarray(0, 10) }])).rejects.toThrow(
      /too short/,
    );
  });

  it('passes payloads that were never encrypted through untouched (histories from before)', async () => {
    const codec = new EncryptionCodec([k2026]);
    const plain = defaultPayloadConverter.toPayload(input);
    const [decoded] = await codec.decode([plain]);
    expect(decoded).toBe(plain);
  });

  it('needs a key', () => {
    expect(() => new EncryptionCodec([])).toThrow(/at least one key/);
  });
});
