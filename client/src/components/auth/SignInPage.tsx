/**
 * The sign-in page: name and password, the server's refusal in words (wrong name or password, too
 * many attempts and when to try again), and single sign-on when the server offers it.
 */
import { useState } from 'react';
import type { AuthOptions } from '../../api/client.ts';
import { signInError } from '../../state/auth.ts';

interface Props {
  options: AuthOptions;
  /** why the page is shown again (the session ended), if it is */
  reason: string | null;
  onSignIn(name: string, password: string): Promise<void>;
}

export function SignInPage({ options, reason, onSignIn }: Props) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      // account names are lower-case (server/model/account.ts): "Vera" is vera, not a refusal
      await onSignIn(name.trim().toLowerCase(), password);
    } catch (e) {
      setError(signInError(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in-page">
      <form
        className="sign-in"
        aria-label="Sign in"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="brand">scamnet</div>
        <h2>Sign in</h2>
        {reason && (
          <p className="sign-in-reason" role="status" data-testid="sign-in-reason">
            {reason}
          </p>
        )}
        {options.local && (
          <>
            <label>
              Name
              <input
                name="username"
                autoComplete="username"
                autoFocus
                required
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </label>
            <label>
              Password
              <input
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            {error && (
              <p className="refusal" role="alert" data-testid="sign-in-error">
                {error}
              </p>
            )}
            <button className="primary" type="submit" disabled={busy || !name.trim() || !password}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
          </>
        )}
        {options.oidc && (
          <>
            {options.local && <div className="or muted small">or</div>}
            {/* a full-page navigation: the provider's page, then back to the callback with the cookie */}
            <a className="button oidc" href="/api/auth/oidc/start">
              Sign in with {options.oidcName ?? 'single sign-on'}
            </a>
          </>
        )}
        <p className="muted small">
          No account? An admin adds one (<code>npm run user -- add &lt;name&gt;</code>); the first start prints a
          one-time sign-in link for the first admin.
        </p>
      </form>
    </main>
  );
}
