import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
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
import type { schakeloverlegTransferWorkflow } from '@cjg/workflows';
import {
  SCHAKELOVERLEG_CASE_KIND,
  SCHAKELOVERLEG_WORKFLOW_TYPE,
  transferCommandUpdates,
  transferStateQuery,
  type TransferCommandResult,
} from '@cjg/workflows/schakeloverleg.definitions';
import { accessEnded, PARTNER_ACCESS_ENDED } from '../auth/access';
import type { Principal, Role } from '../auth/principal';
import { API_CONFIG, type ApiConfig } from '../config';
import {
  IdempotencyService,
  requestHash,
  type IdempotentAnswer,
} from '../idempotency/idempotency.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import {
  giveUpdate,
  queryState,
  viewAfterCommand,
  WRITE_DEADLINE_MS,
} from '../temporal/workflow-commands';
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

/**
 * Who gives which transfer command: the CJG (a coordinator or team lead of the municipality)
 * plans the Schakeloverleg and records its outcome; the GI that proposed it changes the measure's
 * end date or withdraws it. Ops read only.
 */
export const TRANSFER_COMMAND_ROLES: Record<TransferCommandType, readonly Role[]> = {
  plan: ['coordinator', 'team-lead'],
  recordOutcome: ['coordinator', 'team-lead'],
  changeMeasureEnd: ['gi'],
  withdraw: ['gi'],
};

/** What decides access to one transfer. */
export interface TransferAccessFacts {
  municipalityCode: string;
  organisationId: string;
}

/** Whether the principal may read this transfer: its GI, the CJG of its municipality, ops. */
export function canSeeTransfer(principal: Principal, facts: TransferAccessFacts): boolean {
  switch (principal.role) {
    case 'ops':
      return true;
    case 'coordinator':
    case 'team-lead':
      return principal.municipalities.includes(facts.municipalityCode);
    case 'gi':
      return principal.organisationId === facts.organisationId;
    default:
      return false;
  }
}

/** What a caller is answered about a transfer: the whole of it, or the GI's own part. */
export type TransferAnswer =
  | (TransferView & { view: 'case' })
  | (ReturnType<typeof giPartView<TransferView>> & { allowedCommands: TransferCommandType[] });

function outOfScope(principal: Principal): string {
  return principal.role === 'gi'
    ? 'this transfer was proposed by another organisation'
    : 'the transfer belongs to a municipality outside the token scope';
}

/** Schakeloverleg transfers (000): each one a workflow, `schakeloverleg-<transferId>`. */
@Injectable()
export class SchakeloverlegService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(SCHAKELOVERLEG_CONFIG) private readonly schakeloverleg: SchakeloverlegConfig,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * A GI proposes a transfer for its own organisation, once per reference: the same reference
   * again starts nothing (`created: false`), or answers 409 when it contradicts the first.
   */
  async propose(
    principal: Principal,
    body: ProposeTransferDto,
    key: string | undefined,
  ): Promise<IdempotentAnswer<TransferProposedDto>> {
    const organisationId = principal.organisationId as string;
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
    return this.idempotency.start(
      principal,
      key,
      requestHash('POST', '/transfers', body),
      async () => ({
        transferId: input.transferId,
        workflowId,
        created: await this.startOnce(input),
      }),
      workflowId,
    );
  }

  private async startOnce(input: TransferInput): Promise<boolean> {
    const problems = await this.registrationProblems(input);
    const timing = transferTimingProblems(input, new Date());
    if (problems.length + timing.length > 0) {
      // A repeated proposal is answered as such, even once its end date has come closer.
      if (timing.length > 0 && problems.length === 0 && (await this.exists(input.transferId)))
        return this.sameAsExisting(input);
      throw new UnprocessableEntityException([...problems, ...timing]);
    }
    try {
      await this.client.connection.withDeadline(Date.now() + WRITE_DEADLINE_MS, () =>
        this.client.workflow.start<typeof schakeloverlegTransferWorkflow>(
          SCHAKELOVERLEG_WORKFLOW_TYPE,
          {
            workflowId: transferWorkflowId(input.transferId),
            taskQueue: this.config.temporal.taskQueue,
            args: [input],
            // A GI's reference names one transfer forever, also after it has ended.
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            typedSearchAttributes: [
              { key: CaseKindKey, value: SCHAKELOVERLEG_CASE_KIND },
              { key: ProcessStatusKey, value: 'proposed' },
              { key: OrganisationIdKey, value: input.organisationId },
              { key: MunicipalityCodeKey, value: input.municipalityCode },
              { key: FamilyIdKey, value: input.familyId },
              // The registry's need-to-know: the client has a case in this municipality.
              { key: ClientIdKey, value: input.clientId },
            ],
          },
        ),
      );
      return true;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return this.sameAsExisting(input);
  }

  private async sameAsExisting(input: TransferInput): Promise<false> {
    const existing = await this.state(input.transferId);
    if (
      existing.municipalityCode !== input.municipalityCode ||
      existing.clientId !== input.clientId ||
      existing.familyId !== input.familyId ||
      existing.measure !== input.measure
    ) {
      throw new ConflictException(
        `Reference ${input.reference} already names a transfer of another client, family, municipality or measure`,
      );
    }
    return false;
  }

  /** The GI must be registered as a GI (its letters), the providers must be registered. */
  private async registrationProblems(input: TransferInput): Promise<string[]> {
    const problems: string[] = [];
    const organisation = await this.dataSource
      .getRepository(PartnerOrganisationEntity)
      .findOneBy({ id: input.organisationId });
    if (organisation?.kind !== 'gi') {
      problems.push(
        `organisation ${input.organisationId} is not registered as a GI (ops: PUT /organisations/${input.organisationId})`,
      );
    }
    const agbCodes = [...new Set(input.care.map((c) => c.agbCode))];
    if (agbCodes.length > 0) {
      const known = await this.dataSource
        .getRepository(ProviderEntity)
        .findBy({ agbCode: In(agbCodes) });
      for (const agbCode of agbCodes) {
        if (!known.some((p) => p.agbCode === agbCode))
          problems.push(`provider ${agbCode} is not registered (PUT /providers/${agbCode})`);
      }
    }
    return problems;
  }

  /** The transfer, for a caller allowed to see it; `allowedCommands` lists what it can give now. */
  async get(principal: Principal, transferId: string): Promise<TransferAnswer> {
    this.assertOwnOrganisation(principal, transferId);
    return this.present(principal, await this.state(transferId));
  }

  /**
   * A view as this caller may see it: in scope, with the commands of its role; for the GI its own
   * part (giPartView), until its access ended after the close.
   */
  private present(principal: Principal, view: TransferView): TransferAnswer {
    if (!canSeeTransfer(principal, view)) throw new ForbiddenException(outOfScope(principal));
    const after = this.config.partnerAccessAfterEnd;
    const partner = principal.role === 'gi';
    if (partner && accessEnded(view.closedAt, after)) {
      throw new ForbiddenException(PARTNER_ACCESS_ENDED);
    }
    const allowedCommands = view.allowedCommands.filter((type) =>
      TRANSFER_COMMAND_ROLES[type].includes(principal.role),
    );
    return partner
      ? { ...giPartView(view, after), allowedCommands }
      : { view: 'case', ...view, allowedCommands };
  }

  /**
   * Gives a command as a workflow update, after checking that this caller may. The workflow's
   * validator judges it against the transfer: 409 (state) or 422 (data), never in the history.
   */
  async command(
    principal: Principal,
    transferId: string,
    type: TransferCommandType,
    body: object,
    path: string,
    key: string | undefined,
  ): Promise<IdempotentAnswer<TransferAnswer>> {
    if (!TRANSFER_COMMAND_ROLES[type].includes(principal.role))
      throw new ForbiddenException(`the ${principal.role} role may not give ${type}`);
    this.assertOwnOrganisation(principal, transferId);
    const view = await this.state(transferId);
    if (!canSeeTransfer(principal, view)) throw new ForbiddenException(outOfScope(principal));
    return this.idempotency.command(principal, key, requestHash('POST', path, body), {
      workflowId: transferWorkflowId(transferId),
      give: async (updateId) => {
        await this.assertReady(view, type, body);
        const result = await this.update(transferId, type, body, updateId);
        const after = await viewAfterCommand(result, () => this.state(transferId));
        return this.present(principal, after);
      },
      view: async () => this.present(principal, await this.state(transferId)),
    });
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
    const problems: string[] = [];
    const registered = async (coordinatorId: string | undefined) => {
      if (
        coordinatorId &&
        !(await this.dataSource.getRepository(CoordinatorEntity).existsBy({ id: coordinatorId }))
      )
        problems.push(`coordinatorId ${coordinatorId} is not a registered coordinator`);
      if (!(await this.dataSource.getRepository(ClientEntity).existsBy({ id: view.clientId })))
        problems.push(
          `clientId ${view.clientId} is not a registered client: the CJG registers the family first (PUT /clients/${view.clientId})`,
        );
    };
    if (type === 'plan') await registered((body as { coordinatorId?: string }).coordinatorId);
    if (type === 'recordOutcome' && (body as { agreed?: unknown }).agreed === true) {
      await registered(view.coordinatorId);
      const caseNumber = (body as { caseNumber: string }).caseNumber;
      if (await this.trajectoryExists(caseNumber))
        problems.push(`caseNumber ${caseNumber} already names a trajectory; give a new one`);
    }
    if (problems.length > 0) throw new UnprocessableEntityException(problems);
  }

  /** Transfers from Temporal's visibility store, narrowed to what the caller may see. */
  async list(principal: Principal, query: ListTransfersQueryDto): Promise<TransferListDto> {
    // Every value below is a validated code or id (digits, a-z, -, _), safe inside quotes.
    const where = [`CaseKind = '${SCHAKELOVERLEG_CASE_KIND}'`];
    if (principal.role === 'coordinator' || principal.role === 'team-lead') {
      if (query.municipalityCode && !principal.municipalities.includes(query.municipalityCode)) {
        throw new ForbiddenException(
          `municipality ${query.municipalityCode} is outside the token scope`,
        );
      }
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
      throw new ForbiddenException(outOfScope(principal));
  }

  /** Sends one command update; refusals become 409/422, an unknown transfer 404. */
  private async update(
    transferId: string,
    type: TransferCommandType,
    body: object,
    updateId?: string,
  ): Promise<TransferCommandResult> {
    const handle = this.client.workflow.getHandle(transferWorkflowId(transferId));
    const update = transferCommandUpdates[type] as unknown as UpdateDefinition<
      TransferCommandResult,
      [object]
    >;
    return giveUpdate(this.client, handle, update, body, {
      updateId,
      notFound: `No transfer ${transferId}`,
      ended: `The transfer ${transferId} has ended; it takes no more commands`,
    });
  }

  /** The transfer's state: a running one answers its query, a closed one its result. */
  private async state(transferId: string): Promise<TransferView> {
    const handle = this.client.workflow.getHandle<typeof schakeloverlegTransferWorkflow>(
      transferWorkflowId(transferId),
    );
    return queryState(this.client, handle, transferStateQuery, {
      notFound: `No transfer ${transferId}`,
    });
  }

  private async exists(transferId: string): Promise<boolean> {
    try {
      await this.client.workflow.getHandle(transferWorkflowId(transferId)).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  private async trajectoryExists(caseNumber: string): Promise<boolean> {
    try {
      await this.client.workflow.getHandle(trajectoryWorkflowId(caseNumber)).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }
}
