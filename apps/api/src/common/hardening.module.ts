import { Injectable, Module, type DynamicModule, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerLimitDetail,
  type ThrottlerOptions,
} from '@nestjs/throttler';
import type { Response } from 'express';
import { isAnswersPath } from '../answers/answer-page';
import { API_CONFIG, type ApiConfig } from '../config';
import { isCodecPath, type HttpConfig } from './http.config';
import { isHealthPath, pathOf } from './logger';

const MINUTE_MS = 60_000;

function requestPath(context: ExecutionContext): string {
  return pathOf(context.switchToHttp().getRequest<{ originalUrl?: string; url?: string }>());
}

/**
 * Health probes are never throttled: an orchestrator must always be able to ask. Nor is the codec
 * server: the Temporal Web UI decodes every event's payloads in a call of its own, hundreds for
 * one workflow page; those calls are ops-only and each decode is audited.
 */
export function skipThrottle(context: ExecutionContext): boolean {
  if (context.getType() !== 'http') return true;
  const path = requestPath(context);
  return isHealthPath(path) || isCodecPath(path);
}

/** The answer pages' own limit counts only requests to them. */
function skipAnswerThrottle(context: ExecutionContext): boolean {
  return skipThrottle(context) || !isAnswersPath(requestPath(context));
}

/**
 * The throttler's guard, with `Retry-After` whichever limit was reached: the throttler itself
 * names the header `Retry-After-<name>` for every limit but the one named `default`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(detail.timeToBlockExpire));
    return super.throwThrottlingException(context, detail);
  }
}

/**
 * Rate limiting per client IP (`req.ip`, so TRUST_PROXY decides which address counts), per API
 * process, 429 with Retry-After beyond it: `RATE_LIMIT_PER_MINUTE` requests over all routes
 * together, and `ANSWER_RATE_LIMIT_PER_MINUTE`, far lower, for the public client answer pages,
 * which anyone may reach without an account and where a client answers a question or two. 0
 * turns a limit off.
 */
@Module({})
export class HardeningModule {
  /** The limits of API_CONFIG's `http` (RATE_LIMIT_PER_MINUTE, ANSWER_RATE_LIMIT_PER_MINUTE). */
  static forRoot(): DynamicModule {
    return {
      module: HardeningModule,
      imports: [
        ThrottlerModule.forRootAsync({
          inject: [API_CONFIG],
          useFactory: (config: Pick<ApiConfig, 'http'>) => ({
            throttlers: throttlers(config.http),
            // One budget per client and limit, not one per route.
            generateKey: (_context, tracker, name) => `${name}:${tracker}`,
          }),
        }),
      ],
      // With no limit (both 0) the guard lets everything through.
      providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
    };
  }
}

function throttlers(
  http: Pick<HttpConfig, 'rateLimitPerMinute' | 'answerRateLimitPerMinute'>,
): ThrottlerOptions[] {
  const { rateLimitPerMinute, answerRateLimitPerMinute } = http;
  const limits: ThrottlerOptions[] = [];
  if (rateLimitPerMinute > 0) {
    limits.push({
      name: 'default',
      ttl: MINUTE_MS,
      limit: rateLimitPerMinute,
      skipIf: skipThrottle,
    });
  }
  if (answerRateLimitPerMinute > 0) {
    limits.push({
      name: 'answers',
      ttl: MINUTE_MS,
      limit: answerRateLimitPerMinute,
      skipIf: skipAnswerThrottle,
    });
  }
  return limits;
}
