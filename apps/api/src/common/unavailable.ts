import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

/** A dependency that is away for now: the client should retry later (503 + Retry-After). */
export type UnavailableDependency = 'temporal' | 'database';

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** PostgreSQL: admin/crash/cannot-connect-now shutdown, too many connections. Class 08 is checked apart. */
const PG_UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const PG_UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|too many clients|timeout exceeded when trying to connect/i;

const MAX_DEPTH = 5;

/**
 * Which dependency, if any, the error says is unreachable: Temporal (a `ServiceError`, a gRPC
 * UNAVAILABLE or DEADLINE_EXCEEDED, an update that timed out because no worker answered) or the
 * database (pg/TypeORM network errors, SQLSTATE 57P01–03, 53300 and class 08). Looks through
 * `cause`, TypeORM's `driverError` and AggregateError's `errors`.
 */
export function classifyUnavailable(error: unknown, depth = 0): UnavailableDependency | undefined {
  if (typeof error !== 'object' || error === null || depth > MAX_DEPTH) return undefined;
  if (error instanceof ServiceError || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return 'temporal';
  }
  const candidate = error as {
    code?: unknown;
    details?: unknown;
    message?: unknown;
    cause?: unknown;
    driverError?: unknown;
    errors?: unknown;
  };
  if (
    (candidate.code === GRPC_UNAVAILABLE || candidate.code === GRPC_DEADLINE_EXCEEDED) &&
    typeof candidate.details === 'string'
  ) {
    return 'temporal';
  }
  if (typeof candidate.code === 'string') {
    const code = candidate.code;
    if (NETWORK_CODES.has(code) || PG_UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) {
      return 'database';
    }
  }
  if (typeof candidate.message === 'string' && PG_UNAVAILABLE_MESSAGE.test(candidate.message)) {
    return 'database';
  }
  const nested = [
    candidate.driverError,
    candidate.cause,
    ...(Array.isArray(candidate.errors) ? candidate.errors : []),
  ];
  for (const inner of nested) {
    if (inner === error) continue;
    const found = classifyUnavailable(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}
