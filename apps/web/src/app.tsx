import { Suspense, type ReactNode } from 'react';
import { CALLBACK_PATH, endOidcSession } from './auth/oidc';
import { SessionProvider, useSession, type Principal } from './auth/session';
import { caseArea } from './pages/case';
import { coordinatorArea } from './pages/coordinator';
import { LoginPage } from './pages/login';
import { partnersArea } from './pages/partners';
import { providerArea } from './pages/provider';
import { teamLeadArea } from './pages/team-lead';
import { OidcCallbackPage } from './pages/oidc-callback';
import { Link, matchPath, RouterProvider, useRouter } from './router';
import type { Area, RouteDef } from './routes';
import { ROLES } from './texts/labels';
import { Loading, Page } from './ui/page';
import { Button, Paragraph } from './ui/ui';

/** Every area of the app; a route's roles decide who opens it (the API decides what it shows). */
const AREAS: readonly Area[] = [
  coordinatorArea,
  providerArea,
  teamLeadArea,
  partnersArea,
  caseArea,
];

function findRoute(
  path: string,
  principal: Principal,
): { route: RouteDef; params: Record<string, string> } | undefined {
  for (const area of AREAS) {
    for (const route of area.routes) {
      if (!route.roles.includes(principal.role)) continue;
      const params = matchPath(route.path, path);
      if (params) return { route, params };
    }
  }
  return undefined;
}

function Layout({ principal, children }: { principal?: Principal; children: ReactNode }) {
  const { end, settings } = useSession();
  const { path } = useRouter();
  const logOut = () => {
    end('U bent uitgelogd.');
    // After an OIDC login: at the identity provider too (it sends the browser back to /app/).
    if (settings?.oidc) void endOidcSession(settings.oidc);
  };
  const menu = principal
    ? AREAS.flatMap((area) => area.menu).filter((item) => item.roles.includes(principal.role))
    : [];
  return (
    <div className="utrecht-document utrecht-page werkplek">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="utrecht-page-header werkplek-header">
        <p className="werkplek-brand">Werkplek CJG toegang</p>
        {principal && (
          <div className="werkplek-user">
            <span>
              {ROLES[principal.role]} · {principal.sub}
            </span>
            <Button appearance="subtle" onClick={logOut}>
              Uitloggen
            </Button>
          </div>
        )}
      </header>
      {menu.length > 0 && (
        <nav className="werkplek-nav" aria-label="Hoofdmenu">
          <ul className="werkplek-nav__list">
            {menu.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={item.to === path ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="inhoud" className="utrecht-page-content werkplek-main">
        {children}
      </main>
    </div>
  );
}

function Pages() {
  const { session } = useSession();
  const { path } = useRouter();
  if (path === CALLBACK_PATH) {
    return (
      <Layout>
        <OidcCallbackPage />
      </Layout>
    );
  }
  if (!session) {
    return (
      <Layout>
        <LoginPage />
      </Layout>
    );
  }
  const found = findRoute(path, session.principal);
  return (
    <Layout principal={session.principal}>
      <Suspense fallback={<Loading what="De pagina" />}>
        {found ? (
          found.route.render(found.params, session.principal)
        ) : (
          <Page title="Niet gevonden">
            <Paragraph>
              Deze pagina bestaat niet, of is er niet voor uw rol.{' '}
              <Link to="/">Naar de startpagina</Link>
            </Paragraph>
          </Page>
        )}
      </Suspense>
    </Layout>
  );
}

export function App() {
  return (
    <RouterProvider>
      <SessionProvider>
        <Pages />
      </SessionProvider>
    </RouterProvider>
  );
}
