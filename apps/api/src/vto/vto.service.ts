import {
  BadRequestException,
  Inject,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  problem,
  vtoInputProblems,
  vtoWorkflowId,
  type Problem,
  type VtoCommandType,
  type VtoInput,
} from '@cjg/domain';
import { CoordinatorEntity, VtoExplanationEntity } from '@cjg/persistence';
import {
  CaseKindKey,
  CaseNumberKey,
  CoordinatorIdKey,
  FamilyIdKey,
  MunicipalityCodeKey,
  ProcessStatusKey,
} from '@cjg/temporal';
import {
  VTO_CASE_KIND,
  VTO_WORKFLOW_TYPE,
  vtoCommandUpdates,
  vtoStateQuery,
  type VtoView,
} from '@cjg/workflows/vto.definitions';
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
import type {
  ListVtosQueryDto,
  ProposeVtoDto,
  VtoPageDto,
  VtoProposedDto,
  VtoStateDto,
} from './dto/vto.dto';
import { mayReadExplanation, VTO_ACCESS } from './vto.access';

/** The VTO as the API runs it (processes/process.service.ts). */
const VTO = {
  noun: 'VTO',
  workflowType: VTO_WORKFLOW_TYPE,
  workflowId: vtoWorkflowId,
  stateQuery: vtoStateQuery,
  updates: vtoCommandUpdates,
  notFound: (caseNumber: string) => `No VTO with case number ${caseNumber}`,
  access: VTO_ACCESS,
};

/** Verzoeken tot onderzoek (002 §3.6): each one a workflow, `vto-<caseNumber>`. */
@Injectable()
export class VtoService extends ProcessService<VtoCommandType, VtoView, VtoStateDto> {
  constructor(
    @Inject(TEMPORAL_CLIENT) client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) config: ApiConfig,
    idempotency: IdempotencyService,
    private readonly registry: RegistryService,
  ) {
    super(VTO, client, idempotency, config.temporal.taskQueue, keptViews(dataSource));
  }

  /**
   * Starts the VTO once and keeps its explanation in PostgreSQL. The same case number again
   * starts nothing: it answers with the existing VTO (`created: false`), or 409 when the request
   * contradicts it. Only coordinators propose, in their own municipalities.
   */
  async propose(caller: Caller, body: ProposeVtoDto): Promise<HttpAnswer<VtoProposedDto>> {
    const { principal } = caller;
    assertInScope(principal, body.municipalityCode);
    return this.startOnce(
      caller,
      body,
      () => `/vtos/${body.caseNumber}`,
      async () => {
        const input = await this.inputOf(principal, body);
        const created = await this.startWorkflow(
          input.caseNumber,
          [input],
          [
            { key: CaseKindKey, value: VTO_CASE_KIND },
            { key: CaseNumberKey, value: input.caseNumber },
            { key: MunicipalityCodeKey, value: input.municipalityCode },
            { key: CoordinatorIdKey, value: input.coordinatorId },
            { key: FamilyIdKey, value: input.familyId },
            { key: ProcessStatusKey, value: 'parents-to-inform' },
          ],
          (existing) =>
            existing.municipalityCode !== input.municipalityCode ||
            existing.clientId !== input.clientId
              ? `Case number ${input.caseNumber} is taken by a VTO for another client or municipality`
              : undefined,
        );
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
        return {
          caseNumber: input.caseNumber,
          workflowId: vtoWorkflowId(input.caseNumber),
          created,
        };
      },
    );
  }

  /**
   * The workflow's input: the link to the drang case's trajectory checked (same municipality; its
   * client and family taken over), the coordinator and client registered, the rules met.
   */
  private async inputOf(principal: Principal, body: ProposeVtoDto): Promise<VtoInput> {
    const problems: Problem[] = [];
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
        problems.push(
          problem('not-registered', `no trajectory with case number ${body.trajectoryCaseNumber}`),
        );
      } else {
        if (trajectory.municipality_code !== body.municipalityCode)
          problems.push(
            problem(
              'does-not-match',
              `trajectory ${body.trajectoryCaseNumber} belongs to another municipality than ${body.municipalityCode}`,
            ),
          );
        if (clientId && clientId !== trajectory.client_id)
          problems.push(
            problem(
              'does-not-match',
              `clientId is not the client of trajectory ${body.trajectoryCaseNumber}`,
            ),
          );
        if (familyId && trajectory.family_id && familyId !== trajectory.family_id)
          problems.push(
            problem(
              'does-not-match',
              `familyId is not the family of trajectory ${body.trajectoryCaseNumber}`,
            ),
          );
        clientId ??= trajectory.client_id;
        familyId ??= trajectory.family_id ?? undefined;
      }
    } else {
      const missing = (['clientId', 'familyId'] as const).filter((field) => !body[field]);
      if (missing.length > 0) {
        throw new BadRequestException(
          missing.map((field) =>
            problem('required', `${field} is required without trajectoryCaseNumber`),
          ),
        );
      }
    }
    if (problems.length === 0 && !familyId)
      problems.push(
        problem('required', `trajectory ${body.trajectoryCaseNumber} has no family: give familyId`),
      );
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
      problems.push(
        problem(
          'not-registered',
          `coordinatorId ${body.coordinatorId} is not a registered coordinator`,
        ),
      );
    // Registered, and reached by this coordinator: naming a client does not bring it into reach.
    if (clientId && !(await this.registry.reaches(principal, clientId)))
      problems.push(problem('not-registered', `clientId ${clientId} is not a registered client`));
    if (problems.length > 0) throw new UnprocessableEntityException(problems);
    return input;
  }

  /** Whether this caller may give a command to this VTO: its municipality. */
  protected async authorize(principal: Principal, caseNumber: string): Promise<void> {
    assertMaySee(VTO_ACCESS, principal, await this.state(caseNumber));
  }

  /** The update records who gave the command. */
  protected override prepare(
    principal: Principal,
    _caseNumber: string,
    _type: VtoCommandType,
    body: CommandBody,
  ): Promise<PreparedCommand<VtoView>> {
    return Promise.resolve({ args: { ...body, recordedBy: principal.sub } });
  }

  /** A view as this caller may see it: in scope, with its role's commands and what it may read. */
  protected async present(principal: Principal, view: VtoView): Promise<VtoStateDto> {
    assertMaySee(VTO_ACCESS, principal, view);
    const answer: VtoStateDto = {
      ...view,
      allowedCommands: this.commandsFor(principal, view.allowedCommands),
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
    const filter = new Filter();
    if (principal.role !== 'ops') filter.withinMunicipalities(principal, query.municipalityCode);
    if (query.municipalityCode) filter.add('municipality_code = ?', query.municipalityCode);
    if (query.status) filter.add('status = ?', query.status);
    if (query.meetingDate) filter.add('meeting_date = ?', query.meetingDate);
    if (query.trajectoryCaseNumber)
      filter.add('trajectory_case_number = ?', query.trajectoryCaseNumber);
    if (query.coordinatorId) filter.add('coordinator_id = ?', query.coordinatorId);
    if (query.overdue !== undefined) filter.add('overdue = ?', query.overdue);
    return queryPage(
      this.dataSource,
      {
        columns: `case_number, municipality_code, coordinator_id, family_id, trajectory_case_number,
                status, proposed_at, to_char(parents_informed_on, 'YYYY-MM-DD') AS parents_informed_on,
                to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date, decision, next_due_at,
                next_due_kind, overdue, closed_at`,
        from: 'vto',
        filter,
        orderBy: 'proposed_at DESC, case_number',
        page: query,
      },
      (r) => ({
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
      }),
    );
  }
}
