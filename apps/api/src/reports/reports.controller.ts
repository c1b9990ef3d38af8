import { applyDecorators, Controller, Get, Query, Req, Res, type Type } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Audited, noteAudit } from '../audit/audit.interceptor';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProtected } from '../common/api-docs';
import { ReferralsQueryDto, ReportQueryDto, SamenloopQueryDto } from './dto/report-query.dto';
import {
  CaseloadReportDto,
  ClientRatingsReportDto,
  DropoutsReportDto,
  GoalAttainmentReportDto,
  MonitoringEffortReportDto,
  OverdueReportDto,
  ReferralsReportDto,
  SamenloopReportDto,
  WaitingTimesReportDto,
} from './dto/report.dto';
import { ApiJsonOrCsvResponse, jsonOrCsv, type ReportName } from './report-csv';
import { ReportsService } from './reports.service';

/** The 200 of a report: its JSON schema, or the same figures as CSV. */
const ApiReport = (operationId: string, summary: string, description: string, type: Type) =>
  applyDecorators(
    ApiOperation({ operationId, summary, description }),
    ApiJsonOrCsvResponse(
      type,
      'JSON by default; CSV (RFC 4180, header row, one table, totals as the last rows) with `Accept: text/csv` or `format=csv`, as an attachment `<report>-<from>-<to>.csv`',
    ),
  );

/**
 * Management reports over the read model (issue 6; definitions in docs/reports.md): team leads
 * for their own municipalities, ops for all. Each takes a period (`from`, `to`, Amsterdam
 * calendar dates, both included) and optionally one municipality.
 */
@ApiTags('reports')
@ApiProtected(
  'Not for this role (team lead and ops only), or a municipality outside the token scope',
)
@ApiProduces('application/json', 'text/csv')
@Roles('team-lead', 'ops')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  private async answer(
    name: ReportName,
    principal: Principal,
    query: ReportQueryDto,
    request: Request,
    response: Response,
  ): Promise<object | string> {
    const answer = await this.reports.run(name, principal, query);
    noteAudit(response, { count: answer.rows });
    return jsonOrCsv(answer, query.format, request, response);
  }

  @Get('caseload')
  @Audited('read:report:caseload')
  @ApiReport(
    'caseloadReport',
    'Caseload per coordinator and per team',
    'Open trajectories at the end of `to` (a period up to today: now), and those open at any moment of the period, registered and closed in it; per coordinator (with team) and per team.',
    CaseloadReportDto,
  )
  caseload(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('caseload', principal, query, request, response);
  }

  @Get('waiting-times')
  @Audited('read:report:waiting-times')
  @ApiReport(
    'waitingTimesReport',
    'Waiting time from request to first beschikking, per municipality',
    'For trajectories whose first beschikking was issued in the period: calendar days from the registered request; count, mean, median, p90, maximum, over 8 weeks.',
    WaitingTimesReportDto,
  )
  waitingTimes(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('waiting-times', principal, query, request, response);
  }

  @Get('referrals')
  @Audited('read:report:referrals')
  @ApiReport(
    'referralsReport',
    'Referrals to specialised care per period and product category',
    'Toewijzingen starting in the period, per month (default), quarter, year or the whole period, and per JZ020 productcategorie.',
    ReferralsReportDto,
  )
  referrals(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReferralsQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('referrals', principal, query, request, response);
  }

  @Get('goal-attainment')
  @Audited('read:report:goal-attainment')
  @ApiReport(
    'goalAttainmentReport',
    'Doelrealisatie: goals reached at the end, per municipality',
    'For end evaluations recorded in the period: goals reached of all goals judged, and the share of trajectories that reached every goal.',
    GoalAttainmentReportDto,
  )
  goalAttainment(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('goal-attainment', principal, query, request, response);
  }

  @Get('dropouts')
  @Audited('read:report:dropouts')
  @ApiReport(
    'dropoutsReport',
    'Uitval: care ended early, per JZ588 reason',
    'Care stops in the period with a reason other than 02 (volgens plan), per reason, each as a share of all care stops in the period.',
    DropoutsReportDto,
  )
  dropouts(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('dropouts', principal, query, request, response);
  }

  @Get('client-ratings')
  @Audited('read:report:client-ratings')
  @ApiReport(
    'clientRatingsReport',
    'Client ratings and response rate, per municipality and question',
    '3-month check and midway questionnaire sent in the period (when the check fell due), end questionnaire of the end evaluations of the period: asked, answered, response rate, mean rating, fitting share.',
    ClientRatingsReportDto,
  )
  clientRatings(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('client-ratings', principal, query, request, response);
  }

  @Get('overdue')
  @Audited('read:report:overdue')
  @ApiReport(
    'overdueReport',
    'Overdue beschikkingen, reviews and end evaluations, per municipality',
    'Open trajectories overdue now, by what is overdue (the period does not apply); reviews recorded in the period and how many late.',
    OverdueReportDto,
  )
  overdue(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('overdue', principal, query, request, response);
  }

  @Get('samenloop')
  @Audited('read:report:samenloop')
  @ApiReport(
    'samenloopReport',
    'Samenloop families: three or more providers active at once',
    'Families whose open trajectories have at least `threshold` distinct active providers now (the period does not apply); family ids only.',
    SamenloopReportDto,
  )
  samenloop(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SamenloopQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('samenloop', principal, query, request, response);
  }

  @Get('monitoring-effort')
  @Audited('read:report:monitoring-effort')
  @ApiReport(
    'monitoringEffortReport',
    'Monitoring effort against outcome',
    'For end evaluations recorded in the period: doelrealisatie per number of reviews (0, 1, 2, 3+) and per coordination, with subtotals.',
    MonitoringEffortReportDto,
  )
  monitoringEffort(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('monitoring-effort', principal, query, request, response);
  }
}
