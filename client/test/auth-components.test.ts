/**
 * The sign-in page, the banner and the user menu's chip rendered to HTML with react-dom/server,
 * from the options the server gives (GET /api/auth/options). The browser suite
 * (test/e2e/auth.browser.test.ts) signs in for real.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SignInPage } from '../src/components/auth/SignInPage.tsx';
import { AuthOffBanner } from '../src/components/auth/AuthOffBanner.tsx';
import { TlpChip } from '../src/components/auth/TlpChip.tsx';
import { TLP_COLOURS } from '../../server/model/markings.ts';

const signIn = () => Promise.resolve();

describe('sign-in page', () => {
  it('offers the provider by name when the server has OIDC, beside the password form', () => {
    const html = renderToStaticMarkup(
      createElement(SignInPage, {
        options: { local: true, oidc: true, authOff: false, oidcName: 'Agency SSO' },
        reason: null,
        onSignIn: signIn,
      }),
    );
    expect(html).toContain('href="/api/auth/oidc/start"');
    expect(html.replace(/<!-- -->/g, '')).toContain('>Sign in with Agency SSO</a>');
    expect(html).toContain('name="password"');
  });

  it('has no provider button without OIDC, and says why it is shown again', () => {
    const html = renderToStaticMarkup(
      createElement(SignInPage, {
        options: { local: true, oidc: false, authOff: false },
        reason: 'Your session ended. Sign in again to go on.',
        onSignIn: signIn,
      }),
    );
    expect(html).not.toContain('/api/auth/oidc/start');
    expect(html).toContain('Your session ended');
  });
});

describe('markings and the AUTH=off banner', () => {
  it('prints the clearance in FIRST colours', () => {
    for (const tlp of ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const) {
      const html = renderToStaticMarkup(createElement(TlpChip, { tlp }));
      expect(html).toContain(`color:${TLP_COLOURS[tlp]}`);
      expect(html).toContain(`TLP:${tlp}`);
    }
  });
  it('says sign-in is off', () => {
    expect(renderToStaticMarkup(createElement(AuthOffBanner))).toContain(
      'Sign-in is off: anyone on this machine can read and change everything',
    );
  });
});
