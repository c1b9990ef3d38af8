import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  applyDecorators,
} from '@nestjs/common';
import {
  ApiConsumes,
  ApiExtraModels,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ErrorBody } from '../common/error-body';
import { renderQuestionPage, renderThanksPage, questionText } from './answer-page';
import { ApiBodyRefusals } from '../common/api-docs';
import { PATH_PARAM_RULES } from '../common/path-params';
import { AnswerPageFilter, answerPageHeaders, wantsJson } from './answer-page.filter';
import { AnswersService } from './answers.service';
import { AnswerFormDto, AnswerQuestionDto, AnswerReceivedDto } from './dto/answer.dto';

const html = { 'text/html': { schema: { type: 'string' } } };

/** An answer that is a page for people and, for `Accept: application/json`, `json`. */
function ApiPageOr(
  status: number,
  description: string,
  json: object = { $ref: getSchemaPath(ErrorBody) },
) {
  return ApiResponse({
    status,
    description,
    content: { ...html, 'application/json': { schema: json } },
  });
}

const REFUSALS = {
  400: 'The link is not valid: malformed, or not signed by us',
  403: 'The link belongs to another case',
  404: 'No trajectory with this case number',
  409: 'The link has been used already, or the question is no longer open (the answer was not recorded)',
  410: 'The link has expired',
  503: 'Temporal or the database is away; nothing was recorded and the link still works. See Retry-After',
};

/** The refusals of an answer link: a Dutch page, or the error body for JSON callers. */
const ApiRefusals = (
  statuses: Array<keyof typeof REFUSALS>,
  overrides: Partial<Record<keyof typeof REFUSALS, string>> = {},
) =>
  applyDecorators(
    ...statuses.map((status) => ApiPageOr(status, overrides[status] ?? REFUSALS[status])),
    ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Rate limit; see Retry-After' }),
    ApiBodyRefusals(),
  );

/** The case number in the link's path: the page checks it (and answers its own 400 page). */
const CASE_NUMBER_PARAM = {
  name: 'caseNumber',
  schema: {
    type: 'string' as const,
    example: PATH_PARAM_RULES.caseNumber.example,
    pattern: PATH_PARAM_RULES.caseNumber.pattern,
  },
};

/**
 * The pages behind the link in a client's letter (3-month check and questionnaires, 004).
 * Clients have no account: the link's signed, expiring, single-use token is what lets them in.
 */
@ApiTags('answers')
@ApiExtraModels(ErrorBody, AnswerQuestionDto, AnswerReceivedDto)
@Public()
@UseFilters(AnswerPageFilter)
@Controller('answers')
export class AnswersController {
  constructor(private readonly answers: AnswersService) {}

  @Get(':caseNumber')
  @ApiOperation({
    operationId: 'showAnswerQuestion',
    summary: 'The question of a client answer link, as a page with a form',
    description:
      'Public: the token is the credential. Shows the question (3-month check: ja/nee; questionnaire: 1–5) with a form that posts to the same path. Does not use up the link. With `Accept: application/json` the question as JSON.',
  })
  @ApiParam(CASE_NUMBER_PARAM)
  @ApiQuery({ name: 'token', type: String, description: 'The token of the link', required: true })
  @ApiProduces('text/html', 'application/json')
  @ApiPageOr(200, 'The question', { $ref: getSchemaPath(AnswerQuestionDto) })
  @ApiRefusals([400, 403, 404, 409, 410, 503])
  async show(
    @Param('caseNumber') caseNumber: string,
    @Query('token') token: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | AnswerQuestionDto> {
    const open = await this.answers.open(caseNumber, token);
    answerPageHeaders(response);
    if (wantsJson(request)) {
      return {
        caseNumber: open.caseNumber,
        question: open.question,
        text: questionText(open.question),
        expiresAt: open.expiresAt,
      };
    }
    response.type('html');
    return renderQuestionPage(open);
  }

  @Post(':caseNumber')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'giveClientAnswer',
    summary: 'The answer of a client answer link (once per link)',
    description:
      'Public: the token is the credential. Gives the answer to the trajectory workflow (answerThreeMonthCheck or answerQuestionnaire, as the token says) and uses up the link. A form (`application/x-www-form-urlencoded`, as the page posts it) or JSON. Answers a thank-you page, or with `Accept: application/json` JSON.',
  })
  @ApiParam(CASE_NUMBER_PARAM)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiProduces('text/html', 'application/json')
  @ApiPageOr(200, 'The answer is recorded', { $ref: getSchemaPath(AnswerReceivedDto) })
  @ApiRefusals([400, 403, 404, 409, 410, 503], {
    400: 'The link is not valid (malformed, or not signed by us), or the answer is missing or does not fit the question (the page shows the form again); or the body is malformed',
  })
  async answer(
    @Param('caseNumber') caseNumber: string,
    @Body() form: AnswerFormDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | AnswerReceivedDto> {
    const { question } = await this.answers.answer(caseNumber, form);
    answerPageHeaders(response);
    if (wantsJson(request)) return { caseNumber, question, status: 'received' };
    response.type('html');
    return renderThanksPage(caseNumber);
  }
}
