import {
  applyDecorators,
  Controller,
  createParamDecorator,
  Get,
  Query,
  type ExecutionContext,
  type Type,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Audited, noteAudit } from '../audit/audit.interceptor';
import { principalOf, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProtected } from '../common/api-docs';
import { ReferralsQueryDto, ReportQueryDto, SamenloopQueryDto } from './dto/report-query.dto';
import {
  CaseloadReportDto,
  ClientRatingsReportDto,
  DrangReportDto,
  DropoutsReportDto,
  GoalAttainmentReportDto,
  IntakeOutcomesReportDto,
  MonitoringEffortReportDto,
  OverdueReportDto,
  ReferralsReportDto,
  SamenloopReportDto,
  WaitingTimesReportDto,
} from './dto/report.dto';
import { ApiJsonOrCsvResponse, jsonOrCsv, type ReportName } from './report-csv';
import { ReportsService } from './reports.service';

/** How each report route is documented: its operation, and the schema of its JSON answer. */
const REPORT_ROUTES: Record<
  ReportName,
  { operationId: string; summary: string; description: string; type: Type }
> = {
  caseload: {
    operationId: 'caseloadReport',
    summary: 'Caseload per coordinator and per team',
    description:
      'Open trajectories at the end of `to` (a period up to today: now), and those open at any moment of the period, registered and closed in it; per coordinator (with team) and per team.',
    type: CaseloadReportDto,
  },
  'waiting-times': {
    operationId: 'waitingTimesReport',
    summary: 'Waiting time from request to first beschikking, per municipality',
    description:
      'For trajectories whose first beschikking was issued in the period: calendar days from the registered request; count, mean, median, p90, maximum, over 8 weeks.',
    type: WaitingTimesReportDto,
  },
  drang: {
    operationId: 'drangReport',
    summary: 'Drang cases (002 §5.6), per source of the concerns',
    description:
      'Trajectories registered as drang (markDrang): registered in the period, open at its end, and closed in it; per source (basisvoorziening, zorgaanbieder, Veilig Thuis, CJG).',
    type: DrangReportDto,
  },
  'intake-outcomes': {
    operationId: 'intakeOutcomesReport',
    summary: 'How intakes ended: beschikking, advice, afwijzing or withdrawn',
    description:
      'Trajectories whose intake ended in the period: in a first beschikking, with advice (no specialised care needed, per advice), in an afwijzing (per ground) or withdrawn before a beschikking; each as a share of all.',
    type: IntakeOutcomesReportDto,
  },
  referrals: {
    operationId: 'referralsReport',
    summary: 'Referrals to specialised care per period and product category',
    description:
      'Toewijzingen and PGB beschikkingen starting in the period, per month (default), quarter, year or the whole period, and per JZ020 productcategorie (`pgb` for a persoonsgebonden budget).',
    type: ReferralsReportDto,
  },
  'goal-attainment': {
    operationId: 'goalAttainmentReport',
    summary: 'Doelrealisatie: goals reached at the end, per municipality',
    description:
      'For end evaluations recorded in the period: goals reached of all goals judged, and the share of trajectories that reached every goal.',
    type: GoalAttainmentReportDto,
  },
  dropouts: {
    operationId: 'dropoutsReport',
    summary: 'Uitval: care ended early, per JZ588 reason',
    description:
      'Care stops in the period with a reason other than 02 (volgens plan), per reason, each as a share of all care stops in the period.',
    type: DropoutsReportDto,
  },
  'client-ratings': {
    operationId: 'clientRatingsReport',
    summary: 'Client ratings and response rate, per municipality and question',
    description:
      '3-month check and midway questionnaire sent in the period (when the check fell due), end questionnaire of the end evaluations of the period: asked, answered, response rate, mean rating, fitting share.',
    type: ClientRatingsReportDto,
  },
  overdue: {
    operationId: 'overdueReport',
    summary: 'Overdue beschikkingen, reviews and end evaluations, per municipality',
    description:
      'Open trajectories overdue now, by what is overdue (the period does not apply); reviews recorded in the period and how many late.',
    type: OverdueReportDto,
  },
  samenloop: {
    operationId: 'samenloopReport',
    summary: 'Samenloop families: three or more providers active at once',
    description:
      'Families whose open trajectories have at least `threshold` distinct active providers now, and the families a municipality named itself (the period does not apply); family ids only, with who named it and the family’s consent (004).',
    type: SamenloopReportDto,
  },
  'monitoring-effort': {
    operationId: 'monitoringEffortReport',
    summary: 'Monitoring effort against outcome',
    description:
      'For end evaluations recorded in the period: doelrealisatie per number of reviews (0, 1, 2, 3+) and per coordination, with subtotals.',
    type: MonitoringEffortReportDto,
  },
};

/**
 * GET /reports/<name>, audited as `read:report:<name>`; its 200 is the report's JSON schema or the
 * same figures as CSV.
 */
const ReportRoute = (name: ReportName) => {
  const { type, ...operation } = REPORT_ROUTES[name];
  return applyDecorators(
    Get(name),
    Audited(`read:report:${name}`),
    ApiOperation(operation),
    ApiJsonOrCsvResponse(
      type,
      'JSON by default; CSV (RFC 4180, header row, one table, totals as the last rows) with `Accept: text/csv` or `format=csv`, as an attachment `<report>-<from>-<to>.csv`',
    ),
  );
};

/** Who asks for a report, and the request and response its answer (JSON or CSV) goes into. */
interface ReportAsker {
  principal: Principal;
  request: Request;
  response: Response;
}

const ReportAsker = createParamDecorator((_: unknown, context: ExecutionContext): ReportAsker => ({
  principal: principalOf(context),
  request: context.switchToHttp().getRequest<Request>(),
  response: context.switchToHttp().getResponse<Response>(),
}));

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
    query: ReportQueryDto,
    { principal, request, response }: ReportAsker,
  ): Promise<object | string> {
    const answer = await this.reports.run(name, principal, query);
    noteAudit(response, { count: answer.rows });
    return jsonOrCsv(answer, query.format, request, response);
  }

  @ReportRoute('caseload')
  caseload(@Query() query: ReportQueryDto, @ReportAsker() asker: ReportAsker) {
    return this.answer('caseload', query, asker);
  }

  @ReportRoute('waiting-times')
  waitingTimes(@Query() query: ReportQueryDto, @ReportAsker() asker: ReportAsker) {
    return this.answer('waiting-times', query, asker);
  }

  @ReportRoute('drang')
  drang(@Query() query: ReportQueryDto, @ReportAsker() asker: ReportAsker) {
    return this.answer('drang', query, asker);
  }

  @ReportRoute('intake-outcomes')
  intakeOutcomes(@Query() query: ReportQueryDto, @ReportAsker() asker: ReportAsker) {
    return this.answer('intake-outcomes', query, asker);
  }

  @ReportRoute('referrals')
  referrals(@Query() query: ReferralsQueryDto, @ReportAsker() asker: ReportAsker) {
    return this.answer('referrals', query, asker);
  }

  @ReportRoute('goal-attainment')
  goalAttainment(@Query() query: ReportQueryDto, @ReportAsker() asker: ReportAsker) {
    return this.answer('goal-attainment', query, asker);
  }

  @ReportRoute('dropouts')
  dropouts(@Query() query: ReportQueryDto, @ReportAsker() asker: ReportAsker) {
    return this.answer('dropouts', query, asker);
  }

  @ReportRoute('client-ratings')
  clientRatings(@Query() query: ReportQueryDto, @ReportAsker() asker: ReportAsker) {
    return this.answer('client-ratings', query, asker);
  }

  @ReportRoute('overdue')
  overdue(@Query() query: ReportQueryDto, @ReportAsker() asker: ReportAsker) {
    return this.answer('overdue', query, asker);
  }

  @ReportRoute('samenloop')
  samenloop(@Query() query: SamenloopQueryDto, @ReportAsker() asker: ReportAsker) {
    return this.answer('samenloop', query, asker);
  }

  @ReportRoute('monitoring-effort')
  monitoringEffort(@Query() query: ReportQueryDto, @ReportAsker() asker: ReportAsker) {
    return this.answer('monitoring-effort', query, asker);
  }
}
