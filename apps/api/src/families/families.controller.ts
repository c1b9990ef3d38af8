import { Body, Controller, Get, Put } from '@nestjs/common';
import {
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
import { RegisteredDto } from '../registry/dto/registry.dto';
import { FamiliesService } from './families.service';
import { FamilySamenloopDto, NameSamenloopDto, RecordConsentDto } from './family.dto';

const NOT_REACHED =
  'No such family, or one outside the caller’s need-to-know (the two are not told apart)';
const DATE_AHEAD = 'A date after today';

/**
 * Samenloop families (004) as the municipality names them, and the family's consent before the
 * CJG talks its care over (docs/samenloop.md). Family ids only; every call is in the audit trail.
 */
@ApiTags('families')
@ApiProtected('Not for this role, or a municipality outside the token scope')
@Controller('families')
export class FamiliesController {
  constructor(private readonly families: FamiliesService) {}

  @Put(':familyId/samenloop')
  @Roles('team-lead', 'ops')
  @Audited('family:samenloop-named')
  @ApiOperation({
    operationId: 'nameSamenloopFamily',
    summary: 'The municipality names a samenloop family itself (team lead of it, or ops)',
  })
  @ApiOkResponse({ type: RegisteredDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: DATE_AHEAD })
  name(
    @CurrentPrincipal() principal: Principal,
    @PathParam('personId', 'familyId') familyId: string,
    @Body() body: NameSamenloopDto,
  ) {
    return this.families.name(principal, familyId, body);
  }

  @Put(':familyId/consent')
  @Roles('coordinator', 'team-lead')
  @Audited('family:consent')
  @ApiOperation({
    operationId: 'recordSamenloopConsent',
    summary: 'The family’s answer: does it want the CJG to talk its care over (004)',
  })
  @ApiOkResponse({ type: FamilySamenloopDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: NOT_REACHED })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: DATE_AHEAD })
  consent(
    @CurrentPrincipal() principal: Principal,
    @PathParam('personId', 'familyId') familyId: string,
    @Body() body: RecordConsentDto,
  ) {
    return this.families.recordConsent(principal, familyId, body);
  }

  @Get(':familyId/samenloop')
  @Roles('coordinator', 'team-lead', 'ops')
  @Audited('read:family:samenloop')
  @ApiOperation({
    operationId: 'getSamenloopFamily',
    summary: 'Who named the family, and whether it consented',
  })
  @ApiOkResponse({ type: FamilySamenloopDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: NOT_REACHED })
  read(
    @CurrentPrincipal() principal: Principal,
    @PathParam('personId', 'familyId') familyId: string,
  ) {
    return this.families.read(principal, familyId);
  }
}
