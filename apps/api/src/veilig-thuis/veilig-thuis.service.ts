import { randomUUID } from 'node:crypto';
import {
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import {
  amsterdamDate,
  handoverWorkflowId,
  trajectoryWorkflowId,
  veiligThuisPartView,
  type HandoverCommandType,
  type HandoverInput,
  type HandoverTextKind,
  type TextRef,
  type VeiligThuisPolicy,
  problem,
  type Problem,
} from '@cjg/domain';
import {
  CaseKindKey,
  MunicipalityCodeKey,
  OrganisationIdKey,
  ProcessStatusKey,
} from '@cjg/temporal';
import {
  HANDOVER_COMMAND_REFUSED,
  handoverStateQuery,
  handoverUpdates,
  VEILIG_THUIS_CASE_KIND,
  VEILIG_THUIS_HANDOVER_WORKFLOW_TYPE,
  type HandoverView,
} from '@cjg/workflows/veilig-thuis.definitions';
import type { Principal } from '../auth/principal';
import { Filter, iso, queryPage } from '../common/page-query';
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
import { RegistryService } from '../registry/registry.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { workflowExists } from '../temporal/workflow-commands';
import type {
  CreateHandoverDto,
  HandoverCreatedDto,
  HandoverDto,
  HandoverLeadDto,
  HandoverPageDto,
  ListHandoversQueryDto,
} from './dto/handover.dto';
import { HANDOVER_ACCESS } from './handover.access';
import { coded } from '../common/error-codes';

/** The handover's policy (deadlines in working days), read once at boot. */
export const VEILIG_THUIS_POLICY = Symbol('VEILIG_THUIS_POLICY');

/** The handover as the API runs it (processes/process.service.ts). */
const HANDOVER = {
  noun: 'handover',
  workflowType: VEILIG_THUIS_HANDOVER_WORKFLOW_TYPE,
  workflowId: handoverWorkflowId,
  stateQuery: handoverStateQuery,
  updates: handoverUpdates,
  refusedType: HANDOVER_COMMAND_REFUSED,
  notFound: (handoverId: string) => `No handover ${handoverId}`,
  access: HANDOVER_ACCESS,
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
export class VeiligThuisService extends ProcessService<
  HandoverCommandType,
  HandoverView,
  HandoverDto
> {
  constructor(
    @Inject(TEMPORAL_CLIENT) client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(VEILIG_THUIS_POLICY) private readonly policy: VeiligThuisPolicy,
    idempotency: IdempotencyService,
    private readonly registry: RegistryService,
  ) {
    super(HANDOVER, client, idempotency, config.temporal.taskQueue, keptViews(dataSource));
  }

  /**
   * Veilig Thuis hands a case over, once per reference: the row and the texts are written in one
   * transaction, then the workflow starts. The same reference again (a retry, or the API having
   * died before the start) starts the same handover at most once and answers `created: false`.
   */
  async create(caller: Caller, body: CreateHandoverDto): Promise<HttpAnswer<HandoverCreatedDto>> {
    const { principal } = caller;
    const organisationId = principal.organisationId!;
    const partners: Array<{ kind: string }> = await this.dataSource.query(
      'SELECT kind FROM partner_organisation WHERE id = $1',
      [organisationId],
    );
    if (partners[0]?.kind !== 'veilig-thuis') {
      throw new UnprocessableEntityException([
        problem(
          'not-registered',
          `organisation ${organisationId} is not registered as a Veilig Thuis organisation (ops register it with PUT /organisations/{id})`,
        ),
      ]);
    }
    const lead = await this.handoverLead(body.municipalityCode);
    if (!lead) {
      throw new UnprocessableEntityException([
        problem(
          'not-registered',
          `the CJG has no handover lead for municipality ${body.municipalityCode} (its team lead or ops register one with PUT /handover-leads/${body.municipalityCode})`,
        ),
      ]);
    }
    return this.startOnce(
      caller,
      body,
      (answer) => `/handovers/${answer.handoverId}`,
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
        const created = await this.startWorkflow(
          input.handoverId,
          [input],
          [
            { key: CaseKindKey, value: VEILIG_THUIS_CASE_KIND },
            { key: OrganisationIdKey, value: input.organisationId },
            { key: MunicipalityCodeKey, value: input.municipalityCode },
            { key: ProcessStatusKey, value: 'received' },
          ],
        );
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
          coded(
            'already-exists',
            `Veilig Thuis reference ${body.reference} was handed over already (${row!.id}) with another municipality, urgency or type`,
          ),
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

  /** Whether this caller may see the handover (its row says whose it is); 404 for none. */
  protected override authorizeRead(principal: Principal, handoverId: string): Promise<void> {
    return this.assertAccess(principal, handoverId);
  }

  /**
   * A view for a caller allowed to see the handover: its texts and its role's commands; for
   * Veilig Thuis its own part (veiligThuisPartView), until its access ended after the close.
   */
  protected async present(principal: Principal, view: HandoverView): Promise<HandoverDto> {
    const after = this.config.partnerAccessAfterEnd;
    return {
      ...partOrWhole(principal, 'veilig-thuis', view, after, veiligThuisPartView),
      texts: await this.texts(view),
      allowedCommands: this.commandsFor(principal, view.allowedCommands),
    } as HandoverDto;
  }

  /** Handovers from the read model, narrowed to what the caller may see. */
  async list(principal: Principal, query: ListHandoversQueryDto): Promise<HandoverPageDto> {
    const filter = new Filter();
    if (principal.role === 'veilig-thuis') {
      filter.add('organisation_id = ?', principal.organisationId);
      // Its access ends a while after the handover closed (PARTNER_ACCESS_AFTER_END).
      filter.add(
        '(closed_at IS NULL OR closed_at + ?::interval > now())',
        this.config.partnerAccessAfterEnd,
      );
    }
    if (principal.role === 'coordinator' || principal.role === 'team-lead') {
      filter.withinMunicipalities(principal, query.municipalityCode);
    }
    if (query.municipalityCode) filter.add('municipality_code = ?', query.municipalityCode);
    if (query.status) filter.add('status = ?', query.status);
    if (query.overdue !== undefined) filter.add('overdue = ?', query.overdue);
    return queryPage(
      this.dataSource,
      {
        columns: `id, organisation_id, reference, municipality_code, urgency, status, coordinator_id,
                accept_due_date::text AS accept_due_date, meeting_date::text AS meeting_date,
                next_due_at, next_due_kind, overdue, trajectory_case_number, created_at, closed_at`,
        from: 'veilig_thuis_handover',
        filter,
        orderBy: 'next_due_at ASC NULLS LAST, created_at ASC, id ASC',
        page: query,
      },
      (r) => ({
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
      }),
    );
  }

  /**
   * Whether this caller may give this command to this handover (its role, its organisation or
   * municipality; 404 for none) and whether the people it names are registered.
   */
  protected async authorize(
    principal: Principal,
    handoverId: string,
    type: HandoverCommandType,
    body: CommandBody,
  ): Promise<void> {
    await this.assertAccess(principal, handoverId);
    await this.assertRegistered(principal, type, handoverId, body);
  }

  /**
   * A free text of the command (TEXT_FIELDS) is stored first and the update carries its id; a
   * command refused for good leaves no text behind, and a retry answered by an earlier update
   * with the same key keeps the earlier text.
   */
  protected override async prepare(
    principal: Principal,
    handoverId: string,
    type: HandoverCommandType,
    body: CommandBody,
  ): Promise<PreparedCommand<HandoverView>> {
    const args = { ...body };
    if (type === 'startTrajectory') args.policy = this.config.policy;
    const text = TEXT_FIELDS[type];
    if (!text || !Array.isArray(body[text.field])) return { args };
    const ref = await this.storeText(
      this.dataSource,
      handoverId,
      text.kind,
      body[text.field] as string[],
      principal,
    );
    args[text.field] = ref;
    return {
      args,
      discard: () => this.deleteText(ref.textId),
      settle: (view) => this.dropUnreferencedText(view, ref.textId),
    };
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
    const problems: Problem[] = [];
    const coordinator = async (id: string, field: string) => {
      const rows: unknown[] = await this.dataSource.query(
        'SELECT 1 FROM coordinator WHERE id = $1',
        [id],
      );
      if (rows.length === 0)
        problems.push(problem('not-registered', `${field} ${id} is not a registered coordinator`));
    };
    const client = async (id: string, field: string) => {
      const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM client WHERE id = $1', [
        id,
      ]);
      if (rows.length === 0)
        problems.push(problem('not-registered', `${field} ${id} is not a registered client`));
    };
    if (type === 'accept') await coordinator(body.coordinatorId as string, 'coordinatorId');
    // The coordinator links a client it reaches: naming one does not bring it into reach.
    if (type === 'planMeeting' && !(await this.registry.reaches(principal, String(body.clientId))))
      problems.push(
        problem('not-registered', `clientId ${String(body.clientId)} is not a registered client`),
      );
    if (type === 'startTrajectory') {
      const view = await this.state(handoverId);
      if (view.coordinatorId) await coordinator(view.coordinatorId, 'the assigned coordinator');
      if (view.clientId) await client(view.clientId, 'the client');
      const caseNumber = body.caseNumber as string;
      if (await workflowExists(this.client, trajectoryWorkflowId(caseNumber))) {
        throw new ConflictException([
          problem('already-exists', `a trajectory with case number ${caseNumber} already exists`),
        ]);
      }
    }
    if (problems.length > 0) throw new UnprocessableEntityException(problems);
  }

  /** 404 for an unknown handover, 403 for one the caller may not see (handover.access.ts). */
  private async assertAccess(principal: Principal, handoverId: string): Promise<void> {
    const rows: Array<{ organisation_id: string; municipality_code: string }> =
      await this.dataSource.query(
        'SELECT organisation_id, municipality_code FROM veilig_thuis_handover WHERE id = $1',
        [handoverId],
      );
    const row = rows[0];
    if (!row) throw new NotFoundException(HANDOVER.notFound(handoverId));
    assertMaySee(HANDOVER_ACCESS, principal, {
      organisationId: row.organisation_id,
      municipalityCode: row.municipality_code,
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
    if (principal.role === 'team-lead') assertInScope(principal, municipalityCode);
    const known: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM coordinator WHERE id = $1',
      [coordinatorId],
    );
    if (known.length === 0) {
      throw new UnprocessableEntityException([
        problem('not-registered', `coordinatorId ${coordinatorId} is not a registered coordinator`),
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
