import { Logger, Module } from '@nestjs/common';
import { answerLinkConfigFromEnv } from '@cjg/notifications';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { AnswerPageFilter } from './answer-page.filter';
import { AnswersController } from './answers.controller';
import { ANSWER_LINKS, AnswersService, type AnswerLinkSettings } from './answers.service';

/**
 * Client answers through the signed link in a letter (docs/client-answers.md). The secrets are
 * read once at boot (ANSWER_TOKEN_SECRET(S)); a bad one stops the API.
 */
@Module({
  imports: [TrajectoriesModule],
  controllers: [AnswersController],
  providers: [
    AnswersService,
    AnswerPageFilter,
    {
      provide: ANSWER_LINKS,
      useFactory: (): AnswerLinkSettings => {
        const config = answerLinkConfigFromEnv(process.env);
        if (!config) {
          new Logger('Answers').warn(
            'ANSWER_TOKEN_SECRET is not set: client answer links are refused (503)',
          );
        }
        return { config };
      },
    },
  ],
})
export class AnswersModule {}
