/**
 * In front of the app: asks the server who this is, shows the sign-in page to no one, the app to
 * someone, and the sign-in page again (saying why) when the session ends mid-way. A new sign-in
 * mounts a fresh app, so nothing of the last account's canvas stays on screen.
 */
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { api, onSessionEnded } from '../../api/client.ts';
import { AuthContext, type AuthContextValue } from '../../hooks/useAuth.ts';
import { AuthSession } from '../../state/auth.ts';
import { AuthOffBanner } from './AuthOffBanner.tsx';
import { SignInPage } from './SignInPage.tsx';

export function AuthGate({ children }: { children: ReactNode }) {
  const [session] = useState(() => new AuthSession(api));
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot);
  useEffect(() => {
    void session.load();
    return onSessionEnded(session.ended);
  }, [session]);

  const signedIn = state.kind === 'signed-in' ? state : null;
  const value: AuthContextValue | null = useMemo(
    () => signedIn && { actor: signedIn.me.actor, authOff: signedIn.options.authOff, signOut: session.signOut },
    [signedIn, session],
  );

  if (state.kind === 'loading') return <div className="gate-loading muted">Loading…</div>;
  if (state.kind === 'unreachable')
    return (
      <main className="sign-in-page">
        <div className="sign-in" role="alert">
          <div className="brand">scamnet</div>
          <p>The server could not say who you are: {state.message}</p>
          <button onClick={() => void session.load()}>Try again</button>
        </div>
      </main>
    );
  if (state.kind === 'signed-out')
    return <SignInPage options={state.options} reason={state.reason} onSignIn={session.signIn} />;
  // signed in, so value is set (it is derived from the same state)
  if (!value) return null;
  return (
    <AuthContext.Provider value={value}>
      <div className="shell">
        {value.authOff && <AuthOffBanner />}
        {/* keyed by the account: a different sign-in starts from an empty canvas */}
        <div className="shell-app" key={`${value.actor.name}/${value.actor.via}`}>
          {children}
        </div>
      </div>
    </AuthContext.Provider>
  );
}
