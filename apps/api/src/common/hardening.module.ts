import { Module, type DynamicModule, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { isCodecPath, type HttpConfig } from './http.config';
import { isHealthPath, pathOf } from './logger';

const MINUTE_MS = 60_000;

/**
 * Health probes are never throttled: an orchestrator must always be able to ask. Nor is the codec
 * server: the Temporal Web UI decodes every event's payloads in a call of its own, hundreds for
 * one workflow page; those calls are ops-only and each decode is audited.
 */
export function skipThrottle(context: ExecutionContext): boolean {
  if (context.getType() !== 'http') return true;
  const path = pathOf(context.switchToHttp().getRequest<{ originalUrl?: string; url?: string }>());
  return isHealthPath(path) || isCodecPath(path);
}

/**
 * Rate limiting: `RATE_LIMIT_PER_MINUTE` requests per client IP (all routes together, per API
 * process; `req.ip`, so TRUST_PROXY decides which address counts), 429 with Retry-After beyond
 * it. 0 turns it off.
 */
@Module({})
export class HardeningModule {
  static forRoot(config: { http: Pick<HttpConfig, 'rateLimitPerMinute'> }): DynamicModule {
    const limit = config.http.rateLimitPerMinute;
    if (limit <= 0) return { module: HardeningModule };
    return {
      module: HardeningModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: MINUTE_MS, limit }],
          skipIf: skipThrottle,
          // One budget per client, not one per route.
          generateKey: (_context, tracker, name) => `${name}:${tracker}`,
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
