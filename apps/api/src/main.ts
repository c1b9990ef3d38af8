import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { PinoLoggerService, rootLogger } from './common/logger';
import { apiConfigFromEnv } from './config';

async function bootstrap(): Promise<void> {
  const logger = new PinoLoggerService(rootLogger());
  const config = apiConfigFromEnv();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    // configureApp installs the JSON parser with BODY_LIMIT; no default parsers besides it.
    bodyParser: false,
  });
  app.useLogger(logger);
  configureApp(app, config.http);
  await app.listen(config.port, config.host);
  const docs = {
    public: 'OpenAPI at /docs',
    token: 'OpenAPI at /docs with a token',
    off: 'no /docs',
  };
  logger.log(
    `api listening on http://${config.host}:${config.port} (${docs[config.http.apiDocs]})`,
    'Bootstrap',
  );
}

bootstrap().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  try {
    rootLogger().fatal({ context: 'Bootstrap' }, `api cannot start: ${message}`);
  } catch {
    // LOG_LEVEL or LOG_FORMAT itself is wrong: no logger to say so.
    console.error(`api cannot start: ${message}`);
  }
  process.exit(1);
});
