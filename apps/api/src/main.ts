import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { PinoLoggerService, rootLogger } from './common/logger';
import { API_CONFIG, type ApiConfig } from './config';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), {
    bufferLogs: true,
    // configureApp installs the JSON parser with BODY_LIMIT; no default parsers besides it.
    bodyParser: false,
    // A bad setting rejects the configuration at boot: answered below, not with a core dump.
    abortOnError: false,
  });
  const config = app.get<ApiConfig>(API_CONFIG);
  const logger = new PinoLoggerService(rootLogger(config.log));
  app.useLogger(logger);
  configureApp(app, config.http, undefined, config.web);
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
  // Before the configuration is read (a bad setting) the logger has its defaults.
  rootLogger().fatal({ context: 'Bootstrap' }, `api cannot start: ${message}`);
  process.exit(1);
});
