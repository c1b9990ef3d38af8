import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { COMMAND_TYPES } from '@cjg/workflows/trajectory.definitions';
import { ErrorBody } from '../common/error-body';
import { CaseNumberPipe } from './case-number.pipe';
import { StartTrajectoryDto, TrajectoryStartedDto, TrajectoryStateDto } from './dto/trajectory.dto';
import { TrajectoriesService } from './trajectories.service';

@ApiTags('trajectories')
@ApiBadRequestResponse({ type: ErrorBody, description: 'Malformed input; nothing was changed' })
@ApiServiceUnavailableResponse({ type: ErrorBody, description: 'Temporal or a worker is away' })
@Controller('trajectories')
export class TrajectoriesController {
  constructor(private readonly trajectories: TrajectoriesService) {}

  @Post()
  @ApiCreatedResponse({ type: TrajectoryStartedDto, description: 'Started' })
  @ApiOkResponse({ type: TrajectoryStartedDto, description: 'Already existed (created: false)' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'Unknown coordinator or client' })
  @ApiConflictResponse({ type: ErrorBody, description: 'Case number taken by another case' })
  async start(
    @Body() body: StartTrajectoryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TrajectoryStartedDto> {
    const outcome = await this.trajectories.start(body);
    res.status(outcome.created ? HttpStatus.CREATED : HttpStatus.OK);
    res.location(`/trajectories/${body.caseNumber}`);
    return {
      caseNumber: body.caseNumber,
      workflowId: outcome.workflowId,
      created: outcome.created,
    };
  }

  @Post(':caseNumber/commands/:command')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'caseNumber', example: 'CJG-2026-000123' })
  @ApiParam({
    name: 'command',
    enum: COMMAND_TYPES as string[],
    description: 'The command; the body holds its fields (see docs/commands.md)',
  })
  @ApiBody({ schema: { type: 'object', example: { reason: 'gezin verhuisd' } } })
  @ApiOkResponse({ type: TrajectoryStateDto, description: 'Accepted: the state after the command' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such trajectory or command' })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'Refused in this phase or state; nothing changed',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'Refused: the data does not fit the case; nothing changed',
  })
  command(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Param('command') command: string,
    @Body() body: unknown,
  ): Promise<TrajectoryStateDto> {
    return this.trajectories.command(caseNumber, command, body);
  }

  @Get(':caseNumber')
  @ApiParam({ name: 'caseNumber', example: 'CJG-2026-000123' })
  @ApiOkResponse({ type: TrajectoryStateDto })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@Param('caseNumber', CaseNumberPipe) caseNumber: string): Promise<TrajectoryStateDto> {
    return this.trajectories.get(caseNumber);
  }
}
