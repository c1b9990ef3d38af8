import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The checkout this code runs from, found by walking up to the project's package.json. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'cjg-toegang') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No cjg-toegang checkout above ${from}`);
    dir = parent;
  }
}

/** Pinned tools the project installs itself, cached here (ignored by git). */
export function toolchainDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CJG_TOOLCHAIN_DIR || path.join(repoRoot(), '.toolchain'));
}

/** State of the local stack: PostgreSQL cluster, Temporal's SQLite file, mail, logs. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CJG_DATA_DIR || path.join(repoRoot(), '.data'));
}
