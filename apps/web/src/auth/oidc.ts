import type { WebSettings } from './session';

/** Where the identity provider sends the user back (a page of the app). */
export const CALLBACK_PATH = '/inloggen/terug';

async function userManager(oidc: NonNullable<WebSettings['oidc']>) {
  // Loaded only when someone logs in with OIDC: the werkbak does not pay for it.
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    redirect_uri: `${window.location.origin}/app${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${window.location.origin}/app/`,
    response_type: 'code',
    scope: oidc.scope,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Authorization code with PKCE: off to the identity provider. */
export async function startOidcLogin(oidc: NonNullable<WebSettings['oidc']>): Promise<void> {
  await (await userManager(oidc)).signinRedirect();
}

/** Back from the identity provider: the access token of the code exchange. */
export async function finishOidcLogin(oidc: NonNullable<WebSettings['oidc']>): Promise<string> {
  const user = await (await userManager(oidc)).signinRedirectCallback();
  return user.access_token;
}
