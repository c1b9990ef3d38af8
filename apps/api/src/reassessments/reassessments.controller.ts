import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  HttpCode,
  HttpStatus,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { compareDates } from '@cjg/domain';
import { ErrorBody } from '../common/error-body';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import { ReassessmentOutcomeDto, StartReassessmentDto } from './reassessment.dto';

/** Requests per batch at once: enough to be quick, few enough not to flood Temporal. */
const CONCURRENCY = 8;

@ApiTags('reassessments')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('reassessments')
export class ReassessmentsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trajectories: TrajectoriesService,
  ) {}

  /**
   * 001: asks every running trajectory in monitoring whose beschikking ends in the window to
   * re-assess whether follow-up is still needed. Each trajectory records the request (or refuses
   * it, e.g. when one is already pending); the coordinator's answer or its absence by `decideBy`
   * is recorded there and the client and providers are told per case.
   */
  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReassessmentOutcomeDto })
  async start(@Body() body: StartReassessmentDto): Promise<ReassessmentOutcomeDto> {
    if (compareDates(body.beschikkingEndFrom, body.beschikkingEndTo) > 0) {
      throw new BadRequestException('beschikkingEndFrom must not be after beschikkingEndTo');
    }
    const rows: Array<{ case_number: string }> = await this.dataSource.query(
      `SELECT case_number FROM trajectory
        WHERE phase = 'monitoring' AND beschikking_end BETWEEN $1 AND $2
          AND ($3::char(4) IS NULL OR municipality_code = $3)
        ORDER BY case_number`,
      [body.beschikkingEndFrom, body.beschikkingEndTo, body.municipalityCode ?? null],
    );
    const outcome: ReassessmentOutcomeDto = {
      batchId: body.batchId,
      matched: rows.length,
      requested: 0,
      refused: [],
    };
    const queue = rows.map((r) => r.case_number);
    const work = async () => {
      for (let caseNumber = queue.shift(); caseNumber; caseNumber = queue.shift()) {
        try {
          await this.trajectories.command(caseNumber, 'requestReassessment', {
            batchId: body.batchId,
            decideBy: body.decideBy,
          });
          outcome.requested += 1;
        } catch (error) {
          if (!(
            error instanceof ConflictException || error instanceof UnprocessableEntityException
          ))
            throw error;
          const message =
            (error.getResponse() as { message?: string | string[] }).message ?? error.message;
          outcome.refused.push({
            caseNumber,
            reasons: Array.isArray(message) ? message : [message],
          });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, work));
    outcome.refused.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
    return outcome;
  }
}
