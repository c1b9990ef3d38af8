import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../apps/api/src/app.module';
import { openApiDocument } from '../apps/api/src/app.setup';
import { repoRoot } from './stack/paths';

/**
 * Writes the API's OpenAPI document to docs/openapi.json without a database or Temporal: the
 * app is built in preview mode, which reads the routes and schemas but creates no providers.
 */
async function main(): Promise<void> {
  // Any key will do: nothing is verified in preview mode.
  process.env.AUTH_PUBLIC_KEY = '{}';
  const app = await NestFactory.create(AppModule.forRoot(), { preview: true, logger: false });
  const file = path.join(repoRoot(), 'docs', 'openapi.json');
  await writeFile(file, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  await app.close();
  console.log(`OpenAPI document written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
