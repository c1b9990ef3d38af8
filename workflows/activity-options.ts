import type { ActivityOptions } from '@temporalio/workflow';

/**
 * Read-model writes: quick, retried for as long as PostgreSQL is away (an outage delays a
 * projection, never loses it).
 */
export const PROJECTION_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * Letters: an SMTP server may be slow or down for a while; retried with backoff until it
 * returns. A recipient that does not exist is not retried.
 */
export const LETTER_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: ['UnknownRecipient'],
  },
};
