/** Across the top of every page when the server runs with AUTH=off: no one need sign in. */
export function AuthOffBanner() {
  return (
    <div className="auth-off-banner" role="alert" data-testid="auth-off-banner">
      Sign-in is off: anyone on this machine can read and change everything
    </div>
  );
}
