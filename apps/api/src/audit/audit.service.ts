import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';

export type AuditOutcome =
  'accepted' | 'refused' | 'forbidden' | 'not-found' | 'invalid' | 'failed';

export interface AuditEntry {
  principal: Principal;
  action: string;
  caseNumber?: string;
  outcome: AuditOutcome;
  statusCode: number;
  requestId?: string;
  /** Ids, codes and reasons only: never names, BSN, addresses or e-mail addresses. */
  detail?: Record<string, unknown>;
}

/** Appends to the audit trail (table audit_event, append-only). */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records one entry. A failure to write is logged as an error with the request id but does not
   * undo or fail the command: the workflow's history holds the change either way.
   */
  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.dataSource.query(
        `INSERT INTO audit_event (actor_sub, actor_role, action, case_number, outcome, status_code, request_id, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          entry.principal.sub,
          entry.principal.role,
          entry.action,
          entry.caseNumber ?? null,
          entry.outcome,
          entry.statusCode,
          entry.requestId ?? null,
          JSON.stringify(entry.detail ?? {}),
        ],
      );
    } catch (error) {
      this.logger.error({
        msg: 'audit entry not written',
        action: entry.action,
        caseNumber: entry.caseNumber,
        requestId: entry.requestId,
        err: (error as Error).message,
      });
    }
  }
}
