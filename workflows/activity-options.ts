import type { ActivityOptions, LocalActivityOptions, RetryPolicy } from '@temporalio/workflow';

/** Retried with backoff for as long as PostgreSQL is away. */
const UNTIL_POSTGRES_RETURNS: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
};

/** An indexed query of the read model, retried for as long as PostgreSQL is away. */
const READ_MODEL_QUERY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: UNTIL_POSTGRES_RETURNS,
};

/**
 * Read-model writes: quick, retried for as long as PostgreSQL is away (an outage delays a
 * projection, never loses it).
 */
export const PROJECTION_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: UNTIL_POSTGRES_RETURNS,
};

/**
 * The same read-model writes as a local activity (issue 19): run by the worker inside the workflow
 * task that made the change, so it takes one marker in the history instead of an activity's three
 * events and a workflow task of its own, and the command's answer leaves only after the write.
 * Retried with the same backoff; past a minute the retries wait on a timer, so a PostgreSQL outage
 * delays the projection, never loses it.
 */
export const LOCAL_PROJECTION_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: UNTIL_POSTGRES_RETURNS,
};

/**
 * Letters: an SMTP server may be slow or down for a while; retried with backoff until it
 * returns. A recipient that does not exist is not retried.
 */
export const LETTER_OPTIONS: ActivityOptions = {
  // Long enough for a slow relay (connect 10 s, greeting 10 s, then sending), short enough that a
  // letter whose worker died is picked up again within a minute (measured in the worker drill).
  startToCloseTimeout: '45 seconds',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: ['UnknownRecipient'],
  },
};

/**
 * The re-assessment batch's selection from the read model (001): one indexed query, retried with
 * backoff for as long as PostgreSQL is away.
 */
export const REASSESSMENT_SELECTION_OPTIONS: ActivityOptions = READ_MODEL_QUERY_OPTIONS;

/**
 * The batch asking one trajectory (an update, answered once the trajectory's worker has run it).
 * An attempt gives up after 30 s by itself (see the activity); Temporal or a worker being away
 * is retried with backoff until it returns, so an outage delays the batch, never loses a case.
 */
export const REASSESSMENT_REQUEST_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
};

/**
 * The retention sweep's selection of clients due for destruction (Jeugdwet 7.3.8), and the look-up
 * of a request's client: indexed queries, retried with backoff for as long as PostgreSQL is away.
 */
export const RETENTION_SELECTION_OPTIONS: ActivityOptions = READ_MODEL_QUERY_OPTIONS;

/**
 * Destroying one client's personal data: one short, idempotent transaction, so it is retried until
 * it succeeds (an outage delays a destruction, never skips it or does it twice).
 */
export const RETENTION_DESTRUCTION_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: UNTIL_POSTGRES_RETURNS,
};

/**
 * The beschermingsplein agenda's look-ups in the read model (the VTOs waiting for the agenda, the
 * partner organisations): indexed queries, retried with backoff for as long as PostgreSQL is away.
 * A partner that is not registered is not retried (VtoPartnersMissing): ops must register it.
 */
export const VTO_AGENDA_OPTIONS: ActivityOptions = READ_MODEL_QUERY_OPTIONS;
