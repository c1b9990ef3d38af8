import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { CaseKindKey, CaseNumberKey } from '@cjg/temporal';
import type { retentionSweepWorkflow } from '@cjg/workflows';
import {
  destructionWorkflowId,
  RETENTION_SWEEP_WORKFLOW_TYPE,
  type RetentionSweepResult,
} from '@cjg/workflows/retention.definitions';
import { API_CONFIG, type ApiConfig } from '../config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { WRITE_DEADLINE_MS } from '../temporal/workflow-commands';
import type { DestructionDto } from './dto/destruction.dto';
import { coded } from '../common/error-codes';

/** How long the API waits for the destruction before it answers 202 (it goes on regardless). */
const RESULT_WAIT_MS = 20_000;

export interface DestructionAnswer {
  done: boolean;
  body: DestructionDto;
}

/** Destruction on request (Jeugdwet 7.3.9): the workflow `destruction-<caseNumber>`. */
@Injectable()
export class RetentionService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Destroys the personal data of the case's client, unless one of the client's trajectories is
   * still open. Checked here first, so a refused request starts nothing; the workflow checks
   * again under lock. A request for a case whose workflow is still running joins it; one after
   * it has finished starts a new run that finds nothing left (already-destroyed).
   */
  async requestDestruction(
    caseNumber: string,
    requestedBy: string,
    requestReference: string,
  ): Promise<DestructionAnswer> {
    const clientId = await this.clientOf(caseNumber);
    await this.refuseWhileOpen(clientId);

    const workflowId = destructionWorkflowId(caseNumber);
    const handle = await this.client.connection.withDeadline(Date.now() + WRITE_DEADLINE_MS, () =>
      this.client.workflow.start<typeof retentionSweepWorkflow>(RETENTION_SWEEP_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [{ caseNumber, requestedBy, requestReference }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        typedSearchAttributes: [
          { key: CaseKindKey, value: 'retention' },
          { key: CaseNumberKey, value: caseNumber },
        ],
      }),
    );
    const answer = { caseNumber, clientId, workflowId };

    const wait = AbortSignal.timeout(RESULT_WAIT_MS);
    let result: RetentionSweepResult;
    try {
      result = await this.client.connection.withAbortSignal(wait, () => handle.result());
    } catch (error) {
      if (wait.aborted) {
        return { done: false, body: { ...answer, status: 'running', destroyedCaseNumbers: [] } };
      }
      throw error;
    }

    const request = result.request;
    switch (request?.outcome) {
      case 'destroyed':
        return {
          done: true,
          body: { ...answer, status: 'destroyed', destroyedCaseNumbers: request.caseNumbers },
        };
      case 'already-destroyed':
        return {
          done: true,
          body: { ...answer, status: 'already-destroyed', destroyedCaseNumbers: [] },
        };
      case 'kept':
        throw this.openConflict(request.caseNumbers);
      default:
        throw new NotFoundException(`No trajectory with case number ${caseNumber}`);
    }
  }

  private async clientOf(caseNumber: string): Promise<string> {
    const rows: Array<{ client_id: string }> = await this.dataSource.query(
      `SELECT client_id FROM trajectory WHERE case_number = $1`,
      [caseNumber],
    );
    if (!rows[0]) throw new NotFoundException(`No trajectory with case number ${caseNumber}`);
    return rows[0].client_id;
  }

  private async refuseWhileOpen(clientId: string): Promise<void> {
    const open: Array<{ case_number: string }> = await this.dataSource.query(
      `SELECT case_number FROM trajectory WHERE client_id = $1 AND closed_at IS NULL
        ORDER BY case_number`,
      [clientId],
    );
    if (open.length > 0) throw this.openConflict(open.map((row) => row.case_number));
  }

  /** A running case needs its client's name and address: close it (or withdraw it) first. */
  private openConflict(caseNumbers: string[]): ConflictException {
    return new ConflictException(
      coded(
        'case-still-open',
        `The client still has an open trajectory (${caseNumbers.join(', ')}); ` +
          'its personal data can be destroyed once every trajectory of the client is closed',
      ),
    );
  }
}
