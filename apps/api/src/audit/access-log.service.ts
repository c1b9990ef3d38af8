import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addToDate, amsterdamInstant } from '@cjg/domain';
import { toCsv } from '../reports/report-csv';
import type { AccessLogDto } from './dto/access-log.dto';

/** The most entries one answer lists; an inzageverzoek over a longer history asks per period. */
export const MAX_ACCESS_LOG_ENTRIES = 10_000;

const COLUMNS = ['at', 'actorSub', 'actorRole', 'action', 'caseNumber', 'outcome'] as const;

/**
 * Who accessed a client's file, and when (AVG art. 15, NEN 7513): every audit entry of a person
 * (not a workflow) that concerns the client: its registry record, and each of its cases.
 */
@Injectable()
export class AccessLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forClient(clientId: string, from?: string, to?: string): Promise<AccessLogDto> {
    const known = (await this.dataSource.query(`SELECT 1 FROM client WHERE id = $1`, [
      clientId,
    ])) as unknown[];
    if (known.length === 0) throw new NotFoundException(`Client ${clientId} does not exist`);
    // The client's cases: those whose rows name it (kept after destruction: only the personal
    // data goes), and any case an accepted entry of the trail itself tied to it (a Schakeloverleg
    // transfer has no row here). Entries that named no client are found through these.
    const rows = (await this.dataSource.query(
      `WITH cases AS (
         SELECT case_number AS id FROM trajectory WHERE client_id = $1
         UNION SELECT id FROM veilig_thuis_handover WHERE client_id = $1
         UNION SELECT case_number FROM vto WHERE client_id = $1
         UNION SELECT case_number FROM audit_event
                WHERE client_id = $1 AND case_number IS NOT NULL AND outcome = 'accepted'
       )
       SELECT at, actor_sub, actor_role, action, case_number, outcome
         FROM audit_event
        WHERE actor_role <> 'workflow'
          AND (client_id = $1 OR case_number IN (SELECT id FROM cases))
          AND ($2::timestamptz IS NULL OR at >= $2)
          AND ($3::timestamptz IS NULL OR at < $3)
        ORDER BY at, id
        LIMIT ${MAX_ACCESS_LOG_ENTRIES + 1}`,
      [
        clientId,
        from ? amsterdamInstant(from).toISOString() : null,
        to ? amsterdamInstant(addToDate(to, 0, 1)).toISOString() : null,
      ],
    )) as Array<{
      at: Date;
      actor_sub: string;
      actor_role: string;
      action: string;
      case_number: string | null;
      outcome: string;
    }>;
    const entries = rows.slice(0, MAX_ACCESS_LOG_ENTRIES).map((row) => ({
      at: new Date(row.at).toISOString(),
      actorSub: row.actor_sub,
      actorRole: row.actor_role,
      action: row.action,
      caseNumber: row.case_number,
      outcome: row.outcome,
    }));
    return {
      clientId,
      from: from ?? null,
      to: to ?? null,
      count: entries.length,
      truncated: rows.length > MAX_ACCESS_LOG_ENTRIES,
      entries,
    };
  }

  /** The entries as CSV (RFC 4180), one row each, oldest first. */
  csv(log: AccessLogDto): string {
    return toCsv({
      columns: [...COLUMNS],
      rows: log.entries.map((entry) => COLUMNS.map((column) => entry[column])),
    });
  }
}
