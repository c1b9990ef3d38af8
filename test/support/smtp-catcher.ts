import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * How the server answers a recipient: take it, refuse it for good (550, as a relay refuses an
 * address that does not exist: `true`) or for now (450, a full or greylisted mailbox).
 */
export type RecipientAnswer = boolean | 'temporarily';

/**
 * A real SMTP server for letter tests and drills: it takes mail over SMTP like any relay (in
 * plain text: it offers no STARTTLS), keeps what it received, refuses the recipients the test
 * names, quoting the address as relays do, and can go down and come back on the same port.
 */
export class SmtpCatcher {
  readonly messages: CaughtMessage[] = [];
  private server: SMTPServer;
  private port = 0;

  private constructor(private readonly refuse: (address: string) => RecipientAnswer) {
    this.server = this.createServer();
  }

  static async start(
    refuse: (address: string) => RecipientAnswer = () => false,
    port = 0,
  ): Promise<SmtpCatcher> {
    const catcher = new SmtpCatcher(refuse);
    await catcher.listen(port);
    return catcher;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): CaughtMessage[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  /** Stops taking mail, as a relay that went down; what it received is kept. */
  async pause(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Back on the same port. */
  async resume(): Promise<void> {
    this.server = this.createServer();
    await this.listen(this.port);
  }

  async stop(): Promise<void> {
    await this.pause();
  }

  private async listen(port: number): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  private createServer(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const answer = this.refuse(address.address);
        if (answer === 'temporarily') {
          const error = new Error(`4.2.1 <${address.address}>: Mailbox busy, try again later`);
          (error as Error & { responseCode: number }).responseCode = 450;
          return callback(error);
        }
        if (answer) {
          const error = new Error(`5.1.1 <${address.address}>: Recipient address rejected`);
          (error as Error & { responseCode: number }).responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
            this.messages.push({
              to: to.flatMap((a) => a.value.map((v) => v.address ?? '')),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId ?? '',
            });
            callback();
          })
          .catch(callback);
      },
    });
  }
}
