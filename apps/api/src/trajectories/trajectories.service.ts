import {
  ForbiddenException,
  Inject,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  addDuration,
  amsterdamInstant,
  COMMAND_FREE_TEXT,
  involvedProviders,
  providerAccessEndsAt,
  providerView,
  problem,
  trajectoryInputProblems,
  trajectoryWorkflowId,
  type CommandType,
  type Problem,
  type ProviderTrajectoryView,
  type TrajectoryInput,
} from '@cjg/domain';
import {
  MunicipalityCodeKey,
  ProviderAgbCodesKey,
  trajectoryStartSearchAttributes,
} from '@cjg/temporal';
import {
  commandUpdates,
  TRAJECTORY_WORKFLOW_TYPE,
  trajectoryStateQuery,
  type TrajectoryView,
} from '@cjg/workflows/trajectory.definitions';
import type { Principal } from '../auth/principal';
import { Filter, iso, queryPage } from '../common/page-query';
import { API_CONFIG, type ApiConfig } from '../config';
import type { Caller, HttpAnswer } from '../idempotency/idempotency.interceptor';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { assertInScope, assertMaySee } from '../processes/process-access';
import {
  ProcessService,
  type CommandBody,
  type PreparedCommand,
} from '../processes/process.service';
import { keptViews } from '../processes/kept-views';
import { RegistryService } from '../registry/registry.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { describeAttributes } from '../temporal/workflow-commands';
import { CaseTextsService } from '../texts/case-texts.service';
import type {
  ListTrajectoriesQueryDto,
  TrajectoryPageDto,
  TrajectoryStartedDto,
} from './dto/trajectory.dto';
import { commandRefusal, TRAJECTORY_ACCESS, type TrajectoryAccessFacts } from './trajectory.access';

const SORT_COLUMNS = {
  caseNumber: 'case_number',
  startedAt: 'started_at',
  updatedAt: 'updated_at',
  nextDueAt: 'next_due_at',
} as const;

/** The trajectory as the API runs it: one workflow per case number (processes/process.service.ts). */
const TRAJECTORY = {
  noun: 'trajectory',
  workflowType: TRAJECTORY_WORKFLOW_TYPE,
  workflowId: trajectoryWorkflowId,
  stateQuery: trajectoryStateQuery,
  updates: commandUpdates,
  notFound: (caseNumber: string) => `No trajectory with case number ${caseNumber}`,
  access: TRAJECTORY_ACCESS,
};

@Injectable()
export class TrajectoriesService extends ProcessService<CommandType, TrajectoryView, CaseView> {
  constructor(
    @Inject(TEMPORAL_CLIENT) client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    idempotency: IdempotencyService,
    private readonly texts: CaseTextsService,
    private readonly registry: RegistryService,
  ) {
    super(TRAJECTORY, client, idempotency, config.temporal.taskQueue, keptViews(dataSource));
  }

  /**
   * Starts the trajectory of a case once. A second start with the same case number starts
   * nothing: it answers with the existing one (`created: false`), or 409 when the request
   * contradicts it. Only coordinators start, in their own municipalities.
   */
  async start(caller: Caller, input: TrajectoryInput): Promise<HttpAnswer<TrajectoryStartedDto>> {
    const { principal } = caller;
    assertInScope(principal, input.municipalityCode);
    const workflowId = trajectoryWorkflowId(input.caseNumber);
    return this.startOnce(
      caller,
      input,
      () => `/trajectories/${input.caseNumber}`,
      async () => {
        const problems = trajectoryInputProblems(input, new Date());
        if (problems.length > 0) throw new UnprocessableEntityException(problems);
        await this.assertRegistered(input.coordinatorId, principal, input.clientId);
        const created = await this.startWorkflow(
          input.caseNumber,
          [{ ...input, policy: this.config.policy }],
          trajectoryStartSearchAttributes(input),
          (existing) =>
            existing.municipalityCode !== input.municipalityCode ||
            existing.clientId !== input.clientId
              ? `Case ${input.caseNumber} already has a trajectory for another client or municipality`
              : undefined,
        );
        return { caseNumber: input.caseNumber, workflowId, created };
      },
      workflowId,
    );
  }

  /**
   * Whether this caller may give this command on this case (COMMAND_ROLES, its scope, a
   * provider for its own AGB code only) and, for a reassignment, whether the new coordinator
   * is registered.
   */
  protected async authorize(
    principal: Principal,
    caseNumber: string,
    type: CommandType,
    body: CommandBody,
  ): Promise<void> {
    const facts = await this.accessFacts(caseNumber, principal);
    const refusal = commandRefusal(principal, type, facts, body.agbCode);
    if (refusal) throw new ForbiddenException(refusal);
    if (type === 'reassignCoordinator') await this.assertRegistered(String(body.coordinatorId));
    if (type === 'signOffPlan') await this.assertProfessional(String(body.professionalId));
  }

  /** 002 §3.4: plan deel 1 is signed off by a registered BPP or gedragswetenschapper only. */
  private async assertProfessional(professionalId: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM professional WHERE id = $1',
      [professionalId],
    );
    if (rows.length === 0) {
      throw new UnprocessableEntityException([
        problem(
          'not-registered',
          `professionalId ${professionalId} is not a registered professional (BPP or gedragswetenschapper with an SKJ or BIG registration)`,
        ),
      ]);
    }
  }

  /**
   * The command's free texts (COMMAND_FREE_TEXT) are stored first and the update carries their
   * ids; a command refused for good leaves no text behind. (Timed out: the update may still be
   * applied, so they stay; retention removes them with the case either way.)
   */
  protected override async prepare(
    principal: Principal,
    caseNumber: string,
    type: CommandType,
    body: CommandBody,
  ): Promise<PreparedCommand<TrajectoryView>> {
    const { data, textIds } = await this.texts.store(
      caseNumber,
      COMMAND_FREE_TEXT[type] ?? [],
      body,
      principal,
    );
    return { args: data, discard: () => this.texts.discard(textIds) };
  }

  /**
   * A view as this caller may see it, with the commands of its role and the free texts read in:
   * the whole case for the CJG and ops, its own part for a provider (providerView), and nothing
   * (403) outside the caller's scope or after a provider's access ended.
   */
  protected async present(principal: Principal, view: TrajectoryView): Promise<CaseView> {
    const after = this.config.partnerAccessAfterEnd;
    const agbCode = principal.role === 'provider' ? principal.agbCode : undefined;
    assertMaySee(TRAJECTORY_ACCESS, principal, {
      municipalityCode: view.municipalityCode,
      providerAgbCodes: involvedProviders(view),
      ...(agbCode ? { accessEndsAt: providerAccessEndsAt(view, agbCode, after) } : {}),
    });
    const allowedCommands = this.commandsFor(principal, view.allowedCommands);
    const visible: CaseView = agbCode
      ? { ...providerView(view, agbCode, after), allowedCommands }
      : { view: 'case', ...view, allowedCommands };
    return this.texts.resolve(view.caseNumber, visible);
  }

  /**
   * Trajectories from the read model, narrowed to what the caller may see. A provider's rows
   * carry its own next due item and overdue (trajectory_provider_due: its intake, its end
   * evaluation, the end of its care), and its due filters and order use them: the case's own
   * are the CJG's (the Awb clock, reviews).
   */
  async list(principal: Principal, query: ListTrajectoriesQueryDto): Promise<TrajectoryPageDto> {
    const filter = new Filter();
    let from = 'trajectory';
    if (principal.role === 'coordinator' || principal.role === 'team-lead') {
      filter.withinMunicipalities(principal, query.municipalityCode);
    }
    if (principal.role === 'provider') {
      if (query.agbCode && query.agbCode !== principal.agbCode) {
        throw new ForbiddenException('a provider lists its own trajectories only');
      }
      from = `(SELECT t.case_number, t.municipality_code, t.coordinator_id, t.family_id, t.phase,
                 t.started_at, t.updated_at, t.coordinated, t.beschikking_end, t.provider_agb_codes,
                 t.closed_at, own.next_due_at, own.next_due_kind,
                 COALESCE(own.overdue, false) AS overdue
            FROM trajectory t
            LEFT JOIN trajectory_provider_due own
              ON own.case_number = t.case_number AND own.agb_code = ${filter.param(principal.agbCode)}
         ) AS trajectory`;
      filter.add('? = ANY(provider_agb_codes)', principal.agbCode);
      // Its access ends a while after the case closed and its care ended (see present()).
      filter.addAll(
        `(closed_at IS NULL OR GREATEST(closed_at, (
            SELECT max(c.stopped_on + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
              FROM trajectory_care c
             WHERE c.case_number = trajectory.case_number AND c.agb_code = ?
          )) + ?::interval > now())`,
        principal.agbCode,
        this.config.partnerAccessAfterEnd,
      );
    }
    if (query.municipalityCode) filter.add('municipality_code = ?', query.municipalityCode);
    if (query.phase) filter.add('phase = ?', query.phase);
    if (query.coordinatorId) filter.add('coordinator_id = ?', query.coordinatorId);
    if (query.agbCode) filter.add('? = ANY(provider_agb_codes)', query.agbCode);
    if (query.familyId) filter.add('family_id = ?', query.familyId);
    if (query.dueBefore)
      filter.add('next_due_at < ?', amsterdamInstant(query.dueBefore).toISOString());
    if (query.overdue !== undefined) filter.add('overdue = ?', query.overdue);
    const sort = SORT_COLUMNS[query.sort ?? 'caseNumber'];
    const order = query.order === 'desc' ? 'DESC' : 'ASC';
    // A provider sees its own part: not the family, not the other providers.
    const own = principal.role === 'provider' ? principal.agbCode : undefined;
    return queryPage(
      this.dataSource,
      {
        columns: `case_number, municipality_code, coordinator_id, family_id, phase, started_at,
                updated_at, coordinated, beschikking_end, provider_agb_codes, next_due_at,
                next_due_kind, overdue, closed_at`,
        from,
        filter,
        orderBy: `${sort} ${order} NULLS LAST, case_number ${order}`,
        page: query,
      },
      (r) => ({
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
      }),
    );
  }

  /**
   * 403 unless this caller may read the whole case (the CJG of its municipalities, ops), 404 when
   * there is none: what GET /trajectories/{caseNumber} decides, for the case's records (its
   * letters and its timeline, case-records.service.ts), which a provider never reads.
   */
  async assertMayReadCase(principal: Principal, caseNumber: string): Promise<void> {
    if (principal.role === 'provider') {
      throw new ForbiddenException('a provider reads its own part of the case only');
    }
    assertMaySee(TRAJECTORY_ACCESS, principal, await this.accessFacts(caseNumber, principal));
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

  /**
   * The coordinator must be registered, and the client registered and reached by the caller
   * (RegistryService.reaches): starting a case names a client, and a case in one's municipality
   * would otherwise bring another municipality's client into reach. Both in one round trip.
   */
  private async assertRegistered(
    coordinatorId: string,
    principal?: Principal,
    clientId?: string,
  ): Promise<void> {
    const { coordinatorKnown, reached } =
      principal && clientId
        ? await this.registry.reachesWithCoordinator(principal, clientId, coordinatorId)
        : { coordinatorKnown: await this.coordinatorKnown(coordinatorId), reached: true };
    const problems: Problem[] = [];
    if (!coordinatorKnown) {
      problems.push(
        problem('not-registered', `coordinatorId ${coordinatorId} is not a registered coordinator`),
      );
    }
    if (!reached)
      problems.push(problem('not-registered', `clientId ${clientId} is not a registered client`));
    if (problems.length > 0) throw new UnprocessableEntityException(problems);
  }

  private async coordinatorKnown(coordinatorId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM coordinator WHERE id = $1', [
      coordinatorId,
    ]);
    return rows.length > 0;
  }
}

/** What a caller is answered about one trajectory: the whole case, or a provider's part. */
export type CaseView =
  | (TrajectoryView & { view: 'case' })
  | (ProviderTrajectoryView & { allowedCommands: CommandType[] });
