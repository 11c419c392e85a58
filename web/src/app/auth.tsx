/**
 * Who is signed in. Loads /api/auth/me once, keeps the CSRF token with the API
 * client, and drops to "signed out" when any call answers 401 — the guard then
 * sends the user to the login page and back to where they were afterwards.
 * When the server says the session is restricted (password change or TOTP
 * setup first), the user is reloaded so the guard can show that step.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setCsrfToken, setRestrictedHandler, setUnauthenticatedHandler } from './api';
import type { Action, Me, Session } from './types';

type AuthState =
  | { status: 'loading' }
  /** `expired`: a call answered 401 while signed in; `loggedOut`: the user chose to leave. */
  | { status: 'signedOut'; reason: 'none' | 'expired' | 'loggedOut' }
  | { status: 'signedIn'; user: Me };

export interface Credentials {
  username: string;
  password: string;
  totpCode?: string | undefined;
}

interface AuthValue {
  state: AuthState;
  login(credentials: Credentials): Promise<Me>;
  logout(): Promise<void>;
  /** Reloads the user (after a password change or enabling TOTP lifts a restriction). */
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const session = await api.get<Session>('/api/auth/me');
      setCsrfToken(session.csrfToken);
      setState({ status: 'signedIn', user: session.user });
    } catch (error) {
      // A 401 is handled by the unauthenticated handler; anything else leaves us signed out.
      if (!(error instanceof ApiError && error.status === 401)) {
        setState((current) =>
          current.status === 'loading' ? { status: 'signedOut', reason: 'none' } : current,
        );
      }
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setState((current) =>
        current.status === 'signedOut'
          ? current
          : { status: 'signedOut', reason: current.status === 'signedIn' ? 'expired' : 'none' },
      );
    });
    setRestrictedHandler(() => void refresh());
    void refresh();
    return () => {
      setUnauthenticatedHandler(null);
      setRestrictedHandler(null);
    };
  }, [refresh]);

  const login = useCallback(async (credentials: Credentials) => {
    const session = await api.post<Session>('/api/auth/login', credentials);
    setCsrfToken(session.csrfToken);
    setState({ status: 'signedIn', user: session.user });
    return session.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      setState({ status: 'signedOut', reason: 'loggedOut' });
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered behind the guard. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useMe used outside the signed-in area');
  return state.user;
}

export function may(user: Me, action: Action): boolean {
  return user.actions.includes(action);
}
