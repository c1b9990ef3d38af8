import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Length, Matches } from 'class-validator';
import { PageLimit } from '../common/query-params';
import {
  BATCH_ID_PATTERN,
  type ReassessmentBatchProgress,
  type ReassessmentBatchStatus,
} from '@cjg/workflows/reassessment-batch.definitions';
import { IsMunicipalityCode } from '../common/validators';

const DATE = { strict: true, strictSeparator: true };

export const BATCH_ID_MESSAGE = 'batchId must be 1-64 characters A-Z, a-z, 0-9, -';

/** 001: re-assess running trajectories whose beschikking ends in a window. */
export class StartReassessmentDto {
  @ApiProperty({
    example: 'apr-2026',
    description:
      'Names the batch; recorded in every trajectory. A batch runs once: the same id again starts nothing.',
  })
  @Matches(BATCH_ID_PATTERN, { message: BATCH_ID_MESSAGE })
  batchId!: string;

  @ApiProperty({ example: '2026-04-30', description: 'Coordinators decide by this date' })
  @IsISO8601(DATE)
  @Length(10, 10)
  decideBy!: string;

  @ApiProperty({ example: '2026-07-01', description: 'Beschikking ends on or after this date' })
  @IsISO8601(DATE)
  @Length(10, 10)
  beschikkingEndFrom!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Beschikking ends on or before this date' })
  @IsISO8601(DATE)
  @Length(10, 10)
  beschikkingEndTo!: string;

  @ApiPropertyOptional({ example: '0957' })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;
}

export class ReassessmentRefusalDto {
  @ApiProperty({ example: 'CJG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ type: [String], example: ['a re-assessment is already pending'] })
  reasons!: string[];
}

/** How far a batch is: the answer of its workflow's `progress` query. */
export class ReassessmentProgressDto implements ReassessmentBatchProgress {
  @ApiProperty({ example: 'apr-2026' })
  batchId!: string;

  @ApiProperty({
    enum: ['selecting', 'running', 'done'],
    example: 'running',
    description:
      'selecting: finding the matching trajectories; running: asking them; done: every one answered',
  })
  status!: ReassessmentBatchStatus;

  @ApiProperty({ example: 12, description: 'Running trajectories in monitoring that matched' })
  matched!: number;

  @ApiProperty({ example: 7, description: 'Trajectories that accepted the request' })
  requested!: number;

  @ApiProperty({
    type: [ReassessmentRefusalDto],
    description: 'Trajectories that refused the request, with their reasons',
  })
  refused!: ReassessmentRefusalDto[];

  @ApiProperty({ example: 4, description: 'Matched trajectories that have not answered yet' })
  pending!: number;

  @ApiProperty({ example: '2026-04-01T08:00:00.000Z' })
  startedAt!: string;

  @ApiPropertyOptional({ example: '2026-04-01T08:00:41.000Z', description: 'Set once done' })
  finishedAt?: string;
}

export class ReassessmentBatchStartedDto extends ReassessmentProgressDto {
  @ApiProperty({
    example: 'reassessment-batch-apr-2026',
    description: 'The workflow in the Temporal Web UI',
  })
  workflowId!: string;

  @ApiProperty({
    description: 'false when a batch with this id already existed (nothing was started)',
  })
  created!: boolean;
}

/** Filters of GET /reassessments. */
export class ListReassessmentBatchesQueryDto {
  @PageLimit()
  limit?: number;
}

/** One batch as Temporal's visibility store lists it: its id, when it ran, and whether it ended. */
export class ReassessmentBatchSummaryDto {
  @ApiProperty({ example: 'apr-2026' })
  batchId!: string;

  @ApiProperty({
    example: 'reassessment-batch-apr-2026',
    description: 'The workflow in the Temporal Web UI',
  })
  workflowId!: string;

  @ApiProperty({
    enum: ['running', 'done', 'stopped'],
    example: 'running',
    description:
      'running: still asking trajectories or waiting for their answers; done: every one answered; stopped: terminated, cancelled or failed before it was done',
  })
  state!: 'running' | 'done' | 'stopped';

  @ApiProperty({
    example: '0957',
    nullable: true,
    type: String,
    description: 'The batch asked this municipality only',
  })
  municipalityCode!: string | null;

  @ApiProperty({ example: '2026-04-01T08:00:00.000Z' })
  startedAt!: string;

  @ApiProperty({ example: '2026-04-01T08:00:41.000Z', nullable: true, type: String })
  closedAt!: string | null;
}

export class ReassessmentBatchListDto {
  @ApiProperty({
    type: [ReassessmentBatchSummaryDto],
    description:
      'Newest first, at most `limit`; from Temporal’s visibility store (a new batch shows within a second or so)',
  })
  items!: ReassessmentBatchSummaryDto[];
}
