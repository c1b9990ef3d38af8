import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { apiConfigFromEnv } from './config';

async function bootstrap(): Promise<void> {
  const config = apiConfigFromEnv();
  const json = process.env.LOG_FORMAT ? process.env.LOG_FORMAT === 'json' : !process.stdout.isTTY;
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger: new ConsoleLogger({ json, prefix: 'cjg-api' }),
  });
  configureApp(app);
  await app.listen(config.port, config.host);
  console.log(`api listening on http://${config.host}:${config.port} (OpenAPI at /docs)`);
}

bootstrap().catch((error: unknown) => {
  console.error('api cannot start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
