import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { HandoverCommandType } from '@cjg/domain';
import { Audited } from '../audit/audit.interceptor';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiCommandAnswers, ApiIdempotencyKey, ApiProtected } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { IsMunicipalityCodePipe } from './municipality-code.pipe';
import { IdempotencyService } from '../idempotency/idempotency.service';
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
import { HandoverAuditGuard, HandoverIdPipe } from './handover-id.pipe';
import { VeiligThuisService } from './veilig-thuis.service';

/** The answers of every handover command besides its own. */
const CommandAnswers = () =>
  ApiCommandAnswers({
    param: { name: 'handoverId', example: 'VTH-2026-000123' },
    ok: { type: HandoverDto, description: 'Accepted: the handover after the command' },
    notFound: 'No handover with this id',
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
  @Roles('veilig-thuis')
  @Audited('handover:create')
  @ApiOperation({
    operationId: 'createHandover',
    summary: 'Hand a case over to the CJG (Veilig Thuis liaison, for its own organisation)',
    description:
      'Starts one handover per Veilig Thuis reference. The same reference again starts nothing and answers 200 with `created: false`. The handover lead of the municipality and Veilig Thuis get a letter; the CJG accepts within 5 working days (1 when urgent).',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: HandoverCreatedDto, description: 'Handed over' })
  @ApiOkResponse({ type: HandoverCreatedDto, description: 'Already handed over (created: false)' })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'This reference was handed over already with other details',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description:
      'The organisation is not registered as Veilig Thuis, or the municipality has no handover lead',
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateHandoverDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HandoverCreatedDto> {
    const answer = await this.handovers.create(
      principal,
      body,
      IdempotencyService.key(idempotencyKey),
    );
    res.status(answer.statusCode);
    res.location(`/handovers/${answer.body.handoverId}`);
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }

  @Get('handovers')
  @Roles('veilig-thuis', 'coordinator', 'team-lead', 'ops')
  @Audited('read:handovers')
  @ApiOperation({
    operationId: 'listHandovers',
    summary: 'List handovers, earliest due first, within the caller’s scope',
    description:
      'Veilig Thuis sees its own organisation’s, coordinators and team leads their municipalities’, ops all. An overdue handover keeps its missed deadline as `nextDueAt`, so it stays on top until the step is taken.',
  })
  @ApiOkResponse({ type: HandoverPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListHandoversQueryDto,
  ): Promise<HandoverPageDto> {
    return this.handovers.list(principal, query);
  }

  @Get('handovers/:handoverId')
  @Roles('veilig-thuis', 'coordinator', 'team-lead', 'ops')
  @Audited('read:handover')
  @ApiOperation({
    operationId: 'getHandover',
    summary: 'One handover: its status, texts, deadlines and what this caller can do next',
  })
  @ApiParam({ name: 'handoverId', example: 'VTH-2026-000123' })
  @ApiOkResponse({ type: HandoverDto })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('handoverId', HandoverIdPipe) handoverId: string,
  ): Promise<HandoverDto> {
    return this.handovers.get(principal, handoverId);
  }

  @Post('handovers/:handoverId/accept')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator', 'team-lead')
  @Audited('handover:accept')
  @ApiOperation({
    operationId: 'acceptHandover',
    summary: 'Accept the handover and assign a (registered) coordinator (team lead, coordinator)',
  })
  @CommandAnswers()
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('handoverId', HandoverIdPipe) handoverId: string,
    @Body() body: AcceptHandoverDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HandoverDto> {
    return this.give(principal, handoverId, 'accept', 'accept', body, key, res);
  }

  @Post('handovers/:handoverId/refuse')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator', 'team-lead')
  @Audited('handover:refuse')
  @ApiOperation({
    operationId: 'refuseHandover',
    summary: 'Refuse the handover: back to Veilig Thuis with the reason (team lead, coordinator)',
  })
  @CommandAnswers()
  refuse(
    @CurrentPrincipal() principal: Principal,
    @Param('handoverId', HandoverIdPipe) handoverId: string,
    @Body() body: RefuseHandoverDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HandoverDto> {
    return this.give(principal, handoverId, 'refuse', 'refuse', body, key, res);
  }

  @Post('handovers/:handoverId/plan-meeting')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @Audited('handover:planMeeting')
  @ApiOperation({
    operationId: 'planHandoverMeeting',
    summary:
      'Plan (or move) the warm handover with the family and Veilig Thuis, joint home visit yes/no (coordinator)',
  })
  @CommandAnswers()
  planMeeting(
    @CurrentPrincipal() principal: Principal,
    @Param('handoverId', HandoverIdPipe) handoverId: string,
    @Body() body: PlanHandoverMeetingDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HandoverDto> {
    return this.give(principal, handoverId, 'planMeeting', 'plan-meeting', body, key, res);
  }

  @Post('handovers/:handoverId/record-meeting')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @Audited('handover:recordMeeting')
  @ApiOperation({
    operationId: 'recordHandoverMeeting',
    summary:
      'Record the warm handover held: its agreements go in writing to Veilig Thuis, the family and the coordinator (coordinator)',
  })
  @CommandAnswers()
  recordMeeting(
    @CurrentPrincipal() principal: Principal,
    @Param('handoverId', HandoverIdPipe) handoverId: string,
    @Body() body: RecordHandoverMeetingDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HandoverDto> {
    return this.give(principal, handoverId, 'recordMeeting', 'record-meeting', body, key, res);
  }

  @Post('handovers/:handoverId/start-trajectory')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @Audited('handover:startTrajectory')
  @ApiOperation({
    operationId: 'startHandoverTrajectory',
    summary:
      'Start a toegang trajectory for the client and family of the handover; Veilig Thuis gets the feedback (coordinator)',
  })
  @CommandAnswers()
  startTrajectory(
    @CurrentPrincipal() principal: Principal,
    @Param('handoverId', HandoverIdPipe) handoverId: string,
    @Body() body: StartHandoverTrajectoryDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HandoverDto> {
    return this.give(principal, handoverId, 'startTrajectory', 'start-trajectory', body, key, res);
  }

  @Post('handovers/:handoverId/close-with-basic-support')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @Audited('handover:closeWithBasicSupport')
  @ApiOperation({
    operationId: 'closeHandoverWithBasicSupport',
    summary:
      'No specialised care needed: close with basic support; Veilig Thuis gets the feedback (coordinator)',
  })
  @CommandAnswers()
  closeWithBasicSupport(
    @CurrentPrincipal() principal: Principal,
    @Param('handoverId', HandoverIdPipe) handoverId: string,
    @Body() body: CloseHandoverWithBasicSupportDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HandoverDto> {
    return this.give(
      principal,
      handoverId,
      'closeWithBasicSupport',
      'close-with-basic-support',
      body,
      key,
      res,
    );
  }

  @Post('handovers/:handoverId/withdraw')
  @HttpCode(HttpStatus.OK)
  @Roles('veilig-thuis')
  @Audited('handover:withdraw')
  @ApiOperation({
    operationId: 'withdrawHandover',
    summary: 'Take the handover back, before the meeting is held (Veilig Thuis liaison)',
  })
  @CommandAnswers()
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('handoverId', HandoverIdPipe) handoverId: string,
    @Body() body: WithdrawHandoverDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HandoverDto> {
    return this.give(principal, handoverId, 'withdraw', 'withdraw', body, key, res);
  }

  @Put('handover-leads/:municipalityCode')
  @Roles('team-lead', 'ops')
  @Audited('registry:handover-lead')
  @ApiOperation({
    operationId: 'putHandoverLead',
    summary:
      'Name who receives new Veilig Thuis handovers and escalations for a municipality (team lead of it, ops)',
  })
  @ApiParam({ name: 'municipalityCode', example: '0957' })
  @ApiOkResponse({ type: HandoverLeadDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'Not a registered coordinator' })
  putHandoverLead(
    @CurrentPrincipal() principal: Principal,
    @Param('municipalityCode', IsMunicipalityCodePipe) municipalityCode: string,
    @Body() body: PutHandoverLeadDto,
  ): Promise<HandoverLeadDto> {
    return this.handovers.putHandoverLead(principal, municipalityCode, body.coordinatorId);
  }

  private async give(
    principal: Principal,
    handoverId: string,
    type: HandoverCommandType,
    path: string,
    body: object,
    idempotencyKey: string | undefined,
    res: Response,
  ): Promise<HandoverDto> {
    const answer = await this.handovers.command(
      principal,
      handoverId,
      type,
      { ...body },
      `/handovers/${handoverId}/${path}`,
      IdempotencyService.key(idempotencyKey),
    );
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }
}
