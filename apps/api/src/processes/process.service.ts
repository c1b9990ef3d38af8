import { ConflictException } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { QueryDefinition, SearchAttributePair, UpdateDefinition } from '@temporalio/common';
import type { Principal } from '../auth/principal';
import { coded } from '../common/error-codes';
import { assertMayGive, commandsFor, type ProcessAccess } from './process-access';
import type { KeptViews } from './kept-views';
import { requestHash, type IdempotencyService } from '../idempotency/idempotency.service';
import type { Caller, HttpAnswer } from '../idempotency/idempotency.interceptor';
import {
  giveUpdate,
  isFinalRefusal,
  queryState,
  viewAfterCommand,
  WRITE_DEADLINE_MS,
} from '../temporal/workflow-commands';

/** A command's body as the API received it (validated by its DTO). */
export type CommandBody = Record<string, unknown>;

/** What a process is to the API: its workflow, its state query and its command updates. */
export interface ProcessDefinition<Command extends string, View> {
  /** What the process is called in messages: `trajectory`, `handover`, `transfer`, `VTO`. */
  noun: string;
  workflowType: string;
  /** The workflow id of the process with this id (case number, handover or transfer id). */
  workflowId(id: string): string;
  stateQuery: QueryDefinition<View, []>;
  /** The update of each command (`*.definitions.ts`). */
  updates: { readonly [C in Command]: unknown };
  /** The ApplicationFailure type of a refusal by the validator, when not COMMAND_REFUSED. */
  refusedType?: string;
  /** The 404 message for an id no process has. */
  notFound(id: string): string;
  /** Its access table (`<process>.access.ts`). */
  access: ProcessAccess<Command, never>;
}

/** What a command needs besides its body, prepared once its checks have passed. */
export interface PreparedCommand<View> {
  /** The update's argument: the body with its free texts stored and replaced by references. */
  args: object;
  /** Undoes the preparation when the command is refused for good (a stored text). */
  discard?: () => Promise<void>;
  /** Runs once the command was accepted, with the view after it. */
  settle?: (view: View) => Promise<void>;
}

/**
 * The one way the API runs a process (docs/api-pattern.md): start it once, give it a command
 * once per Idempotency-Key, read its view. A command travels: the controller's route → `command`
 * → the process's checks (`authorize`: 403, 404, 422) → `prepare` (its free texts stored) → the
 * workflow update, whose validator calls the domain (409 state, 422 data; a closed process 409,
 * an unknown one 404) → the view after it (kept in `process_view` by the projection, read at the
 * revision the update answered) → `present` (what this caller may see of it).
 *
 * Each process extends it with its definition, its checks and its `present` (need-to-know).
 */
export abstract class ProcessService<
  Command extends string,
  View extends { pendingDeadlines: unknown },
  Answer,
  Checked = void,
> {
  protected constructor(
    protected readonly definition: ProcessDefinition<Command, View>,
    protected readonly client: Client,
    protected readonly idempotency: IdempotencyService,
    private readonly taskQueue: string,
    private readonly views: KeptViews,
  ) {}

  /** The process as this caller may see it; 403 when it may not see it at all. */
  protected abstract present(principal: Principal, view: View): Promise<Answer> | Answer;

  /**
   * Whether this caller may give this command to this process (403; its role's right to the
   * command is checked before), whether the process exists (404) and whether what the body
   * names is registered (422); what it found, for {@link prepare}.
   */
  protected abstract authorize(
    principal: Principal,
    id: string,
    type: Command,
    body: CommandBody,
  ): Promise<Checked>;

  /** The update's argument; by default the body as it is. */
  protected prepare(
    _principal: Principal,
    _id: string,
    _type: Command,
    body: CommandBody,
    _checked: Checked,
  ): Promise<PreparedCommand<View>> {
    return Promise.resolve({ args: body });
  }

  /** Checks before a read that do not need the view (the id says whose it is); none by default. */
  protected authorizeRead(_principal: Principal, _id: string): Promise<void> {
    return Promise.resolve();
  }

  /** The commands of `allowed` this caller's role could give (its view's `allowedCommands`). */
  protected commandsFor(principal: Principal, allowed: readonly Command[]): Command[] {
    return commandsFor(this.definition.access, principal, allowed);
  }

  /** The process as this caller may see it. */
  async get(principal: Principal, id: string): Promise<Answer> {
    await this.authorizeRead(principal, id);
    return this.present(principal, await this.state(id));
  }

  /**
   * Gives a command, once per Idempotency-Key: checked, prepared, sent as the workflow update
   * (under the key's update id, so a retry racing it has its effect once), answered with the
   * view after it as this caller may see it. A replay answers the view as it is now.
   */
  async command(
    caller: Caller,
    id: string,
    type: Command,
    body: object,
  ): Promise<HttpAnswer<Answer>> {
    const { principal } = caller;
    const plain: CommandBody = { ...body };
    assertMayGive(this.definition.access, principal, type);
    const checked = await this.authorize(principal, id, type, plain);
    return this.idempotency.command(
      principal,
      caller.idempotencyKey,
      requestHash('POST', caller.path, plain),
      {
        workflowId: this.definition.workflowId(id),
        give: async (updateId) => {
          const prepared = await this.prepare(principal, id, type, plain, checked);
          let result: unknown;
          try {
            result = await this.update(id, type, prepared.args, updateId);
          } catch (error) {
            // Refused for good: nothing names what was prepared. (Timed out: the update may
            // still be applied, so it stays.)
            if (isFinalRefusal(error)) await prepared.discard?.();
            throw error;
          }
          const workflowId = this.definition.workflowId(id);
          const view = await viewAfterCommand(
            result,
            (revision) => this.views.at<View>(workflowId, revision),
            () => this.state(id),
          );
          await prepared.settle?.(view);
          return this.present(principal, view);
        },
        view: async () => this.present(principal, await this.state(id)),
      },
    );
  }

  /**
   * Starts a process once per Idempotency-Key and once per id: 201 when `begin` made it, 200
   * when it was there already, with the `Location` of the process.
   */
  protected async startOnce<T extends { workflowId: string; created: boolean }>(
    caller: Caller,
    body: object,
    location: (answer: T) => string,
    begin: () => Promise<T>,
    workflowId?: string,
  ): Promise<HttpAnswer<T>> {
    const answer = await this.idempotency.start(
      caller.principal,
      caller.idempotencyKey,
      requestHash('POST', caller.path, body),
      begin,
      workflowId,
    );
    return { ...answer, location: location(answer.body) };
  }

  /**
   * Starts the workflow of a process; false when one with this id exists (a process id names
   * one process forever, also after it closed). `conflict` says what makes the existing one
   * another process than the one asked for (409).
   */
  protected async startWorkflow(
    id: string,
    args: unknown[],
    searchAttributes: SearchAttributePair[],
    conflict?: (existing: View) => string | undefined,
  ): Promise<boolean> {
    try {
      await this.client.connection.withDeadline(Date.now() + WRITE_DEADLINE_MS, () =>
        this.client.workflow.start(this.definition.workflowType, {
          workflowId: this.definition.workflowId(id),
          taskQueue: this.taskQueue,
          args,
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: searchAttributes,
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    const problem = conflict?.(await this.state(id));
    if (problem) throw new ConflictException(coded('already-exists', problem));
    return false;
  }

  /**
   * Sends one command update, without the caller's checks (the client answer pages, whose
   * signed link is the credential, use it); refusals become 409/422, a closed process 409, an
   * unknown one 404.
   */
  update(id: string, type: Command, args: object, updateId?: string): Promise<unknown> {
    const { noun, refusedType } = this.definition;
    const handle = this.client.workflow.getHandle(this.definition.workflowId(id));
    const update = this.definition.updates[type] as UpdateDefinition<unknown, [object]>;
    return giveUpdate(this.client, handle, update, args, {
      updateId,
      notFound: this.definition.notFound(id),
      ended: `The ${noun} ${id} has ended; it takes no more commands`,
      ...(refusedType ? { refusedType } : {}),
    });
  }

  /** The process's state as its workflow answers it; 404 for an unknown id. */
  protected state(id: string): Promise<View> {
    const handle = this.client.workflow.getHandle(this.definition.workflowId(id));
    return queryState(this.client, handle, this.definition.stateQuery, {
      notFound: this.definition.notFound(id),
    });
  }
}
