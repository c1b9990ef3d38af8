import { DefaultFailureConverter, defaultPayloadConverter } from '@temporalio/common';
import { SmtpCatcher } from '../../../test/support/smtp-catcher';
import {
  Mailer,
  MailDeliveryError,
  mailerConfigFromEnv,
  mailFailure,
  MailRefusedError,
  permanentRefusal,
  withoutAddresses,
} from './mailer';

const LETTER = { subject: 'Uw plan', text: 'Beste familie,', html: '<p>Beste familie,</p>' };

/** What Temporal would record of an error an activity throws: the failure, as stored in history. */
const asTemporalFailure = (error: unknown) =>
  JSON.stringify(new DefaultFailureConverter().errorToFailure(error, defaultPayloadConverter));

/** An error as nodemailer throws it when the relay refuses the only recipient for now. */
function greylisted(address: string) {
  return Object.assign(
    new Error(
      `Can't send mail - all recipients were rejected: 450 4.2.1 <${address}>: Mailbox busy, try again later`,
    ),
    {
      code: 'EENVELOPE',
      responseCode: 450,
      command: 'RCPT TO',
      response: `450 4.2.1 <${address}>: Mailbox busy, try again later`,
      rejected: [address],
      rejectedErrors: [new Error(`Recipient command failed: 450 4.2.1 <${address}>`)],
    },
  );
}

describe(permanentRefusal.name, () => {
  it('takes a 5xx answer to the recipient as final, without the address', () => {
    const refusal = permanentRefusal({
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <ouders.jansen@gezin.example>: Recipient address rejected',
    });
    expect(refusal).toBeInstanceOf(MailRefusedError);
    expect(refusal?.responseCode).toBe(550);
    expect(refusal?.message).not.toContain('gezin.example');
    expect(refusal?.reason).toContain('<adres>');
  });

  it.each([
    ['server away', { code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:1025' }],
    ['try later', { code: 'EENVELOPE', responseCode: 451, response: '451 4.7.1 greylisted' }],
    ['our credentials', { code: 'EAUTH', responseCode: 535, response: '535 auth failed' }],
    ['timeout', { code: 'ETIMEDOUT', message: 'Greeting never received' }],
    [
      'no STARTTLS while TLS is required',
      { code: 'ETLS', responseCode: 500, command: 'STARTTLS', response: '500 not recognized' },
    ],
  ])('leaves %s to be retried', (_, error) => {
    expect(permanentRefusal(error)).toBeUndefined();
  });
});

describe(mailFailure.name, () => {
  const address = 'ouders.jansen@gezin.example';

  it('keeps no address of a nodemailer error, in message, stack, cause or fields', () => {
    const failure = mailFailure(greylisted(address));
    expect(failure).toBeInstanceOf(MailDeliveryError);
    expect(failure).toMatchObject({ code: 'EENVELOPE', responseCode: 450 });
    expect(failure.message).toBe(
      "Can't send mail - all recipients were rejected: 450 4.2.1 <adres>: Mailbox busy, try again later",
    );
    expect(failure.cause).toBeUndefined();
    expect(JSON.stringify({ ...failure, stack: failure.stack })).not.toContain(address);
    expect(asTemporalFailure(failure)).not.toContain(address);
    // What it replaces would have put the address into the workflow's history.
    expect(asTemporalFailure(greylisted(address))).toContain(address);
  });

  it('passes its own errors through and takes anything thrown', () => {
    const refused = new MailRefusedError(550, 'recipient rejected');
    expect(mailFailure(refused)).toBe(refused);
    expect(mailFailure('to a@b.nl failed').message).toBe('to <adres> failed');
  });
});

describe(withoutAddresses.name, () => {
  it('blanks every address in a message', () => {
    expect(
      withoutAddresses(
        "Can't send mail - all recipients were rejected: 550 <a.b@c.example> and x@y.nl",
      ),
    ).toBe("Can't send mail - all recipients were rejected: 550 <adres> and <adres>");
  });
});

describe(mailerConfigFromEnv.name, () => {
  it('requires TLS in production unless told otherwise, and not for the local MailDev', () => {
    expect(mailerConfigFromEnv({})).toEqual({
      smtpUrl: 'smtp://127.0.0.1:1025',
      from: 'CJG Toegang <toegang@cjg.local>',
      requireTls: false,
    });
    expect(mailerConfigFromEnv({ NODE_ENV: 'production' }).requireTls).toBe(true);
    expect(mailerConfigFromEnv({ SMTP_REQUIRE_TLS: 'true' }).requireTls).toBe(true);
    // A trial's mail catcher in production: honoured (the worker warns).
    expect(
      mailerConfigFromEnv({ NODE_ENV: 'production', SMTP_REQUIRE_TLS: 'false' }).requireTls,
    ).toBe(false);
  });

  it('refuses a bad value, another scheme, and a URL that turns required TLS off', () => {
    expect(() => mailerConfigFromEnv({ SMTP_REQUIRE_TLS: 'maybe' })).toThrow(/SMTP_REQUIRE_TLS/);
    expect(() => mailerConfigFromEnv({ SMTP_URL: 'http://relay:25' })).toThrow(/smtp:\/\//);
    expect(() => mailerConfigFromEnv({ SMTP_URL: 'relay:25' })).toThrow(/SMTP_URL/);
    for (const query of ['requireTLS=false', 'ignoreTLS=true']) {
      expect(() =>
        mailerConfigFromEnv({ SMTP_URL: `smtp://relay:587?${query}`, NODE_ENV: 'production' }),
      ).toThrow(/turns TLS off/);
      expect(mailerConfigFromEnv({ SMTP_URL: `smtp://relay:587?${query}` }).requireTls).toBe(false);
    }
  });
});

describe(`${Mailer.name} against a real SMTP server without TLS`, () => {
  let catcher: SmtpCatcher;
  const busy = 'druk.bezet@gezin.example';

  beforeAll(async () => {
    catcher = await SmtpCatcher.start((to) => (to === busy ? 'temporarily' : false));
  });
  afterAll(() => catcher.stop());

  const mailer = (requireTls: boolean) =>
    new Mailer({ smtpUrl: catcher.url, from: 'CJG <toegang@cjg.local>', requireTls });

  it('sends nothing in plain text when TLS is required: a failure to retry, not a refusal', async () => {
    const strict = mailer(true);
    try {
      const attempt = strict.send('ouders@gezin.example', LETTER);
      await expect(attempt).rejects.toBeInstanceOf(MailDeliveryError);
      await expect(attempt).rejects.toMatchObject({ code: 'ETLS' });
    } finally {
      strict.close();
    }
    expect(catcher.to('ouders@gezin.example')).toEqual([]);
    const lax = mailer(false);
    try {
      await expect(lax.send('ouders@gezin.example', LETTER)).resolves.toMatchObject({
        accepted: ['ouders@gezin.example'],
      });
    } finally {
      lax.close();
    }
  });

  it('throws a temporary refusal without the address the server quoted', async () => {
    const lax = mailer(false);
    let thrown: unknown;
    try {
      await lax.send(busy, LETTER);
    } catch (error) {
      thrown = error;
    } finally {
      lax.close();
    }
    expect(thrown).toBeInstanceOf(MailDeliveryError);
    expect((thrown as Error).message).toContain('450 4.2.1 <adres>: Mailbox busy');
    expect(asTemporalFailure(thrown)).not.toContain(busy);
  });
});
