import {
  BadRequestException,
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
  type PipeTransform,
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
import { parseTransferId, type TransferCommandType } from '@cjg/domain';
import { Audited } from '../audit/audit.interceptor';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiCommandAnswers, ApiIdempotencyKey, ApiProtected } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { IdempotencyService } from '../idempotency/idempotency.service';
import {
  ChangeMeasureEndDto,
  PlanTransferDto,
  RecordTransferOutcomeDto,
  WithdrawTransferDto,
} from './dto/commands.dto';
import {
  ListTransfersQueryDto,
  ProposeTransferDto,
  TransferListDto,
  TransferProposedDto,
  TransferStateDto,
} from './dto/transfer.dto';
import { SchakeloverlegService } from './schakeloverleg.service';

class TransferIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!parseTransferId(value)) {
      throw new BadRequestException(
        'transferId must be <organisation id>.<reference>, e.g. gi-limburg.JB-2026-1234',
      );
    }
    return value;
  }
}

const TRANSFER_ID = { name: 'transferId', example: 'gi-limburg.JB-2026-1234' };

/**
 * The Schakeloverleg transfer from the forced to the voluntary frame (000): a GI proposes it, the
 * CJG of the municipality plans the Schakeloverleg and records its outcome; when agreed, the
 * toegang trajectory starts on the measure's end date with the care in place carried over.
 * See docs/schakeloverleg.md.
 */
@ApiTags('schakeloverleg transfers')
@ApiProtected()
@Controller('transfers')
export class SchakeloverlegController {
  constructor(private readonly transfers: SchakeloverlegService) {}

  @Post()
  @Roles('gi')
  @Audited('transfer:propose')
  @ApiOperation({
    operationId: 'proposeTransfer',
    summary: 'Propose a Schakeloverleg transfer to the voluntary frame (GI, own organisation)',
    description:
      'One workflow per GI and reference, `schakeloverleg-<organisation>.<reference>`. The same ' +
      'reference again starts nothing and answers 200 with `created: false`.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: TransferProposedDto, description: 'Proposed' })
  @ApiOkResponse({ type: TransferProposedDto, description: 'Already proposed (created: false)' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description:
      'The GI or a provider is not registered, or the measure ends too soon for a Schakeloverleg',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'The reference names another transfer' })
  async propose(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ProposeTransferDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TransferProposedDto> {
    const answer = await this.transfers.propose(
      principal,
      body,
      IdempotencyService.key(idempotencyKey),
    );
    res.status(answer.statusCode);
    res.location(`/transfers/${answer.body.transferId}`);
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }

  @Get()
  @Roles('gi', 'coordinator', 'team-lead', 'ops')
  @Audited('read:transfers')
  @ApiOperation({
    operationId: 'listTransfers',
    summary: 'List transfers within the caller’s scope, newest first',
    description:
      'A GI sees its own, coordinators and team leads those of their municipalities, ops all. ' +
      'Read from Temporal’s visibility store: a change shows within a second or so.',
  })
  @ApiOkResponse({ type: TransferListDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListTransfersQueryDto,
  ): Promise<TransferListDto> {
    return this.transfers.list(principal, query);
  }

  @Get(':transferId')
  @Roles('gi', 'coordinator', 'team-lead', 'ops')
  @Audited('read:transfer')
  @ApiOperation({
    operationId: 'getTransfer',
    summary: 'One transfer: its state, what this caller can do next, and what falls due',
  })
  @ApiParam(TRANSFER_ID)
  @ApiOkResponse({ type: TransferStateDto })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('transferId', TransferIdPipe) transferId: string,
  ): Promise<TransferStateDto> {
    return this.transfers.get(principal, transferId) as Promise<TransferStateDto>;
  }

  @Post(':transferId/plan')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator', 'team-lead')
  @Audited('transfer:plan')
  @ApiOperation({
    operationId: 'planTransfer',
    summary: 'Plan (or move) the Schakeloverleg (coordinator, team lead of the municipality)',
  })
  @CommandAnswers()
  plan(
    @CurrentPrincipal() principal: Principal,
    @Param('transferId', TransferIdPipe) transferId: string,
    @Body() body: PlanTransferDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TransferStateDto> {
    return this.give('plan', 'plan', principal, transferId, body, idempotencyKey, res);
  }

  @Post(':transferId/record-outcome')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator', 'team-lead')
  @Audited('transfer:record-outcome')
  @ApiOperation({
    operationId: 'recordTransferOutcome',
    summary:
      'Record the outcome of the Schakeloverleg: agreed (the trajectory starts on the end date) or not (a revisit date)',
  })
  @CommandAnswers()
  recordOutcome(
    @CurrentPrincipal() principal: Principal,
    @Param('transferId', TransferIdPipe) transferId: string,
    @Body() body: RecordTransferOutcomeDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TransferStateDto> {
    return this.give(
      'recordOutcome',
      'record-outcome',
      principal,
      transferId,
      body,
      idempotencyKey,
      res,
    );
  }

  @Post(':transferId/change-measure-end')
  @HttpCode(HttpStatus.OK)
  @Roles('gi')
  @Audited('transfer:change-measure-end')
  @ApiOperation({
    operationId: 'changeTransferMeasureEnd',
    summary: 'The measure ends on another date (GI, own transfer)',
  })
  @CommandAnswers()
  changeMeasureEnd(
    @CurrentPrincipal() principal: Principal,
    @Param('transferId', TransferIdPipe) transferId: string,
    @Body() body: ChangeMeasureEndDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TransferStateDto> {
    return this.give(
      'changeMeasureEnd',
      'change-measure-end',
      principal,
      transferId,
      body,
      idempotencyKey,
      res,
    );
  }

  @Post(':transferId/withdraw')
  @HttpCode(HttpStatus.OK)
  @Roles('gi')
  @Audited('transfer:withdraw')
  @ApiOperation({
    operationId: 'withdrawTransfer',
    summary: 'Withdraw the proposal (GI, own transfer), until the trajectory has started',
  })
  @CommandAnswers()
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('transferId', TransferIdPipe) transferId: string,
    @Body() body: WithdrawTransferDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TransferStateDto> {
    return this.give('withdraw', 'withdraw', principal, transferId, body, idempotencyKey, res);
  }

  private async give(
    type: TransferCommandType,
    path: string,
    principal: Principal,
    transferId: string,
    body: object,
    idempotencyKey: string | undefined,
    res: Response,
  ): Promise<TransferStateDto> {
    const answer = await this.transfers.command(
      principal,
      transferId,
      type,
      { ...body },
      `/transfers/${transferId}/${path}`,
      IdempotencyService.key(idempotencyKey),
    );
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer.body as TransferStateDto;
  }
}

/** The answers of a command besides the common ones. */
function CommandAnswers() {
  return ApiCommandAnswers({
    param: TRANSFER_ID,
    ok: { type: TransferStateDto, description: 'Accepted: the state after it' },
    notFound: 'No transfer with this id',
    conflict: 'Refused in this state (wrong status, ended, meeting not yet held)',
    unprocessable:
      'Refused by the data (dates against the measure’s end, unregistered people, a case number in use), or the Idempotency-Key was used for another request',
  });
}
