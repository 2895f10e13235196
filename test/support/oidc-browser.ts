/**
 * A browser, as far as OpenID Connect sign-in needs one: it follows redirects by hand with
 * `fetch`, keeps each server's cookies (by host:port, honouring Path and removal), and fills in
 * oidc-provider's development login and consent forms.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const attr = (key: string) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1) ?? undefined;
      const path = attr('path') ?? '/';
      const expires = attr('expires');
      const key = `${url.host} ${name} ${path}`;
      const removed = attr('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
      if (removed) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.cookies.entries()]
      .filter(([key, c]) => key.startsWith(`${url.host} `) && url.pathname.startsWith(c.path))
      .map(([, c]) => `${c.name}=${c.value}`)
      .join('; ');
  }

  /** The value of a cookie this jar holds for the URL's server, if any. */
  get(url: URL, name: string): string | undefined {
    for (const [key, c] of this.cookies) if (key.startsWith(`${url.host} `) && c.name === name) return c.value;
    return undefined;
  }
}

export interface Step {
  url: URL;
  response: Response;
}

export class Browser {
  readonly jar = new CookieJar();

  async get(url: URL | string, accept = '*/*'): Promise<Response> {
    const target = new URL(url);
    const response = await fetch(target, {
      redirect: 'manual',
      headers: { cookie: this.jar.header(target), accept },
    });
    this.jar.store(target, response);
    return response;
  }

  async postForm(url: URL, form: Record<string, string>): Promise<Response> {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.jar.header(url), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    this.jar.store(url, response);
    return response;
  }

  /**
   * Goes to `start` and follows the redirects through the provider, signing in there as
   * `accountId` and consenting, until the provider sends the browser to `callbackPrefix`.
   * Returns that callback URL without visiting it, so a test may visit it as it is or tamper
   * with it first. `abort` cancels at the provider's login form instead.
   */
  async throughProvider(
    start: string,
    callbackPrefix: string,
    accountId: string,
    options: { abort?: boolean } = {},
  ): Promise<URL> {
    let next = new URL(start);
    for (let hop = 0; hop < 20; hop++) {
      if (next.href.startsWith(callbackPrefix)) return next;
      const response = await this.get(next, 'text/html');
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        next = new URL(location, next);
        continue;
      }
      if (response.status !== 200)
        throw new Error(`${next.href} answered ${response.status}: ${await response.text()}`);
      const html = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`no interaction form at ${next.href}`);
      if (options.abort) {
        const abort = /href="([^"]*\/abort)"/.exec(html)?.[1];
        if (!abort) throw new Error('no abort link on the provider page');
        next = new URL(abort.replace(/&amp;/g, '&'), next);
        continue;
      }
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt };
      const posted = await this.postForm(new URL(action, next), form);
      const to = posted.headers.get('location');
      if (!to) throw new Error(`the provider's ${prompt} form answered ${posted.status} without a redirect`);
      next = new URL(to, next);
    }
    throw new Error('too many redirects');
  }
}
