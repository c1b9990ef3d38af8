import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TransferCommandType } from '@cjg/domain';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProtected } from '../common/api-docs';
import { PathParam } from '../common/path-params';
import { CallerOf, type Caller, type HttpAnswer } from '../idempotency/idempotency.interceptor';
import {
  CommandRoute,
  ReadRoute,
  StartRoute,
  type RouteOptions,
} from '../processes/process-routes';
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

const NOT_FOUND = 'No transfer with this id';

/** A transfer command route, with the answers every transfer command gives. */
const TransferCommand = (type: TransferCommandType, route: RouteOptions) =>
  CommandRoute(TRANSFER_ACCESS, type, {
    ...route,
    ok: { type: TransferStateDto, description: 'Accepted: the state after it' },
    notFound: NOT_FOUND,
    conflict: 'Refused in this state (wrong status, ended, meeting not yet held)',
    unprocessable:
      'Refused by the data (dates against the measure’s end, unregistered people, a case number in use), or the Idempotency-Key was used for another request',
  });

/**
 * The Schakeloverleg transfer from the forced to the voluntary frame (000): a GI proposes it, the
 * CJG of the municipality plans the Schakeloverleg and records its outcome; when agreed, the
 * toegang trajectory starts when agreed, its beschikking due before the measure's end date, with
 * the care in place carried over.
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
    created: { type: TransferProposedDto, description: 'Proposed' },
    existed: { type: TransferProposedDto, description: 'Already proposed (created: false)' },
    unprocessable:
      'The GI or a provider is not registered, or the measure ends too soon for a Schakeloverleg',
    conflict: 'The reference names another transfer',
  })
  propose(
    @CallerOf() caller: Caller,
    @Body() body: ProposeTransferDto,
  ): Promise<HttpAnswer<TransferProposedDto>> {
    return this.transfers.propose(caller, body);
  }

  @Get()
  @ReadRoute(['gi', 'coordinator', 'team-lead', 'ops'], {
    operationId: 'listTransfers',
    summary: 'List transfers within the caller’s scope, newest first',
    description:
      'A GI sees its own, coordinators and team leads those of their municipalities, ops all. ' +
      'Read from Temporal’s visibility store: a change shows within a second or so.',
    audit: 'read:transfers',
    ok: { type: TransferListDto },
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListTransfersQueryDto,
  ): Promise<TransferListDto> {
    return this.transfers.list(principal, query);
  }

  @Get(':transferId')
  @ReadRoute(['gi', 'coordinator', 'team-lead', 'ops'], {
    operationId: 'getTransfer',
    summary: 'One transfer: its state, what this caller can do next, and what falls due',
    audit: 'read:transfer',
    ok: { type: TransferStateDto },
    notFound: NOT_FOUND,
  })
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
      'Record the outcome of the Schakeloverleg: agreed (the trajectory starts at once, its beschikking due before the end date) or not (a revisit date)',
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
