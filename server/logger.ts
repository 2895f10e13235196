/** Structured logs with pino; tests pass level 'silent'. */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * What pino-http would otherwise write into every request's log line: the session cookie, API
 * tokens and the cookie the server sets are credentials, and logs travel further than AUTH_DIR.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  // the one-time link's token (its URL is blanked by redactUrl)
  'req.query.token',
];

/** A request URL as logged: secrets in the query (the one-time link's token) blanked. */
export function redactUrl(url: unknown): unknown {
  return typeof url === 'string' ? url.replace(/([?&]token=)[^&#]*/gi, '$1[Redacted]') : url;
}

/** `destination`: where the lines go (standard output unless a test collects them). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'scamnet', pid: process.pid }, redact: { paths: REDACTED_PATHS } };
  return destination ? pino(options, destination) : pino(options);
}
