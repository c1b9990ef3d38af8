import {
  BadRequestException,
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Put,
  ConflictException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { isValidAgbCode, isValidMunicipalityCode } from '@cjg/domain';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Audited } from '../audit/audit.interceptor';
import { Roles } from '../auth/auth.decorators';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ClientEntity,
  CoordinatorEntity,
  MunicipalityEntity,
  PartnerOrganisationEntity,
  ProviderEntity,
  TeamEntity,
} from '@cjg/persistence';
import { ApiProtected } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { PersonIdParam } from './person-id.param';
import {
  CoordinatorDto,
  PutClientDto,
  PutCoordinatorDto,
  PutMunicipalityDto,
  PutOrganisationDto,
  PutProviderDto,
  PutTeamDto,
  RegisteredDto,
} from './dto/registry.dto';

/**
 * Coordinators and clients: the personal data behind the ids that trajectories carry. It lives
 * in PostgreSQL only, so correcting an address here reaches the next letter.
 */
@ApiTags('registry')
@ApiProtected('Not for this role')
@Controller()
export class RegistryController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Put('coordinators/:id')
  @Roles('team-lead', 'ops')
  @Audited('registry:coordinator')
  @ApiOperation({
    operationId: 'putCoordinator',
    summary: 'Register or correct a coordinator (team lead, ops)',
  })
  @ApiOkResponse({ type: RegisteredDto })
  async putCoordinator(
    @PersonIdParam() id: string,
    @Body() body: PutCoordinatorDto,
  ): Promise<RegisteredDto> {
    if (
      body.teamId &&
      !(await this.dataSource.getRepository(TeamEntity).existsBy({ id: body.teamId }))
    ) {
      throw new UnprocessableEntityException([`teamId ${body.teamId} is not a registered team`]);
    }
    const repo = this.dataSource.getRepository(CoordinatorEntity);
    const created = !(await repo.existsBy({ id }));
    await repo.upsert(
      { id, name: body.name, email: body.email, ...(body.teamId ? { teamId: body.teamId } : {}) },
      ['id'],
    );
    return { id, created };
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
    @PersonIdParam() id: string,
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
  @ApiOperation({ operationId: 'putMunicipality', summary: 'Register a municipality (ops)' })
  @ApiOkResponse({ type: RegisteredDto })
  async putMunicipality(
    @Param('code') code: string,
    @Body() body: PutMunicipalityDto,
  ): Promise<RegisteredDto> {
    if (!isValidMunicipalityCode(code)) {
      throw new BadRequestException('code must be a four-digit CBS gemeentecode (e.g. 0957)');
    }
    const repo = this.dataSource.getRepository(MunicipalityEntity);
    const created = !(await repo.existsBy({ code }));
    await repo.upsert({ code, name: body.name }, ['code']);
    return { id: code, created };
  }

  @Put('teams/:id')
  @Roles('team-lead', 'ops')
  @Audited('registry:team')
  @ApiOperation({
    operationId: 'putTeam',
    summary: 'Register a team of coordinators (team lead, ops)',
  })
  @ApiOkResponse({ type: RegisteredDto })
  async putTeam(@PersonIdParam() id: string, @Body() body: PutTeamDto): Promise<RegisteredDto> {
    if (
      body.municipalityCode &&
      !(await this.dataSource
        .getRepository(MunicipalityEntity)
        .existsBy({ code: body.municipalityCode }))
    ) {
      throw new UnprocessableEntityException([
        `municipalityCode ${body.municipalityCode} is not a registered municipality`,
      ]);
    }
    const repo = this.dataSource.getRepository(TeamEntity);
    const created = !(await repo.existsBy({ id }));
    await repo.upsert({ id, name: body.name, municipalityCode: body.municipalityCode ?? null }, [
      'id',
    ]);
    return { id, created };
  }

  @Get('coordinators/:id')
  @Roles('coordinator', 'team-lead', 'ops')
  @Audited('read:coordinator')
  @ApiOperation({
    operationId: 'getCoordinator',
    summary: 'A coordinator’s name and e-mail address',
  })
  @ApiOkResponse({ type: CoordinatorDto })
  @ApiNotFoundResponse({ type: ErrorBody })
  async getCoordinator(@PersonIdParam() id: string): Promise<CoordinatorDto> {
    const found = await this.dataSource.getRepository(CoordinatorEntity).findOneBy({ id });
    if (!found) throw new NotFoundException(`Coordinator ${id} does not exist`);
    return {
      id: found.id,
      name: found.name,
      email: found.email,
      ...(found.teamId ? { teamId: found.teamId } : {}),
    };
  }

  @Put('clients/:id')
  @Roles('coordinator')
  @Audited('registry:client')
  @ApiOperation({
    operationId: 'putClient',
    summary: 'Register or correct a client’s personal data (coordinator); kept out of workflows',
  })
  @ApiOkResponse({ type: RegisteredDto })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'The personal data of this client was destroyed (Jeugdwet 7.3.8/7.3.9)',
  })
  async putClient(@PersonIdParam() id: string, @Body() body: PutClientDto): Promise<RegisteredDto> {
    const repo = this.dataSource.getRepository(ClientEntity);
    const existing = await repo.findOneBy({ id });
    if (existing?.personalDataDestroyedAt) {
      // A destroyed file stays destroyed: new data about the person starts under a new id.
      throw new ConflictException(
        `The personal data of client ${id} was destroyed; register the person under a new id`,
      );
    }
    const created = !existing;
    await repo.upsert(
      {
        id,
        name: body.name,
        bsn: body.bsn ?? null,
        dateOfBirth: body.dateOfBirth ?? null,
        email: body.email ?? null,
      },
      ['id'],
    );
    return { id, created };
  }

  @Put('providers/:agbCode')
  @Roles('team-lead', 'ops')
  @Audited('registry:provider')
  @ApiOperation({
    operationId: 'putProvider',
    summary: 'Register or correct a provider (team lead, ops)',
  })
  @ApiOkResponse({ type: RegisteredDto })
  async putProvider(
    @Param('agbCode') agbCode: string,
    @Body() body: PutProviderDto,
  ): Promise<RegisteredDto> {
    if (!isValidAgbCode(agbCode)) throw new BadRequestException('agbCode must be 8 digits');
    const repo = this.dataSource.getRepository(ProviderEntity);
    const created = !(await repo.existsBy({ agbCode }));
    await repo.upsert({ agbCode, name: body.name, email: body.email }, ['agbCode']);
    return { id: agbCode, created };
  }
}
