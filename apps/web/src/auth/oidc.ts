import type { WebSettings } from './session';

/** Where the identity provider sends the user back (a page of the app). */
export const CALLBACK_PATH = '/inloggen/terug';

type OidcSettings = NonNullable<WebSettings['oidc']>;

async function userManager(oidc: OidcSettings) {
  // Loaded only when someone logs in with OIDC: the werkbak does not pay for it.
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  // Everything of the login (the PKCE verifier on the way out, the tokens after) lives in this
  // tab only, and is gone when the tab closes, like the session itself.
  const store = new WebStorageStateStore({ store: window.sessionStorage });
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    redirect_uri: `${window.location.origin}/app${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${window.location.origin}/app/`,
    response_type: 'code',
    scope: oidc.scope,
    userStore: store,
    stateStore: store,
  });
}

/**
 * Authorization code with PKCE: off to the identity provider. `returnTo` (a path in the app, with
 * its query) is where the user comes back to: the page they opened, such as a link to a case.
 */
export async function startOidcLogin(oidc: OidcSettings, returnTo: string): Promise<void> {
  await (await userManager(oidc)).signinRedirect({ state: { returnTo } });
}

/** Only a path inside the app, and never the callback itself. */
function returnPath(state: unknown): string {
  const returnTo = (state as { returnTo?: unknown } | undefined)?.returnTo;
  return typeof returnTo === 'string' &&
    returnTo.startsWith('/') &&
    !returnTo.startsWith('//') &&
    !returnTo.startsWith(CALLBACK_PATH)
    ? returnTo
    : '/';
}

let finishing:
  { url: string; result: Promise<{ accessToken: string; returnTo: string }> } | undefined;

/**
 * Back from the identity provider: the access token of the code exchange (one exchange per
 * callback address, also when the page asks twice), and the path to go back to.
 */
export function finishOidcLogin(
  oidc: OidcSettings,
): Promise<{ accessToken: string; returnTo: string }> {
  const url = window.location.href;
  if (finishing?.url !== url) {
    const result = userManager(oidc)
      .then((manager) => manager.signinRedirectCallback(url))
      .then((user) => ({ accessToken: user.access_token, returnTo: returnPath(user.state) }));
    finishing = { url, result };
  }
  return finishing.result;
}

/**
 * Uitloggen: also at the identity provider (RP-initiated logout, back to /app/), so that the
 * next person at this computer has to log in again. Nothing to do after a dev login; when the
 * provider has no logout endpoint, the session here has ended all the same.
 */
export async function endOidcSession(oidc: OidcSettings): Promise<void> {
  const manager = await userManager(oidc).catch(() => undefined);
  if (!manager || !(await manager.getUser())) return;
  try {
    await manager.signoutRedirect();
  } catch {
    await manager.removeUser();
  }
}
