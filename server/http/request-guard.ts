/**
 * What a web page in the investigator's browser must not be able to do to this server, checked
 * once for every route before anything else runs:
 *
 * - **Host** (DNS rebinding): a page on `evil.example` whose name is re-pointed at 127.0.0.1 talks
 *   to us as its own origin, so the browser lets it read the answers. Its requests still carry
 *   `Host: evil.example`, so only names this server answers to are served: the bound name,
 *   `localhost`, `127.0.0.1`, `[::1]` (any port) and ALLOWED_HOSTS; anything else is
 *   `421 misdirected_request`, for static files as for the API.
 * - **Origin** (cross-site request forgery): a form or a `no-cors` fetch on another site can send
 *   a POST here without reading the answer, which is enough to plant nodes or run a query. Unsafe
 *   methods are refused (`403 cross_origin`) unless `Origin` — or, without it, `Referer` — is this
 *   server's own origin or listed in ALLOWED_ORIGINS. A request with neither (curl, the CLIs)
 *   must say `Content-Type: application/json` or send `X-Scamnet-Request`, which no page can send
 *   to another origin without a CORS preflight (and we answer none).
 * - **Body types**: the only bodies browsers may send cross-origin without asking are forms
 *   (urlencoded, multipart) and text/plain. No route takes those: a body must be JSON, or
 *   multipart with `X-Scamnet-Request` (the import upload). Anything else is
 *   `415 unsupported_content_type`, whatever the Origin says.
 *
 * No CORS headers are sent anywhere, so no other origin ever gets to read an answer.
 */
import { isIPv6 } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

/** The header the web client and the CLIs send; a page on another origin cannot send it to us. */
export const REQUEST_HEADER = 'X-Scamnet-Request';
export const REQUEST_HEADER_VALUE = '1';

export interface RequestGuardOptions {
  /** HOST: the address the server is bound to (its name is accepted as a Host) */
  host: string;
  /** ALLOWED_HOSTS: further names clients may use for this server (a reverse proxy's name, a LAN name) */
  allowedHosts?: readonly string[];
  /** ALLOWED_ORIGINS: other origins whose pages may send unsafe requests (e.g. `https://scamnet.example`) */
  allowedOrigins?: readonly string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
/** host [":" port]: a reg-name or IPv4 address, or an IPv6 address in brackets; nothing else (no userinfo, no path) */
const HOST_HEADER = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9._-]+))(?::(\d{1,5}))?$/i;

/** A host name as compared: lower case, without the trailing dot of a fully-qualified name, IPv6 without brackets. */
export function normaliseHostName(name: string): string {
  const lower = name
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** The name in a Host header, or undefined when the header is not a plain host[:port]. */
export function hostNameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = HOST_HEADER.exec(header.trim());
  if (!match) return undefined;
  const [, v6, name, port] = match;
  if (port !== undefined && Number(port) > 65535) return undefined;
  if (v6 !== undefined && !isIPv6(v6)) return undefined;
  // the pattern's alternation captures exactly one of the bracketed address and the name
  const literal = v6 ?? name;
  if (literal === undefined) return undefined;
  const host = normaliseHostName(literal);
  // "a..b", ".a" and similar are not names a browser sends
  if (!host || host.split('.').some((label) => label === '')) return undefined;
  return host;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** Every name this server answers to. Bound to a wildcard, that includes the machine's own addresses. */
export function acceptedHostNames(options: RequestGuardOptions): Set<string> {
  const names = new Set([...LOOPBACK_NAMES, normaliseHostName(options.host)]);
  if (WILDCARDS.has(options.host)) {
    // An address literal cannot be rebound (rebinding needs a name the attacker controls), so the
    // machine's own addresses are safe to accept; its public *name* must be in ALLOWED_HOSTS.
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) names.add(normaliseHostName(a.address.replace(/%.*$/, '')));
  }
  for (const name of options.allowedHosts ?? []) names.add(normaliseHostName(name));
  return names;
}

/** `scheme://host[:port]` of a URL, normalised the way browsers write Origin; undefined when it is not http(s). */
export function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** The server's own origin as the browser sees it: the scheme of the claimed origin with the Host header's host[:port]. */
function isOwnOrigin(origin: string, hostHeader: string): boolean {
  const scheme = origin.startsWith('https:') ? 'https:' : 'http:';
  // comparing hosts lets a TLS-terminating proxy that passes Host through work unconfigured
  return originOf(`${scheme}//${hostHeader.trim()}`) === origin;
}

const mediaType = (header: string | undefined) => (header?.split(';')[0] ?? '').trim().toLowerCase();

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return (
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0')
  );
}

export function requestGuard(options: RequestGuardOptions): RequestHandler {
  const hosts = acceptedHostNames(options);
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map((o) => originOf(o) ?? o));

  return (req, _res, next) => {
    const hostHeader = req.headers.host;
    const host = hostNameOf(hostHeader);
    // hostNameOf finds no host without a header; checking both lets TypeScript know the header is there
    if (!hostHeader || !host || !hosts.has(host)) {
      next(
        new AppError(
          'misdirected_request',
          'this server does not answer to the host name in the request: use localhost, 127.0.0.1, [::1], the name it is bound to, or list the name in ALLOWED_HOSTS',
          { host: hostHeader ?? null },
        ),
      );
      return;
    }
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }

    const custom = req.headers[REQUEST_HEADER.toLowerCase()] !== undefined;
    const type = mediaType(req.headers['content-type']);
    const origin = req.headers.origin;
    const referer = req.headers.referer;
    const claimed =
      origin !== undefined ? origin : referer !== undefined ? (originOf(referer) ?? 'unreadable') : undefined;
    if (claimed !== undefined) {
      const ok = claimed !== 'null' && (allowedOrigins.has(claimed) || isOwnOrigin(claimed, hostHeader));
      if (!ok) {
        next(
          new AppError(
            'cross_origin',
            `${req.method} from another origin (${claimed.slice(0, 200)}) is refused; list it in ALLOWED_ORIGINS to allow it`,
            {
              origin: origin ?? null,
              referer: origin === undefined ? (referer ?? null) : null,
            },
          ),
        );
        return;
      }
    } else if (type !== 'application/json' && !custom) {
      next(
        new AppError(
          'cross_origin',
          `a ${req.method} without Origin or Referer must send Content-Type: application/json or the ${REQUEST_HEADER} header`,
          { contentType: req.headers['content-type'] ?? null },
        ),
      );
      return;
    }

    if (type === 'multipart/form-data' && !custom) {
      next(
        new AppError(
          'cross_origin',
          `a multipart upload must send the ${REQUEST_HEADER}: ${REQUEST_HEADER_VALUE} header (the web client and the import CLI do)`,
        ),
      );
      return;
    }
    if ((type !== '' || hasBody(req.headers)) && type !== 'application/json' && type !== 'multipart/form-data') {
      next(
        new AppError(
          'unsupported_content_type',
          'request bodies must be application/json (or multipart/form-data for POST /api/import)',
          {
            contentType: req.headers['content-type'] ?? null,
          },
        ),
      );
      return;
    }
    next();
  };
}
