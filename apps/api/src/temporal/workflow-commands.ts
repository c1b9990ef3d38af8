import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import {
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import type { QueryDefinition, TypedSearchAttributes, UpdateDefinition } from '@temporalio/common';
import { isProblemCode } from '@cjg/domain';
import { isCommandAnswer } from '@cjg/workflows/command-updates';
import { COMMAND_REFUSED } from '@cjg/workflows/trajectory.definitions';
import { coded } from '../common/error-codes';

/** How long a read may wait for a worker to answer a query before the API answers 503. */
export const QUERY_DEADLINE_MS = 5_000;
/**
 * How long a start or a command may wait for Temporal and a worker before the API answers 503.
 * A command cut off here may still be applied; a retry with its Idempotency-Key then has no
 * second effect.
 */
export const WRITE_DEADLINE_MS = 10_000;

type Connected = Pick<Client, 'connection'>;

export interface GiveUpdateOptions {
  /** Temporal's update id: the same id again is answered by the first update, not applied twice. */
  updateId?: string;
  /** Defaults to {@link WRITE_DEADLINE_MS}. */
  deadlineMs?: number;
  /** The 404 message when there is no such workflow. */
  notFound: string;
  /** The 409 message when the workflow has closed and takes no more commands. */
  ended: string;
  /** The ApplicationFailure type of a refusal by the validator; defaults to {@link COMMAND_REFUSED}. */
  refusedType?: string;
}

/**
 * Gives a command to a workflow as an update and answers its result. A refusal by the workflow's
 * validator (`COMMAND_REFUSED` with details `[messages, 'state' | 'data', codes]`) becomes 409 (wrong
 * state) or 422 (the data does not fit) with the problems; a closed workflow 409 `ended`; an
 * unknown one 404 `notFound`.
 */
export async function giveUpdate<Ret, Arg>(
  client: Connected,
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, [Arg]>,
  arg: Arg,
  options: GiveUpdateOptions,
): Promise<Ret> {
  const { updateId, deadlineMs = WRITE_DEADLINE_MS, notFound, ended } = options;
  try {
    return await client.connection.withDeadline(Date.now() + deadlineMs, () =>
      handle.executeUpdate(update, { args: [arg], ...(updateId ? { updateId } : {}) }),
    );
  } catch (error) {
    // Temporal answers an update to a closed workflow as "not found"; say what it is.
    if (isCompletedError(error)) throw new ConflictException(coded('process-ended', ended));
    if (error instanceof WorkflowNotFoundError) {
      // An update racing the workflow's end can be answered "not found" without saying why:
      // a workflow that exists and is closed has ended, one that does not exist is unknown.
      const closed = await handle.describe().then(
        (description) => description.status.name !== 'RUNNING',
        () => false,
      );
      throw closed
        ? new ConflictException(coded('process-ended', ended))
        : new NotFoundException(notFound);
    }
    if (
      error instanceof WorkflowUpdateFailedError &&
      error.cause instanceof ApplicationFailure &&
      error.cause.type === (options.refusedType ?? COMMAND_REFUSED)
    ) {
      const [messages, by, codes] = (error.cause.details ?? []) as [
        string[],
        string,
        unknown[] | undefined,
      ];
      // A refusal from before the codes, or one in a handler's history, has none: the filter
      // then gives each problem the status's code.
      const problems = messages.map((message, i) =>
        isProblemCode(codes?.[i]) ? { code: codes[i], message } : message,
      );
      if (by === 'state') throw new ConflictException(problems);
      throw new UnprocessableEntityException(problems);
    }
    throw error;
  }
}

/**
 * Asks a workflow for its state with a query; an unknown workflow becomes 404 `notFound`. The
 * deadline defaults to {@link QUERY_DEADLINE_MS}.
 */
export function queryState<Ret>(
  client: Connected,
  handle: WorkflowHandle,
  query: QueryDefinition<Ret, []>,
  options: { notFound: string; deadlineMs?: number },
): Promise<Ret> {
  return read(client, options, () => handle.query(query));
}

/** A read within its deadline (default {@link QUERY_DEADLINE_MS}); an unknown workflow is 404. */
async function read<T>(
  client: Connected,
  options: { notFound: string; deadlineMs?: number },
  operation: () => Promise<T>,
): Promise<T> {
  try {
    return await client.connection.withDeadline(
      Date.now() + (options.deadlineMs ?? QUERY_DEADLINE_MS),
      operation,
    );
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new NotFoundException(options.notFound);
    throw error;
  }
}

/** Temporal answers an update to a closed workflow with NOT_FOUND "workflow execution already completed". */
export function isCompletedError(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ''} ${String((error as { cause?: unknown })?.cause ?? '')}`;
  return /already completed|already finished/i.test(text);
}

/**
 * The view a command answered: the workflow's view right after the command, so no second query
 * is needed (a query waits behind the workflow's next task; under load that took seconds). A run
 * that keeps its view in the read model (issue 19) answers its revision: the view is then read
 * there (`kept`), at that revision or a later one. When it is not there yet (the projection took
 * longer than the workflow task, and goes on) the state is queried, as it is for a run started
 * before commands answered their view, which gave only `{ revision, … }`.
 */
export async function viewAfterCommand<V extends { pendingDeadlines: unknown }>(
  result: unknown,
  kept: (revision: number) => Promise<V | undefined>,
  query: () => Promise<V>,
): Promise<V> {
  if (isCommandAnswer(result)) return (await kept(result.revision)) ?? query();
  const answered =
    typeof result === 'object' &&
    result !== null &&
    Array.isArray((result as { pendingDeadlines?: unknown }).pendingDeadlines);
  return answered ? (result as V) : query();
}

/**
 * A workflow's search attributes as Temporal's own record of the run holds them: read from the
 * server without a worker, so unlike a query it never waits behind the workflow's tasks. An
 * unknown workflow becomes 404 `notFound`.
 */
export async function describeAttributes(
  client: Connected,
  handle: WorkflowHandle,
  options: { notFound: string; deadlineMs?: number },
): Promise<TypedSearchAttributes> {
  return (await read(client, options, () => handle.describe())).typedSearchAttributes;
}

/** Whether a workflow with this id exists (running or closed), from Temporal's own record. */
export async function workflowExists(
  client: Pick<Client, 'workflow'>,
  workflowId: string,
): Promise<boolean> {
  try {
    await client.workflow.getHandle(workflowId).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/**
 * A refusal by the workflow's validator, a closed or an unknown workflow: the command will never
 * be applied (unlike a timeout, after which the update may still be applied).
 */
export function isFinalRefusal(error: unknown): boolean {
  return (
    error instanceof ConflictException ||
    error instanceof UnprocessableEntityException ||
    error instanceof NotFoundException
  );
}
