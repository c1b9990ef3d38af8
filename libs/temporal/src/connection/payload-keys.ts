import { readFileSync } from 'node:fs';

/** One AES-256 key of the payload codec, with the id written beside every payload it encrypts. */
export interface PayloadKey {
  /** Written to the payload's `encryption-key-id` metadata: letters, digits, `.`, `_`, `-`. */
  id: string;
  /** 32 bytes (AES-256). */
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const KEY_BYTES = 32;

/** Why the payload keys cannot be used (a start-up error naming the variable). */
export class PayloadKeyError extends Error {}

/**
 * Reads the payload keys from `TEMPORAL_PAYLOAD_KEYS` (comma-separated `id:base64key`) or
 * `TEMPORAL_PAYLOAD_KEYS_FILE` (a secret file, one `id:base64key` per line, `#` comments). The
 * first key encrypts, every key decrypts: rotation adds a new key in front and keeps the old ones
 * for as long as histories encrypted with them exist (docs/operations.md).
 *
 * Without keys the answer is empty and payloads are stored in clear, which only a development
 * machine may do: with `NODE_ENV=production` that is refused.
 */
export function payloadKeysFromEnv(env: NodeJS.ProcessEnv): PayloadKey[] {
  const inline = env.TEMPORAL_PAYLOAD_KEYS?.trim() || undefined;
  const file = env.TEMPORAL_PAYLOAD_KEYS_FILE?.trim() || undefined;
  if (inline && file) {
    throw new PayloadKeyError(
      'Set one of TEMPORAL_PAYLOAD_KEYS or TEMPORAL_PAYLOAD_KEYS_FILE, not both: the first key of the one source encrypts',
    );
  }
  let keys: PayloadKey[] = [];
  if (inline) {
    keys = parsePayloadKeys(inline.split(','), 'TEMPORAL_PAYLOAD_KEYS');
  } else if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new PayloadKeyError(
        `TEMPORAL_PAYLOAD_KEYS_FILE ${file} cannot be read: ${(error as Error).message}`,
        { cause: error },
      );
    }
    keys = parsePayloadKeys(text.split(/\r?\n/), `TEMPORAL_PAYLOAD_KEYS_FILE ${file}`);
    if (keys.length === 0)
      throw new PayloadKeyError(`TEMPORAL_PAYLOAD_KEYS_FILE ${file} has no key`);
  }
  if (keys.length === 0 && env.NODE_ENV === 'production') {
    throw new PayloadKeyError(
      'TEMPORAL_PAYLOAD_KEYS or TEMPORAL_PAYLOAD_KEYS_FILE is required when NODE_ENV=production: ' +
        'without a key the workflow inputs and results would be stored in Temporal unencrypted ' +
        '(docs/operations.md, "Payload encryption")',
    );
  }
  return keys;
}

/** `id:base64key` entries; blank entries and `#` comments are skipped. */
export function parsePayloadKeys(entries: readonly string[], source: string): PayloadKey[] {
  const keys: PayloadKey[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '' || entry.startsWith('#')) continue;
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon).trim();
    const encoded = colon < 0 ? '' : entry.slice(colon + 1).trim();
    if (!KEY_ID.test(id) || encoded === '') {
      // The entry itself is never echoed: it may hold a key.
      throw new PayloadKeyError(
        `${source}: every entry must be <key id>:<base64 key>, the id 1-64 of A-Z a-z 0-9 . _ - (entry ${keys.length + 1})`,
      );
    }
    const key = decodeBase64Strictly(encoded);
    if (!key || key.length !== KEY_BYTES) {
      throw new PayloadKeyError(
        `${source}: key "${id}" must be ${KEY_BYTES} random bytes in base64 (openssl rand -base64 32)`,
      );
    }
    if (keys.some((known) => known.id === id)) {
      throw new PayloadKeyError(`${source}: key id "${id}" is listed twice`);
    }
    keys.push({ id, key });
  }
  return keys;
}

/** Standard or URL-safe base64; `undefined` for anything else (Buffer.from skips bad characters). */
function decodeBase64Strictly(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}
