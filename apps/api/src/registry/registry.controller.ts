import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Audited } from '../audit/audit.interceptor';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  MunicipalityEntity,
  PartnerOrganisationEntity,
  ProfessionalEntity,
  ProviderEntity,
} from '@cjg/persistence';
import { ApiProtected } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { PathParam } from '../common/path-params';
import { RegistryService } from './registry.service';
import {
  ClientDto,
  CoordinatorDto,
  PutClientDto,
  PutCoordinatorDto,
  PutMunicipalityDto,
  PutOrganisationDto,
  PutProfessionalDto,
  PutProviderDto,
  PutTeamDto,
  RegisteredDto,
} from './dto/registry.dto';

const NOT_REACHED =
  'No such id, or one outside the caller’s need-to-know (the two are not told apart)';

/**
 * Coordinators and clients: the personal data behind the ids that trajectories carry. It lives
 * in PostgreSQL only, so correcting an address here reaches the next letter. Who reaches whom is
 * decided in registry-access.ts (docs/api-access.md, "The registry").
 */
@ApiTags('registry')
@ApiProtected('Not for this role, or a team or municipality outside the token scope')
@Controller()
export class RegistryController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: RegistryService,
  ) {}

  @Put('coordinators/:id')
  @Roles('team-lead', 'ops')
  @Audited('registry:coordinator')
  @ApiOperation({
    operationId: 'putCoordinator',
    summary: 'Register or correct a coordinator (team lead: in a team of its municipalities; ops)',
  })
  @ApiOkResponse({ type: RegisteredDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: NOT_REACHED })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'A new coordinator without its team, or a team that is not registered',
  })
  putCoordinator(
    @CurrentPrincipal() principal: Principal,
    @PathParam('personId', 'id') id: string,
    @Body() body: PutCoordinatorDto,
  ): Promise<RegisteredDto> {
    return this.registry.putCoordinator(principal, id, body);
  }

  @Put('organisations/:id')
  @Roles('ops')
  @Audited('registry:organisation')
  @ApiOperation({
    operationId: 'putOrganisation',
    summary:
      'Register a partner organisation: Veilig Thuis, a GI, the Raad, the beschermingsplein (ops)',
  })
  @ApiOkResponse({ type: RegisteredDto })
  async putOrganisation(
    @PathParam('personId', 'id') id: string,
    @Body() body: PutOrganisationDto,
  ): Promise<RegisteredDto> {
    const repo = this.dataSource.getRepository(PartnerOrganisationEntity);
    const created = !(await repo.existsBy({ id }));
    await repo.upsert({ id, kind: body.kind, name: body.name, email: body.email }, ['id']);
    return { id, created };
  }

  @Put('municipalities/:code')
  @Roles('ops')
  @Audited('registry:municipality')
  @ApiOperation({
    operationId: 'putMunicipality',
    summary: 'Register a municipality and the details its letters give (ops)',
    description:
      'Name, postal address, phone, e-mail, website, the signatory of decisions on behalf of the college, and where objections go. A PUT replaces every detail: one left out is cleared, and the letters then say "de gemeente" and give the CJG coordinator as contact.',
  })
  @ApiOkResponse({ type: RegisteredDto })
  async putMunicipality(
    @PathParam('municipalityCode', 'code') code: string,
    @Body() body: PutMunicipalityDto,
  ): Promise<RegisteredDto> {
    const repo = this.dataSource.getRepository(MunicipalityEntity);
    const created = !(await repo.existsBy({ code }));
    await repo.upsert(
      {
        code,
        name: body.name,
        postalAddress: body.postalAddress ?? null,
        phone: body.phone ?? null,
        email: body.email ?? null,
        website: body.website ?? null,
        signatoryName: body.signatoryName ?? null,
        signatoryFunction: body.signatoryFunction ?? null,
        objectionAddress: body.objectionAddress ?? null,
      },
      ['code'],
    );
    return { id: code, created };
  }

  @Put('teams/:id')
  @Roles('team-lead', 'ops')
  @Audited('registry:team')
  @ApiOperation({
    operationId: 'putTeam',
    summary: 'Register a team of coordinators (team lead: of its municipalities; ops)',
  })
  @ApiOkResponse({ type: RegisteredDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: NOT_REACHED })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'A new team without its municipality, or a municipality that is not registered',
  })
  putTeam(
    @CurrentPrincipal() principal: Principal,
    @PathParam('personId', 'id') id: string,
    @Body() body: PutTeamDto,
  ): Promise<RegisteredDto> {
    return this.registry.putTeam(principal, id, body);
  }

  @Get('coordinators/:id')
  @Roles('coordinator', 'team-lead', 'ops')
  @Audited('read:coordinator')
  @ApiOperation({
    operationId: 'getCoordinator',
    summary:
      'A coordinator’s name and e-mail address (itself, its municipalities’ teams and cases)',
  })
  @ApiOkResponse({ type: CoordinatorDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: NOT_REACHED })
  getCoordinator(
    @CurrentPrincipal() principal: Principal,
    @PathParam('personId', 'id') id: string,
  ): Promise<CoordinatorDto> {
    return this.registry.getCoordinator(principal, id);
  }

  @Get('clients/:id')
  @Roles('coordinator', 'ops')
  @Audited('read:client', { clientIdParam: 'id' })
  @ApiOperation({
    operationId: 'getClient',
    summary:
      'A client’s personal data and where its letters go (coordinator: a client with a case in its municipalities; ops)',
  })
  @ApiOkResponse({ type: ClientDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: NOT_REACHED })
  getClient(
    @CurrentPrincipal() principal: Principal,
    @PathParam('personId', 'id') id: string,
  ): Promise<ClientDto> {
    return this.registry.getClient(principal, id);
  }

  @Put('clients/:id')
  @Roles('coordinator')
  @Audited('registry:client', { clientIdParam: 'id' })
  @ApiOperation({
    operationId: 'putClient',
    summary:
      'Register a new client, or correct one with a case in the coordinator’s municipalities; kept out of workflows',
  })
  @ApiOkResponse({ type: RegisteredDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: NOT_REACHED })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'The personal data of this client was destroyed (Jeugdwet 7.3.8/7.3.9)',
  })
  putClient(
    @CurrentPrincipal() principal: Principal,
    @PathParam('personId', 'id') id: string,
    @Body() body: PutClientDto,
  ): Promise<RegisteredDto> {
    return this.registry.putClient(principal, id, body);
  }

  @Put('professionals/:id')
  @Roles('ops')
  @Audited('registry:professional')
  @ApiOperation({
    operationId: 'putProfessional',
    summary: 'Register or correct a professional who signs off plan deel 1 (ops)',
    description:
      'A BPP or gedragswetenschapper with its SKJ or BIG registration (002 §3.4): signOffPlan names one, and a beschikking waits for it.',
  })
  @ApiOkResponse({ type: RegisteredDto })
  async putProfessional(
    @PathParam('personId', 'id') id: string,
    @Body() body: PutProfessionalDto,
  ): Promise<RegisteredDto> {
    const repo = this.dataSource.getRepository(ProfessionalEntity);
    const created = !(await repo.existsBy({ id }));
    await repo.upsert({ id, ...body }, ['id']);
    return { id, created };
  }

  @Put('providers/:agbCode')
  @Roles('ops')
  @Audited('registry:provider')
  @ApiOperation({
    operationId: 'putProvider',
    summary: 'Register or correct a provider (ops)',
    description:
      'Ops only: a provider works for many municipalities, so no team lead’s scope covers it, and its address receives the toewijzingen of all of them.',
  })
  @ApiOkResponse({ type: RegisteredDto })
  async putProvider(
    @PathParam('agbCode') agbCode: string,
    @Body() body: PutProviderDto,
  ): Promise<RegisteredDto> {
    const repo = this.dataSource.getRepository(ProviderEntity);
    const created = !(await repo.existsBy({ agbCode }));
    await repo.upsert({ agbCode, name: body.name, email: body.email }, ['agbCode']);
    return { id: agbCode, created };
  }
}
