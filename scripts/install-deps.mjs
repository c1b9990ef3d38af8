// Installs the npm packages when node_modules is missing or older than the lock file.
// `npm ci` first (exactly the lock file); when the lock cannot be used as it is, `npm install`.
// The lock can lack other platforms' optional packages (e.g. @swc/core-darwin-arm64) when it was
// written against a registry that does not serve them; npm ci then refuses it, npm install
// completes it.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The npm packages of the project and of the werkplek (apps/web, its own package and lock). */
export function ensureDependencies(root, tag) {
  ensurePackages(root, tag);
  ensurePackages(path.join(root, 'apps', 'web'), tag);
}

function ensurePackages(root, tag) {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log(`[${tag}] installing npm packages in ${root} (npm ci)…`);
  const options = { cwd: root, stdio: 'inherit' };
  if (spawnSync(npm, ['ci', '--no-audit', '--no-fund'], options).status === 0) return;
  console.log(`[${tag}] npm ci could not use the lock file as it is; running npm install instead…`);
  const install = spawnSync(npm, ['install', '--no-audit', '--no-fund'], options);
  if (install.status !== 0) {
    console.error(`[${tag}] npm install failed (exit ${install.status}); see the output above.`);
    process.exit(install.status || 1);
  }
}
