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
  PartnerOrganisationEntity,
  ProviderEntity,
} from '@cjg/persistence';
import {
  mailFailure,
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

/** A letter fact that names a stored free text ends so: `reasonTextId` is put in as `reason`. */
export const TEXT_ID_SUFFIX = 'TextId';

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
/** Which fact names whom, and where the registry keeps that one's name. */
const NAME_LOOKUPS = [
  ['coordinatorId', 'coordinatorName', 'coordinator', 'id'],
  ['municipalityCode', 'municipalityName', 'municipality', 'code'],
  ['agbCode', 'providerName', 'provider', 'agb_code'],
] as const;

function answerQuestion(kind: LetterKind, facts: LetterFacts): AnswerQuestion | undefined {
  if (kind === 'three-month-check') return 'three-month-check';
  if (kind === 'questionnaire')
    return facts.moment === 'end' ? 'questionnaire-end' : 'questionnaire-midway';
  return undefined;
}

/** How long a sent letter's ledger update is retried before the activity gives up. */
const MARK_SENT_PATIENCE_MS = 25_000;

/** Runs `operation` until it succeeds or `patienceMs` has passed (then its last error). */
async function insist<T>(operation: () => Promise<T>, patienceMs: number): Promise<T> {
  const deadline = Date.now() + patienceMs;
  for (let wait = 250; ; wait = Math.min(wait * 2, 4_000)) {
    try {
      return await operation();
    } catch (error) {
      if (Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** A stable Message-ID per ledger row: a resend is recognisably the same message. */
const messageIdOf = (ledgerId: string) => `<${ledgerId}@cjg-toegang>`;

type Queryable = Pick<DataSource, 'query'>;

/** The details of a projection newer than what the read model had (see projectTrajectory). */
async function writeDetails(tx: Queryable, p: TrajectoryProjection): Promise<void> {
  for (const b of p.beschikkingen ?? []) {
    await tx.query(
      `INSERT INTO trajectory_beschikking (case_number, number, kind, start_date, end_date, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (case_number, number) DO UPDATE SET kind = EXCLUDED.kind,
         start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
         issued_at = COALESCE(EXCLUDED.issued_at, trajectory_beschikking.issued_at)`,
      [p.caseNumber, b.number, b.kind, b.startDate, b.endDate, b.issuedAt],
    );
    for (const t of b.toewijzingen) {
      await tx.query(
        `INSERT INTO trajectory_toewijzing (case_number, beschikking_number, toewijzingnummer, agb_code,
           product_category, product_code, volume, unit, frequency, start_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
        [
          p.caseNumber,
          b.number,
          t.toewijzingnummer,
          t.agbCode,
          t.productCategory,
          t.productCode,
          t.volume,
          t.unit,
          t.frequency,
          b.startDate,
        ],
      );
    }
  }
  for (const r of p.reviews ?? []) {
    await tx.query(
      `INSERT INTO trajectory_review (case_number, review_no, recorded_at, decision, was_overdue, reached, partly, total)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        p.caseNumber,
        r.reviewNo,
        r.recordedAt,
        r.decision,
        r.wasOverdue,
        r.reached,
        r.partly,
        r.total,
      ],
    );
  }
  for (const e of p.evaluations ?? []) {
    await tx.query(
      `INSERT INTO trajectory_evaluation (case_number, evaluation_no, agb_code, kind, recorded_at, reached, partly, total)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [p.caseNumber, e.evaluationNo, e.agbCode, e.kind, e.recordedAt, e.reached, e.partly, e.total],
    );
  }
  for (const c of p.care ?? []) {
    await tx.query(
      `INSERT INTO trajectory_care (case_number, agb_code, started_on, stopped_on, stop_reason)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_number, agb_code) DO UPDATE SET started_on = EXCLUDED.started_on,
         stopped_on = EXCLUDED.stopped_on, stop_reason = EXCLUDED.stop_reason`,
      [p.caseNumber, c.agbCode, c.startedOn, c.stoppedOn, c.stopReason],
    );
  }
  for (const a of p.answers ?? []) {
    await tx.query(
      `INSERT INTO client_answer (case_number, question, status, rating, fitting, due_at, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (case_number, question) DO UPDATE SET status = EXCLUDED.status,
         rating = EXCLUDED.rating, fitting = EXCLUDED.fitting, due_at = EXCLUDED.due_at,
         answered_at = EXCLUDED.answered_at`,
      [p.caseNumber, a.question, a.status, a.rating, a.fitting, a.dueAt, a.answeredAt],
    );
  }
}

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
      case 'organisation':
        return (
          (await dataSource
            .getRepository(PartnerOrganisationEntity)
            .findOneBy({ id: recipient.id })) ?? undefined
        );
    }
  }

  /**
   * The facts with each free text they name (`reasonTextId`) put in as itself (`reason`), read
   * from the case's texts (case_text) at send time: the workflow carries only the ids. A text
   * already put in (a process with texts of its own) or gone (destroyed) is left as it is.
   */
  async function withCaseTexts(facts: LetterFacts): Promise<LetterFacts> {
    const named = Object.entries(facts).filter(
      (entry): entry is [string, string] =>
        entry[0].endsWith(TEXT_ID_SUFFIX) &&
        typeof entry[1] === 'string' &&
        !Object.hasOwn(facts, entry[0].slice(0, -TEXT_ID_SUFFIX.length)),
    );
    if (named.length === 0 || typeof facts.caseNumber !== 'string') return facts;
    const rows: Array<{ id: string; items: string[] }> = await dataSource.query(
      `SELECT id::text AS id, items FROM case_text WHERE case_number = $1 AND id = ANY($2::uuid[])`,
      [facts.caseNumber, named.map(([, id]) => id)],
    );
    const texts = new Map(rows.map((row) => [row.id, row.items.join('\n')]));
    const resolved: LetterFacts = { ...facts };
    for (const [key, id] of named) {
      const text = texts.get(id);
      if (text !== undefined) resolved[key.slice(0, -TEXT_ID_SUFFIX.length)] = text;
    }
    return resolved;
  }

  /**
   * Puts the names of the coordinator, municipality and provider the facts name by id or code in
   * as `coordinatorName`, `municipalityName` and `providerName`, read from the registry now, so a
   * letter names people and places and never shows an id (a history holds only the ids). One
   * that is not registered stays without a name; the letter then says who in words.
   */
  async function withNames(facts: LetterFacts): Promise<LetterFacts> {
    const named: LetterFacts = { ...facts };
    for (const [idKey, nameKey, table, column] of NAME_LOOKUPS) {
      const id = facts[idKey];
      if (typeof id !== 'string' || Object.hasOwn(facts, nameKey)) continue;
      const rows: Array<{ name: string }> = await dataSource.query(
        `SELECT name FROM ${table} WHERE ${column} = $1`,
        [id],
      );
      if (rows[0]?.name) named[nameKey] = rows[0].name;
    }
    return named;
  }

  return {
    /**
     * Writes the trajectory to the read model: its row, beschikkingen, toewijzingen, reviews,
     * evaluations, care and client answers, in one transaction, and appends the workflow's
     * changes to the audit trail. Idempotent and ordered by revision: a retried, replayed or late
     * projection never overwrites newer data nor writes an audit entry twice.
     */
    async projectTrajectory(p: TrajectoryProjection): Promise<void> {
      await dataSource.transaction(async (tx) => {
        await tx.query(`INSERT INTO family (id) VALUES ($1) ON CONFLICT DO NOTHING`, [p.familyId]);
        const written: unknown[] = await tx.query(
          `INSERT INTO trajectory (case_number, workflow_id, municipality_code, coordinator_id, client_id, phase,
             started_at, updated_at, revision, family_id, coordinated, beschikking_number, beschikking_start,
             beschikking_end, provider_agb_codes, active_provider_agb_codes, next_due_at, next_due_kind, overdue,
             closed_at, first_beschikking_at, reviews_count, end_recorded_at, end_decision, goals_total,
             goals_reached, withdrawn, archive_action_date, received_on, intake_outcome, intake_outcome_code)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
             $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30)
           ON CONFLICT (case_number) DO UPDATE SET
             coordinator_id = EXCLUDED.coordinator_id, phase = EXCLUDED.phase, updated_at = now(),
             revision = EXCLUDED.revision, family_id = EXCLUDED.family_id, coordinated = EXCLUDED.coordinated,
             beschikking_number = EXCLUDED.beschikking_number, beschikking_start = EXCLUDED.beschikking_start,
             beschikking_end = EXCLUDED.beschikking_end, provider_agb_codes = EXCLUDED.provider_agb_codes,
             active_provider_agb_codes = EXCLUDED.active_provider_agb_codes, next_due_at = EXCLUDED.next_due_at,
             next_due_kind = EXCLUDED.next_due_kind, overdue = EXCLUDED.overdue, closed_at = EXCLUDED.closed_at,
             first_beschikking_at = COALESCE(trajectory.first_beschikking_at, EXCLUDED.first_beschikking_at),
             reviews_count = EXCLUDED.reviews_count, end_recorded_at = EXCLUDED.end_recorded_at,
             end_decision = EXCLUDED.end_decision, goals_total = EXCLUDED.goals_total,
             goals_reached = EXCLUDED.goals_reached, withdrawn = EXCLUDED.withdrawn,
             archive_action_date = EXCLUDED.archive_action_date, received_on = EXCLUDED.received_on,
             intake_outcome = EXCLUDED.intake_outcome, intake_outcome_code = EXCLUDED.intake_outcome_code
           WHERE trajectory.revision < EXCLUDED.revision
           RETURNING 1`,
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
            p.firstBeschikkingAt,
            p.reviewsCount ?? 0,
            p.endRecordedAt ?? null,
            p.endDecision ?? null,
            p.goalsTotal ?? null,
            p.goalsReached ?? null,
            p.withdrawn ?? false,
            p.archiveActionDate ?? null,
            p.receivedOn ?? null,
            p.intakeOutcome ?? null,
            p.intakeOutcomeCode ?? null,
          ],
        );
        if (written.length > 0) await writeDetails(tx, p);
        // The workflow's changes, once each: (case, revision, seq) is unique for workflow entries.
        for (const [seq, cause] of (p.causes ?? []).entries()) {
          await tx.query(
            `INSERT INTO audit_event (actor_sub, actor_role, action, case_number, outcome, detail)
             VALUES ($1, 'workflow', $2, $3, 'applied', $4) ON CONFLICT DO NOTHING`,
            [
              p.workflowId,
              cause.slice(0, 64),
              p.caseNumber,
              JSON.stringify({ revision: p.revision, seq, phase: p.phase }),
            ],
          );
        }
      });
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
      const letterFacts = await withNames(await withCaseTexts(request.facts));
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
        const question = answerQuestion(request.kind, letterFacts);
        const facts =
          question && recipient.role === 'client' && answerLinks
            ? {
                ...letterFacts,
                answerUrl: answerLinks({ caseNumber: String(letterFacts.caseNumber), question }),
              }
            : letterFacts;
        let sent: SentMessage;
        try {
          sent = await mailer.send(person.email, renderLetter(request.kind, facts, person.name), {
            messageId: messageIdOf(entry.id),
          });
        } catch (thrown) {
          // Whatever the mailer threw, without the addresses a mail error quotes: it goes into
          // the ledger, the workflow's history and the worker's log.
          const error = mailFailure(thrown);
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
              { lastError: error.message.slice(0, 300), updatedAt: new Date() },
            )
            .catch(() => undefined);
          throw error;
        }
        // The letter is out. Recording that must survive a short database outage, or the retry
        // would send it again: insist for a while, within the activity's timeout.
        await insist(
          () =>
            ledger.update(
              { id: entry.id },
              {
                status: 'sent',
                messageId: sent.messageId,
                sentAt: new Date(),
                updatedAt: new Date(),
              },
            ),
          MARK_SENT_PATIENCE_MS,
        );
        outcome.sent += 1;
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
