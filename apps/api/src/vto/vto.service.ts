import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { vtoInputProblems, vtoWorkflowId, type VtoCommandType, type VtoInput } from '@cjg/domain';
import { CoordinatorEntity, VtoExplanationEntity } from '@cjg/persistence';
import {
  CaseKindKey,
  CaseNumberKey,
  CoordinatorIdKey,
  FamilyIdKey,
  MunicipalityCodeKey,
  ProcessStatusKey,
} from '@cjg/temporal';
import type { vtoWorkflow } from '@cjg/workflows';
import {
  VTO_CASE_KIND,
  VTO_WORKFLOW_TYPE,
  vtoCommandUpdates,
  vtoStateQuery,
  type VtoCommandResult,
  type VtoView,
} from '@cjg/workflows/vto.definitions';
import type { Principal } from '../auth/principal';
import { API_CONFIG, type ApiConfig } from '../config';
import {
  IdempotencyService,
  requestHash,
  type IdempotentAnswer,
} from '../idempotency/idempotency.service';
import { RegistryService } from '../registry/registry.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import {
  giveUpdate,
  queryState,
  viewAfterCommand,
  WRITE_DEADLINE_MS,
} from '../temporal/workflow-commands';
import type {
  ListVtosQueryDto,
  ProposeVtoDto,
  VtoPageDto,
  VtoProposedDto,
  VtoStateDto,
} from './dto/vto.dto';
import { canSeeVto, mayReadExplanation, VTO_COMMAND_ROLES } from './vto.access';

const OUT_OF_SCOPE = 'the VTO belongs to a municipality outside the token scope';

/** Verzoeken tot onderzoek (002 §3.6): each one a workflow, `vto-<caseNumber>`. */
@Injectable()
export class VtoService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly idempotency: IdempotencyService,
    private readonly registry: RegistryService,
  ) {}

  /**
   * Starts the VTO once and keeps its explanation in PostgreSQL. The same case number again
   * starts nothing: it answers with the existing VTO (`created: false`), or 409 when the request
   * contradicts it. Only coordinators propose, in their own municipalities.
   */
  async propose(
    principal: Principal,
    body: ProposeVtoDto,
    key: string | undefined,
  ): Promise<IdempotentAnswer<VtoProposedDto>> {
    if (!principal.municipalities.includes(body.municipalityCode)) {
      throw new ForbiddenException(
        `municipality ${body.municipalityCode} is outside the token scope`,
      );
    }
    return this.idempotency.start(principal, key, requestHash('POST', '/vtos', body), async () => {
      const input = await this.inputOf(principal, body);
      const created = await this.startOnce(input);
      // After the start, so that a retry after a failure here still writes it; never replaced.
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(VtoExplanationEntity)
        .values({
          caseNumber: input.caseNumber,
          explanation: body.explanation,
          recordedBy: principal.sub,
        })
        .orIgnore()
        .execute();
      return { caseNumber: input.caseNumber, workflowId: vtoWorkflowId(input.caseNumber), created };
    });
  }

  /**
   * The workflow's input: the link to the drang case's trajectory checked (same municipality; its
   * client and family taken over), the coordinator and client registered, the rules met.
   */
  private async inputOf(principal: Principal, body: ProposeVtoDto): Promise<VtoInput> {
    const problems: string[] = [];
    let { clientId, familyId } = body;
    if (body.trajectoryCaseNumber) {
      const [trajectory]: Array<{
        municipality_code: string;
        client_id: string;
        family_id: string | null;
      }> = await this.dataSource.query(
        'SELECT municipality_code, client_id, family_id FROM trajectory WHERE case_number = $1',
        [body.trajectoryCaseNumber],
      );
      if (!trajectory) {
        problems.push(`no trajectory with case number ${body.trajectoryCaseNumber}`);
      } else {
        if (trajectory.municipality_code !== body.municipalityCode)
          problems.push(
            `trajectory ${body.trajectoryCaseNumber} belongs to another municipality than ${body.municipalityCode}`,
          );
        if (clientId && clientId !== trajectory.client_id)
          problems.push(`clientId is not the client of trajectory ${body.trajectoryCaseNumber}`);
        if (familyId && trajectory.family_id && familyId !== trajectory.family_id)
          problems.push(`familyId is not the family of trajectory ${body.trajectoryCaseNumber}`);
        clientId ??= trajectory.client_id;
        familyId ??= trajectory.family_id ?? undefined;
      }
    } else {
      const missing = (['clientId', 'familyId'] as const).filter((field) => !body[field]);
      if (missing.length > 0) {
        throw new BadRequestException(
          missing.map((field) => `${field} is required without trajectoryCaseNumber`),
        );
      }
    }
    if (problems.length === 0 && !familyId)
      problems.push(`trajectory ${body.trajectoryCaseNumber} has no family: give familyId`);
    const input: VtoInput = {
      caseNumber: body.caseNumber,
      municipalityCode: body.municipalityCode,
      coordinatorId: body.coordinatorId,
      clientId: clientId ?? '',
      familyId: familyId ?? '',
      ...(body.trajectoryCaseNumber ? { trajectoryCaseNumber: body.trajectoryCaseNumber } : {}),
      grounds: body.grounds,
    };
    if (problems.length === 0) problems.push(...vtoInputProblems(input));
    if (
      !(await this.dataSource.getRepository(CoordinatorEntity).existsBy({ id: body.coordinatorId }))
    )
      problems.push(`coordinatorId ${body.coordinatorId} is not a registered coordinator`);
    // Registered, and reached by this coordinator: naming a client does not bring it into reach.
    if (clientId && !(await this.registry.reaches(principal, clientId)))
      problems.push(`clientId ${clientId} is not a registered client`);
    if (problems.length > 0) throw new UnprocessableEntityException(problems);
    return input;
  }

  private async startOnce(input: VtoInput): Promise<boolean> {
    try {
      await this.client.connection.withDeadline(Date.now() + WRITE_DEADLINE_MS, () =>
        this.client.workflow.start<typeof vtoWorkflow>(VTO_WORKFLOW_TYPE, {
          workflowId: vtoWorkflowId(input.caseNumber),
          taskQueue: this.config.temporal.taskQueue,
          args: [input],
          // A case number names one VTO forever, also after it has closed.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: [
            { key: CaseKindKey, value: VTO_CASE_KIND },
            { key: CaseNumberKey, value: input.caseNumber },
            { key: MunicipalityCodeKey, value: input.municipalityCode },
            { key: CoordinatorIdKey, value: input.coordinatorId },
            { key: FamilyIdKey, value: input.familyId },
            { key: ProcessStatusKey, value: 'parents-to-inform' },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    const existing = await this.state(input.caseNumber);
    if (
      existing.municipalityCode !== input.municipalityCode ||
      existing.clientId !== input.clientId
    ) {
      throw new ConflictException(
        `Case number ${input.caseNumber} is taken by a VTO for another client or municipality`,
      );
    }
    return false;
  }

  /**
   * Gives a command to the VTO as a workflow update, recording who gave it. The workflow's
   * validator checks it against the state: a refused command answers 409 (wrong status) or 422
   * (the data does not fit) and never enters the history.
   */
  async command(
    principal: Principal,
    caseNumber: string,
    type: VtoCommandType,
    body: object,
    path: string,
    key: string | undefined,
  ): Promise<IdempotentAnswer<VtoStateDto>> {
    const view = await this.state(caseNumber);
    if (!canSeeVto(principal, view.municipalityCode)) throw new ForbiddenException(OUT_OF_SCOPE);
    return this.idempotency.command(principal, key, requestHash('POST', path, body), {
      workflowId: vtoWorkflowId(caseNumber),
      give: async (updateId) => {
        const args = { ...body, recordedBy: principal.sub };
        const result = await this.update(caseNumber, type, args, updateId);
        return this.present(
          principal,
          await viewAfterCommand(result, () => this.state(caseNumber)),
        );
      },
      view: async () => this.present(principal, await this.state(caseNumber)),
    });
  }

  private async update(caseNumber: string, type: VtoCommandType, body: object, updateId?: string) {
    const handle = this.client.workflow.getHandle(vtoWorkflowId(caseNumber));
    const update = vtoCommandUpdates[type] as unknown as UpdateDefinition<
      VtoCommandResult,
      [object]
    >;
    return giveUpdate(this.client, handle, update, body, {
      updateId,
      notFound: `No VTO with case number ${caseNumber}`,
      ended: `The VTO ${caseNumber} has ended; it takes no more commands`,
    });
  }

  /** The VTO's state as its workflow answers it, for a caller allowed to see it. */
  async get(principal: Principal, caseNumber: string): Promise<VtoStateDto> {
    return this.present(principal, await this.state(caseNumber));
  }

  /** A view as this caller may see it: in scope, with its role's commands and what it may read. */
  private async present(principal: Principal, view: VtoView): Promise<VtoStateDto> {
    if (!canSeeVto(principal, view.municipalityCode)) throw new ForbiddenException(OUT_OF_SCOPE);
    const answer: VtoStateDto = {
      ...view,
      allowedCommands: view.allowedCommands.filter((type) =>
        VTO_COMMAND_ROLES[type].includes(principal.role),
      ),
    };
    if (mayReadExplanation(principal)) {
      const row = await this.dataSource
        .getRepository(VtoExplanationEntity)
        .findOneBy({ caseNumber: view.caseNumber });
      if (row?.explanation) answer.explanation = row.explanation;
    }
    return answer;
  }

  /** VTOs from the read model, narrowed to what the caller may see. */
  async list(principal: Principal, query: ListVtosQueryDto): Promise<VtoPageDto> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (principal.role !== 'ops') {
      if (query.municipalityCode && !principal.municipalities.includes(query.municipalityCode)) {
        throw new ForbiddenException(
          `municipality ${query.municipalityCode} is outside the token scope`,
        );
      }
      add('municipality_code = ANY(?)', principal.municipalities);
    }
    if (query.municipalityCode) add('municipality_code = ?', query.municipalityCode);
    if (query.status) add('status = ?', query.status);
    if (query.meetingDate) add('meeting_date = ?', query.meetingDate);
    if (query.trajectoryCaseNumber) add('trajectory_case_number = ?', query.trajectoryCaseNumber);
    if (query.coordinatorId) add('coordinator_id = ?', query.coordinatorId);
    if (query.overdue !== undefined) add('overdue = ?', query.overdue);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const limit = query.limit ?? 25;
    const offset = query.offset ?? 0;
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `SELECT case_number, municipality_code, coordinator_id, family_id, trajectory_case_number,
                status, proposed_at, to_char(parents_informed_on, 'YYYY-MM-DD') AS parents_informed_on,
                to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date, decision, next_due_at,
                next_due_kind, overdue, closed_at
           FROM vto ${filter}
          ORDER BY proposed_at DESC, case_number
          LIMIT ${limit} OFFSET ${offset}`,
        values,
      ) as Promise<Array<Record<string, unknown>>>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM vto ${filter}`, values),
    ]);
    return {
      total: (count as { total: number }).total,
      limit,
      offset,
      items: rows.map((r) => ({
        caseNumber: r.case_number as string,
        municipalityCode: r.municipality_code as string,
        coordinatorId: r.coordinator_id as string,
        familyId: r.family_id as string,
        trajectoryCaseNumber: (r.trajectory_case_number as string | null) ?? null,
        status: r.status as VtoStateDto['status'],
        proposedAt: iso(r.proposed_at)!,
        parentsInformedOn: (r.parents_informed_on as string | null) ?? null,
        meetingDate: (r.meeting_date as string | null) ?? null,
        decision: (r.decision as 'send' | 'not-send' | null) ?? null,
        nextDueAt: iso(r.next_due_at),
        nextDueKind: (r.next_due_kind as string | null) ?? null,
        overdue: r.overdue as boolean,
        closedAt: iso(r.closed_at),
      })),
    };
  }

  private async state(caseNumber: string): Promise<VtoView> {
    const handle = this.client.workflow.getHandle(vtoWorkflowId(caseNumber));
    return queryState(this.client, handle, vtoStateQuery, {
      notFound: `No VTO with case number ${caseNumber}`,
    });
  }
}

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}
