import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { In, type DataSource } from 'typeorm';
import {
  giPartView,
  parseTransferId,
  subtractDuration,
  trajectoryWorkflowId,
  transferIdFromWorkflowId,
  transferIdOf,
  transferInputProblems,
  transferTimingProblems,
  transferWorkflowId,
  type TransferCommandType,
  type TransferInput,
  type TransferView,
  problem,
  type Problem,
} from '@cjg/domain';
import {
  ClientEntity,
  CoordinatorEntity,
  PartnerOrganisationEntity,
  ProviderEntity,
} from '@cjg/persistence';
import {
  CaseKindKey,
  CaseNumberKey,
  ClientIdKey,
  CoordinatorIdKey,
  FamilyIdKey,
  MunicipalityCodeKey,
  NextDueAtKey,
  OrganisationIdKey,
  OverdueKey,
  ProcessStatusKey,
} from '@cjg/temporal';
import {
  SCHAKELOVERLEG_CASE_KIND,
  SCHAKELOVERLEG_WORKFLOW_TYPE,
  transferCommandUpdates,
  transferStateQuery,
} from '@cjg/workflows/schakeloverleg.definitions';
import type { Principal } from '../auth/principal';
import { API_CONFIG, type ApiConfig } from '../config';
import type { Caller, HttpAnswer } from '../idempotency/idempotency.interceptor';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { assertInScope, assertMaySee, partOrWhole } from '../processes/process-access';
import {
  ProcessService,
  type CommandBody,
  type PreparedCommand,
} from '../processes/process.service';
import { keptViews } from '../processes/kept-views';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { workflowExists } from '../temporal/workflow-commands';
import type {
  ListTransfersQueryDto,
  ProposeTransferDto,
  TransferListDto,
  TransferProposedDto,
  TransferSummaryDto,
} from './dto/transfer.dto';
import {
  forMunicipality,
  SCHAKELOVERLEG_CONFIG,
  type SchakeloverlegConfig,
} from './schakeloverleg.config';
import { TRANSFER_ACCESS } from './transfer.access';
import { coded } from '../common/error-codes';

/** What a caller is answered about a transfer: the whole of it, or the GI's own part. */
export type TransferAnswer =
  | (TransferView & { view: 'case' })
  | (ReturnType<typeof giPartView<TransferView>> & { allowedCommands: TransferCommandType[] });

/** The transfer as the API runs it (processes/process.service.ts). */
const TRANSFER = {
  noun: 'transfer',
  workflowType: SCHAKELOVERLEG_WORKFLOW_TYPE,
  workflowId: transferWorkflowId,
  stateQuery: transferStateQuery,
  updates: transferCommandUpdates,
  notFound: (transferId: string) => `No transfer ${transferId}`,
  access: TRANSFER_ACCESS,
};

/** Schakeloverleg transfers (000): each one a workflow, `schakeloverleg-<transferId>`. */
@Injectable()
export class SchakeloverlegService extends ProcessService<
  TransferCommandType,
  TransferView,
  TransferAnswer,
  TransferView
> {
  constructor(
    @Inject(TEMPORAL_CLIENT) client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(SCHAKELOVERLEG_CONFIG) private readonly schakeloverleg: SchakeloverlegConfig,
    idempotency: IdempotencyService,
  ) {
    super(TRANSFER, client, idempotency, config.temporal.taskQueue, keptViews(dataSource));
  }

  /**
   * A GI proposes a transfer for its own organisation, once per reference: the same reference
   * again starts nothing (`created: false`), or answers 409 when it contradicts the first.
   */
  async propose(
    caller: Caller,
    body: ProposeTransferDto,
  ): Promise<HttpAnswer<TransferProposedDto>> {
    const organisationId = caller.principal.organisationId as string;
    const input: TransferInput = {
      transferId: transferIdOf(organisationId, body.reference),
      organisationId,
      reference: body.reference,
      municipalityCode: body.municipalityCode,
      familyId: body.familyId,
      clientId: body.clientId,
      measure: body.measure,
      measureEndDate: body.measureEndDate,
      care: body.care.map((c) => ({ agbCode: c.agbCode, productCategory: c.productCategory })),
      policy: this.schakeloverleg.policy,
      trajectoryPolicy: this.config.policy,
    };
    const contactId = forMunicipality(this.schakeloverleg.contacts, input.municipalityCode);
    const escalateToId = forMunicipality(this.schakeloverleg.escalateTo, input.municipalityCode);
    if (contactId) input.contactId = contactId;
    if (escalateToId) input.escalateToId = escalateToId;
    const malformed = transferInputProblems(input);
    if (malformed.length > 0) throw new BadRequestException(malformed);
    const workflowId = transferWorkflowId(input.transferId);
    return this.startOnce(
      caller,
      body,
      (answer) => `/transfers/${answer.transferId}`,
      async () => ({
        transferId: input.transferId,
        workflowId,
        created: await this.startTransfer(input),
      }),
      workflowId,
    );
  }

  private async startTransfer(input: TransferInput): Promise<boolean> {
    const problems = await this.registrationProblems(input);
    const timing = transferTimingProblems(input, new Date());
    if (problems.length + timing.length > 0) {
      // A repeated proposal is answered as such, even once its end date has come closer.
      if (
        timing.length > 0 &&
        problems.length === 0 &&
        (await workflowExists(this.client, transferWorkflowId(input.transferId)))
      )
        return this.sameAsExisting(input);
      throw new UnprocessableEntityException([...problems, ...timing]);
    }
    return this.startWorkflow(
      input.transferId,
      [input],
      [
        { key: CaseKindKey, value: SCHAKELOVERLEG_CASE_KIND },
        { key: ProcessStatusKey, value: 'proposed' },
        { key: OrganisationIdKey, value: input.organisationId },
        { key: MunicipalityCodeKey, value: input.municipalityCode },
        { key: FamilyIdKey, value: input.familyId },
        // The registry's need-to-know: the client has a case in this municipality.
        { key: ClientIdKey, value: input.clientId },
      ],
      (existing) => conflictWith(existing, input),
    );
  }

  private async sameAsExisting(input: TransferInput): Promise<false> {
    const conflict = conflictWith(await this.state(input.transferId), input);
    if (conflict) throw new ConflictException(coded('already-exists', conflict));
    return false;
  }

  /** The GI must be registered as a GI (its letters), the providers must be registered. */
  private async registrationProblems(input: TransferInput): Promise<Problem[]> {
    const problems: Problem[] = [];
    const organisation = await this.dataSource
      .getRepository(PartnerOrganisationEntity)
      .findOneBy({ id: input.organisationId });
    if (organisation?.kind !== 'gi') {
      problems.push(
        problem(
          'not-registered',
          `organisation ${input.organisationId} is not registered as a GI (ops: PUT /organisations/${input.organisationId})`,
        ),
      );
    }
    const agbCodes = [...new Set(input.care.map((c) => c.agbCode))];
    if (agbCodes.length > 0) {
      const known = await this.dataSource
        .getRepository(ProviderEntity)
        .findBy({ agbCode: In(agbCodes) });
      for (const agbCode of agbCodes) {
        if (!known.some((p) => p.agbCode === agbCode))
          problems.push(
            problem(
              'not-registered',
              `provider ${agbCode} is not registered (PUT /providers/${agbCode})`,
            ),
          );
      }
    }
    return problems;
  }

  /** A GI reads its own transfers only; the id says whose it is. */
  protected override authorizeRead(principal: Principal, transferId: string): Promise<void> {
    this.assertOwnOrganisation(principal, transferId);
    return Promise.resolve();
  }

  /**
   * A view as this caller may see it: in scope, with the commands of its role; for the GI its own
   * part (giPartView), until its access ended after the close.
   */
  protected present(principal: Principal, view: TransferView): TransferAnswer {
    assertMaySee(TRANSFER_ACCESS, principal, view);
    const after = this.config.partnerAccessAfterEnd;
    return {
      ...partOrWhole(principal, 'gi', view, after, giPartView),
      allowedCommands: this.commandsFor(principal, view.allowedCommands),
    };
  }

  /** Whether this caller may give a command to this transfer: its scope. */
  protected async authorize(principal: Principal, transferId: string): Promise<TransferView> {
    this.assertOwnOrganisation(principal, transferId);
    const view = await this.state(transferId);
    assertMaySee(TRANSFER_ACCESS, principal, view);
    return view;
  }

  /** The workflow's validator judges the command against the transfer; this what it cannot. */
  protected override async prepare(
    _principal: Principal,
    _transferId: string,
    type: TransferCommandType,
    body: CommandBody,
    view: TransferView,
  ): Promise<PreparedCommand<TransferView>> {
    await this.assertReady(view, type, body);
    return { args: body };
  }

  /**
   * What the workflow cannot check: the people it will write to are registered before the family
   * is invited, and the trajectory it will start can start (registered coordinator and client,
   * a case number not yet in use).
   */
  private async assertReady(
    view: TransferView,
    type: TransferCommandType,
    body: object,
  ): Promise<void> {
    const problems: Problem[] = [];
    const registered = async (coordinatorId: string | undefined) => {
      if (
        coordinatorId &&
        !(await this.dataSource.getRepository(CoordinatorEntity).existsBy({ id: coordinatorId }))
      )
        problems.push(
          problem(
            'not-registered',
            `coordinatorId ${coordinatorId} is not a registered coordinator`,
          ),
        );
      if (!(await this.dataSource.getRepository(ClientEntity).existsBy({ id: view.clientId })))
        problems.push(
          problem(
            'not-registered',
            `clientId ${view.clientId} is not a registered client: the CJG registers the family first (PUT /clients/${view.clientId})`,
          ),
        );
    };
    if (type === 'plan') await registered((body as { coordinatorId?: string }).coordinatorId);
    if (type === 'recordOutcome' && (body as { agreed?: unknown }).agreed === true) {
      await registered(view.coordinatorId);
      const caseNumber = (body as { caseNumber: string }).caseNumber;
      if (await workflowExists(this.client, trajectoryWorkflowId(caseNumber)))
        problems.push(
          problem(
            'already-exists',
            `caseNumber ${caseNumber} already names a trajectory; give a new one`,
          ),
        );
    }
    if (problems.length > 0) throw new UnprocessableEntityException(problems);
  }

  /** Transfers from Temporal's visibility store, narrowed to what the caller may see. */
  async list(principal: Principal, query: ListTransfersQueryDto): Promise<TransferListDto> {
    // Every value below is a validated code or id (digits, a-z, -, _), safe inside quotes.
    const where = [`CaseKind = '${SCHAKELOVERLEG_CASE_KIND}'`];
    if (principal.role === 'coordinator' || principal.role === 'team-lead') {
      assertInScope(principal, query.municipalityCode || undefined);
      where.push(
        `MunicipalityCode IN (${principal.municipalities.map((c) => `'${c}'`).join(', ')})`,
      );
    }
    if (principal.role === 'gi') {
      where.push(`OrganisationId = '${principal.organisationId}'`);
      // Its access ends a while after the transfer closed (PARTNER_ACCESS_AFTER_END).
      const since = subtractDuration(new Date(), this.config.partnerAccessAfterEnd);
      where.push(`(ExecutionStatus = 'Running' OR CloseTime > '${since.toISOString()}')`);
    }
    if (query.municipalityCode) where.push(`MunicipalityCode = '${query.municipalityCode}'`);
    if (query.status) where.push(`ProcessStatus = '${query.status}'`);
    if (query.overdue !== undefined) where.push(`Overdue = ${query.overdue}`);
    const limit = query.limit ?? 25;
    const items: TransferSummaryDto[] = [];
    for await (const execution of this.client.workflow.list({
      query: where.join(' AND '),
      pageSize: limit,
    })) {
      const transferId = transferIdFromWorkflowId(execution.workflowId);
      if (!transferId) continue;
      const attributes = execution.typedSearchAttributes;
      items.push({
        transferId,
        status: attributes.get(ProcessStatusKey) ?? 'proposed',
        municipalityCode: attributes.get(MunicipalityCodeKey) ?? '',
        organisationId: attributes.get(OrganisationIdKey) ?? '',
        coordinatorId: attributes.get(CoordinatorIdKey) ?? null,
        caseNumber: attributes.get(CaseNumberKey) ?? null,
        nextDueAt: attributes.get(NextDueAtKey)?.toISOString() ?? null,
        overdue: attributes.get(OverdueKey) ?? false,
        proposedAt: execution.startTime.toISOString(),
        closedAt: execution.closeTime?.toISOString() ?? null,
      });
      if (items.length >= limit) break;
    }
    return { items };
  }

  /** A GI reads and acts on its own transfers only; the id says whose it is. */
  private assertOwnOrganisation(principal: Principal, transferId: string): void {
    if (
      principal.role === 'gi' &&
      parseTransferId(transferId)?.organisationId !== principal.organisationId
    )
      throw new ForbiddenException(TRANSFER_ACCESS.outOfScope(principal));
  }
}

/** What makes an existing transfer another one than the one proposed again (409). */
function conflictWith(existing: TransferView, input: TransferInput): string | undefined {
  return existing.municipalityCode !== input.municipalityCode ||
    existing.clientId !== input.clientId ||
    existing.familyId !== input.familyId ||
    existing.measure !== input.measure
    ? `Reference ${input.reference} already names a transfer of another client, family, municipality or measure`
    : undefined;
}
