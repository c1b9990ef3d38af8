import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadKey } from './payload-keys';

/** The `encoding` metadata of an encrypted payload. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** The metadata field naming the key that encrypted the payload. */
export const ENCRYPTION_KEY_ID = 'encryption-key-id';

const CIPHER = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

const ProtoPayload = temporal.api.common.v1.Payload;
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** A payload the codec cannot decrypt: unknown key, missing key id, altered data. */
export class PayloadDecryptionError extends Error {}

/**
 * Encrypts every payload with AES-256-GCM before it leaves the process, so Temporal stores
 * workflow inputs, results, signals, updates, queries and activity arguments unreadable without
 * the keys. The encrypted data is the whole original Payload protobuf (its metadata included), so
 * decryption gives back exactly what was encoded. The first key encrypts; a payload names its key
 * in `encryption-key-id`, so after a rotation the older keys still decrypt older histories.
 *
 * Payloads without the encrypted encoding pass through untouched: histories written before
 * encryption was switched on still decode and replay. Search attributes and memos are not
 * payloads Temporal runs through a codec: they stay readable and carry ids and codes only.
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly byId: ReadonlyMap<string, Buffer>;
  private readonly current: PayloadKey;

  constructor(keys: readonly PayloadKey[]) {
    const first = keys[0];
    if (!first) throw new Error('EncryptionCodec needs at least one key');
    this.current = first;
    this.byId = new Map(keys.map(({ id, key }) => [id, key]));
  }

  /** The id of the key that encrypts. */
  get encryptingKeyId(): string {
    return this.current.id;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const { id, key } = this.current;
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(CIPHER, key, nonce);
    // The key id is authenticated too: a payload cannot be relabelled to another key.
    cipher.setAAD(utf8.encode(id));
    const plain = ProtoPayload.encode(payload).finish();
    const data = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: {
        encoding: utf8.encode(ENCRYPTED_ENCODING),
        [ENCRYPTION_KEY_ID]: utf8.encode(id),
      },
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    };
  }

  private decrypt(payload: Payload): Payload {
    if (!isEncrypted(payload)) return payload;
    const idBytes = payload.metadata?.[ENCRYPTION_KEY_ID];
    if (!idBytes) {
      throw new PayloadDecryptionError(`encrypted payload without ${ENCRYPTION_KEY_ID} metadata`);
    }
    const id = fromUtf8.decode(idBytes);
    const key = this.byId.get(id);
    if (!key) {
      throw new PayloadDecryptionError(
        `payload encrypted with key "${id}", which is not among the configured payload keys ` +
          `(${[...this.byId.keys()].join(', ')}); add it to TEMPORAL_PAYLOAD_KEYS(_FILE)`,
      );
    }
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < NONCE_BYTES + TAG_BYTES) {
      throw new PayloadDecryptionError(`encrypted payload (key "${id}") is too short`);
    }
    const decipher = createDecipheriv(CIPHER, key, data.subarray(0, NONCE_BYTES));
    decipher.setAAD(utf8.encode(id));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(data.subarray(NONCE_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new PayloadDecryptionError(
        `encrypted payload (key "${id}") does not authenticate: altered, or another key with this id`,
      );
    }
    const original = ProtoPayload.decode(plain);
    return {
      metadata: original.metadata,
      data: original.data,
      ...(original.externalPayloads.length > 0
        ? { externalPayloads: original.externalPayloads }
        : {}),
    } as Payload;
  }
}

/** Whether the payload is one {@link EncryptionCodec} encrypted. */
export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.encoding;
  return !!encoding && fromUtf8.decode(encoding) === ENCRYPTED_ENCODING;
}
