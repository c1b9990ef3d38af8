import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { VtoCommandType } from '@cjg/domain';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProtected } from '../common/api-docs';
import { PathParam } from '../common/path-params';
import { CallerOf, type Caller, type HttpAnswer } from '../idempotency/idempotency.interceptor';
import {
  CommandRoute,
  ReadRoute,
  StartRoute,
  type Refusals,
  type RouteOptions,
} from '../processes/process-routes';
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
import { VTO_ACCESS } from './vto.access';
import { VtoService } from './vto.service';

/** The `:caseNumber` of a VTO. */
const CaseNumber = () => PathParam('caseNumber', 'caseNumber', 'VTO-2026-000012');

const NOT_FOUND = 'No VTO with this case number';

/** A VTO command route with its own answers (409 and 422 say what each command can meet). */
const VtoCommand = (
  type: VtoCommandType,
  route: RouteOptions &
    Required<Pick<Refusals, 'conflict'>> & { ok: string; unprocessable?: string },
) =>
  CommandRoute(VTO_ACCESS, type, {
    ...route,
    ok: { type: VtoStateDto, description: route.ok },
    notFound: NOT_FOUND,
    unprocessable: route.unprocessable ?? 'The Idempotency-Key was used for another request',
  });

/**
 * Verzoeken tot onderzoek at the Raad voor de Kinderbescherming (002 §3.6; docs/vto.md). The
 * route parameter is the VTO's own case number, so the audit trail records it like a case's.
 */
@ApiTags('vto')
@ApiProtected()
@Controller('vtos')
export class VtoController {
  constructor(private readonly vtos: VtoService) {}

  @Post()
  @StartRoute(['coordinator'], {
    operationId: 'proposeVto',
    summary: 'Propose a verzoek tot onderzoek for a drang case (coordinator, own municipality)',
    description:
      'Starts the VTO workflow: the written request goes to the parents at once, and the VTO ' +
      'waits until it is recorded that they were informed. The same case number again starts ' +
      'nothing and answers 200 with `created: false`.',
    audit: 'vto:propose',
    created: { type: VtoProposedDto, description: 'Proposed' },
    existed: { type: VtoProposedDto, description: 'Already existed (created: false)' },
    unprocessable:
      'Unknown coordinator, client or trajectory, a trajectory of another municipality, or grounds without ernstige-ontwikkelingsbedreiging',
    conflict: 'Case number taken by another VTO',
  })
  propose(
    @CallerOf() caller: Caller,
    @Body() body: ProposeVtoDto,
  ): Promise<HttpAnswer<VtoProposedDto>> {
    return this.vtos.propose(caller, { ...body });
  }

  @Get()
  @ReadRoute(['coordinator', 'team-lead', 'ops'], {
    operationId: 'listVtos',
    summary: 'List VTOs from the read model, within the caller’s scope',
    description:
      'Coordinators and team leads see their municipalities, ops everything. Ids, codes and ' +
      'dates only; newest first.',
    audit: 'read:vtos',
    ok: { type: VtoPageDto },
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListVtosQueryDto,
  ): Promise<VtoPageDto> {
    return this.vtos.list(principal, query);
  }

  @Get(':caseNumber')
  @ReadRoute(['coordinator', 'team-lead', 'ops'], {
    operationId: 'getVto',
    summary: 'The state of one VTO, what this caller can do next, and what falls due',
    description: 'The explanation in words is shown to coordinators and team leads only.',
    audit: 'read:vto',
    ok: { type: VtoStateDto },
    notFound: NOT_FOUND,
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @CaseNumber() caseNumber: string,
  ): Promise<VtoStateDto> {
    return this.vtos.get(principal, caseNumber);
  }

  @Post(':caseNumber/record-parents-informed')
  @VtoCommand('recordParentsInformed', {
    operationId: 'recordVtoParentsInformed',
    summary: 'Record when and how the parents were informed (coordinator; 002 §3.6)',
    description:
      'Until this is recorded the VTO does not go onto the beschermingsplein’s agenda. ' +
      '`how`: conversation or letter; `informedOn` not in the future.',
    audit: 'vto:record-parents-informed',
    ok: 'Accepted: the state after the command',
    conflict: 'Not in this status; nothing changed',
    unprocessable: 'The data does not fit',
  })
  recordParentsInformed(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: RecordParentsInformedDto,
  ) {
    return this.vtos.command(caller, caseNumber, 'recordParentsInformed', body);
  }

  @Post(':caseNumber/record-decision')
  @VtoCommand('recordDecision', {
    operationId: 'recordVtoDecision',
    summary: 'Record the beschermingsplein’s decision (coordinator, team lead)',
    description:
      'Once the meeting the VTO is on the agenda of has taken place: `send` (the Raad and the ' +
      'parents are told), `not-send` with a reason (the parents are told why) or `postpone` ' +
      '(back on the next agenda).',
    audit: 'vto:record-decision',
    ok: 'Accepted: the state after the command',
    conflict: 'Not on an agenda; nothing changed',
    unprocessable: 'Before the meeting, or a reason missing (not-send) or given (otherwise)',
  })
  recordDecision(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: RecordDecisionDto,
  ) {
    return this.vtos.command(caller, caseNumber, 'recordDecision', body);
  }

  @Post(':caseNumber/record-raad-outcome')
  @VtoCommand('recordRaadOutcome', {
    operationId: 'recordVtoRaadOutcome',
    summary: 'Record the Raad’s answer: an investigation or not (coordinator)',
    audit: 'vto:record-raad-outcome',
    ok: 'Accepted: the VTO is closed',
    conflict: 'Not sent to the Raad; nothing changed',
    unprocessable: 'The data does not fit',
  })
  recordRaadOutcome(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: RecordRaadOutcomeDto,
  ) {
    return this.vtos.command(caller, caseNumber, 'recordRaadOutcome', body);
  }

  @Post(':caseNumber/withdraw')
  @VtoCommand('withdraw', {
    operationId: 'withdrawVto',
    summary: 'Withdraw the VTO before the beschermingsplein decided (coordinator)',
    audit: 'vto:withdraw',
    ok: 'Accepted: the VTO is closed',
    conflict: 'Already decided; nothing changed',
  })
  withdraw(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: WithdrawVtoDto,
  ) {
    return this.vtos.command(caller, caseNumber, 'withdraw', body);
  }
}
