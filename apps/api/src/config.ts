import { resolvePolicy, type TrajectoryPolicy } from '@cjg/domain';
import { databaseUrlFromEnv } from '@cjg/persistence';
import { temporalConfigFromEnv, type TemporalConfig } from '@cjg/temporal';
import { auditConfigFromEnv, type AuditConfig } from './audit/audit.config';
import { authConfigFromEnv, type AuthConfig } from './auth/auth.config';
import { httpConfigFromEnv, type HttpConfig } from './common/http.config';

export interface ApiConfig {
  host: string;
  port: number;
  databaseUrl: string;
  temporal: TemporalConfig;
  /** Handed to (and recorded in) every new trajectory. */
  policy: TrajectoryPolicy;
  /** Bearer-token verification. */
  auth: AuthConfig;
  /** CORS, rate limit, body limit, proxies (common/http.config.ts). */
  http: HttpConfig;
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
    temporal: temporalConfigFromEnv(env),
    auth: authConfigFromEnv(env),
    http: httpConfigFromEnv(env),
    audit: auditConfigFromEnv(env),
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
