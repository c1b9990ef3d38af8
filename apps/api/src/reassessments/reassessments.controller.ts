import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpStatus,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { compareDates } from '@cjg/domain';
import { Audited, noteAudit } from '../audit/audit.interceptor';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProtected } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { PathParam } from '../common/path-params';
import {
  ListReassessmentBatchesQueryDto,
  ReassessmentBatchListDto,
  ReassessmentBatchStartedDto,
  ReassessmentProgressDto,
  StartReassessmentDto,
} from './reassessment.dto';
import { ReassessmentsService } from './reassessments.service';
import { coded } from '../common/error-codes';

@ApiTags('reassessments')
@ApiProtected('Only ops run batches')
@Roles('ops')
@Controller('reassessments')
export class ReassessmentsController {
  constructor(private readonly reassessments: ReassessmentsService) {}

  /**
   * 001: asks every running trajectory in monitoring whose beschikking ends in the window to
   * re-assess whether follow-up is still needed. The batch runs as a workflow: this answers at
   * once, and `GET /reassessments/{batchId}` (the `Location`) tells how far it is. Each trajectory
   * records the request (or refuses it, e.g. when one is already pending); the coordinator's
   * answer or its absence by `decideBy` is recorded there and the client and providers are told
   * per case.
   */
  @Post()
  @Audited('batch:reassessment')
  @ApiOperation({
    operationId: 'startReassessmentBatch',
    summary: 'Start a re-assessment batch (ops, 001)',
  })
  @ApiAcceptedResponse({
    type: ReassessmentBatchStartedDto,
    description: 'Started; poll the Location until status is done',
  })
  @ApiOkResponse({
    type: ReassessmentBatchStartedDto,
    description: 'A batch with this id already exists (created: false); nothing was started',
  })
  async start(
    @CurrentPrincipal() principal: Principal,
    @Body() body: StartReassessmentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReassessmentBatchStartedDto> {
    if (compareDates(body.beschikkingEndFrom, body.beschikkingEndTo) > 0) {
      throw new BadRequestException(
        coded('date-too-late', 'beschikkingEndFrom must not be after beschikkingEndTo'),
      );
    }
    const outcome = await this.reassessments.start({ ...body, requestedBy: principal.sub });
    res.status(outcome.created ? HttpStatus.ACCEPTED : HttpStatus.OK);
    res.location(`/reassessments/${body.batchId}`);
    return { ...outcome.progress, workflowId: outcome.workflowId, created: outcome.created };
  }

  /** The batches ops started, newest first: what the werkplek's batch page lists. */
  @Get()
  @Audited('read:reassessment-batches')
  @ApiOperation({
    operationId: 'listReassessmentBatches',
    summary: 'The re-assessment batches, newest first (ops)',
  })
  @ApiOkResponse({ type: ReassessmentBatchListDto })
  async list(
    @Query() query: ListReassessmentBatchesQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReassessmentBatchListDto> {
    const items = await this.reassessments.list(query.limit ?? 25);
    noteAudit(res, { count: items.length });
    return { items };
  }

  @Get(':batchId')
  @Audited('read:reassessment-batch')
  @ApiOperation({
    operationId: 'getReassessmentBatch',
    summary: 'The progress of a re-assessment batch (ops)',
  })
  @ApiOkResponse({ type: ReassessmentProgressDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No batch with this id' })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'The batch stopped before it was done (terminated, cancelled or failed)',
  })
  async get(
    @PathParam('batchId') batchId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReassessmentProgressDto> {
    const progress = await this.reassessments.progress(batchId);
    // The batch lists case numbers (those that refused): recorded as a list, by id and count.
    noteAudit(res, { count: progress.matched, detail: { batchId } });
    return progress;
  }
}
