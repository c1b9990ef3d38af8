// The local stack's codec endpoint for the Temporal dev server's Web UI. That UI has no login, so
// it cannot pass a user's access token to the API's codec server (/codec/*); this proxy, on
// 127.0.0.1 only, adds an ops token signed with the stack's dev key and forwards the call, so ops
// read decrypted payloads in the local UI too. It refuses to run with NODE_ENV=production: a
// deployed UI has its own login and passes the user's token (docs/operations.md).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { mintDevToken } from './dev-keys';

export interface DevCodecProxyOptions {
  /** The API, e.g. http://127.0.0.1:3000: calls go to its /codec/decode and /codec/encode. */
  apiUrl: string;
  /** The Web UI's origins, e.g. http://127.0.0.1:8233: the only ones a browser may call from. */
  uiOrigins: readonly string[];
  /** The stack's dev signing key (.data/dev-keys/private.jwk.json). */
  devKeyFile: string;
  /** The port this proxy listens on (127.0.0.1), for the Host check. */
  port: number;
  env?: NodeJS.ProcessEnv;
}

/** The subject of the dev ops token: the audit trail shows decodes from the local UI as this. */
export const DEV_UI_SUBJECT = 'ops-dev-ui';

const TOKEN_TTL_SECONDS = 3600;
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const ALLOWED_HEADERS = 'Content-Type, X-Namespace';

/** The proxy as an HTTP server, not yet listening (the stack and the tests listen on it). */
export function createDevCodecProxy(options: DevCodecProxyOptions): Server {
  if ((options.env ?? process.env).NODE_ENV === 'production') {
    throw new Error(
      'the dev codec proxy does not run with NODE_ENV=production: a deployed Temporal UI passes ' +
        "the user's own access token to the API's /codec (docs/operations.md)",
    );
  }
  const hosts = new Set([`127.0.0.1:${options.port}`, `localhost:${options.port}`]);
  let token: { value: string; renewAt: number } | undefined;
  const opsToken = async () => {
    if (!token || Date.now() > token.renewAt) {
      const value = await mintDevToken(options.devKeyFile, {
        role: 'ops',
        sub: DEV_UI_SUBJECT,
        ttlSeconds: TOKEN_TTL_SECONDS,
      });
      token = { value, renewAt: Date.now() + (TOKEN_TTL_SECONDS - 300) * 1000 };
    }
    return token.value;
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      answer(res, 502, { message: `codec proxy: ${(error as Error).message}` });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Loopback callers only, addressing this proxy by a loopback name (no DNS rebinding), from
    // the UI's page or without a browser (the CLI, curl).
    const remote = req.socket.remoteAddress ?? '';
    const origin = req.headers.origin;
    if (!isLoopback(remote) || !hosts.has(req.headers.host ?? '')) {
      return answer(res, 403, { message: 'the dev codec proxy answers on 127.0.0.1 only' });
    }
    if (origin !== undefined && !options.uiOrigins.includes(origin)) {
      return answer(res, 403, { message: `origin ${origin} may not use the dev codec proxy` });
    }
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.writeHead(204).end();
      return;
    }
    // Temporal's codec protocol: only the last path segment says which operation.
    const operation = new URL(req.url ?? '/', 'http://proxy').pathname.split('/').pop();
    if (req.method !== 'POST' || (operation !== 'decode' && operation !== 'encode')) {
      return answer(res, 404, { message: 'POST …/decode or …/encode' });
    }
    const body = await readBody(req);
    if (!body) return answer(res, 413, { message: 'body too large for the dev codec proxy' });
    const namespace = req.headers['x-namespace'];
    const upstream = await fetch(`${options.apiUrl}/codec/${operation}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await opsToken()}`,
        'content-type': 'application/json',
        ...(typeof namespace === 'string' ? { 'x-namespace': namespace } : {}),
      },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    res.writeHead(upstream.status, { 'content-type': 'application/json' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  }
}

/** Starts the proxy on 127.0.0.1 (the stack runs this file as its own process). */
export async function listenDevCodecProxy(options: DevCodecProxyOptions): Promise<Server> {
  const server = createDevCodecProxy(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return server;
}

function isLoopback(address: string): boolean {
  const bare = address.replace(/^::ffff:/, '');
  return isIP(bare) !== 0 && (bare === '::1' || bare.startsWith('127.'));
}

function answer(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The request body; `undefined` when it exceeds MAX_BODY_BYTES. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

if (require.main === module) {
  const env = process.env;
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  (async () => {
    const port = Number(required('CODEC_PROXY_PORT'));
    const options = {
      apiUrl: required('CODEC_PROXY_API_URL'),
      uiOrigins: required('CODEC_PROXY_UI_ORIGINS').split(','),
      devKeyFile: required('CODEC_PROXY_DEV_KEY_FILE'),
      port,
      env,
    };
    await listenDevCodecProxy(options);
    console.log(
      `dev codec proxy on http://127.0.0.1:${port} for ${options.uiOrigins.join(' and ')}, forwarding to ${options.apiUrl}/codec as ${DEV_UI_SUBJECT}`,
    );
  })().catch((error: unknown) => {
    console.error(`dev codec proxy cannot start: ${(error as Error).message}`);
    process.exit(1);
  });
}
