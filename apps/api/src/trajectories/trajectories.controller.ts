import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Audited } from '../audit/audit.interceptor';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProtected } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { PathParam } from '../common/path-params';
import { CallerOf, type Caller, type HttpAnswer } from '../idempotency/idempotency.interceptor';
import { StartRoute } from '../processes/process-routes';
import {
  CASE_VIEW_RESPONSE,
  ListTrajectoriesQueryDto,
  ProviderTrajectoryViewDto,
  StartTrajectoryDto,
  TrajectoryPageDto,
  TrajectoryStartedDto,
  TrajectoryStateDto,
} from './dto/trajectory.dto';
import { TrajectoriesService, type CaseView } from './trajectories.service';

@ApiTags('trajectories')
@ApiProtected()
@ApiExtraModels(TrajectoryStateDto, ProviderTrajectoryViewDto)
@Controller('trajectories')
export class TrajectoriesController {
  constructor(private readonly trajectories: TrajectoriesService) {}

  @Post()
  @StartRoute(['coordinator'], {
    operationId: 'startTrajectory',
    summary: 'Start the trajectory of a case (coordinator, own municipality)',
    description:
      'Starts one workflow per case number. The same case number again starts nothing and ' +
      'answers 200 with `created: false`.',
    audit: 'start',
  })
  @ApiCreatedResponse({ type: TrajectoryStartedDto, description: 'Started' })
  @ApiOkResponse({ type: TrajectoryStartedDto, description: 'Already existed (created: false)' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'Unknown coordinator or client' })
  @ApiConflictResponse({ type: ErrorBody, description: 'Case number taken by another case' })
  start(
    @CallerOf() caller: Caller,
    @Body() body: StartTrajectoryDto,
  ): Promise<HttpAnswer<TrajectoryStartedDto>> {
    return this.trajectories.start(caller, { ...body });
  }

  @Get()
  @Roles('coordinator', 'team-lead', 'provider', 'ops')
  @Audited('read:trajectories')
  @ApiOperation({
    operationId: 'listTrajectories',
    summary: 'List trajectories from the read model, within the caller’s scope',
    description:
      'Coordinators and team leads see their municipalities, providers the cases they have a ' +
      'part in, ops everything. Ids and codes only.',
  })
  @ApiOkResponse({ type: TrajectoryPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListTrajectoriesQueryDto,
  ): Promise<TrajectoryPageDto> {
    return this.trajectories.list(principal, query);
  }

  @Get(':caseNumber')
  @Roles('coordinator', 'team-lead', 'provider', 'ops')
  @Audited('read:trajectory')
  @ApiOperation({
    operationId: 'getTrajectory',
    summary: 'The state of one trajectory, what this caller can do next, and what falls due',
    description:
      'Coordinators, team leads and ops get the whole case (`view: case`); a provider its own ' +
      'part (`view: provider`), until PARTNER_ACCESS_AFTER_END after the case closed. Free ' +
      'texts are read from PostgreSQL for this answer.',
  })
  @ApiOkResponse(CASE_VIEW_RESPONSE)
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No trajectory with this case number' })
  get(
    @CurrentPrincipal() principal: Principal,
    @PathParam('caseNumber') caseNumber: string,
  ): Promise<CaseView> {
    return this.trajectories.get(principal, caseNumber);
  }
}
