import {
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
import {
  addDuration,
  amsterdamInstant,
  COMMAND_FREE_TEXT,
  involvedProviders,
  providerAccessEndsAt,
  providerView,
  trajectoryWorkflowId,
  type CommandType,
  type ProviderTrajectoryView,
  type TrajectoryInput,
} from '@cjg/domain';
import {
  CaseKindKey,
  CaseNumberKey,
  CoordinatorIdKey,
  FamilyIdKey,
  MunicipalityCodeKey,
  ProviderAgbCodesKey,
  TrajectoryPhaseKey,
} from '@cjg/temporal';
import type { trajectoryWorkflow } from '@cjg/workflows';
import {
  commandUpdates,
  TRAJECTORY_WORKFLOW_TYPE,
  trajectoryStateQuery,
  type CommandResult,
  type TrajectoryView,
} from '@cjg/workflows/trajectory.definitions';
import {
  canSeeTrajectory,
  commandRefusal,
  commandsFor,
  type TrajectoryAccessFacts,
} from '../auth/access';
import type { Principal } from '../auth/principal';
import { API_CONFIG, type ApiConfig } from '../config';
import {
  IdempotencyService,
  requestHash,
  type IdempotentAnswer,
} from '../idempotency/idempotency.service';
import { RegistryService } from '../registry/registry.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { CaseTextsService } from '../texts/case-texts.service';
import {
  describeAttributes,
  giveUpdate,
  isFinalRefusal,
  queryState,
  viewAfterCommand,
  WRITE_DEADLINE_MS,
} from '../temporal/workflow-commands';
import type {
  ListTrajectoriesQueryDto,
  TrajectoryPageDto,
  TrajectoryStartedDto,
} from './dto/trajectory.dto';

const SORT_COLUMNS = {
  caseNumber: 'case_number',
  startedAt: 'started_at',
  updatedAt: 'updated_at',
  nextDueAt: 'next_due_at',
} as const;

@Injectable()
export class TrajectoriesService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly idempotency: IdempotencyService,
    private readonly texts: CaseTextsService,
    private readonly registry: RegistryService,
  ) {}

  /**
   * Starts the trajectory of a case once. A second start with the same case number starts
   * nothing: it answers with the existing one (`created: false`), or 409 when the request
   * contradicts it. Only coordinators start, in their own municipalities.
   */
  async start(
    principal: Principal,
    input: TrajectoryInput,
    key: string | undefined,
  ): Promise<IdempotentAnswer<TrajectoryStartedDto>> {
    if (!principal.municipalities.includes(input.municipalityCode)) {
      throw new ForbiddenException(
        `municipality ${input.municipalityCode} is outside the token scope`,
      );
    }
    const workflowId = trajectoryWorkflowId(input.caseNumber);
    return this.idempotency.start(
      principal,
      key,
      requestHash('POST', '/trajectories', input),
      async () => ({
        caseNumber: input.caseNumber,
        workflowId,
        created: await this.startOnce(principal, input),
      }),
      workflowId,
    );
  }

  private async startOnce(principal: Principal, input: TrajectoryInput): Promise<boolean> {
    await this.assertRegistered(input.coordinatorId, principal, input.clientId);
    const deadline = Date.now() + WRITE_DEADLINE_MS;
    try {
      await this.client.connection.withDeadline(deadline, () =>
        this.client.workflow.start<typeof trajectoryWorkflow>(TRAJECTORY_WORKFLOW_TYPE, {
          workflowId: trajectoryWorkflowId(input.caseNumber),
          taskQueue: this.config.temporal.taskQueue,
          args: [{ ...input, policy: this.config.policy }],
          // A case number names one trajectory forever, also after it has closed.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: [
            { key: CaseKindKey, value: 'trajectory' },
            { key: CaseNumberKey, value: input.caseNumber },
            { key: MunicipalityCodeKey, value: input.municipalityCode },
            { key: CoordinatorIdKey, value: input.coordinatorId },
            { key: FamilyIdKey, value: input.familyId },
            { key: TrajectoryPhaseKey, value: 'intake' },
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
        `Case ${input.caseNumber} already has a trajectory for another client or municipality`,
      );
    }
    return false;
  }

  /**
   * Gives a command to the trajectory as a workflow update, after checking that this caller may.
   * Its free texts are stored first and the update carries their ids (COMMAND_FREE_TEXT). The
   * workflow's validator checks it against the state: a refused command answers 409 (wrong phase
   * or state) or 422 (the data does not fit the case), never enters the history, and leaves no
   * text behind.
   */
  async command(
    principal: Principal,
    caseNumber: string,
    type: CommandType,
    body: object,
    path: string,
    key: string | undefined,
  ): Promise<IdempotentAnswer<CaseView>> {
    const facts = await this.accessFacts(caseNumber, principal);
    const refusal = commandRefusal(principal, type, facts, (body as { agbCode?: unknown }).agbCode);
    if (refusal) throw new ForbiddenException(refusal);
    if (type === 'reassignCoordinator') {
      await this.assertRegistered((body as { coordinatorId: string }).coordinatorId);
    }
    return this.idempotency.command(principal, key, requestHash('POST', path, body), {
      workflowId: trajectoryWorkflowId(caseNumber),
      give: async (updateId) => {
        const { data, textIds } = await this.texts.store(
          caseNumber,
          COMMAND_FREE_TEXT[type] ?? [],
          body,
          principal,
        );
        let result: CommandResult;
        try {
          result = await this.update(caseNumber, type, data, updateId);
        } catch (error) {
          // Refused for good: no command names the texts. (Timed out: the update may still be
          // applied, so they stay; retention removes them with the case either way.)
          if (isFinalRefusal(error)) await this.texts.discard(textIds);
          throw error;
        }
        const view = await viewAfterCommand(result, () => this.state(caseNumber));
        return this.present(principal, view);
      },
      view: () => this.get(principal, caseNumber),
    });
  }

  /** Sends one command update; refusals become 409/422, an unknown case 404. */
  async update(caseNumber: string, type: CommandType, body: object, updateId?: string) {
    const handle = this.client.workflow.getHandle(trajectoryWorkflowId(caseNumber));
    const update = commandUpdates[type] as unknown as UpdateDefinition<CommandResult, [object]>;
    return giveUpdate(this.client, handle, update, body, {
      updateId,
      notFound: `No trajectory with case number ${caseNumber}`,
      ended: `The trajectory ${caseNumber} has ended; it takes no more commands`,
    });
  }

  /** The trajectory as this caller may see it (see {@link present}). */
  async get(principal: Principal, caseNumber: string): Promise<CaseView> {
    return this.present(principal, await this.state(caseNumber));
  }

  /**
   * A view as this caller may see it, with the commands of its role and the free texts read in:
   * the whole case for the CJG and ops, its own part for a provider (providerView), and nothing
   * (403) outside the caller's scope or after a provider's access ended.
   */
  private async present(principal: Principal, view: TrajectoryView): Promise<CaseView> {
    const after = this.config.partnerAccessAfterEnd;
    const agbCode = principal.role === 'provider' ? principal.agbCode : undefined;
    const facts: TrajectoryAccessFacts = {
      municipalityCode: view.municipalityCode,
      providerAgbCodes: involvedProviders(view),
      ...(agbCode ? { accessEndsAt: providerAccessEndsAt(view, agbCode, after) } : {}),
    };
    if (!canSeeTrajectory(principal, facts)) throw new ForbiddenException(outOfScope(principal));
    const allowedCommands = commandsFor(principal, view.allowedCommands);
    const visible: CaseView = agbCode
      ? { ...providerView(view, agbCode, after), allowedCommands }
      : { view: 'case', ...view, allowedCommands };
    return this.texts.resolve(view.caseNumber, visible);
  }

  /** Trajectories from the read model, narrowed to what the caller may see. */
  async list(principal: Principal, query: ListTrajectoriesQueryDto): Promise<TrajectoryPageDto> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (principal.role === 'coordinator' || principal.role === 'team-lead') {
      if (query.municipalityCode && !principal.municipalities.includes(query.municipalityCode)) {
        throw new ForbiddenException(
          `municipality ${query.municipalityCode} is outside the token scope`,
        );
      }
      add('municipality_code = ANY(?)', principal.municipalities);
    }
    if (principal.role === 'provider') {
      if (query.agbCode && query.agbCode !== principal.agbCode) {
        throw new ForbiddenException('a provider lists its own trajectories only');
      }
      add('? = ANY(provider_agb_codes)', principal.agbCode);
      // Its access ends a while after the case closed and its care ended (see present()).
      values.push(principal.agbCode, this.config.partnerAccessAfterEnd);
      where.push(
        `(closed_at IS NULL OR GREATEST(closed_at, (
            SELECT max(c.stopped_on + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
              FROM trajectory_care c
             WHERE c.case_number = trajectory.case_number AND c.agb_code = $${values.length - 1}
          )) + $${values.length}::interval > now())`,
      );
    }
    if (query.municipalityCode) add('municipality_code = ?', query.municipalityCode);
    if (query.phase) add('phase = ?', query.phase);
    if (query.coordinatorId) add('coordinator_id = ?', query.coordinatorId);
    if (query.agbCode) add('? = ANY(provider_agb_codes)', query.agbCode);
    if (query.familyId) add('family_id = ?', query.familyId);
    if (query.dueBefore) add('next_due_at < ?', amsterdamInstant(query.dueBefore).toISOString());
    if (query.overdue !== undefined) add('overdue = ?', query.overdue);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const sort = SORT_COLUMNS[query.sort ?? 'caseNumber'];
    const order = query.order === 'desc' ? 'DESC' : 'ASC';
    const limit = query.limit ?? 25;
    const offset = query.offset ?? 0;
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `SELECT case_number, municipality_code, coordinator_id, family_id, phase, started_at,
                updated_at, coordinated, beschikking_end, provider_agb_codes, next_due_at,
                next_due_kind, overdue, closed_at
           FROM trajectory ${filter}
          ORDER BY ${sort} ${order} NULLS LAST, case_number ${order}
          LIMIT ${limit} OFFSET ${offset}`,
        values,
      ) as Promise<Array<Record<string, unknown>>>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM trajectory ${filter}`, values),
    ]);
    // A provider sees its own part: not the family, not the other providers.
    const own = principal.role === 'provider' ? principal.agbCode : undefined;
    return {
      total: (count as { total: number }).total,
      limit,
      offset,
      items: rows.map((r) => ({
        caseNumber: r.case_number as string,
        municipalityCode: r.municipality_code as string,
        coordinatorId: r.coordinator_id as string,
        familyId: own ? null : ((r.family_id as string | null) ?? null),
        phase: r.phase as TrajectoryView['phase'],
        startedAt: iso(r.started_at)!,
        updatedAt: iso(r.updated_at)!,
        coordinated: (r.coordinated as boolean | null) ?? null,
        beschikkingEnd: (r.beschikking_end as string | null) ?? null,
        providerAgbCodes: own ? [own] : (r.provider_agb_codes as string[]),
        nextDueAt: iso(r.next_due_at),
        nextDueKind: (r.next_due_kind as string | null) ?? null,
        overdue: r.overdue as boolean,
        closedAt: iso(r.closed_at),
      })),
    };
  }

  /**
   * What decides access to a case: the read model row (cheap), or, when the row is not written
   * yet or a provider's part is newer than the row, the search attributes of the workflow's run
   * (set at the start and at every change; read without a worker, so a busy worker does not
   * delay the check).
   */
  private async accessFacts(
    caseNumber: string,
    principal: Principal,
  ): Promise<TrajectoryAccessFacts> {
    const rows: Array<{
      municipality_code: string;
      provider_agb_codes: string[];
      closed_at: Date | null;
    }> = await this.dataSource.query(
      'SELECT municipality_code, provider_agb_codes, closed_at FROM trajectory WHERE case_number = $1',
      [caseNumber],
    );
    const row = rows[0];
    if (
      row &&
      (principal.role !== 'provider' || row.provider_agb_codes.includes(principal.agbCode!))
    ) {
      return {
        municipalityCode: row.municipality_code,
        providerAgbCodes: row.provider_agb_codes,
        // A closed case takes no commands anyway; past the provider's access it is not its own.
        ...(row.closed_at
          ? {
              accessEndsAt: addDuration(
                row.closed_at,
                this.config.partnerAccessAfterEnd,
              ).toISOString(),
            }
          : {}),
      };
    }
    const handle = this.client.workflow.getHandle(trajectoryWorkflowId(caseNumber));
    const attributes = await describeAttributes(this.client, handle, {
      notFound: `No trajectory with case number ${caseNumber}`,
    });
    const municipalityCode = attributes.get(MunicipalityCodeKey);
    if (municipalityCode === undefined) {
      // A run started without its attributes (not by this API): ask the workflow itself.
      const view = await this.state(caseNumber);
      return { municipalityCode: view.municipalityCode, providerAgbCodes: involvedProviders(view) };
    }
    return { municipalityCode, providerAgbCodes: attributes.get(ProviderAgbCodesKey) ?? [] };
  }

  private async state(caseNumber: string): Promise<TrajectoryView> {
    const handle = this.client.workflow.getHandle(trajectoryWorkflowId(caseNumber));
    return queryState(this.client, handle, trajectoryStateQuery, {
      notFound: `No trajectory with case number ${caseNumber}`,
    });
  }

  /**
   * The coordinator must be registered, and the client registered and reached by the caller
   * (RegistryService.reaches): starting a case names a client, and a case in one's municipality
   * would otherwise bring another municipality's client into reach. Both asked at once.
   */
  private async assertRegistered(
    coordinatorId: string,
    principal?: Principal,
    clientId?: string,
  ): Promise<void> {
    const [coordinators, reached] = await Promise.all([
      this.dataSource.query('SELECT 1 FROM coordinator WHERE id = $1', [coordinatorId]) as Promise<
        unknown[]
      >,
      principal && clientId ? this.registry.reaches(principal, clientId) : true,
    ]);
    const problems: string[] = [];
    if (coordinators.length === 0) {
      problems.push(`coordinatorId ${coordinatorId} is not a registered coordinator`);
    }
    if (!reached) problems.push(`clientId ${clientId} is not a registered client`);
    if (problems.length > 0) throw new UnprocessableEntityException(problems);
  }
}

/** What a caller is answered about one trajectory: the whole case, or a provider's part. */
export type CaseView =
  | (TrajectoryView & { view: 'case' })
  | (ProviderTrajectoryView & { allowedCommands: CommandType[] });

function outOfScope(principal: Principal): string {
  return principal.role === 'provider'
    ? 'this provider has no part in the trajectory'
    : 'the trajectory belongs to a municipality outside the token scope';
}

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}
