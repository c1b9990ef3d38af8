import type { Payload, PayloadCodec } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { isEncrypted } from './encryption-codec';

type History = temporal.api.history.v1.IHistory;

/**
 * Fields the SDK never runs through a codec: search attributes (the server indexes them),
 * headers, and markers (the SDK's core writes a `patched()` marker and a local activity's
 * bookkeeping itself and reads them back on replay), but for a local activity's result
 * (`details.result`, see MARKER_CODEC_FIELD), which the SDK encodes like any activity's. The walk
 * leaves the others as they are, so what it encodes is what a worker would have.
 */
const NOT_CODEC_FIELDS = new Set(['searchAttributes', 'header', 'markerRecordedEventAttributes']);
/** The one field of a marker's details that goes through the codec: a local activity's result. */
const MARKER_CODEC_FIELD = 'result';

/** One payload of a history, with where it is (`events[3].workflowExecutionStartedEventAttributes.input.payloads[0]`). */
export interface HistoryPayload {
  path: string;
  payload: Payload;
}

/**
 * Every payload in a history, search attributes and headers included (they are what Temporal
 * shows without a codec): for checks such as "no free text in any history" and "every payload is
 * encrypted".
 */
export function historyPayloads(history: History): HistoryPayload[] {
  const found: HistoryPayload[] = [];
  const walk = (node: unknown, path: string) => {
    if (isPayload(node)) {
      found.push({ path, payload: node });
      return;
    }
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) walk(value, path ? `${path}.${key}` : key);
    }
  };
  walk(history, '');
  return found;
}

/**
 * Runs `codec.decode` on the payloads of a history, in place: what a Temporal client with the
 * codec sees, for tests and ops tools that read a history fetched without one.
 */
export function decodeHistoryPayloads(history: History, codec: PayloadCodec): Promise<void> {
  return transformHistoryPayloads(history, (payloads) => codec.decode(payloads));
}

/**
 * Runs `codec.encode` on every payload of a history a worker's codec would have encoded (not the
 * search attributes, nor headers), in place: turns a stored plain history into the one the same
 * run gives with payload encryption on (the replay check of rotated keys).
 */
export function encodeHistoryPayloads(history: History, codec: PayloadCodec): Promise<void> {
  return transformHistoryPayloads(history, (payloads) => codec.encode(payloads));
}

/** Whether every payload a codec sees is encrypted (search attributes and headers aside). */
export function unencryptedHistoryPayloads(history: History): HistoryPayload[] {
  return historyPayloads(history).filter(
    ({ path, payload }) => !isEncrypted(payload) && passesCodec(path),
  );
}

/** Whether the payload at `path` went through the worker's codec. */
function passesCodec(path: string): boolean {
  const parts = path.split('.');
  const marker = parts.indexOf('markerRecordedEventAttributes');
  if (marker >= 0) {
    return parts[marker + 1] === 'details' && parts[marker + 2] === MARKER_CODEC_FIELD;
  }
  return !parts.some((part) => NOT_CODEC_FIELDS.has(part));
}

async function transformHistoryPayloads(
  history: History,
  transform: (payloads: Payload[]) => Promise<Payload[]>,
): Promise<void> {
  const walk = async (node: unknown): Promise<void> => {
    if (Array.isArray(node)) {
      for (const item of node) await walk(item);
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'markerRecordedEventAttributes') {
        // Only a local activity's result went through the codec.
        const details = (value as { details?: Record<string, unknown> } | null)?.details;
        const result = details?.[MARKER_CODEC_FIELD];
        if (result) await walk({ [MARKER_CODEC_FIELD]: result });
        continue;
      }
      if (NOT_CODEC_FIELDS.has(key)) continue;
      if (key === 'payloads' && Array.isArray(value) && value.every(isPayload)) {
        (node as Record<string, unknown>)[key] = await transform(value);
      } else if (isPayload(value)) {
        (node as Record<string, unknown>)[key] = (await transform([value]))[0];
      } else {
        await walk(value);
      }
    }
  };
  await walk(history);
}

function isObject(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !(node instanceof Uint8Array);
}

/** A temporal.api.common.v1.Payload: metadata of bytes, and data. */
function isPayload(node: unknown): node is Payload {
  if (!isObject(node) || !isObject(node.metadata)) return false;
  const values = Object.values(node.metadata);
  return (
    values.length > 0 &&
    values.every((value) => value instanceof Uint8Array) &&
    (node.data === undefined || node.data === null || node.data instanceof Uint8Array)
  );
}
