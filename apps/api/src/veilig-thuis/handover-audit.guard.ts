import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { isValidHandoverId } from '@cjg/domain';

/**
 * The audit trail files an entry under the `:caseNumber` of the route; a handover's commands are
 * filed under the handover id (a valid case number: `VTH-2026-000123`), so "who accepted this
 * handover, when" is one query. Guards run before the audit interceptor reads it.
 */
@Injectable()
export class HandoverAuditGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ params?: Record<string, string> }>();
    const handoverId = request.params?.handoverId;
    if (request.params && handoverId && isValidHandoverId(handoverId)) {
      request.params.caseNumber = handoverId;
    }
    return true;
  }
}
