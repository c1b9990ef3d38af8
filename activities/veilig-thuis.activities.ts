import {
  handoverLetterFactsFor,
  type HandoverProjection,
  type LetterFacts,
  type Recipient,
} from '@cjg/domain';
import { keepView, type KeptView } from './process-view';
import {
  createTrajectoryActivities,
  TEXT_ID_SUFFIX,
  type ActivityDependencies,
  type LetterOutcome,
  type LetterRequest,
} from './trajectory.activities';

/** A letter of a Veilig Thuis handover; its facts may name stored texts by `…TextId`. */
export interface HandoverLetterRequest extends LetterRequest {
  handoverId: string;
}

/**
 * The activities of the Veilig Thuis warm handover (002 §3.6, §5.6): its letters and its row in
 * the read model. The free texts (safety conditions, agreements, a refusal's explanation) may
 * name people, so the workflow carries only their ids; they are read here, at send time.
 */
export function createVeiligThuisActivities(deps: ActivityDependencies) {
  const { dataSource } = deps;
  const { sendLetter } = createTrajectoryActivities(deps);

  /** The facts with each text of this handover they name put in as itself (one item per line). */
  async function withHandoverTexts(handoverId: string, letterFacts: LetterFacts) {
    const named = Object.entries(letterFacts).filter(
      (entry): entry is [string, string] =>
        entry[0].endsWith(TEXT_ID_SUFFIX) && typeof entry[1] === 'string',
    );
    const facts: LetterFacts = { ...letterFacts };
    if (named.length === 0) return facts;
    const rows: Array<{ id: string; items: string[] }> = await dataSource.query(
      `SELECT id::text AS id, items FROM veilig_thuis_handover_text
        WHERE handover_id = $1 AND id = ANY($2::uuid[])`,
      [handoverId, named.map(([, id]) => id)],
    );
    const texts = new Map(rows.map((row) => [row.id, row.items]));
    for (const [key, id] of named) {
      const items = texts.get(id);
      if (items) facts[key.slice(0, -TEXT_ID_SUFFIX.length)] = items.join('\n');
    }
    return facts;
  }

  return {
    /**
     * Sends a handover letter through the one letter path (ledger, exactly once, refusals
     * reported), after putting each text the facts name (`agreementsTextId`) in as itself
     * (`agreements`, one item per line). Only texts of this handover are read; a text that is
     * gone leaves the letter's pointer to the file. Each recipient gets the facts it may read
     * (`handoverLetterFactsFor`: the family's copy leaves out the safety conditions), so the
     * texts it may not read are never read for it.
     */
    async sendHandoverLetter(request: HandoverLetterRequest): Promise<LetterOutcome> {
      const { handoverId, ...letter } = request;
      const groups = new Map<string, { facts: LetterFacts; to: Recipient[] }>();
      for (const recipient of letter.to) {
        const facts = handoverLetterFactsFor(recipient, letter.facts);
        const key = JSON.stringify(facts);
        const group = groups.get(key) ?? { facts, to: [] };
        group.to.push(recipient);
        groups.set(key, group);
      }
      const outcome: LetterOutcome = { sent: 0, alreadySent: 0, undeliverable: 0, failures: [] };
      for (const group of groups.values()) {
        const one = await sendLetter({
          ...letter,
          to: group.to,
          facts: await withHandoverTexts(handoverId, group.facts),
        });
        outcome.sent += one.sent;
        outcome.alreadySent += one.alreadySent;
        outcome.undeliverable += one.undeliverable;
        outcome.failures.push(...one.failures);
      }
      return outcome;
    },

    /**
     * Writes the handover's progress to its row (created by the API when Veilig Thuis handed it
     * over). Idempotent and ordered by revision: a retried or late projection never overwrites
     * newer data.
     */
    async projectHandover(p: HandoverProjection & KeptView): Promise<void> {
      await keepView(dataSource, p.workflowId, p.revision, p.view);
      await dataSource.query(
        `UPDATE veilig_thuis_handover SET
           workflow_id = $2, status = $3, revision = $4, coordinator_id = $5, client_id = $6,
           family_id = $7, accept_due_date = $8, accepted_at = $9, accepted_late = $10,
           meeting_date = $11, joint_home_visit = $12, meeting_held_on = $13, next_due_at = $14,
           next_due_kind = $15, overdue = $16, outcome = $17, trajectory_case_number = $18,
           closed_at = $19, updated_at = now()
         WHERE id = $1 AND revision < $4`,
        [
          p.handoverId,
          p.workflowId,
          p.status,
          p.revision,
          p.coordinatorId,
          p.clientId,
          p.familyId,
          p.acceptDueDate,
          p.acceptedAt,
          p.acceptedLate,
          p.meetingDate,
          p.jointHomeVisit,
          p.meetingHeldOn,
          p.nextDueAt,
          p.nextDueKind,
          p.overdue,
          p.outcome,
          p.trajectoryCaseNumber,
          p.closedAt,
        ],
      );
    },
  };
}

export type VeiligThuisActivities = ReturnType<typeof createVeiligThuisActivities>;
