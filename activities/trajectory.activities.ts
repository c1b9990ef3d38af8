import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { LetterFacts, LetterKind, Recipient, TrajectoryProjection } from '@cjg/domain';
import {
  ClientEntity,
  CoordinatorEntity,
  NotificationLedgerEntity,
  ProviderEntity,
} from '@cjg/persistence';
import { renderLetter, type Letter, type SentMessage } from '@cjg/notifications';

/** Starts or signals the family workflow; the worker wires it to a Temporal client. */
export interface FamilyReporter {
  report(familyId: string, report: FamilyCareReportInput): Promise<void>;
}

export interface FamilyCareReportInput {
  caseNumber: string;
  coordinatorId: string;
  activeAgbCodes: string[];
  revision: number;
  threshold: number;
}

/** What the activities need from the world; tests hand in real or fake ones. */
export interface ActivityDependencies {
  dataSource: DataSource;
  mailer: { send(to: string, letter: Letter): Promise<SentMessage> };
  family?: FamilyReporter;
}

export interface LetterRequest {
  workflowId: string;
  /** Unique within the workflow: with kind and recipient, the ledger key. */
  sequence: number;
  kind: LetterKind;
  to: Recipient[];
  facts: LetterFacts;
}

export interface LetterOutcome {
  /** Recipients sent to by this attempt. */
  sent: number;
  /** Recipients the ledger shows as done on an earlier attempt. */
  alreadySent: number;
  /** Recipients without a usable address (recorded in the ledger, not retried). */
  undeliverable: number;
}

function recipientRef(recipient: Recipient): string {
  return recipient.role === 'provider'
    ? `provider:${recipient.agbCode}`
    : `${recipient.role}:${recipient.id}`;
}

export function createTrajectoryActivities({ dataSource, mailer, family }: ActivityDependencies) {
  /** Name and address of a recipient, read at send time: a corrected address reaches the next letter. */
  async function address(
    recipient: Recipient,
  ): Promise<{ name: string; email: string | null } | undefined> {
    switch (recipient.role) {
      case 'coordinator':
        return (
          (await dataSource.getRepository(CoordinatorEntity).findOneBy({ id: recipient.id })) ??
          undefined
        );
      case 'client':
        return (
          (await dataSource.getRepository(ClientEntity).findOneBy({ id: recipient.id })) ??
          undefined
        );
      case 'provider':
        return (
          (await dataSource
            .getRepository(ProviderEntity)
            .findOneBy({ agbCode: recipient.agbCode })) ?? undefined
        );
    }
  }

  return {
    /**
     * Writes the trajectory's row of the read model. Idempotent and ordered by revision: a retried,
     * replayed or late projection never overwrites a newer one.
     */
    async projectTrajectory(p: TrajectoryProjection): Promise<void> {
      await dataSource.query(
        `INSERT INTO trajectory (case_number, workflow_id, municipality_code, coordinator_id, client_id, phase,
           started_at, updated_at, revision, family_id, coordinated, beschikking_number, beschikking_start,
           beschikking_end, provider_agb_codes, active_provider_agb_codes, next_due_at, next_due_kind, overdue, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
         ON CONFLICT (case_number) DO UPDATE SET
           coordinator_id = EXCLUDED.coordinator_id, phase = EXCLUDED.phase, updated_at = now(),
           revision = EXCLUDED.revision, family_id = EXCLUDED.family_id, coordinated = EXCLUDED.coordinated,
           beschikking_number = EXCLUDED.beschikking_number, beschikking_start = EXCLUDED.beschikking_start,
           beschikking_end = EXCLUDED.beschikking_end, provider_agb_codes = EXCLUDED.provider_agb_codes,
           active_provider_agb_codes = EXCLUDED.active_provider_agb_codes, next_due_at = EXCLUDED.next_due_at,
           next_due_kind = EXCLUDED.next_due_kind, overdue = EXCLUDED.overdue, closed_at = EXCLUDED.closed_at
         WHERE trajectory.revision < EXCLUDED.revision`,
        [
          p.caseNumber,
          p.workflowId,
          p.municipalityCode,
          p.coordinatorId,
          p.clientId,
          p.phase,
          p.startedAt,
          p.revision,
          p.familyId,
          p.coordinated,
          p.beschikkingNumber,
          p.beschikkingStart,
          p.beschikkingEnd,
          p.providerAgbCodes,
          p.activeProviderAgbCodes,
          p.nextDueAt,
          p.nextDueKind,
          p.overdue,
          p.closedAt,
        ],
      );
    },

    /**
     * Sends one letter to each recipient, at most once per recipient: the ledger row
     * (workflow, kind, sequence, recipient) is written before sending and marked sent after, so a
     * retry skips the recipients already done. Addresses are read here, never carried by the workflow.
     */
    async sendLetter(request: LetterRequest): Promise<LetterOutcome> {
      const ledger = dataSource.getRepository(NotificationLedgerEntity);
      const outcome: LetterOutcome = { sent: 0, alreadySent: 0, undeliverable: 0 };
      for (const recipient of request.to) {
        const key = {
          workflowId: request.workflowId,
          kind: request.kind,
          sequence: request.sequence,
          recipientRef: recipientRef(recipient),
        };
        await ledger
          .createQueryBuilder()
          .insert()
          .values({ ...key, status: 'sending' })
          .orIgnore()
          .execute();
        const entry = await ledger.findOneByOrFail(key);
        if (entry.status !== 'sending') {
          if (entry.status === 'sent') outcome.alreadySent += 1;
          else outcome.undeliverable += 1;
          continue;
        }
        const person = await address(recipient);
        if (!person?.email) {
          await ledger.update(
            { id: entry.id },
            { status: person ? 'no-address' : 'unknown-recipient' },
          );
          outcome.undeliverable += 1;
          continue;
        }
        const sent = await mailer.send(
          person.email,
          renderLetter(request.kind, request.facts, person.name),
        );
        const refused = sent.rejected.length > 0;
        await ledger.update(
          { id: entry.id },
          { status: refused ? 'refused' : 'sent', messageId: sent.messageId, sentAt: new Date() },
        );
        if (refused) outcome.undeliverable += 1;
        else outcome.sent += 1;
      }
      return outcome;
    },

    /** Tells the family workflow (samenloop, 004) which providers this trajectory has active. */
    async reportFamilyCare(report: FamilyCareReportInput & { familyId: string }): Promise<void> {
      if (!family) {
        throw ApplicationFailure.nonRetryable('No family reporter configured', 'Misconfigured');
      }
      const { familyId, ...rest } = report;
      await family.report(familyId, rest);
    },
  };
}

export type TrajectoryActivities = ReturnType<typeof createTrajectoryActivities>;
