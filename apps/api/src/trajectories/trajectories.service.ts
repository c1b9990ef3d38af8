import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicationFailure,
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import {
  trajectoryWorkflowId,
  unknownCommandFields,
  type CommandType,
  type TrajectoryInput,
} from '@cjg/domain';
import { ClientEntity, CoordinatorEntity } from '@cjg/persistence';
import {
  CaseNumberKey,
  CoordinatorIdKey,
  FamilyIdKey,
  MunicipalityCodeKey,
  TrajectoryPhaseKey,
  type TemporalConfig,
} from '@cjg/temporal';
import type { trajectoryWorkflow } from '@cjg/workflows';
import {
  COMMAND_REFUSED,
  COMMAND_TYPES,
  commandUpdates,
  TRAJECTORY_WORKFLOW_TYPE,
  trajectoryStateQuery,
  type CommandResult,
  type TrajectoryView,
} from '@cjg/workflows/trajectory.definitions';
import { API_CONFIG, type ApiConfig } from '../config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

/** How long a read may wait for a worker to answer a query before the API answers 503. */
const QUERY_DEADLINE_MS = 5_000;

export interface StartOutcome {
  created: boolean;
  workflowId: string;
}

@Injectable()
export class TrajectoriesService {
  private readonly temporal: TemporalConfig;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.temporal = config.temporal;
  }

  /**
   * Starts the trajectory of a case once. A second start with the same case number starts
   * nothing: it answers with the existing one, or 409 when the request contradicts it.
   */
  async start(input: TrajectoryInput): Promise<StartOutcome> {
    await this.assertKnownPeople(input);
    const workflowId = trajectoryWorkflowId(input.caseNumber);
    try {
      await this.client.workflow.start<typeof trajectoryWorkflow>(TRAJECTORY_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [{ ...input, policy: this.config.policy }],
        // A case number names one trajectory forever, also after it has closed.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: CaseNumberKey, value: input.caseNumber },
          { key: MunicipalityCodeKey, value: input.municipalityCode },
          { key: CoordinatorIdKey, value: input.coordinatorId },
          { key: FamilyIdKey, value: input.familyId },
          { key: TrajectoryPhaseKey, value: 'intake' },
        ],
      });
      return { created: true, workflowId };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    const existing = await this.get(input.caseNumber);
    if (
      existing.municipalityCode !== input.municipalityCode ||
      existing.clientId !== input.clientId
    ) {
      throw new ConflictException(
        `Case ${input.caseNumber} already has a trajectory for another client or municipality`,
      );
    }
    return { created: false, workflowId };
  }

  /**
   * Gives a command to the trajectory as a workflow update. The workflow's validator checks it
   * against the state first: a refused command answers 409 (wrong phase or state) or 422 (the
   * data does not fit the case) and never enters the history.
   */
  async command(caseNumber: string, type: string, body: unknown): Promise<TrajectoryView> {
    if (!(COMMAND_TYPES as readonly string[]).includes(type)) {
      throw new NotFoundException(
        `Unknown command ${type}; commands are: ${COMMAND_TYPES.join(', ')}`,
      );
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new BadRequestException('The body must be a JSON object');
    }
    const unknown = unknownCommandFields(type as CommandType, body);
    if (unknown.length > 0) {
      throw new BadRequestException(unknown.map((field) => `property ${field} should not exist`));
    }
    const handle = this.client.workflow.getHandle(trajectoryWorkflowId(caseNumber));
    const update = commandUpdates[type as CommandType] as unknown as UpdateDefinition<
      CommandResult,
      [object]
    >;
    try {
      await handle.executeUpdate(update, { args: [body] });
      return await this.get(caseNumber);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        throw new NotFoundException(`No trajectory with case number ${caseNumber}`);
      }
      if (
        error instanceof WorkflowUpdateFailedError &&
        error.cause instanceof ApplicationFailure &&
        error.cause.type === COMMAND_REFUSED
      ) {
        const [problems, by] = (error.cause.details ?? []) as [string[], string];
        if (by === 'state') throw new ConflictException(problems);
        throw new UnprocessableEntityException(problems);
      }
      if (isCompletedError(error)) {
        throw new ConflictException(
          `The trajectory ${caseNumber} has ended; it takes no more commands`,
        );
      }
      throw error;
    }
  }

  /** The trajectory's state, answered by its workflow. */
  async get(caseNumber: string): Promise<TrajectoryView> {
    const handle = this.client.workflow.getHandle(trajectoryWorkflowId(caseNumber));
    try {
      return await this.client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () =>
        handle.query(trajectoryStateQuery),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        throw new NotFoundException(`No trajectory with case number ${caseNumber}`);
      }
      throw error;
    }
  }

  private async assertKnownPeople(input: TrajectoryInput): Promise<void> {
    const problems: string[] = [];
    if (
      !(await this.dataSource
        .getRepository(CoordinatorEntity)
        .existsBy({ id: input.coordinatorId }))
    ) {
      problems.push(`coordinatorId ${input.coordinatorId} is not a registered coordinator`);
    }
    if (!(await this.dataSource.getRepository(ClientEntity).existsBy({ id: input.clientId }))) {
      problems.push(`clientId ${input.clientId} is not a registered client`);
    }
    if (problems.length > 0) throw new UnprocessableEntityException(problems);
  }
}

/** Temporal answers an update to a closed workflow with NOT_FOUND "workflow execution already completed". */
function isCompletedError(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ''} ${String((error as { cause?: unknown })?.cause ?? '')}`;
  return /already completed|already finished/i.test(text);
}
