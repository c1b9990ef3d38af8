import {
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import { problem } from '@cjg/domain';
import type { CarerRelation } from '@cjg/persistence';
import { CaseKindKey, ClientIdKey, MunicipalityCodeKey } from '@cjg/temporal';
import { SCHAKELOVERLEG_CASE_KIND } from '@cjg/workflows/schakeloverleg.definitions';
import type { Principal } from '../auth/principal';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { QUERY_DEADLINE_MS } from '../temporal/workflow-commands';
import type {
  ClientDto,
  CoordinatorDto,
  PutClientDto,
  PutCoordinatorDto,
  PutTeamDto,
  RegisteredDto,
} from './dto/registry.dto';
import {
  managesCoordinator,
  managesTeamIn,
  reachesClient,
  reachesClientBy,
  readsCoordinator,
  type CoordinatorFacts,
} from './registry-access';
import { coded } from '../common/error-codes';

interface CarerRow {
  name: string;
  email: string | null;
  relation: CarerRelation;
}

interface ClientRow {
  id: string;
  name: string;
  bsn: string | null;
  date_of_birth: string | null;
  email: string | null;
  personal_data_destroyed_at: Date | null;
  registered_municipality_codes: string[] | null;
  case_municipalities: string[];
}

interface CoordinatorRow {
  id: string;
  name: string;
  email: string;
  team_id: string | null;
  team_municipality: string | null;
  case_municipalities: string[];
}

/**
 * The registry of the people behind the ids, by need-to-know (registry-access.ts): every lookup
 * of a person is one query that brings its data and the facts that decide who reaches it.
 */
@Injectable()
export class RegistryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  // Clients

  /** A client this principal reaches; any other id, existing or not, is 404. */
  async getClient(principal: Principal, id: string): Promise<ClientDto> {
    const row = await this.reachableClient(principal, id);
    const carers = (await this.dataSource.query(
      `SELECT name, email, relation FROM client_carer WHERE client_id = $1 ORDER BY position`,
      [id],
    )) as CarerRow[];
    return {
      id: row.id,
      name: row.name,
      bsn: row.bsn,
      dateOfBirth: row.date_of_birth,
      email: row.email,
      carers,
      personalDataDestroyedAt: row.personal_data_destroyed_at?.toISOString() ?? null,
    };
  }

  /**
   * A coordinator registers a new client (recorded with its municipalities, so its colleagues
   * reach the client until a case names it) or corrects one it reaches; an existing client out
   * of reach is 404 and stays as it was.
   */
  async putClient(principal: Principal, id: string, body: PutClientDto): Promise<RegisteredDto> {
    const data = [body.name, body.bsn ?? null, body.dateOfBirth ?? null, body.email ?? null];
    const inserted = await this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(
        `INSERT INTO client (id, name, bsn, date_of_birth, email, registered_by, registered_municipality_codes)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO NOTHING
         RETURNING id`,
        [id, ...data, principal.sub, principal.municipalities],
      )) as unknown[];
      if (rows.length > 0) await replaceCarers(tx, id, body.carers);
      return rows.length > 0;
    });
    if (inserted) return { id, created: true };
    const existing = await this.reachableClient(principal, id);
    if (existing.personal_data_destroyed_at) {
      // A destroyed file stays destroyed: new data about the person starts under a new id.
      throw new ConflictException(
        coded(
          'personal-data-destroyed',
          `The personal data of client ${id} was destroyed; register the person under a new id`,
        ),
      );
    }
    await this.dataSource.transaction(async (tx) => {
      const [, updated] = (await tx.query(
        `UPDATE client SET name = $2, bsn = $3, date_of_birth = $4, email = $5, updated_at = now()
          WHERE id = $1 AND personal_data_destroyed_at IS NULL`,
        [id, ...data],
      )) as [unknown, number];
      // Destroyed meanwhile: no carers come back either.
      if (updated > 0) await replaceCarers(tx, id, body.carers);
    });
    return { id, created: false };
  }

  /**
   * Whether this principal reaches the client: a case may name only a client its coordinator
   * reaches, or starting one would bring another municipality's client into reach.
   */
  async reaches(principal: Principal, id: string): Promise<boolean> {
    return (await this.reachFacts(principal, id)).reached;
  }

  /**
   * A start's two checks in one round trip: whether the principal reaches the client, and
   * whether the coordinator it names is registered.
   */
  async reachesWithCoordinator(
    principal: Principal,
    clientId: string,
    coordinatorId: string,
  ): Promise<{ reached: boolean; coordinatorKnown: boolean }> {
    const { reached, coordinatorKnown } = await this.reachFacts(principal, clientId, coordinatorId);
    return { reached, coordinatorKnown: coordinatorKnown === true };
  }

  /**
   * Whether a case of the client is in the principal's municipalities, and whether it has any,
   * each an EXISTS that stops at its first row (not every case of the client listed).
   */
  private async reachFacts(
    principal: Principal,
    clientId: string,
    coordinatorId?: string,
  ): Promise<{ reached: boolean; coordinatorKnown?: boolean }> {
    const cases = (table: string, here: boolean) =>
      `EXISTS (SELECT 1 FROM ${table} x WHERE x.client_id = c.id${
        here ? ' AND x.municipality_code::text = ANY($2::text[])' : ''
      })`;
    const any = (here: boolean) =>
      ['trajectory', 'vto', 'veilig_thuis_handover'].map((t) => cases(t, here)).join(' OR ');
    const [row] = (await this.dataSource.query(
      `SELECT c.id AS client_id, c.registered_municipality_codes,
              (${any(true)}) AS case_here, (${any(false)}) AS any_case,
              ${coordinatorId === undefined ? 'NULL' : 'EXISTS (SELECT 1 FROM coordinator WHERE id = $3)'} AS coordinator_known
         FROM (SELECT 1) AS one LEFT JOIN client c ON c.id = $1`,
      [clientId, principal.municipalities, ...(coordinatorId === undefined ? [] : [coordinatorId])],
    )) as Array<{
      client_id: string | null;
      registered_municipality_codes: string[] | null;
      case_here: boolean | null;
      any_case: boolean | null;
      coordinator_known: boolean | null;
    }>;
    const coordinatorKnown = row?.coordinator_known ?? undefined;
    if (!row?.client_id) return { reached: false, coordinatorKnown };
    const facts = {
      caseHere: row.case_here === true,
      anyCase: row.any_case === true,
      registeredMunicipalities: row.registered_municipality_codes,
    };
    const reached =
      reachesClientBy(principal, facts) ||
      (principal.role === 'coordinator' &&
        (await this.hasTransferIn(principal.municipalities, clientId)));
    return { reached, coordinatorKnown };
  }

  private async reachableClient(principal: Principal, id: string): Promise<ClientRow> {
    const [row] = (await this.dataSource.query(
      `SELECT c.id, c.name, c.bsn, to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
              c.email, c.personal_data_destroyed_at, c.registered_municipality_codes,
              ARRAY(SELECT municipality_code::text FROM trajectory WHERE client_id = c.id
                    UNION SELECT municipality_code::text FROM vto WHERE client_id = c.id
                    UNION SELECT municipality_code::text FROM veilig_thuis_handover
                           WHERE client_id = c.id) AS case_municipalities
         FROM client c WHERE c.id = $1`,
      [id],
    )) as ClientRow[];
    const reached =
      row &&
      (reachesClient(principal, {
        caseMunicipalities: row.case_municipalities,
        registeredMunicipalities: row.registered_municipality_codes,
      }) ||
        (principal.role === 'coordinator' &&
          (await this.hasTransferIn(principal.municipalities, id))));
    if (!reached) throw new NotFoundException(`Client ${id} does not exist`);
    return row;
  }

  /**
   * Whether a Schakeloverleg transfer in one of these municipalities names the client: it has no
   * row in PostgreSQL, so Temporal's visibility store answers (the ClientId search attribute).
   * Asked only when PostgreSQL's rows give no access, so a client in scope costs nothing more.
   */
  private async hasTransferIn(municipalities: string[], clientId: string): Promise<boolean> {
    if (municipalities.length === 0) return false;
    // Every value is a validated id or code (a-z, 0-9, - and _), safe inside quotes.
    const query = [
      `${CaseKindKey.name} = '${SCHAKELOVERLEG_CASE_KIND}'`,
      `${ClientIdKey.name} = '${clientId}'`,
      `${MunicipalityCodeKey.name} IN (${municipalities.map((m) => `'${m}'`).join(', ')})`,
    ].join(' AND ');
    const { count } = await this.temporal.connection.withDeadline(
      Date.now() + QUERY_DEADLINE_MS,
      () => this.temporal.workflow.count(query),
    );
    return count > 0;
  }

  // Coordinators and teams

  /** A coordinator's name and address, for whom reads it (registry-access.ts); else 404. */
  async getCoordinator(principal: Principal, id: string): Promise<CoordinatorDto> {
    const row = await this.coordinatorRow(id);
    if (!row || !readsCoordinator(principal, coordinatorFacts(row))) {
      throw new NotFoundException(`Coordinator ${id} does not exist`);
    }
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      ...(row.team_id ? { teamId: row.team_id } : {}),
    };
  }

  /**
   * Ops register and correct any coordinator; a team lead only in the teams of its
   * municipalities: a new coordinator names one of those teams, an existing one must be in one
   * (else 404, unchanged), and it cannot be moved to a team elsewhere (403).
   */
  async putCoordinator(
    principal: Principal,
    id: string,
    body: PutCoordinatorDto,
  ): Promise<RegisteredDto> {
    if (body.teamId) await this.assertTeamUsable(principal, body.teamId);
    const existing = await this.coordinatorRow(id);
    if (existing && !managesCoordinator(principal, coordinatorFacts(existing))) {
      throw new NotFoundException(`Coordinator ${id} does not exist`);
    }
    if (!existing && !body.teamId && principal.role === 'team-lead') {
      throw new UnprocessableEntityException([
        problem(
          'required',
          'teamId is required: a team lead registers coordinators in the teams of its municipalities',
        ),
      ]);
    }
    const inserted = (await this.dataSource.query(
      `INSERT INTO coordinator (id, name, email, team_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [id, body.name, body.email, body.teamId ?? null],
    )) as unknown[];
    if (inserted.length > 0) return { id, created: true };
    if (!existing) {
      // Registered a moment ago by someone else: judge it as an existing one.
      return this.putCoordinator(principal, id, body);
    }
    await this.dataSource.query(
      `UPDATE coordinator SET name = $2, email = $3, team_id = COALESCE($4, team_id),
              updated_at = now()
        WHERE id = $1`,
      [id, body.name, body.email, body.teamId ?? null],
    );
    return { id, created: false };
  }

  /** The team must exist (422) and, for a team lead, be of its municipalities (403). */
  private async assertTeamUsable(principal: Principal, teamId: string): Promise<void> {
    const [team] = (await this.dataSource.query(
      `SELECT municipality_code::text AS municipality_code FROM team WHERE id = $1`,
      [teamId],
    )) as Array<{ municipality_code: string | null }>;
    if (!team)
      throw new UnprocessableEntityException([
        problem('not-registered', `teamId ${teamId} is not a registered team`),
      ]);
    if (!managesTeamIn(principal, team.municipality_code)) {
      throw new ForbiddenException(
        `team ${teamId} belongs to a municipality outside the token scope`,
      );
    }
  }

  /**
   * Ops register any team; a team lead those of its municipalities: it names one of them
   * (403 for another), and an existing team of another municipality (or of none) is 404 and
   * stays as it was.
   */
  async putTeam(principal: Principal, id: string, body: PutTeamDto): Promise<RegisteredDto> {
    const code = body.municipalityCode ?? null;
    if (principal.role === 'team-lead' && code === null) {
      throw new UnprocessableEntityException([
        problem(
          'required',
          'municipalityCode is required: a team lead registers teams of its own municipalities',
        ),
      ]);
    }
    const [existing] = (await this.dataSource.query(
      `SELECT municipality_code::text AS municipality_code FROM team WHERE id = $1`,
      [id],
    )) as Array<{ municipality_code: string | null }>;
    if (existing && !managesTeamIn(principal, existing.municipality_code)) {
      throw new NotFoundException(`Team ${id} does not exist`);
    }
    if (code !== null && !managesTeamIn(principal, code)) {
      throw new ForbiddenException(`municipality ${code} is outside the token scope`);
    }
    if (
      code !== null &&
      ((await this.dataSource.query(`SELECT 1 FROM municipality WHERE code = $1`, [code])) as [])
        .length === 0
    ) {
      throw new UnprocessableEntityException([
        problem('not-registered', `municipalityCode ${code} is not a registered municipality`),
      ]);
    }
    const inserted = (await this.dataSource.query(
      `INSERT INTO team (id, name, municipality_code) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [id, body.name, code],
    )) as unknown[];
    if (inserted.length > 0) return { id, created: true };
    // Registered a moment ago by someone else: judge it as an existing one.
    if (!existing) return this.putTeam(principal, id, body);
    await this.dataSource.query(`UPDATE team SET name = $2, municipality_code = $3 WHERE id = $1`, [
      id,
      body.name,
      code,
    ]);
    return { id, created: false };
  }

  private async coordinatorRow(id: string): Promise<CoordinatorRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT c.id, c.name, c.email, c.team_id, t.municipality_code::text AS team_municipality,
              ARRAY(SELECT municipality_code::text FROM trajectory WHERE coordinator_id = c.id
                    UNION SELECT municipality_code::text FROM vto WHERE coordinator_id = c.id
                    UNION SELECT municipality_code::text FROM veilig_thuis_handover
                           WHERE coordinator_id = c.id
                    UNION SELECT municipality_code::text FROM veilig_thuis_handover_lead
                           WHERE coordinator_id = c.id) AS case_municipalities
         FROM coordinator c LEFT JOIN team t ON t.id = c.team_id
        WHERE c.id = $1`,
      [id],
    )) as CoordinatorRow[];
    return row;
  }
}

/**
 * The client's carers become `carers`, in their order (position 1, 2, …: each one's letters are
 * filed under `client:<id>/carer:<n>`); left out, the registered ones stay.
 */
async function replaceCarers(
  tx: EntityManager,
  clientId: string,
  carers: PutClientDto['carers'],
): Promise<void> {
  if (carers === undefined) return;
  await tx.query(`DELETE FROM client_carer WHERE client_id = $1`, [clientId]);
  for (const [index, carer] of carers.entries()) {
    await tx.query(
      `INSERT INTO client_carer (client_id, position, name, email, relation) VALUES ($1, $2, $3, $4, $5)`,
      [clientId, index + 1, carer.name, carer.email ?? null, carer.relation],
    );
  }
}

function coordinatorFacts(row: CoordinatorRow): CoordinatorFacts {
  return {
    id: row.id,
    teamMunicipality: row.team_municipality,
    caseMunicipalities: row.case_municipalities,
  };
}
