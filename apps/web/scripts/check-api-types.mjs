// Fails when src/api/schema.d.ts is not what openapi-typescript makes of docs/openapi.json: the
// app's typed client must follow the API (`npm run openapi` at the root writes both).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const generated = path.join(mkdtempSync(path.join(os.tmpdir(), 'api-types-')), 'schema.d.ts');
execFileSync(
  process.execPath,
  [
    path.join(here, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
    path.join(here, '..', '..', 'docs', 'openapi.json'),
    '-o',
    generated,
  ],
  { stdio: 'ignore' },
);
if (
  readFileSync(generated, 'utf8') !== readFileSync(path.join(here, 'src/api/schema.d.ts'), 'utf8')
) {
  console.error(
    'apps/web/src/api/schema.d.ts does not match docs/openapi.json: run `npm run openapi` at the root, then make the app follow the API.',
  );
  process.exit(1);
}
