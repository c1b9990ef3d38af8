import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { trajectoryWorkflowId } from '@cjg/domain';
import type { Principal } from '../auth/principal';
import {
  MAX_CASE_RECORDS,
  type CaseLettersDto,
  type CaseTimelineDto,
  type LetterStatus,
} from './dto/case-records.dto';
import { TrajectoriesService } from './trajectories.service';

/** The roles whose token subject is a CJG id the case itself names (a coordinator id). */
const CJG_ROLES = new Set(['coordinator', 'team-lead', 'ops']);

/**
 * What the case page shows besides the workflow's state: the letters of the case with how each
 * was delivered (the letter ledger), and what happened when (the audit trail). The same access
 * as the whole case (assertMayReadCase); ids, codes and dates only: no addresses, no error texts
 * of the mail server, no free text, no partner's token subject.
 */
@Injectable()
export class CaseRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trajectories: TrajectoriesService,
  ) {}

  async letters(principal: Principal, caseNumber: string): Promise<CaseLettersDto> {
    await this.trajectories.assertMayReadCase(principal, caseNumber);
    const rows: Array<{
      kind: string;
      sequence: number;
      recipient_ref: string;
      status: LetterStatus;
      sent_at: Date | null;
      updated_at: Date;
      attempts: number;
    }> = await this.dataSource.query(
      `SELECT kind, sequence, recipient_ref, status, sent_at, updated_at, attempts
         FROM notification_ledger
        WHERE workflow_id = $1
        ORDER BY sequence, recipient_ref
        LIMIT ${MAX_CASE_RECORDS + 1}`,
      [trajectoryWorkflowId(caseNumber)],
    );
    return {
      caseNumber,
      items: rows.slice(0, MAX_CASE_RECORDS).map((row) => ({
        kind: row.kind,
        sequence: row.sequence,
        recipient: row.recipient_ref,
        status: row.status,
        sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
        updatedAt: new Date(row.updated_at).toISOString(),
        attempts: row.attempts,
      })),
      truncated: rows.length > MAX_CASE_RECORDS,
    };
  }

  /**
   * What happened when: what people did (the start and each accepted command, with who) and what
   * the case did by itself (deadlines that came, letters sent or not delivered), from the audit
   * trail, oldest first. Reads are left out (the inzageverzoek lists them), and so are replays
   * of a command or a start, and refused attempts. The workflow's own account of the commands
   * people gave is left out too (the n-th `command:X` it applied is the n-th a person gave: every
   * accepted command is applied once, in order); the person's entry says who.
   */
  async timeline(principal: Principal, caseNumber: string): Promise<CaseTimelineDto> {
    await this.trajectories.assertMayReadCase(principal, caseNumber);
    const rows: Array<{
      at: Date;
      action: string;
      actor_role: string;
      actor_sub: string;
      phase: string | null;
    }> = await this.dataSource.query(
      `WITH happened AS (
         SELECT id, at, action, actor_role, actor_sub, detail ->> 'phase' AS phase,
                actor_role = 'workflow' AS by_workflow
           FROM audit_event
          WHERE case_number = $1
            AND action NOT LIKE 'read:%'
            AND outcome IN ('accepted', 'applied')
            AND COALESCE(detail ->> 'replayed', 'false') <> 'true'
            AND COALESCE(detail ->> 'created', 'true') <> 'false'
       ), numbered AS (
         SELECT *, row_number() OVER (PARTITION BY by_workflow, action ORDER BY at, id) AS nth
           FROM happened
       )
       SELECT at, action, actor_role, actor_sub, phase
         FROM numbered w
        WHERE NOT (
          by_workflow
          AND (action = 'start' OR action LIKE 'command:%')
          AND nth <= (SELECT count(*) FROM happened p WHERE NOT p.by_workflow AND p.action = w.action)
        )
        ORDER BY at, id
        LIMIT ${MAX_CASE_RECORDS + 1}`,
      [caseNumber],
    );
    return {
      caseNumber,
      items: rows.slice(0, MAX_CASE_RECORDS).map((row) => ({
        at: new Date(row.at).toISOString(),
        action: row.action,
        actorRole: row.actor_role,
        actorId: CJG_ROLES.has(row.actor_role) ? row.actor_sub : null,
        phase: row.phase ?? null,
      })),
      truncated: rows.length > MAX_CASE_RECORDS,
    };
  }
}
