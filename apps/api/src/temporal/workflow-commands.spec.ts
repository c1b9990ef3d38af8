import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import {
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { giveUpdate, queryState, viewAfterCommand } from './workflow-commands';

const update = { type: 'update', name: 'cmd' } as UpdateDefinition<string, [object]>;
const query = { type: 'query', name: 'state' } as QueryDefinition<string, []>;
const client = {
  connection: { withDeadline: <T>(_d: number, fn: () => Promise<T>) => fn() },
} as unknown as Client;
const options = { notFound: 'No case X', ended: 'The case X has ended' };

function handleFailing(error: unknown, status?: string): WorkflowHandle {
  return {
    executeUpdate: jest.fn().mockRejectedValue(error),
    query: jest.fn().mockRejectedValue(error),
    describe: status
      ? jest.fn().mockResolvedValue({ status: { name: status } })
      : jest.fn().mockRejectedValue(error),
  } as unknown as WorkflowHandle;
}

const refused = (by: string) =>
  new WorkflowUpdateFailedError(
    'refused',
    ApplicationFailure.create({ type: 'CommandRefused', details: [['a problem'], by] }),
  );

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** What giveUpdate throws when the update fails with `error` (and describe answers `status`). */
const refusal = (error: unknown, status?: string) =>
  thrown(giveUpdate(client, handleFailing(error, status), update, {}, options));

describe('giveUpdate', () => {
  it('answers the update result, passing the update id', async () => {
    const executeUpdate = jest.fn().mockResolvedValue('done');
    const handle = { executeUpdate } as unknown as WorkflowHandle;
    await expect(
      giveUpdate(client, handle, update, { a: 1 }, { ...options, updateId: 'u1' }),
    ).resolves.toBe('done');
    expect(executeUpdate).toHaveBeenCalledWith(update, { args: [{ a: 1 }], updateId: 'u1' });
  });

  it('turns a refusal by state into 409 and by data into 422, with the problems', async () => {
    const byState = await refusal(refused('state'));
    expect(byState).toBeInstanceOf(ConflictException);
    expect((byState as ConflictException).getResponse()).toMatchObject({ message: ['a problem'] });
    const byData = await refusal(refused('data'));
    expect(byData).toBeInstanceOf(UnprocessableEntityException);
    expect((byData as UnprocessableEntityException).getResponse()).toMatchObject({
      message: ['a problem'],
    });
  });

  it('turns an unknown workflow into 404 and a closed one into 409', async () => {
    const notFound = await refusal(new WorkflowNotFoundError('gone', 'x', undefined));
    expect(notFound).toBeInstanceOf(NotFoundException);
    expect((notFound as Error).message).toBe('No case X');
    const ended = await refusal(
      new WorkflowNotFoundError('workflow execution already completed', 'x', undefined),
    );
    expect(ended).toBeInstanceOf(ConflictException);
    expect((ended as Error).message).toBe('The case X has ended');
    // "Not found" without a reason, for a workflow that exists and has closed: ended too.
    const raced = await refusal(
      new WorkflowNotFoundError('not found', 'x', undefined),
      'COMPLETED',
    );
    expect(raced).toBeInstanceOf(ConflictException);
  });

  it('passes other failures through', async () => {
    const other = new Error('boom');
    await expect(giveUpdate(client, handleFailing(other), update, {}, options)).rejects.toBe(other);
  });
});

describe('queryState', () => {
  it('answers the query, or 404 for an unknown workflow', async () => {
    const handle = { query: jest.fn().mockResolvedValue('state') } as unknown as WorkflowHandle;
    await expect(queryState(client, handle, query, options)).resolves.toBe('state');
    const missing = handleFailing(new WorkflowNotFoundError('gone', 'x', undefined));
    await expect(queryState(client, missing, query, options)).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });
});

describe('viewAfterCommand', () => {
  const noneKept = () => Promise.resolve(undefined);

  it('answers the view a command returned, without a query', async () => {
    const query = jest.fn();
    const kept = jest.fn();
    const view = { revision: 3, allowedCommands: [], pendingDeadlines: [] };
    await expect(viewAfterCommand(view, kept, query)).resolves.toBe(view);
    expect(query).not.toHaveBeenCalled();
    expect(kept).not.toHaveBeenCalled();
  });

  it('queries the state for a run whose commands answered only their revision', async () => {
    const queried = { revision: 4, allowedCommands: ['withdraw'], pendingDeadlines: [] };
    const query = jest.fn().mockResolvedValue(queried);
    await expect(
      viewAfterCommand(
        { revision: 4, phase: 'intake', allowedCommands: ['withdraw'] },
        noneKept,
        query,
      ),
    ).resolves.toBe(queried);
    await expect(viewAfterCommand(undefined, noneKept, query)).resolves.toBe(queried);
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('reads the kept view at the revision a command answered, without a query', async () => {
    const keptView = { revision: 6, allowedCommands: [], pendingDeadlines: [] };
    const kept = jest.fn().mockResolvedValue(keptView);
    const query = jest.fn();
    await expect(viewAfterCommand({ revision: 5, view: 'kept' }, kept, query)).resolves.toBe(
      keptView,
    );
    expect(kept).toHaveBeenCalledWith(5);
    expect(query).not.toHaveBeenCalled();
  });

  it('queries the state when the kept view is not at that revision yet', async () => {
    const queried = { revision: 5, allowedCommands: [], pendingDeadlines: [] };
    const query = jest.fn().mockResolvedValue(queried);
    await expect(viewAfterCommand({ revision: 5, view: 'kept' }, noneKept, query)).resolves.toBe(
      queried,
    );
    expect(query).toHaveBeenCalledTimes(1);
  });
});
