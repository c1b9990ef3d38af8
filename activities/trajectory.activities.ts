import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { keepView, type KeptView } from './process-view';
import {
  amsterdamDate,
  DEFAULT_OWN_LETTERS_FROM_AGE,
  ownLetterAge,
  familyAddressees,
  isAgbCodeFact,
  providerNameKey,
  recipientRef,
  type DeliveryFailure,
  type LetterFacts,
  type LetterKind,
  type Recipient,
  type TrajectoryProjection,
} from '@cjg/domain';
import {
  ClientCarerEntity,
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
  /**
   * From this age the young person gets the family's letters himself, next to his carers
   * (CLIENT_OWN_LETTERS_FROM_AGE; default DEFAULT_OWN_LETTERS_FROM_AGE).
   */
  ownLettersFromAge?: number;
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
  /** Addressees sent to by this attempt (a family letter has one per carer). */
  sent: number;
  /** Addressees the ledger shows as done on an earlier attempt. */
  alreadySent: number;
  /** Addressees without a usable address or refused by the mail server (not retried). */
  undeliverable: number;
  /** Who it did not reach and why, for the case (ids only). */
  failures: DeliveryFailure[];
}

/** One person or organisation a letter goes to, and its ledger reference. */
interface Addressee {
  ref: string;
  /** Absent: the recipient is not registered. */
  person?: { name: string; email: string | null };
}

interface MunicipalityRow {
  name: string;
  postal_address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  signatory_name: string | null;
  signatory_function: string | null;
  objection_address: string | null;
}

/** The answer form a client's letter links to, if it has one. */
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
  // Projections from before issue 18 carry none: the rows then come with the next change.
  for (const d of p.providerDue ?? []) {
    await tx.query(
      `INSERT INTO trajectory_provider_due (case_number, agb_code, next_due_at, next_due_kind, overdue)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_number, agb_code) DO UPDATE SET next_due_at = EXCLUDED.next_due_at,
         next_due_kind = EXCLUDED.next_due_kind, overdue = EXCLUDED.overdue`,
      [p.caseNumber, d.agbCode, d.nextDueAt, d.nextDueKind, d.overdue],
    );
  }
  for (const a of p.answers ?? []) {
    await tx.query(
      `INSERT INTO client_answer (case_number, question, status, rating, rating_cjg,
         rating_coordinator, fitting, due_at, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (case_number, question) DO UPDATE SET status = EXCLUDED.status,
         rating = EXCLUDED.rating, rating_cjg = EXCLUDED.rating_cjg,
         rating_coordinator = EXCLUDED.rating_coordinator, fitting = EXCLUDED.fitting,
         due_at = EXCLUDED.due_at, answered_at = EXCLUDED.answered_at`,
      [
        p.caseNumber,
        a.question,
        a.status,
        a.rating,
        // Projections from before the three ratings have none.
        a.ratingCjg ?? null,
        a.ratingCoordinator ?? null,
        a.fitting,
        a.dueAt,
        a.answeredAt,
      ],
    );
  }
}

export function createTrajectoryActivities(deps: ActivityDependencies) {
  const { dataSource, mailer, family, answerLinks } = deps;
  const ownLettersFromAge = deps.ownLettersFromAge ?? DEFAULT_OWN_LETTERS_FROM_AGE;

  /**
   * Whom a letter to `recipient` reaches, with name and address read at send time (a corrected
   * address reaches the next letter): one addressee, or for the family every carer and the young
   * person from the policy's age (familyAddressees).
   */
  async function addressees(
    recipient: Recipient,
    fromAge = ownLettersFromAge,
  ): Promise<Addressee[]> {
    const ref = recipientRef(recipient);
    const one = (person: { name: string; email: string | null } | null): Addressee[] => [
      person ? { ref, person } : { ref },
    ];
    switch (recipient.role) {
      case 'coordinator':
        return one(
          await dataSource.getRepository(CoordinatorEntity).findOneBy({ id: recipient.id }),
        );
      case 'client': {
        const client = await dataSource.getRepository(ClientEntity).findOneBy({ id: recipient.id });
        if (!client) return one(null);
        const carers = await dataSource
          .getRepository(ClientCarerEntity)
          .findBy({ clientId: recipient.id });
        return familyAddressees(client, carers, fromAge, amsterdamDate(new Date())).map(
          ({ ref: addresseeRef, name, email }) => ({
            ref: addresseeRef,
            person: { name, email },
          }),
        );
      }
      case 'provider':
        return one(
          await dataSource.getRepository(ProviderEntity).findOneBy({ agbCode: recipient.agbCode }),
        );
      case 'organisation':
        return one(
          await dataSource.getRepository(PartnerOrganisationEntity).findOneBy({ id: recipient.id }),
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
   * Puts the names of the coordinator, municipality and providers the facts name by id or code
   * in as `coordinatorName`, `municipalityName` and `providerName` (`toewijzing<n>ProviderName`
   * for `toewijzing<n>AgbCode`), read from the registry now, so a letter names people and places
   * and never shows an id (a history holds only the ids). One that is not registered stays
   * without a name; the letter then says who in words.
   *
   * And what every letter ends with (templates/common.ts, contactParagraphs): the coordinator to
   * contact and the municipality's details, of the letter's own facts or else of its case (read
   * model, by workflow id); for a decision the municipality's signatory and objection address.
   */
  async function withNames(facts: LetterFacts, workflowId: string): Promise<LetterFacts> {
    const named: LetterFacts = { ...facts };
    const text = (key: string) => (typeof facts[key] === 'string' ? facts[key] : undefined);
    // The case's parties, read only when the facts do not name them.
    const ofCase =
      text('coordinatorId') === undefined || text('municipalityCode') === undefined
        ? await caseParties(workflowId)
        : undefined;
    // Each row is read once: the name a letter shows and the contact block come from the same.
    const coordinatorId = text('coordinatorId') ?? ofCase?.coordinator_id ?? undefined;
    const [coordinator]: Array<{ name: string; email: string }> = coordinatorId
      ? await dataSource.query(`SELECT name, email FROM coordinator WHERE id = $1`, [coordinatorId])
      : [];
    if (
      coordinator &&
      text('coordinatorId') !== undefined &&
      !Object.hasOwn(facts, 'coordinatorName')
    )
      named.coordinatorName = coordinator.name;
    if (coordinator && !Object.hasOwn(facts, 'contactName'))
      Object.assign(named, { contactName: coordinator.name, contactEmail: coordinator.email });
    const municipalityCode = text('municipalityCode') ?? ofCase?.municipality_code;
    const [m]: MunicipalityRow[] = municipalityCode
      ? await dataSource.query(
          `SELECT name, postal_address, phone, email, website, signatory_name, signatory_function,
                  objection_address
             FROM municipality WHERE code = $1`,
          [municipalityCode],
        )
      : [];
    if (m && text('municipalityCode') !== undefined && !Object.hasOwn(facts, 'municipalityName'))
      named.municipalityName = m.name;
    if (m && !Object.hasOwn(facts, 'contactMunicipalityName')) {
      const details: Record<string, string | null> = {
        contactMunicipalityName: m.name,
        contactAddress: m.postal_address,
        contactPhone: m.phone,
        contactEmailAddress: m.email,
        contactWebsite: m.website,
        signatoryName: m.signatory_name,
        signatoryFunction: m.signatory_function,
        objectionAddress: m.objection_address,
      };
      for (const [key, value] of Object.entries(details)) if (value) named[key] = value;
    }
    // Samenloop (004): whether the municipality named the family, and the family's consent.
    const familyId = text('familyId');
    if (familyId !== undefined && !Object.hasOwn(facts, 'consent')) {
      const [family]: Array<{
        named_by: string | null;
        consent: string | null;
        consent_on: string | null;
      }> = await dataSource.query(
        `SELECT m.name AS named_by, f.consent, f.consent_on::text AS consent_on
             FROM family f LEFT JOIN municipality m ON m.code = f.named_by_municipality
            WHERE f.id = $1`,
        [familyId],
      );
      if (family?.named_by) named.namedByMunicipalityName = family.named_by;
      if (family?.consent) named.consent = family.consent;
      if (family?.consent_on) named.consentOn = family.consent_on;
    }
    for (const [key, agbCode] of Object.entries(facts)) {
      const nameKey = providerNameKey(key);
      if (!isAgbCodeFact(key) || typeof agbCode !== 'string' || Object.hasOwn(facts, nameKey))
        continue;
      const rows: Array<{ name: string }> = await dataSource.query(
        `SELECT name FROM provider WHERE agb_code = $1`,
        [agbCode],
      );
      if (rows[0]?.name) named[nameKey] = rows[0].name;
    }
    return named;
  }

  /** The coordinator and municipality of the case a workflow runs, from the read model. */
  async function caseParties(
    workflowId: string,
  ): Promise<{ coordinator_id: string | null; municipality_code: string } | undefined> {
    const rows: Array<{ coordinator_id: string | null; municipality_code: string }> =
      await dataSource.query(
        `SELECT coordinator_id, municipality_code::text AS municipality_code FROM trajectory WHERE workflow_id = $1
         UNION ALL SELECT coordinator_id, municipality_code::text FROM vto WHERE workflow_id = $1
         UNION ALL SELECT coordinator_id, municipality_code::text FROM veilig_thuis_handover WHERE workflow_id = $1
         LIMIT 1`,
        [workflowId],
      );
    return rows[0];
  }

  /** One letter to one addressee, once: the ledger row (workflow, kind, sequence, addressee). */
  async function sendOne(
    request: LetterRequest,
    recipient: Recipient,
    { ref, person }: Addressee,
    letterFacts: LetterFacts,
    outcome: LetterOutcome,
    fail: (recipient: Recipient, reason: DeliveryFailure['reason']) => void,
  ): Promise<void> {
    const ledger = dataSource.getRepository(NotificationLedgerEntity);
    const key = {
      workflowId: request.workflowId,
      kind: request.kind,
      sequence: request.sequence,
      recipientRef: ref,
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
      return;
    }
    if (entry.status !== 'sending') {
      fail(recipient, entry.status);
      return;
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
    if (!person?.email) {
      const reason = person ? 'no-address' : 'unknown-recipient';
      await ledger.update({ id: entry.id }, { status: reason, updatedAt: new Date() });
      fail(recipient, reason);
      return;
    }
    // Each addressee of a client letter gets a link of its own (its own token): the first
    // answer counts, a later one is told the question is closed.
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
      sent = await mailer.send(
        person.email,
        renderLetter(request.kind, facts, person.name, recipient.role),
        { messageId: messageIdOf(entry.id) },
      );
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
        return;
      }
      // Not sent (the server is away or answered "try later"): say so, so that the retry
      // does not count as an uncertain resend, and let Temporal retry.
      await ledger
        .update({ id: entry.id }, { lastError: error.message.slice(0, 300), updatedAt: new Date() })
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

  return {
    /**
     * Writes the trajectory to the read model: its row, beschikkingen, toewijzingen, reviews,
     * evaluations, care and client answers, and its view when the run keeps it (`process_view`),
     * in one transaction, and appends the workflow's changes to the audit trail. Idempotent and ordered by revision: a retried, replayed or late
     * projection never overwrites newer data nor writes an audit entry twice.
     */
    async projectTrajectory(p: TrajectoryProjection & KeptView): Promise<void> {
      await dataSource.transaction(async (tx) => {
        await keepView(tx, p.workflowId, p.revision, p.view);
        await tx.query(`INSERT INTO family (id) VALUES ($1) ON CONFLICT DO NOTHING`, [p.familyId]);
        const written: unknown[] = await tx.query(
          `INSERT INTO trajectory (case_number, workflow_id, municipality_code, coordinator_id, client_id, phase,
             started_at, updated_at, revision, family_id, coordinated, beschikking_number, beschikking_start,
             beschikking_end, provider_agb_codes, active_provider_agb_codes, next_due_at, next_due_kind, overdue,
             closed_at, first_beschikking_at, reviews_count, end_recorded_at, end_decision, goals_total,
             goals_reached, withdrawn, archive_action_date, received_on, intake_outcome, intake_outcome_code,
             drang_since, drang_source)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
             $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32)
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
             intake_outcome = EXCLUDED.intake_outcome, intake_outcome_code = EXCLUDED.intake_outcome_code,
             drang_since = EXCLUDED.drang_since, drang_source = EXCLUDED.drang_source
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
            p.drangSince ?? null,
            p.drangSource ?? null,
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
      const outcome: LetterOutcome = { sent: 0, alreadySent: 0, undeliverable: 0, failures: [] };
      const letterFacts = await withNames(await withCaseTexts(request.facts), request.workflowId);
      const failed = new Set<string>();
      // One failure per recipient: the case records that the family (or a provider) was not
      // reached by this letter; which carer it was, the ledger shows.
      const fail = (recipient: Recipient, reason: DeliveryFailure['reason']) => {
        outcome.undeliverable += 1;
        if (failed.has(recipientRef(recipient))) return;
        failed.add(recipientRef(recipient));
        outcome.failures.push({ recipient, reason });
      };
      for (const recipient of request.to) {
        // 004: the young person answers the questions about the help himself from 12.
        const fromAge = ownLetterAge(
          answerQuestion(request.kind, request.facts) !== undefined,
          ownLettersFromAge,
        );
        for (const addressee of await addressees(recipient, fromAge)) {
          await sendOne(request, recipient, addressee, letterFacts, outcome, fail);
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
