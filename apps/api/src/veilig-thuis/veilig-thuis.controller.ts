import { Body, Controller, Get, Post, Put, Query, UseGuards } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { HandoverCommandType } from '@cjg/domain';
import { Audited } from '../audit/audit.interceptor';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProtected } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { PathParam } from '../common/path-params';
import { CallerOf, type Caller, type HttpAnswer } from '../idempotency/idempotency.interceptor';
import { CommandRoute, ReadRoute, StartRoute } from '../processes/process-routes';
import {
  AcceptHandoverDto,
  CloseHandoverWithBasicSupportDto,
  CreateHandoverDto,
  HandoverCreatedDto,
  HandoverDto,
  HandoverLeadDto,
  HandoverPageDto,
  ListHandoversQueryDto,
  PlanHandoverMeetingDto,
  PutHandoverLeadDto,
  RecordHandoverMeetingDto,
  RefuseHandoverDto,
  StartHandoverTrajectoryDto,
  WithdrawHandoverDto,
} from './dto/handover.dto';
import { HANDOVER_ACCESS } from './handover.access';
import { HandoverAuditGuard } from './handover-audit.guard';
import { VeiligThuisService } from './veilig-thuis.service';

/** The `:handoverId` of a handover. */
const HandoverId = () => PathParam('handoverId');

const NOT_FOUND = 'No handover with this id';

/** A handover command route, with the answers every handover command gives. */
const HandoverCommand = (type: HandoverCommandType, operationId: string, summary: string) =>
  CommandRoute(HANDOVER_ACCESS, type, {
    operationId,
    summary,
    audit: `handover:${type}`,
    ok: { type: HandoverDto, description: 'Accepted: the handover after the command' },
    notFound: NOT_FOUND,
    conflict: 'Refused in this status (or the handover has ended); nothing changed',
    unprocessable:
      'Refused: the data does not fit the handover, an id is not registered, or the Idempotency-Key was used for another request',
  });

/**
 * The Veilig Thuis warm handover (002 §3.6, §5.6): Veilig Thuis hands a case over; the CJG
 * accepts (or refuses) it, holds the warm handover with the family and Veilig Thuis, puts the
 * agreements in writing for all parties, and starts a trajectory or closes with basic support.
 * Each handover is a workflow; see docs/veilig-thuis.md.
 */
@ApiTags('veilig thuis handovers')
@ApiProtected(
  'Not for this role, or the handover belongs to another organisation or a municipality outside the token scope',
)
@UseGuards(HandoverAuditGuard)
@Controller()
export class VeiligThuisController {
  constructor(private readonly handovers: VeiligThuisService) {}

  @Post('handovers')
  @StartRoute(['veilig-thuis'], {
    operationId: 'createHandover',
    summary: 'Hand a case over to the CJG (Veilig Thuis liaison, for its own organisation)',
    description:
      'Starts one handover per Veilig Thuis reference. The same reference again starts nothing and answers 200 with `created: false`. The handover lead of the municipality and Veilig Thuis get a letter; the CJG accepts within 5 working days (1 when urgent).',
    audit: 'handover:create',
    created: { type: HandoverCreatedDto, description: 'Handed over' },
    existed: { type: HandoverCreatedDto, description: 'Already handed over (created: false)' },
    conflict: 'This reference was handed over already with other details',
    unprocessable:
      'The organisation is not registered as Veilig Thuis, or the municipality has no handover lead',
  })
  create(
    @CallerOf() caller: Caller,
    @Body() body: CreateHandoverDto,
  ): Promise<HttpAnswer<HandoverCreatedDto>> {
    return this.handovers.create(caller, body);
  }

  @Get('handovers')
  @ReadRoute(['veilig-thuis', 'coordinator', 'team-lead', 'ops'], {
    operationId: 'listHandovers',
    summary: 'List handovers, earliest due first, within the caller’s scope',
    description:
      'Veilig Thuis sees its own organisation’s, coordinators and team leads their municipalities’, ops all. An overdue handover keeps its missed deadline as `nextDueAt`, so it stays on top until the step is taken.',
    audit: 'read:handovers',
    ok: { type: HandoverPageDto },
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListHandoversQueryDto,
  ): Promise<HandoverPageDto> {
    return this.handovers.list(principal, query);
  }

  @Get('handovers/:handoverId')
  @ReadRoute(['veilig-thuis', 'coordinator', 'team-lead', 'ops'], {
    operationId: 'getHandover',
    summary: 'One handover: its status, texts, deadlines and what this caller can do next',
    audit: 'read:handover',
    ok: { type: HandoverDto },
    notFound: NOT_FOUND,
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @HandoverId() handoverId: string,
  ): Promise<HandoverDto> {
    return this.handovers.get(principal, handoverId);
  }

  @Post('handovers/:handoverId/accept')
  @HandoverCommand(
    'accept',
    'acceptHandover',
    'Accept the handover and assign a (registered) coordinator (team lead, coordinator)',
  )
  accept(
    @CallerOf() caller: Caller,
    @HandoverId() handoverId: string,
    @Body() body: AcceptHandoverDto,
  ) {
    return this.handovers.command(caller, handoverId, 'accept', body);
  }

  @Post('handovers/:handoverId/refuse')
  @HandoverCommand(
    'refuse',
    'refuseHandover',
    'Refuse the handover: back to Veilig Thuis with the reason (team lead, coordinator)',
  )
  refuse(
    @CallerOf() caller: Caller,
    @HandoverId() handoverId: string,
    @Body() body: RefuseHandoverDto,
  ) {
    return this.handovers.command(caller, handoverId, 'refuse', body);
  }

  @Post('handovers/:handoverId/plan-meeting')
  @HandoverCommand(
    'planMeeting',
    'planHandoverMeeting',
    'Plan (or move) the warm handover with the family and Veilig Thuis, joint home visit yes/no (coordinator)',
  )
  planMeeting(
    @CallerOf() caller: Caller,
    @HandoverId() handoverId: string,
    @Body() body: PlanHandoverMeetingDto,
  ) {
    return this.handovers.command(caller, handoverId, 'planMeeting', body);
  }

  @Post('handovers/:handoverId/record-meeting')
  @HandoverCommand(
    'recordMeeting',
    'recordHandoverMeeting',
    'Record the warm handover held: its agreements go in writing to Veilig Thuis, the family and the coordinator (coordinator)',
  )
  recordMeeting(
    @CallerOf() caller: Caller,
    @HandoverId() handoverId: string,
    @Body() body: RecordHandoverMeetingDto,
  ) {
    return this.handovers.command(caller, handoverId, 'recordMeeting', body);
  }

  @Post('handovers/:handoverId/start-trajectory')
  @HandoverCommand(
    'startTrajectory',
    'startHandoverTrajectory',
    'Start a toegang trajectory for the client and family of the handover; Veilig Thuis gets the feedback (coordinator)',
  )
  startTrajectory(
    @CallerOf() caller: Caller,
    @HandoverId() handoverId: string,
    @Body() body: StartHandoverTrajectoryDto,
  ) {
    return this.handovers.command(caller, handoverId, 'startTrajectory', body);
  }

  @Post('handovers/:handoverId/close-with-basic-support')
  @HandoverCommand(
    'closeWithBasicSupport',
    'closeHandoverWithBasicSupport',
    'No specialised care needed: close with basic support; Veilig Thuis gets the feedback (coordinator)',
  )
  closeWithBasicSupport(
    @CallerOf() caller: Caller,
    @HandoverId() handoverId: string,
    @Body() body: CloseHandoverWithBasicSupportDto,
  ) {
    return this.handovers.command(caller, handoverId, 'closeWithBasicSupport', body);
  }

  @Post('handovers/:handoverId/withdraw')
  @HandoverCommand(
    'withdraw',
    'withdrawHandover',
    'Take the handover back, before the meeting is held (Veilig Thuis liaison)',
  )
  withdraw(
    @CallerOf() caller: Caller,
    @HandoverId() handoverId: string,
    @Body() body: WithdrawHandoverDto,
  ) {
    return this.handovers.command(caller, handoverId, 'withdraw', body);
  }

  @Put('handover-leads/:municipalityCode')
  @Roles('team-lead', 'ops')
  @Audited('registry:handover-lead')
  @ApiOperation({
    operationId: 'putHandoverLead',
    summary:
      'Name who receives new Veilig Thuis handovers and escalations for a municipality (team lead of it, ops)',
  })
  @ApiOkResponse({ type: HandoverLeadDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'Not a registered coordinator' })
  putHandoverLead(
    @CurrentPrincipal() principal: Principal,
    @PathParam('municipalityCode') municipalityCode: string,
    @Body() body: PutHandoverLeadDto,
  ): Promise<HandoverLeadDto> {
    return this.handovers.putHandoverLead(principal, municipalityCode, body.coordinatorId);
  }
}
