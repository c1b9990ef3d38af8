import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';

export { DEV_AUDIENCE, DEV_ISSUER, DEV_SCOPE_CLAIM } from '../../apps/api/src/auth/dev-token';

export interface DevKeyFiles {
  privateKeyFile: string;
  publicKeyFile: string;
}

export function devKeyFiles(dataDir: string): DevKeyFiles {
  const dir = path.join(dataDir, 'dev-keys');
  return {
    privateKeyFile: path.join(dir, 'private.jwk.json'),
    publicKeyFile: path.join(dir, 'public.jwk.json'),
  };
}

/**
 * The local stack's signing key (ES256), made once per data folder. It stands in for the
 * identity provider of a real deployment: the API trusts its public half, `npm run token` signs
 * with its private half. Never use it outside a laptop or a test.
 */
export async function ensureDevKeys(dataDir: string): Promise<DevKeyFiles> {
  const files = devKeyFiles(dataDir);
  if (existsSync(files.privateKeyFile) && existsSync(files.publicKeyFile)) return files;
  await mkdir(path.dirname(files.privateKeyFile), { recursive: true });
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `dev-${new Date().toISOString().slice(0, 10)}`;
  const meta = { kid, alg: 'ES256', use: 'sig' };
  await writeFile(
    files.privateKeyFile,
    JSON.stringify({ ...(await exportJWK(privateKey)), ...meta }),
    { mode: 0o600 },
  );
  await chmod(files.privateKeyFile, 0o600);
  await writeFile(
    files.publicKeyFile,
    JSON.stringify({ ...(await exportJWK(publicKey)), ...meta }),
  );
  return files;
}

/**
 * The local stack's secret for client answer links (ANSWER_TOKEN_SECRET), made once per data
 * folder so that links in letters already caught by MailDev keep working after a restart.
 * Returns it as hex.
 */
export async function ensureAnswerTokenSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'dev-keys', 'answer-token.secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return secret;
}

/** Where {@link ensurePayloadKeysFile} keeps the local stack's payload key. */
export function payloadKeysFile(dataDir: string): string {
  return path.join(dataDir, 'dev-keys', 'payload.keys');
}

/**
 * The local stack's payload key (TEMPORAL_PAYLOAD_KEYS_FILE): one AES-256 key, made once per data
 * folder so that the histories in `.data/temporal` stay readable after a restart. The stack
 * encrypts payloads like a deployment does, and the Web UI decodes them through the dev codec
 * proxy (dev-codec-proxy.ts). Returns the file.
 */
export async function ensurePayloadKeysFile(dataDir: string): Promise<string> {
  const file = payloadKeysFile(dataDir);
  if (existsSync(file)) return file;
  await mkdir(path.dirname(file), { recursive: true });
  const id = `dev-${new Date().toISOString().slice(0, 10)}`;
  await writeFile(
    file,
    `# The local stack's payload key (id:base64), made by npm start. Never use it elsewhere.\n` +
      `${id}:${randomBytes(32).toString('base64')}\n`,
    { mode: 0o600 },
  );
  await chmod(file, 0o600);
  return file;
}

export { mintDevToken, type DevTokenRequest } from '../../apps/api/src/auth/dev-token';
