import { e2eTemporalSettings, withTemporal } from './e2e';
import { fetchDecodedHistory, historyValues } from './history';

/** One workflow run's history as text: what someone with access to Temporal could read. */
export interface HistoryText {
  workflowId: string;
  runId: string;
  text: string;
}

/**
 * The histories of every workflow run started since `since` on the e2e stack, each as text: its
 * payloads decrypted with the stack's key and converted (inputs, results, update arguments,
 * memos, search attributes), and every other field of its events (failure messages among them).
 */
export async function historyTexts(since: Date): Promise<HistoryText[]> {
  const { codec } = e2eTemporalSettings();
  return withTemporal(async (client) => {
    const found: HistoryText[] = [];
    const runs = client.workflow.list({ query: `StartTime >= "${since.toISOString()}"` });
    for await (const run of runs) {
      const history = await fetchDecodedHistory(client, run.workflowId, codec, run.runId);
      found.push({
        workflowId: run.workflowId,
        runId: run.runId,
        text: JSON.stringify(historyValues(history)) + JSON.stringify(history),
      });
    }
    return found;
  });
}
