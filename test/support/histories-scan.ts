import type { Payload, PayloadCodec } from '@temporalio/common';
import { withTemporal } from './e2e';

/** One workflow's history as text: its events, with every payload decoded to what it says. */
export interface HistoryText {
  workflowId: string;
  runId: string;
  text: string;
}

/**
 * The histories of every workflow started since `since` on the e2e stack (each run), with each
 * payload (inputs, results, update arguments, memos, search attributes, failures' details) run
 * through `codecs` and read as UTF-8: what someone with access to Temporal could read.
 */
export async function historyTexts(
  since: Date,
  codecs: readonly PayloadCodec[] = [],
): Promise<HistoryText[]> {
  return withTemporal(async (client) => {
    const found: HistoryText[] = [];
    const runs = client.workflow.list({ query: `StartTime >= "${since.toISOString()}"` });
    for await (const run of runs) {
      const history = await client.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
      found.push({
        workflowId: run.workflowId,
        runId: run.runId,
        text: JSON.stringify(await decoded(history, codecs)),
      });
    }
    return found;
  });
}

/** A copy of `value` with each payload replaced by its decoded data as a string. */
async function decoded(value: unknown, codecs: readonly PayloadCodec[]): Promise<unknown> {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (Array.isArray(value)) return Promise.all(value.map((item) => decoded(item, codecs)));
  if (!value || typeof value !== 'object') return value;
  if (isPayload(value)) {
    let payloads: Payload[] = [value];
    for (const codec of [...codecs].reverse()) payloads = await codec.decode(payloads);
    const [payload] = payloads;
    return {
      metadata: Object.fromEntries(
        Object.entries(payload!.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString()]),
      ),
      data: Buffer.from(payload!.data ?? new Uint8Array()).toString('utf8'),
    };
  }
  const entries = await Promise.all(
    Object.entries(value).map(async ([k, v]) => [k, await decoded(v, codecs)] as const),
  );
  return Object.fromEntries(entries);
}

function isPayload(value: object): value is Payload {
  const candidate = value as Payload;
  return (
    candidate.metadata !== undefined &&
    candidate.metadata !== null &&
    typeof candidate.metadata === 'object' &&
    'encoding' in candidate.metadata
  );
}
