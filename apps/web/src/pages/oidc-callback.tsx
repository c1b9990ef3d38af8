import { useEffect, useState } from 'react';
import { finishOidcLogin } from '../auth/oidc';
import { sessionFromToken, useSession } from '../auth/session';
import { Link, useRouter } from '../router';
import { ROLES } from '../texts/labels';
import { Page } from '../ui/page';
import { Alert, Paragraph } from '../ui/ui';

/**
 * Back from the identity provider: exchange the code (PKCE), check that the access token gives a
 * role in the werkplek, start the session and go back to the page the user had opened.
 */
export function OidcCallbackPage() {
  const { settings, start } = useSession();
  const { navigate } = useRouter();
  const [failure, setFailure] = useState<'no-role' | 'failed'>();
  useEffect(() => {
    if (!settings?.oidc) return;
    finishOidcLogin(settings.oidc)
      .then(({ accessToken, returnTo }) => {
        // Throws for a token that is not a JWT (an identity provider set up without the API).
        const { principal } = sessionFromToken(accessToken);
        if (!Object.hasOwn(ROLES, principal.role)) {
          setFailure('no-role');
          return;
        }
        start(accessToken);
        navigate(returnTo, { replace: true });
      })
      .catch(() => setFailure('failed'));
  }, [settings, start, navigate]);
  return (
    <Page title="Inloggen">
      {failure === 'no-role' && (
        <Alert type="error" title="U kunt de werkplek niet gebruiken.">
          <Paragraph>
            U bent ingelogd bij uw organisatie, maar uw account heeft geen rol in de werkplek. Vraag
            beheer om uw account een rol te geven.
          </Paragraph>
          <Paragraph>
            <Link to="/">Naar de startpagina</Link>
          </Paragraph>
        </Alert>
      )}
      {failure === 'failed' && (
        <Alert type="error" title="Inloggen is niet gelukt.">
          <Paragraph>
            Probeer het opnieuw vanaf de startpagina. <Link to="/">Naar de startpagina</Link>
          </Paragraph>
        </Alert>
      )}
      {!failure && <Paragraph>Bezig met inloggen…</Paragraph>}
    </Page>
  );
}
