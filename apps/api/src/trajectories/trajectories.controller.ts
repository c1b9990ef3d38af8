import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProtected } from '../common/api-docs';
import { PathParam } from '../common/path-params';
import { CallerOf, type Caller, type HttpAnswer } from '../idempotency/idempotency.interceptor';
import { ReadRoute, StartRoute } from '../processes/process-routes';
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
    created: { type: TrajectoryStartedDto, description: 'Started' },
    existed: { type: TrajectoryStartedDto, description: 'Already existed (created: false)' },
    unprocessable: 'Unknown coordinator or client',
    conflict: 'Case number taken by another case',
  })
  start(
    @CallerOf() caller: Caller,
    @Body() body: StartTrajectoryDto,
  ): Promise<HttpAnswer<TrajectoryStartedDto>> {
    return this.trajectories.start(caller, { ...body });
  }

  @Get()
  @ReadRoute(['coordinator', 'team-lead', 'provider', 'ops'], {
    operationId: 'listTrajectories',
    summary: 'List trajectories from the read model, within the caller’s scope',
    description:
      'Coordinators and team leads see their municipalities, providers the cases they have a ' +
      'part in, ops everything. Ids and codes only.',
    audit: 'read:trajectories',
    ok: { type: TrajectoryPageDto },
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListTrajectoriesQueryDto,
  ): Promise<TrajectoryPageDto> {
    return this.trajectories.list(principal, query);
  }

  @Get(':caseNumber')
  @ReadRoute(['coordinator', 'team-lead', 'provider', 'ops'], {
    operationId: 'getTrajectory',
    summary: 'The state of one trajectory, what this caller can do next, and what falls due',
    description:
      'Coordinators, team leads and ops get the whole case (`view: case`); a provider its own ' +
      'part (`view: provider`), until PARTNER_ACCESS_AFTER_END after the case closed. Free ' +
      'texts are read from PostgreSQL for this answer.',
    audit: 'read:trajectory',
    ok: CASE_VIEW_RESPONSE,
    notFound: 'No trajectory with this case number',
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @PathParam('caseNumber') caseNumber: string,
  ): Promise<CaseView> {
    return this.trajectories.get(principal, caseNumber);
  }
}
