import { createHmac, randomBytes } from 'node:crypto';
import {
  answerLinkConfigFromEnv,
  answerLinkFactory,
  AnswerTokenError,
  signAnswerToken,
  verifyAnswerToken,
  type AnswerTokenFailure,
} from './answer-link';

const secret = randomBytes(32);
const otherSecret = randomBytes(32);
const now = new Date('2026-03-02T10:00:00Z');
const inAWeek = new Date('2026-03-09T10:00:00Z');
const request = {
  caseNumber: 'CJG-2026-000123',
  question: 'three-month-check',
  expiresAt: inAWeek,
} as const;

function failure(run: () => unknown): AnswerTokenFailure | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AnswerTokenError) return error.reason;
    throw error;
  }
  return undefined;
}

/** The token with one character of a part changed. */
function alter(token: string, part: 0 | 1): string {
  const parts = token.split('.');
  const text = parts[part]!;
  const at = Math.floor(text.length / 2);
  parts[part] = `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
  return parts.join('.');
}

describe(signAnswerToken.name, () => {
  it('round-trips: the claims come back as signed, with a random 16-byte jti', () => {
    const token = signAnswerToken(secret, request);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const claims = verifyAnswerToken(secret, token, now);
    expect(claims).toEqual({
      caseNumber: 'CJG-2026-000123',
      question: 'three-month-check',
      exp: inAWeek.getTime() / 1000,
      jti: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    });
    expect(verifyAnswerToken(secret, signAnswerToken(secret, request), now).jti).not.toBe(
      claims.jti,
    );
  });

  it('accepts a secret as hex or base64 text, the same as its bytes', () => {
    const token = signAnswerToken(secret.toString('hex'), { ...request, jti: 'j'.repeat(22) });
    expect(signAnswerToken(secret.toString('base64'), { ...request, jti: 'j'.repeat(22) })).toBe(
      token,
    );
    expect(verifyAnswerToken(secret.toString('base64url'), token, now).jti).toBe('j'.repeat(22));
  });

  it('refuses a secret shorter than 32 bytes, and a bad case number or question', () => {
    expect(() => signAnswerToken(randomBytes(31), request)).toThrow(/at least 32 bytes/);
    expect(() => signAnswerToken('not a secret!', request)).toThrow(/hex or base64/);
    expect(() => signAnswerToken(secret, { ...request, caseNumber: 'cjg 1' })).toThrow(
      /case number/,
    );
    expect(() =>
      signAnswerToken(secret, { ...request, question: 'other' as 'three-month-check' }),
    ).toThrow(/question/);
  });
});

describe(verifyAnswerToken.name, () => {
  const token = signAnswerToken(secret, request);

  it('refuses an expired token, from the second of its expiry', () => {
    expect(failure(() => verifyAnswerToken(secret, token, new Date(inAWeek.getTime() - 1)))).toBe(
      undefined,
    );
    expect(failure(() => verifyAnswerToken(secret, token, inAWeek))).toBe('expired');
  });

  it('refuses a tampered payload as forged', () => {
    expect(failure(() => verifyAnswerToken(secret, alter(token, 0), now))).toBe('forged');
    // A payload of our own making for another case, with the original MAC.
    const other = signAnswerToken(secret, { ...request, caseNumber: 'CJG-2026-000999' });
    const swapped = `${other.split('.')[0]}.${token.split('.')[1]}`;
    expect(failure(() => verifyAnswerToken(secret, swapped, now))).toBe('forged');
  });

  it('refuses a tampered MAC as forged', () => {
    expect(failure(() => verifyAnswerToken(secret, alter(token, 1), now))).toBe('forged');
    expect(failure(() => verifyAnswerToken(secret, `${token.split('.')[0]}.AAAA`, now))).toBe(
      'forged',
    );
  });

  it('refuses a token signed with another secret as forged', () => {
    expect(failure(() => verifyAnswerToken(otherSecret, token, now))).toBe('forged');
  });

  it('refuses what is not a token as malformed', () => {
    for (const bad of [
      '',
      'abc',
      'a.b.c',
      `${token}.x`,
      `${token}=`,
      token.replace('.', '+'),
      'x'.repeat(2000),
    ]) {
      expect({ bad, reason: failure(() => verifyAnswerToken(secret, bad, now)) }).toEqual({
        bad,
        reason: 'malformed',
      });
    }
  });

  it('refuses a correctly signed payload it does not understand as malformed', () => {
    const payload = Buffer.from(JSON.stringify({ v: 2, cn: 'CJG-1-2', q: 'x' })).toString(
      'base64url',
    );
    const signed = `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
    expect(failure(() => verifyAnswerToken(secret, signed, now))).toBe('malformed');
  });

  it('accepts every secret of a rotation: the new one and the one it replaced', () => {
    const old = signAnswerToken(otherSecret, request);
    expect(verifyAnswerToken([secret, otherSecret], old, now).caseNumber).toBe(request.caseNumber);
    expect(verifyAnswerToken([secret, otherSecret], token, now).caseNumber).toBe(
      request.caseNumber,
    );
  });
});

describe(answerLinkFactory.name, () => {
  it('links to the answer page of the case, valid for the given duration', () => {
    const link = answerLinkFactory(
      { secret, publicBaseUrl: 'https://cjg.example/api/', validFor: 'P6W' },
      () => now,
    )({ caseNumber: 'CJG-2026-000123', question: 'questionnaire-midway' });
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe('https://cjg.example/api/answers/CJG-2026-000123');
    const claims = verifyAnswerToken(secret, url.searchParams.get('token')!, now);
    expect(claims.question).toBe('questionnaire-midway');
    // Six weeks on Amsterdam's calendar: 11:00 CET then, 11:00 CEST (09:00Z) after the switch.
    expect(claims.exp).toBe(Date.parse('2026-04-13T09:00:00Z') / 1000);
  });

  it('takes the validity in milliseconds too, and refuses none', () => {
    const link = answerLinkFactory(
      { secret, publicBaseUrl: 'http://127.0.0.1:3000', validFor: 60_000 },
      () => now,
    )({ caseNumber: 'CJG-1-2', question: 'questionnaire-end' });
    const claims = verifyAnswerToken(secret, new URL(link).searchParams.get('token')!, now);
    expect(claims.exp).toBe(now.getTime() / 1000 + 60);
    expect(() =>
      answerLinkFactory({ secret, publicBaseUrl: 'http://x', validFor: 'PT0S' }),
    ).toThrow(/validFor/);
  });
});

describe(answerLinkConfigFromEnv.name, () => {
  const hex = secret.toString('hex');

  it('is off without a secret, except in production', () => {
    expect(answerLinkConfigFromEnv({})).toBeUndefined();
    expect(() => answerLinkConfigFromEnv({ NODE_ENV: 'production' })).toThrow(
      /ANSWER_TOKEN_SECRET is required/,
    );
  });

  it('has defaults for the base URL and the validity', () => {
    expect(answerLinkConfigFromEnv({ ANSWER_TOKEN_SECRET: hex })).toEqual({
      secret,
      acceptedSecrets: [secret],
      publicBaseUrl: 'http://127.0.0.1:3000',
      validFor: 'P6W',
    });
  });

  it('signs with the first of ANSWER_TOKEN_SECRETS and accepts all', () => {
    const config = answerLinkConfigFromEnv({
      ANSWER_TOKEN_SECRETS: `${otherSecret.toString('base64')}, ${hex}`,
      PUBLIC_BASE_URL: 'https://cjg.example/',
      ANSWER_LINK_VALID_FOR: 'P8W',
    });
    expect(config).toEqual({
      secret: otherSecret,
      acceptedSecrets: [otherSecret, secret],
      publicBaseUrl: 'https://cjg.example',
      validFor: 'P8W',
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => answerLinkConfigFromEnv({ ANSWER_TOKEN_SECRET: 'abcd' })).toThrow(
      /ANSWER_TOKEN_SECRET: .*at least 32 bytes/,
    );
    expect(() =>
      answerLinkConfigFromEnv({ ANSWER_TOKEN_SECRETS: `${hex},abcd`, ANSWER_TOKEN_SECRET: hex }),
    ).toThrow(/not both/);
    expect(() => answerLinkConfigFromEnv({ ANSWER_TOKEN_SECRETS: `${hex},abcd` })).toThrow(
      /ANSWER_TOKEN_SECRETS entry 2/,
    );
    expect(() =>
      answerLinkConfigFromEnv({ ANSWER_TOKEN_SECRET: hex, ANSWER_LINK_VALID_FOR: '6 weeks' }),
    ).toThrow(/ANSWER_LINK_VALID_FOR/);
    expect(() =>
      answerLinkConfigFromEnv({ ANSWER_TOKEN_SECRET: hex, PUBLIC_BASE_URL: 'ftp://x' }),
    ).toThrow(/PUBLIC_BASE_URL/);
  });
});
