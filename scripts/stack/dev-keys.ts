import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

/**
 * Must match apps/api/src/auth/auth.config.ts: the dev issuer, the API's audience and the claim
 * that carries the data scope (AUTH_SCOPE_CLAIM's default).
 */
export const DEV_ISSUER = 'cjg-toegang-dev';
export const DEV_AUDIENCE = 'cjg-toegang-api';
export const DEV_SCOPE_CLAIM = 'cjg_scope';

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

export interface DevTokenRequest {
  role: 'coordinator' | 'team-lead' | 'provider' | 'ops' | 'veilig-thuis' | 'gi';
  sub: string;
  /** municipality:<code>, agb:<code> and org:<id> entries: the data scope claim (`cjg_scope`). */
  dataScope?: string[];
  /** The OAuth `scope` (space-separated), as a client may ask for it; it gives no data scope. */
  oauthScope?: string;
  /** Lifetime in seconds; negative makes an already expired token (for tests). */
  ttlSeconds?: number;
  audience?: string;
  issuer?: string;
  /** The header's `typ`; `at+jwt` (an access token, RFC 9068) unless a test wants another. */
  typ?: string;
  /** More claims, for tests (an ID token's `nonce`, an `azp`). */
  claims?: Record<string, unknown>;
}

/**
 * An access token as the identity provider would issue it, signed with the dev key: `typ`
 * `at+jwt`, the role in `role` and the data scope in `cjg_scope`.
 */
export async function mintDevToken(
  privateKeyFile: string,
  request: DevTokenRequest,
): Promise<string> {
  const jwk = JSON.parse(await readFile(privateKeyFile, 'utf8')) as JWK;
  const key = await importJWK(jwk, 'ES256');
  const now = Math.floor(Date.now() / 1000);
  const ttl = request.ttlSeconds ?? 8 * 3600;
  return new SignJWT({
    ...request.claims,
    role: request.role,
    [DEV_SCOPE_CLAIM]: request.dataScope ?? [],
    ...(request.oauthScope !== undefined ? { scope: request.oauthScope } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid, typ: request.typ ?? 'at+jwt' })
    .setSubject(request.sub)
    .setIssuer(request.issuer ?? DEV_ISSUER)
    .setAudience(request.audience ?? DEV_AUDIENCE)
    .setIssuedAt(ttl < 0 ? now + ttl - 60 : now)
    .setExpirationTime(now + ttl)
    .sign(key);
}
