import { randomBytes } from 'node:crypto';
import { ConflictException, Logger, NotFoundException } from '@nestjs/common';
import { ServiceError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { signAnswerToken, type AnswerQuestion } from '@cjg/notifications';
import type { TrajectoriesService } from '../trajectories/trajectories.service';
import { AnswerRefusedException, AnswersService } from './answers.service';

const secret = randomBytes(32);
const caseNumber = 'CJG-2026-000123';
const jti = 'abcdefghijklmnopqrstuv';

function token(question: AnswerQuestion = 'three-month-check', extra: object = {}) {
  return signAnswerToken(secret, {
    caseNumber,
    question,
    expiresAt: new Date(Date.now() + 60_000),
    jti,
    ...extra,
  });
}

/** A database that answers the claim as told and records every statement. */
function fakeDatabase(claimed = true) {
  const statements: string[] = [];
  const dataSource = {
    query: jest.fn(async (sql: string, _values?: unknown[]) => {
      const verb = sql.trim().split(/\s+/)[0]!;
      statements.push(
        verb === 'UPDATE' ? `UPDATE ${/outcome = \$2/.test(sql) ? 'outcome' : ''}` : verb,
      );
      if (verb === 'INSERT') return claimed ? [{ jti }] : [];
      if (verb === 'SELECT') return [];
      return [];
    }),
  };
  return { dataSource: dataSource as unknown as DataSource, query: dataSource.query, statements };
}

function service(
  options: { claimed?: boolean; update?: () => Promise<unknown>; configured?: boolean } = {},
) {
  const db = fakeDatabase(options.claimed ?? true);
  const update = jest.fn(options.update ?? (async () => ({})));
  const answers = new AnswersService(
    {
      config:
        options.configured === false
          ? undefined
          : {
              secret,
              acceptedSecrets: [secret],
              publicBaseUrl: 'http://127.0.0.1:3000',
              validFor: 'P6W',
            },
    },
    db.dataSource,
    { update } as unknown as TrajectoriesService,
  );
  return { answers, update, ...db };
}

async function refusal(promise: Promise<unknown>): Promise<{ reason: string; status: number }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AnswerRefusedException) {
      return { reason: error.reason, status: error.getStatus() };
    }
    throw error;
  }
  throw new Error('not refused');
}

describe(AnswersService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));
  it('gives a valid answer to the workflow once, under the token’s update id', async () => {
    const { answers, update, query, statements } = service();
    await expect(answers.answer(caseNumber, { token: token(), fitting: 'ja' })).resolves.toEqual({
      question: 'three-month-check',
    });
    expect(update).toHaveBeenCalledWith(
      caseNumber,
      'answerThreeMonthCheck',
      { fitting: true },
      `answer-${jti}`,
    );
    expect(statements).toEqual(['INSERT', 'UPDATE outcome']);
    expect(query.mock.calls[1]![1]).toEqual([jti, 'answered']);
  });

  it('gives a questionnaire rating with the moment of the token', async () => {
    const { answers, update } = service();
    await answers.answer(caseNumber, { token: token('questionnaire-end'), rating: '4' });
    expect(update).toHaveBeenCalledWith(
      caseNumber,
      'answerQuestionnaire',
      { moment: 'end', rating: 4 },
      `answer-${jti}`,
    );
  });

  it('gives the CJG and the coordinator their ratings too, when the form has them (004)', async () => {
    const { answers, update } = service();
    await answers.answer(caseNumber, {
      token: token('questionnaire-midway'),
      rating: '3',
      ratingCjg: '4',
      ratingCoordinator: 5,
    });
    expect(update).toHaveBeenCalledWith(
      caseNumber,
      'answerQuestionnaire',
      { moment: 'midway', rating: 3, ratingCjg: 4, ratingCoordinator: 5 },
      `answer-${jti}`,
    );
  });

  it('refuses a used token with 409 before the workflow is asked', async () => {
    const { answers, update } = service({ claimed: false });
    expect(await refusal(answers.answer(caseNumber, { token: token(), fitting: 'nee' }))).toEqual({
      reason: 'used',
      status: 409,
    });
    expect(update).not.toHaveBeenCalled();
  });

  it('keeps the token used when the workflow refuses: the question is closed (409)', async () => {
    const { answers, statements, query } = service({
      update: async () => {
        throw new ConflictException(['the 3-month check is not awaiting an answer']);
      },
    });
    expect(await refusal(answers.answer(caseNumber, { token: token(), fitting: true }))).toEqual({
      reason: 'closed',
      status: 409,
    });
    expect(statements).toEqual(['INSERT', 'UPDATE outcome']);
    expect(query.mock.calls[1]![1]).toEqual([jti, 'refused']);
  });

  it.each([
    [
      'when Temporal is away (503), so the client can try again',
      new ServiceError('Failed to update workflow'),
      { reason: 'unavailable', status: 503 },
    ],
    [
      'for an unknown case (404)',
      new NotFoundException('No trajectory with case number'),
      { reason: 'unknown-case', status: 404 },
    ],
  ])('frees the token %s', async (_when, failure, refused) => {
    const { answers, statements } = service({
      update: async () => {
        throw failure;
      },
    });
    expect(await refusal(answers.answer(caseNumber, { token: token(), fitting: true }))).toEqual(
      refused,
    );
    expect(statements).toEqual(['INSERT', 'DELETE']);
  });

  it('refuses a token of another case (403), an expired one (410) and a forged one (400) without using it', async () => {
    const { answers, query } = service();
    expect(
      await refusal(answers.answer('CJG-2026-000999', { token: token(), fitting: true })),
    ).toEqual({ reason: 'wrong-case', status: 403 });
    expect(
      await refusal(
        answers.answer(caseNumber, {
          token: token('three-month-check', { expiresAt: new Date(Date.now() - 1000) }),
          fitting: true,
        }),
      ),
    ).toEqual({ reason: 'expired', status: 410 });
    const forged = signAnswerToken(randomBytes(32), {
      caseNumber,
      question: 'three-month-check',
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(await refusal(answers.answer(caseNumber, { token: forged, fitting: true }))).toEqual({
      reason: 'invalid-link',
      status: 400,
    });
    expect(await refusal(answers.open('cjg-2026-000123', token()))).toEqual({
      reason: 'invalid-link',
      status: 400,
    });
    expect(query).not.toHaveBeenCalled();
  });

  it('shows the form again (400) for an answer that does not fit the question, without using the token', async () => {
    const { answers, query } = service();
    for (const form of [
      { token: token() },
      { token: token(), rating: 3 },
      { token: token('questionnaire-midway'), fitting: 'ja' as const },
    ]) {
      expect(await refusal(answers.answer(caseNumber, form))).toEqual({
        reason: 'invalid-answer',
        status: 400,
      });
    }
    expect(query).not.toHaveBeenCalled();
  });

  it('answers 503 when no secret is configured', async () => {
    const { answers } = service({ configured: false });
    expect(await refusal(answers.open(caseNumber, token()))).toEqual({
      reason: 'unavailable',
      status: 503,
    });
  });
});
