import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { amsterdamDate } from '@cjg/domain';
import { e2eTemporalSettings, eventually, withTemporal } from './e2e';
import { fetchDecodedHistory } from './history';

/**
 * Writes workflow histories into the replay set (`npm run test:replay` replays every
 * `test/histories/*.json` against the current bundle). Used by `npm run histories:record`
 * (test/record); see docs/operations.md, "Changing workflow code safely".
 */

/** How the recorded run ends: closed, handed to a next run, or still waiting (a timer, a command). */
export type HistoryEnd = 'completed' | 'continued-as-new' | 'open';

/** Where the files go (default test/histories) and the date in their names (default today). */
export const HISTORIES_DIR =
  process.env.RECORD_HISTORIES_DIR ?? path.resolve(__dirname, '..', 'histories');
export const RECORD_DATE = process.env.RECORD_HISTORIES_DATE ?? amsterdamDate(new Date());

export interface RecordedHistory {
  file: string;
  events: number;
  bytes: number;
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
type HistoryEvent = NonNullable<History['events']>[0];

/** The attributes of the event that closes a run, by how the run ends. */
const CLOSING = {
  completed: 'workflowExecutionCompletedEventAttributes',
  'continued-as-new': 'workflowExecutionContinuedAsNewEventAttributes',
  failed: 'workflowExecutionFailedEventAttributes',
  terminated: 'workflowExecutionTerminatedEventAttributes',
  canceled: 'workflowExecutionCanceledEventAttributes',
  'timed-out': 'workflowExecutionTimedOutEventAttributes',
} as const satisfies Record<string, keyof HistoryEvent>;

/** How the last event of a history closes its run, or 'open'. */
function endOf(last: HistoryEvent | undefined): string {
  const closing = Object.entries(CLOSING).find(([, attributes]) => last?.[attributes]);
  return closing ? closing[0] : 'open';
}

/** The status a run has when it ends as expected. */
const STATUS: Record<HistoryEnd, string> = {
  completed: 'COMPLETED',
  'continued-as-new': 'CONTINUED_AS_NEW',
  open: 'RUNNING',
};

/**
 * Writes a run's history as `<name>.<date>.json` in the JSON form of
 * `temporal workflow show --output json`, which the replay script reads; it must end as `ends`.
 */
export async function writeHistory(
  name: string,
  workflowId: string,
  history: History,
  ends: HistoryEnd,
): Promise<RecordedHistory> {
  if (!NAME.test(name)) throw new Error(`history name ${name} is not <workflow>-<end-state>`);
  const events = history.events ?? [];
  const end = endOf(events.at(-1));
  if (end !== ends) throw new Error(`${workflowId}: the history ends ${end}, not ${ends}`);
  const json = `${historyToJSON(history)}\n`;
  await mkdir(HISTORIES_DIR, { recursive: true });
  const file = path.join(HISTORIES_DIR, `${name}.${RECORD_DATE}.json`);
  await writeFile(file, json);
  const recorded = { file, events: events.length, bytes: Buffer.byteLength(json) };
  console.log(
    `recorded ${path.basename(file)}: ${recorded.events} events, ${(recorded.bytes / 1024).toFixed(0)} KiB (${workflowId})`,
  );
  return recorded;
}

/**
 * On the e2e stack: waits until the run has ended as expected (or, for an open run, has nothing
 * in flight: no workflow task and no activity pending, so the history stops where the workflow
 * waits for a timer or a command), then writes its history (writeHistory), its payloads
 * decrypted.
 */
export async function recordHistory(
  name: string,
  workflowId: string,
  options: { ends: HistoryEnd; runId?: string },
): Promise<RecordedHistory> {
  const { ends, runId } = options;
  return withTemporal(async (client) => {
    const handle = client.workflow.getHandle(workflowId, runId);
    await eventually(
      async () => {
        const description = await handle.describe();
        const { pendingActivities, pendingWorkflowTask } = description.raw;
        return {
          status: description.status.name,
          busy: (pendingActivities?.length ?? 0) > 0 || Boolean(pendingWorkflowTask),
        };
      },
      ({ status, busy }) => status === STATUS[ends] && (ends !== 'open' || !busy),
      120_000,
    );
    // Stored decoded (plain JSON payloads): the replay set must not depend on the e2e stack's
    // throw-away key; the replay test encrypts each history again under a rotated key itself.
    const history = await fetchDecodedHistory(
      client,
      workflowId,
      e2eTemporalSettings().codec,
      runId,
    );
    return writeHistory(name, workflowId, history, ends);
  });
}
