import type { Client } from '@temporalio/client';
import { defaultPayloadConverter, type PayloadCodec } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { decodeHistoryPayloads, historyPayloads } from '@cjg/temporal/connection';

export type History = temporal.api.history.v1.IHistory;

/**
 * A workflow's history as Temporal stores it (`fetchHistory` never runs the codec), with every
 * encrypted payload decoded by `codec`: what ops see through the codec server. Without a codec,
 * the history as stored.
 */
export async function fetchDecodedHistory(
  client: Client,
  workflowId: string,
  codec: PayloadCodec | undefined,
  runId?: string,
): Promise<History> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  if (codec) await decodeHistoryPayloads(history, codec);
  return history;
}

/** One payload of a history as a reader sees it: where it is, its encoding and its value. */
export interface HistoryValue {
  path: string;
  encoding: string;
  /** The converted value (JSON payloads), or the data as text when no converter knows it. */
  value: unknown;
}

/**
 * Every payload of a (decoded) history, search attributes and memos included, converted to what
 * it says: for checks over all the text a history holds.
 */
export function historyValues(history: History): HistoryValue[] {
  return historyPayloads(history).map(({ path, payload }) => {
    const encoding = new TextDecoder().decode(payload.metadata?.encoding);
    let value: unknown;
    try {
      value = defaultPayloadConverter.fromPayload(payload);
    } catch {
      value = new TextDecoder().decode(payload.data ?? new Uint8Array());
    }
    return { path, encoding, value };
  });
}
