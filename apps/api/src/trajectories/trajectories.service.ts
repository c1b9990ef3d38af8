import {
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { trajectoryWorkflowId, type TrajectoryInput, type TrajectoryState } from '@cjg/domain';
import { ClientEntity, CoordinatorEntity } from '@cjg/persistence';
import {
  CaseNumberKey,
  CoordinatorIdKey,
  MunicipalityCodeKey,
  TrajectoryPhaseKey,
  type TemporalConfig,
} from '@cjg/temporal';
import type { trajectoryWorkflow } from '@cjg/workflows';
import {
  TRAJECTORY_WORKFLOW_TYPE,
  trajectoryStateQuery,
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
    @Inject(API_CONFIG) config: ApiConfig,
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
        args: [input],
        // A case number names one trajectory forever, also after it has closed.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: CaseNumberKey, value: input.caseNumber },
          { key: MunicipalityCodeKey, value: input.municipalityCode },
          { key: CoordinatorIdKey, value: input.coordinatorId },
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

  /** The trajectory's state, answered by its workflow. */
  async get(caseNumber: string): Promise<TrajectoryState> {
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
