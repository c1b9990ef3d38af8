import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { VtoProjection } from '@cjg/domain';
import { keepView, type KeptView } from './process-view';
import {
  VTO_PARTNERS_MISSING,
  type BeschermingspleinAgendaInput,
  type VtoPartners,
} from '../workflows/vto.definitions';

/** What the VTO activities need: the read model. */
export interface VtoActivityDependencies {
  dataSource: Pick<DataSource, 'query'>;
}

export function createVtoActivities({ dataSource }: VtoActivityDependencies) {
  /** The organisations of this kind: the one named, or every one registered. */
  async function partnersOf(kind: 'beschermingsplein' | 'raad', named?: string): Promise<string> {
    const rows: Array<{ id: string }> = await dataSource.query(
      `SELECT id FROM partner_organisation
        WHERE kind = $1 AND ($2::varchar IS NULL OR id = $2) ORDER BY id`,
      [kind, named ?? null],
    );
    if (rows.length === 1) return rows[0]!.id;
    // Not retried: it takes ops registering the organisation (or naming one) to change this.
    throw ApplicationFailure.nonRetryable(
      named
        ? `${named} is not a registered organisation of kind ${kind}`
        : rows.length === 0
          ? `no organisation of kind ${kind} is registered (PUT /organisations/{id})`
          : `${rows.length} organisations of kind ${kind} are registered (${rows.map((r) => r.id).join(', ')}): name one in the agenda's input`,
      VTO_PARTNERS_MISSING,
    );
  }

  return {
    /**
     * Writes the VTO to the read model (table `vto`). Idempotent and ordered by revision: a
     * retried, replayed or late projection never overwrites newer data.
     */
    async projectVto(p: VtoProjection & KeptView): Promise<void> {
      await keepView(dataSource, p.workflowId, p.revision, p.view);
      await dataSource.query(
        `INSERT INTO vto (case_number, workflow_id, municipality_code, coordinator_id, client_id,
           family_id, trajectory_case_number, grounds, status, proposed_at, parents_informed_on,
           meeting_date, decision, not_sent_reason, investigation_started, next_due_at,
           next_due_kind, overdue, closed_at, revision, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
           $19, $20, now())
         ON CONFLICT (case_number) DO UPDATE SET
           coordinator_id = EXCLUDED.coordinator_id, status = EXCLUDED.status,
           parents_informed_on = EXCLUDED.parents_informed_on, meeting_date = EXCLUDED.meeting_date,
           decision = EXCLUDED.decision, not_sent_reason = EXCLUDED.not_sent_reason,
           investigation_started = EXCLUDED.investigation_started,
           next_due_at = EXCLUDED.next_due_at, next_due_kind = EXCLUDED.next_due_kind,
           overdue = EXCLUDED.overdue, closed_at = EXCLUDED.closed_at,
           revision = EXCLUDED.revision, updated_at = now()
         WHERE vto.revision < EXCLUDED.revision`,
        [
          p.caseNumber,
          p.workflowId,
          p.municipalityCode,
          p.coordinatorId,
          p.clientId,
          p.familyId,
          p.trajectoryCaseNumber,
          p.grounds,
          p.status,
          p.proposedAt,
          p.parentsInformedOn,
          p.meetingDate,
          p.decision,
          p.notSentReason,
          p.investigationStarted,
          p.nextDueAt,
          p.nextDueKind,
          p.overdue,
          p.closedAt,
          p.revision,
        ],
      );
    },

    /**
     * The VTOs waiting for the beschermingsplein's agenda (the parents informed, not yet on an
     * agenda or held over from one), longest waiting first. Case numbers only.
     */
    async listVtosAwaitingAgenda(): Promise<string[]> {
      const rows: Array<{ case_number: string }> = await dataSource.query(
        `SELECT case_number FROM vto WHERE status = 'awaiting-agenda'
          ORDER BY parents_informed_on, proposed_at, case_number`,
      );
      return rows.map((row) => row.case_number);
    },

    /**
     * The beschermingsplein and the Raad of an agenda: the ones the input names (checked to be
     * registered with that kind), else the single registered one of each kind. None, or several
     * without one named, fails the agenda run with a message for ops (not retried).
     */
    async findVtoPartners(
      named: Pick<BeschermingspleinAgendaInput, 'beschermingspleinId' | 'raadId'> = {},
    ): Promise<VtoPartners> {
      return {
        beschermingspleinId: await partnersOf('beschermingsplein', named.beschermingspleinId),
        raadId: await partnersOf('raad', named.raadId),
      };
    },
  };
}

export type VtoActivities = ReturnType<typeof createVtoActivities>;
