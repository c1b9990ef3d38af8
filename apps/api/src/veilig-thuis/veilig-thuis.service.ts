import { randomUUID } from 'node:crypto';
import {
  ConflictException,
  ForbiddenException,
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
import type { UpdateDefinition } from '@temporalio/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  amsterdamDate,
  handoverWorkflowId,
  resolveVeiligThuisPolicy,
  trajectoryWorkflowId,
  veiligThuisPartView,
  type HandoverCommandType,
  type HandoverInput,
  type HandoverTextKind,
  type TextRef,
  type VeiligThuisPolicy,
} from '@cjg/domain';
import {
  CaseKindKey,
  MunicipalityCodeKey,
  OrganisationIdKey,
  ProcessStatusKey,
} from '@cjg/temporal';
import type { veiligThuisHandoverWorkflow } from '@cjg/workflows';
import {
  HANDOVER_COMMAND_REFUSED,
  handoverStateQuery,
  handoverUpdates,
  VEILIG_THUIS_CASE_KIND,
  VEILIG_THUIS_HANDOVER_WORKFLOW_TYPE,
  type HandoverCommandResult,
  type HandoverView,
} from '@cjg/workflows/veilig-thuis.definitions';
import { accessEnded, PARTNER_ACCESS_ENDED } from '../auth/access';
import type { Principal, Role } from '../auth/principal';
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
  isFinalRefusal,
  queryState,
  viewAfterCommand,
  WRITE_DEADLINE_MS,
} from '../temporal/workflow-commands';
import type {
  CreateHandoverDto,
  HandoverCreatedDto,
  HandoverDto,
  HandoverLeadDto,
  HandoverPageDto,
  ListHandoversQueryDto,
} from './dto/handover.dto';

/** The handover's policy (deadlines in working days), read once at boot. */
export const VEILIG_THUIS_POLICY = Symbol('VEILIG_THUIS_POLICY');

/** `VEILIG_THUIS_POLICY`: a JSON object of overrides on the defaults; a bad value stops the API. */
export function veiligThuisPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): VeiligThuisPolicy {
  if (!env.VEILIG_THUIS_POLICY) return resolveVeiligThuisPolicy();
  let overrides: object;
  try {
    overrides = JSON.parse(env.VEILIG_THUIS_POLICY) as object;
  } catch {
    throw new Error(
      'VEILIG_THUIS_POLICY must be a JSON object, e.g. {"acceptWithinWorkingDays":{"regular":3}}',
    );
  }
  return resolveVeiligThuisPolicy(overrides);
}

/**
 * Who gives which command (the route's @Roles say the same; this list also narrows the
 * `allowedCommands` a caller sees). Veilig Thuis hands over and may withdraw; the CJG's team
 * lead or a coordinator accepts or refuses; the coordinators run the rest. Ops read only.
 */
export const HANDOVER_COMMAND_ROLES: Record<HandoverCommandType, readonly Role[]> = {
  accept: ['coordinator', 'team-lead'],
  refuse: ['coordinator', 'team-lead'],
  planMeeting: ['coordinator'],
  recordMeeting: ['coordinator'],
  startTrajectory: ['coordinator'],
  closeWithBasicSupport: ['coordinator'],
  withdraw: ['veilig-thuis'],
};

interface HandoverRow {
  id: string;
  organisation_id: string;
  reference: string;
  municipality_code: string;
  urgency: string;
  handover_type: string;
}

/** Veilig Thuis warm handovers: each one a workflow, `veilig-thuis-handover-<handoverId>`. */
@Injectable()
export class VeiligThuisService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(VEILIG_THUIS_POLICY) private readonly policy: VeiligThuisPolicy,
    private readonly idempotency: IdempotencyService,
    private readonly registry: RegistryService,
  ) {}

  /**
   * Veilig Thuis hands a case over, once per reference: the row and the texts are written in one
   * transaction, then the workflow starts. The same reference again (a retry, or the API having
   * died before the start) starts the same handover at most once and answers `created: false`.
   */
  async create(
    principal: Principal,
    body: CreateHandoverDto,
    key: string | undefined,
  ): Promise<IdempotentAnswer<HandoverCreatedDto>> {
    const organisationId = principal.organisationId!;
    const partners: Array<{ kind: string }> = await this.dataSource.query(
      'SELECT kind FROM partner_organisation WHERE id = $1',
      [organisationId],
    );
    if (partners[0]?.kind !== 'veilig-thuis') {
      throw new UnprocessableEntityException([
        `organisation ${organisationId} is not registered as a Veilig Thuis organisation (ops register it with PUT /organisations/{id})`,
      ]);
    }
    const lead = await this.handoverLead(body.municipalityCode);
    if (!lead) {
      throw new UnprocessableEntityException([
        `the CJG has no handover lead for municipality ${body.municipalityCode} (its team lead or ops register one with PUT /handover-leads/${body.municipalityCode})`,
      ]);
    }
    return this.idempotency.start(
      principal,
      key,
      requestHash('POST', '/handovers', body),
      async () => {
        const { row, texts } = await this.register(principal, organisationId, body);
        const input: HandoverInput = {
          handoverId: row.id,
          organisationId,
          reference: row.reference,
          urgency: row.urgency as HandoverInput['urgency'],
          handoverType: row.handover_type as HandoverInput['handoverType'],
          municipalityCode: row.municipality_code,
          handoverLeadId: lead,
          safetyConditions: texts['safety-conditions']!,
          ...(texts['monitoring-agreements']
            ? { monitoringAgreements: texts['monitoring-agreements'] }
            : {}),
          policy: this.policy,
        };
        const created = await this.startOnce(input);
        return { handoverId: row.id, workflowId: handoverWorkflowId(row.id), created };
      },
    );
  }

  /** The row and texts of a handover: new, or the existing one for this reference. */
  private async register(
    principal: Principal,
    organisationId: string,
    body: CreateHandoverDto,
  ): Promise<{ row: HandoverRow; texts: Partial<Record<HandoverTextKind, TextRef>> }> {
    return this.dataSource.transaction(async (tx) => {
      const [{ no }] = (await tx.query(
        `SELECT nextval('veilig_thuis_handover_no') AS no`,
      )) as Array<{ no: string }>;
      const id = `VTH-${amsterdamDate(new Date()).slice(0, 4)}-${String(no).padStart(6, '0')}`;
      const inserted: HandoverRow[] = await tx.query(
        `INSERT INTO veilig_thuis_handover
           (id, organisation_id, reference, municipality_code, urgency, handover_type, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (organisation_id, reference) DO NOTHING
         RETURNING id, organisation_id, reference, municipality_code, urgency, handover_type`,
        [
          id,
          organisationId,
          body.reference,
          body.municipalityCode,
          body.urgency,
          body.handoverType,
          principal.sub,
        ],
      );
      if (inserted[0]) {
        const texts: Partial<Record<HandoverTextKind, TextRef>> = {
          'safety-conditions': await this.storeText(
            tx,
            id,
            'safety-conditions',
            body.safetyConditions,
            principal,
          ),
        };
        if (body.monitoringAgreements && body.monitoringAgreements.length > 0) {
          texts['monitoring-agreements'] = await this.storeText(
            tx,
            id,
            'monitoring-agreements',
            body.monitoringAgreements,
            principal,
          );
        }
        return { row: inserted[0], texts };
      }
      const [row] = (await tx.query(
        `SELECT id, organisation_id, reference, municipality_code, urgency, handover_type
           FROM veilig_thuis_handover WHERE organisation_id = $1 AND reference = $2`,
        [organisationId, body.reference],
      )) as HandoverRow[];
      if (
        row!.municipality_code !== body.municipalityCode ||
        row!.urgency !== body.urgency ||
        row!.handover_type !== body.handoverType
      ) {
        throw new ConflictException(
          `Veilig Thuis reference ${body.reference} was handed over already (${row!.id}) with another municipality, urgency or type`,
        );
      }
      const stored: Array<{ id: string; kind: HandoverTextKind; items: string[] }> = await tx.query(
        `SELECT id::text AS id, kind, items FROM veilig_thuis_handover_text
          WHERE handover_id = $1 AND kind IN ('safety-conditions', 'monitoring-agreements')
          ORDER BY created_at`,
        [row!.id],
      );
      const texts = Object.fromEntries(
        stored.map((t) => [t.kind, { textId: t.id, items: t.items.length }]),
      );
      return { row: row!, texts };
    });
  }

  private async storeText(
    tx: EntityManager | DataSource,
    handoverId: string,
    kind: HandoverTextKind,
    items: string[],
    principal: Principal,
  ): Promise<TextRef> {
    const textId = randomUUID();
    await tx.query(
      `INSERT INTO veilig_thuis_handover_text (id, handover_id, kind, items, created_by)
       VALUES ($1, $2, $3, $4, $5)`,
      [textId, handoverId, kind, JSON.stringify(items.map((item) => item.trim())), principal.sub],
    );
    return { textId, items: items.length };
  }

  private async startOnce(input: HandoverInput): Promise<boolean> {
    try {
      await this.client.connection.withDeadline(Date.now() + WRITE_DEADLINE_MS, () =>
        this.client.workflow.start<typeof veiligThuisHandoverWorkflow>(
          VEILIG_THUIS_HANDOVER_WORKFLOW_TYPE,
          {
            workflowId: handoverWorkflowId(input.handoverId),
            taskQueue: this.config.temporal.taskQueue,
            args: [input],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            typedSearchAttributes: [
              { key: CaseKindKey, value: VEILIG_THUIS_CASE_KIND },
              { key: OrganisationIdKey, value: input.organisationId },
              { key: MunicipalityCodeKey, value: input.municipalityCode },
              { key: ProcessStatusKey, value: 'received' },
            ],
          },
        ),
      );
      return true;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
      throw error;
    }
  }

  /** A handover for a caller who may see it: its state, its texts, and what it may do next. */
  async get(principal: Principal, handoverId: string): Promise<HandoverDto> {
    await this.assertAccess(principal, handoverId);
    return this.present(principal, await this.state(handoverId));
  }

  /**
   * A view for a caller allowed to see the handover: its texts and its role's commands; for
   * Veilig Thuis its own part (veiligThuisPartView), until its access ended after the close.
   */
  private async present(principal: Principal, view: HandoverView): Promise<HandoverDto> {
    const after = this.config.partnerAccessAfterEnd;
    const partner = principal.role === 'veilig-thuis';
    if (partner && accessEnded(view.closedAt, after)) {
      throw new ForbiddenException(PARTNER_ACCESS_ENDED);
    }
    return {
      ...(partner ? veiligThuisPartView(view, after) : { view: 'case' as const, ...view }),
      texts: await this.texts(view),
      allowedCommands: view.allowedCommands.filter((type) =>
        HANDOVER_COMMAND_ROLES[type].includes(principal.role),
      ),
    } as HandoverDto;
  }

  /** Handovers from the read model, narrowed to what the caller may see. */
  async list(principal: Principal, query: ListHandoversQueryDto): Promise<HandoverPageDto> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (principal.role === 'veilig-thuis') {
      add('organisation_id = ?', principal.organisationId);
      // Its access ends a while after the handover closed (PARTNER_ACCESS_AFTER_END).
      add(
        '(closed_at IS NULL OR closed_at + ?::interval > now())',
        this.config.partnerAccessAfterEnd,
      );
    }
    if (principal.role === 'coordinator' || principal.role === 'team-lead') {
      if (query.municipalityCode && !principal.municipalities.includes(query.municipalityCode)) {
        throw new ForbiddenException(
          `municipality ${query.municipalityCode} is outside the token scope`,
        );
      }
      add('municipality_code = ANY(?)', principal.municipalities);
    }
    if (query.municipalityCode) add('municipality_code = ?', query.municipalityCode);
    if (query.status) add('status = ?', query.status);
    if (query.overdue !== undefined) add('overdue = ?', query.overdue);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const limit = query.limit ?? 25;
    const offset = query.offset ?? 0;
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `SELECT id, organisation_id, reference, municipality_code, urgency, status, coordinator_id,
                accept_due_date::text AS accept_due_date, meeting_date::text AS meeting_date,
                next_due_at, next_due_kind, overdue, trajectory_case_number, created_at, closed_at
           FROM veilig_thuis_handover ${filter}
          ORDER BY next_due_at ASC NULLS LAST, created_at ASC, id ASC
          LIMIT ${limit} OFFSET ${offset}`,
        values,
      ) as Promise<Array<Record<string, unknown>>>,
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM veilig_thuis_handover ${filter}`,
        values,
      ),
    ]);
    return {
      total: (count as { total: number }).total,
      limit,
      offset,
      items: rows.map((r) => ({
        handoverId: r.id as string,
        organisationId: r.organisation_id as string,
        reference: r.reference as string,
        municipalityCode: r.municipality_code as string,
        urgency: r.urgency as HandoverDto['urgency'],
        status: r.status as HandoverDto['status'],
        coordinatorId: (r.coordinator_id as string | null) ?? null,
        acceptDueDate: (r.accept_due_date as string | null) ?? null,
        meetingDate: (r.meeting_date as string | null) ?? null,
        nextDueAt: iso(r.next_due_at),
        nextDueKind: (r.next_due_kind as HandoverDto['pendingDeadlines'][number]['kind']) ?? null,
        overdue: r.overdue as boolean,
        trajectoryCaseNumber: (r.trajectory_case_number as string | null) ?? null,
        createdAt: iso(r.created_at)!,
        closedAt: iso(r.closed_at),
      })),
    };
  }

  /**
   * Gives a command to the handover as a workflow update, after checking that this caller may
   * and that the people it names are registered. Free texts are stored first and the update
   * carries their ids; a refused command leaves no text behind. A refusal by the workflow's
   * validator answers 409 (status) or 422 (data) and never enters the history.
   */
  async command(
    principal: Principal,
    handoverId: string,
    type: HandoverCommandType,
    body: Record<string, unknown>,
    path: string,
    key: string | undefined,
  ): Promise<IdempotentAnswer<HandoverDto>> {
    await this.assertAccess(principal, handoverId);
    await this.assertRegistered(principal, type, handoverId, body);
    return this.idempotency.command(principal, key, requestHash('POST', path, body), {
      workflowId: handoverWorkflowId(handoverId),
      give: async (updateId) => {
        const args = { ...body };
        let textId: string | undefined;
        const text = TEXT_FIELDS[type];
        if (text && Array.isArray(body[text.field])) {
          const ref = await this.storeText(
            this.dataSource,
            handoverId,
            text.kind,
            body[text.field] as string[],
            principal,
          );
          textId = ref.textId;
          args[text.field] = ref;
        }
        if (type === 'startTrajectory') args.policy = this.config.policy;
        let result: HandoverCommandResult;
        try {
          result = await this.update(handoverId, type, args, updateId);
        } catch (error) {
          // Refused for good: the text has no use. (Timed out: the update may still be applied,
          // so the text stays.)
          if (textId && isFinalRefusal(error)) await this.deleteText(textId);
          throw error;
        }
        const after = await viewAfterCommand(result, () => this.state(handoverId));
        // A retry answered by an earlier update with the same key keeps the earlier text.
        if (textId) await this.dropUnreferencedText(after, textId);
        return this.present(principal, after);
      },
      view: async () => this.present(principal, await this.state(handoverId)),
    });
  }

  /** Sends one command update; refusals become 409/422, an unknown handover 404. */
  private async update(
    handoverId: string,
    type: HandoverCommandType,
    args: object,
    updateId?: string,
  ): Promise<HandoverCommandResult> {
    const handle = this.client.workflow.getHandle(handoverWorkflowId(handoverId));
    const update = handoverUpdates[type] as unknown as UpdateDefinition<
      HandoverCommandResult,
      [object]
    >;
    return giveUpdate(this.client, handle, update, args, {
      updateId,
      notFound: `No handover ${handoverId}`,
      ended: `The handover ${handoverId} has ended; it takes no more commands`,
      refusedType: HANDOVER_COMMAND_REFUSED,
    });
  }

  /** A text the accepted update did not take (a retry answered by an earlier update). */
  private async dropUnreferencedText(view: HandoverView, textId: string): Promise<void> {
    const referenced = [
      view.meeting?.held?.agreements.textId,
      view.refusal?.explanation?.textId,
    ].includes(textId);
    if (!referenced) await this.deleteText(textId);
  }

  private async deleteText(textId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM veilig_thuis_handover_text WHERE id = $1', [textId]);
  }

  /** The ids a command names must be registered: letters go to them, a trajectory needs them. */
  private async assertRegistered(
    principal: Principal,
    type: HandoverCommandType,
    handoverId: string,
    body: Record<string, unknown>,
  ): Promise<void> {
    const problems: string[] = [];
    const coordinator = async (id: string, field: string) => {
      const rows: unknown[] = await this.dataSource.query(
        'SELECT 1 FROM coordinator WHERE id = $1',
        [id],
      );
      if (rows.length === 0) problems.push(`${field} ${id} is not a registered coordinator`);
    };
    const client = async (id: string, field: string) => {
      const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM client WHERE id = $1', [
        id,
      ]);
      if (rows.length === 0) problems.push(`${field} ${id} is not a registered client`);
    };
    if (type === 'accept') await coordinator(body.coordinatorId as string, 'coordinatorId');
    // The coordinator links a client it reaches: naming one does not bring it into reach.
    if (type === 'planMeeting' && !(await this.registry.reaches(principal, String(body.clientId))))
      problems.push(`clientId ${String(body.clientId)} is not a registered client`);
    if (type === 'startTrajectory') {
      const view = await this.state(handoverId);
      if (view.coordinatorId) await coordinator(view.coordinatorId, 'the assigned coordinator');
      if (view.clientId) await client(view.clientId, 'the client');
      const caseNumber = body.caseNumber as string;
      const existing = await this.client.workflow
        .getHandle(trajectoryWorkflowId(caseNumber))
        .describe()
        .then(
          () => true,
          (error: unknown) => {
            if (error instanceof WorkflowNotFoundError) return false;
            throw error;
          },
        );
      if (existing) {
        throw new ConflictException([`a trajectory with case number ${caseNumber} already exists`]);
      }
    }
    if (problems.length > 0) throw new UnprocessableEntityException(problems);
  }

  /**
   * Who may see and act on a handover: the Veilig Thuis organisation that handed it over, the
   * coordinators and team leads of its municipality, and ops (reading).
   */
  private async assertAccess(principal: Principal, handoverId: string): Promise<void> {
    const rows: Array<{ organisation_id: string; municipality_code: string }> =
      await this.dataSource.query(
        'SELECT organisation_id, municipality_code FROM veilig_thuis_handover WHERE id = $1',
        [handoverId],
      );
    const row = rows[0];
    if (!row) throw new NotFoundException(`No handover ${handoverId}`);
    const allowed =
      principal.role === 'ops' ||
      (principal.role === 'veilig-thuis' && principal.organisationId === row.organisation_id) ||
      ((principal.role === 'coordinator' || principal.role === 'team-lead') &&
        principal.municipalities.includes(row.municipality_code));
    if (!allowed) {
      throw new ForbiddenException(
        principal.role === 'veilig-thuis'
          ? 'the handover belongs to another organisation'
          : 'the handover belongs to a municipality outside the token scope',
      );
    }
  }

  private async state(handoverId: string): Promise<HandoverView> {
    const handle = this.client.workflow.getHandle(handoverWorkflowId(handoverId));
    return queryState(this.client, handle, handoverStateQuery, {
      notFound: `No handover ${handoverId}`,
    });
  }

  /** The texts the handover refers to, read from PostgreSQL for this answer. */
  private async texts(view: HandoverView): Promise<HandoverDto['texts']> {
    const refs = {
      safetyConditions: view.safetyConditions?.textId,
      monitoringAgreements: view.monitoringAgreements?.textId,
      agreements: view.meeting?.held?.agreements.textId,
      explanation: view.refusal?.explanation?.textId,
    };
    const ids = Object.values(refs).filter((id): id is string => id !== undefined);
    const rows: Array<{ id: string; items: string[] }> = await this.dataSource.query(
      `SELECT id::text AS id, items FROM veilig_thuis_handover_text
        WHERE handover_id = $1 AND id = ANY($2::uuid[])`,
      [view.handoverId, ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row.items]));
    const texts: HandoverDto['texts'] = {
      safetyConditions: byId.get(refs.safetyConditions!) ?? [],
    };
    for (const key of ['monitoringAgreements', 'agreements', 'explanation'] as const) {
      const items = refs[key] ? byId.get(refs[key]) : undefined;
      if (items) texts[key] = items;
    }
    return texts;
  }

  /** Per municipality, who receives new handovers and escalations (a coordinator id). */
  private async handoverLead(municipalityCode: string): Promise<string | undefined> {
    const rows: Array<{ coordinator_id: string }> = await this.dataSource.query(
      'SELECT coordinator_id FROM veilig_thuis_handover_lead WHERE municipality_code = $1',
      [municipalityCode],
    );
    return rows[0]?.coordinator_id;
  }

  /** The team lead (of its own municipality) or ops names the municipality's handover lead. */
  async putHandoverLead(
    principal: Principal,
    municipalityCode: string,
    coordinatorId: string,
  ): Promise<HandoverLeadDto> {
    if (principal.role === 'team-lead' && !principal.municipalities.includes(municipalityCode)) {
      throw new ForbiddenException(`municipality ${municipalityCode} is outside the token scope`);
    }
    const known: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM coordinator WHERE id = $1',
      [coordinatorId],
    );
    if (known.length === 0) {
      throw new UnprocessableEntityException([
        `coordinatorId ${coordinatorId} is not a registered coordinator`,
      ]);
    }
    const [row] = (await this.dataSource.query(
      `INSERT INTO veilig_thuis_handover_lead (municipality_code, coordinator_id, updated_by)
       VALUES ($1, $2, $3)
       ON CONFLICT (municipality_code) DO UPDATE SET coordinator_id = EXCLUDED.coordinator_id,
         updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING (xmax = 0) AS created`,
      [municipalityCode, coordinatorId, principal.sub],
    )) as Array<{ created: boolean }>;
    return { municipalityCode, coordinatorId, created: row!.created };
  }
}

/** The command field that holds a free text, and the kind it is stored as. */
const TEXT_FIELDS: Partial<Record<HandoverCommandType, { field: string; kind: HandoverTextKind }>> =
  {
    refuse: { field: 'explanation', kind: 'refusal-explanation' },
    recordMeeting: { field: 'agreements', kind: 'meeting-agreements' },
  };

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}
