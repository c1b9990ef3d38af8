import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AllExceptionsFilter } from '../common/all-exceptions.filter';
import { API_CONFIG, type ApiConfig } from '../config';
import { renderQuestionPage, renderRefusalPage } from './answer-page';
import { AnswerRefusedException } from './answers.service';

/** Whether the caller asked for JSON rather than a page (a browser asks for HTML). */
export function wantsJson(request: Request): boolean {
  return request.accepts(['html', 'json']) === 'json';
}

/** What every answer page response carries: it holds a token, and depends on Accept. */
export function answerPageHeaders(response: Response): void {
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Vary', 'Accept');
}

/**
 * A refused answer link as a Dutch page with the refusal's status (the form again, for an
 * answer without a choice), or as the API's error body for `Accept: application/json`. Other
 * errors (malformed body, rate limit, 500) keep the global filter's JSON body.
 */
@Catch(AnswerRefusedException)
export class AnswerPageFilter implements ExceptionFilter<AnswerRefusedException> {
  private readonly json: AllExceptionsFilter;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.json = new AllExceptionsFilter({ retryAfterSeconds: config.http.retryAfterSeconds });
  }

  catch(exception: AnswerRefusedException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    answerPageHeaders(response);
    if (wantsJson(request)) return this.json.catch(exception, host);
    const status = exception.getStatus();
    if (status === 503)
      response.setHeader('Retry-After', String(this.config.http.retryAfterSeconds));
    const reason = exception.reason;
    const html =
      reason === 'invalid-answer'
        ? exception.form
          ? renderQuestionPage(exception.form)
          : renderRefusalPage('invalid-link')
        : renderRefusalPage(reason);
    response.status(status).type('html').send(html);
  }
}
