import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { handoverWorkflowId, trajectoryWorkflowId, vtoWorkflowId } from '@cjg/domain';
import {
  DESTROYED_NAME,
  destructionWorkflowId,
  RETENTION_AUDIT_ACTION,
  type DestructionOutcome,
  type DestructionRequest,
  type DueForDestructionQuery,
} from '../workflows/retention.definitions';

/** What the retention activities need: the database that holds the personal data. */
export interface RetentionActivityDependencies {
  dataSource: Pick<DataSource, 'query' | 'transaction'>;
}

interface CaseRow {
  case_number: string;
  open: boolean;
  not_due: boolean;
  destroyed: boolean;
}

export function createRetentionActivities({ dataSource }: RetentionActivityDependencies) {
  return {
    /**
     * Jeugdwet 7.3.8: one page of the clients whose personal data is due for destruction on
     * `asOf`: every trajectory of the client is closed and its archive action date has come, and
     * at least one is not yet marked destroyed. A client with an open trajectory, a closed one
     * still within its twenty years, or one without a recorded date is not due. In id order,
     * after `after`. Uses the partial index on archive_action_date of the undestroyed cases.
     */
    async findDueForDestruction({ asOf, after, limit }: DueForDestructionQuery): Promise<string[]> {
      const rows: Array<{ client_id: string }> = await dataSource.query(
        `SELECT DISTINCT t.client_id FROM trajectory t
          WHERE t.destroyed_at IS NULL AND t.archive_action_date <= $1::date
            AND ($2::varchar IS NULL OR t.client_id > $2::varchar)
            AND NOT EXISTS (
              SELECT 1 FROM trajectory o
               WHERE o.client_id = t.client_id
                 AND (o.closed_at IS NULL OR o.archive_action_date IS NULL
                      OR o.archive_action_date > $1::date))
          ORDER BY t.client_id
          LIMIT $3`,
        [asOf, after ?? null, limit],
      );
      return rows.map((row) => row.client_id);
    },

    /** 7.3.9: the client of the case a request names, or null when there is no such case. */
    async findClientOfCase(caseNumber: string): Promise<string | null> {
      const rows: Array<{ client_id: string }> = await dataSource.query(
        `SELECT client_id FROM trajectory WHERE case_number = $1`,
        [caseNumber],
      );
      return rows[0]?.client_id ?? null;
    },

    /**
     * Destroys the personal data of one client, in one transaction: the name becomes
     * DESTROYED_NAME, BSN, date of birth and e-mail address are emptied, its carers (names and
     * addresses of the parents) are deleted, and the moment is set on
     * the client and on each of its trajectories, with one non-personal audit entry per case.
     * The rule is checked again under lock: a client with an open trajectory is kept (also on
     * request: a running case needs its address), and the sweep keeps a client with a case still
     * within its retention period.
     *
     * Idempotent: a repeat (a retried activity, a second request, the next night's sweep) finds
     * nothing left to destroy, changes nothing and writes no audit entry.
     */
    async destroyPersonalData(request: DestructionRequest): Promise<DestructionOutcome> {
      const { clientId, reason } = request;
      if (reason === '7.3.8' && !request.asOf) {
        throw ApplicationFailure.nonRetryable(
          'a sweep destruction needs asOf',
          'InvalidRetentionInput',
        );
      }
      return dataSource.transaction(async (tx) => {
        // A carer left behind counts as data not yet destroyed (a client destroyed before carers
        // were registered has none).
        const clients: Array<{ destroyed: boolean }> = await tx.query(
          `SELECT (name = $2 AND bsn IS NULL AND date_of_birth IS NULL AND email IS NULL
                   AND NOT EXISTS (SELECT 1 FROM client_carer WHERE client_id = client.id)) AS destroyed
             FROM client WHERE id = $1 FOR UPDATE`,
          [clientId, DESTROYED_NAME],
        );
        const cases: CaseRow[] = await tx.query(
          `SELECT case_number, closed_at IS NULL AS open,
                  (archive_action_date IS NULL OR archive_action_date > $2::date) AS not_due,
                  destroyed_at IS NOT NULL AS destroyed
             FROM trajectory WHERE client_id = $1 ORDER BY case_number FOR UPDATE`,
          [clientId, request.asOf ?? null],
        );

        const open = cases.filter((c) => c.open).map((c) => c.case_number);
        if (open.length > 0)
          return { outcome: 'kept', because: 'open-trajectory', caseNumbers: open };
        if (reason === '7.3.8') {
          const notDue = cases.filter((c) => c.not_due).map((c) => c.case_number);
          if (notDue.length > 0 || cases.length === 0)
            return { outcome: 'kept', because: 'not-due', caseNumbers: notDue };
        }

        // A client row is always there (trajectory.client_id references it); none counts as gone.
        const clientHasData = clients[0] ? !clients[0].destroyed : false;
        const pending = cases.filter((c) => !c.destroyed).map((c) => c.case_number);
        if (!clientHasData && pending.length === 0) return { outcome: 'already-destroyed' };

        if (clientHasData) {
          // The parents' and carers' names and addresses are the client's file too.
          await tx.query(`DELETE FROM client_carer WHERE client_id = $1`, [clientId]);
          await tx.query(
            `UPDATE client SET name = $2, bsn = NULL, date_of_birth = NULL, email = NULL,
                    personal_data_destroyed_at = now(), updated_at = now()
              WHERE id = $1`,
            [clientId, DESTROYED_NAME],
          );
        } else {
          await tx.query(
            `UPDATE client SET personal_data_destroyed_at = COALESCE(personal_data_destroyed_at, now())
              WHERE id = $1`,
            [clientId],
          );
        }
        if (pending.length > 0) {
          await tx.query(
            `UPDATE trajectory SET destroyed_at = now() WHERE case_number = ANY($1::varchar[])`,
            [pending],
          );
        }
        // The letter ledger keeps its recipient references; an SMTP error text may quote the
        // address it was about, so the client's error texts go too.
        // Each carer's letters are filed under `client:<id>/carer:<n>`.
        await tx.query(
          `UPDATE notification_ledger SET last_error = NULL
            WHERE workflow_id = ANY($1::varchar[])
              AND (recipient_ref = $2 OR starts_with(recipient_ref, $2 || '/carer:'))
              AND last_error IS NOT NULL`,
          [cases.map((c) => trajectoryWorkflowId(c.case_number)), `client:${clientId}`],
        );

        // The trajectories' free texts (results, activities, reasons) may name people: they go
        // with the client's other data; the histories name them by id only.
        await tx.query(`DELETE FROM case_text WHERE case_number = ANY($1::varchar[])`, [
          cases.map((c) => c.case_number),
        ]);

        // A Veilig Thuis handover's free texts (safety conditions, agreements) may name people:
        // they go with the client's other data. The handover row itself holds ids and codes.
        await tx.query(
          `DELETE FROM veilig_thuis_handover_text
            WHERE handover_id IN (SELECT id FROM veilig_thuis_handover WHERE client_id = $1)`,
          [clientId],
        );

        // A VTO's explanation (free text, stored apart from the workflow) goes too.
        await tx.query(
          `UPDATE vto_explanation SET explanation = NULL
            WHERE case_number IN (SELECT case_number FROM vto WHERE client_id = $1)`,
          [clientId],
        );

        // The API's answers to retried requests about the client's cases (Idempotency-Key) go
        // with them: they hold ids and refusals only, but nothing of a destroyed case is kept.
        const handovers: Array<{ id: string }> = await tx.query(
          `SELECT id FROM veilig_thuis_handover WHERE client_id = $1`,
          [clientId],
        );
        const vtos: Array<{ case_number: string }> = await tx.query(
          `SELECT case_number FROM vto WHERE client_id = $1`,
          [clientId],
        );
        const workflowIds = [
          ...cases.map((c) => trajectoryWorkflowId(c.case_number)),
          ...handovers.map((h) => handoverWorkflowId(h.id)),
          ...vtos.map((v) => vtoWorkflowId(v.case_number)),
        ];
        await tx.query(`DELETE FROM idempotency_record WHERE workflow_id = ANY($1::varchar[])`, [
          workflowIds,
        ]);
        // So do the views the projections kept of them (ids and codes, as the answers).
        await tx.query(`DELETE FROM process_view WHERE workflow_id = ANY($1::varchar[])`, [
          workflowIds,
        ]);

        // Ids and codes only: the audit trail outlives the personal data.
        const requested = reason === '7.3.9';
        const detail = JSON.stringify({
          reason,
          clientId,
          ...(requested && request.caseNumber
            ? { workflowId: destructionWorkflowId(request.caseNumber) }
            : {}),
          ...(requested && request.requestReference
            ? { requestReference: request.requestReference }
            : {}),
        });
        // A client whose cases were all marked before (its data registered again since) still
        // leaves one entry, on the case of the request if there is one.
        const audited = pending.length > 0 ? pending : [request.caseNumber ?? null];
        for (const caseNumber of audited) {
          await tx.query(
            `INSERT INTO audit_event (actor_sub, actor_role, action, case_number, outcome, detail)
             VALUES ($1, $2, $3, $4, 'applied', $5)`,
            [
              request.actor.slice(0, 64),
              // The sweep acts as a workflow; a request is given by ops (the only role that may).
              requested ? 'ops' : 'workflow',
              RETENTION_AUDIT_ACTION[reason],
              caseNumber,
              detail,
            ],
          );
        }
        return { outcome: 'destroyed', caseNumbers: pending };
      });
    },
  };
}

export type RetentionActivities = ReturnType<typeof createRetentionActivities>;
