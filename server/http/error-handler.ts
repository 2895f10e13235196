/**
 * The one place failures become HTTP responses: `{error: {code, message, details}}` with the
 * status for the code. Unknown errors are logged and answered as a plain 500, never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, isAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/**
 * Express and body-parser mark the client's mistakes with a 4xx `status` (a body that is not
 * JSON or too large, a URL whose %-encoding is broken); those become typed errors too.
 */
function fromExpress(error: { type?: string; status?: unknown }): AppError | undefined {
  if (error.type === 'entity.parse.failed') return new AppError('bad_request', 'the request body is not valid JSON');
  if (error.type === 'entity.too.large' || error.status === 413)
    return new AppError('too_large', 'the request body is too large');
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    return new AppError('bad_request', 'the request is malformed (check the URL encoding and the body)');
  }
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = isAppError(error) ? error : fromExpress(error ?? {});
    const appError = known ?? new AppError('internal', 'internal error');
    if (!known || appError.status >= 500)
      logger.error({ err: error, method: req.method, url: req.originalUrl }, appError.message);
    // A client (or a proxy) may retry a store that is restarting; the engine says when.
    if (appError.code === 'store_restarting') {
      const after = (appError.details as { retryAfterSeconds?: number } | null)?.retryAfterSeconds ?? 1;
      res.setHeader('Retry-After', String(after));
    }
    // `retriable` only when true: the body of every other error stays {code, message, details}.
    const retriable = appError.retriable ? { retriable: true } : {};
    res
      .status(appError.status)
      .json({ error: { code: appError.code, message: appError.message, details: appError.details, ...retriable } });
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `no route ${req.method} ${req.path}`));
};
