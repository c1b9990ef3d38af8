import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import {
  recipientRef,
  type DeliveryFailure,
  type LetterFacts,
  type LetterKind,
  type Recipient,
  type TrajectoryProjection,
} from '@cjg/domain';
import {
  ClientEntity,
  CoordinatorEntity,
  NotificationLedgerEntity,
  ProviderEntity,
} from '@cjg/persistence';
import {
  MailRefusedError,
  renderLetter,
  type AnswerQuestion,
  type Letter,
  type SentMessage,
} from '@cjg/notifications';

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
  mailer: {
    send(to: string, letter: Letter, options?: { messageId?: string }): Promise<SentMessage>;
  };
  family?: FamilyReporter;
  /** Makes the signed answer link of a client's 3-month check or questionnaire. */
  answerLinks?: (input: { caseNumber: string; question: AnswerQuestion }) => string;
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
  /** Recipients without a usable address or refused by the mail server (not retried). */
  undeliverable: number;
  /** Who it did not reach and why, for the case (ids only). */
  failures: DeliveryFailure[];
}

/** The answer form a client's letter links to, if it has one. */
function answerQuestion(kind: LetterKind, facts: LetterFacts): AnswerQuestion | undefined {
  if (kind === 'three-month-check') return 'three-month-check';
  if (kind === 'questionnaire')
    return facts.moment === 'end' ? 'questionnaire-end' : 'questionnaire-midway';
  return undefined;
}

/** A stable Message-ID per ledger row: a resend is recognisably the same message. */
const messageIdOf = (ledgerId: string) => `<${ledgerId}@cjg-toegang>`;

export function createTrajectoryActivities({
  dataSource,
  mailer,
  family,
  answerLinks,
}: ActivityDependencies) {
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
     * Sends one letter to each recipient, once. The ledger row (workflow, kind, sequence,
     * recipient) is claimed before sending and marked after, so a retried activity, or one whose
     * worker died after sending, skips the recipients already done. SMTP away or slow: the error
     * is thrown and Temporal retries with backoff. A refused address, or none at all, is final:
     * recorded in the ledger and returned as a failure for the case, never retried.
     * Addresses are read here, never carried by the workflow.
     */
    async sendLetter(request: LetterRequest): Promise<LetterOutcome> {
      const ledger = dataSource.getRepository(NotificationLedgerEntity);
      const outcome: LetterOutcome = { sent: 0, alreadySent: 0, undeliverable: 0, failures: [] };
      const fail = (recipient: Recipient, reason: DeliveryFailure['reason']) => {
        outcome.undeliverable += 1;
        outcome.failures.push({ recipient, reason });
      };
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
        if (entry.status === 'sent') {
          outcome.alreadySent += 1;
          continue;
        }
        if (entry.status !== 'sending') {
          fail(recipient, entry.status);
          continue;
        }
        // An earlier attempt that began but recorded neither a result nor an error died between
        // sending and marking: the letter may be out. It goes again with the same Message-ID.
        const uncertain = entry.attempts > 0 && entry.lastError === null;
        await ledger.update(
          { id: entry.id },
          {
            attempts: entry.attempts + 1,
            uncertainResends: entry.uncertainResends + (uncertain ? 1 : 0),
            lastError: null,
            updatedAt: new Date(),
          },
        );
        const person = await address(recipient);
        if (!person?.email) {
          const reason = person ? 'no-address' : 'unknown-recipient';
          await ledger.update({ id: entry.id }, { status: reason, updatedAt: new Date() });
          fail(recipient, reason);
          continue;
        }
        const question = answerQuestion(request.kind, request.facts);
        const facts =
          question && recipient.role === 'client' && answerLinks
            ? {
                ...request.facts,
                answerUrl: answerLinks({ caseNumber: String(request.facts.caseNumber), question }),
              }
            : request.facts;
        try {
          const sent = await mailer.send(
            person.email,
            renderLetter(request.kind, facts, person.name),
            {
              messageId: messageIdOf(entry.id),
            },
          );
          await ledger.update(
            { id: entry.id },
            {
              status: 'sent',
              messageId: sent.messageId,
              sentAt: new Date(),
              updatedAt: new Date(),
            },
          );
          outcome.sent += 1;
        } catch (error) {
          if (error instanceof MailRefusedError) {
            await ledger.update(
              { id: entry.id },
              { status: 'refused', lastError: error.message, updatedAt: new Date() },
            );
            fail(recipient, 'refused');
            continue;
          }
          // Not sent (the server is away or answered "try later"): say so, so that the retry
          // does not count as an uncertain resend, and let Temporal retry.
          await ledger
            .update(
              { id: entry.id },
              { lastError: String((error as Error).message).slice(0, 300), updatedAt: new Date() },
            )
            .catch(() => undefined);
          throw error;
        }
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
