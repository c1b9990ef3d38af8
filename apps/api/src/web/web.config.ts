import { existsSync } from 'node:fs';
import path from 'node:path';

/** The werkplek (apps/web): where its build lives and how its users log in. */
export interface WebConfig {
  /** The folder with the app's build (`dist/web`), served at /app/; undefined: not built. */
  appDir?: string;
  /**
   * The OpenID Connect provider the app logs in with (authorization code with PKCE): its issuer
   * URL and the app's client id there. Undefined: no OIDC login offered.
   */
  oidc?: { authority: string; clientId: string; scope: string };
  /**
   * The local stack's private dev key (a JWK file): with it the API mints tokens for the app's
   * dev login (POST /auth/dev-login). Never set in production: the API refuses to start then.
   */
  devLoginKeyFile?: string;
  /** The Temporal Web UI, for the link from a case to its workflow; undefined: no link. */
  temporalUi?: { url: string; namespace: string };
}

/** Where a build of the app is found when WEB_APP_DIR is not set: next to the API's build. */
function defaultAppDir(): string | undefined {
  const candidates = [
    // dist/apps/api/src/web → dist/web
    path.resolve(__dirname, '../../../../web'),
    // apps/api/src/web (sources, tests) → dist/web
    path.resolve(__dirname, '../../../../dist/web'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
}

function httpsUrl(name: string, value: string, production: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && (production || url.protocol !== 'http:')) {
    throw new Error(`${name} must use https${production ? ' in production' : ''}: ${value}`);
  }
  return value.replace(/\/+$/, '');
}

/** Read once at boot; a bad value stops the API with a message naming the variable. */
export function webConfigFromEnv(env: NodeJS.ProcessEnv): WebConfig {
  const production = env.NODE_ENV === 'production';
  const config: WebConfig = {};
  const appDir = env.WEB_APP_DIR ? path.resolve(env.WEB_APP_DIR) : defaultAppDir();
  if (appDir) {
    if (!existsSync(path.join(appDir, 'index.html'))) {
      throw new Error(`WEB_APP_DIR ${appDir} has no index.html: build the app (npm run build)`);
    }
    config.appDir = appDir;
  }
  if (!env.OIDC_AUTHORITY !== !env.OIDC_CLIENT_ID) {
    throw new Error('Set OIDC_AUTHORITY and OIDC_CLIENT_ID together (the werkplek login)');
  }
  if (env.OIDC_AUTHORITY && env.OIDC_CLIENT_ID) {
    config.oidc = {
      authority: httpsUrl('OIDC_AUTHORITY', env.OIDC_AUTHORITY, production),
      clientId: env.OIDC_CLIENT_ID,
      scope: env.OIDC_SCOPE?.trim() || 'openid profile',
    };
  }
  if (env.DEV_LOGIN_KEY_FILE) {
    if (production) {
      throw new Error(
        'DEV_LOGIN_KEY_FILE is set while NODE_ENV=production: the dev login mints tokens for any role and is for the local stack only',
      );
    }
    if (!existsSync(env.DEV_LOGIN_KEY_FILE)) {
      throw new Error(`DEV_LOGIN_KEY_FILE ${env.DEV_LOGIN_KEY_FILE} does not exist`);
    }
    config.devLoginKeyFile = env.DEV_LOGIN_KEY_FILE;
  }
  if (env.TEMPORAL_UI_URL) {
    config.temporalUi = {
      url: httpsUrl('TEMPORAL_UI_URL', env.TEMPORAL_UI_URL, production),
      namespace: env.TEMPORAL_NAMESPACE || 'default',
    };
  }
  return config;
}
