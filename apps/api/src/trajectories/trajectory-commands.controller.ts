import { Body, Controller, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandType } from '@cjg/domain';
import { Audited } from '../audit/audit.interceptor';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProtected } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { CaseNumberPipe } from './case-number.pipe';
import { COMMAND_ROUTES } from './command-routes';
import { COMMAND_DTOS } from './dto/commands.dto';
import { CASE_VIEW_RESPONSE } from './dto/trajectory.dto';
import { TrajectoriesService, type CaseView } from './trajectories.service';

/**
 * The command endpoints, one per command, made from the table in command-routes.ts so that
 * route, roles, body schema and documentation cannot drift apart. Each answers the state after
 * the command; a retry with the same Idempotency-Key answers the same without a second effect.
 */
@ApiTags('trajectory commands')
@ApiProtected()
@ApiNotFoundResponse({ type: ErrorBody, description: 'No trajectory with this case number' })
@ApiConflictResponse({
  type: ErrorBody,
  description: 'Refused in this phase or state; nothing changed',
})
@ApiUnprocessableEntityResponse({
  type: ErrorBody,
  description:
    'Refused: the data does not fit the case, or the Idempotency-Key was used for another request',
})
@Controller('trajectories')
export class TrajectoryCommandsController {
  constructor(private readonly trajectories: TrajectoriesService) {}

  async give(
    type: CommandType,
    path: string,
    principal: Principal,
    caseNumber: string,
    body: object,
    idempotencyKey: string | undefined,
    res: Response,
  ): Promise<CaseView> {
    const answer = await this.trajectories.command(
      principal,
      caseNumber,
      type,
      { ...body },
      `/trajectories/${caseNumber}/${path}`,
      IdempotencyService.key(idempotencyKey),
    );
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }
}

for (const route of COMMAND_ROUTES) {
  const prototype = TrajectoryCommandsController.prototype as unknown as Record<string, unknown>;
  const method = route.type;
  prototype[method] = function (
    this: TrajectoryCommandsController,
    principal: Principal,
    caseNumber: string,
    body: object,
    idempotencyKey: string | undefined,
    res: Response,
  ) {
    return this.give(route.type, route.path, principal, caseNumber, body, idempotencyKey, res);
  };
  const descriptor = Object.getOwnPropertyDescriptor(prototype, method)!;
  const dto = COMMAND_DTOS[route.type];
  for (const decorate of [
    Post(`:caseNumber/${route.path}`),
    HttpCode(HttpStatus.OK),
    Roles(...route.roles),
    Audited(`command:${route.type}`),
    ApiOperation({
      operationId: route.type,
      summary: route.summary,
      description: `Roles: ${route.roles.join(', ')}. Gives the \`${route.type}\` update to the trajectory workflow.`,
    }),
    ApiParam({ name: 'caseNumber', example: 'CJG-2026-000123' }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A key of your own (e.g. a UUID): a retry with the same key has its effect once',
    }),
    ApiBody({ type: dto }),
    ApiOkResponse({
      ...CASE_VIEW_RESPONSE,
      description: 'Accepted: the state after the command, as this caller may see it',
    }),
  ]) {
    decorate(prototype, method, descriptor);
  }
  // What TypeScript would emit for a written method: the global ValidationPipe and the OpenAPI
  // document read the body's DTO from it.
  Reflect.defineMetadata(
    'design:paramtypes',
    [Object, String, dto, String, Object],
    prototype,
    method,
  );
  CurrentPrincipal()(prototype, method, 0);
  Param('caseNumber', CaseNumberPipe)(prototype, method, 1);
  Body()(prototype, method, 2);
  Headers('idempotency-key')(prototype, method, 3);
  Res({ passthrough: true })(prototype, method, 4);
}
