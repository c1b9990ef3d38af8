import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { addDuration, isDuration, isValidCaseNumber } from '@cjg/domain';

/**
 * The links in a client's letter (004: the 3-month check and the client-experience
 * questionnaires). Clients have no account: the link carries a signed, expiring token naming the
 * case and the question, and the API takes one answer per token (`answer_token_use`).
 *
 * Token: `base64url(payload).base64url(HMAC-SHA256(secret, base64url(payload)))`, where the
 * payload is `{"v":1,"cn":<case number>,"q":<question>,"exp":<unix seconds>,"jti":<random id>}`.
 * It names a case number and a question only: nothing personal.
 */
export const ANSWER_QUESTIONS = [
  'three-month-check',
  'questionnaire-midway',
  'questionnaire-end',
] as const;
export type AnswerQuestion = (typeof ANSWER_QUESTIONS)[number];

export function isAnswerQuestion(value: unknown): value is AnswerQuestion {
  return (ANSWER_QUESTIONS as readonly unknown[]).includes(value);
}

/** A secret as raw bytes, or as text in hex or base64 (standard or URL-safe). */
export type AnswerSecret = string | Uint8Array;

/** HMAC-SHA256 wants a key at least as long as its output. */
export const MIN_SECRET_BYTES = 32;
/** The random part of a token: 16 bytes, 22 characters. */
const JTI_BYTES = 16;
const JTI_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
/** Far longer than any token we make; anything longer is not read at all. */
const MAX_TOKEN_LENGTH = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const TOKEN_VERSION = 1;

export interface AnswerTokenClaims {
  caseNumber: string;
  question: AnswerQuestion;
  /** Expiry, unix seconds. */
  exp: number;
  /** The token's id: one answer per jti. */
  jti: string;
}

export interface AnswerTokenRequest {
  caseNumber: string;
  question: AnswerQuestion;
  expiresAt: Date;
  /** A fresh random id when not given (tests give one). */
  jti?: string;
}

/** Why a token is refused: not ours or altered, past its expiry, or not a token at all. */
export type AnswerTokenFailure = 'forged' | 'expired' | 'malformed';

export class AnswerTokenError extends Error {
  constructor(
    readonly reason: AnswerTokenFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AnswerTokenError';
  }
}

/** The secret's bytes; throws when it is not hex/base64 or shorter than 32 bytes. */
export function answerSecret(secret: AnswerSecret): Buffer {
  let bytes: Buffer;
  if (typeof secret === 'string') {
    const text = secret.trim();
    if (/^(?:[0-9a-fA-F]{2})+$/.test(text)) bytes = Buffer.from(text, 'hex');
    else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) bytes = Buffer.from(text, 'base64');
    else throw new RangeError('an answer token secret must be hex or base64');
  } else {
    bytes = Buffer.from(secret);
  }
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new RangeError(
      `an answer token secret must be at least ${MIN_SECRET_BYTES} bytes, got ${bytes.length}`,
    );
  }
  return bytes;
}

function mac(secret: Buffer, payloadPart: string): Buffer {
  return createHmac('sha256', secret).update(payloadPart, 'ascii').digest();
}

/** A compact, URL-safe token for one answer to one question of one case. */
export function signAnswerToken(secret: AnswerSecret, request: AnswerTokenRequest): string {
  if (!isValidCaseNumber(request.caseNumber)) {
    throw new RangeError(`Not a valid case number: ${JSON.stringify(request.caseNumber)}`);
  }
  if (!isAnswerQuestion(request.question)) {
    throw new RangeError(`Not an answer question: ${JSON.stringify(request.question)}`);
  }
  const expiresAt = request.expiresAt.getTime();
  if (!Number.isFinite(expiresAt)) throw new RangeError('expiresAt must be a valid date');
  const jti = request.jti ?? randomBytes(JTI_BYTES).toString('base64url');
  if (!JTI_PATTERN.test(jti)) throw new RangeError('jti must be 22–64 base64url characters');
  const payload = {
    v: TOKEN_VERSION,
    cn: request.caseNumber,
    q: request.question,
    exp: Math.floor(expiresAt / 1000),
    jti,
  };
  const payloadPart = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${payloadPart}.${mac(answerSecret(secret), payloadPart).toString('base64url')}`;
}

/**
 * The claims of a token signed with one of `secrets` (the current one and those it replaced)
 * and not yet expired at `now`. The MAC is checked, in constant time, before the payload is read.
 */
export function verifyAnswerToken(
  secrets: AnswerSecret | readonly AnswerSecret[],
  token: string,
  now: Date = new Date(),
): AnswerTokenClaims {
  const keys = (Array.isArray(secrets) ? secrets : [secrets]).map((s: AnswerSecret) =>
    answerSecret(s),
  );
  if (keys.length === 0) throw new RangeError('no answer token secret to verify with');
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) {
    throw new AnswerTokenError('malformed', 'not an answer token');
  }
  const parts = token.split('.');
  if (parts.length !== 2 || !parts.every((part) => BASE64URL.test(part))) {
    throw new AnswerTokenError('malformed', 'not an answer token');
  }
  const [payloadPart, macPart] = parts as [string, string];
  const given = Buffer.from(macPart, 'base64url');
  if (given.toString('base64url') !== macPart) {
    throw new AnswerTokenError('malformed', 'not an answer token');
  }
  const signedByUs = keys
    .map((key) => {
      const expected = mac(key, payloadPart);
      return given.length === expected.length && timingSafeEqual(given, expected);
    })
    .some(Boolean);
  if (!signedByUs) throw new AnswerTokenError('forged', 'the token is not signed by us');

  const claims = readPayload(payloadPart);
  if (!claims) throw new AnswerTokenError('malformed', 'the token payload is not understood');
  if (now.getTime() >= claims.exp * 1000) {
    throw new AnswerTokenError('expired', 'the token has expired');
  }
  return claims;
}

function readPayload(payloadPart: string): AnswerTokenClaims | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { v, cn, q, exp, jti } = payload as Record<string, unknown>;
  if (
    v !== TOKEN_VERSION ||
    typeof cn !== 'string' ||
    !isValidCaseNumber(cn) ||
    !isAnswerQuestion(q) ||
    typeof exp !== 'number' ||
    !Number.isSafeInteger(exp) ||
    typeof jti !== 'string' ||
    !JTI_PATTERN.test(jti)
  ) {
    return undefined;
  }
  return { caseNumber: cn, question: q, exp, jti };
}

// ─────────────────────────────────────────────────────────────────────────── links

export interface AnswerLinkInput {
  caseNumber: string;
  question: AnswerQuestion;
}

/** Makes the link of one client letter; what the worker hands `sendLetter` as `answerLinks`. */
export type AnswerLinks = (input: AnswerLinkInput) => string;

export interface AnswerLinkOptions {
  /** The signing secret. */
  secret: AnswerSecret;
  /** Where clients reach the API (its public address, without a trailing slash). */
  publicBaseUrl: string;
  /** How long a link stays usable: an ISO 8601 duration (`P6W`) or milliseconds. */
  validFor: string | number;
}

/**
 * `${publicBaseUrl}/answers/${caseNumber}?token=…`, valid for `validFor` from the moment the
 * letter is made (each letter its own token).
 */
export function answerLinkFactory(
  options: AnswerLinkOptions,
  clock: () => Date = () => new Date(),
): AnswerLinks {
  const secret = answerSecret(options.secret);
  const base = publicBaseUrl(options.publicBaseUrl);
  const validFor = options.validFor;
  if (typeof validFor === 'number' ? !(validFor > 0) : !isPositiveDuration(validFor)) {
    throw new RangeError('validFor must be a positive ISO 8601 duration or number of ms');
  }
  return ({ caseNumber, question }) => {
    const now = clock();
    const expiresAt =
      typeof validFor === 'number'
        ? new Date(now.getTime() + validFor)
        : addDuration(now, validFor);
    const token = signAnswerToken(secret, { caseNumber, question, expiresAt });
    return `${base}/answers/${encodeURIComponent(caseNumber)}?token=${token}`;
  };
}

function isPositiveDuration(text: string): boolean {
  const ref = new Date(Date.UTC(2026, 0, 1));
  return isDuration(text) && addDuration(ref, text).getTime() > ref.getTime();
}

function publicBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`PUBLIC_BASE_URL must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new RangeError(
      `PUBLIC_BASE_URL must be an http(s) URL without query or fragment, got ${JSON.stringify(value)}`,
    );
  }
  return value.replace(/\/+$/, '');
}

// ─────────────────────────────────────────────────────────────────────────── config

export const DEFAULT_PUBLIC_BASE_URL = 'http://127.0.0.1:3000';
/** Longer than the policy's clientResponseWindow (P4W), so a link outlives its question. */
export const DEFAULT_ANSWER_LINK_VALID_FOR = 'P6W';

export interface AnswerLinkConfig extends AnswerLinkOptions {
  secret: Buffer;
  /** Every secret a token may be signed with: the signing one first, then those it replaced. */
  acceptedSecrets: Buffer[];
  publicBaseUrl: string;
  validFor: string;
}

/**
 * ANSWER_TOKEN_SECRETS (comma-separated: the first signs, all verify, so a secret can be rotated
 * without breaking the links already sent) or ANSWER_TOKEN_SECRET (one), each hex or base64 of at
 * least 32 bytes; PUBLIC_BASE_URL; ANSWER_LINK_VALID_FOR. Without a secret there are no client
 * links: `undefined`, except with NODE_ENV=production, where that is an error.
 */
export function answerLinkConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): AnswerLinkConfig | undefined {
  const list = env.ANSWER_TOKEN_SECRETS?.trim() ?? '';
  const single = env.ANSWER_TOKEN_SECRET?.trim() ?? '';
  if (list && single) {
    throw new Error('Set ANSWER_TOKEN_SECRETS or ANSWER_TOKEN_SECRET, not both');
  }
  const texts = (list || single)
    .split(',')
    .map((text) => text.trim())
    .filter((text) => text !== '');
  if (texts.length === 0) {
    if (env.NODE_ENV === 'production') {
      throw new Error(
        'ANSWER_TOKEN_SECRET is required when NODE_ENV=production (32+ random bytes, hex or base64: openssl rand -hex 32)',
      );
    }
    return undefined;
  }
  const secrets = texts.map((text, index) => {
    try {
      return answerSecret(text);
    } catch (error) {
      const name = list ? `ANSWER_TOKEN_SECRETS entry ${index + 1}` : 'ANSWER_TOKEN_SECRET';
      throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
    }
  });
  const validFor = env.ANSWER_LINK_VALID_FOR?.trim() || DEFAULT_ANSWER_LINK_VALID_FOR;
  if (!isPositiveDuration(validFor)) {
    throw new Error(
      `ANSWER_LINK_VALID_FOR must be a positive ISO 8601 duration (e.g. P6W), got ${JSON.stringify(validFor)}`,
    );
  }
  const base = env.PUBLIC_BASE_URL?.trim();
  if (env.NODE_ENV === 'production' && !base?.startsWith('https://')) {
    // Without it every letter would link to a local address, and nothing would say so.
    throw new Error('PUBLIC_BASE_URL must be the public https URL of the API in production');
  }
  return {
    secret: secrets[0]!,
    acceptedSecrets: secrets,
    publicBaseUrl: publicBaseUrl(base || DEFAULT_PUBLIC_BASE_URL),
    validFor,
  };
}
