import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
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
import type { VtoCommandType } from '@cjg/domain';
import { Audited } from '../audit/audit.interceptor';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiCommandAnswers, ApiIdempotencyKey, ApiProtected } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { CaseNumberPipe } from '../trajectories/case-number.pipe';
import {
  ListVtosQueryDto,
  ProposeVtoDto,
  RecordDecisionDto,
  RecordParentsInformedDto,
  RecordRaadOutcomeDto,
  VtoPageDto,
  VtoProposedDto,
  VtoStateDto,
  WithdrawVtoDto,
} from './dto/vto.dto';
import { VTO_COMMAND_ROLES } from './vto.access';
import { VtoService } from './vto.service';

const CASE_NUMBER_PARAM = { name: 'caseNumber', example: 'VTO-2026-000012' };
const CASE_NUMBER = ApiParam(CASE_NUMBER_PARAM);

/** The answers of a VTO command besides the common ones (404 is documented for all routes). */
const CommandAnswers = (answers: { ok: string; conflict: string; unprocessable?: string }) =>
  ApiCommandAnswers({
    param: CASE_NUMBER_PARAM,
    ok: { type: VtoStateDto, description: answers.ok },
    conflict: answers.conflict,
    ...(answers.unprocessable ? { unprocessable: answers.unprocessable } : {}),
  });

/**
 * Verzoeken tot onderzoek at the Raad voor de Kinderbescherming (002 §3.6; docs/vto.md). The
 * route parameter is the VTO's own case number, so the audit trail records it like a case's.
 */
@ApiTags('vto')
@ApiProtected()
@ApiNotFoundResponse({ type: ErrorBody, description: 'No VTO with this case number' })
@Controller('vtos')
export class VtoController {
  constructor(private readonly vtos: VtoService) {}

  @Post()
  @Roles('coordinator')
  @Audited('vto:propose')
  @ApiOperation({
    operationId: 'proposeVto',
    summary: 'Propose a verzoek tot onderzoek for a drang case (coordinator, own municipality)',
    description:
      'Starts the VTO workflow: the written request goes to the parents at once, and the VTO ' +
      'waits until it is recorded that they were informed. The same case number again starts ' +
      'nothing and answers 200 with `created: false`.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: VtoProposedDto, description: 'Proposed' })
  @ApiOkResponse({ type: VtoProposedDto, description: 'Already existed (created: false)' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description:
      'Unknown coordinator, client or trajectory, a trajectory of another municipality, or grounds without ernstige-ontwikkelingsbedreiging',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'Case number taken by another VTO' })
  async propose(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ProposeVtoDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VtoProposedDto> {
    const answer = await this.vtos.propose(
      principal,
      { ...body },
      IdempotencyService.key(idempotencyKey),
    );
    res.status(answer.statusCode);
    res.location(`/vtos/${body.caseNumber}`);
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }

  @Get()
  @Roles('coordinator', 'team-lead', 'ops')
  @Audited('read:vtos')
  @ApiOperation({
    operationId: 'listVtos',
    summary: 'List VTOs from the read model, within the caller’s scope',
    description:
      'Coordinators and team leads see their municipalities, ops everything. Ids, codes and ' +
      'dates only; newest first.',
  })
  @ApiOkResponse({ type: VtoPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListVtosQueryDto,
  ): Promise<VtoPageDto> {
    return this.vtos.list(principal, query);
  }

  @Get(':caseNumber')
  @Roles('coordinator', 'team-lead', 'ops')
  @Audited('read:vto')
  @ApiOperation({
    operationId: 'getVto',
    summary: 'The state of one VTO, what this caller can do next, and what falls due',
    description: 'The explanation in words is shown to coordinators and team leads only.',
  })
  @CASE_NUMBER
  @ApiOkResponse({ type: VtoStateDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
  ): Promise<VtoStateDto> {
    return this.vtos.get(principal, caseNumber);
  }

  @Post(':caseNumber/record-parents-informed')
  @HttpCode(HttpStatus.OK)
  @Roles(...VTO_COMMAND_ROLES.recordParentsInformed)
  @Audited('vto:record-parents-informed')
  @ApiOperation({
    operationId: 'recordVtoParentsInformed',
    summary: 'Record when and how the parents were informed (coordinator; 002 §3.6)',
    description:
      'Until this is recorded the VTO does not go onto the beschermingsplein’s agenda. ' +
      '`how`: conversation or letter; `informedOn` not in the future.',
  })
  @CommandAnswers({
    ok: 'Accepted: the state after the command',
    conflict: 'Not in this status; nothing changed',
    unprocessable: 'The data does not fit',
  })
  recordParentsInformed(
    @CurrentPrincipal() principal: Principal,
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Body() body: RecordParentsInformedDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VtoStateDto> {
    return this.give(
      'recordParentsInformed',
      'record-parents-informed',
      principal,
      caseNumber,
      body,
      idempotencyKey,
      res,
    );
  }

  @Post(':caseNumber/record-decision')
  @HttpCode(HttpStatus.OK)
  @Roles(...VTO_COMMAND_ROLES.recordDecision)
  @Audited('vto:record-decision')
  @ApiOperation({
    operationId: 'recordVtoDecision',
    summary: 'Record the beschermingsplein’s decision (coordinator, team lead)',
    description:
      'Once the meeting the VTO is on the agenda of has taken place: `send` (the Raad and the ' +
      'parents are told), `not-send` with a reason (the parents are told why) or `postpone` ' +
      '(back on the next agenda).',
  })
  @CommandAnswers({
    ok: 'Accepted: the state after the command',
    conflict: 'Not on an agenda; nothing changed',
    unprocessable: 'Before the meeting, or a reason missing (not-send) or given (otherwise)',
  })
  recordDecision(
    @CurrentPrincipal() principal: Principal,
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Body() body: RecordDecisionDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VtoStateDto> {
    return this.give(
      'recordDecision',
      'record-decision',
      principal,
      caseNumber,
      body,
      idempotencyKey,
      res,
    );
  }

  @Post(':caseNumber/record-raad-outcome')
  @HttpCode(HttpStatus.OK)
  @Roles(...VTO_COMMAND_ROLES.recordRaadOutcome)
  @Audited('vto:record-raad-outcome')
  @ApiOperation({
    operationId: 'recordVtoRaadOutcome',
    summary: 'Record the Raad’s answer: an investigation or not (coordinator)',
  })
  @CommandAnswers({
    ok: 'Accepted: the VTO is closed',
    conflict: 'Not sent to the Raad; nothing changed',
    unprocessable: 'The data does not fit',
  })
  recordRaadOutcome(
    @CurrentPrincipal() principal: Principal,
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Body() body: RecordRaadOutcomeDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VtoStateDto> {
    return this.give(
      'recordRaadOutcome',
      'record-raad-outcome',
      principal,
      caseNumber,
      body,
      idempotencyKey,
      res,
    );
  }

  @Post(':caseNumber/withdraw')
  @HttpCode(HttpStatus.OK)
  @Roles(...VTO_COMMAND_ROLES.withdraw)
  @Audited('vto:withdraw')
  @ApiOperation({
    operationId: 'withdrawVto',
    summary: 'Withdraw the VTO before the beschermingsplein decided (coordinator)',
  })
  @CommandAnswers({
    ok: 'Accepted: the VTO is closed',
    conflict: 'Already decided; nothing changed',
  })
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Body() body: WithdrawVtoDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VtoStateDto> {
    return this.give('withdraw', 'withdraw', principal, caseNumber, body, idempotencyKey, res);
  }

  private async give(
    type: VtoCommandType,
    path: string,
    principal: Principal,
    caseNumber: string,
    body: object,
    idempotencyKey: string | undefined,
    res: Response,
  ): Promise<VtoStateDto> {
    const answer = await this.vtos.command(
      principal,
      caseNumber,
      type,
      { ...body },
      `/vtos/${caseNumber}/${path}`,
      IdempotencyService.key(idempotencyKey),
    );
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }
}
