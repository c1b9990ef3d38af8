import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';

export type AuditOutcome =
  'accepted' | 'refused' | 'forbidden' | 'not-found' | 'invalid' | 'failed';

/** The prefix of every read's action: `read:trajectory`, `read:report:caseload`, `read:codec-decode`… */
export const READ_ACTION_PREFIX = 'read:';

export const isReadAction = (action: string): boolean => action.startsWith(READ_ACTION_PREFIX);

export interface AuditEntry {
  principal: Principal;
  action: string;
  /** The case number, or the process's own id (handover, transfer, VTO). */
  caseNumber?: string;
  /** The client the call concerned, where known: what an inzageverzoek looks for. */
  clientId?: string;
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
      await this.insert(entry);
    } catch {
      // logged by insert
    }
  }

  /**
   * Records a read before its data is handed out (NEN 7513: no unlogged access). A failure to
   * write throws, so the caller answers with the error (503 when PostgreSQL is away) instead of
   * the data. One INSERT, awaited: no queue that a crash could lose.
   */
  async recordRead(entry: AuditEntry): Promise<void> {
    if (!isReadAction(entry.action)) {
      throw new Error(`a read's audit action starts with ${READ_ACTION_PREFIX}: ${entry.action}`);
    }
    await this.insert(entry);
  }

  private async insert(entry: AuditEntry): Promise<void> {
    try {
      await this.dataSource.query(
        `INSERT INTO audit_event (actor_sub, actor_role, action, case_number, client_id, outcome, status_code, request_id, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          entry.principal.sub,
          entry.principal.role,
          entry.action,
          entry.caseNumber?.slice(0, 120) ?? null,
          entry.clientId ?? null,
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
      throw error;
    }
  }
}
