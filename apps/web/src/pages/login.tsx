import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { startOidcLogin } from '../auth/oidc';
import { useSession, type Role, type WebSettings } from '../auth/session';
import { useRouter } from '../router';
import { ROLES } from '../texts/labels';
import { RefusalMessage, useSubmission } from '../ui/forms';
import { Page } from '../ui/page';
import { Alert, Button, Fieldset, Paragraph, SelectField, TextField } from '../ui/ui';

const ROLE_OPTIONS = (Object.keys(ROLES) as Role[]).map((role) => ({
  value: role,
  label: ROLES[role],
}));

/** Which scope a role works in: the field the dev login asks for. */
function scopeFieldOf(role: Role): 'municipalities' | 'agbCode' | 'organisationId' | undefined {
  if (role === 'coordinator' || role === 'team-lead') return 'municipalities';
  if (role === 'provider') return 'agbCode';
  if (role === 'veilig-thuis' || role === 'gi') return 'organisationId';
  return undefined;
}

export function LoginPage() {
  const { settings, start, endedBecause } = useSession();
  const [role, setRole] = useState<Role>('coordinator');
  const [sub, setSub] = useState('');
  const [scope, setScope] = useState('');
  const login = useSubmission<{ accessToken: string }>();
  const scopeField = scopeFieldOf(role);
  const { path, query } = useRouter();
  const [oidcUnreachable, setOidcUnreachable] = useState(false);

  // Off to the identity provider; back on this page (a link to a case stays a link to a case).
  const oidcLogin = (oidc: NonNullable<WebSettings['oidc']>) => {
    setOidcUnreachable(false);
    const search = query.toString();
    startOidcLogin(oidc, `${path}${search ? `?${search}` : ''}`).catch(() =>
      setOidcUnreachable(true),
    );
  };

  const devLogin = async (event: FormEvent) => {
    event.preventDefault();
    const values = scope.split(/[\s,]+/).filter(Boolean);
    const body = {
      role,
      sub: sub.trim(),
      ...(scopeField === 'municipalities' ? { municipalities: values } : {}),
      ...(scopeField === 'agbCode' ? { agbCode: values[0] ?? '' } : {}),
      ...(scopeField === 'organisationId' ? { organisationId: values[0] ?? '' } : {}),
    };
    const result = await login.submit(() => api.POST('/auth/dev-login', { body }));
    if (result) start(result.accessToken);
  };

  return (
    <Page title="Inloggen">
      {endedBecause && <Alert type="info">{endedBecause}</Alert>}
      {settings?.oidc && (
        <section aria-labelledby="oidc-kop">
          <h2 id="oidc-kop" className="utrecht-heading-2">
            Inloggen met uw organisatieaccount
          </h2>
          {oidcUnreachable && (
            <Alert type="error" title="De inlogdienst is niet bereikbaar.">
              <Paragraph>
                De inlogdienst van uw organisatie antwoordt nu niet. Probeer het over een paar
                minuten opnieuw. Lukt het dan nog niet? Neem contact op met beheer.
              </Paragraph>
            </Alert>
          )}
          <Button appearance="primary" onClick={() => oidcLogin(settings.oidc!)}>
            Inloggen
          </Button>
        </section>
      )}
      {settings?.devLogin && (
        <section aria-labelledby="dev-kop">
          <h2 id="dev-kop" className="utrecht-heading-2">
            Ontwikkel-login (alleen lokaal)
          </h2>
          <Paragraph>
            Kies een rol en het gebied waarin u werkt. De lokale omgeving maakt er een token voor;
            in productie bestaat deze login niet.
          </Paragraph>
          <RefusalMessage
            refusal={login.refusal}
            labels={{
              sub: 'Gebruikersnaam',
              municipalities: 'Gemeentecodes',
              agbCode: 'AGB-code',
              organisationId: 'Organisatie',
            }}
          />
          <form onSubmit={(event) => void devLogin(event)} noValidate>
            <Fieldset legend="Inloggen als">
              <SelectField
                label="Rol"
                name="role"
                options={ROLE_OPTIONS}
                value={role}
                onChange={(event) => setRole(event.target.value as Role)}
              />
              <TextField
                label="Gebruikersnaam"
                name="sub"
                description="Uw id, bijvoorbeeld coord-anna"
                autoComplete="username"
                value={sub}
                error={login.fieldError('sub')}
                onChange={(event) => setSub(event.target.value)}
                required
              />
              {scopeField && (
                <TextField
                  key={scopeField}
                  label={
                    scopeField === 'municipalities'
                      ? 'Gemeentecodes'
                      : scopeField === 'agbCode'
                        ? 'AGB-code'
                        : 'Organisatie'
                  }
                  name={scopeField}
                  description={
                    scopeField === 'municipalities'
                      ? 'CBS-codes, gescheiden door een komma, bijvoorbeeld 0957'
                      : scopeField === 'agbCode'
                        ? 'Acht cijfers'
                        : 'Het id van uw organisatie, bijvoorbeeld vt-limburg'
                  }
                  value={scope}
                  error={login.fieldError(scopeField)}
                  onChange={(event) => setScope(event.target.value)}
                  required
                />
              )}
            </Fieldset>
            <Button appearance="primary" type="submit" busy={login.busy}>
              Inloggen
            </Button>
          </form>
        </section>
      )}
      {settings && !settings.oidc && !settings.devLogin && (
        <Alert type="warning">
          Er is geen inlogmethode ingesteld. Vraag beheer om OIDC_AUTHORITY en OIDC_CLIENT_ID in te
          stellen.
        </Alert>
      )}
    </Page>
  );
}
