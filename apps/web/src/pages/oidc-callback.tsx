import { useEffect, useState } from 'react';
import { finishOidcLogin } from '../auth/oidc';
import { useSession } from '../auth/session';
import { useRouter } from '../router';
import { Page } from '../ui/page';
import { Alert, Paragraph } from '../ui/ui';

/** Back from the identity provider: exchange the code (PKCE) and start the session. */
export function OidcCallbackPage() {
  const { settings, start } = useSession();
  const { navigate } = useRouter();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!settings?.oidc) return;
    finishOidcLogin(settings.oidc).then(
      (token) => {
        start(token);
        navigate('/', { replace: true });
      },
      () => setFailed(true),
    );
  }, [settings, start, navigate]);
  return (
    <Page title="Inloggen">
      {failed ? (
        <Alert type="error" title="Inloggen is niet gelukt.">
          <Paragraph>Probeer het opnieuw vanaf de startpagina.</Paragraph>
        </Alert>
      ) : (
        <Paragraph>Bezig met inloggen…</Paragraph>
      )}
    </Page>
  );
}
