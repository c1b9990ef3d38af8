import nodemailer, { type Transporter } from 'nodemailer';
import type { Letter } from './letter';

export interface MailerConfig {
  /** smtp://user:pass@host:port or smtps://… ; `?tls.rejectUnauthorized=false` etc. are honoured by nodemailer. */
  smtpUrl: string;
  /** The CJG's sender identity, e.g. `CJG Toegang <toegang@cjg.local>`. */
  from: string;
}

export const DEFAULT_SMTP_URL = 'smtp://127.0.0.1:1025';
export const DEFAULT_MAIL_FROM = 'CJG Toegang <toegang@cjg.local>';

export function mailerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailerConfig {
  return { smtpUrl: env.SMTP_URL || DEFAULT_SMTP_URL, from: env.MAIL_FROM || DEFAULT_MAIL_FROM };
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

const ADDRESS = /<?[^\s<>@]+@[^\s<>@]+>?/g;

/** A mail server's or library's message with every e-mail address blanked (it is stored). */
export function withoutAddresses(text: string): string {
  return text.replace(ADDRESS, '<adres>');
}

/** Whether a nodemailer error is a permanent refusal, as a MailRefusedError; else undefined. */
export function permanentRefusal(error: unknown): MailRefusedError | undefined {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const code = e?.responseCode;
  if (typeof code !== 'number' || code < 500 || code > 599) return undefined;
  // 530/535 (authentication) are the sender's problem, fixed by ops: retry until they are.
  if (code === 530 || code === 535 || e.code === 'EAUTH') return undefined;
  const reason = withoutAddresses(String(e.response ?? e.message ?? '')).slice(0, 300);
  return new MailRefusedError(code, reason);
}

/** Sends rendered letters over SMTP. Used only from activities. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly config: MailerConfig) {
    this.transport = nodemailer.createTransport({
      url: config.smtpUrl,
      // Fail within the activity's timeout rather than hang on a dead server.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /**
   * Sends one letter to one address. `messageId` makes a resend recognisable as the same message
   * to the receiving mail systems. Throws MailRefusedError for a permanent refusal; other errors
   * (server away, slow, temporary 4xx) are thrown as they are, for the caller to retry.
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
      throw permanentRefusal(error) ?? error;
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
