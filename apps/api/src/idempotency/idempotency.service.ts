import { createHash } from 'node:crypto';
import {
  BadRequestException,
  HttpException,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';

/** An answer to give: fresh, or replayed from an earlier request with the same key. */
export interface IdempotentAnswer<T> {
  statusCode: number;
  body: T;
  replayed: boolean;
}

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
 * Idempotency-Key handling: the first request with a key runs and its final answer is stored per
 * caller; a retry with the same key and the same request gets that answer again (marked with
 * `Idempotent-Replayed: true`), with another request 422. For workflow updates the key also
 * becomes the Temporal update id, so retries racing each other, or a retry after the API died
 * between the update and storing its answer, still have their effect once.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Validates a header value; undefined when the request carries none. */
  static key(header: string | undefined): string | undefined {
    if (header === undefined) return undefined;
    if (!KEY.test(header)) {
      throw new BadRequestException(
        'Idempotency-Key must be 8-128 characters A-Z, a-z, 0-9, ".", "_", ":" or "-" (a UUID will do)',
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
    execute: () => Promise<{ statusCode: number; body: T }>,
  ): Promise<IdempotentAnswer<T>> {
    if (!key) return { ...(await execute()), replayed: false };
    const stored = await this.find<T>(principal, key, hash);
    if (stored) return stored;
    let answer: { statusCode: number; body: T };
    try {
      answer = await execute();
    } catch (error) {
      if (!(error instanceof HttpException) || !REPLAYABLE(error.getStatus())) throw error;
      await this.store(principal, key, hash, error.getStatus(), error.getResponse());
      // A concurrent twin may have stored first: every retry then gets the first answer (a
      // stored refusal is thrown by find).
      const first = await this.find<T>(principal, key, hash);
      if (first) return first;
      throw error;
    }
    if (REPLAYABLE(answer.statusCode)) {
      const inserted = await this.store(principal, key, hash, answer.statusCode, answer.body);
      if (!inserted) {
        const first = await this.find<T>(principal, key, hash);
        if (first) return { ...first, replayed: true };
      }
    }
    return { ...answer, replayed: false };
  }

  private async find<T>(
    principal: Principal,
    key: string,
    hash: string,
  ): Promise<IdempotentAnswer<T> | undefined> {
    const rows: Array<{ request_hash: string; status_code: number; response: T }> =
      await this.dataSource.query(
        `SELECT request_hash, status_code, response FROM idempotency_record
          WHERE actor_sub = $1 AND idempotency_key = $2`,
        [principal.sub, key],
      );
    const row = rows[0];
    if (!row) return undefined;
    if (row.request_hash !== hash) {
      throw new UnprocessableEntityException(
        'This Idempotency-Key was used for another request; use a new key for a new request',
      );
    }
    if (row.status_code >= 400) {
      throw new HttpException(row.response as object, row.status_code);
    }
    return { statusCode: row.status_code, body: row.response, replayed: true };
  }

  private async store(
    principal: Principal,
    key: string,
    hash: string,
    statusCode: number,
    response: unknown,
  ): Promise<boolean> {
    const result: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_record (actor_sub, idempotency_key, request_hash, status_code, response)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [principal.sub, key, hash, statusCode, JSON.stringify(response ?? null)],
    );
    return result.length > 0;
  }
}
