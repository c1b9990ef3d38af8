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

  async send(to: string, letter: Letter): Promise<SentMessage> {
    const info = await this.transport.sendMail({
      from: this.config.from,
      to,
      subject: letter.subject,
      text: letter.text,
      html: letter.html,
    });
    return {
      messageId: String(info.messageId),
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
    };
  }

  close(): void {
    this.transport.close();
  }
}
