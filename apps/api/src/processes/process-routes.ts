import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
  type ApiResponseOptions,
} from '@nestjs/swagger';
import { Audited } from '../audit/audit.interceptor';
import { Roles } from '../auth/auth.decorators';
import type { Role } from '../auth/principal';
import { ErrorBody } from '../common/error-body';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import type { ProcessAccess } from './process-access';

/**
 * The routes of a process, each written out in its controller with its literal path
 * (`@Post(':caseNumber/record-review')`), so that a search for the path finds its handler; these
 * decorators add what every route of its kind is besides: its roles, its audit action, its
 * documentation and the answers it can give (docs/api-pattern.md).
 */
export interface RouteOptions {
  operationId: string;
  summary: string;
  description?: string;
  /** The audit trail's action (`command:recordReview`, `read:handover`, …). */
  audit: string;
}

const operation = ({ operationId, summary, description }: RouteOptions) =>
  ApiOperation({ operationId, summary, ...(description ? { description } : {}) });

const answer = (status: 404 | 409 | 422, description: string | undefined) => {
  if (description === undefined) return [];
  const decorate = {
    404: ApiNotFoundResponse,
    409: ApiConflictResponse,
    422: ApiUnprocessableEntityResponse,
  }[status];
  return [decorate({ type: ErrorBody, description })];
};

/** The refusals a route documents: 404, 409 and 422 in the one error body. */
export interface Refusals {
  notFound?: string;
  conflict?: string;
  unprocessable?: string;
}

const refusals = ({ notFound, conflict, unprocessable }: Refusals) => [
  ...answer(404, notFound),
  ...answer(409, conflict),
  ...answer(422, unprocessable),
];

/** A read (a list, or one process): its roles, audited as a read, its 200 and its 404. */
export const ReadRoute = (
  roles: readonly Role[],
  options: RouteOptions & { ok: ApiResponseOptions; notFound?: string },
) =>
  applyDecorators(
    Roles(...roles),
    Audited(options.audit),
    operation(options),
    ApiOkResponse(options.ok),
    ...refusals(options),
  );

/**
 * The start of a process: the roles that may start it, audited, idempotent; 201 when it made
 * the process, 200 when the same request found it, 409 when the id names another one.
 */
export const StartRoute = (
  roles: readonly Role[],
  options: RouteOptions &
    Required<Pick<Refusals, 'conflict' | 'unprocessable'>> & {
      created: ApiResponseOptions;
      existed: ApiResponseOptions;
    },
) =>
  applyDecorators(
    Roles(...roles),
    Audited(options.audit),
    operation(options),
    Idempotent(),
    ApiCreatedResponse(options.created),
    ApiOkResponse(options.existed),
    ...refusals(options),
  );

/**
 * A command to a process: 200 with the process after it, the roles of the process's access
 * table, audited, idempotent, and its refusals (404 unknown, 409 state, 422 data or a key used
 * for another request). Its handler is one line:
 * `return this.<process>.command(caller, id, '<command>', body)`.
 */
export const CommandRoute = <C extends string>(
  access: ProcessAccess<C, unknown>,
  command: C,
  options: RouteOptions & Required<Refusals> & { ok: ApiResponseOptions },
) =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    Roles(...access.commandRoles[command]),
    Audited(options.audit),
    operation(options),
    Idempotent(),
    ApiOkResponse(options.ok),
    ...refusals(options),
  );
