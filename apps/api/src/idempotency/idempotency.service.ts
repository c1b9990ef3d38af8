import { createHash } from 'node:crypto';
import {
  BadRequestException,
  HttpException,
  Inject,
  Injectable,
  Logger,
  UnprocessableEntityException,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { API_CONFIG, type ApiConfig } from '../config';
import { coded } from '../common/error-codes';

/** An answer to give: fresh, or replayed from an earlier request with the same key. */
export interface IdempotentAnswer<T> {
  statusCode: number;
  body: T;
  replayed: boolean;
}

/** What a request with a key answered the first time. */
export interface IdempotentResult<T> {
  statusCode: number;
  body: T;
  /** The workflow the request made or changed, when only the request itself tells which. */
  workflowId?: string;
}

export interface IdempotencyOptions<T> {
  /**
   * The workflow the request is about: the record goes with a destruction of that case's
   * personal data (activities/retention.activities.ts).
   */
  workflowId?: string;
  /**
   * How a replay answers a success from the current state, so that the success itself is not
   * kept: a command's answer is the process's whole view (plan texts, agreements, reasons in
   * words), and a retry needs only to know that the command took effect, and then the view as it
   * is. Without it the answer is kept as it is: a start's answer holds ids only.
   */
  replay?: () => Promise<T>;
}

/** How often each API process deletes the records past IDEMPOTENCY_TTL, at the most. */
export const PURGE_INTERVAL_MS = 15 * 60_000;

/** A key a client may choose: a UUID or any token of 8–128 safe characters. */
const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** Answers that are final for a request and safe to replay; 5xx and 401/403/429 are not. */
const REPLAYABLE = (status: number) =>
  (status >= 200 && status < 300) || status === 404 || status === 409 || status === 422;

/** A canonical JSON text: the same body in another key order hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonical(body)}`)
    .digest('hex');
}

/**
 * Idempotency-Key handling: the first request with a key runs and its final answer is recorded per
 * caller; a retry with the same key and the same request within IDEMPOTENCY_TTL gets that answer
 * again (marked with `Idempotent-Replayed: true`), with another request 422. For workflow updates
 * the key also becomes the Temporal update id, so retries racing each other, or a retry after the
 * API died between the update and recording its answer, still have their effect once.
 *
 * A record keeps only what a replay needs: the request's hash, the status, and for a refusal its
 * message (ids, codes and the rule's reason), for a start its ids; a command's success is
 * answered again from the process's current view (`replay`), not from a copy. Records are
 * forgotten after IDEMPOTENCY_TTL (a key past it runs anew) and deleted by every API process at
 * start and every 15 minutes: a plain DELETE of what is past its time, harmless when replicas do
 * it at once, and not needed for correctness, since a record past its time is never replayed.
 */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Idempotency');
  private readonly ttlSeconds: number;
  private sweep?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) config: Pick<ApiConfig, 'idempotency'>,
  ) {
    this.ttlSeconds = config.idempotency.ttlSeconds;
  }

  onApplicationBootstrap(): void {
    void this.purgeQuietly();
    this.sweep = setInterval(
      () => void this.purgeQuietly(),
      Math.min(PURGE_INTERVAL_MS, this.ttlSeconds * 1000),
    );
    // The sweep never keeps the process alive.
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweep);
  }

  /** Validates a header value; undefined when the request carries none. */
  static key(header: string | undefined): string | undefined {
    if (header === undefined) return undefined;
    if (!KEY.test(header)) {
      throw new BadRequestException(
        coded(
          'invalid-idempotency-key',
          'Idempotency-Key must be 8-128 characters A-Z, a-z, 0-9, ".", "_", ":" or "-" (a UUID will do)',
        ),
      );
    }
    return header;
  }

  /** The Temporal update id that belongs to a caller's key. */
  static updateId(principal: Principal, key: string): string {
    return `idem-${createHash('sha256').update(`${principal.sub}\n${key}`).digest('hex').slice(0, 40)}`;
  }

  async run<T>(
    principal: Principal,
    key: string | undefined,
    hash: string,
    execute: () => Promise<IdempotentResult<T>>,
    options: IdempotencyOptions<T> = {},
  ): Promise<IdempotentAnswer<T>> {
    if (!key) {
      const { statusCode, body } = await execute();
      return { statusCode, body, replayed: false };
    }
    const stored = await this.find(principal, key, hash, options);
    if (stored) return stored;
    let answer: IdempotentResult<T>;
    try {
      answer = await execute();
    } catch (error) {
      if (!(error instanceof HttpException) || !REPLAYABLE(error.getStatus())) throw error;
      const record = { statusCode: error.getStatus(), response: error.getResponse() };
      await this.store(principal, key, hash, record, options.workflowId);
      // A concurrent twin may have stored first: every retry then gets the first answer (a
      // stored refusal is thrown by find).
      const first = await this.find(principal, key, hash, options);
      if (first) return first;
      throw error;
    }
    const { statusCode, body } = answer;
    if (REPLAYABLE(statusCode)) {
      const record = { statusCode, response: options.replay ? null : body };
      const workflowId = answer.workflowId ?? options.workflowId;
      if (!(await this.store(principal, key, hash, record, workflowId))) {
        const first = await this.find(principal, key, hash, options);
        if (first) return { ...first, replayed: true };
      }
    }
    return { statusCode, body, replayed: false };
  }

  /**
   * A start of a process: 201 when it made the workflow, 200 when it was there already. Its
   * answer holds ids only (which case, which workflow, created or not) and is kept as it is.
   * `workflowId` is the workflow's id when the request itself names it, so that a refusal is
   * recorded with its case too.
   */
  start<T extends { workflowId: string; created: boolean }>(
    principal: Principal,
    key: string | undefined,
    hash: string,
    begin: () => Promise<T>,
    workflowId?: string,
  ): Promise<IdempotentAnswer<T>> {
    return this.run(
      principal,
      key,
      hash,
      async () => {
        const body = await begin();
        return { statusCode: body.created ? 201 : 200, body, workflowId: body.workflowId };
      },
      workflowId ? { workflowId } : {},
    );
  }

  /**
   * A command to a process: `give` sends it as a workflow update under the Temporal update id of
   * the caller's key (so a retry racing it has its effect once) and answers the view after it; a
   * replay answers `view()`, the process as it is now, so no copy of the view is kept.
   */
  command<T>(
    principal: Principal,
    key: string | undefined,
    hash: string,
    command: {
      workflowId: string;
      give: (updateId: string | undefined) => Promise<T>;
      view: () => Promise<T>;
    },
  ): Promise<IdempotentAnswer<T>> {
    const updateId = key ? IdempotencyService.updateId(principal, key) : undefined;
    return this.run(
      principal,
      key,
      hash,
      async () => ({ statusCode: 200, body: await command.give(updateId) }),
      { workflowId: command.workflowId, replay: command.view },
    );
  }

  /** Deletes the records past IDEMPOTENCY_TTL; how many went. */
  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM idempotency_record WHERE created_at <= now() - make_interval(secs => $1)`,
      [this.ttlSeconds],
    );
    return result[1];
  }

  private async purgeQuietly(): Promise<void> {
    try {
      const purged = await this.purgeExpired();
      if (purged > 0)
        this.logger.log({ msg: 'idempotency records past their time deleted', purged });
    } catch (error) {
      // The next sweep tries again; replays never use a record past its time meanwhile.
      this.logger.warn({ msg: 'idempotency records not purged', err: error });
    }
  }

  private async find<T>(
    principal: Principal,
    key: string,
    hash: string,
    options: IdempotencyOptions<T>,
  ): Promise<IdempotentAnswer<T> | undefined> {
    const rows: Array<{ request_hash: string; status_code: number; response: T }> =
      await this.dataSource.query(
        `SELECT request_hash, status_code, response FROM idempotency_record
          WHERE actor_sub = $1 AND idempotency_key = $2
            AND created_at > now() - make_interval(secs => $3)`,
        [principal.sub, key, this.ttlSeconds],
      );
    const row = rows[0];
    if (!row) return undefined;
    if (row.request_hash !== hash) {
      throw new UnprocessableEntityException(
        coded(
          'idempotency-key-reused',
          'This Idempotency-Key was used for another request; use a new key for a new request',
        ),
      );
    }
    if (row.status_code >= 400) {
      throw new HttpException(row.response as object, row.status_code);
    }
    const body = options.replay ? await options.replay() : row.response;
    return { statusCode: row.status_code, body, replayed: true };
  }

  /**
   * Records the first answer to a key; false when a live record was there first. A record past
   * IDEMPOTENCY_TTL that the sweep has not deleted yet is taken over: the key is free again.
   */
  private async store(
    principal: Principal,
    key: string,
    hash: string,
    record: { statusCode: number; response: unknown },
    workflowId: string | undefined,
  ): Promise<boolean> {
    const result: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_record
              (actor_sub, idempotency_key, request_hash, status_code, response, workflow_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (actor_sub, idempotency_key) DO UPDATE
          SET request_hash = EXCLUDED.request_hash, status_code = EXCLUDED.status_code,
              response = EXCLUDED.response, workflow_id = EXCLUDED.workflow_id, created_at = now()
        WHERE idempotency_record.created_at <= now() - make_interval(secs => $7)
       RETURNING 1`,
      [
        principal.sub,
        key,
        hash,
        record.statusCode,
        JSON.stringify(record.response ?? null),
        workflowId ?? null,
        this.ttlSeconds,
      ],
    );
    return result.length > 0;
  }
}
