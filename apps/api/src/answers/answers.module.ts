import { Logger, Module } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config';
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
      inject: [API_CONFIG],
      useFactory: ({ answerLinks: config }: ApiConfig): AnswerLinkSettings => {
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
