import { isDuration, resolvePolicy, type TrajectoryPolicy } from '@cjg/domain';
import { databaseUrlFromEnv } from '@cjg/persistence';
import { temporalSettingsFromEnv, type TemporalSettings } from '@cjg/temporal/connection';
import { auditConfigFromEnv, type AuditConfig } from './audit/audit.config';
import { authConfigFromEnv, type AuthConfig } from './auth/auth.config';
import { httpConfigFromEnv, type HttpConfig } from './common/http.config';
import { idempotencyConfigFromEnv, type IdempotencyConfig } from './idempotency/idempotency.config';

export interface ApiConfig {
  host: string;
  port: number;
  databaseUrl: string;
  /** Address, namespace, TLS/API key and the payload codec (libs/temporal/src/connection). */
  temporal: TemporalSettings;
  /** Handed to (and recorded in) every new trajectory. */
  policy: TrajectoryPolicy;
  /** Bearer-token verification. */
  auth: AuthConfig;
  /** CORS, rate limit, body limit, proxies (common/http.config.ts). */
  http: HttpConfig;
  /**
   * How long a provider, Veilig Thuis or GI keeps reading a case after its part ended and the
   * case closed (ISO 8601 duration; need-to-know: the AVG allows no longer than the work needs).
   */
  partnerAccessAfterEnd: string;
  /** How long answers to Idempotency-Key requests are kept (IDEMPOTENCY_TTL). */
  idempotency: IdempotencyConfig;
  /** The audit trail (audit/audit.config.ts). */
  audit: AuditConfig;
}

/** Read once at boot; a bad value stops the API with a message instead of failing later. */
export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const port = Number(env.PORT ?? env.API_PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a TCP port number, got ${JSON.stringify(env.PORT)}`);
  }
  let overrides: object = {};
  if (env.CJG_POLICY) {
    try {
      overrides = JSON.parse(env.CJG_POLICY) as object;
    } catch {
      throw new Error(
        'CJG_POLICY must be a JSON object of policy settings, e.g. {"defaultReviewInterval":"P3M"}',
      );
    }
  }
  return {
    policy: resolvePolicy(overrides),
    host: env.API_HOST || '127.0.0.1',
    port,
    databaseUrl: databaseUrlFromEnv(env),
    temporal: temporalSettingsFromEnv(env),
    auth: authConfigFromEnv(env),
    http: httpConfigFromEnv(env),
    partnerAccessAfterEnd: partnerAccessAfterEndFrom(env.PARTNER_ACCESS_AFTER_END),
    idempotency: idempotencyConfigFromEnv(env),
    audit: auditConfigFromEnv(env),
  };
}

function partnerAccessAfterEndFrom(raw: string | undefined): string {
  const value = raw?.trim() || 'P3M';
  if (!isDuration(value)) {
    throw new Error(
      `PARTNER_ACCESS_AFTER_END must be an ISO 8601 duration such as P3M, got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

export const API_CONFIG = Symbol('API_CONFIG');
