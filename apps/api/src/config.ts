import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import {
  isDuration,
  resolvePolicy,
  resolveVeiligThuisPolicy,
  type TrajectoryPolicy,
  type VeiligThuisPolicy,
} from '@cjg/domain';
import { answerLinkConfigFromEnv, type AnswerLinkConfig } from '@cjg/notifications';
import { databaseUrlFromEnv } from '@cjg/persistence';
import { temporalSettingsFromEnv, type TemporalSettings } from '@cjg/temporal/connection';
import { auditConfigFromEnv, type AuditConfig } from './audit/audit.config';
import { authConfigFromEnv, type AuthConfig } from './auth/auth.config';
import { httpConfigFromEnv, type HttpConfig } from './common/http.config';
import { webConfigFromEnv, type WebConfig } from './web/web.config';
import { loggerOptionsFromEnv, type LoggerOptions } from './common/logger';
import { idempotencyConfigFromEnv, type IdempotencyConfig } from './idempotency/idempotency.config';
import {
  schakeloverlegConfigFromEnv,
  type SchakeloverlegConfig,
} from './schakeloverleg/schakeloverleg.config';

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
  /** The Veilig Thuis handover's deadlines (VEILIG_THUIS_POLICY, overrides of the defaults). */
  veiligThuisPolicy: VeiligThuisPolicy;
  /** How the CJG runs the Schakeloverleg (CJG_SCHAKELOVERLEG). */
  schakeloverleg: SchakeloverlegConfig;
  /** The clients' answer links (ANSWER_TOKEN_SECRET(S)); none: the links are refused (503). */
  answerLinks: AnswerLinkConfig | undefined;
  /** LOG_LEVEL and LOG_FORMAT. */
  log: LoggerOptions;
  /** The werkplek web app (web/web.config.ts): its build, its login, the Temporal UI link. */
  web: WebConfig;
}

/** Every setting of the API, read once at boot; a bad value stops the API with a message. */
export function apiConfigFromEnv(env: NodeJS.ProcessEnv): ApiConfig {
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
    veiligThuisPolicy: veiligThuisPolicyFromEnv(env),
    schakeloverleg: schakeloverlegConfigFromEnv(env),
    answerLinks: answerLinkConfigFromEnv(env),
    log: loggerOptionsFromEnv(env),
    web: webConfigFromEnv(env),
  };
}

/** `VEILIG_THUIS_POLICY`: a JSON object of overrides on the defaults; a bad value stops the API. */
function veiligThuisPolicyFromEnv(env: NodeJS.ProcessEnv): VeiligThuisPolicy {
  if (!env.VEILIG_THUIS_POLICY) return resolveVeiligThuisPolicy();
  let overrides: object;
  try {
    overrides = JSON.parse(env.VEILIG_THUIS_POLICY) as object;
  } catch {
    throw new Error(
      'VEILIG_THUIS_POLICY must be a JSON object, e.g. {"acceptWithinWorkingDays":{"regular":3}}',
    );
  }
  return resolveVeiligThuisPolicy(overrides);
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

/**
 * The `validate` of @nestjs/config: the environment in, every setting of the API out, checked
 * once at boot (ConfigService `api`).
 */
export function validateApiEnvironment(env: Record<string, unknown>): { api: ApiConfig } {
  return { api: apiConfigFromEnv(env as NodeJS.ProcessEnv) };
}

/**
 * The API's configuration (docs/configuration.md): @nestjs/config reads the environment (no
 * .env file: the stack and the deployment set the variables), `validateApiEnvironment` checks
 * it at boot, and API_CONFIG hands the one checked object to every module. No module reads
 * `process.env` itself.
 */
@Global()
@Module({})
export class ApiConfigModule {
  static forRoot(): DynamicModule {
    return {
      module: ApiConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, validate: validateApiEnvironment })],
      providers: [
        {
          provide: API_CONFIG,
          inject: [ConfigService],
          useFactory: (config: ConfigService) => config.getOrThrow<ApiConfig>('api'),
        },
      ],
      exports: [API_CONFIG],
    };
  }
}
