import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Audited } from '../audit/audit.interceptor';
import { Roles } from '../auth/auth.decorators';
import type { Role } from '../auth/principal';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import type { ProcessAccess } from './process-access';

export interface CommandRouteOptions {
  operationId: string;
  summary: string;
  description?: string;
  /** The audit trail's action (`command:recordReview`, `handover:accept`, …). */
  audit: string;
}

/**
 * What every command route of a process is besides its literal `@Post(':id/<command>')` path
 * and its answers: 200, the roles of the process's access table, audited, documented,
 * idempotent. Its handler is one line: `return this.<process>.command(caller, id, '<command>',
 * body)`.
 */
export const CommandRoute = <C extends string>(
  access: ProcessAccess<C, unknown>,
  command: C,
  options: CommandRouteOptions,
) =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    Roles(...access.commandRoles[command]),
    Audited(options.audit),
    ApiOperation({
      operationId: options.operationId,
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
    }),
    Idempotent(),
  );

/**
 * What every start route of a process is besides its path and answers: the roles that may
 * start it, audited, documented, idempotent (201 when it made the process, 200 when it existed).
 */
export const StartRoute = (roles: readonly Role[], options: CommandRouteOptions) =>
  applyDecorators(
    Roles(...roles),
    Audited(options.audit),
    ApiOperation({
      operationId: options.operationId,
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
    }),
    Idempotent(),
  );
