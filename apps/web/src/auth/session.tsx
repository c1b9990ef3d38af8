import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { api, setAccessToken, type Schemas } from '../api/client';

export type Role = Schemas['DevLoginDto']['role'];
export type WebSettings = Schemas['WebSettingsDto'];

/** Who is logged in, as the token says (the API checks it; the app only shapes its menus). */
export interface Principal {
  sub: string;
  role: Role;
  municipalities: string[];
  agbCode?: string;
  organisationId?: string;
}

export interface Session {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  principal: Principal;
}

const STORAGE_KEY = 'cjg-werkplek-sessie';
const SCOPE_CLAIM = 'cjg_scope';

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Reads the claims of an access token (no check: the API verifies every call). */
export function sessionFromToken(accessToken: string): Session {
  const payload = JSON.parse(base64UrlDecode(accessToken.split('.')[1] ?? '')) as Record<
    string,
    unknown
  >;
  const raw = payload[SCOPE_CLAIM];
  const scope = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string'
      ? raw.split(' ').filter(Boolean)
      : [];
  const valueOf = (prefix: string) =>
    scope.filter((entry) => entry.startsWith(prefix)).map((entry) => entry.slice(prefix.length));
  const agbCode = valueOf('agb:')[0];
  const organisationId = valueOf('org:')[0];
  return {
    accessToken,
    expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : Date.now() + 3600_000,
    principal: {
      sub: String(payload.sub ?? ''),
      role: String(payload.role ?? '') as Role,
      municipalities: valueOf('municipality:'),
      ...(agbCode ? { agbCode } : {}),
      ...(organisationId ? { organisationId } : {}),
    },
  };
}

function stored(): Session | undefined {
  try {
    const text = sessionStorage.getItem(STORAGE_KEY);
    if (!text) return undefined;
    const session = JSON.parse(text) as Session;
    return session.expiresAt > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

interface SessionValue {
  session: Session | undefined;
  settings: WebSettings | undefined;
  /** Why the last session ended, for the login page. */
  endedBecause: string | undefined;
  start(accessToken: string): void;
  end(reason?: string): void;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

/** The logged-in user, kept in sessionStorage (gone when the tab closes). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(stored);
  const [settings, setSettings] = useState<WebSettings>();
  const [endedBecause, setEndedBecause] = useState<string>();

  const end = useCallback((reason?: string) => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(undefined);
    setEndedBecause(reason);
  }, []);
  const start = useCallback((accessToken: string) => {
    const next = sessionFromToken(accessToken);
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setEndedBecause(undefined);
    setSession(next);
  }, []);

  // Set synchronously, so that the first calls of a page already carry the token.
  setAccessToken(session?.accessToken, () => end('Uw sessie is verlopen. Log opnieuw in.'));

  useEffect(() => {
    let live = true;
    void api.GET('/auth/config').then(({ data }) => {
      if (live && data) setSettings(data);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(
      () => end('Uw sessie is verlopen. Log opnieuw in.'),
      Math.max(0, session.expiresAt - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [session, end]);

  const value = useMemo(
    () => ({ session, settings, endedBecause, start, end }),
    [session, settings, endedBecause, start, end],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in user; only for pages behind the login. */
export function usePrincipal(): Principal {
  const { session } = useSession();
  if (!session) throw new Error('usePrincipal without a session');
  return session.principal;
}
