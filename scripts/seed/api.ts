/**
 * The seed's HTTP client: bearer tokens minted with the local stack's dev key, retries of what
 * is safe to retry (the same Idempotency-Key goes with every retry), and one shared pause when
 * the API's rate limit answers 429, so the workers wait together instead of hammering it.
 */
import { mintDevToken, type DevTokenRequest } from '../stack/dev-keys';

/** A failure with a message for the person running the seed (no stack trace needed). */
export class SeedError extends Error {}

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  /** Answered from an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

export interface CallOptions {
  as: DevTokenRequest;
  /** Idempotency-Key: the same for every retry of one step. */
  key?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(response: Response, fallbackSeconds: number): number {
  const seconds = Number(response.headers.get('retry-after'));
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : fallbackSeconds) * 1000;
}

export class SeedApi {
  /** HTTP requests sent (retries included). */
  requests = 0;
  /** Times the rate limit made the seed wait. */
  rateLimitPauses = 0;
  private pausedUntil = 0;
  private nextSlot = 0;
  private readonly tokens = new Map<string, Promise<string>>();

  /**
   * `ratePerMinute` spaces the requests evenly so the API's rate limit is never reached (its
   * throttler blocks a client for a whole minute once it is); 0 sends them as fast as they go.
   */
  constructor(
    readonly baseUrl: string,
    private readonly keyFile: string,
    private readonly log: (line: string) => void,
    private readonly ratePerMinute = 0,
  ) {}

  private async pace(): Promise<void> {
    if (this.ratePerMinute <= 0) return;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 60_000 / this.ratePerMinute;
    if (slot > now) await sleep(slot - now);
  }

  token(request: DevTokenRequest): Promise<string> {
    const cacheKey = JSON.stringify(request);
    let token = this.tokens.get(cacheKey);
    if (!token) {
      token = mintDevToken(this.keyFile, request);
      this.tokens.set(cacheKey, token);
    }
    return token;
  }

  /** GET /health without a token; a clear error when nothing answers. */
  async health(): Promise<void> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw new SeedError(
        `The API at ${this.baseUrl} is not reachable (${describe(error)}). ` +
          'Start the stack with npm start first, or point the seed at it with --api <url> or API_URL.',
      );
    }
    if (response.status !== 200) {
      throw new SeedError(
        `The API at ${this.baseUrl} is not healthy (GET /health answered ${response.status}: ` +
          `${(await response.text()).slice(0, 300)}). Wait until npm start says "cjg-toegang is up".`,
      );
    }
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body: unknown,
    options: CallOptions,
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.token(options.as)}`,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.key) headers['idempotency-key'] = options.key;
    for (let attempt = 1; ; attempt++) {
      const wait = this.pausedUntil - Date.now();
      if (wait > 0) await sleep(wait);
      await this.pace();
      let response: Response;
      try {
        this.requests += 1;
        response = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        // Lost on the way: the same request with the same key has its effect at most once.
        if (attempt >= 5) {
          throw new SeedError(`${method} ${path}: the API did not answer (${describe(error)})`);
        }
        await sleep(500 * attempt);
        continue;
      }
      if (response.status === 429 && attempt < 40) {
        const until = Date.now() + retryAfterMs(response, 5);
        if (until > this.pausedUntil + 1000) {
          if (this.pausedUntil < Date.now()) {
            this.rateLimitPauses += 1;
            this.log(
              `rate limit reached (RATE_LIMIT_PER_MINUTE of the API, 600 by default): ` +
                `waiting ${Math.ceil((until - Date.now()) / 1000)} s`,
            );
          }
          this.pausedUntil = until;
        }
        await response.arrayBuffer();
        continue;
      }
      if ([502, 503, 504].includes(response.status) && attempt < 8) {
        await response.arrayBuffer();
        await sleep(Math.min(retryAfterMs(response, attempt), 10_000));
        continue;
      }
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return {
        status: response.status,
        body: parsed as T,
        replayed: response.headers.get('idempotent-replayed') === 'true',
      };
    }
  }
}

export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}

/** The message of an error body (`message` may be a text or a list). */
export function errorText(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 300);
  const message = (body as { message?: unknown } | null)?.message;
  const details = (body as { details?: Array<{ field: string; problems: string[] }> } | null)
    ?.details;
  if (Array.isArray(details) && details.length > 0) {
    return details
      .map((d) => `${d.field ? `${d.field}: ` : ''}${d.problems.join('; ')}`)
      .join(' | ');
  }
  return Array.isArray(message) ? message.join('; ') : String(message ?? JSON.stringify(body));
}
