import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProtected } from '../common/api-docs';
import { PathParam } from '../common/path-params';
import { ReadRoute } from '../processes/process-routes';
import { CaseRecordsService } from './case-records.service';
import { CaseLettersDto, CaseTimelineDto } from './dto/case-records.dto';

/**
 * The records of a case besides its state, for the case page: its letters with their delivery,
 * and what happened when. The CJG of the case's municipality and ops, as the whole case view; a
 * provider sees its own part only and gets neither (403).
 */
@ApiTags('trajectories')
@ApiProtected()
@Controller('trajectories')
export class CaseRecordsController {
  constructor(private readonly records: CaseRecordsService) {}

  @Get(':caseNumber/letters')
  @ReadRoute(['coordinator', 'team-lead', 'ops'], {
    operationId: 'getTrajectoryLetters',
    summary: 'The letters of a case, each recipient with its delivery status (the letter ledger)',
    description:
      'Coordinators and team leads of the case’s municipality, ops. Kind, number, recipient as a ' +
      'reference (never the address), status and dates; not the mail server’s error texts.',
    audit: 'read:trajectory-letters',
    ok: { type: CaseLettersDto },
    notFound: 'No trajectory with this case number',
  })
  letters(
    @CurrentPrincipal() principal: Principal,
    @PathParam('caseNumber') caseNumber: string,
  ): Promise<CaseLettersDto> {
    return this.records.letters(principal, caseNumber);
  }

  @Get(':caseNumber/timeline')
  @ReadRoute(['coordinator', 'team-lead', 'ops'], {
    operationId: 'getTrajectoryTimeline',
    summary: 'What happened to a case when, from the audit trail',
    description:
      'Coordinators and team leads of the case’s municipality, ops. The start and every accepted ' +
      'command with the role (and, for CJG staff, the id) of who gave it; the deadlines that ' +
      'came, the letters sent and those not delivered; oldest first. Reads, replays and refused ' +
      'attempts are not in it (the inzageverzoek, GET /clients/{id}/access-log, lists reads).',
    audit: 'read:trajectory-timeline',
    ok: { type: CaseTimelineDto },
    notFound: 'No trajectory with this case number',
  })
  timeline(
    @CurrentPrincipal() principal: Principal,
    @PathParam('caseNumber') caseNumber: string,
  ): Promise<CaseTimelineDto> {
    return this.records.timeline(principal, caseNumber);
  }
}
