import { DefaultFailureConverter } from '@temporalio/common';

/**
 * How failures are written to a history: their message and stack trace go into an encoded
 * payload, so the payload codec encrypts them like every other payload. An error may quote what
 * it was about (a database error a value, a mail server an address), and a history is read in
 * the Temporal UI and CLI and kept in backups. Loaded inside the workflow bundle
 * (scripts/build-workflow-bundle.ts) and by every client and worker (connection/index.ts).
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
