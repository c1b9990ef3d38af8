import { randomUUID } from 'node:crypto';
import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import { ServiceError } from '@temporalio/client';
import type { Response } from 'express';
import type { ErrorBody } from './error-body';

/**
 * One stable error body for every failure. 4xx keep their message; anything unexpected is logged
 * with an error id and answered without internals. Temporal being away is a 503, not a 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const errorId = randomUUID().slice(0, 8);
    const body = this.toBody(exception, errorId);
    if (body.statusCode >= 500) {
      this.logger.error(
        { errorId, status: body.statusCode, err: String(exception) },
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, errorId: string): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message =
        typeof res === 'string'
          ? res
          : ((res as { message?: string | string[] }).message ?? exception.message);
      const error =
        typeof res === 'object' && res !== null && 'error' in res
          ? String((res as { error: unknown }).error)
          : (HttpStatus[status] ?? 'Error').replace(/_/g, ' ');
      return { statusCode: status, error, message, errorId };
    }
    if (exception instanceof ServiceError) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        message: 'The workflow service is not available; try again shortly.',
        errorId,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side.',
      errorId,
    };
  }
}
