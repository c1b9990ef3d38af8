import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withLettersDocSection } from '@cjg/notifications';
import { repoRoot } from './stack/paths';

/**
 * Writes every letter kind, rendered from templates/examples.ts, into docs/letters.md (between
 * its letters:begin and letters:end lines), so the documentation shows what is sent and cannot
 * drift: letters-doc.spec.ts fails when the file differs from what this writes.
 */
async function main(): Promise<void> {
  const file = path.join(repoRoot(), 'docs', 'letters.md');
  await writeFile(file, withLettersDocSection(await readFile(file, 'utf8')));
  console.log(`Letters written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
