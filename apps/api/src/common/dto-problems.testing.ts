/** For tests of DTOs: what a client is told about a body, as the global ValidationPipe checks it. */
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { splitCode } from './validation';

/**
 * The messages by property path (`plan.results.0.id`), without the code a rule of our own gives
 * with them; `{}` for a body that passes.
 */
export async function problems(
  dto: new () => object,
  body: unknown,
): Promise<Record<string, string[]>> {
  const errors = await validate(plainToInstance(dto, body) as object, {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  const out: Record<string, string[]> = {};
  const walk = (list: ValidationError[], prefix: string) => {
    for (const e of list) {
      const path = prefix + e.property;
      if (e.constraints)
        out[path] = Object.values(e.constraints)
          .map((message) => splitCode(message).message)
          .sort();
      walk(e.children ?? [], `${path}.`);
    }
  };
  walk(errors, '');
  return out;
}
