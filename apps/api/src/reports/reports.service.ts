import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  caseloadReport,
  clientRatingsReport,
  dropoutsReport,
  goalAttainmentReport,
  monitoringEffortReport,
  intakeOutcomesReport,
  drangReport,
  overdueReport,
  referralsReport,
  reportPeriod,
  samenloopReport,
  waitingTimesReport,
  type ReportFilter,
} from '@cjg/persistence';
import type { Principal } from '../auth/principal';
import { API_CONFIG, type ApiConfig } from '../config';
import type { ReferralsQueryDto, ReportQueryDto, SamenloopQueryDto } from './dto/report-query.dto';
import { REPORT_TABLES, toCsv, type ReportName } from './report-csv';

/** A report's answer: the JSON body, and how to give it as CSV. */
export interface ReportAnswer {
  body: { report: ReportName } & Record<string, unknown>;
  csv: () => string;
  /** The rows of its CSV table: what the audit trail records of it (not the figures). */
  rows: number;
  /** `<report>-<from>-<to>.csv` */
  filename: string;
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * The municipalities a caller's report counts: ops all (or the one asked for); a team lead
   * the token's municipalities, or the one asked for when it is among them (else 403).
   */
  scope(principal: Principal, municipalityCode: string | undefined): string[] | null {
    if (principal.role === 'ops') return municipalityCode ? [municipalityCode] : null;
    if (principal.role !== 'team-lead') {
      throw new ForbiddenException(`The ${principal.role} role may not use this route`);
    }
    if (municipalityCode === undefined) return [...principal.municipalities];
    if (!principal.municipalities.includes(municipalityCode)) {
      throw new ForbiddenException(`municipality ${municipalityCode} is outside the token scope`);
    }
    return [municipalityCode];
  }

  async run(name: ReportName, principal: Principal, query: ReportQueryDto): Promise<ReportAnswer> {
    const period = reportPeriod(query, new Date());
    const filter: ReportFilter = {
      ...period,
      municipalityCodes: this.scope(principal, query.municipalityCode),
    };
    const result = await this.query(name, filter, query);
    const body = {
      report: name,
      from: period.from,
      to: period.to,
      municipalityCodes: filter.municipalityCodes ?? null,
      generatedAt: new Date().toISOString(),
      ...result,
    };
    const layout = REPORT_TABLES[name] as (r: typeof result) => Parameters<typeof toCsv>[0];
    const table = layout(result);
    return {
      body,
      csv: () => toCsv(table),
      rows: table.rows.length,
      filename: `${name}-${period.from}-${period.to}.csv`,
    };
  }

  private query(name: ReportName, filter: ReportFilter, query: ReportQueryDto) {
    const db = this.dataSource;
    switch (name) {
      case 'caseload':
        return caseloadReport(db, filter);
      case 'waiting-times':
        return waitingTimesReport(db, filter);
      case 'drang':
        return drangReport(db, filter);
      case 'intake-outcomes':
        return intakeOutcomesReport(db, filter);
      case 'referrals':
        return referralsReport(db, { ...filter, group: (query as ReferralsQueryDto).group });
      case 'goal-attainment':
        return goalAttainmentReport(db, filter);
      case 'dropouts':
        return dropoutsReport(db, filter);
      case 'client-ratings':
        return clientRatingsReport(db, filter);
      case 'overdue':
        return overdueReport(db, filter);
      case 'samenloop':
        return samenloopReport(db, {
          ...filter,
          threshold:
            (query as SamenloopQueryDto).threshold ?? this.config.policy.samenloopThreshold,
        });
      case 'monitoring-effort':
        return monitoringEffortReport(db, filter);
    }
  }
}
