import {
  ConflictException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isValidCaseNumber, type Problem } from '@cjg/domain';
import {
  AnswerTokenError,
  verifyAnswerToken,
  type AnswerLinkConfig,
  type AnswerQuestion,
  type AnswerTokenClaims,
} from '@cjg/notifications';
import type { AnswerTokenOutcome } from '@cjg/persistence';
import { codeOfStatus, type ErrorCode } from '../common/error-codes';
import { classifyUnavailable } from '../common/unavailable';
import { problemsFromMessages, type FieldProblems } from '../common/validation';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import type { AnswerRefusalReason, QuestionPage } from './answer-page';
import type { AnswerFormDto } from './dto/answer.dto';

/** The answer link settings of this API (`undefined`: no secret set, links are off). */
export const ANSWER_LINKS = Symbol('ANSWER_LINKS');
export interface AnswerLinkSettings {
  config: AnswerLinkConfig | undefined;
}

/** The error body's `code` of each refusal (for `Accept: application/json`). */
const REFUSAL_CODE: Record<AnswerRefusalReason | 'invalid-answer', ErrorCode> = {
  'invalid-link': 'answer-link-invalid',
  'invalid-answer': 'answer-invalid',
  'wrong-case': 'answer-link-wrong-case',
  expired: 'answer-link-expired',
  used: 'answer-link-used',
  closed: 'question-closed',
  'unknown-case': 'not-found',
  unavailable: 'unavailable',
};

const REFUSAL_STATUS: Record<AnswerRefusalReason | 'invalid-answer', HttpStatus> = {
  'invalid-link': HttpStatus.BAD_REQUEST,
  'invalid-answer': HttpStatus.BAD_REQUEST,
  'wrong-case': HttpStatus.FORBIDDEN,
  expired: HttpStatus.GONE,
  used: HttpStatus.CONFLICT,
  closed: HttpStatus.CONFLICT,
  'unknown-case': HttpStatus.NOT_FOUND,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * A link that gives no answer. Rendered as a Dutch page for people (answer-page.filter.ts), or
 * as the API's error body for `Accept: application/json`. `invalid-answer` (a form sent without
 * a choice) carries the question, so the form can be shown again.
 */
export class AnswerRefusedException extends HttpException {
  constructor(
    readonly reason: AnswerRefusalReason | 'invalid-answer',
    message: string,
    readonly form?: QuestionPage,
    problems?: FieldProblems['problems'],
    codes?: FieldProblems['codes'],
  ) {
    super(
      {
        statusCode: REFUSAL_STATUS[reason],
        code: REFUSAL_CODE[reason],
        message,
        ...(problems?.length
          ? {
              details: [
                {
                  field: '',
                  problems,
                  codes: problems.map((_, i) => codes?.[i] ?? REFUSAL_CODE[reason]),
                },
              ],
            }
          : {}),
      },
      REFUSAL_STATUS[reason],
    );
  }
}

/**
 * A claim older than this without an outcome belongs to a request that died between claiming
 * and answering (the update itself gives up after 10 s): it may be claimed again. The update id
 * is the token's, so a second delivery of the same answer has no second effect.
 */
const STALE_CLAIM_SECONDS = 120;

export interface OpenQuestion {
  caseNumber: string;
  question: AnswerQuestion;
  token: string;
  expiresAt: string;
}

type AnswerCommand =
  | { type: 'answerThreeMonthCheck'; body: { fitting: boolean } }
  | {
      type: 'answerQuestionnaire';
      body: {
        moment: 'midway' | 'end';
        rating: number;
        ratingCjg?: number;
        ratingCoordinator?: number;
      };
    };

/**
 * Client answers through a link in a letter: checks the token (ours, not expired, for this
 * case), takes one answer per token (`answer_token_use`) and gives it to the trajectory
 * workflow as the coordinator's command would be, through TrajectoriesService.update.
 *
 * Not in the audit trail (audit_event records API principals, and a client has none):
 * `answer_token_use` records every used link with its outcome, and the workflow history the
 * answer itself under update id `answer-<jti>`.
 */
@Injectable()
export class AnswersService {
  private readonly logger = new Logger('Answers');

  constructor(
    @Inject(ANSWER_LINKS) private readonly links: AnswerLinkSettings,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trajectories: TrajectoriesService,
  ) {}

  /** What the link's page shows: the question, unless the link cannot be used (any more). */
  async open(caseNumber: string, token: unknown): Promise<OpenQuestion> {
    const claims = this.verify(caseNumber, token);
    const used = await this.database(() =>
      this.dataSource.query('SELECT 1 FROM answer_token_use WHERE jti = $1', [claims.jti]),
    );
    if ((used as unknown[]).length > 0) throw this.refused('used', claims, caseNumber);
    return {
      caseNumber,
      question: claims.question,
      token: token as string,
      expiresAt: new Date(claims.exp * 1000).toISOString(),
    };
  }

  /** Takes the answer of one link, once. */
  async answer(caseNumber: string, form: AnswerFormDto): Promise<{ question: AnswerQuestion }> {
    const claims = this.verify(caseNumber, form.token);
    const command = commandFor(claims.question, form, {
      caseNumber,
      question: claims.question,
      token: form.token,
    });
    if (!(await this.claim(claims))) throw this.refused('used', claims, caseNumber);
    try {
      await this.trajectories.update(
        caseNumber,
        command.type,
        command.body,
        `answer-${claims.jti}`,
      );
    } catch (error) {
      if (error instanceof ConflictException || error instanceof UnprocessableEntityException) {
        // The workflow refused: the question is no longer open. The link stays used.
        await this.settle(claims.jti, 'refused');
        throw this.refused('closed', claims, caseNumber, problemsOf(error));
      }
      // Nothing was recorded: free the link, so the client can try again.
      await this.release(claims.jti);
      if (error instanceof NotFoundException)
        throw this.refused('unknown-case', claims, caseNumber);
      if (classifyUnavailable(error)) {
        this.logger.warn({
          msg: 'client answer not delivered: a dependency is unavailable',
          caseNumber,
          jti: claims.jti,
          err: (error as Error).message,
        });
        throw this.refused('unavailable', claims, caseNumber);
      }
      throw error;
    }
    await this.settle(claims.jti, 'answered');
    this.logger.log({ msg: 'client answer recorded', caseNumber, question: claims.question });
    return { question: claims.question };
  }

  /** The token's claims, if it is ours, unexpired and for the case in the path. */
  private verify(caseNumber: string, token: unknown): AnswerTokenClaims {
    const config = this.links.config;
    if (!config) {
      throw new AnswerRefusedException(
        'unavailable',
        'Client answer links are not configured on this server (ANSWER_TOKEN_SECRET)',
      );
    }
    if (!isValidCaseNumber(caseNumber) || typeof token !== 'string') {
      throw this.refused('invalid-link', undefined, caseNumber);
    }
    let claims: AnswerTokenClaims;
    try {
      claims = verifyAnswerToken(config.acceptedSecrets, token);
    } catch (error) {
      if (!(error instanceof AnswerTokenError)) throw error;
      throw this.refused(
        error.reason === 'expired' ? 'expired' : 'invalid-link',
        undefined,
        caseNumber,
      );
    }
    if (claims.caseNumber !== caseNumber) throw this.refused('wrong-case', claims, caseNumber);
    return claims;
  }

  /** Marks the token used; false when it already was (or is being used right now). */
  private async claim(claims: AnswerTokenClaims): Promise<boolean> {
    const rows = await this.database(() =>
      this.dataSource.query(
        `INSERT INTO answer_token_use (jti, case_number, question, outcome)
         VALUES ($1, $2, $3, 'claimed')
         ON CONFLICT (jti) DO UPDATE SET used_at = now()
           WHERE answer_token_use.outcome = 'claimed'
             AND answer_token_use.used_at < now() - make_interval(secs => $4)
         RETURNING jti`,
        [claims.jti, claims.caseNumber, claims.question, STALE_CLAIM_SECONDS],
      ),
    );
    return (rows as unknown[]).length > 0;
  }

  private async settle(jti: string, outcome: Exclude<AnswerTokenOutcome, 'claimed'>) {
    try {
      await this.dataSource.query('UPDATE answer_token_use SET outcome = $2 WHERE jti = $1', [
        jti,
        outcome,
      ]);
    } catch (error) {
      // The claim stays 'claimed': still used, which is what matters.
      this.logger.error({ msg: 'answer outcome not recorded', jti, outcome, err: String(error) });
    }
  }

  private async release(jti: string) {
    try {
      await this.dataSource.query(
        `DELETE FROM answer_token_use WHERE jti = $1 AND outcome = 'claimed'`,
        [jti],
      );
    } catch (error) {
      // The claim goes stale and can be taken again after STALE_CLAIM_SECONDS.
      this.logger.error({ msg: 'answer claim not released', jti, err: String(error) });
    }
  }

  /** Runs a query; an unreachable database becomes the 503 page. */
  private async database<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (classifyUnavailable(error)) {
        this.logger.warn({ msg: 'answer links: database unavailable', err: String(error) });
        throw new AnswerRefusedException(
          'unavailable',
          'The database is not available; try again shortly.',
        );
      }
      throw error;
    }
  }

  private refused(
    reason: AnswerRefusalReason,
    claims: AnswerTokenClaims | undefined,
    caseNumber: string,
    problems?: Pick<FieldProblems, 'problems' | 'codes'>,
  ): AnswerRefusedException {
    if (reason !== 'closed') {
      // Ids only: the case number of the path, the question and jti of a token we signed.
      this.logger.log({
        msg: 'client answer link refused',
        reason,
        caseNumber: isValidCaseNumber(caseNumber) ? caseNumber : undefined,
        ...(claims ? { question: claims.question, jti: claims.jti } : {}),
      });
    }
    return new AnswerRefusedException(
      reason,
      REFUSAL_MESSAGES[reason],
      undefined,
      problems?.problems,
      problems?.codes,
    );
  }
}

const REFUSAL_MESSAGES: Record<AnswerRefusalReason, string> = {
  'invalid-link': 'The answer link is not valid.',
  'wrong-case': 'The answer link belongs to another case.',
  expired: 'The answer link has expired.',
  used: 'The answer link has already been used.',
  closed: 'The question is no longer open; the answer was not recorded.',
  'unknown-case': 'No trajectory with this case number.',
  unavailable: 'The workflow service is not available; try again shortly.',
};

/** The reasons the update refused the answer for, with their codes. */
function problemsOf(error: HttpException): Pick<FieldProblems, 'problems' | 'codes'> {
  const body = error.getResponse();
  const message = typeof body === 'object' ? (body as { message?: unknown }).message : body;
  const fallback = codeOfStatus(error.getStatus());
  const items = Array.isArray(message) ? (message as Array<string | Problem>) : [];
  const found = problemsFromMessages(
    typeof message === 'string' ? [message] : items,
    fallback,
  ).find((detail) => detail.field === '');
  return { problems: found?.problems ?? [], codes: found?.codes ?? [] };
}

/** The command of the token's question, with the answer of the form. */
function commandFor(
  question: AnswerQuestion,
  form: AnswerFormDto,
  page: QuestionPage,
): AnswerCommand {
  const invalid = (message: string, dutch: string) =>
    new AnswerRefusedException('invalid-answer', message, { ...page, error: dutch });
  if (question === 'three-month-check') {
    if (
      form.rating !== undefined ||
      form.ratingCjg !== undefined ||
      form.ratingCoordinator !== undefined
    )
      throw invalid('This question takes fitting, not rating.', 'Kies ja of nee.');
    if (form.fitting === undefined)
      throw invalid('fitting is required (ja or nee).', 'Kies ja of nee.');
    return {
      type: 'answerThreeMonthCheck',
      body: { fitting: form.fitting === true || form.fitting === 'ja' },
    };
  }
  const ratingError = 'Kies een cijfer van 1 tot en met 5.';
  if (form.fitting !== undefined)
    throw invalid('This question takes rating, not fitting.', ratingError);
  if (form.rating === undefined) throw invalid('rating is required (1 to 5).', ratingError);
  return {
    type: 'answerQuestionnaire',
    body: {
      moment: question === 'questionnaire-midway' ? 'midway' : 'end',
      rating: Number(form.rating),
      // 004: the CJG and the coordinator too; an answer from an older form gives the help only.
      ...(form.ratingCjg === undefined ? {} : { ratingCjg: Number(form.ratingCjg) }),
      ...(form.ratingCoordinator === undefined
        ? {}
        : { ratingCoordinator: Number(form.ratingCoordinator) }),
    },
  };
}
