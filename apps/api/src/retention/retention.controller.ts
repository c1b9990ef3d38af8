import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Audited } from '../audit/audit.interceptor';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProtected } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { PathParam } from '../common/path-params';
import { DestructionDto, DestructionRequestDto } from './dto/destruction.dto';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@ApiProtected('Only ops carry out a destruction on request')
@Roles('ops')
@Controller('trajectories/:caseNumber/destruction')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /**
   * Jeugdwet 7.3.9: destroys the personal data of the client of this case (name, BSN, date of
   * birth, e-mail address) and marks every case of that client destroyed, on the client's
   * request, after the CJG has judged the request valid. What remains are ids, codes and dates,
   * and a non-personal audit entry per case (docs/retention.md). Refused while any trajectory of
   * the client is open. Answers when done (200), or after 20 s while it goes on (202); repeating
   * the request is harmless.
   */
  @Post()
  @Audited('retention:request')
  @ApiOperation({
    operationId: 'destroyOnRequest',
    summary: "Destroy a client's personal data on request (ops, Jeugdwet 7.3.9)",
  })
  @ApiOkResponse({
    type: DestructionDto,
    description: 'Done: destroyed now, or nothing was left to destroy (a repeat)',
  })
  @ApiAcceptedResponse({
    type: DestructionDto,
    description:
      'Still running after 20 s; it goes on by itself. Repeat the request to learn the end',
  })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No trajectory with this case number' })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'A trajectory of the client is still open; nothing was changed',
  })
  async destroy(
    @PathParam('caseNumber') caseNumber: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: DestructionRequestDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DestructionDto> {
    const answer = await this.retention.requestDestruction(caseNumber, principal.sub, body.reason);
    res.status(answer.done ? HttpStatus.OK : HttpStatus.ACCEPTED);
    return answer.body;
  }
}
