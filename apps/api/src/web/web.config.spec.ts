import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { webConfigFromEnv } from './web.config';

describe('webConfigFromEnv', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'web-config-'));
  const keyFile = path.join(dir, 'private.jwk.json');
  writeFileSync(keyFile, '{}');
  writeFileSync(path.join(dir, 'index.html'), '<div id="root"></div>');

  it('offers the dev login with the stack key, and refuses to start with it in production', () => {
    expect(webConfigFromEnv({ DEV_LOGIN_KEY_FILE: keyFile }).devLoginKeyFile).toBe(keyFile);
    expect(() => webConfigFromEnv({ DEV_LOGIN_KEY_FILE: keyFile, NODE_ENV: 'production' })).toThrow(
      /DEV_LOGIN_KEY_FILE is set while NODE_ENV=production/,
    );
    expect(() => webConfigFromEnv({ DEV_LOGIN_KEY_FILE: path.join(dir, 'missing') })).toThrow(
      /does not exist/,
    );
    expect(webConfigFromEnv({}).devLoginKeyFile).toBeUndefined();
  });

  it('takes the OIDC provider with its client id, https in production', () => {
    expect(
      webConfigFromEnv({
        OIDC_AUTHORITY: 'https://login.example/realms/cjg/',
        OIDC_CLIENT_ID: 'werkplek',
        NODE_ENV: 'production',
      }).oidc,
    ).toEqual({
      authority: 'https://login.example/realms/cjg',
      clientId: 'werkplek',
      scope: 'openid profile',
    });
    expect(() => webConfigFromEnv({ OIDC_AUTHORITY: 'https://login.example' })).toThrow(/together/);
    expect(() =>
      webConfigFromEnv({
        OIDC_AUTHORITY: 'http://login.example',
        OIDC_CLIENT_ID: 'werkplek',
        NODE_ENV: 'production',
      }),
    ).toThrow(/https in production/);
  });

  it('serves a build folder only when it has the app', () => {
    expect(webConfigFromEnv({ WEB_APP_DIR: dir }).appDir).toBe(dir);
    expect(() => webConfigFromEnv({ WEB_APP_DIR: os.tmpdir() })).toThrow(/no index.html/);
  });

  it('links to the Temporal Web UI in the configured namespace', () => {
    expect(
      webConfigFromEnv({ TEMPORAL_UI_URL: 'http://127.0.0.1:8233/', TEMPORAL_NAMESPACE: 'cjg' })
        .temporalUi,
    ).toEqual({ url: 'http://127.0.0.1:8233', namespace: 'cjg' });
  });
});
