import { databaseUrlFromEnv } from '@cjg/persistence';
import { temporalConfigFromEnv, type TemporalConfig } from '@cjg/temporal';

export interface ApiConfig {
  host: string;
  port: number;
  databaseUrl: string;
  temporal: TemporalConfig;
}

/** Read once at boot; a bad value stops the API with a message instead of failing later. */
export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const port = Number(env.PORT ?? env.API_PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a TCP port number, got ${JSON.stringify(env.PORT)}`);
  }
  return {
    host: env.API_HOST || '127.0.0.1',
    port,
    databaseUrl: databaseUrlFromEnv(env),
    temporal: temporalConfigFromEnv(env),
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
