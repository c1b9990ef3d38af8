import { isIP } from 'node:net';

/** How the API faces the network: CORS, rate limit, body size, proxies, back-off hints. */
export interface HttpConfig {
  /** Exact origins allowed to call the API from a browser; `'*'` any (not in production); empty: none. */
  corsOrigins: readonly string[] | '*';
  /** Requests per minute per client IP; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /**
   * Requests per minute per client IP to the public client answer pages (/answers), on top of
   * the general limit; 0 turns it off.
   */
  answerRateLimitPerMinute: number;
  /** Largest JSON body accepted, in body-parser notation (`64kb`, `1mb`, `2048`). */
  bodyLimit: string;
  /**
   * Origins of the Temporal Web UI that may call the codec routes from the browser, with the
   * user's access token (`Authorization`), `X-Namespace` and credentials.
   */
  temporalUiOrigins: readonly string[];
  /** Largest body of the codec routes: the UI sends whole payloads (Temporal allows 2 MB each). */
  codecBodyLimit: string;
  /** Express `trust proxy`: false, true, a hop count or a list of addresses/subnets/names. */
  trustProxy: boolean | number | string;
  /** Seconds a client is told to wait (Retry-After) when a dependency is unavailable. */
  retryAfterSeconds: number;
  /**
   * The OpenAPI document and Swagger UI under /docs: `public`, `token` (any valid access token)
   * or `off`. A production API does not hand its map to whoever asks.
   */
  apiDocs: ApiDocsMode;
}

export const API_DOCS_MODES = ['off', 'token', 'public'] as const;
export type ApiDocsMode = (typeof API_DOCS_MODES)[number];

/**
 * The codec server's routes (codec/codec.controller.ts): their own CORS (the Temporal UI's
 * origins), body limit and no rate limit (the UI decodes each event's payloads in a call).
 */
export function isCodecPath(path: string): boolean {
  return path === '/codec' || path.startsWith('/codec/');
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Read once at boot; a bad value stops the API with a message naming the variable. */
export function httpConfigFromEnv(env: NodeJS.ProcessEnv): HttpConfig {
  return {
    corsOrigins: corsOriginsFrom(env.CORS_ORIGINS, env.NODE_ENV),
    rateLimitPerMinute: integerFrom('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 600, 0),
    answerRateLimitPerMinute: integerFrom(
      'ANSWER_RATE_LIMIT_PER_MINUTE',
      env.ANSWER_RATE_LIMIT_PER_MINUTE,
      20,
      0,
    ),
    bodyLimit: bodyLimitFrom('BODY_LIMIT', env.BODY_LIMIT, '64kb'),
    temporalUiOrigins: exactOriginsFrom('TEMPORAL_UI_ORIGIN', env.TEMPORAL_UI_ORIGIN),
    codecBodyLimit: bodyLimitFrom('CODEC_BODY_LIMIT', env.CODEC_BODY_LIMIT, '4mb'),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    retryAfterSeconds: integerFrom('RETRY_AFTER_SECONDS', env.RETRY_AFTER_SECONDS, 5, 1, 3600),
    apiDocs: apiDocsFrom(env.API_DOCS, env.NODE_ENV),
  };
}

function apiDocsFrom(raw: string | undefined, nodeEnv: string | undefined): ApiDocsMode {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '') return nodeEnv === 'production' ? 'off' : 'public';
  if (!(API_DOCS_MODES as readonly string[]).includes(value)) {
    throw new Error(
      `API_DOCS must be ${API_DOCS_MODES.join(', ')} (default: off when NODE_ENV=production, else public), got ${JSON.stringify(raw)}`,
    );
  }
  return value as ApiDocsMode;
}

function corsOriginsFrom(
  raw: string | undefined,
  nodeEnv: string | undefined,
): HttpConfig['corsOrigins'] {
  const value = raw?.trim() ?? '';
  if (value === '') return [];
  if (value === '*') {
    if (nodeEnv === 'production') {
      throw new Error(
        'CORS_ORIGINS=* is not allowed when NODE_ENV=production: list the exact origins, e.g. https://portal.example.nl',
      );
    }
    return '*';
  }
  return exactOriginsFrom('CORS_ORIGINS', value);
}

/** A comma-separated list of exact origins (scheme://host[:port]); empty: none. */
function exactOriginsFrom(name: string, raw: string | undefined): string[] {
  const value = raw?.trim() ?? '';
  if (value === '') return [];
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (
      !parsed ||
      origin.includes('*') ||
      (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
      parsed.origin !== origin
    ) {
      throw new Error(
        `${name} must be a comma-separated list of exact origins (scheme://host[:port], no path or trailing slash), got ${JSON.stringify(origin)}`,
      );
    }
  }
  return origins;
}

function integerFrom(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(
      `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

function bodyLimitFrom(name: string, raw: string | undefined, fallback: string): string {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  const match = /^(\d+)(b|kb|mb)?$/.exec(value);
  if (!match) {
    throw new Error(
      `${name} must be a size such as 64kb, 1mb or 2048 (bytes), got ${JSON.stringify(raw)}`,
    );
  }
  const factor = { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? 'b') as 'b' | 'kb' | 'mb'];
  const bytes = Number(match[1]) * factor;
  if (bytes < 1 || bytes > 100 * 1024 * 1024) {
    throw new Error(`${name} must be between 1 byte and 100mb, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function trustProxyFrom(raw: string | undefined): HttpConfig['trustProxy'] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const validBits =
      bits === undefined ||
      (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32) && family !== 0);
    if (rest.length > 0 || !(PROXY_NAMES.has(entry) || (family !== 0 && validBits))) {
      throw new Error(
        `TRUST_PROXY must be true, false, a hop count, or a comma-separated list of IP addresses, subnets (10.0.0.0/8) or loopback/linklocal/uniquelocal, got ${JSON.stringify(raw)}`,
      );
    }
  }
  return entries.join(',');
}
