import nodemailer, { type Transporter } from 'nodemailer';
import type { Letter } from './letter';

export interface MailerConfig {
  /** smtp://user:pass@host:port or smtps://… ; `?tls.rejectUnauthorized=false` etc. are honoured by nodemailer. */
  smtpUrl: string;
  /** The CJG's sender identity, e.g. `CJG Toegang <toegang@cjg.local>`. */
  from: string;
  /**
   * Letters go over TLS only: `smtps://`, or STARTTLS on `smtp://` (nodemailer's `requireTLS`),
   * never in plain text when the relay does not offer it. Letters carry names and case details.
   */
  requireTls: boolean;
}

export const DEFAULT_SMTP_URL = 'smtp://127.0.0.1:1025';
export const DEFAULT_MAIL_FROM = 'CJG Toegang <toegang@cjg.local>';

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

/**
 * SMTP_URL, MAIL_FROM and SMTP_REQUIRE_TLS (default on when NODE_ENV=production, off for the
 * local stack's MailDev). An explicit `false` is honoured also in production (the worker warns):
 * a trial with a mail catcher that speaks no TLS. A URL that turns TLS off while it is required
 * is refused.
 */
export function mailerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailerConfig {
  const smtpUrl = env.SMTP_URL || DEFAULT_SMTP_URL;
  const raw = env.SMTP_REQUIRE_TLS?.trim().toLowerCase() ?? '';
  if (raw !== '' && !TRUE.includes(raw) && !FALSE.includes(raw)) {
    throw new Error(
      `SMTP_REQUIRE_TLS must be true or false, got ${JSON.stringify(env.SMTP_REQUIRE_TLS)}`,
    );
  }
  const requireTls = raw === '' ? env.NODE_ENV === 'production' : TRUE.includes(raw);
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('SMTP_URL is not a URL (smtp://host:587 or smtps://user:pass@host:465)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, got ${url.protocol}//`);
  }
  // Options in the URL win over the transport's own, so the URL must not say otherwise.
  const param = (name: string) => url.searchParams.get(name)?.trim().toLowerCase() ?? '';
  if (requireTls && (FALSE.includes(param('requireTLS')) || TRUE.includes(param('ignoreTLS')))) {
    throw new Error(
      'SMTP_URL turns TLS off (requireTLS=false or ignoreTLS=true) while SMTP_REQUIRE_TLS is on; remove that from the URL',
    );
  }
  return { smtpUrl, from: env.MAIL_FROM || DEFAULT_MAIL_FROM, requireTls };
}

export interface SentMessage {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

/**
 * The mail server refused the letter for good (a 5xx answer to the recipient or the message):
 * trying again will not help. Anything else (server down, slow, 4xx) is worth retrying.
 */
export class MailRefusedError extends Error {
  constructor(
    readonly responseCode: number,
    /** The server's answer with e-mail addresses blanked out (it is stored and logged). */
    readonly reason: string,
  ) {
    super(`mail refused (${responseCode}): ${reason}`);
    this.name = 'MailRefusedError';
  }
}

/**
 * The mail could not be sent this time (server away or slow, a temporary 4xx, TLS not offered,
 * our credentials): worth retrying. Its message is the original's with every e-mail address
 * blanked, and it has no `cause`: what an activity throws goes into the workflow's history and
 * the worker's log.
 */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    /** nodemailer's code (`ECONNECTION`, `EENVELOPE`, `ETLS`, …) and the server's answer code. */
    readonly code?: string,
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

const ADDRESS = /<?[^\s<>@]+@[^\s<>@]+>?/g;

/** A mail server's or library's message with every e-mail address blanked (it is stored). */
export function withoutAddresses(text: string): string {
  return text.replace(ADDRESS, '<adres>');
}

interface NodemailerError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  message?: unknown;
}

/**
 * What an error from sending mail may be thrown as, anywhere it can reach a Temporal failure or
 * a log: a MailRefusedError or MailDeliveryError as it is (they are built without addresses),
 * anything else (nodemailer's errors quote the recipient in their message and stack, and carry
 * it in `response`, `rejected` and `rejectedErrors`) as a MailDeliveryError with the message
 * scrubbed and nothing else of the original.
 */
export function mailFailure(error: unknown): MailRefusedError | MailDeliveryError {
  if (error instanceof MailRefusedError || error instanceof MailDeliveryError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;
  const message = typeof e.message === 'string' ? e.message : String(error);
  return new MailDeliveryError(
    withoutAddresses(message).slice(0, 500),
    typeof e.code === 'string' ? e.code : undefined,
    typeof e.responseCode === 'number' ? e.responseCode : undefined,
  );
}

/** nodemailer's codes for a failure of the connection rather than of this letter. */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETLS', 'EAUTH', 'ETIMEDOUT', 'ESOCKET', 'EDNS']);

/** Whether a nodemailer error is a permanent refusal, as a MailRefusedError; else undefined. */
export function permanentRefusal(error: unknown): MailRefusedError | undefined {
  const e = (error ?? {}) as NodemailerError;
  const code = e.responseCode;
  if (typeof code !== 'number' || code < 500 || code > 599) return undefined;
  // 530/535 (authentication) are the sender's problem, fixed by ops: retry until they are.
  if (code === 530 || code === 535) return undefined;
  // A 5xx to EHLO or STARTTLS (a relay without TLS while TLS is required) is the connection's
  // problem, not the letter's: retry until ops fix it, rather than mark the letter refused.
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return undefined;
  const reason = withoutAddresses(String(e.response ?? e.message ?? '')).slice(0, 300);
  return new MailRefusedError(code, reason);
}

/** Sends rendered letters over SMTP. Used only from activities. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly config: MailerConfig) {
    this.transport = nodemailer.createTransport({
      url: config.smtpUrl,
      // STARTTLS or nothing on smtp:// (smtps:// is TLS from the start).
      requireTLS: config.requireTls,
      // Fail within the activity's timeout rather than hang on a dead server.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /**
   * Sends one letter to one address. `messageId` makes a resend recognisable as the same message
   * to the receiving mail systems. Throws MailRefusedError for a permanent refusal, and
   * MailDeliveryError for anything else (server away, slow, temporary 4xx, TLS not offered), for
   * the caller to retry; neither carries an e-mail address.
   */
  async send(
    to: string,
    letter: Letter,
    options: { messageId?: string } = {},
  ): Promise<SentMessage> {
    let info: { messageId?: unknown; accepted?: unknown[]; rejected?: unknown[] };
    try {
      info = await this.transport.sendMail({
        from: this.config.from,
        to,
        subject: letter.subject,
        text: letter.text,
        html: letter.html,
        ...(options.messageId ? { messageId: options.messageId } : {}),
      });
    } catch (error) {
      throw permanentRefusal(error) ?? mailFailure(error);
    }
    const rejected = (info.rejected ?? []).map(String);
    if (rejected.length > 0) throw new MailRefusedError(550, 'recipient rejected');
    return {
      messageId: String(info.messageId),
      accepted: (info.accepted ?? []).map(String),
      rejected,
    };
  }

  close(): void {
    this.transport.close();
  }
}
