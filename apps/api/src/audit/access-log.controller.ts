import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { ApiProtected } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { PathParam } from '../common/path-params';
import { ApiJsonOrCsvResponse, jsonOrCsv } from '../reports/report-csv';
import { AccessLogService } from './access-log.service';
import { Audited, noteAudit } from './audit.interceptor';
import { AccessLogDto, AccessLogQueryDto } from './dto/access-log.dto';

/** The answer to an inzageverzoek (AVG art. 15): who looked at a client's file, and when. */
@ApiTags('audit')
@ApiProtected('Not for this role (ops only)')
@Controller()
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get('clients/:id/access-log')
  @Roles('ops')
  @Audited('read:access-log', { clientIdParam: 'id' })
  @ApiOperation({
    operationId: 'getClientAccessLog',
    summary: 'Who accessed a client’s file and its cases, and when (ops; an inzageverzoek)',
    description:
      'Every read (`read:…`) and command by a person concerning the client: its registry record and each of its trajectories, handovers, transfers and VTOs, with who (token subject and role), what, which case and the outcome. Lists and reports that showed a case among others are not in it: they are recorded with their filter only. This call is itself recorded (`read:access-log`).',
  })
  @ApiJsonOrCsvResponse(
    AccessLogDto,
    'JSON by default; CSV (RFC 4180, header row) with `Accept: text/csv` or `format=csv`, as an attachment `access-log-<client>.csv`',
  )
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No client with this id' })
  async get(
    @PathParam('personId', 'id') id: string,
    @Query() query: AccessLogQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessLogDto | string> {
    const log = await this.accessLog.forClient(id, query.from, query.to);
    noteAudit(response, { count: log.count });
    const answer = {
      body: log,
      csv: () => this.accessLog.csv(log),
      filename: `access-log-${id}.csv`,
    };
    return jsonOrCsv(answer, query.format, request, response);
  }
}
