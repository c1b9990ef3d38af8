import { applyDecorators, Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { TransferCommandType } from '@cjg/domain';
import { Audited } from '../audit/audit.interceptor';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiCommandAnswers, ApiProtected } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { PathParam } from '../common/path-params';
import { CallerOf, type Caller, type HttpAnswer } from '../idempotency/idempotency.interceptor';
import { CommandRoute, StartRoute, type CommandRouteOptions } from '../processes/process-routes';
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
import { TRANSFER_ACCESS } from './transfer.access';

/** The `:transferId` of a transfer. */
const TransferId = () => PathParam('transferId');

/** A transfer command route, with the answers every transfer command gives. */
const TransferCommand = (type: TransferCommandType, route: CommandRouteOptions) =>
  applyDecorators(
    CommandRoute(TRANSFER_ACCESS, type, route),
    ApiCommandAnswers({
      ok: { type: TransferStateDto, description: 'Accepted: the state after it' },
      notFound: 'No transfer with this id',
      conflict: 'Refused in this state (wrong status, ended, meeting not yet held)',
      unprocessable:
        'Refused by the data (dates against the measure’s end, unregistered people, a case number in use), or the Idempotency-Key was used for another request',
    }),
  );

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
  @StartRoute(['gi'], {
    operationId: 'proposeTransfer',
    summary: 'Propose a Schakeloverleg transfer to the voluntary frame (GI, own organisation)',
    description:
      'One workflow per GI and reference, `schakeloverleg-<organisation>.<reference>`. The same ' +
      'reference again starts nothing and answers 200 with `created: false`.',
    audit: 'transfer:propose',
  })
  @ApiCreatedResponse({ type: TransferProposedDto, description: 'Proposed' })
  @ApiOkResponse({ type: TransferProposedDto, description: 'Already proposed (created: false)' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description:
      'The GI or a provider is not registered, or the measure ends too soon for a Schakeloverleg',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'The reference names another transfer' })
  propose(
    @CallerOf() caller: Caller,
    @Body() body: ProposeTransferDto,
  ): Promise<HttpAnswer<TransferProposedDto>> {
    return this.transfers.propose(caller, body);
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
  @ApiOkResponse({ type: TransferStateDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No transfer with this id' })
  get(
    @CurrentPrincipal() principal: Principal,
    @TransferId() transferId: string,
  ): Promise<TransferStateDto> {
    return this.transfers.get(principal, transferId) as Promise<TransferStateDto>;
  }

  @Post(':transferId/plan')
  @TransferCommand('plan', {
    operationId: 'planTransfer',
    summary: 'Plan (or move) the Schakeloverleg (coordinator, team lead of the municipality)',
    audit: 'transfer:plan',
  })
  plan(
    @CallerOf() caller: Caller,
    @TransferId() transferId: string,
    @Body() body: PlanTransferDto,
  ) {
    return this.transfers.command(caller, transferId, 'plan', body);
  }

  @Post(':transferId/record-outcome')
  @TransferCommand('recordOutcome', {
    operationId: 'recordTransferOutcome',
    summary:
      'Record the outcome of the Schakeloverleg: agreed (the trajectory starts on the end date) or not (a revisit date)',
    audit: 'transfer:record-outcome',
  })
  recordOutcome(
    @CallerOf() caller: Caller,
    @TransferId() transferId: string,
    @Body() body: RecordTransferOutcomeDto,
  ) {
    return this.transfers.command(caller, transferId, 'recordOutcome', body);
  }

  @Post(':transferId/change-measure-end')
  @TransferCommand('changeMeasureEnd', {
    operationId: 'changeTransferMeasureEnd',
    summary: 'The measure ends on another date (GI, own transfer)',
    audit: 'transfer:change-measure-end',
  })
  changeMeasureEnd(
    @CallerOf() caller: Caller,
    @TransferId() transferId: string,
    @Body() body: ChangeMeasureEndDto,
  ) {
    return this.transfers.command(caller, transferId, 'changeMeasureEnd', body);
  }

  @Post(':transferId/withdraw')
  @TransferCommand('withdraw', {
    operationId: 'withdrawTransfer',
    summary: 'Withdraw the proposal (GI, own transfer), until the trajectory has started',
    audit: 'transfer:withdraw',
  })
  withdraw(
    @CallerOf() caller: Caller,
    @TransferId() transferId: string,
    @Body() body: WithdrawTransferDto,
  ) {
    return this.transfers.command(caller, transferId, 'withdraw', body);
  }
}
