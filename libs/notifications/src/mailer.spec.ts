import { MailRefusedError, permanentRefusal, withoutAddresses } from './mailer';

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
  ])('leaves %s to be retried', (_, error) => {
    expect(permanentRefusal(error)).toBeUndefined();
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
